"""What a session export must also be, past its schema, before anything is written.

The schema says what type each field has; these checks say whether the rows point where they
are listed (ids unique, answers under their item, marks inside their answer) and whether the
app could use the values: numbers SQLite can store and the app can show, a lineup the Run
button could build runners from, dates that are dates, marks whose quote is the text they point
at, one question per place in a batch; and whether the file is an ordinary file (a named pipe
would block the reader, and in the window that reader is the thread every save goes through).

Each problem is one plain sentence for the evaluator, raised as `Problem`; import_reading.py adds
the file's name and says nothing was changed.
"""

from __future__ import annotations

import json
import math
import os
import stat
import typing
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.lineup import PromptMode, ReplayMode, SlotConfig

# SQLite stores whole numbers in 64 bits; Python would raise OverflowError past this.
SQLITE_MIN = -(2**63)
SQLITE_MAX = 2**63 - 1
# Dates before the app existed or far in the future are damage, not a real session's dates.
FIRST_YEAR, LAST_YEAR = 2000, 2200
MAX_RATE = 1e9  # tokens per second, milliseconds to the first token: far past any real run
MAX_LINEUP = 100

_TIMES = {
    "session": ("created_at", "updated_at", "deleted_at"),
    "item": ("created_at",),
    "progress": ("revealed_at",),
    "response": ("created_at", "updated_at", "started_at", "first_token_at", "ended_at"),
    "mark": ("created_at", "updated_at", "deleted_at"),
    "judgement": ("created_at", "updated_at"),
    "verdict": ("submitted_at", "updated_at"),
}

# Sampling settings as the slot settings dialog (ui/slot_dialog.py) allows them, so whatever
# is imported can be shown there and run: (whole numbers only, lowest, highest).
PARAMS: dict[str, tuple[bool, float, float]] = {
    "temperature": (False, 0.0, 2.0),
    "top_p": (False, 0.0, 1.0),
    "top_k": (True, 0, 1000),
    "repeat_penalty": (False, 0.0, 2.0),
    "max_tokens": (True, 1, 32768),
    "seed": (True, -1, 2**32 - 1),
    "context_length": (True, 0, 262144),  # 0: the runner's default
    "threads": (True, 0, 256),  # 0: automatic
}
_PROMPT_MODES = typing.get_args(PromptMode)
_REPLAY_MODES = typing.get_args(ReplayMode)


class Problem(Exception):
    """What is wrong with a file or document, in plain words."""


