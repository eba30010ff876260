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

import contextlib
import itertools
import json
import math
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import sqlite_utils
from jsonschema_rs import ValidationError, ValidationErrorKind, Validator, validator_for

from imitation_lens.core.exports.import_checks import (
    Problem,
    check_values,
    read_regular_file,
    size_words,
)
from imitation_lens.core.exports.session_json import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    local_evaluator,
    shareable_lineup,
    shareable_path,
)
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.storage.store import Store

MAX_BYTES = 200 * 1024 * 1024
# A real export is about 8 levels deep, with a little more inside the lineup and answer facts.
MAX_DEPTH = 64
KINDS = ("sessions", "items", "responses", "marks", "judgements", "verdicts", "progress")

_JSON_FIELDS = {
    "sessions": ("lineup",),
    "items": ("shown_order", "aliases", "tags"),
    "responses": ("params", "extra", "identity_clues"),
    "verdicts": ("shown_order",),
}
_NESTED = {"progress", "responses", "verdicts", "marks", "judgements"}
_LABELS = {
    "items": "item",
    "responses": "answer",
    "marks": "mark",
    "judgements": "judgement",
    "verdicts": "verdict",
    "progress": "progress entry",
}
_PLAIN_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a group of named fields",
    "null": "null",
    "boolean": "true or false",
}
# Lone surrogates can only arrive as \u escapes (the UTF-8 decoder refuses them as bytes), and
# SQLite can't store them: they are looked for only when the file has such an escape.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_UNICODE = "some of its text is not valid Unicode (a lone surrogate)."
_CHUNK = 500  # ids per IN (…) query, well under SQLite's limit on parameters


class ImportRefused(Exception):
    """A file that was not imported; the message says why in plain words. Nothing was changed.

    Not a subclass of ImportError: that one means a Python module could not be loaded.
    """


@dataclass
class Counts:
    new: int = 0
    already_there: int = 0  # identical, or an older copy of what changed here since
    updated: int = 0  # a colleague's annotation they changed since an earlier import
    conflicts: int = 0  # the same id with different content: this computer's copy was kept


@dataclass
class ImportResult:
    session_id: str
    title: str
    evaluator: str  # who exported the file
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    conflicts: list[str] = field(default_factory=list)  # in plain words, one per conflict

    @property
    def new(self) -> dict[str, int]:
        return {kind: c.new for kind, c in self.counts.items()}

    @property
    def already_there(self) -> dict[str, int]:
        return {kind: c.already_there for kind, c in self.counts.items()}

    @property
    def updated(self) -> dict[str, int]:
        return {kind: c.updated for kind, c in self.counts.items()}

    @property
    def conflict_counts(self) -> dict[str, int]:
        return {kind: c.conflicts for kind, c in self.counts.items()}

    @property
    def changed(self) -> bool:
        return any(c.new or c.updated for c in self.counts.values())

    def summary(self) -> str:
        """What the import did, in a sentence or three for the status bar or a dialog."""
        names = {
            "sessions": ("session", "sessions"),
            "items": ("question", "questions"),
            "responses": ("answer", "answers"),
            "marks": ("mark", "marks"),
            "judgements": ("judgement", "judgements"),
            "verdicts": ("verdict", "verdicts"),
        }

        def listed(numbers: dict[str, int]) -> str:
            parts = [
                f"{n} {names[k][0] if n == 1 else names[k][1]}"
                for k, n in numbers.items()
                if n and k in names
            ]
            return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

        source = f"{_short(self.evaluator, 40)}'s export of “{_short(self.title)}”"
        if any(n for k, n in self.new.items() if k in names):
            text = f"Added {listed(self.new)} from {source}."
        else:
            text = f"Nothing new in {source}: all of it was already here."
        if any(self.updated.values()):
            text += f" Brought {sum(self.updated.values())} changed annotations up to date."
        conflicts = sum(self.conflict_counts.values())
        if conflicts:
            text += (
                f" {conflicts} {'thing differs' if conflicts == 1 else 'things differ'} from what"
                " is already here; this computer's copy was kept."
            )
        return text


