"""Benchmark: how two local slots should share the cores, and the memory estimate against reality.

Run with `.venv/bin/python bench/schedules.py` (a few minutes on 2 cores).

Schedules: two slots, each its own llama_cpp.Llama instance of the bundled model, answer the same
prompt (same seed, temperature, token limit and stop strings) under
  (a) one after another, all cores each;
  (b) in parallel, the cores split between them;
  (c) in parallel, all cores each.
Both models are loaded and warmed up before any timing, so only generation is timed: the wall
time until both answers are complete. Rounds are interleaved (a, b, c, a, b, c, …) so that the
shared machine's drift hits every schedule alike; the median per schedule is reported.

Memory: each context length is loaded in a fresh process (so nothing else is resident) and the
growth of its resident memory is measured after an answer to a short prompt and to one that
fills the context, against `estimate_memory`.
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

import llama_cpp
import psutil

from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.model_files.gguf_header import inspect_model_file
from imitation_lens.core.running.lineup import SamplingParams
from imitation_lens.core.running.memory import (
    MemoryEstimate,
    Schedule,
    available_memory,
    estimate_memory,
    plan_schedule,
)
from imitation_lens.core.running.prompting import build_prompt

PROMPT = "Write a short essay about the history of Rome."
# The app's sampling settings at its default context length. Seed 4 because its answer runs the
# full 96 tokens; with seed 42 a freshly evaluated prompt stops at "\nQuestion:" after 23, too
# short to time.
PARAMS = SamplingParams(max_tokens=96, temperature=0.7, seed=4, context_length=2048)
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
MEMORY_CONTEXTS = (1024, 8192)
# The answer's room at the end of a filled context.
FILL_SPARE = 200
MIB = 1024 * 1024


def load(path: Path, threads: int) -> Any:
    return llama_cpp.Llama(
        model_path=str(path),
        n_ctx=PARAMS.context_length,
        n_threads=threads,
        n_threads_batch=threads,
        seed=PARAMS.seed,
        verbose=False,
    )


def answer(llm: Any, threads: int) -> int:
    """Generate one answer with `threads` threads; returns the number of tokens generated."""
    built = build_prompt(PROMPT, "completion")
    tokens = llm.tokenize(built.text.encode(), add_bos=True, special=True)
    llama_cpp.llama_set_n_threads(llm.ctx, threads, threads)
    # Without the reset the second answer would reuse the first one's prompt from the cache.
    llm.reset()
    result = llm.create_completion(
        tokens,
        max_tokens=PARAMS.max_tokens,
        temperature=PARAMS.temperature,
        top_p=PARAMS.top_p,
        top_k=PARAMS.top_k,
        repeat_penalty=PARAMS.repeat_penalty,
        seed=PARAMS.seed,
        stop=built.stop,
    )
    return int(result["usage"]["completion_tokens"])


def one_after_another(llms: list[Any], threads: int) -> tuple[float, list[int]]:
    start = time.perf_counter()
    counts = [answer(llm, threads) for llm in llms]
    return time.perf_counter() - start, counts


def side_by_side(llms: list[Any], threads: int) -> tuple[float, list[int]]:
    counts = [0] * len(llms)
    barrier = threading.Barrier(len(llms) + 1)

    def work(index: int) -> None:
        barrier.wait()
        counts[index] = answer(llms[index], threads)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(len(llms))]
    for worker in workers:
        worker.start()
    barrier.wait()
    start = time.perf_counter()
    for worker in workers:
        worker.join()
    return time.perf_counter() - start, counts


def schedules(path: Path, cores: int) -> dict[str, float]:
    llms = [load(path, cores), load(path, cores)]
    split = max(1, cores // len(llms))
    runs: dict[str, Callable[[], tuple[float, list[int]]]] = {
        f"(a) one after another, {cores} threads each": lambda: one_after_another(llms, cores),
        f"(b) in parallel, {split} thread(s) each": lambda: side_by_side(llms, split),
        f"(c) in parallel, {cores} threads each": lambda: side_by_side(llms, cores),
    }
    for llm in llms:  # warm up: page the weights in, first-call setup
        answer(llm, cores)
    times: dict[str, list[float]] = {name: [] for name in runs}
    tokens: dict[str, list[int]] = {name: [] for name in runs}
    for round_number in range(ROUNDS):
        for name, run in runs.items():
            seconds, counts = run()
            times[name].append(seconds)
            tokens[name].extend(counts)
        print(f"  round {round_number + 1}: " + ", ".join(f"{t[-1]:.2f} s" for t in times.values()))
    for llm in llms:
        llm.close()
    for name in runs:
        print(f"  tokens per answer {name}: {sorted(set(tokens[name]))}")
    return {name: statistics.median(values) for name, values in times.items()}


def schedule_name(schedule: Schedule, cores: int) -> str:
    if not schedule.parallel:
        return "(a)"
    return "(c)" if all(t == cores for t in schedule.threads) and cores > 1 else "(b)"


def measure_child(path: Path, context: int, fill: bool) -> None:
    """Runs in a fresh process: load, answer, print the resident memory's growth as JSON."""
    process = psutil.Process()
    before = process.memory_info().rss
    llm = llama_cpp.Llama(
        model_path=str(path),
        n_ctx=context,
        n_threads=2,
        n_threads_batch=2,
        seed=PARAMS.seed,
        verbose=False,
    )
    loaded = process.memory_info().rss
    built = build_prompt(PROMPT, "completion")
    tokens = llm.tokenize(built.text.encode(), add_bos=True, special=True)
    if fill:
        filler = llm.tokenize((" The history of Rome is long." * context).encode(), add_bos=False)
        tokens = tokens[:1] + filler[: context - FILL_SPARE - len(tokens)] + tokens[1:]
    llm.create_completion(
        tokens, max_tokens=PARAMS.max_tokens, temperature=PARAMS.temperature, seed=PARAMS.seed
    )
    after = process.memory_info().rss
    # ru_maxrss is in KiB on Linux: the peak, in case something was freed before `after`.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(
        json.dumps(
            {
                "loaded": loaded - before,
                "after": after - before,
                "peak": max(after, peak) - before,
                "prompt_tokens": len(tokens),
            }
        )
    )