# -- the file -----------------------------------------------------------------------------------


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of `path` if it is an ordinary file of at most `max_bytes` (plus one byte, so
    the caller can tell it grew); a named pipe, device or folder is refused without waiting."""
    try:
        status = path.stat()
    except OSError as error:
        raise Problem(_unreadable(error)) from None
    _regular(status.st_mode)
    if status.st_size > max_bytes:
        raise Problem(
            _("it is {size}, more than the {most} allowed.").format(
                size=size_words(status.st_size), most=size_words(max_bytes)
            )
        )
    # Non-blocking, and checked again once open: the path may have been swapped for a pipe
    # between the stat and the open.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError as error:
        raise Problem(_unreadable(error)) from None
    try:
        _regular(os.fstat(descriptor).st_mode)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            return stream.read(max_bytes + 1)
    except OSError as error:
        raise Problem(_unreadable(error)) from None
    finally:
        os.close(descriptor)


def _regular(mode: int) -> None:
    if stat.S_ISDIR(mode):
        raise Problem(_("it is a folder, not a file. Choose the export file inside it."))
    if not stat.S_ISREG(mode):
        raise Problem(
            _(
                "it is not an ordinary file (it is a pipe, device or socket). Choose an exported "
                ".json file."
            )
        )


def _unreadable(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOENT:
        return _("the file is not there any more.")
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("Imitation Lens is not allowed to read it. Check the file's permissions.")
    return _("it could not be read. Copy it to another folder and try again.")


def size_words(count: int) -> str:
    if count >= 1024 * 1024:
        return _("{n} MB").format(n=translation.number(count / (1024 * 1024)))
    if count >= 1024:
        return _("{n} KB").format(n=translation.number(count / 1024))
    return _("{n} bytes").format(n=translation.number(count))


# -- the document -------------------------------------------------------------------------------


def check_links(document: dict[str, Any]) -> None:
    """What the schema can't say: every row points where it is listed, and ids are unique."""
    session_id = document["session"]["id"]
    item_at: dict[str, int] = {}
    response_at: dict[str, str] = {}
    mark_at: dict[str, str] = {}
    all_responses = {r["id"] for item in document["items"] for r in item["responses"]}

    def pointer(where: str, what: str, target: str, listed_under: str) -> Problem:
        if what == "answer" and target not in all_responses:
            return Problem(
                _("{place}: it points to answer '{id}', not in this file.").format(
                    place=where, id=short_text(target, 60)
                )
            )
        if what == "answer":
            message = _(
                "{place}: it points to answer '{id}' but is listed under answer '{listed}'."
            )
        else:
            message = _("{place}: it points to item '{id}' but is listed under item '{listed}'.")
        return Problem(
            message.format(
                place=where, id=short_text(target, 60), listed=short_text(listed_under, 60)
            )
        )

    for i, item in enumerate(document["items"], 1):
        here = _("item {n}").format(n=i)
        if item["id"] in item_at:
            raise Problem(
                _("{place}: it has the same id as item {n}.").format(
                    place=here, n=item_at[item["id"]]
                )
            )
        item_at[item["id"]] = i
        if item["session_id"] != session_id:
            raise Problem(
                _("{place}: it belongs to session '{id}', not to the session in this file.").format(
                    place=here, id=short_text(item["session_id"], 60)
                )
            )
        names: set[str] = set()
        for k, entry in enumerate(item["progress"], 1):
            if entry["evaluator"] in names:
                raise Problem(
                    _("{place}, progress entry {n}: '{name}' is listed twice.").format(
                        place=here, n=k, name=short_text(entry["evaluator"], 60)
                    )
                )
            names.add(entry["evaluator"])
        judged: set[tuple[str, int, str]] = set()
        for j, response in enumerate(item["responses"], 1):
            where = _("{place}, answer {n}").format(place=here, n=j)
            if response["id"] in response_at:
                raise Problem(
                    _("{place}: it has the same id as {other}.").format(
                        place=where, other=response_at[response["id"]]
                    )
                )
            response_at[response["id"]] = where
            if response["item_id"] != item["id"]:
                raise pointer(where, "item", response["item_id"], item["id"])
            length = len(response["text"])
            for k, mark in enumerate(response["marks"], 1):
                at = _("{place}, mark {n}").format(place=where, n=k)
                if mark["id"] in mark_at:
                    raise Problem(
                        _("{place}: it has the same id as {other}.").format(
                            place=at, other=mark_at[mark["id"]]
                        )
                    )
                mark_at[mark["id"]] = at
                if mark["response_id"] != response["id"]:
                    raise pointer(at, "answer", mark["response_id"], response["id"])
                if not mark["start"] < mark["end"] <= length:
                    raise Problem(
                        _(
                            "{place}: it spans characters {start} to {end}, which do not fit the "
                            "answer ({length} characters)."
                        ).format(place=at, start=mark["start"], end=mark["end"], length=length)
                    )
            for k, judgement in enumerate(response["judgements"], 1):
                at = _("{place}, judgement {n}").format(place=where, n=k)
                if judgement["response_id"] != response["id"]:
                    raise pointer(at, "answer", judgement["response_id"], response["id"])
                if judgement["item_id"] != item["id"]:
                    raise pointer(at, "item", judgement["item_id"], item["id"])
                key = (response["id"], judgement["phase"], judgement["evaluator"])
                if key in judged:
                    raise Problem(
                        _("{place}: a second judgement by '{name}' for phase {phase}.").format(
                            place=at, name=short_text(key[2], 60), phase=key[1]
                        )
                    )
                judged.add(key)
        answers = {r["id"] for r in item["responses"]}
        decided: set[tuple[int, str]] = set()
        for k, verdict in enumerate(item["verdicts"], 1):
            at = _("{place}, verdict {n}").format(place=here, n=k)
            if verdict["item_id"] != item["id"]:
                raise pointer(at, "item", verdict["item_id"], item["id"])
            chosen = verdict["preferred_response_id"]
            if chosen is not None and chosen not in answers:
                raise Problem(
                    _("{place}: the chosen answer '{id}' is not in this item.").format(
                        place=at, id=short_text(chosen, 60)
                    )
                )
            if (verdict["phase"], verdict["evaluator"]) in decided:
                raise Problem(
                    _("{place}: a second verdict by '{name}' for phase {phase}.").format(
                        place=at, name=short_text(verdict["evaluator"], 60), phase=verdict["phase"]
                    )
                )
            decided.add((verdict["phase"], verdict["evaluator"]))


