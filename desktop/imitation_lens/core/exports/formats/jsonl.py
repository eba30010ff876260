"""JSON Lines: a session header, then one item per line (core/exports/jsonl.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.exports.jsonl import write_jsonl

    return write_jsonl(document, target)


FORMAT = ExportFormat("jsonl", "JSON Lines (one item per line)", ".jsonl", _write, order=20)
