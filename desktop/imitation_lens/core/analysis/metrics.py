"""Per-slot evidence from an evaluator's annotations: error rates, preference against facts, style.

Input is one or more session export documents (format 3, core/exports/session_json.py). Definitions, all per
slot (answers are grouped by their slot's role label):

- Which annotations: an evaluator's final phase for each item (their progress entry; 1 if there
  is none). Phase 2 means the reference was revealed and the evaluator's revised marks are the
  ones that count. Deleted marks are ignored. For the verdict, the latest one up to the final
  phase counts, so an evaluator who has seen the reference but not yet resubmitted still has
  their phase-1 preference counted.
- Which items: only items the evaluator judged, that is submitted a verdict for or left a mark
  or a whole-answer judgement on. An item nobody looked at would otherwise read as all clean.
  Documents are merged by item and response id first, so an item met in several documents
  counts once per evaluator, with every document's annotations on it; an annotation met twice
  counts once, in its newest version.
- Answers: finished answers (status done or stopped, with some text).
- Errors: each live span mark is one error, weighted by its severity (Minor 1, Major 5). The
  whole-answer flags count as one error each: Critical ("wrong as a whole", weight 25) and
  "Misses the question" (weight 5, as Major: the answer fails on the point that matters).
  "Major" shares count answers with a Major mark, a Critical or a "Misses the question" flag.
- Weighted score: the sum of an answer's weights, averaged over answers; lower is better.
- Errors per 100 words: all errors over all words of the slot's answers (white-space separated,
  not counting list markers and lone punctuation).
- Category mix: errors per category code, with "critical" and "off_topic" for the two flags.
- Win rate: over verdicts with at least two finished answers to choose from, where this slot's
  answer was one of them: a win counts 1, a loss 0, and a tie or "all bad" (nobody preferred)
  is shared equally: 1/k for each of the k answers (1/2 between two). So the win rates of the
  slots add up to 100% when every verdict saw every slot (a tie counted 1/2 for each of three
  answers once made them add up to more).
- Style over substance: over verdicts that picked one answer, the share whose preferred answer
  has a higher weighted score (more weighted errors) than at least one answer it beat. Per slot
  it is attributed to the preferred slot; the report also gives it over all verdicts.
- Accuracy: answers to items with a reference, correct by the strict automatic check in
  core/judging/strict_check.py (alternatives in the reference separated by "|", plus an item's
  "aliases"): hedged, negated and wrong-claim answers do not count.
- Style: share of answers with a list (a line starting with "-", "*", "•", "1." or "1)"), mean
  length in words, share of hedged answers (at least one phrase from `HEDGES`) and of answers in
  a confident tone (no hedging phrase at all, as the imitation study counted a plain assertion
  as confident).

- Evaluators: one evaluator's figures, a set of them, or all of them pooled (ALL_EVALUATORS);
  an item judged by two evaluators counts twice, and the bootstrap resamples items, so both
  judgements of an item move together.

Intervals: core/analysis/estimates.py (bootstrap over items, fixed seed, Wilson floor for
shares). Which rows count:
core/analysis/evaluator_view.py. Words, lists and hedging: core/analysis/text_style.py.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal, TypeAlias

import numpy as np

from imitation_lens.core.analysis.estimates import (
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    format_number,
    format_share,
    ratio,
)
from imitation_lens.core.analysis.evaluator_view import (
    CRITICAL_CODE,
    JUDGEMENT_LABELS,
    AnswerView,
    ItemView,
    evaluators_in,
    item_view,
    merge_documents,
)
from imitation_lens.core.analysis.text_style import is_hedged, uses_list, word_count
from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.judging.answer_check import automatic_check, matches_reference
from imitation_lens.core.judging.taxonomy import OFF_TOPIC, category_label

# The whole-answer flags counted in the category mix, named as everywhere else.
FLAG_LABELS = {code: JUDGEMENT_LABELS[code] for code in (CRITICAL_CODE, OFF_TOPIC)}


class _Everyone(enum.Enum):
    ALL = "all"


# Every evaluator named in the documents, pooled (a sentinel, so no one's name can clash).
ALL_EVALUATORS: Literal[_Everyone.ALL] = _Everyone.ALL
# Whose figures: None (each document's own evaluator), one name, a set of names, or everyone.
Evaluators: TypeAlias = str | Collection[str] | Literal[_Everyone.ALL] | None


def chosen_evaluators(documents: Sequence[Mapping[str, Any]], who: Evaluators) -> str:
    """The evaluators' names in words, for a table's heading."""
    if who is None:
        return ", ".join(dict.fromkeys(str(d.get("evaluator") or "") for d in documents))
    if who is ALL_EVALUATORS:
        return _("All evaluators")
    if isinstance(who, str):
        return who
    return ", ".join(sorted(who))


# The check is pure and the report asks it of the same answer for several figures.
# Sized for a benchmark-sized session (NQ-open dev on three models: ~11,000 answers with a
# reference) with room: an LRU smaller than one pass over the answers evicts every entry
# before the next figure asks again, and the check then runs twice per answer.
_CHECKED_ANSWERS = 1 << 16


@lru_cache(maxsize=_CHECKED_ANSWERS)
def _check(
    text: str,
    reference: str,
    aliases: tuple[str, ...],
    question: str,
    incorrect: tuple[str, ...] = (),
) -> bool:
    return bool(automatic_check(text, reference, aliases, question=question, incorrect=incorrect))


def answer_correct(view: ItemView, answer: AnswerView) -> bool:
    """The automatic (strict) check's verdict on one answer: the one place the report asks it."""
    return _check(
        answer.text, view.aliases[0], tuple(view.aliases[1:]), view.prompt, view.incorrect
    )


