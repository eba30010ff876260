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
  answer was one of them: a win counts 1, a tie counts 1/2 for every answer, "all bad" and a
  loss count 0.
- Style over substance: over verdicts that picked one answer, the share whose preferred answer
  has a higher weighted score (more weighted errors) than at least one answer it beat. Per slot
  it is attributed to the preferred slot; the report also gives it over all verdicts.
- Accuracy: answers to items with a reference, correct by the normalised match in
  core/judging/answer_check.py (alternatives in the reference separated by "|", plus an item's "aliases").
- Style: share of answers with a list (a line starting with "-", "*", "•", "1." or "1)"), mean
  length in words, share of hedged answers (at least one phrase from `HEDGES`) and of answers in
  a confident tone (no hedging phrase at all, as the imitation study counted a plain assertion
  as confident).

Intervals: 95% percentile bootstrap, resampling items (all of an item's answers and verdicts
move together, so the slots stay paired), 2000 resamples with a fixed seed so a report is
reproducible; none for a figure resting on fewer than 5 items. All resamples are drawn at once
and every figure is a ratio of sums, so the bootstrap is one matrix product.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from imitation_lens.core.judging.answer_check import matches_reference, reference_aliases
from imitation_lens.core.judging.taxonomy import (
    CRITICAL,
    MAJOR,
    MINOR,
    OFF_TOPIC,
    SEVERITIES,
    category_label,
)

FINISHED_STATUSES = frozenset({"done", "stopped"})
CRITICAL_CODE = "critical"
OFF_TOPIC_WEIGHT = MAJOR.weight
RESAMPLES = 2000
SEED = 20230525  # fixed so the same data always gives the same intervals
MIN_ITEMS_FOR_INTERVAL = 5

# Hedging phrases (after Hyland's hedges, kept to unambiguous ones: bare "may" would catch the
# month, bare "about" and "around" their spatial senses).
HEDGES: tuple[str, ...] = (
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "might",
    "may be",
    "may have",
    "could be",
    "i think",
    "i believe",
    "i guess",
    "i'm not sure",
    "i am not sure",
    "not sure",
    "not certain",
    "unsure",
    "uncertain",
    "unclear",
    "it seems",
    "seems to",
    "appears to",
    "as far as i know",
    "to my knowledge",
    "i don't know",
    "approximately",
    "roughly",
)
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b")
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•]|\d{1,3}[.)])(?=[ \t])", re.MULTILINE)
_WORD = re.compile(r"\S*[^\W_]\S*")  # a run without spaces holding a letter or digit

FLAG_LABELS = {CRITICAL_CODE: "Wrong as a whole", OFF_TOPIC: "Misses the question"}


# -- one evaluator's view of an item ---------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A live error mark: Python offsets into the answer text, end exclusive."""

    start: int
    end: int
    category: str
    severity: str

    @property
    def weight(self) -> int:
        return SEVERITIES.get(self.severity, MINOR).weight


@dataclass(frozen=True)
class AnswerView:
    """One answer with what one evaluator found in it in their final phase."""

    response_id: str
    role: str
    slot_index: int
    text: str
    finished: bool
    spans: tuple[Span, ...] = ()
    critical: bool = False
    off_topic: bool = False
    checked_clean: bool = False

    @property
    def error_count(self) -> int:
        return len(self.spans) + int(self.critical) + int(self.off_topic)

    @property
    def weight(self) -> int:
        return (
            sum(span.weight for span in self.spans)
            + CRITICAL.weight * int(self.critical)
            + OFF_TOPIC_WEIGHT * int(self.off_topic)
        )

    @property
    def has_major(self) -> bool:
        """A Major mark, or a whole-answer flag (both weigh at least as much as a Major)."""
        return self.critical or self.off_topic or any(s.weight >= MAJOR.weight for s in self.spans)

    def categories(self) -> list[str]:
        codes = [span.category for span in self.spans]
        return codes + [CRITICAL_CODE] * self.critical + [OFF_TOPIC] * self.off_topic


