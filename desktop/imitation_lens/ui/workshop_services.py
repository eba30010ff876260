"""What the imitator workshop (ui/imitator_workshop.py) calls in the core, behind one seam.

The workshop is given a `WorkshopServices`: the window's Models menu holds one
(`ModelsMenu.workshop_services`) and tests hand it a scripted training run. Every callable here is
called off the GUI thread (in a task, or on the writer's thread for those taking a `Store`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import LibraryModel, trainable_base_model
from imitation_lens.core.model_files.trained_models import add_trained_model
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.checks import check_plan
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainedModel,
    TrainingEstimate,
    TrainingPlan,
    TrainingProgress,
)
from imitation_lens.core.training.run import TrainingRun
from imitation_lens.core.training.teacher_answers import (
    answers_from_file,
    answers_from_session,
    built_in_answers,
)


class TrainingRunLike(Protocol):
    """What the workshop needs of a run (core/training/run.py `TrainingRun`)."""

    def run(self) -> TrainedModel: ...

    def cancel(self) -> None: ...


MakeRun = Callable[[TrainingPlan, Path, Callable[[TrainingProgress], None]], TrainingRunLike]


@dataclass(frozen=True)
class WorkshopServices:
    check_plan: Callable[[TrainingPlan, Path], TrainingEstimate]
    make_run: MakeRun
    built_in_answers: Callable[[], TeacherAnswers]
    answers_from_file: Callable[[Path], TeacherAnswers]
    answers_from_session: Callable[[Store, str], TeacherAnswers]  # on the writer's thread
    add_trained_model: Callable[[Store, TrainedModel], LibraryModel]  # on the writer's thread
    # Bases that ship with the app's packages and can be trained, besides the library's models.
    shipped_bases: Callable[[Path], list[LibraryModel]]


def default_services() -> WorkshopServices:
    return WorkshopServices(
        check_plan=check_plan,
        make_run=TrainingRun,
        built_in_answers=built_in_answers,
        answers_from_file=answers_from_file,
        answers_from_session=answers_from_session,
        add_trained_model=add_trained_model,
        shipped_bases=shipped_bases,
    )


def shipped_bases(models_dir: Path) -> list[LibraryModel]:
    """The base that ships in a package to be trained (SmolLM2 135M), or none if that package
    is missing (the library says so in its own words)."""
    try:
        return [trainable_base_model(models_dir)]
    except ModelFileError:
        return []
