"""Paired accuracy differences between models on the same questions, with McNemar's exact test.

"No gain" in the imitation study means: on the same questions, the imitator is not more often
right than its base. Per pair of models (earlier slot, later slot), over the questions where
both gave a finished answer, two measures:

- "Automatic check": correct by the report's automatic check (core/analysis/metrics.py,
  `answer_correct`), over questions with a reference, once per question whoever judged it.
- "No error marked": the evaluator marked no error and set no whole-answer flag on the answer,
  over judged questions, once per evaluator and question (so pooled evaluators count an item
  once each).

The difference is later − earlier (e.g. Imitator − Base), in points of share, with a 95%
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

from imitation_lens.core.analysis.comparisons import model_order
from imitation_lens.core.analysis.estimates import (
    DASH,
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    format_share,
    wilson,
)
from imitation_lens.core.analysis.evaluator_view import AnswerView, ItemView
from imitation_lens.core.analysis.metrics import Evaluators, answer_correct, item_views

AUTOMATIC = "Automatic check"
NO_ERROR = "No error marked"


def mcnemar_exact(first_only: int, second_only: int) -> float:
    """Two-sided exact McNemar p-value from the two discordant counts."""
    n = first_only + second_only
    if n == 0:
        return 1.0
    tail = sum(math.comb(n, i) for i in range(min(first_only, second_only) + 1))
    return min(1.0, float(2 * tail / 2**n))


def newcombe_paired(
    both: int, later_only: int, earlier_only: int, neither: int
) -> tuple[float, float] | None:
    """Newcombe's (1998, method 10) 95% interval for p_later − p_earlier from a paired 2×2.

    p_later = (both + later_only) / n, p_earlier = (both + earlier_only) / n; each gets its
    Wilson interval, and the two are combined with the phi correlation of the table (0 when a
    margin is empty).
    """
    n = both + later_only + earlier_only + neither
    if n == 0:
        return None
    p1, p2 = (both + later_only) / n, (both + earlier_only) / n
    l1, u1 = wilson(both + later_only, n) or (0.0, 1.0)
    l2, u2 = wilson(both + earlier_only, n) or (0.0, 1.0)
    margins = (
        (both + later_only)
        * (earlier_only + neither)
        * (both + earlier_only)
        * (later_only + neither)
    )
    phi = (both * neither - later_only * earlier_only) / math.sqrt(margins) if margins else 0.0
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
    earlier: str
    later: str
    pairs: int  # questions (per evaluator for NO_ERROR) with an answer from both
    earlier_share: Estimate
    later_share: Estimate
    difference: Estimate  # later − earlier, as a share (−1 to 1)
    later_only: int  # later right, earlier wrong
    earlier_only: int
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
    pairs = [(a, b) for index, a in enumerate(roles) for b in roles[index + 1 :]]
    columns: dict[str, int] = {}
    for view in views:
        columns.setdefault(view.item_id, len(columns))
    # Three rows per pair: earlier's share, later's share, the difference.
    numerators = np.zeros((3 * len(pairs), len(columns)))
    denominators = np.zeros((3 * len(pairs), len(columns)))
    # Per pair: [both right, later only, earlier only, neither].
    table = [[0, 0, 0, 0] for _ in pairs]
    for view in views:
        column = columns[view.item_id]
        by_role: dict[str, AnswerView] = {}
        for answer in view.finished():
            by_role.setdefault(answer.role, answer)
        for index, (earlier, later) in enumerate(pairs):
            if earlier not in by_role or later not in by_role:
                continue
            a = right(view, by_role[earlier])
            b = right(view, by_role[later])
            for offset, value in enumerate((a, b, int(b) - int(a))):
                denominators[3 * index + offset, column] += 1
                numerators[3 * index + offset, column] += value
            table[index][(0 if b else 3) if a == b else (1 if b else 2)] += 1
    shares = {row for row in range(3 * len(pairs)) if row % 3 != 2}
    figure = estimates(numerators, denominators, resamples, seed, shares=shares)
    out = []
    for index, (earlier, later) in enumerate(pairs):
        both, later_only, earlier_only, neither = table[index]
        difference = figure[3 * index + 2]
        floor = newcombe_paired(both, later_only, earlier_only, neither)
        if floor is not None and difference.low is not None and difference.high is not None:
            difference = replace(
                difference,
                low=min(difference.low, floor[0]),
                high=max(difference.high, floor[1]),
            )
        out.append(
            PairedDifference(
                measure=measure,
                earlier=earlier,
                later=later,
                pairs=int(denominators[3 * index].sum()),
                earlier_share=figure[3 * index],
                later_share=figure[3 * index + 1],
                difference=difference,
                later_only=later_only,
                earlier_only=earlier_only,
                p_value=mcnemar_exact(later_only, earlier_only),
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
    text = f"{estimate.value * 100:+.0f} pts"
    if estimate.low is not None and estimate.high is not None:
        text += f" ({estimate.low * 100:+.0f} to {estimate.high * 100:+.0f})"
    return text.replace("-", "−")


def format_p(p: float) -> str:
    return "< 0.001" if p < 0.001 else f"{p:.3f}"


def paired_rows(results: Sequence[PairedDifference]) -> list[dict[str, str]]:
    return [
        {
            "Measure": result.measure,
            "Comparison": f"{result.later} − {result.earlier}",
            "Questions": str(result.pairs),
            "Right: first named": format_share(result.later_share),
            "Right: second named": format_share(result.earlier_share),
            "Difference": format_points(result.difference),
            "Only the first named right": str(result.later_only),
            "Only the second named right": str(result.earlier_only),
            "McNemar exact p": format_p(result.p_value),
        }
        for result in results
    ]
