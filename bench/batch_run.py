"""Benchmark: a 100-item batch across three local slots on the bundled model.

Measures, in one run (the machine is shared and noisy; ratios are what mean something):
- resident memory of the process when the models are loaded (after item 1), at the middle and
  at the end: the goal is no growth above 10% once the models are loaded;
- the app's overhead per item against the same generations done with plain llama-cpp-python in
  the same shape (three models side by side, one thread each as the app's plan chose, the
  items one after another), with the prompts exactly as the app sent them, same settings and
  seeds; the answers are compared to show both did the same work.

Run with `make bench` (or `python bench/batch_run.py`; BENCH_ITEMS=20 for a quick look).
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast

import llama_cpp
import psutil

from imitation_lens.core.batches.prompt_sets import PromptSet, built_in_sets
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.running.events import Runner
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.store import Store

ITEMS = int(os.environ.get("BENCH_ITEMS", "100"))
PARAMS = SamplingParams(max_tokens=24, context_length=1024, seed=7)
LINEUP = [
    SlotConfig("Base", LocalModel(prompt_mode="completion"), PARAMS),
    SlotConfig("Imitator", LocalModel(prompt_mode="teacher-style"), PARAMS),
    SlotConfig(
        "Teacher",
        LocalModel(prompt_mode="completion"),
        SamplingParams(max_tokens=24, context_length=1024, seed=7, temperature=0.0),
    ),
]


def rss_mib() -> float:
    return psutil.Process().memory_info().rss / 2**20


def run_app(paths: DataPaths) -> tuple[str, dict[int, float], dict[str, float]]:
    """Run the batch through the app; (batch id, seconds per item by place, RSS samples)."""
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    prompt_set = PromptSet(probes.id, probes.name, probes.items[:ITEMS])
    store = Store(paths.database)
    session_id = store.create_session("bench", [s.to_dict() for s in LINEUP])
    batch_id = create_batch(store, session_id, prompt_set, LINEUP)
    store.close()
    scheduler = LocalScheduler(lambda: LINEUP, paths.models)

    def make_runner(index: int) -> Callable[[], Runner]:
        return runner_factory(LINEUP[index], scheduler, paths.models, paths.database)

    ended = threading.Event()
    finished_at: dict[int, float] = {0: time.perf_counter()}
    memory: dict[str, float] = {"before loading": rss_mib()}
    middle = max(2, ITEMS // 2)

    def on_progress(progress: BatchProgress) -> None:
        if progress.answered not in finished_at:
            finished_at[progress.answered] = time.perf_counter()
            if progress.answered == 1:
                memory["start (models loaded, item 1 done)"] = rss_mib()
            elif progress.answered == middle:
                memory[f"middle (item {middle})"] = rss_mib()
            elif progress.answered == ITEMS:
                memory[f"end (item {ITEMS})"] = rss_mib()

    run = BatchRun(paths.database, batch_id, LINEUP, make_runner, on_progress, on_end=ended.set)
    run.start()
    ended.wait()
    per_item = {n: finished_at[n] - finished_at[n - 1] for n in range(1, ITEMS + 1)}
    return batch_id, per_item, memory


def app_answers(paths: DataPaths, batch_id: str) -> list[list[dict[str, Any]]]:
    store = Store(paths.database)
    rows = list(
        store.db.query(
            "SELECT r.*, i.batch_position FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.batch_id = ? ORDER BY i.batch_position, r.slot_index",
            [batch_id],
        )
    )
    store.close()
    by_item: list[list[dict[str, Any]]] = [[] for _ in range(ITEMS)]
    for row in rows:
        by_item[row["batch_position"] - 1].append(row)
    return by_item


class PlainSlot:
    """One llama-cpp-python model on its own thread: what the app's slot does, minus the app."""

    def __init__(self, model: Path, params: SamplingParams, threads: int) -> None:
        self.llm = llama_cpp.Llama(
            model_path=str(model),
            n_ctx=params.context_length,
            n_threads=threads,
            n_threads_batch=threads,
            seed=params.seed,
            verbose=False,
        )
        self.params = params

    def answer(self, prompt_sent: str, stop: list[str], add_bos: bool) -> str:
        tokens = self.llm.tokenize(prompt_sent.encode("utf-8"), add_bos=add_bos, special=True)
        pieces = []
        stream = self.llm.create_completion(
            tokens,
            max_tokens=self.params.max_tokens,
            temperature=self.params.temperature,
            top_p=self.params.top_p,
            top_k=self.params.top_k,
            repeat_penalty=self.params.repeat_penalty,
            seed=self.params.seed,
            stop=stop or None,
            stream=True,
        )
        for chunk in cast("Iterator[Any]", stream):
            pieces.append(chunk["choices"][0]["text"])
        return "".join(pieces)


