"""JSON Lines export: a session header line, then one line per item.

Layout: the first line is a header, `{"type": "session", ...}`, holding every top-level field of
the document except `items` (plus `item_count`); then one line per item,
`{"type": "item", "item": {...}}`, the item object exactly as in the JSON export. Removing `type`
and `item_count` from the header and adding the items back gives the original document. It keeps
everything (deleted marks, both phases, every evaluator): its readers analyse the history.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import IO, Any

from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.exports.wording import SURROGATES

JSONL_HEADER_TYPE = "session"
JSONL_ITEM_TYPE = "item"

# JSON lets these stay raw, but splitlines() and some editors treat them as line breaks.
_LINE_BREAKERS = re.compile("[\u0085\u2028\u2029]")


def _json_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    # \uXXXX escapes keep the line one line everywhere and writable as UTF-8, and decode back
    # to exactly the same characters.
    return _LINE_BREAKERS.sub(
        lambda m: f"\\u{ord(m.group()):04x}", SURROGATES.sub(_escape_code, line)
    )


def _escape_code(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def write_jsonl(document: dict[str, Any], target: Path) -> Path:
    """One JSON object per line: a session header, then one line per item (see the module doc)."""
    items = list(document.get("items") or [])
    header = {k: v for k, v in document.items() if k != "items"}
    header = {"type": JSONL_HEADER_TYPE, **header, "item_count": len(items)}

    def write(stream: IO[str]) -> None:
        stream.write(_json_line(header) + "\n")
        for item in items:
            stream.write(_json_line({"type": JSONL_ITEM_TYPE, "item": item}) + "\n")

    return write_atomically(target, write)


def read_jsonl(path: Path) -> dict[str, Any]:
    """The session document back from a JSONL export."""
    document: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("type") == JSONL_HEADER_TYPE:
                document = {k: v for k, v in record.items() if k not in ("type", "item_count")}
            elif record.get("type") == JSONL_ITEM_TYPE:
                items.append(record["item"])
    return document | {"items": items}
