"""The HTML report, with the per-model summary, the comparison tables and the charts (core/exports/html_report.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.analysis.session_report import build_session_report
    from imitation_lens.core.exports.html_report import write_html

    built = build_session_report(document)
    # The per-model summary, then agreement and the comparisons each as a table of its own.
    return write_html(document, target, built.rows, built.charts, built.tables())


FORMAT = ExportFormat("html", "HTML report (opens in any browser)", ".html", _write, order=50)