def memory_check(path: Path) -> None:
    facts = inspect_model_file(path)
    print("memory: resident growth of a fresh process, against estimate_memory")
    for context in MEMORY_CONTEXTS:
        estimate: MemoryEstimate = estimate_memory(facts, context)
        print(
            f"  n_ctx {context}: estimate {estimate.total_bytes / MIB:.1f} MiB = weights "
            f"{estimate.weights_bytes / MIB:.1f} + KV cache {estimate.kv_cache_bytes / MIB:.1f} + "
            f"overhead {estimate.overhead_bytes / MIB:.1f}"
        )
        for fill in (False, True):
            output = subprocess.run(
                [sys.executable, __file__, "--memory-child", str(path), str(context), str(fill)],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            measured = json.loads(output.strip().splitlines()[-1])
            peak = int(measured["peak"])
            verdict = "ok" if estimate.total_bytes >= peak else "ESTIMATE TOO LOW"
            print(
                f"    {measured['prompt_tokens']:>5}-token prompt: after loading "
                f"{measured['loaded'] / MIB:.1f} MiB, after the answer {peak / MIB:.1f} MiB; "
                f"estimate/measured {estimate.total_bytes / peak:.3f} ({verdict})"
            )


def main() -> int:
    if sys.argv[1:2] == ["--memory-child"]:
        measure_child(Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "True")
        return 0
    cores = psutil.cpu_count(logical=False) or psutil.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        path = ensure_bundled_model(Path(scratch) / "models")
        print(f"llama-cpp-python {llama_cpp.__version__}, {cores} cores, {ROUNDS} rounds")
        memory_check(path)
        print("schedules: two slots of the bundled model; generation timed, loading not")
        medians = schedules(path, cores)
        facts = inspect_model_file(path)
    best = min(medians.values())
    sequential = next(iter(medians.values()))
    for name, seconds in medians.items():
        print(
            f"  {name}: median {seconds:.2f} s, {seconds / best:.3f} of the best, "
            f"{seconds / sequential:.3f} of (a)"
        )
    estimate = estimate_memory(facts, PARAMS.context_length)
    available = available_memory()
    plan = plan_schedule([estimate, estimate], available, cores)
    picked = schedule_name(plan, cores)
    picked_seconds = next(s for n, s in medians.items() if n.startswith(picked))
    within = picked_seconds <= best * 1.05
    print(
        f"plan_schedule for 2 slots at n_ctx {PARAMS.context_length}, {available / 2**30:.1f} GiB free, "
        f"{cores} cores: parallel={plan.parallel}, threads={plan.threads} -> {picked}, "
        f"{picked_seconds / best:.3f} of the best: "
        f"{'within' if within else 'NOT within'} 5%"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
