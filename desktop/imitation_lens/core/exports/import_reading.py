"""Reading a session export (format 3, core/exports/session_json.py) and checking it as a whole.

Readable, not too large, JSON, the right format and version, not nested too deep, valid against
resources/schema/session-export.schema.json (a schema error is explained in plain words, naming
where it is), then the links and values of core/exports/import_checks.py. A file that fails any
check raises ImportRefused naming the first problem; nothing is written here.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import math
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from jsonschema_rs import ValidationError, ValidationErrorKind, Validator, validator_for

from imitation_lens.core.exports.import_checks import (
    Problem,
    check_links,
    check_values,
    read_regular_file,
    short_text,
    size_words,
)
from imitation_lens.core.exports.session_json import EXPORT_FORMAT, EXPORT_VERSION
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.housekeeping.translation import N_, _

MAX_BYTES = 200 * 1024 * 1024
# A real export is about 8 levels deep, with a little more inside the lineup and answer facts.
MAX_DEPTH = 64
# Where a problem is, "item 3, answer 2": the document's keys and the words that name them.
_LABELS = {
    "items": N_("item {n}"),
    "responses": N_("answer {n}"),
    "marks": N_("mark {n}"),
    "judgements": N_("judgement {n}"),
    "verdicts": N_("verdict {n}"),
    "progress": N_("progress entry {n}"),
}
_PLAIN_TYPES = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "array": N_("a list"),
    "object": N_("a group of named fields"),
    "null": "null",
    "boolean": N_("true or false"),
}
# Lone surrogates can only arrive as \u escapes (the UTF-8 decoder refuses them as bytes), and
# SQLite can't store them: they are looked for only when the file has such an escape.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_UNICODE = N_("some of its text is not valid Unicode (a lone surrogate).")


class ImportRefused(Exception):
    """A file that was not imported; the message says why in plain words. Nothing was changed.

    Not a subclass of ImportError: that one means a Python module could not be loaded.
    """


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


def read_export(
    path: Path, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH
) -> dict[str, Any]:
    """The checked document in a session export file; raises ImportRefused if it is not one."""
    try:
        return _checked(_parsed(path, max_bytes), max_depth)
    except Problem as problem:
        raise ImportRefused(
            _("{name} was not imported: {problem} Nothing was changed.").format(
                name=path.name, problem=problem
            )
        ) from None


def check_export(document: Any, max_depth: int = MAX_DEPTH) -> None:
    """Raise ImportRefused, naming the first problem and where it is, unless `document` is a
    valid, self-consistent session export of the format this app reads."""
    try:
        if _has_surrogate(document):
            raise Problem(_(_NOT_UNICODE))
        _checked(document, max_depth)
    except Problem as problem:
        raise ImportRefused(
            _("This is not a valid session export: {problem}").format(problem=problem)
        ) from None


def _parsed(path: Path, max_bytes: int) -> Any:
    raw = read_regular_file(path, max_bytes)
    if len(raw) > max_bytes:  # it grew since it was looked at
        raise Problem(_("it is more than the {size} allowed.").format(size=size_words(max_bytes)))
    if not raw.strip():
        raise Problem(_("the file is empty."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Problem(
            _("it is not a session export: byte {n} is not UTF-8 text.").format(n=error.start + 1)
        ) from None
    try:
        document = json.loads(text, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as error:
        if error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string"):
            raise Problem(
                _(
                    "it ends in the middle of the data: the file looks cut short "
                    "(perhaps an interrupted copy or download)."
                )
            ) from None
        raise Problem(
            _(
                "it is not valid JSON (line {line}, column {column}), so it is damaged or not "
                "a session export."
            ).format(line=error.lineno, column=error.colno)
        ) from None
    except RecursionError:
        raise Problem(_("it is nested far too deeply to be a session export.")) from None
    except _NotANumber as error:  # NaN, Infinity, numbers too large
        raise Problem(_("it is not valid JSON ({reason}).").format(reason=error)) from None
    except ValueError:  # a number with thousands of digits: Python's own limit
        raise Problem(_("it holds a number far too long to be real.")) from None
    if _SURROGATE_ESCAPE.search(text) and _has_surrogate(document):
        raise Problem(_(_NOT_UNICODE))
    return document


class _NotANumber(ValueError):
    """A number JSON allows no way to write; its message is plain words."""


def _no_constant(name: str) -> Any:
    raise _NotANumber(_("{name} is not a number JSON allows").format(name=name))


def _finite(literal: str) -> float:
    number = float(literal)
    if not math.isfinite(number):
        raise _NotANumber(_("the number {number} is too large").format(number=literal[:20]))
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
    for _unused in range(limit):
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
        raise Problem(_("it is not a session export (it holds no object with a session)."))
    found = document.get("format")
    if found != EXPORT_FORMAT:
        if isinstance(found, str):
            raise Problem(
                _("it is not an Imitation Lens session export (its format is “{format}”).").format(
                    format=short_text(found, 60)
                )
            )
        raise Problem(_("it is not an Imitation Lens session export."))
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise Problem(_("it does not say which version of the export format it is."))
    if version > EXPORT_VERSION:
        raise Problem(
            _(
                "it was written by a newer Imitation Lens (export format {version}; this app "
                "reads format {ours}). Update the app to import it."
            ).format(version=version, ours=EXPORT_VERSION)
        )
    if version < EXPORT_VERSION:
        raise Problem(
            _(
                "it is in the older export format {version}; this app imports format {ours}. "
                "Open the session in a current Imitation Lens and export it again."
            ).format(version=version, ours=EXPORT_VERSION)
        )
    if _deeper_than(document, max_depth):
        raise Problem(_("it is nested more than {n} levels deep.").format(n=max_depth))
    try:
        errors = list(itertools.islice(_validator().iter_errors(document), 100))
    except ValueError:  # a value no JSON text can hold, in a document built in Python
        raise Problem(
            _("it holds a value a JSON file can't (such as a number that isn't finite).")
        ) from None
    if errors:
        raise Problem(_explain(min(errors, key=_document_order)) + ".")
    check_links(document)
    check_values(document)
    return document


def _document_order(error: ValidationError) -> tuple[tuple[int, int | str], ...]:
    return tuple((0, p) if isinstance(p, int) else (1, p) for p in error.instance_path)


def _where(path: Iterable[str | int]) -> tuple[str, str | None]:
    """('item 3, answer 2', "'status'") for a path into the document."""
    steps = list(path)
    places: list[str] = []
    index = 0
    while index < len(steps):
        key = steps[index]
        following = steps[index + 1] if index + 1 < len(steps) else None
        if isinstance(key, str) and key in _LABELS and isinstance(following, int):
            places.append(_(_LABELS[key]).format(n=following + 1))
            index += 2
        elif key == "session" and index == 0:
            places.append(_("the session"))
            index += 1
        else:
            break
    name: str | None = None
    for key in steps[index:]:
        if isinstance(key, int):
            name = (
                _("entry {n} of {name}").format(n=key + 1, name=name)
                if name
                else _("entry {n}").format(n=key + 1)
            )
        else:
            quoted = f"'{short_text(key, 40)}'"
            name = (
                quoted if name is None else _("{field} in {name}").format(field=quoted, name=name)
            )
    return ", ".join(places) or _("the file"), name


def _explain(error: ValidationError) -> str:
    place, name = _where(error.instance_path)
    subject = name or _("it")
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
        return _("{place}: '{field}' is missing").format(place=place, field=kind.property)
    if isinstance(kind, ValidationErrorKind.AdditionalProperties):
        return _("{place}: '{field}' is not a field this app knows").format(
            place=place, field=short_text(kind.unexpected[0], 40)
        )
    if isinstance(described, str) and isinstance(
        kind,
        ValidationErrorKind.Type
        | ValidationErrorKind.Pattern
        | ValidationErrorKind.MinLength
        | ValidationErrorKind.MaxLength,
    ):
        return _("{place}: {subject} must be {what}").format(
            place=place, subject=subject, what=described
        )
    if isinstance(kind, ValidationErrorKind.Type):
        types = _(" or ").join(_(_PLAIN_TYPES[t]) if t in _PLAIN_TYPES else t for t in kind.types)
        return _("{place}: {subject} must be {what}").format(
            place=place, subject=subject, what=types
        )
    if isinstance(kind, ValidationErrorKind.Enum):
        choices = [str(v) for v in kind.options]
        listed = (
            _(" or ").join(choices)
            if len(choices) == 2
            else _("one of: {choices}").format(choices=", ".join(choices))
        )
        return _("{place}: {subject} must be {what} (it is “{value}”)").format(
            place=place, subject=subject, what=listed, value=short_text(error.instance, 40)
        )
    if isinstance(kind, ValidationErrorKind.Constant):
        return _("{place}: {subject} must be {what}").format(
            place=place, subject=subject, what=json.dumps(kind.expected_value)
        )
    if isinstance(kind, ValidationErrorKind.Minimum):
        return _("{place}: {subject} must be at least {limit}").format(
            place=place, subject=subject, limit=kind.limit
        )
    if isinstance(kind, ValidationErrorKind.Maximum):
        return _("{place}: {subject} must be at most {limit}").format(
            place=place, subject=subject, limit=kind.limit
        )
    if isinstance(kind, ValidationErrorKind.MinLength):
        return _("{place}: {subject} must not be empty").format(place=place, subject=subject)
    if isinstance(kind, ValidationErrorKind.MaxLength):
        return _("{place}: {subject} is too long (at most {limit} characters)").format(
            place=place, subject=subject, limit=kind.limit
        )
    if isinstance(kind, ValidationErrorKind.MinItems):
        return _("{place}: {subject} must list at least {limit} entries").format(
            place=place, subject=subject, limit=kind.limit
        )
    if isinstance(kind, ValidationErrorKind.MaxItems):
        return _("{place}: {subject} lists more than {limit} entries").format(
            place=place, subject=subject, limit=kind.limit
        )
    return _("{place}: {subject} is not what a session export holds there").format(
        place=place, subject=subject
    )
