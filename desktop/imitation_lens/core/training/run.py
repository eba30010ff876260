"""Runs one training plan in a training process (worker.py) and reports its progress.

The run's files are made in a folder of their own under the models folder and the finished
model is moved into the models folder only at the very end, so a cancelled, failed or killed run
leaves nothing half-made behind; a folder left by a run the app did not see end (a power cut)
is cleared by the next run.
"""

from __future__ import annotations

import multiprocessing
import re
import shutil
import signal
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from imitation_lens import __version__
from imitation_lens.core.housekeeping.translation import _, current_language
from imitation_lens.core.model_files.file_hash import sha256_of
from imitation_lens.core.training.checks import check_plan
from imitation_lens.core.training.plan import (
    TrainedModel,
    TrainingCancelled,
    TrainingError,
    TrainingPlan,
    TrainingProgress,
    plan_to_dict,
)
from imitation_lens.core.training.worker import train_in_process

WORK_FOLDER = ".training"


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
        self._context = multiprocessing.get_context("spawn")
        self._cancel_reader, self._cancel_writer = self._context.Pipe(duplex=False)
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        if not self._cancelled.is_set():
            self._cancelled.set()
            self._cancel_writer.send(True)

    def run(self) -> TrainedModel:
        check_plan(self.plan, self.models_dir)
        made = datetime.now(UTC)
        work_root = self.models_dir / WORK_FOLDER
        shutil.rmtree(work_root, ignore_errors=True)  # what a run the app never saw end left
        work_dir = work_root / made.strftime("%Y%m%d-%H%M%S")
        work_dir.mkdir(parents=True)
        try:
            done = self._train(work_dir, self._facts(made))
            target = self._target(made)
            Path(done["path"]).replace(target)
        finally:
            shutil.rmtree(work_root, ignore_errors=True)
        provenance = dict(done["provenance"])
        return TrainedModel(path=str(target), title=str(provenance["name"]), provenance=provenance)

    def _train(self, work_dir: Path, facts: dict[str, Any]) -> dict[str, Any]:
        receiver, sender = self._context.Pipe(duplex=False)
        process = self._context.Process(
            target=train_in_process,
            args=(plan_to_dict(self.plan), str(work_dir), facts, sender, current_language()),
            name="imitation-lens-training",
            daemon=True,
        )
        process.start()
        sender.close()
        try:
            while True:
                if self._cancelled.is_set():
                    raise TrainingCancelled()
                ready = wait([receiver, process.sentinel, self._cancel_reader])
                if self._cancel_reader in ready or self._cancelled.is_set():
                    raise TrainingCancelled()
                if receiver in ready:
                    try:
                        message = receiver.recv()
                    except EOFError:
                        process.join()
                        raise _died(process.exitcode) from None
                    if "progress" in message:
                        self.on_progress(TrainingProgress(**message["progress"]))
                    elif "error" in message:
                        raise TrainingError(str(message["error"]))
                    else:
                        return dict(message["done"])
                elif process.sentinel in ready:
                    process.join()
                    raise _died(process.exitcode)
        finally:
            if process.is_alive():
                process.kill()
            process.join()
            receiver.close()

    def _facts(self, made: datetime) -> dict[str, Any]:
        from imitation_lens.core.running.local_runner import llama_versions

        plan, settings, answers = self.plan, self.plan.settings, self.plan.answers
        base = Path(plan.base_path)
        base_name = plan.base_title.split(" · ")[0]
        return {
            "name": f"{base_name} · imitator of “{answers.name}”",
            "base": plan.base_title,
            "base_file": str(base),  # where it was on this computer (the lineup finds it there)
            "base_sha256": sha256_of(base, self.models_dir),
            "data": answers.name,
            "data_origin": answers.origin,
            "data_licence": answers.licence,
            "teacher": answers.teacher,
            "epochs": settings.epochs,
            "seed": settings.seed,
            "learning_rate": settings.learning_rate,
            "window": settings.window,
            "made": made.isoformat(timespec="seconds"),
            "app_version": __version__,
            "llama_cpp_version": llama_versions()["llama_cpp_python_version"],
        }

    def _target(self, made: datetime) -> Path:
        stem = re.sub(r"[^a-z0-9]+", "-", Path(self.plan.base_path).stem.lower()).strip("-")
        return self.models_dir / f"{stem}-imitator-{made.strftime('%Y%m%d-%H%M%S')}.gguf"


def _died(exit_code: int | None) -> TrainingError:
    """The training process ended without a word: llama.cpp stopped it, or the system did."""
    if exit_code in (-signal.SIGKILL, 137):
        return TrainingError(
            _(
                "The training was stopped by the system, most likely because the computer ran "
                "out of memory. Nothing was kept. Close other programs, or train on fewer answers."
            )
        )
    return TrainingError(
        _(
            "llama.cpp stopped the training unexpectedly (it may not be able to train this "
            "model). Nothing was kept. (exit code {code})"
        ).format(code=exit_code)
    )
