"""Lossless, versioned JSON export of a session: every item, response, fact, mark and verdict.

Format 3 (schema: resources/schema/session-export.schema.json). Annotations are tagged with
their evaluator: this computer's own ("" in the database) are written under the local
evaluator's name, so a colleague's database can tell them apart after a merge. Each item lists
every evaluator's progress through it (phase, and when a blind item was revealed).
"""

from __future__ import annotations

import contextlib
import getpass
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from imitation_lens import __version__
from imitation_lens.core.housekeeping.bulk_work import bulk_work
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.storage.store import Store

EXPORT_FORMAT = "imitation-lens-session"
EXPORT_VERSION = 3  # 3: evaluators on every annotation, per-evaluator progress
EVALUATOR_SETTING = "evaluator_name"


MAX_NAME = 200  # the export schema's limit on an evaluator's name


def clean_name(text: str) -> str:
    """A typed name as it is kept: no control characters, single spaces, at most 200 characters."""
    kept = "".join(" " if unicodedata.category(c).startswith("C") else c for c in text)
    return " ".join(kept.split())[:MAX_NAME].strip()


def default_evaluator() -> str:
    """The name offered on first start: the account's full name, else the login; never empty."""
    login = ""
    with contextlib.suppress(Exception):  # no login name in some containers and services
        login = getpass.getuser()
    full = ""
    with contextlib.suppress(ImportError, KeyError, OSError):
        import pwd  # not on Windows

        # The comment field is "Full Name,Room,Work phone,…" on most systems.
        full = clean_name(pwd.getpwnam(login).pw_gecos.split(",")[0])
    return full or clean_name(login) or "evaluator"


def saved_evaluator(store: Store) -> str | None:
    """The name this computer's evaluator chose; None before they were asked."""
    name = store.get_setting(EVALUATOR_SETTING)
    if not isinstance(name, str):
        return None
    return clean_name(name) or None


def set_evaluator(store: Store, name: str) -> str:
    """Keep the local evaluator's name (an empty one keeps the default); returns what was kept."""
    kept = clean_name(name) or default_evaluator()
    store.set_setting(EVALUATOR_SETTING, kept)
    return kept


def local_evaluator(store: Store) -> str:
    """The name this computer's evaluator goes by wherever their work is shown or exported.

    In the database their annotations carry evaluator "" (core/storage/migrations.py, v4); this name
    stands in for "" in every export, so merged work from one shared laptop stays apart."""
    return saved_evaluator(store) or default_evaluator()


def shareable_path(path: str) -> str:
    """A model file as a shared file names it: its name only. The folders around it say who the
    evaluator is (a user name) and how their computer is laid out, and mean nothing elsewhere."""
    return re.split(r"[\\/]", path)[-1]


def shareable_lineup(lineup: list[Any]) -> list[Any]:
    """A lineup with each local model named by its file name only (see shareable_path)."""
    out: list[Any] = []
    for slot in lineup:
        source = slot.get("source") if isinstance(slot, dict) else None
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            slot = slot | {"source": source | {"path": shareable_path(source["path"])}}
        out.append(slot)
    return out


def _named(rows: list[dict[str, Any]], me: str) -> list[dict[str, Any]]:
    return [row | {"evaluator": row.get("evaluator") or me} for row in rows]


def session_document(store: Store, session_id: str) -> dict[str, Any]:
    with bulk_work():  # a long session is millions of small objects: see bulk_work
        return _session_document(store, session_id)


def _session_document(store: Store, session_id: str) -> dict[str, Any]:
    me = local_evaluator(store)
    session = store.session(session_id)
    session["evaluator"] = session.get("evaluator") or me  # "" is this computer's evaluator
    if isinstance(session.get("lineup"), list):
        session["lineup"] = shareable_lineup(session["lineup"])
    items = []
    for item_id in store.item_ids(session_id):
        item = store.item(item_id, with_marks=False)  # read below, deleted ones too
        progress = [
            {"evaluator": me, "phase": item.pop("phase"), "revealed_at": item.pop("revealed_at")}
        ]
        progress += [
            {
                "evaluator": row["evaluator"],
                "phase": row["phase"],
                "revealed_at": row["revealed_at"],
            }
            for row in store.db.query(
                "SELECT * FROM item_progress WHERE item_id = ? ORDER BY evaluator", [item_id]
            )
        ]
        item["progress"] = progress
        for response in item["responses"]:
            if isinstance(response.get("model_path"), str):
                response["model_path"] = shareable_path(response["model_path"])
            # Deleted marks stay in the export: their history is evidence too.
            response["marks"] = _named(store.marks(response["id"], include_deleted=True), me)
            response["judgements"] = _named(
                list(
                    store.db.query(
                        "SELECT * FROM judgements WHERE response_id = ? ORDER BY phase, id",
                        [response["id"]],
                    )
                ),
                me,
            )
        verdicts = []
        for row in store.db.query(
            "SELECT * FROM verdicts WHERE item_id = ? ORDER BY phase, id", [item_id]
        ):
            verdicts.append(dict(row) | {"shown_order": json.loads(row["shown_order"] or "[]")})
        item["verdicts"] = _named(verdicts, me)
        items.append(item)
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "evaluator": me,
        "session": session,
        "items": items,
    }


def write_atomically(target: Path, write: Any) -> Path:
    """Write a file through a temporary neighbour, so a failed write never leaves half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        with temporary.open("w", encoding="utf-8", newline="") as stream:
            write(stream)
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return target


def write_json(document: dict[str, Any], target: Path) -> Path:
    # json.dumps, not json.dump: only the one-shot path uses the C encoder (json.dump streams
    # through the pure-Python one). Compact, since these files are read by programs.
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def write(stream: Any) -> None:
        stream.write(text)
        stream.write("\n")

    return write_atomically(target, write)


def export_session(store: Store, session_id: str, target: Path) -> Path:
    return write_json(session_document(store, session_id), target)
