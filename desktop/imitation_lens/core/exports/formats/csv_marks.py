"""CSV, one row per mark, every phase and evaluator (core/exports/csv_tables.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.exports.csv_tables import write_csv_marks

    return write_csv_marks(document, target)


FORMAT = ExportFormat("csv-marks", "CSV, one row per mark", ".marks.csv", _write, order=30)
