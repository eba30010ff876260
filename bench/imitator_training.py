"""Benchmark: how long making an imitator takes, and how much memory, for how many answers.

Trains the built-in trainable base (SmolLM2 135M) on the first N answers of the built-in
teacher-answer set, one epoch each, through the app's own TrainingRun (the training process,
exactly as the workshop runs it), and samples the training process's resident memory with
psutil. Prints, per size: training tokens, steps, seconds of the whole run and of training
alone, tokens a second, the peak memory, and each size's seconds per answer as a ratio to the
smallest size's (1.0 = time grows in proportion to the answers). Measured in one run, so the
ratios hold on a busy machine even when the seconds do not.

    python bench/imitator_training.py                 # 25, 50, 100 and every answer
    python bench/imitator_training.py --sizes 25 50
"""

from __future__ import annotations

import argparse
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

import psutil

from imitation_lens.core.model_files.trainable_base import locate_trainable_base
from imitation_lens.core.training.plan import TrainingPlan, TrainingProgress, TrainingSettings
from imitation_lens.core.training.run import TrainingRun
from imitation_lens.core.training.teacher_answers import built_in_answers


class PeakMemory:
    """The largest resident size of this process's children while it runs."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        me = psutil.Process()
        while not self._stop.wait(0.2):
            for child in me.children(recursive=True):
                try:
                    self.peak = max(self.peak, child.memory_info().rss)
                except psutil.Error:
                    continue


def measure(size: int, models: Path) -> dict[str, float]:
    answers = built_in_answers()
    answers = replace(answers, answers=answers.answers[:size])
    plan = TrainingPlan(
        str(locate_trainable_base()),
        "SmolLM2 135M Instruct · Q4_1",
        answers,
        TrainingSettings(epochs=1),
    )
    seen: list[TrainingProgress] = []
    started = time.perf_counter()
    marks: dict[str, float] = {}

    def on_progress(progress: TrainingProgress) -> None:
        seen.append(progress)
        if progress.phase == "training" and "training" not in marks:
            marks["training"] = time.perf_counter()
        if progress.phase == "saving" and "saving" not in marks:
            marks["saving"] = time.perf_counter()

    with PeakMemory() as memory:
        made = TrainingRun(plan, models, on_progress).run()
    total = time.perf_counter() - started
    training = marks["saving"] - marks["training"]
    steps = int(made.provenance["steps"])
    size_bytes = Path(made.path).stat().st_size
    Path(made.path).unlink()
    return {
        "answers": size,
        "tokens": steps * plan.settings.window,
        "steps": steps,
        "seconds": total,
        "training_seconds": training,
        "tokens_per_second": steps * plan.settings.window / training,
        "peak_gb": memory.peak / 1024**3,
        "file_mb": size_bytes / 1024**2,
        "held_out_before": float(made.provenance["held_out_loss_before"]),
        "held_out_after": float(made.provenance["held_out_loss_after"]),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=int, nargs="*", default=[25, 50, 100, 0], help="0: every answer"
    )
    args = parser.parse_args()
    every = len(built_in_answers().answers)
    sizes = [size or every for size in args.sizes]
    print(f"{psutil.cpu_count()} cores, {psutil.virtual_memory().total / 1024**3:.1f} GB memory")
    print(
        "answers  tokens  steps  run s  train s  tokens/s  peak GB  file MB  held-out loss   s/answer ratio"
    )
    first: float | None = None
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            row = measure(size, Path(folder))
            per_answer = row["seconds"] / size
            first = first or per_answer
            print(
                f"{size:7d}  {row['tokens']:6.0f}  {row['steps']:5.0f}  {row['seconds']:5.0f}  "
                f"{row['training_seconds']:7.0f}  {row['tokens_per_second']:8.0f}  {row['peak_gb']:7.2f}  "
                f"{row['file_mb']:7.0f}  {row['held_out_before']:.2f} → {row['held_out_after']:.2f}   "
                f"{per_answer / first:.2f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