def check_values(document: dict[str, Any]) -> None:
    """Raise Problem, naming where, for the first value the app could not store or use."""
    _check_numbers(document.get("session"), _("the session"))
    session = document["session"]
    _check_times(session, "session", _("the session"))
    if "exported_at" in document:
        _check_time(document["exported_at"], _("the file"), "exported_at")
    check_lineup(session["lineup"])
    places: dict[tuple[str, int], int] = {}
    for i, item in enumerate(document["items"], 1):
        here = _("item {n}").format(n=i)
        _check_times(item, "item", here)
        _check_numbers({k: v for k, v in item.items() if k != "responses"}, here)
        key = (item.get("batch_id"), item.get("batch_position"))
        if key[0] is not None and key[1] is not None:
            if key in places:
                raise Problem(
                    _(
                        "{place}: it has the same place in its batch ({position}) as item {n}."
                    ).format(place=here, position=key[1], n=places[key])
                )
            places[key] = i
        for k, entry in enumerate(item["progress"], 1):
            _check_times(
                entry, "progress", _("{place}, progress entry {n}").format(place=here, n=k)
            )
        for k, verdict in enumerate(item["verdicts"], 1):
            _check_times(verdict, "verdict", _("{place}, verdict {n}").format(place=here, n=k))
        for j, response in enumerate(item["responses"], 1):
            _check_response(response, _("{place}, answer {n}").format(place=here, n=j))


def _check_response(response: dict[str, Any], here: str) -> None:
    _check_times(response, "response", here)
    _check_numbers({k: v for k, v in response.items() if k not in ("marks", "judgements")}, here)
    for key in ("ttft_ms", "tokens_per_second"):
        value = response.get(key)
        if value is not None and not 0 <= value <= MAX_RATE:
            raise Problem(
                _("{place}: '{field}' must be a number from 0 to {most}.").format(
                    place=here, field=key, most=translation.number(MAX_RATE)
                )
            )
    text = response["text"]
    for k, mark in enumerate(response["marks"], 1):
        at = _("{place}, mark {n}").format(place=here, n=k)
        _check_times(mark, "mark", at)
        quote, start, end = mark["quote"], mark["start"], mark["end"]
        # An empty quote is what older marks carry: their offsets alone say where they are.
        if quote and text[start:end] != quote:
            raise Problem(
                _(
                    "{place}: its quote “{quote}” is not the text at characters {start} to {end} "
                    "(“{found}”)."
                ).format(
                    place=at,
                    quote=short_text(quote),
                    start=start,
                    end=end,
                    found=short_text(text[start:end]),
                )
            )
    for k, judgement in enumerate(response["judgements"], 1):
        _check_times(judgement, "judgement", _("{place}, judgement {n}").format(place=here, n=k))


def _check_times(row: dict[str, Any], kind: str, here: str) -> None:
    for key in _TIMES[kind]:
        value = row.get(key)
        if value is not None:
            _check_time(value, here, key)


def _check_time(value: Any, here: str, key: str) -> None:
    problem = _("{place}: '{field}' is not a real date and time (it is “{value}”).").format(
        place=here, field=key, value=short_text(value)
    )
    if not isinstance(value, str):
        raise Problem(problem)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Problem(problem) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise Problem(
            _("{place}: '{field}' does not say its time zone (it is “{value}”).").format(
                place=here, field=key, value=short_text(value)
            )
        )
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise Problem(
            _("{place}: '{field}' is in the year {year}, which no session can be from.").format(
                place=here, field=key, year=moment.year
            )
        )


