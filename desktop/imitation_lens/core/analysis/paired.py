"""Paired accuracy differences between models on the same questions, with McNemar's exact test.

"No gain" in the imitation study means: on the same questions, the imitator is not more often
right than its base. Per pair of models, over the questions where both gave a finished answer,
two measures:

- "Automatic check": correct by the report's automatic check (core/analysis/metrics.py,
  `answer_correct`), over questions with a reference, once per question whoever judged it.
- "No error marked": the evaluator marked no error and set no whole-answer flag on the answer,
  over judged questions, once per evaluator and question (so pooled evaluators count an item
  once each).

Each pair reads "model − other": the later slot minus the earlier (Imitator − Base), except
that the teacher is always the other (Base − Teacher: below zero means worse than the teacher),
as in the head-to-head table. The difference is in points of share, with a 95%
percentile bootstrap interval over items (core/analysis/estimates.py; none under 5 items),
never narrower than Newcombe's interval for a paired difference (his method 10, built from the
two Wilson intervals): the bootstrap alone says "+0 (+0 to +0)" when the two never disagree.
McNemar's exact test: under "no difference" the discordant pairs (one right, the other wrong)
split 50:50, so p = min(1, 2 · P(X ≤ min(b, c))) with X ~ Binomial(b + c, 1/2), computed with
exact integers; p = 1 with no discordant pair.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from imitation_lens.core.analysis.comparisons import is_teacher, model_order, model_pairs
from imitation_lens.core.analysis.estimates import (
    DASH,
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    format_share,
    shown_number,
    wilson,
)
from imitation_lens.core.analysis.evaluator_view import AnswerView, ItemView
from imitation_lens.core.analysis.metrics import Evaluators, answer_correct, item_views
from imitation_lens.core.housekeeping.translation import N_, _, number

AUTOMATIC = N_("Automatic check")  # kept in English in the JSON report; _() where shown
NO_ERROR = N_("No error marked")


def mcnemar_exact(first_only: int, second_only: int) -> float:
    """Two-sided exact McNemar p-value from the two discordant counts."""
    n = first_only + second_only
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(first_only, second_only) + 1))
    return min(1.0, float(2 * tail / 2**n))


def newcombe_paired(
    both: int, model_only: int, other_only: int, neither: int
) -> tuple[float, float] | None:
    """Newcombe's (1998, method 10) 95% interval for p_model − p_other from a paired 2×2.

    p_model = (both + model_only) / n, p_other = (both + other_only) / n; each gets its
    Wilson interval, and the two are combined with the phi correlation of the table (0 when a
    margin is empty).
    """
    n = both + model_only + other_only + neither
    if n == 0:
        return None
    p1, p2 = (both + model_only) / n, (both + other_only) / n
    l1, u1 = wilson(both + model_only, n) or (0.0, 1.0)
    l2, u2 = wilson(both + other_only, n) or (0.0, 1.0)
    margins = (
        (both + model_only) * (other_only + neither) * (both + other_only) * (model_only + neither)
    )
    phi = (both * neither - model_only * other_only) / math.sqrt(margins) if margins else 0.0
    below = (p1 - l1) ** 2 - 2 * phi * (p1 - l1) * (u2 - p2) + (u2 - p2) ** 2
    above = (u1 - p1) ** 2 - 2 * phi * (u1 - p1) * (p2 - l2) + (p2 - l2) ** 2
    difference = p1 - p2
    return (
        max(-1.0, difference - math.sqrt(max(below, 0.0))),
        min(1.0, difference + math.sqrt(max(above, 0.0))),
    )


@dataclass(frozen=True)
class PairedDifference:
    measure: str  # AUTOMATIC or NO_ERROR
    other: str
    model: str
    pairs: int  # questions (per evaluator for NO_ERROR) with an answer from both
    other_share: Estimate
    model_share: Estimate
    difference: Estimate  # model − other, as a share (−1 to 1)
    model_only: int  # the model right, the other wrong
    other_only: int
    p_value: float


Judge = Callable[[ItemView, AnswerView], bool]


def _paired(
    measure: str,
    views: Sequence[ItemView],
    right: Judge,
    roles: Sequence[str],
    resamples: int,
    seed: int,
) -> list[PairedDifference]:
    # (other, model): the later slot is the model, unless the other is the teacher.
    pairs = [
        (second, first) if is_teacher(second) else (first, second)
        for first, second in model_pairs(roles)
    ]
    columns: dict[str, int] = {}
    for view in views:
        columns.setdefault(view.item_id, len(columns))
    # Three rows per pair: the other's share, the model's share, the difference.
    numerators = np.zeros((3 * len(pairs), len(columns)))
    denominators = np.zeros((3 * len(pairs), len(columns)))
    # Per pair: [both right, the model only, the other only, neither].
    table = [[0, 0, 0, 0] for _unused in pairs]
    for view in views:
        column = columns[view.item_id]
        by_role: dict[str, AnswerView] = {}
        for answer in view.finished():
            by_role.setdefault(answer.role, answer)
        for index, (other, model) in enumerate(pairs):
            if other not in by_role or model not in by_role:
                continue
            a = right(view, by_role[other])
            b = right(view, by_role[model])
            for offset, value in enumerate((a, b, int(b) - int(a))):
                denominators[3 * index + offset, column] += 1
                numerators[3 * index + offset, column] += value
            table[index][(0 if b else 3) if a == b else (1 if b else 2)] += 1
    shares = {row for row in range(3 * len(pairs)) if row % 3 != 2}
    figure = estimates(numerators, denominators, resamples, seed, shares=shares)
    out = []
    for index, (other, model) in enumerate(pairs):
        both, model_only, other_only, neither = table[index]
        difference = figure[3 * index + 2]
        floor = newcombe_paired(both, model_only, other_only, neither)
        if floor is not None and difference.low is not None and difference.high is not None:
            difference = replace(
                difference,
                low=min(difference.low, floor[0]),
                high=max(difference.high, floor[1]),
            )
        out.append(
            PairedDifference(
                measure=measure,
                other=other,
                model=model,
                pairs=int(denominators[3 * index].sum()),
                other_share=figure[3 * index],
                model_share=figure[3 * index + 1],
                difference=difference,
                model_only=model_only,
                other_only=other_only,
                p_value=mcnemar_exact(model_only, other_only),
            )
        )
    return [result for result in out if result.pairs]


def _no_error(view: ItemView, answer: AnswerView) -> bool:
    return answer.error_count == 0


def paired_differences(
    documents: Sequence[Mapping[str, Any]],
    evaluators: Evaluators = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[PairedDifference]:
    """Both measures for every pair of models that answered the same questions."""
    return paired_of_views(item_views(documents, evaluators), resamples=resamples, seed=seed)


def paired_of_views(
    every: Sequence[ItemView], *, resamples: int = RESAMPLES, seed: int = SEED
) -> list[PairedDifference]:
    """The same over items already read (`item_views`)."""
    roles = model_order(every)
    checked: dict[str, ItemView] = {}
    for view in every:
        if view.aliases and view.finished():
            checked.setdefault(view.item_id, view)  # the check does not depend on who judged
    judged = [view for view in every if view.judged]
    return _paired(
        AUTOMATIC, list(checked.values()), answer_correct, roles, resamples, seed
    ) + _paired(NO_ERROR, judged, _no_error, roles, resamples, seed)


def format_points(estimate: Estimate) -> str:
    """A difference in percentage points: '+12 pts (−3 to +25)'."""
    if estimate.value is None:
        return DASH
    # Whole points from −100 to +100: no language writes them differently, only the words.
    text = _("{points} pts").format(points=f"{estimate.value * 100:+.0f}")
    if estimate.low is not None and estimate.high is not None:
        text += " " + _("({low} to {high})").format(
            low=f"{estimate.low * 100:+.0f}", high=f"{estimate.high * 100:+.0f}"
        )
    return text.replace("-", "−")


def format_p(p: float) -> str:
    return "< " + shown_number(0.001, 3) if p < 0.001 else shown_number(p, 3)


def paired_rows(results: Sequence[PairedDifference]) -> list[dict[str, str]]:
    return [
        {
            _("Measure"): _(result.measure),
            _("Model"): result.model,
            _("Compared with"): result.other,
            _("Questions"): number(result.pairs),
            _("Model right"): format_share(result.model_share),
            _("Other right"): format_share(result.other_share),
            _("Difference (model − other)"): format_points(result.difference),
            _("Only the model right"): number(result.model_only),
            _("Only the other right"): number(result.other_only),
            _("McNemar exact p"): format_p(result.p_value),
        }
        for result in results
    ]
