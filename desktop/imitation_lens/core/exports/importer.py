"""Bring a session export (format 3, core/exports/session_json.py) into this computer's database.

A file is checked as a whole before anything is written: readable, not too large, JSON, the
right format and version, valid against resources/schema/session-export.schema.json, and
consistent (every answer, mark, judgement and verdict points where it is listed). A file that
fails any check is refused with a plain message naming the first problem and where it is, and
the database is left exactly as it was.

A valid file is merged in one transaction, by stable ids:

- Sessions, items (questions) and responses (answers) are added when their id is new. When the
  id is already here with different content, this computer's row is kept and the difference is
  counted as a conflict; nothing is overwritten. The annotations under it are still merged,
  unless the local row is about something else (an item of another session or with another
  question, an answer with another text): then marks and verdicts would not fit it, so the
  whole branch is skipped and counted as conflicts.
- Marks are merged by id; judgements and verdicts by what they are about (answer or item,
  phase and evaluator), because their ids name only the answer or item and the phase. Local
  judgements and verdicts keep the ids core/judging/annotations.py gives them; a colleague's get
  `judgement_id`/`verdict_id` with their name added, so they can never be mistaken for, or be
  overwritten by, this computer's own.
- The evaluator named like this computer's evaluator (`local_evaluator`) is this computer's
  own work coming back and is stored with evaluator ""; other names are kept. An annotation of
  a colleague that they changed since an earlier import (a later `updated_at`) replaces the old
  copy; this computer's own annotations are never replaced by a copy from a file.
- Progress through an item: this computer's is kept on the item row (taken from the file only
  for an item that is new here), a colleague's goes to item_progress and only ever moves on
  (to phase 2, to revealed).
- A session that was deleted here (and can still be restored) is brought back by importing it.

Importing the same file again adds nothing: everything is counted as already there.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from imitation_lens.core.exports import import_rows
from imitation_lens.core.exports.import_reading import (
    MAX_BYTES,
    MAX_DEPTH,
    ImportRefused,
    read_export,
)
from imitation_lens.core.exports.import_result import (
    ImportResult,
    judgement_id,
    progress_id,
    verdict_id,
)
from imitation_lens.core.exports.import_rows import NESTED
from imitation_lens.core.exports.session_json import local_evaluator
from imitation_lens.core.housekeeping.bulk_work import bulk_work
from imitation_lens.core.housekeeping.translation import N_, _
from imitation_lens.core.storage.store import Store

# What callers use: the window, the command line, tests.
__all__ = ["ImportRefused", "ImportResult", "import_session", "merge_export"]


# A conflict's words for each kind of annotation (whole sentences: a translator can't build one
# from "a {kind}").
_TAKEN = {
    "marks": N_("{place}: a mark's id is taken here; kept ours."),
    "judgements": N_("{place}: a judgement's id is taken here; kept ours."),
    "verdicts": N_("{place}: a verdict's id is taken here; kept ours."),
}
_DIFFERS = {
    "marks": N_("{place}: a mark differs from the copy here; kept it."),
    "judgements": N_("{place}: a judgement differs from the copy here; kept it."),
    "verdicts": N_("{place}: a verdict differs from the copy here; kept it."),
}
_LATER = {
    "marks": N_(
        "{place}: the file has a later version of one of your marks; kept this computer's."
    ),
    "judgements": N_(
        "{place}: the file has a later version of one of your judgements; kept this computer's."
    ),
    "verdicts": N_(
        "{place}: the file has a later version of one of your verdicts; kept this computer's."
    ),
}


def import_session(
    store: Store, path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> ImportResult:
    """Check a session export file and merge it into the database in one transaction.

    Raises ImportRefused, with nothing changed, when the file can't be imported."""
    with bulk_work():  # a long session is millions of small objects: see bulk_work
        return _import(store, path, max_bytes, max_depth)


def _import(store: Store, path: Path, max_bytes: int, max_depth: int) -> ImportResult:
    document = read_export(path, max_bytes, max_depth)
    try:
        return merge_export(store, document)
    except OverflowError:
        raise ImportRefused(
            _(
                "{name} was not imported: it holds a number too large to store. Nothing was "
                "changed."
            ).format(name=path.name)
        ) from None
    except sqlite3.IntegrityError as error:
        # The checks should make this impossible; if not, the transaction was rolled back.
        if "batch" in str(error):
            refusal = _(
                "{name} was not imported: it does not fit the data here (one of its questions "
                "takes a place in a batch that another question here has). Nothing was changed."
            )
        else:
            refusal = _(
                "{name} was not imported: it does not fit the data here (some of its entries "
                "clash with what is already here). Nothing was changed."
            )
        raise ImportRefused(refusal.format(name=path.name)) from None


