"""Runs one training plan in a child process and reports its progress.

(Contract only: the lead is writing the body.)
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from imitation_lens.core.training.plan import TrainedModel, TrainingPlan, TrainingProgress


class TrainingRun:
    """One run. `run()` blocks (call it in a task), calling `on_progress` from that thread;
    `cancel()` may be called from any thread: `run()` then raises TrainingCancelled and leaves
    nothing behind. Raises TrainingError with a plain message when the run cannot start or
    fails (untrainable model, too little memory or disk, the disk filling up mid-way)."""

    def __init__(
        self,
        plan: TrainingPlan,
        models_dir: Path,
        on_progress: Callable[[TrainingProgress], None],
    ) -> None:
        self.plan = plan
        self.models_dir = models_dir
        self.on_progress = on_progress

    def run(self) -> TrainedModel:
        raise NotImplementedError

    def cancel(self) -> None:
        raise NotImplementedError