@dataclass(frozen=True)
class ItemView:
    """An item as one evaluator left it: their final phase, answers and verdict."""

    item_id: str
    evaluator: str
    reference: str
    aliases: tuple[str, ...]
    phase: int
    judged: bool
    answers: tuple[AnswerView, ...]
    preferred: str | None = None  # answer | tie | all_bad; None without a verdict
    preferred_response_id: str | None = None

    def finished(self) -> list[AnswerView]:
        return [answer for answer in self.answers if answer.finished]


def _owner(row: Mapping[str, Any], local: str) -> str:
    # Rows written before evaluators had names, or built by hand, belong to the local evaluator.
    return str(row.get("evaluator") or local)


def final_phase(item: Mapping[str, Any], evaluator: str, local: str = "") -> int:
    phases = [
        int(entry.get("phase") or 1)
        for entry in item.get("progress") or []
        if _owner(entry, local) == evaluator
    ]
    return max(phases, default=1)


def _newest(rows: Iterable[Mapping[str, Any]], key: Any) -> list[Mapping[str, Any]]:
    """One row per key: the most recently updated, the later one on a tie.

    The same annotation can arrive in several documents (an old and a new export, or a merged
    database exported again): the newest says whether it was since edited or deleted.
    """
    chosen: dict[Any, Mapping[str, Any]] = {}
    for row in rows:
        k = key(row)
        held = chosen.get(k)
        if held is None or str(row.get("updated_at") or "") >= str(held.get("updated_at") or ""):
            chosen[k] = row
    return list(chosen.values())


def item_view(item: Mapping[str, Any], evaluator: str, local: str = "") -> ItemView:
    """What `evaluator` said about `item` in their final phase.

    `local` names the evaluator of rows that carry no name. A mark met twice (same id), or a
    judgement or verdict met twice (same phase), counts once, in its newest version.
    """
    phase = final_phase(item, evaluator, local)
    answers: list[AnswerView] = []
    touched = False
    for response in item.get("responses") or []:
        marks = [m for m in response.get("marks") or [] if _owner(m, local) == evaluator]
        spans = [
            Span(
                int(mark["start"]),
                int(mark["end"]),
                str(mark.get("category") or ""),
                str(mark.get("severity") or MINOR.code),
            )
            for mark in _newest(marks, lambda m: m.get("id") or id(m))
            if not mark.get("deleted_at") and int(mark.get("phase") or 1) == phase
        ]
        judgements = [
            j
            for j in response.get("judgements") or []
            if _owner(j, local) == evaluator and int(j.get("phase") or 1) == phase
        ]
        judgement: Mapping[str, Any] = next(iter(_newest(judgements, lambda j: 0)), {})
        flags = {
            name: bool(judgement.get(name)) for name in ("checked_clean", "off_topic", "critical")
        }
        touched = touched or bool(spans) or any(flags.values())
        text = str(response.get("text") or "")
        slot_index = int(response.get("slot_index") or 0)
        answers.append(
            AnswerView(
                response_id=str(response.get("id", "")),
                role=str(response.get("role") or f"Slot {slot_index + 1}"),
                slot_index=slot_index,
                text=text,
                finished=response.get("status") in FINISHED_STATUSES and bool(text.strip()),
                spans=tuple(sorted(spans, key=lambda s: (s.start, s.end, s.category))),
                critical=flags["critical"],
                off_topic=flags["off_topic"],
                checked_clean=flags["checked_clean"],
            )
        )
    verdicts = [
        v
        for v in item.get("verdicts") or []
        if _owner(v, local) == evaluator and int(v.get("phase") or 1) <= phase
    ]
    latest = _newest(verdicts, lambda v: int(v.get("phase") or 1))
    verdict = max(latest, key=lambda v: int(v.get("phase") or 1), default=None)
    reference = str(item.get("reference") or "")
    return ItemView(
        item_id=str(item.get("id", "")),
        evaluator=evaluator,
        reference=reference,
        aliases=(*reference_aliases(reference), *(str(a) for a in item.get("aliases") or [])),
        phase=phase,
        judged=touched or verdict is not None,
        answers=tuple(answers),
        preferred=None if verdict is None else str(verdict.get("preferred")),
        preferred_response_id=None if verdict is None else verdict.get("preferred_response_id"),
    )