def merge_export(store: Store, document: dict[str, Any]) -> ImportResult:
    """Merge a document that passed import_reading.check_export (see the module's docstring for the rules)."""
    merge = _Merge(store, document)
    # BEGIN IMMEDIATE (storage/store.py): what the merge read can't change under it.
    with store.db.atomic():
        merge.run()
    return merge.result


class _Merge:
    def __init__(self, store: Store, document: dict[str, Any]) -> None:
        self.db = store.db
        self.me = local_evaluator(store)
        self.document = document
        session = document["session"]
        self.result = ImportResult(session["id"], session["title"], document["evaluator"])
        self.inserts: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("items", "responses", "marks", "judgements", "verdicts")
        }
        self.inserts["item_progress"] = []
        self.updates: list[tuple[str, str, dict[str, Any]]] = []
        self.response_columns = list(self.db.table("responses").columns_dict)
        self.count = self.result.count

    def owner(self, name: str) -> str:
        return "" if name == self.me else name

    # The whole file is looked up first, a few queries per table, so the merge itself only
    # compares dictionaries and the writes go in as batches.
    def load(self) -> None:
        items = self.document["items"]
        item_ids = [item["id"] for item in items]
        responses = [r for item in items for r in item["responses"]]
        self.items = {r["id"]: r for r in import_rows.rows_where(self.db, "items", "id", item_ids)}
        self.responses = {
            r["id"]: r
            for r in import_rows.rows_where(
                self.db, "responses", "id", (r["id"] for r in responses)
            )
        }
        self.marks = {
            r["id"]: r
            for r in import_rows.rows_where(
                self.db, "marks", "id", (m["id"] for r in responses for m in r["marks"])
            )
        }
        self.judgements = import_rows.rows_where(self.db, "judgements", "item_id", item_ids)
        self.judgement_ids = {r["id"] for r in self.judgements}
        self.judgement_ids |= {
            r["id"]
            for r in import_rows.rows_where(
                self.db,
                "judgements",
                "id",
                (
                    judgement_id(j["response_id"], j["phase"], self.owner(j["evaluator"]))
                    for r in responses
                    for j in r["judgements"]
                ),
            )
        }
        self.judged = {(r["response_id"], r["phase"], r["evaluator"]): r for r in self.judgements}
        verdicts = import_rows.rows_where(self.db, "verdicts", "item_id", item_ids)
        self.verdict_ids = {r["id"] for r in verdicts}
        self.verdict_ids |= {
            r["id"]
            for r in import_rows.rows_where(
                self.db,
                "verdicts",
                "id",
                (
                    verdict_id(v["item_id"], v["phase"], self.owner(v["evaluator"]))
                    for item in items
                    for v in item["verdicts"]
                ),
            )
        }
        self.decided = {(r["item_id"], r["phase"], r["evaluator"]): r for r in verdicts}
        self.progress = {
            r["id"]: r
            for r in import_rows.rows_where(self.db, "item_progress", "item_id", item_ids)
        }

    def run(self) -> None:
        self.load()
        self.merge_session()
        for index, item in enumerate(self.document["items"], 1):
            self.merge_item(index, item)
        conn: sqlite3.Connection = self.db.conn
        for table in ("items", "responses", "marks", "judgements", "verdicts", "item_progress"):
            rows = self.inserts[table]
            if rows:
                # Plain executemany: sqlite-utils' insert_all spent half the import inspecting
                # values that are already what the columns take.
                columns = list(rows[0])
                conn.executemany(
                    f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                    f"VALUES ({', '.join('?' for _unused in columns)})",
                    ([row[c] for c in columns] for row in rows),
                )
        for table, key, values in self.updates:
            self.db.table(table).update(key, values)

    def merge_session(self) -> None:
        incoming = {
            key: self.document["session"].get(key) for key in import_rows.fields_of("session")
        }
        incoming = import_rows.shared("sessions", incoming)
        # Who started it; older exports left that "" (their own evaluator's).
        incoming["evaluator"] = self.owner(incoming["evaluator"] or self.document["evaluator"])
        existing = self.db.table("sessions").count_where("id = ?", [incoming["id"]])
        if not existing:
            self.db.table("sessions").insert(
                import_rows.encoded("sessions", incoming | {"deleted_at": None})
            )
            self.count("sessions", "new")
            return
        local = import_rows.stored("sessions", dict(self.db.table("sessions").get(incoming["id"])))
        ignored = ("updated_at", "deleted_at")  # housekeeping, not content
        same = all(local.get(k) == v for k, v in incoming.items() if k not in ignored)
        if local.get("deleted_at"):
            # Importing a session is asking for it: a deleted one comes back.
            self.updates.append(("sessions", incoming["id"], {"deleted_at": None}))
            self.count("sessions", "updated")
        elif same:
            self.count("sessions", "already_there")
        if not same:
            self.count(
                "sessions",
                "conflicts",
                _(
                    "The session's details (title, lineup or settings) differ from the copy "
                    "here; this computer's were kept."
                ),
            )

    def merge_item(self, index: int, item: dict[str, Any]) -> None:
        here = _("Item {n}").format(n=index)
        incoming = {key: item.get(key) for key in import_rows.fields_of("item")}
        local = self.items.get(incoming["id"])
        mine = next((p for p in item["progress"] if self.owner(p["evaluator"]) == ""), None)
        if local is None:
            progress = {"phase": 1, "revealed_at": None}
            if mine is not None:
                progress = {"phase": mine["phase"], "revealed_at": mine["revealed_at"]}
                self.count("progress", "new")
            self.inserts["items"].append(import_rows.encoded("items", incoming | progress))
            self.count("items", "new")
        else:
            local = import_rows.stored("items", local)
            if (local["session_id"], local["prompt"]) != (incoming["session_id"], item["prompt"]):
                self.result.skip_item(
                    item, _("{place} has the id of a different question here").format(place=here)
                )
                return
            if all(local.get(k) == v for k, v in incoming.items()):
                self.count("items", "already_there")
            else:
                self.count(
                    "items",
                    "conflicts",
                    _("{place} differs from the copy here; kept it.").format(place=here),
                )
            if mine is not None:
                if (local["phase"], local["revealed_at"]) == (mine["phase"], mine["revealed_at"]):
                    self.count("progress", "already_there")
                else:
                    self.count(
                        "progress",
                        "conflicts",
                        _(
                            "{place}: your progress in the file differs from this computer's; "
                            "kept this computer's."
                        ).format(place=here),
                    )
        for entry in item["progress"]:
            if self.owner(entry["evaluator"]) != "":
                self.merge_progress(item["id"], entry)
        for number, response in enumerate(item["responses"], 1):
            self.merge_response(_("{place}, answer {n}").format(place=here, n=number), response)
        for verdict in item["verdicts"]:
            self.merge_verdict(here, verdict)

    def merge_progress(self, item_id: str, entry: dict[str, Any]) -> None:
        name = entry["evaluator"]
        key = progress_id(item_id, name)
        local = self.progress.get(key)
        if local is None:
            self.inserts["item_progress"].append(
                {
                    "id": key,
                    "item_id": item_id,
                    "evaluator": name,
                    "phase": entry["phase"],
                    "revealed_at": entry["revealed_at"],
                }
            )
            self.count("progress", "new")
            return
        mine = (local["phase"], local["revealed_at"] is not None)
        theirs = (entry["phase"], entry["revealed_at"] is not None)
        if theirs > mine:  # progress only moves on
            self.updates.append(
                (
                    "item_progress",
                    key,
                    {"phase": entry["phase"], "revealed_at": entry["revealed_at"]},
                )
            )
            self.count("progress", "updated")
        elif theirs < mine or local["revealed_at"] == entry["revealed_at"]:
            self.count("progress", "already_there")
        else:
            self.count(
                "progress",
                "conflicts",
                _("{name}'s progress on an item differs; kept it.").format(name=name),
            )

    def merge_response(self, here: str, response: dict[str, Any]) -> None:
        columns = self.response_columns
        incoming = import_rows.shared("responses", {key: response.get(key) for key in columns})
        # Facts this version has no column for are kept, like the store keeps unknown facts.
        unknown = {k: v for k, v in response.items() if k not in columns and k not in NESTED}
        if unknown:
            incoming["extra"] = (incoming["extra"] or {}) | unknown
        local = self.responses.get(incoming["id"])
        if local is None:
            self.inserts["responses"].append(import_rows.encoded("responses", incoming))
            self.count("responses", "new")
        else:
            local = import_rows.stored("responses", local)
            if (local["item_id"], local["text"]) != (incoming["item_id"], incoming["text"]):
                self.result.conflicts.append(
                    _(
                        "{place} has the id of a different answer here: it and its marks were "
                        "not imported."
                    ).format(place=here)
                )
                self.result.skip_response(response)
                return
            if all(local.get(k) == v for k, v in incoming.items()):
                self.count("responses", "already_there")
            else:
                self.count(
                    "responses",
                    "conflicts",
                    _("{place} differs from the copy here; kept it.").format(place=here),
                )
        for mark in response["marks"]:
            self.merge_mark(here, mark)
        for judgement in response["judgements"]:
            self.merge_judgement(here, judgement)

    def merge_mark(self, here: str, mark: dict[str, Any]) -> None:
        incoming = {key: mark[key] for key in import_rows.fields_of("mark")}
        incoming["evaluator"] = self.owner(incoming["evaluator"])
        local = self.marks.get(incoming["id"])
        if local is None:
            self.inserts["marks"].append(incoming)
            self.count("marks", "new")
            return
        fits = (local["response_id"], local["evaluator"]) == (
            incoming["response_id"],
            incoming["evaluator"],
        )
        self.reconcile("marks", here, local, incoming, fits, local["id"])

    def merge_judgement(self, here: str, judgement: dict[str, Any]) -> None:
        incoming = {key: judgement[key] for key in import_rows.fields_of("judgement")}
        name = incoming["evaluator"] = self.owner(incoming["evaluator"])
        incoming["id"] = judgement_id(incoming["response_id"], incoming["phase"], name)
        local = self.judged.get((incoming["response_id"], incoming["phase"], name))
        if local is None:
            if incoming["id"] in self.judgement_ids:
                self.count(
                    "judgements",
                    "conflicts",
                    _("{place}: a judgement's id is taken here.").format(place=here),
                )
                return
            self.inserts["judgements"].append(incoming)
            self.judgement_ids.add(incoming["id"])
            self.count("judgements", "new")
            return
        fits = local["item_id"] == incoming["item_id"]
        self.reconcile("judgements", here, local, incoming, fits, local["id"])

    def merge_verdict(self, here: str, verdict: dict[str, Any]) -> None:
        incoming = {key: verdict[key] for key in import_rows.fields_of("verdict")}
        name = incoming["evaluator"] = self.owner(incoming["evaluator"])
        incoming["id"] = verdict_id(incoming["item_id"], incoming["phase"], name)
        local = self.decided.get((incoming["item_id"], incoming["phase"], name))
        if local is None:
            if incoming["id"] in self.verdict_ids:
                self.count(
                    "verdicts",
                    "conflicts",
                    _("{place}: a verdict's id is taken here.").format(place=here),
                )
                return
            self.inserts["verdicts"].append(import_rows.encoded("verdicts", incoming))
            self.verdict_ids.add(incoming["id"])
            self.count("verdicts", "new")
            return
        self.reconcile(
            "verdicts", here, import_rows.stored("verdicts", local), incoming, True, local["id"]
        )

    def reconcile(
        self,
        kind: str,
        here: str,
        local: dict[str, Any],
        incoming: dict[str, Any],
        fits: bool,
        key: str,
    ) -> None:
        """An annotation that is here already: the same, an older or newer copy, or a conflict."""
        compared = [k for k in incoming if k != "id"]
        if all(local.get(k) == incoming[k] for k in compared):
            self.count(kind, "already_there")
        elif not fits:
            self.count(kind, "conflicts", _(_TAKEN[kind]).format(place=here))
        elif import_rows.later(local["updated_at"], incoming["updated_at"]):
            self.count(kind, "already_there")  # an older copy of what changed here since
        elif not import_rows.later(incoming["updated_at"], local["updated_at"]):
            self.count(kind, "conflicts", _(_DIFFERS[kind]).format(place=here))
        elif incoming["evaluator"] == "":
            self.count(
                kind,
                "conflicts",
                _(_LATER[kind]).format(place=here),
            )
        else:
            values = {k: incoming[k] for k in compared}
            self.updates.append((kind, key, import_rows.encoded(kind, values)))
            self.count(kind, "updated")
