"""Markdown, for documents, with the per-model summary (core/exports/markdown_doc.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.analysis.session_report import build_session_report
    from imitation_lens.core.exports.markdown_doc import write_markdown

    built = build_session_report(document)
    return write_markdown(
        document, target, built.rows, built.beyond_tables, built.comparison_tables()
    )


FORMAT = ExportFormat("md", "Markdown (for documents)", ".md", _write, order=60)