def _numbers(value: Any) -> Iterator[int | float]:
    """Every number in a value, however deep (without recursion: it may be deep)."""
    stack = [value]
    while stack:
        current = stack.pop()
        if isinstance(current, bool):
            continue
        if isinstance(current, int | float):
            yield current
        elif isinstance(current, dict):
            stack.extend(current.values())
        elif isinstance(current, list):
            stack.extend(current)


def _check_numbers(value: Any, here: str) -> None:
    for number in _numbers(value):
        if isinstance(number, float) and not math.isfinite(number):
            raise Problem(
                _("{place}: it holds a number that is not a real number.").format(place=here)
            )
        if isinstance(number, int) and not SQLITE_MIN <= number <= SQLITE_MAX:
            raise Problem(_("{place}: it holds a number too large to store.").format(place=here))


def check_lineup(lineup: list[Any]) -> None:
    """Raise Problem unless every slot could be shown in the settings and run."""
    if len(lineup) > MAX_LINEUP:
        raise Problem(
            _("the session's lineup has {n} slots, more than any session has.").format(
                n=len(lineup)
            )
        )
    for n, entry in enumerate(lineup, 1):
        here = _("the session's lineup, slot {n}").format(n=n)
        if not isinstance(entry, dict):
            raise Problem(_("{place}: it is not a slot's settings.").format(place=here))
        for key in ("role", "note"):
            if key in entry and not isinstance(entry[key], str):
                raise Problem(_("{place}: '{field}' must be text.").format(place=here, field=key))
        kind = entry.get("kind", "local")
        if kind not in ("local", "endpoint"):
            raise Problem(
                _("{place}: 'kind' must be local or endpoint (it is “{value}”).").format(
                    place=here, value=short_text(kind)
                )
            )
        source = entry.get("source")
        if source is not None:
            _check_source(source, kind, here)
        params = entry.get("params")
        if params is not None:
            check_params(params, here)
        try:
            SlotConfig.from_dict(entry)
        except (TypeError, ValueError):  # the checks above should leave nothing for this
            raise Problem(_("{place}: its settings can't be used.").format(place=here)) from None


def _check_source(source: Any, kind: str, here: str) -> None:
    if not isinstance(source, dict):
        raise Problem(
            _("{place}: what runs there ('source') must be a group of settings.").format(place=here)
        )
    texts = ("path",) if kind == "local" else ("base_url", "model", "api_key_env", "kind")
    for key in texts:
        if key in source and not isinstance(source[key], str):
            raise Problem(_("{place}: '{field}' must be text.").format(place=here, field=key))
    choices = {"prompt_mode": _PROMPT_MODES} if kind == "local" else {"replay": _REPLAY_MODES}
    for key, allowed in choices.items():
        if key in source and source[key] not in allowed:
            raise Problem(
                _("{place}: '{field}' must be one of: {choices} (it is “{value}”).").format(
                    place=here,
                    field=key,
                    choices=", ".join(allowed),
                    value=short_text(source[key]),
                )
            )


def check_params(params: Any, here: str) -> None:
    if not isinstance(params, dict):
        raise Problem(
            _("{place}: its sampling settings ('params') must be a group of settings.").format(
                place=here
            )
        )
    for key, (whole, low, high) in PARAMS.items():
        if key not in params:
            continue
        value = params[key]
        number = isinstance(value, int) or (not whole and isinstance(value, float))
        if isinstance(value, bool) or not number or not low <= value <= high:
            message = (
                _(
                    "{place}: '{field}' must be a whole number from {low} to {high} (it is “{value}”)."
                )
                if whole
                else _(
                    "{place}: '{field}' must be a number from {low} to {high} (it is “{value}”)."
                )
            )
            raise Problem(
                message.format(
                    place=here,
                    field=key,
                    low=_plain(low),
                    high=_plain(high),
                    value=short_text(value),
                )
            )


def _plain(number: float) -> str:
    return f"{number:g}" if isinstance(number, float) else f"{number:,}"


def short_text(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = "".join(c if c.isprintable() else "?" for c in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"
