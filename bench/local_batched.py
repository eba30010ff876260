"""Benchmark: a local model answering one question at a time against N at once in one context.

The same questions (the first BENCH_QUESTIONS factual probes), the same settings and seeds, on
the bundled Gemma 3 270M with all cores, in one run (the machine is shared and noisy; ratios
are what mean something):

- one at a time: core/running/local_runner.py, the window's runner and a batch's until now;
- N at once, N = 1, 2, 4, 8: core/running/batched_local.py, fed by N threads as a batch's
  pool feeds it (core/batches/in_flight.py), a new question starting as soon as one ends;
- the app: a batch with one local column through BatchRun, item by item against N at once
  (core/batches/local_at_once.py), so the claims, writes and reports are counted too.

Each configuration runs in its own process (peak resident memory is its own), after a warm-up
question that loads the model; rounds are interleaved and the median round is kept. Throughput
is generated tokens per second of wall time; "same answers" counts answers identical to the
one-at-a-time runner's.

Run with `python bench/local_batched.py` (BENCH_QUESTIONS=16 BENCH_ROUNDS=1 for a quick look).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from imitation_lens.core.batches.local_at_once import plan_local
from imitation_lens.core.batches.prompt_sets import PromptSet, built_in_sets
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.batches.run import BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.batched_local import BatchedLocalRunner
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Runner
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.core.running.local_runner import LocalRunner
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler, physical_cores
from imitation_lens.core.storage.store import Store

QUESTIONS = int(os.environ.get("BENCH_QUESTIONS", "32"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
# One thread: what each of the default lineup's three local columns gets on 2 cores, and a
# measure that a machine shared with other work disturbs least (two threads wait for each other).
THREADS = int(os.environ.get("BENCH_THREADS", "1"))
PARAMS = SamplingParams(max_tokens=64, context_length=1024, seed=7, threads=THREADS)
SOURCE = LocalModel(prompt_mode="completion")
ENGINE = ["one", "n1", "n2", "n4", "n8"]
APP = ["app1", "app4"]


def questions() -> list[str]:
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    return [item.prompt for item in probes.items[:QUESTIONS]]


def cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def ask_all(runner: Runner, prompts: list[str], at_once: int) -> list[FinishedEvent]:
    """Every prompt through `runner`, `at_once` threads asking (the next as one ends)."""
    done: list[FinishedEvent | None] = [None] * len(prompts)
    lock = threading.Lock()
    queue = list(enumerate(prompts))

    def worker() -> None:
        while True:
            with lock:
                if not queue:
                    return
                index, prompt = queue.pop(0)

            def emit(event: Event, index: int = index) -> None:
                if isinstance(event, FinishedEvent):
                    done[index] = event

            runner.generate(GenerationRequest(str(index), prompt), emit, threading.Event())

    threads = [threading.Thread(target=worker) for _ in range(at_once)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(event is not None for event in done)
    return [event for event in done if event is not None]


def engine(name: str, models: Path) -> dict[str, Any]:
    cores = THREADS
    at_once = 1 if name == "one" else int(name[1:])
    runner: Runner = (
        LocalRunner(SOURCE, PARAMS, cores, models)
        if name == "one"
        else BatchedLocalRunner(SOURCE, PARAMS, cores, models, at_once)
    )
    ask_all(runner, ["Hello"], 1)  # loads the model
    start, cpu = time.perf_counter(), cpu_s()
    answers = ask_all(runner, questions(), at_once)
    seconds = time.perf_counter() - start
    cpu = cpu_s() - cpu
    runner.close()
    return {
        "seconds": seconds,
        "tokens": sum(int(a.facts.get("tokens_out") or 0) for a in answers),
        "texts": [a.text for a in answers],
        "cpu": cpu,
        "failed": sum(a.status != "done" for a in answers),
        "peak_mib": peak_mib(),
    }


def app(name: str, paths: DataPaths) -> dict[str, Any]:
    lineup = [SlotConfig("Base", SOURCE, PARAMS)]
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    store = Store(paths.database)
    session_id = store.create_session("bench", [s.to_dict() for s in lineup])
    batch_id = create_batch(
        store, session_id, PromptSet(probes.id, probes.name, probes.items[:QUESTIONS]), lineup
    )
    store.close()
    scheduler = LocalScheduler(lambda: lineup, paths.models)
    wanted = int(name[3:])
    ended = threading.Event()
    run = BatchRun(
        paths.database,
        batch_id,
        lineup,
        lambda index: runner_factory(lineup[index], scheduler, paths.models, paths.database),
        lambda _progress: None,
        on_end=ended.set,
        local_plan=lambda: plan_local(lineup, scheduler, paths.models, wanted),
    )
    start, cpu = time.perf_counter(), cpu_s()
    run.start()
    ended.wait()
    seconds = time.perf_counter() - start  # loading included: about 0.3 s either way
    cpu = cpu_s() - cpu
    store = Store(paths.database)
    rows = list(
        store.db.query(
            "SELECT r.text, r.status, r.tokens_out FROM responses r JOIN items i "
            "ON i.id = r.item_id WHERE i.batch_id = ? ORDER BY i.batch_position",
            [batch_id],
        )
    )
    store.close()
    return {
        "seconds": seconds,
        "tokens": sum(int(r["tokens_out"] or 0) for r in rows),
        "texts": [r["text"] for r in rows],
        "cpu": cpu,
        "failed": sum(r["status"] != "done" for r in rows),
        "peak_mib": peak_mib(),
    }


def passes(models: Path) -> dict[str, Any]:
    """llama.cpp alone: milliseconds per pass of N tokens (one per sequence, each with its
    logits, as generation needs), after a 20-token prompt each; N interleaved, so a busy moment
    of the machine hits all alike. The least time is the engine's speed when undisturbed."""
    import llama_cpp
    from llama_cpp import _internals

    from imitation_lens.core.model_files.bundled_model import ensure_bundled_model

    params = llama_cpp.llama_model_default_params()
    params.n_gpu_layers = 0
    path = str(ensure_bundled_model(models))
    model = _internals.LlamaModel(path_model=path, params=params, verbose=False)
    contexts = {}
    for n in (1, 2, 4, 8):
        cparams = llama_cpp.llama_context_default_params()
        cparams.n_ctx, cparams.n_seq_max = 1024 * n, n
        cparams.n_batch = cparams.n_ubatch = 512
        cparams.n_threads = cparams.n_threads_batch = THREADS
        cparams.kv_unified = False
        cparams.flash_attn_type = llama_cpp.LLAMA_FLASH_ATTN_TYPE_DISABLED
        context = _internals.LlamaContext(model=model, params=cparams, verbose=False)
        contexts[n] = (context, llama_cpp.llama_batch_init(512, 0, 1))

    def decode(n: int, tokens: list[tuple[int, int, int, bool]]) -> float:
        context, batch = contexts[n]
        for i, (token, pos, seq, logits) in enumerate(tokens):
            batch.token[i], batch.pos[i], batch.n_seq_id[i] = token, pos, 1
            batch.seq_id[i][0], batch.logits[i] = seq, logits
        batch.n_tokens = len(tokens)
        start = time.perf_counter()
        assert llama_cpp.llama_decode(context.ctx, batch) == 0
        return time.perf_counter() - start

    for n in contexts:
        decode(n, [(100 + j, j, s, j == 19) for s in range(n) for j in range(20)])
    times: dict[int, list[float]] = {n: [] for n in contexts}
    for step in range(30):
        for n in contexts:
            times[n].append(decode(n, [(200 + step, 20 + step, s, True) for s in range(n)]))
    return {str(n): [min(t), statistics.median(t)] for n, t in times.items()}


