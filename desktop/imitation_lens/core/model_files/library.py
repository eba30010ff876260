"""The model library: GGUF files the user added, checked before llama.cpp ever opens them.

A file is read twice before it is trusted: its header with our own reader (plain-words reasons
for every kind of damage), then its vocabulary by llama.cpp itself (`vocab_only`), which refuses
architectures this build cannot run without loading any weights.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.bundled_model import DISPLAY_NAME, ensure_bundled_model
from imitation_lens.core.model_files.bundled_model import SHA256 as BUNDLED_SHA256
from imitation_lens.core.model_files.gguf_header import (
    ModelFacts,
    ModelFileError,
    inspect_model_file,
)
from imitation_lens.core.model_files.trainable_base import QUANTIZATION as TRAINABLE_QUANT
from imitation_lens.core.model_files.trainable_base import SHA256 as TRAINABLE_SHA256
from imitation_lens.core.model_files.trainable_base import TITLE as TRAINABLE_TITLE
from imitation_lens.core.model_files.trainable_base import ensure_trainable_base
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.running.local_runner import route_llama_log
from imitation_lens.core.storage.store import Store, new_id


@dataclass(frozen=True)
class LibraryModel:
    id: str
    path: str
    file_name: str
    size_bytes: int
    sha256: str
    facts: dict[str, Any]
    origin: str = "file"
    hf_repo: str = ""
    hf_file: str = ""
    catalog_id: str = ""
    name: str = ""  # a title given when it was added (a made model's); "" for the header's
    provenance: dict[str, Any] = field(default_factory=dict)  # where a made model came from

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> LibraryModel:
        return cls(
            id=row["id"],
            path=row["path"],
            file_name=row["file_name"],
            size_bytes=int(row["size_bytes"] or 0),
            sha256=row["sha256"] or "",
            facts=json.loads(row["facts"] or "{}"),
            origin=row["origin"] or "file",
            hf_repo=row["hf_repo"] or "",
            hf_file=row["hf_file"] or "",
            catalog_id=row["catalog_id"] or "",
            name=row.get("title") or "",
            provenance=json.loads(row.get("provenance") or "{}"),
        )

    @property
    def built_in(self) -> bool:
        return self.origin in (BUILT_IN, TRAINABLE_BASE)

    @property
    def title(self) -> str:
        if self.origin == BUILT_IN:  # the words the columns use for it
            return f"{DISPLAY_NAME} · {self.facts.get('quantization') or 'Q4_K_M'} · built in"
        if self.origin == TRAINABLE_BASE:
            return TRAINABLE_TITLE
        if self.name:
            return self.name
        name = self.facts.get("name") or self.file_name
        details = [self.facts.get("size_label"), self.facts.get("quantization")]
        return " · ".join([name, *(d for d in details if d and d.lower() not in name.lower())])


BUILT_IN = "built-in"  # the origin of the model that ships with the app; never in the table
TRAINABLE_BASE = "built-in-trainable"  # the model imitators are made from; never in the table
TRAINED = "trained"  # a model made here (core/model_files/trained_models.py)


def built_in_model(models_dir: Path) -> LibraryModel:
    """The model that ships with the app, as a library entry: it runs in every column of the demo
    lineup, so the library lists it too. Assembles it first if needed (seconds, on first start)
    and reads its header: call it off the GUI thread. Raises ModelFileError."""
    path = ensure_bundled_model(models_dir)
    facts = inspect_model_file(path)
    return LibraryModel(
        id=BUILT_IN,
        path=str(path),
        file_name=facts.file_name,
        size_bytes=facts.size_bytes,
        sha256=BUNDLED_SHA256,  # published with the package and checked when assembled
        facts=facts_record(facts),
        origin=BUILT_IN,
    )


def trainable_base_model(models_dir: Path) -> LibraryModel:
    """The model imitators are made from (core/model_files/trainable_base.py), as a library
    entry listed after the built-in one. Checks its sha256 the first time (remembered) and reads
    its header: call it off the GUI thread. Raises ModelFileError, in plain words if the package
    that carries it is not installed."""
    path = ensure_trainable_base(models_dir)
    facts = inspect_model_file(path)
    record = facts_record(facts)
    record["quantization"] = record.get("quantization") or TRAINABLE_QUANT
    return LibraryModel(
        id=TRAINABLE_BASE,
        path=str(path),
        file_name=facts.file_name,
        size_bytes=facts.size_bytes,
        sha256=TRAINABLE_SHA256,  # checked just now, against the published file
        facts=record,
        origin=TRAINABLE_BASE,
    )


def facts_record(facts: ModelFacts) -> dict[str, Any]:
    """The header facts worth keeping, as JSON (the chat template itself stays in the file)."""
    record = asdict(facts)
    record.pop("path")
    record["chat_template"] = bool(facts.chat_template)
    return record


def check_model_file(path: Path) -> ModelFacts:
    """Read and check a model file; raise ModelFileError with the reason in plain words."""
    facts = inspect_model_file(path)
    _check_with_llama_cpp(facts)
    return facts


def _check_with_llama_cpp(facts: ModelFacts) -> None:
    import llama_cpp  # loaded here: the header check above needs nothing heavy

    route_llama_log()  # quiet without redirecting the process's output (see local_runner)
    try:
        llama = llama_cpp.Llama(model_path=str(facts.path), vocab_only=True, verbose=True)
    except (ValueError, RuntimeError) as error:
        raise ModelFileError(
            _(
                "{name} looks like a complete GGUF file, but this version of llama.cpp "
                "cannot run it (architecture '{architecture}'). It may need a newer "
                "Imitation Lens, or the file was made for a different program."
            ).format(name=facts.file_name, architecture=facts.architecture)
        ) from error
    llama.close()


def add_model(
    store: Store,
    facts: ModelFacts,
    origin: str = "file",
    hf_repo: str = "",
    hf_file: str = "",
    catalog_id: str = "",
    sha256: str = "",
) -> LibraryModel:
    """Add a checked file, or refresh the entry that already points at the same path."""
    path = str(facts.path.resolve())
    table = store.db.table("library_models")
    existing = list(store.db.query("SELECT id, origin FROM library_models WHERE path = ?", [path]))
    if existing and existing[0]["origin"] == TRAINED:
        origin = TRAINED  # a made model added again by hand stays a made model, with its story
    row = {
        "id": existing[0]["id"] if existing else new_id(),
        "path": path,
        "file_name": facts.file_name,
        "size_bytes": facts.size_bytes,
        "sha256": sha256,
        "facts": json.dumps(facts_record(facts)),
        "origin": origin,
        "hf_repo": hf_repo,
        "hf_file": hf_file,
        "hf_revision": "main" if hf_repo else "",
        "catalog_id": catalog_id,
        "added_at": utc_now(),
    }
    with store.db.atomic():
        table.upsert(row, pk="id")
    return LibraryModel.from_row(row)


def set_sha256(store: Store, model_id: str, digest: str) -> None:
    with store.db.atomic():
        store.db.table("library_models").update(model_id, {"sha256": digest})


def remove_model(store: Store, model_id: str) -> None:
    """Forget a model (the file itself stays where it is)."""
    with store.db.atomic():
        store.db.table("library_models").delete(model_id)


def library_models(store: Store) -> list[LibraryModel]:
    rows = store.db.query("SELECT * FROM library_models ORDER BY added_at")
    return [LibraryModel.from_row(row) for row in rows]
