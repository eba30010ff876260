"""What the model library's table says about each model: its row, its tooltip, and the line
under the table for the selected model (where a made model came from)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from imitation_lens.core.model_files.library import BUILT_IN, TRAINABLE_BASE, TRAINED, LibraryModel
from imitation_lens.core.model_files.trainable_base import LICENCE as TRAINABLE_LICENCE
from imitation_lens.core.model_files.trained_models import provenance_words

CONTEXT = "LibraryRows"  # lupdate reads literals only: QT_TRANSLATE_NOOP spells it out
# The table's headings in English, marked for the catalogue; column_titles() is what is shown.
_TITLES = (
    QT_TRANSLATE_NOOP("LibraryRows", "Model"),
    QT_TRANSLATE_NOOP("LibraryRows", "Architecture"),
    QT_TRANSLATE_NOOP("LibraryRows", "Parameters"),
    QT_TRANSLATE_NOOP("LibraryRows", "Quantisation"),
    QT_TRANSLATE_NOOP("LibraryRows", "File size"),
    QT_TRANSLATE_NOOP("LibraryRows", "Context"),
    QT_TRANSLATE_NOOP("LibraryRows", "Chat template"),
    QT_TRANSLATE_NOOP("LibraryRows", "Licence"),
    QT_TRANSLATE_NOOP("LibraryRows", "Checksum (sha256)"),
)
COLUMNS: list[str] = [str(title) for title in _TITLES]


def column_titles() -> list[str]:
    """The headings in the interface's language (translated when asked, not at import: the
    language is chosen after the modules are loaded)."""
    return [QCoreApplication.translate(CONTEXT, title) for title in COLUMNS]


def human_bytes(count: int) -> str:
    """1.23 GB, 1,23 GB in German: decimal units, as file managers show them."""
    locale, value = QLocale(), float(count)
    for unit in ("bytes", "KB", "MB", "GB", "TB"):
        if value < 1000 or unit == "TB":
            decimals = 0 if unit in ("bytes", "KB") else 2
            shown = QCoreApplication.translate("LibraryRows", "bytes") if unit == "bytes" else unit
            return f"{locale.toString(value, 'f', decimals)} {shown}"
        value /= 1000
    return f"{locale.toString(count)} bytes"


def human_count(count: int) -> str:
    """A model's parameters: 1.7B, 135M (German: 1,7 Mrd., 135 Mio.)."""
    locale = QLocale()
    if count >= 1_000_000_000:
        number = locale.toString(count / 1e9, "f", 1)
        return QCoreApplication.translate("LibraryRows", "{number}B").format(number=number)
    if count >= 1_000_000:
        number = locale.toString(count / 1e6, "f", 0)
        return QCoreApplication.translate("LibraryRows", "{number}M").format(number=number)
    return locale.toString(count) if count else "—"


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
        QLocale().toString(int(context)) if context else "—",
        QCoreApplication.translate("LibraryRows", "yes")
        if facts.get("chat_template")
        else QCoreApplication.translate("LibraryRows", "no (base model)"),
        licence or QCoreApplication.translate("LibraryRows", "not stated"),
        model.sha256[:16] + "…" if model.sha256 else checksum,
    ]


def about(model: LibraryModel) -> str:
    """The line under the table for the selected model: what it is, in plain words."""
    if model.origin == BUILT_IN:
        return QCoreApplication.translate(
            "LibraryRows",
            "Ships with Imitation Lens and runs wherever a column says “built in”; it stays in "
            "the library.",
        )
    if model.origin == TRAINABLE_BASE:
        return QCoreApplication.translate(
            "LibraryRows",
            "Ships with Imitation Lens: imitators are made from it (Models ▸ Make an "
            "imitator…). Licence {licence}. It stays in the library.",
        ).format(licence=TRAINABLE_LICENCE)
    if model.origin == TRAINED:
        return provenance_words(model.provenance) or QCoreApplication.translate(
            "LibraryRows", "Made here."
        )
    return ""


def title_tip(model: LibraryModel) -> str:
    """The model cell's tooltip: where the file is, and what the model is."""
    return "\n".join(part for part in (model.path, about(model)) if part)
