"""How far evaluators agree, on the answers they all judged.

Documents are merged by item id and response id first (core/analysis/evaluator_view.merge_documents): one
merged export holding several evaluators' annotations, several evaluators' own exports of the
same session, or both. The same mark met twice (by id) counts once, in its newest version. Each evaluator's final phase counts (core/analysis/evaluator_view.py),
and an evaluator shares an answer with another when both judged its item (a verdict, a mark or
a whole-answer judgement on it) and the answer is finished.

Measures, for each pair of evaluators:

- Span F1 over the error marks on their shared answers, F1 = 2·matched / (marks of one + marks
  of the other), symmetric, so neither evaluator is the "truth":
  exact, same span (start and end) and same category; exact ignoring the category; overlap,
  where a mark matches a mark of the other evaluator on the same answer that shares at least
  one character with it, each mark used at most once. Overlap pairs are matched greedily, the
  largest shared stretch first (ties by position), which is how span-level F1 for error
  annotation is usually computed when maximum matching is not needed; overlap is given both
  ignoring and respecting the category.
- Cohen's kappa on "the answer has a Major error" (a Major mark, a Critical or a "Misses the
  question" flag: core/analysis/evaluator_view.AnswerView.has_major) per shared answer.
- Cohen's kappa on the preference per item both gave a verdict for. Categories: the preferred
  slot, "tie" or "all bad". Within an item the slot and the response id name the same answer;
  naming the slot lets chance agreement be estimated across items.

Over all evaluators, when three or more take part: Fleiss' kappa on the same two labels, over the
answers (items) every evaluator judged, and the span F1 pooled over all pairs.

A figure that can't be computed is None, with the reason in plain words: no shared answers, no
marks on them, or kappa undefined because chance alone already predicts full agreement (every
rating in the same category).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from imitation_lens.core.analysis.estimates import shown_number, shown_percent
from imitation_lens.core.analysis.evaluator_view import (
    AnswerView,
    ItemView,
    Span,
    evaluators_in,
    item_view,
    merge_documents,
)
from imitation_lens.core.housekeeping.translation import N_, _, ngettext, number

# English source (N_): `_()` where it becomes a reason.
NO_VARIATION = N_(
    "Can't be measured: every rating was the same, so chance alone predicts full agreement."
)


@dataclass(frozen=True)
class Score:
    """An F1 figure and what it rests on; value None with a plain reason when it can't be had."""

    value: float | None
    matched: int = 0
    marks: int = 0  # marks of both evaluators together
    reason: str = ""


@dataclass(frozen=True)
class SpanAgreement:
    exact: Score  # same start, end and category
    exact_any_category: Score  # same start and end
    overlap: Score  # at least one character in common, any category
    overlap_same_category: Score


@dataclass(frozen=True)
class Kappa:
    value: float | None
    observed: float | None = None  # share of agreement seen
    expected: float | None = None  # share expected by chance
    subjects: int = 0  # answers or items rated
    raters: int = 0
    reason: str = ""


@dataclass(frozen=True)
class PairAgreement:
    first: str
    second: str
    shared_items: int
    shared_answers: int
    marks_first: int
    marks_second: int
    spans: SpanAgreement
    major: Kappa  # Cohen's kappa per shared answer
    preference: Kappa  # Cohen's kappa per item with both verdicts
    reason: str = ""  # why there is nothing to compare, when shared_items is 0


@dataclass(frozen=True)
class Agreement:
    evaluators: tuple[str, ...]
    pairs: tuple[PairAgreement, ...]
    shared_items: int  # judged by every evaluator
    shared_answers: int
    spans: SpanAgreement  # pooled over all pairs
    major: Kappa  # Fleiss' kappa, three or more evaluators
    preference: Kappa  # Fleiss' kappa, three or more evaluators
    reason: str = ""  # why there is nothing to compare at all


# -- kappas ----------------------------------------------------------------------------------


def cohen_kappa(first: Sequence[str], second: Sequence[str]) -> Kappa:
    """Cohen's kappa for two raters over the same subjects, in the same order."""
    if len(first) != len(second):
        raise ValueError("both raters must rate the same subjects")
    n = len(first)
    if n == 0:
        return Kappa(None, subjects=0, raters=2, reason=_("Nothing was rated by both."))
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    counts_first, counts_second = Counter(first), Counter(second)
    expected = sum(counts_first[c] * counts_second[c] for c in counts_first) / (n * n)
    return _kappa(observed, expected, n, 2)


def fleiss_kappa(ratings: Sequence[Sequence[str]]) -> Kappa:
    """Fleiss' kappa: one row per subject, holding every rater's category for it.

    Every subject needs the same number of raters (two or more).
    """
    if not ratings:
        return Kappa(None, reason=_("Nothing was rated by every evaluator."))
    raters = len(ratings[0])
    if raters < 2 or any(len(row) != raters for row in ratings):
        raise ValueError("every subject needs the same number of raters, at least two")
    subjects = len(ratings)
    totals: Counter[str] = Counter()
    agreement_sum = 0.0
    for row in ratings:
        counts = Counter(row)
        totals.update(counts)
        agreement_sum += (sum(c * c for c in counts.values()) - raters) / (raters * (raters - 1))
    observed = agreement_sum / subjects
    expected = sum((count / (subjects * raters)) ** 2 for count in totals.values())
    return _kappa(observed, expected, subjects, raters)


