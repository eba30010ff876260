"""The SQLite file that keeps every prompt, answer and mark as it happens.

A Store belongs to the thread that opened it (sqlite3's rule); the window talks to it through
the writer (core/storage/writer.py), a background thread, so it never waits on the disk.
"""

from __future__ import annotations

import contextlib
import json
import logging
import sqlite3
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import sqlite_utils

from imitation_lens.core.judging.blind import identity_clues
from imitation_lens.core.running.events import FINAL_STATUSES, Status, utc_now
from imitation_lens.core.storage.migrations import SCHEMA_VERSION, migrate

log = logging.getLogger(__name__)

_UNFINISHED = tuple(s.value for s in Status if s not in FINAL_STATUSES)
_JSON_COLUMNS = {
    "params",
    "extra",
    "lineup",
    "shown_order",
    "identity_clues",
    "aliases",
    "tags",
    "incorrect_answers",
}


def new_id() -> str:
    return uuid.uuid4().hex


class _Database(sqlite_utils.Database):
    """sqlite-utils' database whose transactions take the write lock before they read.

    A batch run from the command line (another process) commits several times a second. A
    transaction begun with a plain BEGIN that reads before it writes (an upsert reads the table's
    columns first) fails at once with "database is locked" when the other process committed in
    between, since SQLite can't let a stale read become a write; BEGIN IMMEDIATE waits its turn
    (busy_timeout) instead.
    """

    @contextlib.contextmanager
    def atomic(self) -> Iterator[sqlite_utils.Database]:
        if self.conn.in_transaction:  # nested: sqlite-utils' savepoints
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise


def _read_only_connection(path: Path) -> sqlite3.Connection:
    """SQLite read-only. A WAL database needs its -shm file: where it is missing and the folder
    can't be written to, nobody can be writing either, so the file is read as it stands."""
    uri = path.resolve().as_uri() + "?mode=ro"
    if not path.is_file():
        raise sqlite3.OperationalError(f"no database at {path}")
    conn = sqlite3.connect(uri, uri=True, timeout=10.0)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        conn.close()
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, timeout=10.0)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


