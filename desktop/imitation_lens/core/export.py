"""Lossless, versioned JSON export of a session: every item, response, fact and mark."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from imitation_lens import __version__
from imitation_lens.core.annotations import verdicts_for
from imitation_lens.core.generation import utc_now
from imitation_lens.core.store import Store

EXPORT_FORMAT = "imitation-lens-session"
EXPORT_VERSION = 2  # 2: judgements, verdicts, reference answers, phases, blind order


def session_document(store: Store, session_id: str) -> dict[str, Any]:
    items = []
    for item_id in store.item_ids(session_id):
        item = store.item(item_id)
        for response in item["responses"]:
            # Deleted marks stay in the export: their history is evidence too.
            response["marks"] = store.marks(response["id"], include_deleted=True)
            response["judgements"] = list(
                store.db.query(
                    "SELECT * FROM judgements WHERE response_id = ? ORDER BY phase",
                    [response["id"]],
                )
            )
        item["verdicts"] = list(verdicts_for(store, item_id).values())
        items.append(item)
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "session": store.session(session_id),
        "items": items,
    }


def export_session(store: Store, session_id: str, target: Path) -> Path:
    """Write the session to `target` atomically: a failed write never leaves half a file."""
    document = session_document(store, session_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8") as stream:
            json.dump(document, stream, ensure_ascii=False, indent=2, sort_keys=True)
            stream.write("\n")
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return target
