"""A row of a session export next to the same row in this computer's database.

The merge (core/exports/importer.py) compares the two as the export writes them: JSON columns
decoded, model files named without their folders, only the fields the schema gives each kind of
object. It writes rows back with their JSON columns encoded, and looks up the rows already here
a few queries per table.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from typing import Any

import sqlite_utils

from imitation_lens.core.exports.import_reading import export_schema
from imitation_lens.core.exports.session_json import shareable_lineup, shareable_path

_JSON_FIELDS = {
    "sessions": ("lineup",),
    "items": ("shown_order", "aliases", "tags", "incorrect_answers"),
    "responses": ("params", "extra", "identity_clues"),
    "verdicts": ("shown_order",),
}
_CHUNK = 500  # ids per IN (…) query, well under SQLite's limit on parameters
NESTED = {"progress", "responses", "verdicts", "marks", "judgements"}


@cache
def fields_of(definition: str) -> tuple[str, ...]:
    """The keys an object of the export has, from the schema (one list for both)."""
    properties = export_schema()["$defs"][definition]["properties"]
    return tuple(key for key in properties if key not in NESTED)


def stored(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A database row as the export writes it: JSON columns decoded, model files by name."""
    out = dict(row)
    for key in _JSON_FIELDS.get(table, ()):
        value = out.get(key)
        if table == "verdicts" and not value:
            out[key] = []
        elif isinstance(value, str) and value:
            # A damaged value here only makes the row differ from the file's: kept, as a conflict.
            with contextlib.suppress(ValueError):
                out[key] = json.loads(value)
    return shared(table, out)


def shared(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row with model files named as a shared export names them (core/exports/session_json.py): the file
    name without the folders of whoever's computer it was on. Older exports have the folders."""
    if table == "sessions" and isinstance(row.get("lineup"), list):
        row["lineup"] = shareable_lineup(row["lineup"])
    if table == "responses" and isinstance(row.get("model_path"), str):
        row["model_path"] = shareable_path(row["model_path"])
    return row


def encoded(table: str, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in _JSON_FIELDS.get(table, ()):
        if key in out and out[key] is not None:
            out[key] = json.dumps(out[key], ensure_ascii=False)
    return out


def later(incoming: Any, local: Any) -> bool:
    try:
        return bool(datetime.fromisoformat(incoming) > datetime.fromisoformat(local))
    except (TypeError, ValueError):
        return False


def rows_where(
    db: sqlite_utils.Database, table: str, column: str, values: Iterable[str]
) -> list[dict[str, Any]]:
    """The rows of `table` whose `column` is one of `values`."""
    wanted = list(dict.fromkeys(values))
    rows: list[dict[str, Any]] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        marks = ", ".join("?" for _ in chunk)
        rows += db.query(f"SELECT * FROM [{table}] WHERE [{column}] IN ({marks})", chunk)
    return rows
