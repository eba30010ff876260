"""Exports of a session for other tools and for people: JSONL, two CSV tables and Markdown.

Every writer takes the format-3 session document (`export.session_document`) and writes through
`export.write_atomically`, so a failed export never leaves half a file behind.

What counts: the readable exports (Markdown, the HTML report, the answers table) show one
evaluator's final word, the document's own `evaluator`: marks that are not deleted, from the
phase that evaluator reached on the item (its `progress`), and the judgement and verdict of that
phase (for the verdict: the latest up to that phase, so a phase-1 verdict not yet revised after
the reveal still counts). Rows without an evaluator are the document's evaluator's. Counting
follows core/analysis/metrics.py, so the answers table agrees with the per-model summary: Minor 1,
Major 5, "Misses the question" 5, "Wrong as a whole" 25; list markers and lone punctuation are
not words. JSONL and the marks table keep everything (deleted marks, both phases, every
evaluator), because their readers analyse the history themselves.

JSONL layout: the first line is a header, `{"type": "session", ...}`, holding every top-level
field of the document except `items` (plus `item_count`); then one line per item,
`{"type": "item", "item": {...}}`, the item object exactly as in the JSON export. Removing `type`
and `item_count` from the header and adding the items back gives the original document.

CSV: UTF-8 with a byte order mark, so Excel shows accents and emoji; a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula (model output and notes are untrusted).
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property, lru_cache, partial
from pathlib import Path
from typing import IO, Any, NamedTuple, cast

from imitation_lens.core.analysis import metrics
from imitation_lens.core.analysis.metrics import OFF_TOPIC_WEIGHT, word_count
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.answer_check import automatic_check
from imitation_lens.core.judging.taxonomy import (
    CRITICAL,
    MINOR,
    SEVERITIES,
    category_label,
    severity_label,
)

JSONL_HEADER_TYPE = "session"
JSONL_ITEM_TYPE = "item"

MARK_COLUMNS = (
    "session",
    "session_id",
    "item",
    "prompt",
    "slot",
    "role",
    "model",
    "response_id",
    "mark_id",
    "evaluator",
    "phase",
    "counted",
    "category",
    "category_label",
    "severity",
    "quote",
    "note",
    "correction",
    "unsure",
    "start",
    "end",
    "created_at",
    "deleted_at",
)

ANSWER_COLUMNS = (
    "session",
    "session_id",
    "evaluator",
    "item",
    "phase",
    "prompt",
    "slot",
    "role",
    "model",
    "response_id",
    "status",
    "reference",
    "automatic_check",  # correct | not found | empty: no reference, or no finished answer
    "words",
    "marks",
    "major_marks",
    "weighted_score",
    "checked_clean",
    "off_topic",
    "critical",
    "preferred",
)

PREFERRED_WORDS = {"answer": "One answer", "tie": "A tie", "all_bad": "All answers bad"}

STATUS_WORDS = {
    "done": "",
    "stopped": "Stopped before it finished",
    "failed": "Failed",
    "interrupted": "Interrupted: the app closed while it was answering",
    "queued": "Not started",
    "loading": "Not finished",
    "thinking": "Not finished",
    "streaming": "Not finished",
}

_SURROGATES = re.compile("[\ud800-\udfff]")
_CRLF = re.compile("\r\n")
# JSON lets these stay raw, but splitlines() and some editors treat them as line breaks.
_LINE_BREAKERS = re.compile("[\u0085\u2028\u2029]")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


# -- what the readable exports show -----------------------------------------------------------

# Counting is core/analysis/metrics.py's own, used rather than copied (OFF_TOPIC_WEIGHT, word_count,
# final_phase, whose a row is, which copy of a row met twice counts), so the answers table
# and the readable exports agree with the per-model summary. Rows without a name (older
# exports, hand-built documents) are the document's evaluator's: it is metrics' `local` here.
_owner = metrics._owner
_newest = metrics._newest


def final_phase(item: dict[str, Any], evaluator: str) -> int:
    """The phase `evaluator` reached on an item (their `progress` entry); 1 if there is none."""
    return metrics.final_phase(item, evaluator, evaluator)


def shown_marks(response: dict[str, Any], evaluator: str, phase: int) -> list[dict[str, Any]]:
    """The marks that count: not deleted, by `evaluator`, in `phase`; in text order.

    A mark met twice (a document merged more than once) counts once, in its newest version
    (core/analysis/metrics.py's rule: a newer copy that was deleted means the mark is gone).
    """
    mine = [m for m in response.get("marks") or [] if _owner(m, evaluator) == evaluator]
    ids = [m.get("id") or id(m) for m in mine]
    if len(set(ids)) < len(ids):
        mine = cast(list[dict[str, Any]], _newest(mine, lambda m: m.get("id") or id(m)))
    marks = [m for m in mine if not m.get("deleted_at") and _phase_of(m) == phase]
    return sorted(marks, key=lambda m: (int(m.get("start") or 0), int(m.get("end") or 0)))


def judgement_of(response: dict[str, Any], evaluator: str, phase: int) -> dict[str, bool] | None:
    """The whole-answer flags `evaluator` set in `phase`; None if they set none there.

    Met twice (merged documents), the newest copy counts, as in core/analysis/metrics.py.
    """
    rows = [
        row
        for row in response.get("judgements") or []
        if _owner(row, evaluator) == evaluator and _phase_of(row) == phase
    ]
    if not rows:
        return None
    newest = rows[0] if len(rows) == 1 else _newest(rows, lambda row: 0)[0]
    return {flag: bool(newest.get(flag)) for flag in ("checked_clean", "off_topic", "critical")}


def verdict_of(item: dict[str, Any], evaluator: str, phase: int) -> dict[str, Any] | None:
    """The evaluator's verdict for `phase`, else their latest from an earlier phase.

    An item can reach phase 2 (reference shown) without a phase-2 verdict yet; the unaided
    verdict is then still the evaluator's last word, and the report says which phase it is from.
    Two copies of a phase's verdict (merged documents): the newest counts, as in core/analysis/metrics.py.
    """
    rows = [
        v
        for v in item.get("verdicts") or []
        if _owner(v, evaluator) == evaluator and _phase_of(v) <= phase
    ]
    if not rows:
        return None
    latest = max(_newest(rows, _phase_of), key=_phase_of)
    return dict(latest)


def _phase_of(row: Any) -> int:
    return int(row.get("phase") or 1)


def role_of(response: dict[str, Any]) -> str:
    """An answer's name: its slot's role, else "Slot N" counted from 1.

    The name core/analysis/metrics.py gives it, so the per-model summary and the answers agree.
    """
    return str(response.get("role") or f"Slot {int(response.get('slot_index') or 0) + 1}")


def model_of(response: dict[str, Any]) -> str:
    """What ran in a slot, in one phrase: the model's name, its file, or the endpoint's model id."""
    for key in ("model_name", "model_file", "endpoint_model"):
        value = response.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def weight_of(severity: str) -> int:
    # An unknown severity counts as Minor, the least it can be (as core/analysis/metrics.py does).
    return SEVERITIES.get(severity, MINOR).weight


def describe_mark(mark: dict[str, Any]) -> str:
    """A mark in words, the same wording as the app's tooltip."""
    return _describe(
        str(mark.get("category") or ""),
        str(mark.get("severity") or ""),
        str(mark.get("note") or ""),
        str(mark.get("correction") or ""),
        bool(mark.get("unsure")),
    )


@lru_cache(maxsize=4096)
def _describe(category: str, severity: str, note: str, correction: str, unsure: bool) -> str:
    # Most marks carry no note or correction, so a few words serve a whole session.
    return Mark(
        id="",
        response_id="",
        start=0,
        end=0,
        quote="",
        category=category,
        severity=severity,
        note=note,
        correction=correction,
        unsure=unsure,
    ).describe()


class Segment(NamedTuple):
    """A stretch of an answer that the same marks cover (none, one, or several overlapping).

    A named tuple rather than a dataclass: a long session has tens of thousands of them.
    """

    text: str
    marks: tuple[int, ...]  # numbers (1-based, as listed under the answer) covering it
    ending: tuple[int, ...]  # numbers of the marks that end with this segment


# Segment's constructor without the named tuple's Python-level __new__.
_segment = partial(tuple.__new__, Segment)


class ShownMark(NamedTuple):  # a named tuple: one per mark, made fast
    number: int  # 1-based, in text order
    row: dict[str, Any]
    placed: bool  # False when its place in the text could not be found


@dataclass(frozen=True)
class AnswerView:
    """One answer as the readable exports show it: the final-phase marks on its text."""

    response: dict[str, Any]
    text: str  # line breaks normalised to "\n", as browsers and Markdown see them
    marks: list[ShownMark]
    segments: list[Segment]
    judgement: dict[str, bool] | None
    major_marks: int
    weighted_score: int

    @cached_property
    def words(self) -> int:
        """Its words, counted as core/analysis/metrics.py counts them (on the text as stored)."""
        return word_count(str(self.response.get("text") or ""))

    @property
    def checked_clean(self) -> bool:
        return bool(self.judgement and self.judgement.get("checked_clean"))

    @property
    def off_topic(self) -> bool:
        return bool(self.judgement and self.judgement.get("off_topic"))

    @property
    def critical(self) -> bool:
        return bool(self.judgement and self.judgement.get("critical"))


def answer_view(response: dict[str, Any], evaluator: str, phase: int) -> AnswerView:
    raw = str(response.get("text") or "")
    rows = shown_marks(response, evaluator, phase)
    text, to_display = _normalise_breaks(raw)
    moved = text is not raw  # offsets need mapping only when line breaks were folded
    marks: list[ShownMark] = []
    spans: list[tuple[int, int, int]] = []
    score = major_marks = 0
    for number, row in enumerate(rows, start=1):
        found = _anchor(raw, row)
        if found is not None:
            start, end = (to_display(found[0]), to_display(found[1])) if moved else found
            if start < end:
                spans.append((number, start, end))
        marks.append(ShownMark(number, row, found is not None))
        severity = row.get("severity")
        score += weight_of(str(severity))
        major_marks += severity == "major"
    judgement = judgement_of(response, evaluator, phase)
    if judgement and judgement["critical"]:
        score += CRITICAL.weight
    if judgement and judgement["off_topic"]:
        score += OFF_TOPIC_WEIGHT
    return AnswerView(
        response=response,
        text=text,
        marks=marks,
        segments=split_at_marks(text, spans),
        judgement=judgement,
        major_marks=major_marks,
        weighted_score=score,
    )


def preferred_word(verdict: dict[str, Any] | None, response_id: str) -> str:
    """'yes', 'no' or 'tie' for one answer under a verdict; '' when there is no verdict."""
    if verdict is None:
        return ""
    if verdict.get("preferred") == "tie":
        return "tie"
    if verdict.get("preferred") == "answer" and verdict.get("preferred_response_id") == response_id:
        return "yes"
    return "no"


def split_at_marks(text: str, spans: Sequence[tuple[int, int, int]]) -> list[Segment]:
    """Cut `text` at every mark boundary; each piece knows which marks cover it.

    Overlapping and nested marks can't be drawn as nested elements when they cross, so every
    piece is drawn on its own with all its marks' looks; the pieces never overlap.
    """
    size = len(text)
    if _apart(spans, size):
        # The usual answer: marks one after another, none overlapping. Each is a piece of its
        # own, ending there, with the unmarked text between them.
        segments: list[Segment] = []
        at = 0
        for number, start, end in spans:
            if start > at:
                segments.append(_segment((text[at:start], (), ())))
            segments.append(_segment((text[start:end], (number,), (number,))))
            at = end
        if at < size:
            segments.append(_segment((text[at:], (), ())))
        return segments
    # Otherwise: the pieces between every two neighbouring cuts, and the marks over each.
    cuts = {0, size}
    for _, start, end in spans:
        cuts.add(start)
        cuts.add(end)
    bounds = sorted(cuts)
    index = {cut: i for i, cut in enumerate(bounds)}  # piece i runs from bounds[i] to [i + 1]
    pieces = len(bounds) - 1
    covering: list[list[int]] = [[] for _ in range(pieces)]
    ending: list[tuple[int, ...]] = [()] * pieces
    for number, start, end in spans:  # in order, so both keep the order of `spans`
        last = index[end]
        if last:
            ending[last - 1] = (*ending[last - 1], number)
        if start < end:
            for i in range(index[start], last):
                covering[i].append(number)
    return [
        _segment((text[bounds[i] : bounds[i + 1]], tuple(covering[i]), ending[i]))
        for i in range(pieces)
    ]


def _apart(spans: Sequence[tuple[int, int, int]], size: int) -> bool:
    """Whether every span is inside the text and not empty, each after the one before."""
    at = 0
    for _, start, end in spans:
        if not at <= start < end <= size:
            return False
        at = end
    return True


def _anchor(text: str, mark: dict[str, Any]) -> tuple[int, int] | None:
    """Where a mark sits in `text`: its offsets, or where its quote is when they disagree.

    Offsets are Python code points; a document edited or merged elsewhere may carry offsets
    that drifted, and the quote is what the evaluator saw, so the nearest copy of it wins.
    """
    start, end, quote = mark.get("start"), mark.get("end"), mark.get("quote")
    if (
        type(start) is int
        and type(end) is int
        and 0 <= start < end <= len(text)
        and (not quote or (type(quote) is str and text[start:end] == quote))
    ):
        return start, end  # the usual mark: where it says, and its quote is there
    try:
        start, end = int(mark.get("start") or 0), int(mark.get("end") or 0)
    except (TypeError, ValueError):
        start, end = 0, 0
    quote = str(mark.get("quote") or "")
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if quote and text[start:end] != quote:
        found = [m.start() for m in re.finditer(re.escape(quote), text)]
        if found:
            best = min(found, key=lambda f: abs(f - start))
            return best, best + len(quote)
    return (start, end) if start < end else None


def _normalise_breaks(text: str) -> tuple[str, Callable[[int], int]]:
    """The text with every line break a single "\\n", and a map from old offsets to new.

    Browsers fold "\\r\\n" into one break; a mark boundary between the two characters would
    otherwise show as two breaks.
    """
    if "\r" not in text:
        return text, lambda offset: offset
    # Each "\r" of a "\r\n" pair is dropped; an offset moves back by the drops before it.
    dropped = [match.start() for match in _CRLF.finditer(text)]
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    size = len(text)
    return (
        normalised,
        lambda offset: (clamped := max(0, min(offset, size))) - bisect_left(dropped, clamped),
    )


def clean_text(value: str) -> str:
    """Text that any file can hold: lone surrogates and NUL become U+FFFD (same length)."""
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    if value.isascii() or not _SURROGATES.search(value):
        return value
    return _SURROGATES.sub("\ufffd", value)


def plain_time(stamp: Any) -> str:
    """An ISO time in plain words, e.g. "29 November 2026, 23:00 UTC"; as given if unparsable."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(str(stamp)).astimezone(UTC)
    except ValueError:
        return str(stamp)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def session_title(document: dict[str, Any]) -> str:
    session = document.get("session") or {}
    return str(session.get("title") or session.get("id") or "Session")


# -- JSONL ------------------------------------------------------------------------------------


def _json_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, sort_keys=True)
    # \uXXXX escapes keep the line one line everywhere and writable as UTF-8, and decode back
    # to exactly the same characters.
    return _LINE_BREAKERS.sub(
        lambda m: f"\\u{ord(m.group()):04x}", _SURROGATES.sub(_escape_code, line)
    )


def _escape_code(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def write_jsonl(document: dict[str, Any], target: Path) -> Path:
    """One JSON object per line: a session header, then one line per item (see the module doc)."""
    items = list(document.get("items") or [])
    header = {k: v for k, v in document.items() if k != "items"}
    header = {"type": JSONL_HEADER_TYPE, **header, "item_count": len(items)}

    def write(stream: IO[str]) -> None:
        stream.write(_json_line(header) + "\n")
        for item in items:
            stream.write(_json_line({"type": JSONL_ITEM_TYPE, "item": item}) + "\n")

    return write_atomically(target, write)


def read_jsonl(path: Path) -> dict[str, Any]:
    """The session document back from a JSONL export."""
    document: dict[str, Any] = {}
    items: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if not line.strip():
                continue
            record = json.loads(line)
            if record.get("type") == JSONL_HEADER_TYPE:
                document = {k: v for k, v in record.items() if k not in ("type", "item_count")}
            elif record.get("type") == JSONL_ITEM_TYPE:
                items.append(record["item"])
    return document | {"items": items}


# -- CSV --------------------------------------------------------------------------------------


def spreadsheet_safe(value: Any) -> Any:
    """A cell value a spreadsheet shows as text: formula-like strings get a leading apostrophe.

    Numbers we write ourselves stay numbers; only text (which may come from a model) is changed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _write_csv(target: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Path:
    def write(stream: IO[str]) -> None:
        stream.write("\ufeff")  # the byte order mark tells Excel the file is UTF-8
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([spreadsheet_safe(row.get(column)) for column in columns])

    return write_atomically(target, write)


def _yes_no(value: Any) -> str:
    return "yes" if value else "no"


def mark_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mark in the document, deleted ones and every phase and evaluator included."""
    session = document.get("session") or {}
    rows = []
    for item in document.get("items") or []:
        phases: dict[str, int] = {}
        for response in item.get("responses") or []:
            for mark in response.get("marks") or []:
                evaluator = _owner(mark, str(document.get("evaluator") or ""))
                if evaluator not in phases:
                    phases[evaluator] = final_phase(item, evaluator)
                counted = (
                    not mark.get("deleted_at")
                    and int(mark.get("phase") or 1) == (phases[evaluator])
                )
                rows.append(
                    {
                        "session": session_title(document),
                        "session_id": session.get("id"),
                        "item": item.get("position"),
                        "prompt": item.get("prompt"),
                        "slot": response.get("slot_index"),
                        "role": response.get("role"),
                        "model": model_of(response),
                        "response_id": response.get("id"),
                        "mark_id": mark.get("id"),
                        "evaluator": evaluator,
                        "phase": mark.get("phase"),
                        "counted": _yes_no(counted),
                        "category": mark.get("category"),
                        "category_label": category_label(str(mark.get("category") or "")),
                        "severity": mark.get("severity"),
                        "quote": mark.get("quote"),
                        "note": mark.get("note"),
                        "correction": mark.get("correction"),
                        "unsure": _yes_no(mark.get("unsure")),
                        "start": mark.get("start"),
                        "end": mark.get("end"),
                        "created_at": mark.get("created_at"),
                        "deleted_at": mark.get("deleted_at"),
                    }
                )
    return rows


def _check_word(item: dict[str, Any], response: dict[str, Any]) -> str:
    if response.get("status") != "done":
        return ""
    found = automatic_check(
        str(response.get("text") or ""), str(item.get("reference") or ""), item.get("aliases") or ()
    )
    return "" if found is None else ("correct" if found else "not found")


def answer_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per answer with the document evaluator's final-phase counts and verdict."""
    session = document.get("session") or {}
    me = str(document.get("evaluator") or "")
    rows = []
    for item in document.get("items") or []:
        phase = final_phase(item, me)
        verdict = verdict_of(item, me, phase)
        for response in item.get("responses") or []:
            view = answer_view(response, me, phase)
            rows.append(
                {
                    "session": session_title(document),
                    "session_id": session.get("id"),
                    "evaluator": me,
                    "item": item.get("position"),
                    "phase": phase,
                    "prompt": item.get("prompt"),
                    "slot": response.get("slot_index"),
                    "role": response.get("role"),
                    "model": model_of(response),
                    "response_id": response.get("id"),
                    "status": response.get("status"),
                    "reference": item.get("reference") or "",
                    "automatic_check": _check_word(item, response),
                    "words": view.words,
                    "marks": len(view.marks),
                    "major_marks": view.major_marks,
                    "weighted_score": view.weighted_score,
                    "checked_clean": _yes_no(view.checked_clean),
                    "off_topic": _yes_no(view.off_topic),
                    "critical": _yes_no(view.critical),
                    "preferred": preferred_word(verdict, str(response.get("id"))),
                }
            )
    return rows


def write_csv_marks(document: dict[str, Any], target: Path) -> Path:
    """One row per mark (columns: MARK_COLUMNS); `counted` says whether it is in the final view."""
    return _write_csv(target, MARK_COLUMNS, mark_rows(document))


def write_csv_answers(document: dict[str, Any], target: Path) -> Path:
    """One row per answer (columns: ANSWER_COLUMNS); `preferred` is yes, no, tie or empty."""
    return _write_csv(target, ANSWER_COLUMNS, answer_rows(document))


# -- Markdown ---------------------------------------------------------------------------------

# Private-use characters stand in for our own bold markers and mark numbers while the model's
# text is escaped, so the escaping can't touch them and the model can't forge them.
_OPEN, _CLOSE, _REF, _REF_END = "\ue000", "\ue001", "\ue002", "\ue003"
_SENTINELS = re.compile("[\ue000-\ue003]")
# Every character that starts inline Markdown, HTML, entities, math, tables or autolinks gets
# a backslash (the backslash itself first, so the ones added are not doubled).
_MD_ALWAYS = "`*_{}[]<>#|~&$=@!"
_MD_ALWAYS_FOUND = re.compile(r"[\\`*_{}\[\]<>#|~&$=@!]")
_MD_LINE_START = re.compile(r"^([\s\ue000-\ue003]*)([-+]|\d+(?=[.)]))")
_MD_WWW = re.compile(r"(?i)(www)\.")
_BOLD_LEADING_SPACE = re.compile(f"{_OPEN}(\\s+)")
_BOLD_TRAILING_SPACE = re.compile(f"(\\s+){_CLOSE}")


def markdown_escape(text: str, block: bool = True) -> str:
    """Model or user text made inert in Markdown: it shows as typed and builds nothing.

    Block constructs (lists, headings, rules, code blocks) are prevented per line when `block`
    is set; inline ones (links, images, HTML, emphasis, code, autolinks) always.
    """
    text = clean_text(text)
    if not text.isascii():
        text = _SENTINELS.sub("\ufffd", text)
    text = _escape_inline(text)
    if not block:
        return _escape_line_start(text, markers=False)
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_inline(text: str) -> str:
    """Inline constructs made inert; character by character, so line by line or all at once."""
    if _MD_ALWAYS_FOUND.search(text) is not None:
        # str.replace per character found: much faster than a regex or str.translate on long,
        # non-ASCII text (an answer holding our bold markers is never ASCII).
        text = text.replace("\\", "\\\\")
        for character in _MD_ALWAYS:
            if character in text:
                text = text.replace(character, "\\" + character)
    if "://" in text:
        text = text.replace("://", "\\://")  # no autolink: the colon of every "://"
    if "www." in text.lower():
        text = _MD_WWW.sub(r"\1\\.", text)
    return text


def _escape_line_start(line: str, markers: bool = True) -> str:
    """A line (inline constructs already escaped) that can't start a block construct."""
    # "- ", "+ " and "1. " at a line's start would make a list; the digits' dot or bracket
    # is escaped rather than the digits.
    match = _MD_LINE_START.match(line) if markers else None
    if match:
        marker = match.group(2)
        at = match.end(2)
        line = (
            line[: match.start(2)] + "\\" + line[match.start(2) :]
            if marker in "-+"
            else line[:at] + "\\" + line[at:]
        )
    if not line.startswith((" ", "\t")):
        return line
    # Leading spaces would make a code block; no-break spaces keep the indent without that.
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    return indent.replace("\t", "\u00a0" * 4).replace(" ", "\u00a0") + stripped


def _inline(text: str) -> str:
    """User text on one line (a table cell, a list entry): line breaks become spaces."""
    # markdown_escape(..., block=False), less the indent step: no white space is left at the
    # start. "|" is escaped with the rest, which also keeps it from splitting a table cell.
    text = clean_text(" ".join(str(text).split()))
    if not text.isascii():
        text = _SENTINELS.sub("\ufffd", text)
    return _escape_inline(text)


@lru_cache(maxsize=256)
def _mark_kind(category: str, severity: str) -> str:
    """A mark's category and severity as its list entry shows them: few, and met on every mark."""
    return f"**{_inline(category_label(category))}**, {_inline(severity_label(severity))}"


def _answer_markdown(view: AnswerView) -> list[str]:
    """The answer as blockquote lines; marked stretches bold, each mark's number after it."""
    if not view.text.strip():
        return ["> (no text)"]
    # Our markers can't be forged: the model's own private-use characters become U+FFFD.
    forged = not view.text.isascii() and _SENTINELS.search(view.text) is not None
    spaced = False  # whether any bold stretch may start or end with white space
    pieces: list[str] = []
    for text, marks, ending in view.segments:
        if forged:
            text = _SENTINELS.sub("\ufffd", text)
        if marks:
            # Bold can't run across lines in Markdown: close and reopen it at each break.
            if "\n" in text:
                text = text.replace("\n", _CLOSE + "\n" + _OPEN)
                spaced = True
            elif text[:1].isspace() or text[-1:].isspace():
                spaced = True
            text = _OPEN + text + _CLOSE
        pieces.append(text)
        for n in ending:
            pieces.append(f"{_REF}{n}{_REF_END}")
    joined = "".join(pieces)
    # Adjacent marked pieces form one bold stretch; whitespace at its edges goes outside,
    # since "** text**" is not bold in Markdown.
    joined = joined.replace(_CLOSE + _OPEN, "")
    if spaced:
        joined = _BOLD_LEADING_SPACE.sub(lambda m: m.group(1) + _OPEN, joined)
        joined = _BOLD_TRAILING_SPACE.sub(lambda m: _CLOSE + m.group(1), joined)
    joined = joined.replace(_OPEN + _CLOSE, "")
    joined = _escape_inline(clean_text(joined))
    lines = []
    for line in joined.split("\n"):
        escaped = _escape_line_start(line)
        escaped = escaped.replace(_OPEN, "**").replace(_CLOSE, "**")
        # Every number marker is ours (see above), so it always holds a number.
        escaped = escaped.replace(_REF, "\\[").replace(_REF_END, "\\]")
        lines.append(escaped)
    # A backslash at a line's end is a hard break, so the answer keeps its line breaks.
    body = [f"> {line}\\" if line.strip() else ">" for line in lines]
    if body and body[-1].endswith("\\"):
        body[-1] = body[-1][:-1]
    return body


def _answer_title(response: dict[str, Any]) -> str:
    parts = [role_of(response)]
    model = model_of(response)
    if model:
        parts.append(model)
    return " · ".join(parts)


def verdict_words(item: dict[str, Any], verdict: dict[str, Any] | None, phase: int) -> str:
    """The verdict in a sentence, naming the preferred answer by its role."""
    if verdict is None:
        return "No verdict yet."
    choice = str(verdict.get("preferred") or "")
    if choice == "answer":
        chosen = next(
            (
                r
                for r in item.get("responses") or []
                if r.get("id") == verdict.get("preferred_response_id")
            ),
            None,
        )
        words = "Preferred: " + (_answer_title(chosen) if chosen else "an answer")
    else:
        words = PREFERRED_WORDS.get(choice, choice or "No choice")
    words += "."
    if int(verdict.get("phase") or 1) < phase:
        words += " (Given before the reference answer was shown; not revised since.)"
    return words


def _mark_line(mark: ShownMark) -> str:
    row = mark.row
    kind = _mark_kind(str(row.get("category") or ""), str(row.get("severity") or ""))
    line = f"{mark.number}\\. {kind}"
    if row.get("unsure"):
        line += ", not sure"
    line += f": “{_inline(str(row.get('quote') or ''))}”"
    if row.get("note"):
        line += f" — {_inline(str(row['note']))}"
    if row.get("correction"):
        line += f" — should be: {_inline(str(row['correction']))}"
    if not mark.placed:
        line += " (its place in the answer could not be found)"
    return "- " + line


def _table(rows: list[dict[str, str]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    lines = [
        "| " + " | ".join(_inline(c) for c in columns) + " |",
        "|" + "|".join(" --- " for _ in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_inline(row.get(c, "")) for c in columns) + " |")
    return lines


def markdown_document(
    document: dict[str, Any], summary_rows: list[dict[str, str]] | None = None
) -> str:
    me = str(document.get("evaluator") or "")
    session = document.get("session") or {}
    items = list(document.get("items") or [])
    out = [
        f"# {_inline(session_title(document))}",
        "",
        f"- Evaluator: {_inline(me)}",
        f"- Questions: {len(items)}",
        f"- Exported: {_inline(plain_time(document.get('exported_at')))}",
        f"- Blind: {'yes' if session.get('blind') else 'no'}",
        "",
        "Marked text is in **bold**; the number after it points to the list under the answer.",
        "",
    ]
    if summary_rows:
        out += ["## Summary", "", *_table(summary_rows), ""]
    for item in items:
        phase = final_phase(item, me)
        out += [f"## Question {item.get('position')}", ""]
        out += [
            "> " + line if line else ">"
            for line in markdown_escape(item.get("prompt") or "").split("\n")
        ]
        out.append("")
        if item.get("reference"):
            reference = f"**Reference answer:** {_inline(item['reference'])}"
            if item.get("reference_source"):
                reference += f" (source: {_inline(item['reference_source'])})"
            out += [reference, ""]
        for response in item.get("responses") or []:
            view = answer_view(response, me, phase)
            out += [f"### {_inline(_answer_title(response))}", ""]
            status = STATUS_WORDS.get(str(response.get("status")), "")
            if status:
                error = str(response.get("error") or "")
                out += [_inline(status + (f": {error}" if error else "")), ""]
            out += [*_answer_markdown(view), ""]
            if view.marks:
                out += [_mark_line(mark) for mark in view.marks]
                out.append("")
            flags = [
                label
                for flag, label in (
                    (view.checked_clean, "Checked: no errors"),
                    (view.off_topic, "Misses the question"),
                    (view.critical, "Wrong as a whole"),
                )
                if flag
            ]
            if flags:
                out += ["*" + "; ".join(flags) + "*", ""]
        verdict = verdict_of(item, me, phase)
        line = f"**Verdict:** {_inline(verdict_words(item, verdict, phase))}"
        if verdict and verdict.get("reason"):
            line += f" Why: {_inline(str(verdict['reason']))}"
        out += [line, "", "---", ""]
    return "\n".join(out)


def write_markdown(
    document: dict[str, Any], target: Path, summary_rows: list[dict[str, str]] | None = None
) -> Path:
    """A readable Markdown document: each question, its answers with marks, and the verdict."""
    text = markdown_document(document, summary_rows)
    return write_atomically(target, lambda stream: stream.write(text))