# -- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SlotMetrics:
    role: str
    slot_index: int  # the lowest slot position this role had; orders the slots
    items: int
    answers: int
    errors: int
    with_error: Estimate
    with_major: Estimate
    errors_per_100_words: Estimate
    weighted_score: Estimate
    category_mix: dict[str, int]
    win_rate: Estimate
    style_over_substance: Estimate
    accuracy: Estimate
    lenient_accuracy: Estimate  # the old rule, for comparison only
    list_share: Estimate
    mean_words: Estimate
    hedged_share: Estimate
    confident_share: Estimate


@dataclass(frozen=True)
class Report:
    evaluators: tuple[str, ...]
    items: int  # judged items counted (an item judged by two evaluators counts twice)
    unjudged_items: int  # left out: nobody (of those asked for) judged them
    verdicts: int
    style_over_substance: Estimate  # over every verdict that picked one answer
    slots: tuple[SlotMetrics, ...]
    resamples: int = RESAMPLES
    seed: int = SEED
    notes: tuple[str, ...] = field(default=())


# Figures that get a bootstrap interval, each a ratio of sums over items.
_WITH_ERROR, _WITH_MAJOR, _WEIGHTED, _WIN, _SOS = range(5)
_PER_SLOT = 5


def item_views(documents: Sequence[Mapping[str, Any]], evaluators: Evaluators) -> list[ItemView]:
    """Every item as each chosen evaluator left it (judged or not), documents merged first."""
    merged = merge_documents(documents)
    wanted: dict[tuple[str, str], None] = {}
    for document in documents:
        if evaluators is None:
            names = [str(document.get("evaluator") or "")]
        elif evaluators is ALL_EVALUATORS:
            names = evaluators_in(document)
        elif isinstance(evaluators, str):
            names = [evaluators]
        else:
            names = sorted(evaluators)
        for who in names:
            for item in document.get("items") or []:
                wanted.setdefault((who, str(item.get("id", ""))))
    return [item_view(merged[item_id], who) for who, item_id in wanted]


def _checkable(views: Sequence[ItemView]) -> list[ItemView]:
    """Items the automatic check can score: a reference and finished answers. Once per item,
    whoever judged it (or nobody): the check does not depend on an evaluator."""
    seen: dict[str, ItemView] = {}
    for view in views:
        if view.aliases and view.finished():
            seen.setdefault(view.item_id, view)
    return list(seen.values())


