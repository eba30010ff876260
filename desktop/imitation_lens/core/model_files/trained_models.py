"""Models made here (Models ▸ Make an imitator…) in the library, and where each came from.

A made model is a library entry of origin "trained" whose provenance (the run's
TrainedModel.provenance: base, teacher answers, epochs, seed, losses, …) is kept with it, so the
library, the lineup and the banner can say in plain words what it is.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.model_files.gguf_header import ModelFacts, inspect_model_file
from imitation_lens.core.model_files.library import TRAINED, LibraryModel, add_model
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.gguf_finish import provenance_in_file
from imitation_lens.core.training.plan import TrainedModel

MADE_HERE = "made here"  # how a made model's column note starts (the banner looks for it)


def add_trained_model(store: Store, trained: TrainedModel) -> LibraryModel:
    """Put a made model in the library with its title and provenance (on the writer's thread:
    it reads the file's header). Its checksum is computed in the background by the library, as
    for any file. Raises ModelFileError if the file is not a readable model."""
    facts = inspect_model_file(Path(trained.path))
    model = add_model(store, facts, origin=TRAINED)
    provenance = json.dumps(trained.provenance, ensure_ascii=False, default=str)
    with store.db.atomic():
        store.db.table("library_models").update(
            model.id, {"title": trained.title, "provenance": provenance}
        )
    row = store.db.table("library_models").get(model.id)
    return LibraryModel.from_row(row)


def add_model_file(store: Store, facts: ModelFacts) -> LibraryModel:
    """Add a file the person chose: a model made here (on this computer or another) keeps its
    story, read from the provenance the workshop wrote into the file itself."""
    provenance = provenance_in_file(facts.path)
    if not provenance.get("name"):
        return add_model(store, facts)
    title = str(provenance["name"])
    return add_trained_model(store, TrainedModel(str(facts.path), title, provenance))


def trained_models(store: Store) -> list[LibraryModel]:
    """The made models in the library, newest first."""
    rows = store.db.query(
        "SELECT * FROM library_models WHERE origin = ? ORDER BY added_at DESC, rowid DESC",
        [TRAINED],
    )
    return [LibraryModel.from_row(row) for row in rows]


def _short(title: Any) -> str:
    # "SmolLM2 135M Instruct · Q4_1 · built in" -> "SmolLM2 135M Instruct"
    return str(title or "").split(" · ")[0].strip() or "its base model"


def _count(value: Any, one: str, many: str) -> str:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return many
    return f"{number} {one if number == 1 else many}"


def teacher_words(provenance: dict[str, Any]) -> str:
    """Who wrote the answers it learned from: "by Claude", or "" when nobody said."""
    teacher = str(provenance.get("teacher") or "").strip()
    return f"by {teacher}" if teacher else ""


def made_note(provenance: dict[str, Any]) -> str:
    """What the Imitator column's header says, e.g. "made here: SmolLM2 135M Instruct
    fine-tuned on 150 answers by Claude". English in every language: it is saved with the lineup
    and exported as the column's note (data), and the banner finds a made model by it."""
    answers = _count(provenance.get("answers"), "answer", "answers")
    words = [f"{MADE_HERE}: {_short(provenance.get('base'))} fine-tuned on {answers}"]
    if teacher_words(provenance):
        words.append(teacher_words(provenance))
    return " ".join(words)


def kept_words(provenance: dict[str, Any]) -> str:
    """ " (kept: epoch 1)" when a later epoch did worse on the held-out answers and was dropped."""
    kept, epochs = provenance.get("kept_epoch"), provenance.get("epochs")
    if isinstance(kept, int) and isinstance(epochs, int) and 0 < kept < epochs:
        return " " + _("(kept: epoch {epoch}, the lowest held-out loss)").format(epoch=kept)
    return ""


def _whole(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def provenance_words(provenance: dict[str, Any]) -> str:
    """Where a made model came from, in the chosen language, e.g. "Made here from SmolLM2 135M
    Instruct on 150 teacher answers (Teacher answers written by Claude, Apache-2.0), 2 epochs,
    seed 42; held-out loss 1.92 → 1.41". Shown only: the provenance itself stays as stored."""
    if not provenance:
        return ""
    data = [str(provenance.get(k) or "").strip() for k in ("data", "data_licence")]
    source = ", ".join(d for d in data if d)
    base = str(provenance.get("base") or "").split(" · ")[0].strip() or _("its base model")
    answers = _whole(provenance.get("answers"))
    if answers is None:
        sentence = _("Made here from {base} on teacher answers").format(base=base)
    else:
        sentence = ngettext(
            "Made here from {base} on {count} teacher answer",
            "Made here from {base} on {count} teacher answers",
            answers,
        ).format(base=base, count=number(answers))
    if source:
        sentence += f" ({source})"
    epochs = _whole(provenance.get("epochs"))
    if epochs is not None:
        sentence += ", " + ngettext("{count} epoch", "{count} epochs", epochs).format(
            count=number(epochs)
        )
    sentence += kept_words(provenance)
    if provenance.get("seed") is not None:
        sentence += ", " + _("seed {seed}").format(seed=provenance["seed"])
    before, after = provenance.get("held_out_loss_before"), provenance.get("held_out_loss_after")
    if before is not None or after is not None:
        sentence += "; " + _("held-out loss {before} → {after}").format(
            before=_loss(before), after=_loss(after)
        )
        held_out = _whole(provenance.get("held_out"))
        if held_out:
            sentence += " " + ngettext(
                "(on {count} answer kept out of training)",
                "(on {count} answers kept out of training)",
                held_out,
            ).format(count=number(held_out))
    made = str(provenance.get("made") or "")[:10]
    return sentence + ("; " + _("made {day}.").format(day=made) if made else ".")


def _loss(value: Any) -> str:
    try:
        return number(float(value), 2)
    except (TypeError, ValueError):
        return "?"
