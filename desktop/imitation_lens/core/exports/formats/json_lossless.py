"""JSON: the lossless, versioned session document (core/exports/session_json.py), for merging."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    from imitation_lens.core.exports.session_json import write_json

    return write_json(document, target)


FORMAT = ExportFormat("json", "JSON (lossless, for merging)", ".json", _write, order=10)
