"""Benchmark: a batch against a server with N questions at once (N = 1, 2, 4, 8).

The server is llama-cpp-python's (`python -m llama_cpp.server`) on the bundled model: it
answers one request at a time, so more at once does not make it faster; what is measured is
the app's overhead against a plain `openai` client with N threads asking the same questions of
the same server, with the same settings (streamed, as the app asks). The ratio app / plain is
what means something (the machine is shared and noisy).

Run with `python bench/in_flight.py` (BENCH_ITEMS=24 by default).
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import openai

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from conftest import start_llama_server, stop_llama_server
from imitation_lens.core.batches.prompt_sets import PromptSet, built_in_sets
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.running.events import Runner
from imitation_lens.core.running.lineup import SamplingParams, Server, SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.servers.server_runner import sent_params
from imitation_lens.core.storage.store import Store

ITEMS = int(os.environ.get("BENCH_ITEMS", "24"))
AT_ONCE = (1, 2, 4, 8)
PARAMS = SamplingParams(max_tokens=16, temperature=0.0, seed=7)


def run_app(paths: DataPaths, prompt_set: PromptSet, server: Server) -> float:
    """Seconds for the whole batch through the app."""
    lineup = [SlotConfig("Teacher", server, PARAMS)]
    store = Store(paths.database)
    session_id = store.create_session("bench", [s.to_dict() for s in lineup])
    batch_id = create_batch(store, session_id, prompt_set, lineup)
    store.close()
    scheduler = LocalScheduler(lambda: lineup, paths.models)

    def make_runner(index: int) -> Callable[[], Runner]:
        return runner_factory(lineup[index], scheduler, paths.models, paths.database)

    ended = threading.Event()
    last: list[BatchProgress] = []
    run = BatchRun(paths.database, batch_id, lineup, make_runner, last.append, on_end=ended.set)
    started = time.perf_counter()
    run.start()
    ended.wait()
    took = time.perf_counter() - started
    assert last[-1].state == "finished" and last[-1].failed == 0, last[-1]
    return took


def run_plain(base_url: str, prompts: list[str], model: str, at_once: int) -> float:
    """Seconds for the same questions with a plain openai client and `at_once` threads."""
    client = openai.OpenAI(base_url=base_url, api_key="none", max_retries=0)

    def ask(prompt: str) -> str:
        stream = client.chat.completions.create(
            model=model,
            messages=[{"role": "user", "content": prompt}],
            stream=True,
            **sent_params(PARAMS),
        )
        return "".join(c.choices[0].delta.content or "" for c in stream if c.choices)

    started = time.perf_counter()
    with ThreadPoolExecutor(at_once) as pool:
        list(pool.map(ask, prompts))
    return time.perf_counter() - started


def main() -> None:
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    prompt_set = PromptSet(probes.id, probes.name, probes.items[:ITEMS])
    prompts = [item.prompt for item in prompt_set.items]
    with tempfile.TemporaryDirectory() as folder:
        model = ensure_bundled_model(Path(folder) / "models")
        # The tests' server, started the same way (interrupt_requests off: see conftest).
        process, base_url = start_llama_server(model, Path(folder) / "server.log")
        try:
            name = str(model)
            run_plain(base_url, prompts[:2], name, 1)  # warm up the server
            print(f"{ITEMS} questions, max_tokens={PARAMS.max_tokens}, llama_cpp.server")
            print("N  app s  plain s  app/plain  app questions/s")
            for at_once in AT_ONCE:
                paths = DataPaths(Path(folder) / f"data-{at_once}").create()
                server = Server(base_url, name, "", "never", in_flight=at_once)
                app = run_app(paths, prompt_set, server)
                plain = run_plain(base_url, prompts, name, at_once)
                print(
                    f"{at_once}  {app:5.1f}  {plain:7.1f}  {app / plain:9.2f}  {ITEMS / app:15.2f}",
                    flush=True,
                )
        finally:
            stop_llama_server(process)


if __name__ == "__main__":
    main()
