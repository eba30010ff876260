"""Prompt sets: questions with known answers, read from JSONL or CSV, built in or imported.

A file is read whole and checked line by line; if any line is wrong, nothing is imported and
every problem is reported with its line number (up to MAX_PROBLEMS of them), so a set is never
half-imported. Built-in sets live in resources/prompt_sets (listed in sets.json) and are read
from there each time; imported sets are copied into the database, so they stay usable when the
original file moves.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.housekeeping.translation import _, ngettext
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.storage.store import Store

FIELDS = ("prompt", "reference", "aliases", "source", "tags")
MAX_BYTES = 20 * 1024 * 1024
MAX_ITEMS = 10_000
MAX_PROMPT_CHARS = 20_000
MAX_PROBLEMS = 20
BUILT_IN_PREFIX = "built-in:"
SUFFIXES = (".jsonl", ".csv")


class PromptSetError(Exception):
    """A set file that was not imported; the message lists what is wrong, in plain words."""


@dataclass(frozen=True)
class SetItem:
    prompt: str
    reference: str = ""
    aliases: tuple[str, ...] = ()
    source: str = ""
    tags: tuple[str, ...] = ()
    line: int = 0  # where it starts in the file it came from (0: not from a file)
    # Answers the set says are wrong (TruthfulQA): the automatic check refuses them.
    incorrect: tuple[str, ...] = ()
    # An answer the file itself gives (Alpaca's output, ShareGPT's reply): a batch writes it as
    # the Teacher column's answer, labelled as the set's (core/batches/queued.py); never shown
    # as a reference, never checked against, never kept as a recording for replay.
    teacher_answer: str = ""

    def to_row(self) -> dict[str, Any]:
        return {
            "prompt": self.prompt,
            "reference": self.reference,
            "aliases": list(self.aliases),
            "source": self.source,
            "tags": list(self.tags),
        }


@dataclass(frozen=True)
class PromptSet:
    id: str
    name: str
    items: tuple[SetItem, ...]
    description: str = ""
    licence: str = ""
    file_name: str = ""
    # "en", "de" for the built-in sets; empty for imported ones (their language is unknown).
    language: str = ""

    @property
    def built_in(self) -> bool:
        return self.id.startswith(BUILT_IN_PREFIX)

    @property
    def with_reference(self) -> int:
        return sum(1 for item in self.items if item.reference)

    def tag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            for tag in item.tags:
                counts[tag] = counts.get(tag, 0) + 1
        return dict(sorted(counts.items()))


# -- reading files ---------------------------------------------------------------------------


class _Problems:
    def __init__(self) -> None:
        self.found: list[str] = []
        self.more = 0

    def add(self, line: int, message: str) -> None:
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(_("Line {n}: {problem}").format(n=line, problem=message))
        else:
            self.more += 1

    def refuse(self, name: str) -> None:
        if not self.found:
            return
        listed = "\n".join(self.found)
        tail = "\n" + _("… and {n} more.").format(n=self.more) if self.more else ""
        count = len(self.found) + self.more
        refusal = ngettext(
            "{name} was not imported: {n} line needs fixing.",
            "{name} was not imported: {n} lines need fixing.",
            count,
        ).format(name=name, n=count)
        raise PromptSetError(f"{refusal}\n{listed}{tail}")


def _texts(value: Any, separator: str) -> tuple[str, ...] | None:
    """A list of strings, or one string of alternatives; None when it is neither."""
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(separator) if part.strip())
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return tuple(part.strip() for part in value if part.strip())
    return None


def _item(record: dict[str, Any], line: int, problems: _Problems) -> SetItem | None:
    unknown = [key for key in record if key not in FIELDS]
    if unknown:
        problems.add(
            line,
            ngettext(
                "unknown field {unknown} (the fields are {fields}).",
                "unknown fields {unknown} (the fields are {fields}).",
                len(unknown),
            ).format(unknown=", ".join(map(repr, unknown)), fields=", ".join(FIELDS)),
        )
        return None
    prompt = record.get("prompt")
    if not isinstance(prompt, str) or not prompt.strip():
        problems.add(line, _("the prompt is missing or empty."))
        return None
    if len(prompt) > MAX_PROMPT_CHARS:
        problems.add(
            line,
            _("the prompt is longer than {n} characters.").format(
                n=translation.number(MAX_PROMPT_CHARS)
            ),
        )
        return None
    texts: dict[str, str] = {}
    for key in ("reference", "source"):
        value = record.get(key)
        if value is None:
            value = ""
        if not isinstance(value, str):
            problems.add(line, _("{field} must be text.").format(field=key))
            return None
        texts[key] = value.strip()
    aliases = _texts(record.get("aliases"), "|")
    if aliases is None:
        problems.add(line, _('aliases must be a list of texts, or one text with "|" between them.'))
        return None
    tags = _texts(record.get("tags"), ",")
    if tags is None:
        problems.add(line, _('tags must be a list of texts, or one text with "," between them.'))
        return None
    if aliases and not texts["reference"]:
        problems.add(line, _("there are aliases but no reference answer for them to stand for."))
        return None
    if "\x00" in prompt:
        problems.add(line, _("the prompt contains a NUL character."))
        return None
    return SetItem(prompt.strip(), texts["reference"], aliases, texts["source"], tags, line)


def _jsonl_items(text: str, problems: _Problems) -> Iterator[SetItem]:
    # Split on line feeds only: str.splitlines also splits at U+2028 and U+2029, which JSON
    # writers leave raw inside strings, and would number the lines wrong.
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.removesuffix("\r")
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as error:
            problems.add(
                number,
                _("not valid JSON ({reason} at column {column}).").format(
                    reason=error.msg, column=error.colno
                ),
            )
            continue
        except RecursionError:
            problems.add(number, _("nested too deeply to be a question."))
            continue
        if not isinstance(record, dict):
            problems.add(
                number,
                _("each line must be a JSON object like {example}.").format(
                    example='{"prompt": "…"}'
                ),
            )
            continue
        item = _item(record, number, problems)
        if item is not None:
            yield item


def _csv_items(text: str, problems: _Problems) -> Iterator[SetItem]:
    first_line = text.split("\n", 1)[0]
    delimiter = ","  # spreadsheets in some languages write ";" (or tabs): only that is sniffed
    with contextlib.suppress(csv.Error):
        delimiter = csv.Sniffer().sniff(first_line, delimiters=",;\t").delimiter
    # strict: an unclosed quote is an error, not the rest of the file swallowed into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
    except StopIteration:
        return
    except csv.Error as error:
        problems.add(1, f"the header row could not be read ({error}).")
        return
    if "prompt" not in header:
        problems.add(
            1,
            'the first row must name the columns, one of them "prompt" '
            f"(the columns are {', '.join(FIELDS)}).",
        )
        return
    unknown = [name for name in header if name and name not in FIELDS]
    if unknown:
        problems.add(
            1,
            f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
            f"(the columns are {', '.join(FIELDS)}).",
        )
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            problems.add(start, f"the row could not be read ({error}).")
            return
        number, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) > len(header):
            problems.add(number, f"{len(row)} cells, but the header names {len(header)} columns.")
            continue
        record = {key: value for key, value in zip(header, row, strict=False) if key}
        item = _item(record, number, problems)
        if item is not None:
            yield item


def parse_prompt_set(data: bytes, name: str, suffix: str) -> list[SetItem]:
    """The items of a set file's contents; PromptSetError lists every line that is wrong."""
    if len(data) > MAX_BYTES:
        raise PromptSetError(
            _("{name} was not imported: it is larger than {n} MB.").format(
                name=name, n=MAX_BYTES // (1024 * 1024)
            )
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise PromptSetError(
            _(
                "{name} was not imported: line {n} is not UTF-8 text. Save the file as UTF-8 "
                "(in a spreadsheet: “CSV UTF-8”)."
            ).format(name=name, n=line)
        ) from error
    suffix = suffix.lower()
    if suffix not in SUFFIXES:
        raise PromptSetError(
            _(
                "{name} was not imported: prompt sets are .jsonl or .csv files, not “{suffix}”."
            ).format(name=name, suffix=suffix)
        )
    problems = _Problems()
    reader = _jsonl_items if suffix == ".jsonl" else _csv_items
    items = list(reader(text, problems))
    problems.refuse(name)
    if not items:
        raise PromptSetError(
            _("{name} was not imported: it has no questions in it.").format(name=name)
        )
    if len(items) > MAX_ITEMS:
        raise PromptSetError(
            _(
                "{name} was not imported: it has {n} questions; the most a set may have is "
                "{most}. Split it into smaller sets."
            ).format(
                name=name, n=translation.number(len(items)), most=translation.number(MAX_ITEMS)
            )
        )
    return items


def read_prompt_set_file(path: Path) -> PromptSet:
    """A set file read from disk, named after the file; not yet saved anywhere."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise PromptSetError(
                _("{name} was not imported: it is larger than {n} MB.").format(
                    name=path.name, n=MAX_BYTES // (1024 * 1024)
                )
            )
        data = path.read_bytes()
    except OSError as error:
        raise PromptSetError(
            _("{name} could not be read: {reason}.").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error
    items = parse_prompt_set(data, path.name, path.suffix)
    name = path.stem.replace("_", " ").replace("-", " ").strip() or path.name
    return PromptSet(
        uuid.uuid4().hex, name[:1].upper() + name[1:], tuple(items), file_name=path.name
    )


# -- built-in sets ---------------------------------------------------------------------------


@cache
def built_in_sets() -> tuple[PromptSet, ...]:
    """The sets that ship with the app (resources/prompt_sets/sets.json)."""
    folder = resource_path("prompt_sets")
    listing = json.loads((folder / "sets.json").read_text("utf-8"))
    found = []
    for entry in listing["sets"]:
        file = folder / entry["file"]
        items = parse_prompt_set(file.read_bytes(), file.name, file.suffix)
        found.append(
            PromptSet(
                BUILT_IN_PREFIX + entry["id"],
                entry["name"],
                tuple(items),
                entry.get("description", ""),
                entry.get("licence", ""),
                entry["file"],
                entry.get("language", ""),
            )
        )
    return tuple(found)


# -- imported sets in the database -----------------------------------------------------------


def save_prompt_set(store: Store, prompt_set: PromptSet) -> str:
    """Keep an imported set in the database (one transaction) and return its id."""
    with store.db.atomic():
        store.db.table("prompt_sets").insert(
            {
                "id": prompt_set.id,
                "name": prompt_set.name,
                "description": prompt_set.description,
                "licence": prompt_set.licence,
                "file_name": prompt_set.file_name,
                "item_count": len(prompt_set.items),
                "imported_at": utc_now(),
            }
        )
        store.db.table("prompt_set_items").insert_all(
            {
                "id": f"{prompt_set.id}:{position}",
                "set_id": prompt_set.id,
                "position": position,
                "prompt": item.prompt,
                "reference": item.reference,
                "aliases": json.dumps(list(item.aliases), ensure_ascii=False),
                "source": item.source,
                "tags": json.dumps(list(item.tags), ensure_ascii=False),
                "incorrect_answers": json.dumps(list(item.incorrect), ensure_ascii=False),
                "teacher_answer": item.teacher_answer,
            }
            for position, item in enumerate(prompt_set.items, start=1)
        )
    return prompt_set.id


def _stored_items(store: Store, set_id: str) -> Iterable[SetItem]:
    for row in store.db.query(
        "SELECT * FROM prompt_set_items WHERE set_id = ? ORDER BY position", [set_id]
    ):
        yield SetItem(
            row["prompt"],
            row["reference"] or "",
            tuple(json.loads(row["aliases"] or "[]")),
            row["source"] or "",
            tuple(json.loads(row["tags"] or "[]")),
            incorrect=tuple(json.loads(row.get("incorrect_answers") or "[]")),
            teacher_answer=row.get("teacher_answer") or "",
        )


def prompt_sets(store: Store) -> list[PromptSet]:
    """Every set the evaluator can run: the built-in ones first, then imported ones by name."""
    imported = [
        PromptSet(
            row["id"],
            row["name"],
            tuple(_stored_items(store, row["id"])),
            row["description"] or "",
            row["licence"] or "",
            row["file_name"] or "",
        )
        for row in store.db.query("SELECT * FROM prompt_sets ORDER BY name COLLATE NOCASE")
    ]
    return [*built_in_sets(), *imported]


def find_prompt_set(store: Store, set_id: str) -> PromptSet | None:
    return next((s for s in prompt_sets(store) if s.id == set_id), None)


def remove_prompt_set(store: Store, set_id: str) -> None:
    """Forget an imported set; batches already run keep their questions (they live in items)."""
    with store.db.atomic():
        store.db.execute("DELETE FROM prompt_set_items WHERE set_id = ?", [set_id])
        store.db.execute("DELETE FROM prompt_sets WHERE id = ?", [set_id])
