"""The session browser's work: list, search, rename, duplicate, delete (and undo a delete)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from imitation_lens.core.exports.session_json import local_evaluator
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.storage.store import Store, new_id


@dataclass(frozen=True)
class SessionSummary:
    id: str
    title: str
    evaluator: str
    created_at: str
    updated_at: str
    roles: list[str]
    blind: bool
    items: int
    answers: int
    marks: int
    matches: int  # how many prompts and answers match the search (0 without one)


def fts_query(text: str) -> str:
    """A user's words as an FTS5 query: every word must appear (as a prefix), nothing in the
    text is read as query syntax."""
    words = [w.replace('"', '""') for w in text.split() if w.strip('"')]
    return " ".join(f'"{w}"*' for w in words)


def session_summaries(store: Store, search: str = "") -> list[SessionSummary]:
    matches: dict[str, int] | None = None
    query = fts_query(search)
    if query:
        matches = {}
        for sql in (
            "SELECT i.session_id AS id, COUNT(*) AS n FROM items_fts JOIN items i "
            "ON i.rowid = items_fts.rowid WHERE items_fts MATCH ? GROUP BY i.session_id",
            "SELECT i.session_id AS id, COUNT(*) AS n FROM responses_fts JOIN responses r "
            "ON r.rowid = responses_fts.rowid JOIN items i ON i.id = r.item_id "
            "WHERE responses_fts MATCH ? GROUP BY i.session_id",
        ):
            for row in store.db.query(sql, [query]):
                matches[row["id"]] = matches.get(row["id"], 0) + int(row["n"])
    rows = store.db.query(
        """SELECT s.*,
            (SELECT COUNT(*) FROM items i WHERE i.session_id = s.id) AS item_count,
            (SELECT COUNT(*) FROM responses r JOIN items i ON i.id = r.item_id
                WHERE i.session_id = s.id) AS answer_count,
            (SELECT COUNT(*) FROM marks m JOIN responses r ON r.id = m.response_id
                JOIN items i ON i.id = r.item_id
                WHERE i.session_id = s.id AND m.deleted_at IS NULL) AS mark_count
        FROM sessions s WHERE s.deleted_at IS NULL ORDER BY s.updated_at DESC"""
    )
    me = local_evaluator(store)  # sessions started here carry "" in the database
    summaries = []
    for row in rows:
        if matches is not None and row["id"] not in matches:
            continue
        lineup = json.loads(row["lineup"] or "[]")
        summaries.append(
            SessionSummary(
                id=row["id"],
                title=row["title"] or "Untitled session",
                evaluator=row["evaluator"] or me,
                created_at=row["created_at"] or "",
                updated_at=row["updated_at"] or "",
                roles=[str(slot.get("role", "")) for slot in lineup],
                blind=bool(row["blind"]),
                items=int(row["item_count"]),
                answers=int(row["answer_count"]),
                marks=int(row["mark_count"]),
                matches=(matches or {}).get(row["id"], 0),
            )
        )
    return summaries


def rename_session(store: Store, session_id: str, title: str) -> None:
    with store.db.atomic():
        store.db.table("sessions").update(
            session_id, {"title": title.strip() or "Untitled session", "updated_at": utc_now()}
        )


def delete_session(store: Store, session_id: str) -> None:
    """Hide a session; `restore_session` brings it back (nothing is erased)."""
    with store.db.atomic():
        store.db.table("sessions").update(session_id, {"deleted_at": utc_now()})


def restore_session(store: Store, session_id: str) -> None:
    with store.db.atomic():
        store.db.table("sessions").update(session_id, {"deleted_at": None})


def duplicate_session(store: Store, session_id: str) -> str:
    """A fresh copy to judge again: the same prompts and answers, no marks or verdicts."""
    source = store.session(session_id)
    copy_id = new_id()
    now = utc_now()
    items: list[dict[str, Any]] = []
    responses: list[dict[str, Any]] = []
    for item_id in store.item_ids(session_id):
        item = dict(store.db.table("items").get(item_id))
        new_item = new_id()
        items.append(
            item
            | {
                "id": new_item,
                "session_id": copy_id,
                "phase": 1,
                "revealed_at": None,
                "created_at": now,
            }
        )
        for row in store.db.query("SELECT * FROM responses WHERE item_id = ?", [item_id]):
            responses.append(dict(row) | {"id": new_id(), "item_id": new_item})
    with store.db.atomic():
        store.db.table("sessions").insert(
            {
                k: v
                for k, v in dict(store.db.table("sessions").get(session_id)).items()
                if k != "deleted_at"
            }
            | {
                "id": copy_id,
                "title": f"{source['title']} (copy)",
                "created_at": now,
                "updated_at": now,
            }
        )
        store.db.table("items").insert_all(items)
        store.db.table("responses").insert_all(responses)
    return copy_id