def _accuracy(
    checked: Sequence[ItemView],
    slot_of: Mapping[str, int],
    resamples: int,
    seed: int,
    correct: Callable[[ItemView, AnswerView], bool],
) -> list[Estimate]:
    """Per slot: the share of answers `correct` accepts, with intervals."""
    numerators = np.zeros((len(slot_of), len(checked)))
    denominators = np.zeros((len(slot_of), len(checked)))
    for column, view in enumerate(checked):
        for answer in view.finished():
            row = slot_of[answer.role]
            denominators[row, column] += 1
            numerators[row, column] += correct(view, answer)
    return estimates(numerators, denominators, resamples, seed, shares=True)


@lru_cache(maxsize=_CHECKED_ANSWERS)
def _lenient(text: str, reference: str, aliases: tuple[str, ...]) -> bool:
    return matches_reference(text, reference, aliases)


def lenient_correct(view: ItemView, answer: AnswerView) -> bool:
    """The old lenient match (the reference anywhere as whole words), shown only beside the
    strict check so readers see how much the choice of rule matters; never used in a comparison."""
    return _lenient(answer.text, view.aliases[0], tuple(view.aliases[1:]))


def report(
    documents: Sequence[Mapping[str, Any]],
    evaluator: Evaluators = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Report:
    """Per-slot metrics for one evaluator, a set of them or ALL_EVALUATORS pooled (None: each
    document's own, local evaluator)."""
    return report_of_views(item_views(documents, evaluator), resamples=resamples, seed=seed)


def report_of_views(
    all_views: Sequence[ItemView], *, resamples: int = RESAMPLES, seed: int = SEED
) -> Report:
    """The report over items already read (`item_views`), judged or not."""
    views = [view for view in all_views if view.judged]
    checked = _checkable(all_views)
    clusters: dict[str, int] = {}
    for view in views:
        clusters.setdefault(view.item_id, len(clusters))
    first_index: dict[str, int] = {}
    for view in [*views, *checked]:
        for answer in view.finished():
            first_index[answer.role] = min(
                first_index.get(answer.role, answer.slot_index), answer.slot_index
            )
    roles = sorted(first_index, key=lambda role: (first_index[role], role))
    slot_of = {role: index for index, role in enumerate(roles)}

    figures = len(roles) * _PER_SLOT + 1  # the last row: style over substance, all verdicts
    numerators = np.zeros((figures, len(clusters)))
    denominators = np.zeros((figures, len(clusters)))
    items_per_slot: list[set[str]] = [set() for _unused in roles]
    errors = [0] * len(roles)
    words = [0] * len(roles)
    lists = [0] * len(roles)
    hedged = [0] * len(roles)
    mixes: list[Counter[str]] = [Counter() for _unused in roles]
    verdict_count = 0

    for view in views:
        column = clusters[view.item_id]
        finished = view.finished()
        for answer in finished:
            slot = slot_of[answer.role]
            base = slot * _PER_SLOT
            items_per_slot[slot].add(view.item_id)
            denominators[base + _WITH_ERROR, column] += 1
            numerators[base + _WITH_ERROR, column] += answer.error_count > 0
            denominators[base + _WITH_MAJOR, column] += 1
            numerators[base + _WITH_MAJOR, column] += answer.has_major
            denominators[base + _WEIGHTED, column] += 1
            numerators[base + _WEIGHTED, column] += answer.weight
            errors[slot] += answer.error_count
            mixes[slot].update(answer.categories())
            words[slot] += word_count(answer.text)
            lists[slot] += uses_list(answer.text)
            hedged[slot] += is_hedged(answer.text)
        if view.preferred is None:
            continue
        verdict_count += 1
        if len(finished) < 2:
            continue  # nothing was chosen over anything
        winner = next(
            (
                answer
                for answer in finished
                if view.preferred == "answer" and answer.response_id == view.preferred_response_id
            ),
            None,
        )
        for answer in finished:
            base = slot_of[answer.role] * _PER_SLOT
            denominators[base + _WIN, column] += 1
            if answer is winner:
                numerators[base + _WIN, column] += 1
            elif view.preferred in ("tie", "all_bad"):  # nobody preferred: shared equally
                numerators[base + _WIN, column] += 1 / len(finished)
        if winner is not None:
            beaten = min(answer.weight for answer in finished if answer is not winner)
            worse = winner.weight > beaten
            for row in (slot_of[winner.role] * _PER_SLOT + _SOS, figures - 1):
                denominators[row, column] += 1
                numerators[row, column] += worse

    share_rows = {row for row in range(figures) if row % _PER_SLOT != _WEIGHTED}
    share_rows.add(figures - 1)
    figure = estimates(numerators, denominators, resamples, seed, shares=share_rows)
    accuracy = _accuracy(checked, slot_of, resamples, seed, answer_correct)
    lenient = _accuracy(checked, slot_of, resamples, seed, lenient_correct)

    slots = []
    for slot, role in enumerate(roles):
        base = slot * _PER_SLOT
        answers = int(denominators[base + _WITH_ERROR].sum())
        items = len(items_per_slot[slot])

        def plain(numerator: float, denominator: int, *, items: int = items) -> Estimate:
            return Estimate(ratio(numerator, denominator), count=denominator, items=items)

        slots.append(
            SlotMetrics(
                role=role,
                slot_index=first_index[role],
                items=items,
                answers=answers,
                errors=errors[slot],
                with_error=figure[base + _WITH_ERROR],
                with_major=figure[base + _WITH_MAJOR],
                errors_per_100_words=Estimate(
                    ratio(100 * errors[slot], words[slot]), count=answers, items=items
                ),
                weighted_score=figure[base + _WEIGHTED],
                category_mix=dict(sorted(mixes[slot].items(), key=lambda kv: (-kv[1], kv[0]))),
                win_rate=figure[base + _WIN],
                style_over_substance=figure[base + _SOS],
                accuracy=accuracy[slot],
                lenient_accuracy=lenient[slot],
                list_share=plain(lists[slot], answers),
                mean_words=plain(words[slot], answers),
                hedged_share=plain(hedged[slot], answers),
                confident_share=plain(answers - hedged[slot], answers),
            )
        )
    notes = []
    left_out = len(all_views) - len(views)
    if left_out:
        notes.append(
            ngettext(
                "{count} item not judged yet is left out of the evaluators' figures.",
                "{count} items not judged yet are left out of the evaluators' figures.",
                left_out,
            ).format(count=number(left_out))
        )
    if checked:
        notes.append(
            _(
                "The automatic check covers every answered question with a reference answer "
                "({count}), judged or not."
            ).format(count=number(len(checked)))
        )
    return Report(
        evaluators=tuple(sorted({view.evaluator for view in views})),
        items=len(views),
        unjudged_items=len(all_views) - len(views),
        verdicts=verdict_count,
        style_over_substance=figure[figures - 1],
        slots=tuple(slots),
        resamples=resamples,
        seed=seed,
        notes=tuple(notes),
    )


# -- a plain table ---------------------------------------------------------------------------


def mix_label(code: str) -> str:
    flag = FLAG_LABELS.get(code)
    return _(flag) if flag else category_label(code)


def report_rows(result: Report) -> list[dict[str, str]]:
    """One row per slot, column names in plain words, for display and CSV or Markdown export."""
    return [
        {
            _("Model"): slot.role,
            _("Judged answers"): number(slot.answers),
            # The machine's check beside the evaluators' marks: the comparison the study made.
            _("Checked automatically"): number(slot.accuracy.count),
            _("Correct by the automatic check"): format_share(slot.accuracy),
            _("Old lenient match, for comparison"): format_share(slot.lenient_accuracy),
            _("Answers with an error"): format_share(slot.with_error),
            _("Answers with a major error"): format_share(slot.with_major),
            _("Errors per 100 words"): format_number(slot.errors_per_100_words),
            _("Error score per answer (lower is better)"): format_number(slot.weighted_score),
            _("Preferred (ties shared equally)"): format_share(slot.win_rate),
            _("Preferred despite more errors"): format_share(slot.style_over_substance),
            _("Answers with lists"): format_share(slot.list_share),
            _("Words per answer"): format_number(slot.mean_words, 0),
            _("Hedged answers"): format_share(slot.hedged_share),
            _("Confident answers"): format_share(slot.confident_share),
            _("Kinds of error"): ", ".join(
                f"{mix_label(code)} {number(count)}" for code, count in slot.category_mix.items()
            )
            or _("none"),
        }
        for slot in result.slots
    ]