def child(name: str, folder: str) -> None:
    paths = DataPaths(Path(folder))
    if name == "passes":
        print("RESULT " + json.dumps(passes(paths.models)))
        return
    result = app(name, paths) if name.startswith("app") else engine(name, paths.models)
    print("RESULT " + json.dumps(result))


def measure(name: str, folder: str) -> dict[str, Any]:
    shown = subprocess.run(
        [sys.executable, __file__, "--child", name, folder],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in shown.splitlines() if line.startswith("RESULT "))
    result: dict[str, Any] = json.loads(line[len("RESULT ") :])
    return result


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        DataPaths(Path(folder)).create()
        from imitation_lens.core.model_files.bundled_model import ensure_bundled_model

        ensure_bundled_model(DataPaths(Path(folder)).models)
        engine_alone = [measure("passes", folder) for _ in range(ROUNDS)]
        runs: dict[str, list[dict[str, Any]]] = {name: [] for name in ENGINE + APP}
        for round_ in range(ROUNDS):
            for name in ENGINE + APP:
                if name.startswith("app"):  # a fresh database each time
                    DataPaths(Path(folder)).database.unlink(missing_ok=True)
                runs[name].append(measure(name, folder))
                last = runs[name][-1]
                print(
                    f"round {round_ + 1} {name:5} {last['seconds']:6.1f} s "
                    f"{last['tokens'] / last['seconds']:6.1f} tok/s "
                    f"load {os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    print(
        f"\n{QUESTIONS} questions, {THREADS} thread(s), {physical_cores()} cores, "
        f"{ROUNDS} round(s), medians; load average {os.getloadavg()[0]:.1f}:"
    )
    base = runs["one"]
    one_rate = statistics.median(r["tokens"] / r["seconds"] for r in base)
    one_best = max(r["tokens"] / r["seconds"] for r in base)
    print(
        "| configuration | tokens/s median (best) | × one at a time median (best) "
        "| CPU ms per token | peak RSS MiB | same answers | failed |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, results in runs.items():
        rate = statistics.median(r["tokens"] / r["seconds"] for r in results)
        best = max(r["tokens"] / r["seconds"] for r in results)
        cpu = statistics.median(r["cpu"] / max(1, r["tokens"]) for r in results)
        same = sum(a == b for a, b in zip(results[0]["texts"], base[0]["texts"], strict=True))
        peak = max(r["peak_mib"] for r in results)
        failed = max(r["failed"] for r in results)
        print(
            f"| {name} | {rate:.1f} ({best:.1f}) | {rate / one_rate:.2f} ({best / one_best:.2f}) "
            f"| {cpu * 1000:.1f} | {peak:.0f} | "
            f"{same} of {QUESTIONS} | {failed} |"
        )
    print("\nllama.cpp alone, one pass of N tokens (ms, least / median of 30 per round):")
    print("| N | ms per pass, least | tokens/s at least | × N = 1 | ms per pass, median |")
    print("|---|---|---|---|---|")
    for n in ("1", "2", "4", "8"):
        least = min(r[n][0] for r in engine_alone)
        median = statistics.median(r[n][1] for r in engine_alone)
        one = min(r["1"][0] for r in engine_alone)
        speed = (int(n) / least) / (1 / one)
        print(
            f"| {n} | {least * 1000:.1f} | {int(n) / least:.0f} | {speed:.2f} | {median * 1000:.1f} |"
        )
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main())
