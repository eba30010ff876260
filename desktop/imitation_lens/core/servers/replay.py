"""Recorded teacher answers: kept for every answer the teacher gives, replayed offline.

A recording is matched on the prompt, the teacher's model id and the settings that shape an
answer (temperature, top_p, max_tokens, seed), never on the address: a demo pack made against
api.openai.com replays on a laptop that has never been online. A demo pack is a JSON file of
recordings, carried from one laptop to another.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from imitation_lens import __version__
from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.running.lineup import SamplingParams
from imitation_lens.core.storage.store import Store, new_id

PACK_FORMAT = "imitation-lens-demo-pack"
PACK_VERSION = 1
_KEYED_SETTINGS = ("temperature", "top_p", "max_tokens", "seed")
RECORDED_HERE = "recorded here"


class DemoPackError(Exception):
    """A demo pack that can't be read; the message is for the person at the screen."""


@dataclass(frozen=True)
class Recording:
    id: str
    prompt: str
    model: str
    params_key: str
    base_url: str
    text: str
    recorded_at: str
    origin: str


def params_key(params: SamplingParams | dict[str, Any]) -> str:
    values = asdict(params) if isinstance(params, SamplingParams) else params
    return json.dumps({k: values.get(k) for k in _KEYED_SETTINGS}, sort_keys=True)


def record_teacher_answer(store: Store, response_id: str) -> bool:
    """Keep a finished teacher answer for replay. Replayed answers are not recorded again, and
    only an answer the teacher said it finished (a finish reason) counts: a stream cut short
    must never come back later as a whole answer."""
    rows = list(
        store.db.query(
            "SELECT r.*, i.prompt FROM responses r JOIN items i ON i.id = r.item_id WHERE r.id = ?",
            [response_id],
        )
    )
    if not rows:
        return False
    row = rows[0]
    extra = json.loads(row["extra"] or "{}")
    if row["kind"] != "endpoint" or row["status"] != "done" or not row["text"]:
        return False
    if extra.get("replayed_from") or not extra.get("finish_reason"):
        return False
    params = json.loads(row["params"] or "{}")
    with store.db.atomic():
        store.db.table("teacher_recordings").insert(
            {
                "id": new_id(),
                "prompt": row["prompt"],
                "model": row["endpoint_model"] or "",
                "params_key": params_key(params),
                "base_url": row["endpoint_base_url"] or "",
                "text": row["text"],
                "recorded_at": row["ended_at"] or utc_now(),
                "origin": RECORDED_HERE,
                "response_id": response_id,
            }
        )
    return True


def find_recording(
    database: Path, prompt: str, model: str, params: SamplingParams
) -> Recording | None:
    """The latest recording for this prompt, model and settings. Opens its own read-only
    connection, so any thread may ask (SQLite connections belong to one thread)."""
    if not database.exists():
        return None
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=10.0)
    try:
        connection.row_factory = sqlite3.Row
        row = connection.execute(
            "SELECT * FROM teacher_recordings WHERE prompt = ? AND model = ? AND params_key = ? "
            "ORDER BY recorded_at DESC LIMIT 1",
            [prompt, model, params_key(params)],
        ).fetchone()
    except sqlite3.Error:
        return None  # no such table yet, or a locked file: there is simply nothing to replay
    finally:
        connection.close()
    return None if row is None else Recording(**{k: row[k] for k in Recording.__annotations__})


def recordings(store: Store, session_id: str | None = None) -> list[Recording]:
    sql = "SELECT * FROM teacher_recordings"
    args: list[Any] = []
    if session_id is not None:
        sql += " WHERE prompt IN (SELECT prompt FROM items WHERE session_id = ?)"
        args.append(session_id)
    rows = store.db.query(sql + " ORDER BY recorded_at", args)
    return [Recording(**{k: row[k] for k in Recording.__annotations__}) for row in rows]


def export_demo_pack(store: Store, target: Path, session_id: str | None = None) -> int:
    """Write the recorded teacher answers (of one session's prompts, or all) to one file."""
    found = recordings(store, session_id)
    document = {
        "format": PACK_FORMAT,
        "format_version": PACK_VERSION,
        "exported_at": utc_now(),
        "app_version": __version__,
        "recordings": [
            {k: v for k, v in asdict(r).items() if k not in ("id", "origin")} for r in found
        ],
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", "utf-8")
        temporary.replace(target)
    finally:
        temporary.unlink(missing_ok=True)
    return len(found)


def _utc_stamp(text: str, name: str) -> str:
    """A recording time as UTC ISO text, so times sort correctly; odd or absurd ones refused."""
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        moment = moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise DemoPackError(
            _("{name} is damaged: a recording has an unreadable date.").format(name=name)
        ) from None
    if not 2000 <= moment.year <= 2200:
        raise DemoPackError(
            _("{name} is damaged: a recording is dated {year}.").format(name=name, year=moment.year)
        )
    return moment.isoformat(timespec="milliseconds")


def import_demo_pack(store: Store, source: Path) -> int:
    """Add a demo pack's recordings; returns how many were new. Nothing is added from a bad file."""
    name = source.name
    try:
        document = json.loads(source.read_text("utf-8-sig"))  # a BOM from a Windows editor is fine
    except OSError as error:
        raise DemoPackError(
            _("{name} could not be read: {detail}.").format(
                name=name, detail=error.strerror or error
            )
        ) from None
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DemoPackError(
            _("{name} is not a demo pack (it is not readable JSON).").format(name=name)
        ) from None
    if not isinstance(document, dict) or document.get("format") != PACK_FORMAT:
        raise DemoPackError(_("{name} is not an Imitation Lens demo pack.").format(name=name))
    if document.get("format_version") != PACK_VERSION:
        raise DemoPackError(
            _(
                "{name} is a demo pack of version {version}, which this "
                "app does not know (it reads version {known}). Update the app."
            ).format(name=name, version=document.get("format_version"), known=PACK_VERSION)
        )
    entries = document.get("recordings")
    required = ("prompt", "model", "params_key", "text", "recorded_at")
    if not isinstance(entries, list) or not all(
        isinstance(e, dict) and all(isinstance(e.get(k), str) for k in required) for e in entries
    ):
        raise DemoPackError(
            _("{name} is damaged: some recorded answers are incomplete.").format(name=name)
        )
    for entry in entries:
        entry["recorded_at"] = _utc_stamp(entry["recorded_at"], name)
    added = 0
    with store.db.atomic():
        for entry in entries:
            duplicate = store.db.execute(
                "SELECT 1 FROM teacher_recordings WHERE prompt = ? AND model = ? "
                "AND params_key = ? AND text = ?",
                [entry["prompt"], entry["model"], entry["params_key"], entry["text"]],
            ).fetchone()
            if duplicate:
                continue
            store.db.table("teacher_recordings").insert(
                {
                    "id": new_id(),
                    "prompt": entry["prompt"],
                    "model": entry["model"],
                    "params_key": entry["params_key"],
                    "base_url": str(entry.get("base_url") or ""),
                    "text": entry["text"],
                    "recorded_at": entry["recorded_at"],
                    "origin": f"demo pack {name}",
                    "response_id": None,
                }
            )
            added += 1
    return added
