"""What the model library's table says about each model: its row, its tooltip, and the line
under the table for the selected model (where a made model came from)."""

from __future__ import annotations

from imitation_lens.core.model_files.library import BUILT_IN, TRAINABLE_BASE, TRAINED, LibraryModel
from imitation_lens.core.model_files.trainable_base import LICENCE as TRAINABLE_LICENCE
from imitation_lens.core.model_files.trained_models import provenance_words

COLUMNS = [
    "Model",
    "Architecture",
    "Parameters",
    "Quantisation",
    "File size",
    "Context",
    "Chat template",
    "Licence",
    "Checksum (sha256)",
]


def human_bytes(count: int) -> str:
    value = float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            return f"{value:.0f} {unit}" if unit in ("bytes", "KB") else f"{value:.2f} {unit}"
        value /= 1000
    return f"{count} bytes"


def human_count(count: int) -> str:
    if count >= 1_000_000_000:
        return f"{count / 1e9:.1f}B"
    if count >= 1_000_000:
        return f"{count / 1e6:.0f}M"
    return f"{count:,}" if count else "—"


def row_values(model: LibraryModel, checksum: str) -> list[str]:
    """The table's cells for a model; `checksum`: what to say while its sha256 is not known."""
    facts = model.facts
    context = facts.get("context_length")
    licence = facts.get("license") or ""
    if model.origin == TRAINABLE_BASE:
        licence = licence or TRAINABLE_LICENCE
    return [
        model.title,
        facts.get("architecture", ""),
        human_count(int(facts.get("parameter_count") or 0)),
        facts.get("quantization", ""),
        human_bytes(model.size_bytes),
        f"{context:,}" if context else "—",
        "yes" if facts.get("chat_template") else "no (base model)",
        licence or "not stated",
        model.sha256[:16] + "…" if model.sha256 else checksum,
    ]


def about(model: LibraryModel) -> str:
    """The line under the table for the selected model: what it is, in plain words."""
    if model.origin == BUILT_IN:
        return (
            "Ships with Imitation Lens and runs wherever a column says “built in”; it stays in "
            "the library."
        )
    if model.origin == TRAINABLE_BASE:
        return (
            "Ships with Imitation Lens: imitators are made from it (Models ▸ Make an "
            f"imitator…). Licence {TRAINABLE_LICENCE}. It stays in the library."
        )
    if model.origin == TRAINED:
        return provenance_words(model.provenance) or "Made here."
    return ""


def title_tip(model: LibraryModel) -> str:
    """The model cell's tooltip: where the file is, and what the model is."""
    return "\n".join(part for part in (model.path, about(model)) if part)
