"""One answer as the readable exports show it: its text cut into pieces by the marks that count.

Which marks and flags count is core/analysis/evaluator_view.py's (the evaluator's final phase,
not deleted, the newest copy of a row met twice); the counts (words, the error score) are the
per-model summary's, so Markdown, the answers table and the HTML report agree with it: Minor 1,
Major 5, "Misses the question" 5, "Wrong as a whole" 25; list markers and lone punctuation are
not words. What this module adds is the placing: where each mark sits in the text (its offsets,
or its quote where they drifted), and the pieces of text that the same marks cover.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial
from typing import Any, NamedTuple

from imitation_lens.core.analysis.evaluator_view import (
    JUDGEMENT_FLAGS,
    JUDGEMENT_LABELS,
    OFF_TOPIC_WEIGHT,
    counted_marks,
    judgement_of,
    weight_of,
)
from imitation_lens.core.analysis.text_style import word_count
from imitation_lens.core.housekeeping.translation import _, current_language
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.taxonomy import CRITICAL

_CRLF = re.compile("\r\n")


def describe_mark(mark: dict[str, Any]) -> str:
    """A mark in words, the same wording as the app's tooltip."""
    return _describe(
        str(mark.get("category") or ""),
        str(mark.get("severity") or ""),
        str(mark.get("note") or ""),
        str(mark.get("correction") or ""),
        bool(mark.get("unsure")),
        current_language(),
    )


def forget_descriptions() -> None:
    """Start the memo of mark descriptions over (they name categories from the taxonomy)."""
    _describe.cache_clear()


@lru_cache(maxsize=4096)
def _describe(
    category: str, severity: str, note: str, correction: str, unsure: bool, language: str
) -> str:
    # Most marks carry no note or correction, so a few words serve a whole session; `language`
    # keeps the memo from answering in the language chosen before.
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
class ShownAnswer:
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
        """Its words, counted as the per-model summary counts them (on the text as stored)."""
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

    def flag_labels(self) -> list[str]:
        """The whole-answer flags set on it, in words ("Checked: no errors", ...), in the chosen
        language (the labels are core/analysis's, marked for translation there)."""
        judgement = self.judgement or {}
        return [_(JUDGEMENT_LABELS[flag]) for flag in JUDGEMENT_FLAGS if judgement.get(flag)]


def shown_answer(response: dict[str, Any], evaluator: str, phase: int) -> ShownAnswer:
    """An answer with `evaluator`'s marks and flags of `phase` (rows without a name are theirs)."""
    raw = str(response.get("text") or "")
    rows = counted_marks(response, evaluator, phase, evaluator)
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
    judgement = judgement_of(response, evaluator, phase, evaluator)
    if judgement and judgement["critical"]:
        score += CRITICAL.weight
    if judgement and judgement["off_topic"]:
        score += OFF_TOPIC_WEIGHT
    return ShownAnswer(
        response=response,
        text=text,
        marks=marks,
        segments=split_at_marks(text, spans),
        judgement=judgement,
        major_marks=major_marks,
        weighted_score=score,
    )


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
    for _unused, start, end in spans:
        cuts.add(start)
        cuts.add(end)
    bounds = sorted(cuts)
    index = {cut: i for i, cut in enumerate(bounds)}  # piece i runs from bounds[i] to [i + 1]
    pieces = len(bounds) - 1
    covering: list[list[int]] = [[] for _unused in range(pieces)]
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
    for _unused, start, end in spans:
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