def _stamped(rows: Iterable[Mapping[str, Any]], local: str) -> list[Mapping[str, Any]]:
    # The name must travel with each row: "" means a different person in each document.
    return [row if row.get("evaluator") else {**row, "evaluator": local} for row in rows]


def merge_documents(documents: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every item of the documents once (by id), holding all evaluators' annotations on it.

    Prompt, reference and answers come from the first document that has the item; responses
    are matched by id. Rows are not copied unless they lack an evaluator's name.
    """
    merged: dict[str, dict[str, Any]] = {}
    answers: dict[str, dict[str, dict[str, Any]]] = {}
    for document in documents:
        local = str(document.get("evaluator") or "")
        for item in document.get("items") or []:
            item_id = str(item.get("id", ""))
            target = merged.get(item_id)
            if target is None:
                target = {k: v for k, v in item.items() if k != "responses"}
                target |= {"progress": [], "verdicts": [], "responses": []}
                merged[item_id] = target
                answers[item_id] = {}
            target["progress"] += _stamped(item.get("progress") or [], local)
            target["verdicts"] += _stamped(item.get("verdicts") or [], local)
            for response in item.get("responses") or []:
                response_id = str(response.get("id", ""))
                into = answers[item_id].get(response_id)
                if into is None:
                    into = {k: v for k, v in response.items() if k not in ("marks", "judgements")}
                    into |= {"marks": [], "judgements": []}
                    target["responses"].append(into)
                    answers[item_id][response_id] = into
                into["marks"] += _stamped(response.get("marks") or [], local)
                into["judgements"] += _stamped(response.get("judgements") or [], local)
    return merged


def evaluators_in(document: Mapping[str, Any]) -> list[str]:
    """Every evaluator named on an annotation or a progress entry, in order of appearance."""
    local = str(document.get("evaluator") or "")
    names: dict[str, None] = {}
    for item in document.get("items") or []:
        rows: list[Mapping[str, Any]] = [*item.get("progress", []), *item.get("verdicts", [])]
        for response in item.get("responses") or []:
            rows += [*response.get("marks", []), *response.get("judgements", [])]
        for row in rows:
            names.setdefault(_owner(row, local))
    return list(names)


# -- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Estimate:
    """A figure with its 95% interval where there were enough items for one."""

    value: float | None  # None when there is nothing to measure
    low: float | None = None
    high: float | None = None
    count: int = 0  # what it is measured over: answers or verdicts
    items: int = 0  # items behind it; intervals need MIN_ITEMS_FOR_INTERVAL


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


def uses_list(text: str) -> bool:
    return _LIST_LINE.search(text) is not None


def is_hedged(text: str) -> bool:
    return _HEDGE.search(text.casefold().replace("’", "'")) is not None


def word_count(text: str) -> int:
    """Words separated by white space; list markers and lone punctuation are not words."""
    return len(_WORD.findall(_LIST_MARKER.sub("", text)))


def _views(documents: Sequence[Mapping[str, Any]], evaluator: str | None) -> list[ItemView]:
    merged = merge_documents(documents)
    wanted: dict[tuple[str, str], None] = {}
    for document in documents:
        who = str(document.get("evaluator") or "") if evaluator is None else evaluator
        for item in document.get("items") or []:
            wanted.setdefault((who, str(item.get("id", ""))))
    return [item_view(merged[item_id], who) for who, item_id in wanted]


def _ratio(numerator: float, denominator: float) -> float | None:
    return numerator / denominator if denominator else None


def bootstrap_intervals(
    numerators: npt.NDArray[np.float64],
    denominators: npt.NDArray[np.float64],
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[tuple[float, float] | None]:
    """95% percentile intervals for ratios of sums, resampling the columns (items).

    Row r of both arrays is one figure: sum(numerators[r]) / sum(denominators[r]). A figure
    with fewer than MIN_ITEMS_FOR_INTERVAL items (columns with a non-zero denominator) gets None.
    """
    figures, items = numerators.shape
    eligible = np.flatnonzero((denominators > 0).sum(axis=1) >= MIN_ITEMS_FOR_INTERVAL)
    out: list[tuple[float, float] | None] = [None] * figures
    if items == 0 or eligible.size == 0 or resamples < 1:
        return out
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, items, size=(resamples, items))
    # How often each item was drawn in each resample: the sums become one matrix product.
    offsets = np.arange(resamples)[:, None] * items
    counts = np.bincount((draws + offsets).ravel(), minlength=resamples * items)
    weights = counts.reshape(resamples, items).astype(np.float64)
    top = weights @ numerators[eligible].T
    bottom = weights @ denominators[eligible].T
    ratios = np.full_like(top, np.nan)
    np.divide(top, bottom, out=ratios, where=bottom > 0)
    lows, highs = np.nanpercentile(ratios, [2.5, 97.5], axis=0)
    for row, low, high in zip(eligible, lows, highs, strict=True):
        out[int(row)] = (float(low), float(high))
    return out


def _checkable(views: Sequence[ItemView]) -> list[ItemView]:
    """Items the automatic check can score: a reference and finished answers. Once per item,
    whoever judged it (or nobody): the check does not depend on an evaluator."""
    seen: dict[str, ItemView] = {}
    for view in views:
        if view.aliases and view.finished():
            seen.setdefault(view.item_id, view)
    return list(seen.values())


def _accuracy(
    checked: Sequence[ItemView], slot_of: Mapping[str, int], resamples: int, seed: int
) -> list[Estimate]:
    """Per slot: the share of answers the automatic check finds correct, with intervals."""
    numerators = np.zeros((len(slot_of), len(checked)))
    denominators = np.zeros((len(slot_of), len(checked)))
    for column, view in enumerate(checked):
        for answer in view.finished():
            row = slot_of[answer.role]
            denominators[row, column] += 1
            numerators[row, column] += matches_reference(
                answer.text, view.aliases[0], view.aliases[1:]
            )
    intervals = bootstrap_intervals(numerators, denominators, resamples, seed)
    return [
        Estimate(
            value=_ratio(float(numerators[row].sum()), float(denominators[row].sum())),
            low=None if intervals[row] is None else intervals[row][0],  # type: ignore[index]
            high=None if intervals[row] is None else intervals[row][1],  # type: ignore[index]
            count=int(denominators[row].sum()),
            items=int((denominators[row] > 0).sum()),
        )
        for row in range(len(slot_of))
    ]


def report(
    documents: Sequence[Mapping[str, Any]],
    evaluator: str | None = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Report:
    """Per-slot metrics for one evaluator (None: each document's own, local evaluator)."""
    all_views = _views(documents, evaluator)
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
    items_per_slot: list[set[str]] = [set() for _ in roles]
    errors = [0] * len(roles)
    words = [0] * len(roles)
    lists = [0] * len(roles)
    hedged = [0] * len(roles)
    mixes: list[Counter[str]] = [Counter() for _ in roles]
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
            elif view.preferred == "tie":
                numerators[base + _WIN, column] += 0.5
        if winner is not None:
            beaten = min(answer.weight for answer in finished if answer is not winner)
            worse = winner.weight > beaten
            for row in (slot_of[winner.role] * _PER_SLOT + _SOS, figures - 1):
                denominators[row, column] += 1
                numerators[row, column] += worse

    intervals = bootstrap_intervals(numerators, denominators, resamples, seed)
    accuracy = _accuracy(checked, slot_of, resamples, seed)

    def estimate(row: int) -> Estimate:
        interval = intervals[row]
        return Estimate(
            value=_ratio(float(numerators[row].sum()), float(denominators[row].sum())),
            low=None if interval is None else interval[0],
            high=None if interval is None else interval[1],
            count=int(denominators[row].sum()),
            items=int((denominators[row] > 0).sum()),
        )

    slots = []
    for slot, role in enumerate(roles):
        base = slot * _PER_SLOT
        answers = int(denominators[base + _WITH_ERROR].sum())
        items = len(items_per_slot[slot])

        def plain(numerator: float, denominator: int, *, items: int = items) -> Estimate:
            return Estimate(_ratio(numerator, denominator), count=denominator, items=items)

        slots.append(
            SlotMetrics(
                role=role,
                slot_index=first_index[role],
                items=items,
                answers=answers,
                errors=errors[slot],
                with_error=estimate(base + _WITH_ERROR),
                with_major=estimate(base + _WITH_MAJOR),
                errors_per_100_words=Estimate(
                    _ratio(100 * errors[slot], words[slot]), count=answers, items=items
                ),
                weighted_score=estimate(base + _WEIGHTED),
                category_mix=dict(sorted(mixes[slot].items(), key=lambda kv: (-kv[1], kv[0]))),
                win_rate=estimate(base + _WIN),
                style_over_substance=estimate(base + _SOS),
                accuracy=accuracy[slot],
                list_share=plain(lists[slot], answers),
                mean_words=plain(words[slot], answers),
                hedged_share=plain(hedged[slot], answers),
                confident_share=plain(answers - hedged[slot], answers),
            )
        )
    notes = []
    left_out = len(all_views) - len(views)
    if left_out == 1:
        notes.append("1 item not judged yet is left out of the evaluators' figures.")
    elif left_out:
        notes.append(f"{left_out} items not judged yet are left out of the evaluators' figures.")
    if checked:
        notes.append(
            f"The automatic check covers every answered question with a reference answer "
            f"({len(checked)}), judged or not."
        )
    return Report(
        evaluators=tuple(sorted({view.evaluator for view in views})),
        items=len(views),
        unjudged_items=len(all_views) - len(views),
        verdicts=verdict_count,
        style_over_substance=estimate(figures - 1),
        slots=tuple(slots),
        resamples=resamples,
        seed=seed,
        notes=tuple(notes),
    )


# -- a plain table ---------------------------------------------------------------------------

DASH = "–"


def format_share(estimate: Estimate) -> str:
    """'42% (30–55%)', '42%' without an interval, '–' when there is nothing to measure."""
    if estimate.value is None:
        return DASH
    text = f"{estimate.value * 100:.0f}%"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low * 100:.0f}{DASH}{estimate.high * 100:.0f}%)"
    return text


