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
            f"it is {size_words(status.st_size)}, more than the {size_words(max_bytes)} allowed."
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
        raise Problem("it is a folder, not a file. Choose the export file inside it.")
    if not stat.S_ISREG(mode):
        raise Problem(
            "it is not an ordinary file (it is a pipe, device or socket). Choose an exported "
            ".json file."
        )


def _unreadable(error: OSError) -> str:
    import errno

    if error.errno == errno.ENOENT:
        return "the file is not there any more."
    if error.errno in (errno.EACCES, errno.EPERM):
        return "Imitation Lens is not allowed to read it. Check the file's permissions."
    return "it could not be read. Copy it to another folder and try again."


def size_words(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.0f} MB"
    return f"{count / 1024:.0f} KB" if count >= 1024 else f"{count} bytes"


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
                f"{where}: it points to answer '{short_text(target, 60)}', not in this file."
            )
        return Problem(
            f"{where}: it points to {what} '{short_text(target, 60)}' but is listed under "
            f"{what} '{short_text(listed_under, 60)}'."
        )

    for i, item in enumerate(document["items"], 1):
        here = f"item {i}"
        if item["id"] in item_at:
            raise Problem(f"{here}: it has the same id as item {item_at[item['id']]}.")
        item_at[item["id"]] = i
        if item["session_id"] != session_id:
            raise Problem(
                f"{here}: it belongs to session '{short_text(item['session_id'], 60)}', not to the "
                "session in this file."
            )
        names: set[str] = set()
        for k, entry in enumerate(item["progress"], 1):
            if entry["evaluator"] in names:
                raise Problem(
                    f"{here}, progress entry {k}: '{short_text(entry['evaluator'], 60)}' is listed twice."
                )
            names.add(entry["evaluator"])
        judged: set[tuple[str, int, str]] = set()
        for j, response in enumerate(item["responses"], 1):
            where = f"{here}, answer {j}"
            if response["id"] in response_at:
                raise Problem(f"{where}: it has the same id as {response_at[response['id']]}.")
            response_at[response["id"]] = where
            if response["item_id"] != item["id"]:
                raise pointer(where, "item", response["item_id"], item["id"])
            length = len(response["text"])
            for k, mark in enumerate(response["marks"], 1):
                at = f"{where}, mark {k}"
                if mark["id"] in mark_at:
                    raise Problem(f"{at}: it has the same id as {mark_at[mark['id']]}.")
                mark_at[mark["id"]] = at
                if mark["response_id"] != response["id"]:
                    raise pointer(at, "answer", mark["response_id"], response["id"])
                if not mark["start"] < mark["end"] <= length:
                    raise Problem(
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
                    raise Problem(
                        f"{at}: a second judgement by '{short_text(key[2], 60)}' for phase {key[1]}."
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
                raise Problem(
                    f"{at}: the chosen answer '{short_text(chosen, 60)}' is not in this item."
                )
            if (verdict["phase"], verdict["evaluator"]) in decided:
                raise Problem(
                    f"{at}: a second verdict by '{short_text(verdict['evaluator'], 60)}' for phase "
                    f"{verdict['phase']}."
                )
            decided.add((verdict["phase"], verdict["evaluator"]))


def check_values(document: dict[str, Any]) -> None:
    """Raise Problem, naming where, for the first value the app could not store or use."""
    _check_numbers(document.get("session"), "the session")
    session = document["session"]
    _check_times(session, "session", "the session")
    if "exported_at" in document:
        _check_time(document["exported_at"], "the file", "exported_at")
    check_lineup(session["lineup"])
    places: dict[tuple[str, int], int] = {}
    for i, item in enumerate(document["items"], 1):
        here = f"item {i}"
        _check_times(item, "item", here)
        _check_numbers({k: v for k, v in item.items() if k != "responses"}, here)
        key = (item.get("batch_id"), item.get("batch_position"))
        if key[0] is not None and key[1] is not None:
            if key in places:
                raise Problem(
                    f"{here}: it has the same place in its batch ({key[1]}) as item {places[key]}."
                )
            places[key] = i
        for k, entry in enumerate(item["progress"], 1):
            _check_times(entry, "progress", f"{here}, progress entry {k}")
        for k, verdict in enumerate(item["verdicts"], 1):
            _check_times(verdict, "verdict", f"{here}, verdict {k}")
        for j, response in enumerate(item["responses"], 1):
            _check_response(response, f"{here}, answer {j}")


def _check_response(response: dict[str, Any], here: str) -> None:
    _check_times(response, "response", here)
    _check_numbers({k: v for k, v in response.items() if k not in ("marks", "judgements")}, here)
    for key in ("ttft_ms", "tokens_per_second"):
        value = response.get(key)
        if value is not None and not 0 <= value <= MAX_RATE:
            raise Problem(f"{here}: '{key}' must be a number from 0 to {MAX_RATE:,.0f}.")
    text = response["text"]
    for k, mark in enumerate(response["marks"], 1):
        at = f"{here}, mark {k}"
        _check_times(mark, "mark", at)
        quote, start, end = mark["quote"], mark["start"], mark["end"]
        # An empty quote is what older marks carry: their offsets alone say where they are.
        if quote and text[start:end] != quote:
            raise Problem(
                f"{at}: its quote “{short_text(quote)}” is not the text at characters {start} to "
                f"{end} (“{short_text(text[start:end])}”)."
            )
    for k, judgement in enumerate(response["judgements"], 1):
        _check_times(judgement, "judgement", f"{here}, judgement {k}")


def _check_times(row: dict[str, Any], kind: str, here: str) -> None:
    for key in _TIMES[kind]:
        value = row.get(key)
        if value is not None:
            _check_time(value, here, key)


def _check_time(value: Any, here: str, key: str) -> None:
    problem = f"{here}: '{key}' is not a real date and time (it is “{short_text(value)}”)."
    if not isinstance(value, str):
        raise Problem(problem)
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise Problem(problem) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise Problem(f"{here}: '{key}' does not say its time zone (it is “{short_text(value)}”).")
    if not FIRST_YEAR <= moment.year <= LAST_YEAR:
        raise Problem(
            f"{here}: '{key}' is in the year {moment.year}, which no session can be from."
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
            raise Problem(f"{here}: it holds a number that is not a real number.")
        if isinstance(number, int) and not SQLITE_MIN <= number <= SQLITE_MAX:
            raise Problem(f"{here}: it holds a number too large to store.")


def check_lineup(lineup: list[Any]) -> None:
    """Raise Problem unless every slot could be shown in the settings and run."""
    if len(lineup) > MAX_LINEUP:
        raise Problem(f"the session's lineup has {len(lineup)} slots, more than any session has.")
    for n, entry in enumerate(lineup, 1):
        here = f"the session's lineup, slot {n}"
        if not isinstance(entry, dict):
            raise Problem(f"{here}: it is not a slot's settings.")
        for key in ("role", "note"):
            if key in entry and not isinstance(entry[key], str):
                raise Problem(f"{here}: '{key}' must be text.")
        kind = entry.get("kind", "local")
        if kind not in ("local", "endpoint"):
            raise Problem(f"{here}: 'kind' must be local or endpoint (it is “{short_text(kind)}”).")
        source = entry.get("source")
        if source is not None:
            _check_source(source, kind, here)
        params = entry.get("params")
        if params is not None:
            check_params(params, here)
        try:
            SlotConfig.from_dict(entry)
        except (TypeError, ValueError):  # the checks above should leave nothing for this
            raise Problem(f"{here}: its settings can't be used.") from None


def _check_source(source: Any, kind: str, here: str) -> None:
    if not isinstance(source, dict):
        raise Problem(f"{here}: what runs there ('source') must be a group of settings.")
    texts = ("path",) if kind == "local" else ("base_url", "model", "api_key_env", "kind")
    for key in texts:
        if key in source and not isinstance(source[key], str):
            raise Problem(f"{here}: '{key}' must be text.")
    choices = {"prompt_mode": _PROMPT_MODES} if kind == "local" else {"replay": _REPLAY_MODES}
    for key, allowed in choices.items():
        if key in source and source[key] not in allowed:
            raise Problem(
                f"{here}: '{key}' must be one of: {', '.join(allowed)} (it is "
                f"“{short_text(source[key])}”)."
            )


def check_params(params: Any, here: str) -> None:
    if not isinstance(params, dict):
        raise Problem(f"{here}: its sampling settings ('params') must be a group of settings.")
    for key, (whole, low, high) in PARAMS.items():
        if key not in params:
            continue
        value = params[key]
        kind = "a whole number" if whole else "a number"
        number = isinstance(value, int) or (not whole and isinstance(value, float))
        if isinstance(value, bool) or not number or not low <= value <= high:
            raise Problem(
                f"{here}: '{key}' must be {kind} from {_plain(low)} to {_plain(high)} "
                f"(it is “{short_text(value)}”)."
            )


def _plain(number: float) -> str:
    return f"{number:g}" if isinstance(number, float) else f"{number:,}"


def short_text(value: Any, limit: int = 40) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = "".join(c if c.isprintable() else "?" for c in text[: limit + 1])
    return text if len(text) <= limit else text[: limit - 1] + "…"
