"""Every way a session leaves the app, by name: the same for the menu and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imitation_lens.core.analysis.session_report import build_session_report
from imitation_lens.core.exports.exporters import (
    write_csv_answers,
    write_csv_marks,
    write_jsonl,
    write_markdown,
)
from imitation_lens.core.exports.html_report import write_html
from imitation_lens.core.exports.session_json import session_document, write_json
from imitation_lens.core.storage.store import Store


def _markdown(document: dict[str, Any], target: Path) -> Path:
    return write_markdown(document, target, build_session_report(document).rows)


def _html(document: dict[str, Any], target: Path) -> Path:
    built = build_session_report(document)
    return write_html(document, target, built.rows + built.agreement_rows, built.charts)


@dataclass(frozen=True)
class ExportFormat:
    name: str  # as typed on the command line
    label: str  # as shown in the menu
    suffix: str
    write: Callable[[dict[str, Any], Path], Path]


FORMATS: list[ExportFormat] = [
    ExportFormat("json", "JSON (lossless, for merging)", ".json", write_json),
    ExportFormat("jsonl", "JSON Lines (one item per line)", ".jsonl", write_jsonl),
    ExportFormat("csv-marks", "CSV, one row per mark", ".marks.csv", write_csv_marks),
    ExportFormat("csv-answers", "CSV, one row per answer", ".answers.csv", write_csv_answers),
    ExportFormat("html", "HTML report (opens in any browser)", ".html", _html),
    ExportFormat("md", "Markdown (for documents)", ".md", _markdown),
]
BY_NAME = {f.name: f for f in FORMATS}


def format_for(target: Path, name: str | None = None) -> ExportFormat:
    """The format asked for, else the one the file name ends with (JSON when unclear)."""
    if name:
        return BY_NAME[name]
    lowered = target.name.lower()
    for export_format in sorted(FORMATS, key=lambda f: -len(f.suffix)):
        if lowered.endswith(export_format.suffix):
            return export_format
    if lowered.endswith(".csv"):
        return BY_NAME["csv-marks"]
    return BY_NAME["json"]


def export_as(store: Store, session_id: str, target: Path, name: str | None = None) -> Path:
    return format_for(target, name).write(session_document(store, session_id), target)
