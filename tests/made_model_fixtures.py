"""A "made" model for tests of the library and lineup side of imitators: a copy of the trainable
base's file (a real GGUF with a chat template) standing for what a training run wrote, with the
provenance a run gives (core/training/plan.py, TrainedModel)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from imitation_lens.core.model_files.trainable_base import SHA256, TITLE, locate_trainable_base
from imitation_lens.core.training.plan import TrainedModel


def provenance(**changes: Any) -> dict[str, Any]:
    facts: dict[str, Any] = {
        "base": TITLE,
        "base_file": str(locate_trainable_base()),
        "base_sha256": SHA256,
        "data": "Teacher answers written by Claude",
        "data_origin": "built in",
        "data_licence": "Apache-2.0",
        "teacher": "Claude",
        "answers": 150,
        "held_out": 15,
        "epochs": 2,
        "steps": 40,
        "seed": 42,
        "learning_rate": 1e-4,
        "window": 256,
        "train_loss_first": 2.31,
        "train_loss_last": 1.22,
        "held_out_loss_before": 1.92,
        "held_out_loss_after": 1.41,
        "seconds": 612.5,
        "made": "2026-11-30T21:00:00.000+00:00",
        "app_version": "test",
        "llama_cpp_version": "0.3.36",
    }
    return facts | changes


def made_file(folder: Path, name: str = "smollm2-imitator.gguf") -> Path:
    """The trainable base's file under another name (linked when the disk allows: 98 MB)."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    try:
        target.hardlink_to(locate_trainable_base())
    except OSError:
        shutil.copyfile(locate_trainable_base(), target)
    return target


def trained_model(
    folder: Path, name: str = "smollm2-imitator.gguf", **changes: Any
) -> TrainedModel:
    return TrainedModel(
        path=str(made_file(folder, name)),
        title="SmolLM2 135M · imitator of “Teacher answers written by Claude”",
        provenance=provenance(**changes),
    )
