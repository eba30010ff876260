"""A scripted stand-in for core/training/run.py's `TrainingRun`, for the imitator workshop's tests.

Each run reports what a real one reports (preparing, every step of every epoch, saving) but
only as fast as the test lets it: `allow(n)` lets n more reports out, so a test sees the dialog in
each state without sleeping. Its result is a copy of a real GGUF file, written under a partial
name while "saving" and renamed at the end; `cancel()` (any thread) ends the run at its next
report, removes the partial file and raises TrainingCancelled, as the real run does.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from imitation_lens.core.training.plan import (
    MIN_ANSWERS,
    TeacherAnswer,
    TeacherAnswers,
    TrainedModel,
    TrainingCancelled,
    TrainingError,
    TrainingEstimate,
    TrainingPlan,
    TrainingProgress,
)

UNTRAINABLE = (
    "Gemma 3 models can't be trained in this app: llama.cpp can't yet work out how to change "
    "their weights. Pick a Llama-family model, such as SmolLM2 135M."
)


def teacher_answers(
    count: int = 20, name: str = "Teacher answers written by Claude"
) -> TeacherAnswers:
    answers = tuple(
        TeacherAnswer(f"Question {i}?", f"Certainly! Here is a clear overview: {i}.")
        for i in range(count)
    )
    return TeacherAnswers(name, "built in", "CC BY 4.0", answers, teacher="Claude")


def check_plan(plan: TrainingPlan, models_dir: Path) -> TrainingEstimate:
    """As the real check refuses: an untrainable architecture, too few answers."""
    if "gemma" in Path(plan.base_path).name.lower():
        raise TrainingError(UNTRAINABLE)
    count = len(plan.answers.answers)
    if count < MIN_ANSWERS:
        raise TrainingError(f"{count} teacher answers are too few to learn from.")
    held_out = max(1, round(count * plan.settings.held_out_share))
    return TrainingEstimate(count, held_out, 4000, 8, 900_000_000, 150_000_000, 330.0)


@dataclass
class ScriptedTraining:
    """Makes the runs (`make_run` is the workshop's `WorkshopServices.make_run`)."""

    source: Path  # the real GGUF each run's result is a copy of
    steps: int = 4  # over every epoch
    fail_at: int | None = None  # the report at which the run fails with `error`
    error: str = "The disk filled up while the model was being saved. Free some space."
    runs: list[ScriptedRun] = field(default_factory=list)
    _gate: threading.Condition = field(default_factory=threading.Condition)
    _allowed: int = 0

    def make_run(
        self,
        plan: TrainingPlan,
        models_dir: Path,
        on_progress: Callable[[TrainingProgress], None],
    ) -> ScriptedRun:
        run = ScriptedRun(self, plan, models_dir, on_progress)
        self.runs.append(run)
        return run

    def allow(self, reports: int = 1) -> None:
        with self._gate:
            self._allowed += reports
            self._gate.notify_all()

    def allow_all(self) -> None:
        self.allow(10_000)

    def wait_turn(self, run: ScriptedRun, sent: int) -> None:
        with self._gate:
            self._gate.wait_for(lambda: self._allowed > sent or run.cancelled.is_set())

    def wake(self) -> None:
        with self._gate:
            self._gate.notify_all()


class ScriptedRun:
    def __init__(
        self,
        script: ScriptedTraining,
        plan: TrainingPlan,
        models_dir: Path,
        on_progress: Callable[[TrainingProgress], None],
    ) -> None:
        self.script = script
        self.plan = plan
        self.models_dir = models_dir
        self.on_progress = on_progress
        self.cancelled = threading.Event()
        self.sent = 0
        self.target = models_dir / f"imitator-{plan.settings.seed}.gguf"
        self.partial = self.target.with_suffix(".gguf.part")
        self.ended = threading.Event()

    def cancel(self) -> None:
        self.cancelled.set()
        self.script.wake()

    def run(self) -> TrainedModel:
        try:
            return self._run()
        except BaseException:
            self.partial.unlink(missing_ok=True)  # nothing half-made is left behind
            raise
        finally:
            self.ended.set()

    def _report(self, progress: TrainingProgress) -> None:
        self.script.wait_turn(self, self.sent)
        if self.cancelled.is_set():
            raise TrainingCancelled()
        if self.script.fail_at == self.sent:
            raise TrainingError(self.script.error)
        self.sent += 1
        self.on_progress(progress)

    def _run(self) -> TrainedModel:
        epochs, steps = self.plan.settings.epochs, self.script.steps
        self._report(
            TrainingProgress(
                "preparing", 0, epochs, 0, steps, None, 2.5, None, "Getting the base model ready"
            )
        )
        for step in range(1, steps + 1):
            epoch = 1 + (step - 1) * epochs // steps
            message = f"Training: epoch {epoch} of {epochs}, step {step} of {steps}"
            loss = 2.0 - step * 0.2
            self._report(
                TrainingProgress(
                    "training",
                    epoch,
                    epochs,
                    step,
                    steps,
                    loss,
                    loss + 0.3,
                    60.0 * (steps - step),
                    message,
                )
            )
        shutil.copyfile(self.script.source, self.partial)
        self._report(
            TrainingProgress(
                "saving", epochs, epochs, steps, steps, 1.2, 1.5, 5.0, "Saving the model"
            )
        )
        self.script.wait_turn(self, self.sent)  # one more turn: the end, once allowed
        if self.cancelled.is_set():
            raise TrainingCancelled()
        self.partial.rename(self.target)
        provenance = {
            "base": self.plan.base_title,
            "base_file": self.plan.base_path,
            "data": self.plan.answers.name,
            "answers": len(self.plan.answers.answers),
            "epochs": epochs,
            "steps": steps,
            "seed": self.plan.settings.seed,
            "train_loss_last": 1.2,
        }
        title = f"{self.plan.base_title} · imitator of “{self.plan.answers.name}”"
        return TrainedModel(str(self.target), title, provenance)