def judgement_id(response_id: str, phase: int, evaluator: str) -> str:
    """The id a judgement has here: core/judging/annotations.py's for our own, with the name otherwise."""
    return f"{response_id}:{phase}" if not evaluator else f"{response_id}:{phase}:{evaluator}"


def verdict_id(item_id: str, phase: int, evaluator: str) -> str:
    return f"{item_id}:{phase}" if not evaluator else f"{item_id}:{phase}:{evaluator}"


def progress_id(item_id: str, evaluator: str) -> str:
    return f"{item_id}:{evaluator}"


# -- reading and checking -----------------------------------------------------------------------


def schema_path() -> Path:
    return resource_path("schema", "session-export.schema.json")


@cache
def export_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(schema_path().read_text("utf-8"))
    return schema


@cache
def _validator() -> Validator:
    # jsonschema-rs: the pure-Python jsonschema took 15 s on a 1,000-item export, this 0.05 s.
    return validator_for(export_schema())


@cache
def _fields(definition: str) -> tuple[str, ...]:
    """The keys an object of the export has, from the schema (one list for both)."""
    properties = export_schema()["$defs"][definition]["properties"]
    return tuple(key for key in properties if key not in _NESTED)


# What is wrong with a document, in plain words; becomes an ImportRefused with the file name.
_Problem = Problem