def format_number(estimate: Estimate, digits: int = 1) -> str:
    if estimate.value is None:
        return DASH
    text = f"{estimate.value:.{digits}f}"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low:.{digits}f}{DASH}{estimate.high:.{digits}f})"
    return text


def mix_label(code: str) -> str:
    return FLAG_LABELS.get(code) or category_label(code)


def report_rows(result: Report) -> list[dict[str, str]]:
    """One row per slot, column names in plain words, for display and CSV or Markdown export."""
    return [
        {
            "Model": slot.role,
            "Judged answers": str(slot.answers),
            # The machine's check beside the evaluators' marks: the comparison the study made.
            "Checked automatically": str(slot.accuracy.count),
            "Correct by the automatic check": format_share(slot.accuracy),
            "Answers with an error": format_share(slot.with_error),
            "Answers with a major error": format_share(slot.with_major),
            "Errors per 100 words": format_number(slot.errors_per_100_words),
            "Error score per answer (lower is better)": format_number(slot.weighted_score),
            "Preferred (ties count half)": format_share(slot.win_rate),
            "Preferred despite more errors": format_share(slot.style_over_substance),
            "Answers with lists": format_share(slot.list_share),
            "Words per answer": format_number(slot.mean_words, 0),
            "Hedged answers": format_share(slot.hedged_share),
            "Confident answers": format_share(slot.confident_share),
            "Kinds of error": ", ".join(
                f"{mix_label(code)} {count}" for code, count in slot.category_mix.items()
            )
            or "none",
        }
        for slot in result.slots
    ]