class Store:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = _Database(sqlite3.connect(path, timeout=10.0))
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA busy_timeout = 10000")
        self.db.enable_wal()
        # NORMAL is durable across process crashes in WAL mode; only power loss can lose the tail.
        self.db.execute("PRAGMA synchronous = NORMAL")
        migrate(self.db)
        self._response_columns = set(self.db.table("responses").columns_dict)

    @classmethod
    def open_read_only(cls, path: Path) -> Store:
        """For commands that only read (sessions, export): changes nothing, and works on a
        folder this user can't write to. A database of an older or newer version is opened the
        usual way (updated, or refused with a plain message)."""
        conn = _read_only_connection(path)
        if conn.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
            conn.close()
            return cls(path)
        store = cls.__new__(cls)
        store.path = path
        store.db = _Database(conn)
        store._response_columns = set(store.db.table("responses").columns_dict)
        return store

    def close(self) -> None:
        self.db.close()

    # -- recovery ---------------------------------------------------------------------------

    def mark_unfinished_interrupted(self) -> int:
        """Answers still 'being written' from an earlier run of the app were cut off: say so.

        A batch's answers are the batch's: it writes again whatever was cut off when it resumes
        (core/batches/run.py), and another process may be running it right now.
        """
        placeholders = ", ".join("?" for _ in _UNFINISHED)
        with self.db.atomic():
            cursor = self.db.execute(
                f"UPDATE responses SET status = ?, updated_at = ? WHERE status IN ({placeholders}) "
                "AND item_id NOT IN (SELECT id FROM items WHERE batch_id IS NOT NULL)",
                [Status.INTERRUPTED.value, utc_now(), *_UNFINISHED],
            )
        return cursor.rowcount

    def integrity(self) -> str:
        """SQLite's own check of the whole file: "ok" when it is sound."""
        return str(self.db.execute("PRAGMA integrity_check").fetchone()[0])

    def all_answers(self) -> list[dict[str, Any]]:
        """Every answer kept, with its item's prompt: prompt, status, text."""
        return list(
            self.db.query(
                "SELECT i.prompt, r.status, r.text FROM responses r "
                "JOIN items i ON i.id = r.item_id"
            )
        )

    # -- sessions ---------------------------------------------------------------------------

    def create_session(
        self,
        title: str,
        lineup: list[dict[str, Any]],
        evaluator: str = "",
        session_id: str | None = None,
        blind: bool = False,
        blind_seed: int | None = None,
    ) -> str:
        session_id = session_id or new_id()
        now = utc_now()
        with self.db.atomic():
            self.db.table("sessions").insert(
                {
                    "id": session_id,
                    "title": title,
                    "evaluator": evaluator,
                    "created_at": now,
                    "updated_at": now,
                    "lineup": json.dumps(lineup),
                    "blind": int(blind),
                    "blind_seed": blind_seed,
                }
            )
        return session_id

    def latest_session_id(self) -> str | None:
        row = self.db.execute(
            "SELECT id FROM sessions WHERE deleted_at IS NULL "
            "ORDER BY updated_at DESC, created_at DESC LIMIT 1"
        ).fetchone()
        return None if row is None else str(row[0])

    def session(self, session_id: str) -> dict[str, Any]:
        return _decode(self.db.table("sessions").get(session_id))

    def sessions(self) -> list[dict[str, Any]]:
        return [
            _decode(row)
            for row in self.db.query(
                "SELECT s.*, (SELECT COUNT(*) FROM items i WHERE i.session_id = s.id) AS items "
                "FROM sessions s WHERE deleted_at IS NULL ORDER BY updated_at DESC"
            )
        ]

    def set_session_lineup(self, session_id: str, lineup: list[dict[str, Any]]) -> None:
        with self.db.atomic():
            self.db.table("sessions").update(
                session_id, {"lineup": json.dumps(lineup), "updated_at": utc_now()}
            )

    # -- items and responses ----------------------------------------------------------------

    def add_item(
        self,
        session_id: str,
        item_id: str,
        prompt: str,
        responses: Iterable[dict[str, Any]],
        reference: str = "",
        reference_source: str = "",
        shown_order: list[int] | None = None,
    ) -> None:
        """Save a prompt with one queued response row per slot, in one transaction."""
        now = utc_now()
        with self.db.atomic():
            position = self.db.execute(
                "SELECT COALESCE(MAX(position), 0) + 1 FROM items WHERE session_id = ?",
                [session_id],
            ).fetchone()[0]
            self.db.table("items").insert(
                {
                    "id": item_id,
                    "session_id": session_id,
                    "position": position,
                    "prompt": prompt,
                    "created_at": now,
                    "reference": reference,
                    "reference_source": reference_source,
                    "shown_order": None if shown_order is None else json.dumps(shown_order),
                }
            )
            rows = [
                {"status": Status.QUEUED.value, "text": "", "error": ""}
                | self._columns(response)
                | {"item_id": item_id, "created_at": now, "updated_at": now}
                for response in responses
            ]
            self.db.table("responses").insert_all(rows)
            self.db.table("sessions").update(session_id, {"updated_at": now})

    def _columns(self, facts: dict[str, Any]) -> dict[str, Any]:
        """Split reported facts into known columns; everything else goes to the `extra` JSON."""
        row: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, value in facts.items():
            if key in self._response_columns and key != "extra":
                row[key] = json.dumps(value) if key in _JSON_COLUMNS else value
            else:
                extra[key] = value
        if "params" in facts and isinstance(facts["params"], dict):
            row["seed"] = facts["params"].get("seed")
        if extra:
            row["extra"] = json.dumps(extra)
        return row

    def update_response(self, response_id: str, facts: dict[str, Any]) -> None:
        row = self._columns(facts)
        if "extra" in row:
            current = self.db.execute(
                "SELECT extra FROM responses WHERE id = ?", [response_id]
            ).fetchone()
            merged = json.loads(current[0]) if current and current[0] else {}
            row["extra"] = json.dumps(merged | json.loads(row["extra"]))
        with self.db.atomic():
            self.db.table("responses").update(response_id, row | {"updated_at": utc_now()})

    def set_status(self, response_id: str, status: Status) -> None:
        """Record a progress status, unless the answer already reached a final one."""
        with self.db.atomic():
            self.db.execute(
                f"UPDATE responses SET status = ?, updated_at = ? WHERE id = ? "
                f"AND status IN ({', '.join('?' for _ in _UNFINISHED)})",
                [status.value, utc_now(), response_id, *_UNFINISHED],
            )

    def set_text(self, response_id: str, text: str) -> None:
        with self.db.atomic():
            self.db.execute(
                "UPDATE responses SET text = ?, updated_at = ? WHERE id = ?",
                [text, utc_now(), response_id],
            )

    def append_text(self, response_id: str, text: str) -> None:
        """Streamed text that came since the last write (the answer so far is on disk)."""
        with self.db.atomic():
            self.db.execute(
                "UPDATE responses SET text = COALESCE(text, '') || ?, updated_at = ? WHERE id = ?",
                [text, utc_now(), response_id],
            )

    def finish_response(
        self, response_id: str, status: Status, text: str, error: str, facts: dict[str, Any]
    ) -> None:
        """The final word on an answer. The first final status wins; later facts are still kept."""
        current = self.db.execute(
            "SELECT status, role FROM responses WHERE id = ?", [response_id]
        ).fetchone()
        if current is None:
            return
        row = {"text": text, "error": error, "status": status.value} | facts
        row["identity_clues"] = identity_clues(text)
        if Status(current[0]).is_final:
            row = {k: v for k, v in facts.items() if k not in ("status", "text", "error")}
        elif status is Status.FAILED:  # shown in its column; the log keeps it for later
            log.warning("The %s's answer %s failed: %s", current[1], response_id, error)
        self.update_response(response_id, row)

    def item_ids(self, session_id: str) -> list[str]:
        return [
            str(row[0])
            for row in self.db.execute(
                "SELECT id FROM items WHERE session_id = ? ORDER BY position", [session_id]
            )
        ]

    def item(self, item_id: str, *, with_marks: bool = True) -> dict[str, Any]:
        """An item with its responses (by slot) and, unless told not to (a caller that reads
        them its own way), each response's marks."""
        # A plain query: Table.get asks SQLite for the table's names and keys on every call,
        # a fifth of reading a 10,000-item session for an export.
        row = next(self.db.query("SELECT * FROM items WHERE id = ?", [item_id]), None)
        if row is None:
            raise sqlite_utils.db.NotFoundError(item_id)
        item = _decode(row)
        responses = [
            _decode(row)
            for row in self.db.query(
                "SELECT * FROM responses WHERE item_id = ? ORDER BY slot_index", [item_id]
            )
        ]
        for response in responses:
            if with_marks:
                response["marks"] = self.marks(response["id"])
        item["responses"] = responses
        return item

    # -- marks ------------------------------------------------------------------------------

    def marks(self, response_id: str, include_deleted: bool = False) -> list[dict[str, Any]]:
        sql = "SELECT * FROM marks WHERE response_id = ?"
        if not include_deleted:
            sql += " AND deleted_at IS NULL"
        return list(self.db.query(sql + " ORDER BY start, end", [response_id]))

    # -- settings ---------------------------------------------------------------------------

    def get_setting(self, key: str, default: Any = None) -> Any:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return default if row is None else json.loads(row[0])

    def set_setting(self, key: str, value: Any) -> None:
        with self.db.atomic():
            self.db.table("settings").upsert({"key": key, "value": json.dumps(value)}, pk="key")


def _decode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in _JSON_COLUMNS & out.keys():
        if isinstance(out[key], str) and out[key]:
            out[key] = json.loads(out[key])
    return out
