"""Unaided against reference-shown: how the verdicts and marks moved once the reference was seen.

An item with a reference is judged twice: first unaided (phase 1), then with the reference
shown (phase 2). The report's other figures use the phase that stands; this module sets the
two side by side on the items where one evaluator gave a verdict in both phases, per model:

- Preference: the points an answer got from the verdict (chosen 1, a tie ½ for every answer,
  "all bad" or not chosen 0) over the verdicts it was part of, in each phase, and the change
  (reference-shown minus unaided) on the same verdicts.
- Errors: errors per answer (live marks plus the two whole-answer flags, each 1) and the share
  of answers with at least one error, in each phase, on the same answers.

Intervals: the bootstrap over items of core/analysis/estimates.py (ratios of sums, items
resampled, the two phases of an item moving together, so the change is paired); for shares,
widened to hold Wilson's interval so 0% and 100% keep an honest interval.
`exclude_revealing` leaves out items where an answer revealed its author
(core/analysis/revealing.py) and reports how many.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
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
from imitation_lens.core.analysis.evaluator_view import (
    FINISHED_STATUSES,
    counted_marks,
    judgement_of,
    merge_documents,
    newest,
    phase_of,
    role_of,
)
from imitation_lens.core.analysis.revealing import revealing_item
from imitation_lens.core.housekeeping.translation import _, number

# Rows per model in the bootstrap: points and errors in each phase and the paired change.
_POINTS_1, _POINTS_2, _POINTS_CHANGE, _ERRORS_1, _ERRORS_2, _WITH_1, _WITH_2 = range(7)
_PER_MODEL = 7


@dataclass(frozen=True)
class PhaseFigures:
    role: str
    verdicts: int  # verdicts in both phases this model's answer was part of
    points_unaided: float  # e.g. 8 of 12
    points_reference: float  # e.g. 3.5 of 12
    preferred_unaided: Estimate
    preferred_reference: Estimate
    preferred_change: Estimate  # reference-shown minus unaided, same verdicts
    answers: int
    errors_unaided: int
    errors_reference: int
    errors_per_answer_unaided: Estimate
    errors_per_answer_reference: Estimate
    with_error_unaided: Estimate
    with_error_reference: Estimate


@dataclass(frozen=True)
class Phases:
    items: int  # (evaluator, item) pairs with a verdict in both phases
    excluded: int  # of those, left out because an answer revealed its author
    models: tuple[PhaseFigures, ...]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


def _verdict_in(item: Mapping[str, Any], evaluator: str, phase: int) -> dict[str, Any] | None:
    rows = [
        v
        for v in item.get("verdicts") or []
        if str(v.get("evaluator") or "") == evaluator and phase_of(v) == phase
    ]
    return dict(newest(rows, lambda row: 0)[0]) if rows else None


def _errors(response: Mapping[str, Any], evaluator: str, phase: int) -> int:
    flags = judgement_of(response, evaluator, phase) or {}
    marks = counted_marks(response, evaluator, phase)
    return len(marks) + int(flags.get("critical", False)) + int(flags.get("off_topic", False))


def _points(verdict: Mapping[str, Any], response_id: str) -> float:
    if verdict.get("preferred") == "tie":
        return 0.5
    if verdict.get("preferred") == "answer":
        return float(verdict.get("preferred_response_id") == response_id)
    return 0.0


def phases(
    documents: Sequence[Mapping[str, Any]],
    *,
    exclude_revealing: bool = False,
    only: str | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Phases:
    """Per model: preference and errors unaided and with the reference shown, side by side;
    every evaluator pooled, or `only` one evaluator."""
    pairs: list[tuple[dict[str, Any], str, dict[str, Any], dict[str, Any]]] = []
    excluded = 0
    for item in merge_documents(documents).values():
        evaluators = dict.fromkeys(str(v.get("evaluator") or "") for v in item["verdicts"])
        if only is not None:
            evaluators = {only: None} if only in evaluators else {}
        for evaluator in evaluators:
            first = _verdict_in(item, evaluator, 1)
            second = _verdict_in(item, evaluator, 2)
            if first is None or second is None:
                continue
            if exclude_revealing and revealing_item(item):
                excluded += 1
                continue
            pairs.append((item, evaluator, first, second))

    roles: dict[str, int] = {}
    for item, *_unused in pairs:
        for response in item["responses"]:
            slot = int(response.get("slot_index") or 0)
            role = role_of(response)
            roles[role] = min(roles.get(role, slot), slot)
    order = sorted(roles, key=lambda role: (roles[role], role))
    row_of = {role: index for index, role in enumerate(order)}
    columns: dict[str, int] = {}
    for item, *_unused in pairs:
        columns.setdefault(str(item.get("id", "")), len(columns))
    shape = (len(order) * _PER_MODEL, len(columns))
    top, bottom = np.zeros(shape), np.zeros(shape)
    errors = {role: [0, 0] for role in order}

    for item, evaluator, first, second in pairs:
        column = columns[str(item.get("id", ""))]
        finished = [
            r
            for r in item["responses"]
            if r.get("status") in FINISHED_STATUSES and str(r.get("text") or "").strip()
        ]
        for response in finished:
            base = row_of[role_of(response)] * _PER_MODEL
            response_id = str(response.get("id", ""))
            counts = [_errors(response, evaluator, phase) for phase in (1, 2)]
            errors[role_of(response)][0] += counts[0]
            errors[role_of(response)][1] += counts[1]
            values: dict[int, float] = {
                _ERRORS_1: counts[0],
                _ERRORS_2: counts[1],
                _WITH_1: float(counts[0] > 0),
                _WITH_2: float(counts[1] > 0),
            }
            if len(finished) >= 2:  # a choice was made between answers
                one, two = _points(first, response_id), _points(second, response_id)
                values |= {_POINTS_1: one, _POINTS_2: two, _POINTS_CHANGE: two - one}
            for offset, value in values.items():
                top[base + offset, column] += float(value)
                bottom[base + offset, column] += 1

    figures = estimates(top, bottom, resamples, seed)
    models = []
    for role in order:
        base = row_of[role] * _PER_MODEL
        models.append(
            PhaseFigures(
                role=role,
                verdicts=int(bottom[base + _POINTS_1].sum()),
                points_unaided=float(top[base + _POINTS_1].sum()),
                points_reference=float(top[base + _POINTS_2].sum()),
                preferred_unaided=with_wilson(figures[base + _POINTS_1]),
                preferred_reference=with_wilson(figures[base + _POINTS_2]),
                preferred_change=figures[base + _POINTS_CHANGE],
                answers=int(bottom[base + _ERRORS_1].sum()),
                errors_unaided=errors[role][0],
                errors_reference=errors[role][1],
                errors_per_answer_unaided=figures[base + _ERRORS_1],
                errors_per_answer_reference=figures[base + _ERRORS_2],
                with_error_unaided=with_wilson(figures[base + _WITH_1]),
                with_error_reference=with_wilson(figures[base + _WITH_2]),
            )
        )
    return Phases(len(pairs), excluded, tuple(models))


def _change(estimate: Estimate) -> str:
    if estimate.value is None:
        return "–"
    # Whole points from −100 to +100: no language writes them differently, only the words.
    text = _("{points} points").format(points=f"{estimate.value * 100:+.0f}")
    if estimate.low is not None and estimate.high is not None:
        text += " " + _("({low} to {high})").format(
            low=f"{estimate.low * 100:+.0f}", high=f"{estimate.high * 100:+.0f}"
        )
    return text


def _shown_points(value: float) -> str:
    """Preference points (a tie shares them, so 2.5) as f"{value:g}" wrote them: no trailing
    zeros, in the chosen language's digits."""
    text = f"{value:g}"
    return text if "e" in text else number(value, len(text.partition(".")[2]))


def phase_rows(result: Phases) -> list[dict[str, str]]:
    """One row per model, in plain words, for the Markdown export."""
    return [
        {
            _("Model"): m.role,
            _("Verdicts in both phases"): number(m.verdicts),
            _("Preferred before the reference"): _("{points} of {verdicts}, {share}").format(
                points=_shown_points(m.points_unaided),
                verdicts=number(m.verdicts),
                share=format_share(m.preferred_unaided),
            ),
            _("Preferred with the reference shown"): _("{points} of {verdicts}, {share}").format(
                points=_shown_points(m.points_reference),
                verdicts=number(m.verdicts),
                share=format_share(m.preferred_reference),
            ),
            _("Change"): _change(m.preferred_change),
            _("Errors before the reference"): _("{errors}, {per_answer} per answer").format(
                errors=number(m.errors_unaided),
                per_answer=format_number(m.errors_per_answer_unaided, 2),
            ),
            _("Errors with the reference shown"): _("{errors}, {per_answer} per answer").format(
                errors=number(m.errors_reference),
                per_answer=format_number(m.errors_per_answer_reference, 2),
            ),
        }
        for m in result.models
    ]
