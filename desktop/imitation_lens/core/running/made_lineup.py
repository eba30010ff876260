"""A lineup for a model made here: its base in the Base column, the made model in the Imitator
column, the teacher as it was.

Both local columns run with the same prompt style and the same settings, so the only
difference between them is the fine-tuning. The lineup a window opens with, when the person has
saved none of their own, uses the newest made model (`startup_lineup`).
"""

from __future__ import annotations

from pathlib import Path

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.model_files.library import LibraryModel
from imitation_lens.core.model_files.trainable_base import SHA256 as TRAINABLE_SHA256
from imitation_lens.core.model_files.trainable_base import is_trainable_base, locate_trainable_base
from imitation_lens.core.model_files.trained_models import MADE_HERE, made_note, trained_models
from imitation_lens.core.running.lineup import (
    LocalModel,
    PromptMode,
    Server,
    SlotConfig,
    default_lineup,
)
from imitation_lens.core.storage.store import Store

BEFORE_FINE_TUNING = "before fine-tuning"  # how the note of a made model's Base column ends


def base_path_of(model: LibraryModel) -> Path:
    """The file of the base a made model was fine-tuned from. The built-in trainable base is
    found where it is installed now (a reinstalled app moves it). Raises ModelFileError."""
    provenance = model.provenance
    base_file = str(provenance.get("base_file") or "")
    if provenance.get("base_sha256") == TRAINABLE_SHA256 or (
        base_file and is_trainable_base(base_file)
    ):
        return locate_trainable_base()
    if base_file and Path(base_file).is_file():
        return Path(base_file)
    base = str(provenance.get("base") or "")
    if base and base_file:
        message = _(
            "The model {model} was made from {base}, which is no longer at {path}. Put the "
            "base model's file back, or choose the columns by hand (Models ▸ Lineup…)."
        )
    elif base:
        message = _(
            "The model {model} was made from {base}, which is no longer there. Put the "
            "base model's file back, or choose the columns by hand (Models ▸ Lineup…)."
        )
    elif base_file:
        message = _(
            "The model {model} was made from its base model, which is no longer at {path}. "
            "Put the base model's file back, or choose the columns by hand (Models ▸ Lineup…)."
        )
    else:
        message = _(
            "The model {model} was made from its base model, which is no longer there. Put "
            "the base model's file back, or choose the columns by hand (Models ▸ Lineup…)."
        )
    raise ModelFileError(message.format(model=model.title, base=base, path=base_file))


def made_columns(model: LibraryModel) -> tuple[SlotConfig, SlotConfig]:
    """The Base and Imitator columns for a made model. Reads the base's header (to ask both the
    same way): off the GUI thread. Raises ModelFileError in plain words if a file is gone."""
    if not Path(model.path).is_file():
        raise ModelFileError(
            _(
                "The file of {model} is no longer at {path}. Remove it from the "
                "library (Models ▸ Model library), or put the file back."
            ).format(model=model.title, path=model.path)
        )
    base_path = base_path_of(model)
    base_chats = inspect_model_file(base_path).chat_template is not None
    # Through the chat template when both have one: the base is an instruct model and the
    # imitator learned from answers in that template. Otherwise both as question and answer.
    mode: PromptMode = "auto" if base_chats and model.facts.get("chat_template") else "completion"
    base_name = str(model.provenance.get("base") or "the base").split(" · ")[0]
    base = SlotConfig(
        "Base",
        LocalModel(str(base_path), mode),
        note=f"{base_name} {BEFORE_FINE_TUNING}",
    )
    imitator = SlotConfig(
        "Imitator", LocalModel(model.path, mode), note=made_note(model.provenance)
    )
    return base, imitator


def _teacher(current: list[SlotConfig]) -> SlotConfig | None:
    teacher = next((s for s in current if isinstance(s.source, Server)), None)
    return teacher or next((s for s in current if s.role == "Teacher"), None)


def made_lineup(
    current: list[SlotConfig], model: LibraryModel, environ: dict[str, str] | None = None
) -> list[SlotConfig]:
    """Base = the made model's base, Imitator = the made model, Teacher = the current lineup's
    (the demo's teacher if it has none). Raises ModelFileError."""
    base, imitator = made_columns(model)
    teacher = _teacher(current) or default_lineup(environ)[-1]
    return [base, imitator, teacher]


def demo_lineup(
    made: LibraryModel | None, environ: dict[str, str] | None = None
) -> list[SlotConfig]:
    """The demo lineup: with a made model, it is the Imitator and its base the Base; without
    one (or if its files are gone), the built-in stand-ins of default_lineup."""
    demo = default_lineup(environ)
    if made is None:
        return demo
    try:
        base, imitator = made_columns(made)
    except ModelFileError:
        return demo
    return [base, imitator, demo[-1]]


def startup_lineup(store: Store, environ: dict[str, str] | None = None) -> list[SlotConfig]:
    """The lineup a window opens with when none is saved: the demo, with the newest made model
    whose files are all there (on the writer's thread: it reads the library and a header)."""
    for made in trained_models(store):
        lineup = demo_lineup(made, environ)
        if lineup[1].note.startswith(MADE_HERE):
            return lineup
    return default_lineup(environ)