def _kappa(observed: float, expected: float, subjects: int, raters: int) -> Kappa:
    if 1.0 - expected < 1e-12:
        return Kappa(None, observed, expected, subjects, raters, _(NO_VARIATION))
    return Kappa((observed - expected) / (1.0 - expected), observed, expected, subjects, raters)


# -- spans -----------------------------------------------------------------------------------


def _exact_matches(first: Sequence[Span], second: Sequence[Span], category: bool) -> int:
    def key(span: Span) -> tuple[int, int, str]:
        return (span.start, span.end, span.category if category else "")

    counts_first, counts_second = Counter(map(key, first)), Counter(map(key, second))
    return sum(min(n, counts_second[k]) for k, n in counts_first.items())


def _overlap_matches(first: Sequence[Span], second: Sequence[Span], category: bool) -> int:
    candidates = []
    for i, a in enumerate(first):
        for j, b in enumerate(second):
            shared = min(a.end, b.end) - max(a.start, b.start)
            if shared > 0 and (not category or a.category == b.category):
                candidates.append((-shared, a.start, b.start, i, j))
    candidates.sort()
    used_first: set[int] = set()
    used_second: set[int] = set()
    for *_unused, i, j in candidates:
        if i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
    return len(used_first)


def _f1(matched: int, marks: int) -> Score:
    if marks == 0:
        return Score(None, 0, 0, _("Neither evaluator marked an error in the answers they share."))
    return Score(2 * matched / marks, matched, marks)


def span_agreement(pairs: Iterable[tuple[Sequence[Span], Sequence[Span]]]) -> SpanAgreement:
    """Span F1 over answers, each given as (one evaluator's marks, the other's)."""
    matched = [0, 0, 0, 0]
    marks = 0
    for first, second in pairs:
        marks += len(first) + len(second)
        matched[0] += _exact_matches(first, second, category=True)
        matched[1] += _exact_matches(first, second, category=False)
        matched[2] += _overlap_matches(first, second, category=False)
        matched[3] += _overlap_matches(first, second, category=True)
    return SpanAgreement(*(_f1(m, marks) for m in matched))


def _no_spans(reason: str) -> SpanAgreement:
    nothing = Score(None, reason=reason)
    return SpanAgreement(nothing, nothing, nothing, nothing)


def _pooled(parts: Sequence[SpanAgreement]) -> SpanAgreement:
    def pool(scores: list[Score]) -> Score:
        return _f1(sum(s.matched for s in scores), sum(s.marks for s in scores))

    return SpanAgreement(
        pool([p.exact for p in parts]),
        pool([p.exact_any_category for p in parts]),
        pool([p.overlap for p in parts]),
        pool([p.overlap_same_category for p in parts]),
    )


# -- agreement -------------------------------------------------------------------------------


def _preference_label(view: ItemView) -> str:
    if view.preferred != "answer":
        return str(view.preferred)
    for answer in view.answers:
        if answer.response_id == view.preferred_response_id:
            return f"slot {answer.slot_index}: {answer.role}"
    return f"response {view.preferred_response_id}"


def _shared(views: Sequence[ItemView]) -> list[tuple[AnswerView, ...]]:
    """For each finished answer of the item, every evaluator's view of it, in `views` order."""
    per_evaluator = [view.finished() for view in views]
    return list(zip(*per_evaluator, strict=True))


def _pair(first: str, second: str, judged: Mapping[str, Mapping[str, ItemView]]) -> PairAgreement:
    items = sorted(judged[first].keys() & judged[second].keys())
    answers = [
        shared
        for item_id in items
        for shared in _shared([judged[first][item_id], judged[second][item_id]])
    ]
    spans = span_agreement((a.spans, b.spans) for a, b in answers)
    if not answers:
        spans = _no_spans(_("No finished answer was judged by both."))
    major = cohen_kappa(
        [str(a.has_major) for a, _unused in answers], [str(b.has_major) for _unused, b in answers]
    )
    both = [
        item_id
        for item_id in items
        if judged[first][item_id].preferred is not None
        and judged[second][item_id].preferred is not None
    ]
    preference = cohen_kappa(
        [_preference_label(judged[first][i]) for i in both],
        [_preference_label(judged[second][i]) for i in both],
    )
    if not both:
        preference = Kappa(None, raters=2, reason=_("No item has a verdict from both."))
    if not answers:
        major = Kappa(None, raters=2, reason=_("No finished answer was judged by both."))
    return PairAgreement(
        first=first,
        second=second,
        shared_items=len(items),
        shared_answers=len(answers),
        marks_first=sum(len(a.spans) for a, _unused in answers),
        marks_second=sum(len(b.spans) for _unused, b in answers),
        spans=spans,
        major=major,
        preference=preference,
        reason=""
        if items
        else _("{first} and {second} judged no item in common.").format(first=first, second=second),
    )