def run_plain(
    model: Path, answers: list[list[dict[str, Any]]]
) -> tuple[list[float], int, dict[str, float]]:
    """The same generations, item by item, three models side by side; (seconds per item,
    answers identical to the app's, RSS samples)."""
    threads = [int(row["threads"]) for row in answers[0]]
    slots = [PlainSlot(model, slot.params, n) for slot, n in zip(LINEUP, threads, strict=True)]
    per_item = []
    same = 0
    memory: dict[str, float] = {}
    for number, rows in enumerate(answers, start=1):
        results: list[str] = [""] * len(rows)

        def work(index: int, row: dict[str, Any], out: list[str] = results) -> None:
            params = json.loads(row["params"])
            out[index] = slots[index].answer(
                row["prompt_sent"],
                list(params.get("stop") or []),
                bool(params.get("add_bos", True)),
            )

        workers = [
            threading.Thread(target=work, args=(index, row)) for index, row in enumerate(rows)
        ]
        start = time.perf_counter()
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        per_item.append(time.perf_counter() - start)
        same += sum(result == row["text"] for result, row in zip(results, rows, strict=True))
        if number in (1, max(2, ITEMS // 2), ITEMS):
            memory[f"item {number}"] = rss_mib()
    for slot in slots:
        slot.llm.close()
    return per_item, same, memory


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        paths = DataPaths(Path(folder)).create()
        model = ensure_bundled_model(paths.models)
        print(f"{ITEMS}-item batch, 3 local slots (bundled Gemma 3 270M, max 24 tokens each)")
        batch_id, app_seconds, memory = run_app(paths)
        answers = app_answers(paths, batch_id)
        assert all(len(rows) == 3 for rows in answers)
        # An answer the model ends before its first word is stored as failed (an empty answer is
        # never Done); plain llama-cpp-python must then give "" for it too.
        empty = sum(r["status"] == "failed" and not r["text"] for rows in answers for r in rows)
        assert all(r["status"] == "done" or not r["text"] for rows in answers for r in rows)
        plain_seconds, same, plain_memory = run_plain(model, answers)

    print("\nResident memory (MiB):")
    for label, value in memory.items():
        print(f"  {label:<36} {value:8.1f}")
    loaded = memory["start (models loaded, item 1 done)"]
    end = memory[f"end (item {ITEMS})"]
    growth = (end - loaded) / loaded
    print(f"  growth once loaded: {growth * 100:+.1f}% (goal: at most +10%)")
    first, *_, last = plain_memory.values()
    print(
        "  plain llama-cpp-python, same generations (sampler chains left to the garbage collector): "
        + ", ".join(f"{label} {value:.1f}" for label, value in plain_memory.items())
        + f" — growth {(last - first) / first * 100:+.1f}%"
    )

    # Item 1 includes loading the models in the app; both sides are compared from item 2 on.
    app = [app_seconds[n] for n in range(2, ITEMS + 1)]
    plain = plain_seconds[1:]
    overhead = [a - p for a, p in zip(app, plain, strict=True)]
    print(f"\nPer item (items 2–{ITEMS}, three answers each):")
    print(
        f"  app median {statistics.median(app) * 1000:7.1f} ms, mean {statistics.fmean(app) * 1000:7.1f} ms"
    )
    print(
        f"  plain llama-cpp-python median {statistics.median(plain) * 1000:7.1f} ms, "
        f"mean {statistics.fmean(plain) * 1000:7.1f} ms"
    )
    print(
        f"  overhead per item: median {statistics.median(overhead) * 1000:+.1f} ms, "
        f"mean {statistics.fmean(overhead) * 1000:+.1f} ms"
    )
    print(f"  ratio app/plain (sum): {sum(app) / sum(plain):.3f}")
    print(f"  answers identical to plain llama-cpp-python: {same} of {3 * ITEMS}")
    print(f"  of which empty (the model stopped before its first word; stored as failed): {empty}")
    return 0 if growth <= 0.10 else 1


if __name__ == "__main__":
    sys.exit(main())
