"""The HTML report, with the per-model summary and its charts (core/exports/html_report.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.analysis.session_report import build_session_report
    from imitation_lens.core.exports.html_report import write_html

    built = build_session_report(document)
    # Agreement, the study's comparisons and the figures beyond the study are tables of their
    # own, never columns glued onto the per-model summary.
    return write_html(document, target, built.rows, built.charts, built.tables())


FORMAT = ExportFormat("html", "HTML report (opens in any browser)", ".html", _write, order=50)
