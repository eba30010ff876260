"""Style features of every answer, judged or not: lists, length, hedging, tone, and wording.

Descriptive only. These figures say how answers look, never how good they are: no figure that
credits a model (preference, accuracy, errors) reads them, and nothing here scores a model up
for sounding sure, hedging, listing, writing long or sounding like the teacher. Imitators copy
exactly these surface features, which is why the app shows them beside the evidence.

Over every finished answer (status done or stopped, with text) of every item, whether or not
anyone judged it, so an unattended batch has them too. Per model (answers grouped by role):

- Lists: share of answers with a list line; words: mean words per answer; hedged: share with
  at least one hedging phrase; confident: share with none (words, lists and hedges as
  core/analysis/text_style.py counts them, the same everywhere).
- Teacher-likeness of the wording: on each item, the cosine similarity between the model's
  answer and the teacher's answer to the same item, of two profiles: word unigrams and bigrams
  (lower-cased words), and character 3-grams (lower-cased, white space collapsed). 1 is the
  same wording, 0 nothing in common. Not given for the teacher itself, nor on items where the
  teacher has no finished answer. The teacher is the model whose role is "Teacher" (else the
  first whose role contains "teacher"), or the one named.

Intervals: the bootstrap over items of core/analysis/estimates.py; for shares, widened to hold
Wilson's interval so a share of 0% or 100% still has an honest interval.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from itertools import pairwise, repeat
from operator import mul
from typing import Any

import numpy as np

from imitation_lens.core.analysis.estimates import (
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    format_number,
    format_share,
    with_wilson,
)
from imitation_lens.core.analysis.evaluator_view import FINISHED_STATUSES, merge_documents, role_of
from imitation_lens.core.analysis.text_style import is_hedged, uses_list, word_count
from imitation_lens.core.housekeeping.translation import _, number

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SPACE = re.compile(r"\s+")
_LISTS, _WORDS, _HEDGED, _CONFIDENT, _LIKE_WORDS, _LIKE_CHARS = range(6)
_PER_MODEL = 6


def word_profile(text: str) -> Counter[str]:
    """Counts of lower-cased words and of adjacent word pairs."""
    words = [w.replace("’", "'") for w in _TOKEN.findall(text.casefold())]
    profile = Counter(words)
    profile.update(f"{a} {b}" for a, b in pairwise(words))
    return profile


def char_profile(text: str, size: int = 3) -> Counter[str]:
    """Counts of character `size`-grams of the lower-cased text, white space collapsed."""
    flat = _SPACE.sub(" ", text.casefold()).strip()
    # zip of shifted copies: the n-grams without a Python-level loop (this runs on every answer)
    return Counter(map("".join, zip(*(flat[i:] for i in range(size)), strict=False)))


def cosine(a: Mapping[str, int], b: Mapping[str, int]) -> float:
    """Cosine similarity of two count profiles; 0 when either is empty."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    dot = sum(map(mul, small.values(), map(large.get, small, repeat(0))))
    norm = math.hypot(*a.values()) * math.hypot(*b.values())
    return dot / norm if norm else 0.0


@dataclass(frozen=True)
class ModelStyle:
    role: str
    answers: int
    list_share: Estimate
    mean_words: Estimate
    hedged_share: Estimate
    confident_share: Estimate
    like_teacher_words: Estimate  # value None for the teacher, or without teacher answers
    like_teacher_chars: Estimate


@dataclass(frozen=True)
class Style:
    teacher: str | None  # the role compared against
    items: int
    models: tuple[ModelStyle, ...]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _finished(response: Mapping[str, Any]) -> bool:
    return response.get("status") in FINISHED_STATUSES and bool(
        str(response.get("text") or "").strip()
    )


def teacher_role(roles: Sequence[str]) -> str | None:
    for role in roles:
        if role.casefold() == "teacher":
            return role
    return next((role for role in roles if "teacher" in role.casefold()), None)


def style(
    documents: Sequence[Mapping[str, Any]],
    *,
    teacher: str | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Style:
    """Style features per model over every finished answer, with bootstrap intervals."""
    items = list(merge_documents(documents).values())
    first: dict[str, int] = {}
    for item in items:
        for response in item["responses"]:
            if _finished(response):
                role, slot = role_of(response), int(response.get("slot_index") or 0)
                first[role] = min(first.get(role, slot), slot)
    order = sorted(first, key=lambda role: (first[role], role))
    row_of = {role: index for index, role in enumerate(order)}
    compared = teacher if teacher is not None else teacher_role(order)
    shape = (len(order) * _PER_MODEL, len(items))
    top, bottom = np.zeros(shape), np.zeros(shape)
    for column, item in enumerate(items):
        finished = [r for r in item["responses"] if _finished(r)]
        teacher_texts = [str(r["text"]) for r in finished if role_of(r) == compared]
        words_of_teacher = [word_profile(t) for t in teacher_texts]
        chars_of_teacher = [char_profile(t) for t in teacher_texts]
        for response in finished:
            role = role_of(response)
            base = row_of[role] * _PER_MODEL
            text = str(response["text"])
            hedged = is_hedged(text)
            values: dict[int, float] = {
                _LISTS: float(uses_list(text)),
                _WORDS: float(word_count(text)),
                _HEDGED: float(hedged),
                _CONFIDENT: float(not hedged),
            }
            if role != compared and words_of_teacher:
                # Several teacher answers on one item (merged sessions): the closest counts.
                words, chars = word_profile(text), char_profile(text)
                values[_LIKE_WORDS] = max(cosine(words, p) for p in words_of_teacher)
                values[_LIKE_CHARS] = max(cosine(chars, p) for p in chars_of_teacher)
            for offset, value in values.items():
                top[base + offset, column] += value
                bottom[base + offset, column] += 1
    figures = estimates(top, bottom, resamples, seed)
    models = []
    for role in order:
        base = row_of[role] * _PER_MODEL
        models.append(
            ModelStyle(
                role=role,
                answers=int(bottom[base + _LISTS].sum()),
                list_share=with_wilson(figures[base + _LISTS]),
                mean_words=figures[base + _WORDS],
                hedged_share=with_wilson(figures[base + _HEDGED]),
                confident_share=with_wilson(figures[base + _CONFIDENT]),
                like_teacher_words=figures[base + _LIKE_WORDS],
                like_teacher_chars=figures[base + _LIKE_CHARS],
            )
        )
    return Style(compared, len(items), tuple(models))


def style_rows(result: Style) -> list[dict[str, str]]:
    """One row per model, in plain words, for the Markdown export."""
    if result.teacher:
        by_words = _("Wording like the {teacher}'s (words, 0–1)").format(teacher=result.teacher)
        by_letters = _("Wording like the {teacher}'s (letters, 0–1)").format(teacher=result.teacher)
    else:
        by_words = _("Wording like the teacher's (words, 0–1)")
        by_letters = _("Wording like the teacher's (letters, 0–1)")
    return [
        {
            _("Model"): m.role,
            _("Answers (judged or not)"): number(m.answers),
            _("Answers with lists"): format_share(m.list_share),
            _("Words per answer"): format_number(m.mean_words, 0),
            _("Hedged answers"): format_share(m.hedged_share),
            _("Confident answers"): format_share(m.confident_share),
            by_words: format_number(m.like_teacher_words, 2),
            by_letters: format_number(m.like_teacher_chars, 2),
        }
        for m in result.models
    ]