def agreement(
    documents: Sequence[Mapping[str, Any]], evaluators: Sequence[str] | None = None
) -> Agreement:
    """Agreement between every pair of evaluators (all who judged something, or those named)."""
    merged = merge_documents(documents)
    names = list(evaluators) if evaluators is not None else []
    if evaluators is None:
        for document in documents:
            names += [n for n in evaluators_in(document) if n not in names]
    judged: dict[str, dict[str, ItemView]] = {}
    for name in names:
        views = {item_id: item_view(item, name) for item_id, item in merged.items()}
        judged[name] = {item_id: view for item_id, view in views.items() if view.judged}
    people = tuple(name for name in names if judged[name])
    pairs = tuple(_pair(a, b, judged) for a, b in combinations(people, 2))

    everyone = sorted(set.intersection(*(set(judged[p]) for p in people))) if people else []
    shared = [
        answers for item_id in everyone for answers in _shared([judged[p][item_id] for p in people])
    ]
    if len(people) < 2:
        reason = ngettext(
            "Agreement needs at least two evaluators who judged something; "
            "these documents have {count}.",
            "Agreement needs at least two evaluators who judged something; "
            "these documents have {count}.",
            len(people),
        ).format(count=number(len(people)))
        nothing = Kappa(None, raters=len(people), reason=reason)
        return Agreement(people, pairs, 0, 0, _no_spans(reason), nothing, nothing, reason)
    if len(people) < 3:
        reason = _("Fleiss' kappa is for three or more evaluators; see the pair's Cohen's kappa.")
        major = preference = Kappa(None, raters=len(people), reason=reason)
    else:
        major = fleiss_kappa([[str(a.has_major) for a in answers] for answers in shared])
        rated = [
            [_preference_label(judged[p][item_id]) for p in people]
            for item_id in everyone
            if all(judged[p][item_id].preferred is not None for p in people)
        ]
        preference = fleiss_kappa(rated)
        if not rated:
            preference = Kappa(
                None, raters=len(people), reason=_("No item has a verdict from everyone.")
            )
        if not shared:
            major = Kappa(
                None, raters=len(people), reason=_("No finished answer was judged by everyone.")
            )
    return Agreement(
        evaluators=people,
        pairs=pairs,
        shared_items=len(everyone),
        shared_answers=len(shared),
        spans=_pooled([pair.spans for pair in pairs]),
        major=major,
        preference=preference,
    )


# -- a plain table ---------------------------------------------------------------------------

DASH = "–"


def format_score(score: Score) -> str:
    return DASH if score.value is None else shown_number(score.value, 2)


def format_kappa(kappa: Kappa) -> str:
    if kappa.value is None or kappa.observed is None:
        return DASH
    return _("{kappa} (agree on {share} of {count})").format(
        kappa=shown_number(kappa.value, 2),
        share=shown_percent(kappa.observed),
        count=number(kappa.subjects),
    )


NOTES = N_("Notes")


def _row(
    who: str, items: int, answers: int, spans: SpanAgreement, major: Kappa, preference: Kappa
) -> dict[str, str]:
    reasons: dict[str, None] = {}
    for reason in (spans.exact.reason, major.reason, preference.reason):
        if reason:
            reasons.setdefault(reason)
    return {
        _("Evaluators"): who,
        _("Items judged by all of them"): number(items),
        _("Answers judged by all of them"): number(answers),
        _("Same error spans and kind (F1)"): format_score(spans.exact),
        _("Same error spans, any kind (F1)"): format_score(spans.exact_any_category),
        _("Overlapping error spans (F1)"): format_score(spans.overlap),
        _("Overlapping error spans, same kind (F1)"): format_score(spans.overlap_same_category),
        _("Agree on major errors (kappa)"): format_kappa(major),
        _("Agree on the preferred answer (kappa)"): format_kappa(preference),
        _(NOTES): " ".join(reasons),
    }


def _pair_name(first: str, second: str) -> str:
    return _("{first} and {second}").format(first=first, second=second)


def agreement_rows(result: Agreement) -> list[dict[str, str]]:
    """One row per pair of evaluators, and one for all of them when there are three or more."""
    rows = []
    for pair in result.pairs:
        if pair.reason:
            empty = Kappa(None)
            row = _row(_pair_name(pair.first, pair.second), 0, 0, _no_spans(""), empty, empty)
            rows.append(row | {_(NOTES): pair.reason})
            continue
        rows.append(
            _row(
                _pair_name(pair.first, pair.second),
                pair.shared_items,
                pair.shared_answers,
                pair.spans,
                pair.major,
                pair.preference,
            )
        )
    if len(result.evaluators) >= 3:
        rows.append(
            _row(
                _("All {count} evaluators").format(count=number(len(result.evaluators))),
                result.shared_items,
                result.shared_answers,
                result.spans,
                result.major,
                result.preference,
            )
        )
    if not rows:
        empty = Kappa(None)
        row = _row(", ".join(result.evaluators) or DASH, 0, 0, _no_spans(""), empty, empty)
        rows.append(row | {_(NOTES): result.reason})
    return rows