def read_export(
    path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> dict[str, Any]:
    """The checked document in a session export file; raises ImportRefused if it is not one."""
    try:
        return _checked(_parsed(path, max_bytes), max_depth)
    except _Problem as problem:
        raise ImportRefused(
            f"{path.name} was not imported: {problem} Nothing was changed."
        ) from None


def check_export(document: Any, max_depth: int = MAX_DEPTH) -> None:
    """Raise ImportRefused, naming the first problem and where it is, unless `document` is a
    valid, self-consistent session export of the format this app reads."""
    try:
        if _has_surrogate(document):
            raise _Problem(_NOT_UNICODE)
        _checked(document, max_depth)
    except _Problem as problem:
        raise ImportRefused(f"This is not a valid session export: {problem}") from None


def _parsed(path: Path, max_bytes: int) -> Any:
    raw = read_regular_file(path, max_bytes)
    if len(raw) > max_bytes:  # it grew since it was looked at
        raise _Problem(f"it is more than the {size_words(max_bytes)} allowed.")
    if not raw.strip():
        raise _Problem("the file is empty.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Problem(
            f"it is not a session export: byte {error.start + 1} is not UTF-8 text."
        ) from None
    try:
        document = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise _Problem(
                "it ends in the middle of the data: the file looks cut short "
                "(perhaps an interrupted copy or download)."
            ) from None
        raise _Problem(
            f"it is not valid JSON (line {error.lineno}, column {error.colno}), so it is "
            "damaged or not a session export."
        ) from None
    except RecursionError:
        raise _Problem("it is nested far too deeply to be a session export.") from None
    except _NotANumber as error:  # NaN, Infinity, numbers too large
        raise _Problem(f"it is not valid JSON ({error}).") from None
    except ValueError:  # a number with thousands of digits: Python's own limit
        raise _Problem("it holds a number far too long to be real.") from None
    if _SURROGATE_ESCAPE.search(text) and _has_surrogate(document):
        raise _Problem(_NOT_UNICODE)
    return document


class _NotANumber(ValueError):
    """A number JSON allows no way to write; its message is plain words."""


def _no_constant(name: str) -> Any:
    raise _NotANumber(f"{name} is not a number JSON allows")


def _finite(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise _NotANumber(f"the number {literal[:20]} is too large")
    return number


def _containers(document: Any) -> Iterator[Any]:
    """Every list and object in a document, without recursion (it may be deep)."""
    stack: list[Any] = [document]
    while stack:
        value = stack.pop()
        yield value
        children = value.values() if isinstance(value, dict) else value
        stack.extend(child for child in children if isinstance(child, dict | list))


def _deeper_than(document: Any, limit: int) -> bool:
    """Whether lists and objects nest more than `limit` deep (level by level: no recursion)."""
    level: list[Any] = [document]
    for _ in range(limit):
        below: list[Any] = []
        for value in level:
            below += [
                c
                for c in (value.values() if isinstance(value, dict) else value)
                if isinstance(c, dict | list)
            ]
        if not below:
            return False
        level = below
    return True


def _has_surrogate(document: Any) -> bool:
    if isinstance(document, str):
        return bool(_SURROGATE.search(document))
    for value in _containers(document):
        strings = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        if any(isinstance(s, str) and _SURROGATE.search(s) for s in strings):
            return True
    return False


def _checked(document: Any, max_depth: int) -> dict[str, Any]:
    if not isinstance(document, dict):
        raise _Problem("it is not a session export (it holds no object with a session).")
    found = document.get("format")
    if found != EXPORT_FORMAT:
        raise _Problem(
            "it is not an Imitation Lens session export"
            + (f" (its format is “{_short(found)}”)." if isinstance(found, str) else ".")
        )
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _Problem("it does not say which version of the export format it is.")
    if version > EXPORT_VERSION:
        raise _Problem(
            f"it was written by a newer Imitation Lens (export format {version}; this app reads "
            f"format {EXPORT_VERSION}). Update the app to import it."
        )
    if version < EXPORT_VERSION:
        raise _Problem(
            f"it is in the older export format {version}; this app imports format "
            f"{EXPORT_VERSION}. Open the session in a current Imitation Lens and export it again."
        )
    if _deeper_than(document, max_depth):
        raise _Problem(f"it is nested more than {max_depth} levels deep.")
    try:
        errors = list(itertools.islice(_validator().iter_errors(document), 100))
    except ValueError:  # a value no JSON text can hold, in a document built in Python
        raise _Problem(
            "it holds a value a JSON file can't (such as a number that isn't finite)."
        ) from None
    if errors:
        raise _Problem(_explain(min(errors, key=_document_order)) + ".")
    _check_links(document)
    check_values(document)
    return document


def _document_order(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in error.instance_path)


def _short(value: Any, limit: int = 60) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    text = "".join(c if c.isprintable() else "?" for c in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(path: Iterable[str | int]) -> tuple[str, str | None]:
    """('item 3, answer 2', "'status'") for a path into the document."""
    steps = list(path)
    places: list[str] = []
    index = 0
    while index < len(steps):
        key = steps[index]
        following = steps[index + 1] if index + 1 < len(steps) else None
        if isinstance(key, str) and key in _LABELS and isinstance(following, int):
            places.append(f"{_LABELS[key]} {following + 1}")
            index += 2
        elif key == "session" and index == 0:
            places.append("the session")
            index += 1
        else:
            break
    name: str | None = None
    for key in steps[index:]:
        if isinstance(key, int):
            name = f"entry {key + 1} of {name}" if name else f"entry {key + 1}"
        else:
            quoted = f"'{_short(key, 40)}'"
            name = quoted if name is None else f"{quoted} in {name}"
    return ", ".join(places) or "the file", name


def _explain(error: ValidationError) -> str:
    place, name = _where(error.instance_path)
    subject = name or "it"
    kind = error.kind
    # The schema object whose keyword failed, for its description (said in plain words).
    schema: Any = export_schema()
    with contextlib.suppress(KeyError, IndexError, TypeError):
        for step in error.schema_path[:-1]:
            schema = schema[step]
    described = schema.get("description") if isinstance(schema, dict) else None
    if isinstance(described, str) and described[:1].isupper():
        described = None  # a sentence about a whole object, written for the schema's readers
    elif isinstance(described, str):
        described = described.replace("an object", "a group of named fields")
    if isinstance(kind, ValidationErrorKind.Required):
        return f"{place}: '{kind.property}' is missing"
    if isinstance(kind, ValidationErrorKind.AdditionalProperties):
        return f"{place}: '{_short(kind.unexpected[0], 40)}' is not a field this app knows"
    if isinstance(described, str) and isinstance(
        kind,
        ValidationErrorKind.Type
        | ValidationErrorKind.Pattern
        | ValidationErrorKind.MinLength
        | ValidationErrorKind.MaxLength,
    ):
        return f"{place}: {subject} must be {described}"
    if isinstance(kind, ValidationErrorKind.Type):
        types = " or ".join(_PLAIN_TYPES.get(t, t) for t in kind.types)
        return f"{place}: {subject} must be {types}"
    if isinstance(kind, ValidationErrorKind.Enum):
        choices = [str(v) for v in kind.options]
        listed = " or ".join(choices) if len(choices) == 2 else "one of: " + ", ".join(choices)
        return f"{place}: {subject} must be {listed} (it is “{_short(error.instance, 40)}”)"
    if isinstance(kind, ValidationErrorKind.Constant):
        return f"{place}: {subject} must be {json.dumps(kind.expected_value)}"
    if isinstance(kind, ValidationErrorKind.Minimum):
        return f"{place}: {subject} must be at least {kind.limit}"
    if isinstance(kind, ValidationErrorKind.Maximum):
        return f"{place}: {subject} must be at most {kind.limit}"
    if isinstance(kind, ValidationErrorKind.MinLength):
        return f"{place}: {subject} must not be empty"
    if isinstance(kind, ValidationErrorKind.MaxLength):
        return f"{place}: {subject} is too long (at most {kind.limit} characters)"
    if isinstance(kind, ValidationErrorKind.MinItems):
        return f"{place}: {subject} must list at least {kind.limit} entries"
    if isinstance(kind, ValidationErrorKind.MaxItems):
        return f"{place}: {subject} lists more than {kind.limit} entries"
    return f"{place}: {subject} is not what a session export holds there"


def _check_links(document: dict[str, Any]) -> None:
    """What the schema can't say: every row points where it is listed, and ids are unique."""
    session_id = document["session"]["id"]
    item_at: dict[str, int] = {}
    response_at: dict[str, str] = {}
    mark_at: dict[str, str] = {}
    all_responses = {r["id"] for item in document["items"] for r in item["responses"]}

    def pointer(where: str, what: str, target: str, listed_under: str) -> _Problem:
        if what == "answer" and target not in all_responses:
            return _Problem(f"{where}: it points to answer '{_short(target)}', not in this file.")
        return _Problem(
            f"{where}: it points to {what} '{_short(target)}' but is listed under "
            f"{what} '{_short(listed_under)}'."
        )

    for i, item in enumerate(document["items"], 1):
        here = f"item {i}"
        if item["id"] in item_at:
            raise _Problem(f"{here}: it has the same id as item {item_at[item['id']]}.")
        item_at[item["id"]] = i
        if item["session_id"] != session_id:
            raise _Problem(
                f"{here}: it belongs to session '{_short(item['session_id'])}', not to the "
                "session in this file."
            )
        names: set[str] = set()
        for k, entry in enumerate(item["progress"], 1):
            if entry["evaluator"] in names:
                raise _Problem(
                    f"{here}, progress entry {k}: '{_short(entry['evaluator'])}' is listed twice."
                )
            names.add(entry["evaluator"])
        judged: set[tuple[str, int, str]] = set()
        for j, response in enumerate(item["responses"], 1):
            where = f"{here}, answer {j}"
            if response["id"] in response_at:
                raise _Problem(f"{where}: it has the same id as {response_at[response['id']]}.")
            response_at[response["id"]] = where
            if response["item_id"] != item["id"]:
                raise pointer(where, "item", response["item_id"], item["id"])
            length = len(response["text"])
            for k, mark in enumerate(response["marks"], 1):
                at = f"{where}, mark {k}"
                if mark["id"] in mark_at:
                    raise _Problem(f"{at}: it has the same id as {mark_at[mark['id']]}.")
                mark_at[mark["id"]] = at
                if mark["response_id"] != response["id"]:
                    raise pointer(at, "answer", mark["response_id"], response["id"])
                if not mark["start"] < mark["end"] <= length:
                    raise _Problem(
                        f"{at}: it spans characters {mark['start']} to {mark['end']}, which do "
                        f"not fit the answer ({length} characters)."
                    )
            for k, judgement in enumerate(response["judgements"], 1):
                at = f"{where}, judgement {k}"
                if judgement["response_id"] != response["id"]:
                    raise pointer(at, "answer", judgement["response_id"], response["id"])
                if judgement["item_id"] != item["id"]:
                    raise pointer(at, "item", judgement["item_id"], item["id"])
                key = (response["id"], judgement["phase"], judgement["evaluator"])
                if key in judged:
                    raise _Problem(
                        f"{at}: a second judgement by '{_short(key[2])}' for phase {key[1]}."
                    )
                judged.add(key)
        answers = {r["id"] for r in item["responses"]}
        decided: set[tuple[int, str]] = set()
        for k, verdict in enumerate(item["verdicts"], 1):
            at = f"{here}, verdict {k}"
            if verdict["item_id"] != item["id"]:
                raise pointer(at, "item", verdict["item_id"], item["id"])
            chosen = verdict["preferred_response_id"]
            if chosen is not None and chosen not in answers:
                raise _Problem(f"{at}: the chosen answer '{_short(chosen)}' is not in this item.")
            if (verdict["phase"], verdict["evaluator"]) in decided:
                raise _Problem(
                    f"{at}: a second verdict by '{_short(verdict['evaluator'])}' for phase "
                    f"{verdict['phase']}."
                )
            decided.add((verdict["phase"], verdict["evaluator"]))


# -- merging ------------------------------------------------------------------------------------


def import_session(
    store: Store, path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> ImportResult:
    """Check a session export file and merge it into the database in one transaction.

    Raises ImportRefused, with nothing changed, when the file can't be imported."""
    document = read_export(path, max_bytes, max_depth)
    try:
        return merge_export(store, document)
    except OverflowError:
        raise ImportRefused(
            f"{path.name} was not imported: it holds a number too large to store. "
            "Nothing was changed."
        ) from None
    except sqlite3.IntegrityError as error:
        # The checks should make this impossible; if not, the transaction was rolled back.
        clash = (
            "one of its questions takes a place in a batch that another question here has"
            if "batch" in str(error)
            else "some of its entries clash with what is already here"
        )
        raise ImportRefused(
            f"{path.name} was not imported: it does not fit the data here ({clash}). "
            "Nothing was changed."
        ) from None


def merge_export(store: Store, document: dict[str, Any]) -> ImportResult:
    """Merge a document that passed `check_export` (see the module's docstring for the rules)."""
    merge = _Merge(store, document)
    with _immediate(store.db):
        merge.run()
    return merge.result


@contextlib.contextmanager
def _immediate(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction that holds the write lock from its start, so what the merge read can't
    change under it (the window's writer thread writes through its own connection)."""
    conn: sqlite3.Connection = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        conn.rollback()
        raise


def _stored(table: str, row: dict[str, Any]) -> dict[str, Any]:
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
    return _shared(table, out)


def _shared(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row with model files named as a shared export names them (core/exports/session_json.py): the file
    name without the folders of whoever's computer it was on. Older exports have the folders."""
    if table == "sessions" and isinstance(row.get("lineup"), list):
        row["lineup"] = shareable_lineup(row["lineup"])
    if table == "responses" and isinstance(row.get("model_path"), str):
        row["model_path"] = shareable_path(row["model_path"])
    return row


def _encoded(table: str, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in _JSON_FIELDS.get(table, ()):
        if key in out and out[key] is not None:
            out[key] = json.dumps(out[key], ensure_ascii=False)
    return out


def _later(incoming: Any, local: Any) -> bool:
    try:
        return bool(datetime.fromisoformat(incoming) > datetime.fromisoformat(local))
    except (TypeError, ValueError):
        return False


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

    def owner(self, name: str) -> str:
        return "" if name == self.me else name

    def count(self, kind: str, outcome: str, conflict: str | None = None) -> None:
        counts = self.result.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if conflict:
            self.result.conflicts.append(conflict)

    def fetch(self, table: str, column: str, values: Iterable[str]) -> list[dict[str, Any]]:
        wanted = list(dict.fromkeys(values))
        rows: list[dict[str, Any]] = []
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            marks = ", ".join("?" for _ in chunk)
            rows += self.db.query(f"SELECT * FROM [{table}] WHERE [{column}] IN ({marks})", chunk)
        return rows

    # The whole file is looked up first, a few queries per table, so the merge itself only
    # compares dictionaries and the writes go in as batches.
    def load(self) -> None:
        items = self.document["items"]
        item_ids = [item["id"] for item in items]
        responses = [r for item in items for r in item["responses"]]
        self.items = {r["id"]: r for r in self.fetch("items", "id", item_ids)}
        self.responses = {
            r["id"]: r for r in self.fetch("responses", "id", (r["id"] for r in responses))
        }
        self.marks = {
            r["id"]: r
            for r in self.fetch("marks", "id", (m["id"] for r in responses for m in r["marks"]))
        }
        self.judgements = self.fetch("judgements", "item_id", item_ids)
        self.judgement_ids = {r["id"] for r in self.judgements}
        self.judgement_ids |= {
            r["id"]
            for r in self.fetch(
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
        verdicts = self.fetch("verdicts", "item_id", item_ids)
        self.verdict_ids = {r["id"] for r in verdicts}
        self.verdict_ids |= {
            r["id"]
            for r in self.fetch(
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
        self.progress = {r["id"]: r for r in self.fetch("item_progress", "item_id", item_ids)}

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
                    f"VALUES ({', '.join('?' for _ in columns)})",
                    ([row[c] for c in columns] for row in rows),
                )
        for table, key, values in self.updates:
            self.db.table(table).update(key, values)

    def merge_session(self) -> None:
        incoming = {key: self.document["session"].get(key) for key in _fields("session")}
        incoming = _shared("sessions", incoming)
        # Who started it; older exports left that "" (their own evaluator's).
        incoming["evaluator"] = self.owner(incoming["evaluator"] or self.document["evaluator"])
        existing = self.db.table("sessions").count_where("id = ?", [incoming["id"]])
        if not existing:
            self.db.table("sessions").insert(_encoded("sessions", incoming | {"deleted_at": None}))
            self.count("sessions", "new")
            return
        local = _stored("sessions", dict(self.db.table("sessions").get(incoming["id"])))
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
                "The session's details (title, lineup or settings) differ from the copy here; "
                "this computer's were kept.",
            )

    def merge_item(self, index: int, item: dict[str, Any]) -> None:
        here = f"Item {index}"
        incoming = {key: item.get(key) for key in _fields("item")}
        local = self.items.get(incoming["id"])
        mine = next((p for p in item["progress"] if self.owner(p["evaluator"]) == ""), None)
        if local is None:
            progress = {"phase": 1, "revealed_at": None}
            if mine is not None:
                progress = {"phase": mine["phase"], "revealed_at": mine["revealed_at"]}
                self.count("progress", "new")
            self.inserts["items"].append(_encoded("items", incoming | progress))
            self.count("items", "new")
        else:
            local = _stored("items", local)
            if (local["session_id"], local["prompt"]) != (incoming["session_id"], item["prompt"]):
                self.skip_item(item, f"{here} has the id of a different question here")
                return
            if all(local.get(k) == v for k, v in incoming.items()):
                self.count("items", "already_there")
            else:
                self.count("items", "conflicts", f"{here} differs from the copy here; kept it.")
            if mine is not None:
                if (local["phase"], local["revealed_at"]) == (mine["phase"], mine["revealed_at"]):
                    self.count("progress", "already_there")
                else:
                    self.count(
                        "progress",
                        "conflicts",
                        f"{here}: your progress in the file differs from this computer's; kept "
                        "this computer's.",
                    )
        for entry in item["progress"]:
            if self.owner(entry["evaluator"]) != "":
                self.merge_progress(item["id"], entry)
        for number, response in enumerate(item["responses"], 1):
            self.merge_response(f"{here}, answer {number}", response)
        for verdict in item["verdicts"]:
            self.merge_verdict(here, verdict)

    def skip_item(self, item: dict[str, Any], reason: str) -> None:
        self.count("items", "conflicts", f"{reason}: it and its answers were not imported.")
        for kind, rows in (("progress", item["progress"]), ("verdicts", item["verdicts"])):
            self.result.counts[kind].conflicts += len(rows)
        for response in item["responses"]:
            self.skip_response(response)

    def skip_response(self, response: dict[str, Any]) -> None:
        counts = self.result.counts
        counts["responses"].conflicts += 1
        counts["marks"].conflicts += len(response["marks"])
        counts["judgements"].conflicts += len(response["judgements"])

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
            self.count("progress", "conflicts", f"{name}'s progress on an item differs; kept it.")

    def merge_response(self, here: str, response: dict[str, Any]) -> None:
        columns = self.response_columns
        incoming = _shared("responses", {key: response.get(key) for key in columns})
        # Facts this version has no column for are kept, like the store keeps unknown facts.
        unknown = {k: v for k, v in response.items() if k not in columns and k not in _NESTED}
        if unknown:
            incoming["extra"] = (incoming["extra"] or {}) | unknown
        local = self.responses.get(incoming["id"])
        if local is None:
            self.inserts["responses"].append(_encoded("responses", incoming))
            self.count("responses", "new")
        else:
            local = _stored("responses", local)
            if (local["item_id"], local["text"]) != (incoming["item_id"], incoming["text"]):
                self.result.conflicts.append(
                    f"{here} has the id of a different answer here: it and its marks were not "
                    "imported."
                )
                self.skip_response(response)
                return
            if all(local.get(k) == v for k, v in incoming.items()):
                self.count("responses", "already_there")
            else:
                self.count("responses", "conflicts", f"{here} differs from the copy here; kept it.")
        for mark in response["marks"]:
            self.merge_mark(here, mark)
        for judgement in response["judgements"]:
            self.merge_judgement(here, judgement)

    def merge_mark(self, here: str, mark: dict[str, Any]) -> None:
        incoming = {key: mark[key] for key in _fields("mark")}
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
        incoming = {key: judgement[key] for key in _fields("judgement")}
        name = incoming["evaluator"] = self.owner(incoming["evaluator"])
        incoming["id"] = judgement_id(incoming["response_id"], incoming["phase"], name)
        local = self.judged.get((incoming["response_id"], incoming["phase"], name))
        if local is None:
            if incoming["id"] in self.judgement_ids:
                self.count("judgements", "conflicts", f"{here}: a judgement's id is taken here.")
                return
            self.inserts["judgements"].append(incoming)
            self.judgement_ids.add(incoming["id"])
            self.count("judgements", "new")
            return
        fits = local["item_id"] == incoming["item_id"]
        self.reconcile("judgements", here, local, incoming, fits, local["id"])

    def merge_verdict(self, here: str, verdict: dict[str, Any]) -> None:
        incoming = {key: verdict[key] for key in _fields("verdict")}
        name = incoming["evaluator"] = self.owner(incoming["evaluator"])
        incoming["id"] = verdict_id(incoming["item_id"], incoming["phase"], name)
        local = self.decided.get((incoming["item_id"], incoming["phase"], name))
        if local is None:
            if incoming["id"] in self.verdict_ids:
                self.count("verdicts", "conflicts", f"{here}: a verdict's id is taken here.")
                return
            self.inserts["verdicts"].append(_encoded("verdicts", incoming))
            self.verdict_ids.add(incoming["id"])
            self.count("verdicts", "new")
            return
        self.reconcile("verdicts", here, _stored("verdicts", local), incoming, True, local["id"])

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
            self.count(kind, "conflicts", f"{here}: a {kind[:-1]}'s id is taken here; kept ours.")
        elif _later(local["updated_at"], incoming["updated_at"]):
            self.count(kind, "already_there")  # an older copy of what changed here since
        elif not _later(incoming["updated_at"], local["updated_at"]):
            self.count(
                kind, "conflicts", f"{here}: a {kind[:-1]} differs from the copy here; kept it."
            )
        elif incoming["evaluator"] == "":
            self.count(
                kind,
                "conflicts",
                f"{here}: the file has a later version of one of your {kind}; kept this "
                "computer's.",
            )
        else:
            values = {k: incoming[k] for k in compared}
            self.updates.append((kind, key, _encoded(kind, values)))
            self.count(kind, "updated")
