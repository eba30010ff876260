"""CSV, one row per answer with the evaluator's final counts (core/exports/csv_tables.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.exports.csv_tables import write_csv_answers

    return write_csv_answers(document, target)


FORMAT = ExportFormat("csv-answers", "CSV, one row per answer", ".answers.csv", _write, order=40)
