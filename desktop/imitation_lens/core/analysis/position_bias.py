"""Position bias: does the answer shown first (or second, ...) get chosen more often?

Every verdict stores the order the answers were shown in (`shown_order`: the slot at each
position) and, when one answer was chosen, its position on screen (`preferred_position`,
counted from 1). With no bias each position is chosen equally often; this module gives the
choice rate per position with a 95% Wilson interval and a chi-square goodness-of-fit test
against the uniform split.

- Which verdicts: each evaluator's verdict that stands on each item (core/analysis/
  evaluator_view.py `verdict_of` at their final phase), that chose one answer. Ties and "all
  bad" choose no position and are counted apart.
- Verdicts are grouped by how many answers were on screen: a test against uniform only makes
  sense among choices out of the same number.
- `exclude_revealing` leaves out verdicts on items where an answer revealed its author
  (core/analysis/revealing.py); how many were left out is reported.
- The p-value is computed here, with the standard library only: the chi-square survival
  function for whole degrees of freedom in closed form (see `chi_square_sf`).
- Intervals: Wilson's score interval (core/analysis/estimates.py), honest at 0% and 100%.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from imitation_lens.core.analysis.estimates import shown_number, shown_percent, wilson
from imitation_lens.core.analysis.evaluator_view import final_phase, merge_documents, verdict_of
from imitation_lens.core.analysis.revealing import revealing_item
from imitation_lens.core.housekeeping.translation import _, number


def chi_square_sf(x: float, df: int) -> float:
    """P(X >= x) for a chi-square variable with `df` whole degrees of freedom.

    This is Q(df/2, x/2), the regularized upper incomplete gamma function, which for a whole
    or half-whole first argument has a closed form:
    - df even (df = 2m):  exp(-x/2) * sum_{i<m} (x/2)^i / i!
    - df odd (df = 2m+1): erfc(sqrt(x/2)) + exp(-x/2) * sum_{i=1..m} (x/2)^(i-1/2) / Gamma(i+1/2)
    The terms are built by recurrence, so large df neither overflows nor loses terms.
    """
    if df < 1:
        raise ValueError("degrees of freedom must be at least 1")
    if x <= 0:
        return 1.0
    half = x / 2.0
    if df % 2 == 0:
        term = math.exp(-half)
        total = term
        for i in range(1, df // 2):
            term *= half / i
            total += term
    else:
        total = math.erfc(math.sqrt(half))
        # i = 1: (x/2)^(1/2) / Gamma(3/2), then each next term times (x/2) / (i + 1/2).
        term = math.exp(-half) * math.sqrt(half) / math.gamma(1.5)
        for i in range(1, (df - 1) // 2 + 1):
            if i > 1:
                term *= half / (i - 0.5)
            total += term
    return min(1.0, max(0.0, total))


@dataclass(frozen=True)
class PositionShare:
    position: int  # 1 = shown first
    chosen: int
    share: float
    low: float | None
    high: float | None


@dataclass(frozen=True)
class PositionTest:
    """Choices among `shown` answers: the rate per position and the test against uniform."""

    shown: int
    choices: int
    positions: tuple[PositionShare, ...]
    chi_square: float
    df: int
    p_value: float | None  # None when there were no choices


@dataclass(frozen=True)
class PositionBias:
    tests: tuple[PositionTest, ...]  # one per number of answers on screen
    no_choice: int  # standing verdicts that chose no single answer (tie, all bad)
    excluded: int  # verdicts left out because an answer revealed its author
    blind: bool  # whether the sessions showed answers in a counterbalanced order

    def as_json(self) -> dict[str, Any]:
        return {
            "blind": self.blind,
            "no_choice": self.no_choice,
            "excluded_revealing": self.excluded,
            "tests": [
                {
                    "shown": test.shown,
                    "choices": test.choices,
                    "chi_square": test.chi_square,
                    "df": test.df,
                    "p_value": test.p_value,
                    "positions": [
                        {
                            "position": p.position,
                            "chosen": p.chosen,
                            "share": p.share,
                            "low": p.low,
                            "high": p.high,
                        }
                        for p in test.positions
                    ],
                }
                for test in self.tests
            ],
        }


def _order(verdict: Mapping[str, Any]) -> list[int]:
    order = verdict.get("shown_order")
    if isinstance(order, str):
        order = json.loads(order) if order.strip() else []
    return [int(slot) for slot in order or []]


def chosen_position(verdict: Mapping[str, Any], item: Mapping[str, Any]) -> int | None:
    """The on-screen position (from 1) of the chosen answer; None if none was chosen."""
    if verdict.get("preferred") != "answer":
        return None
    stored = verdict.get("preferred_position")
    if stored:
        return int(stored)
    # Older rows: find the chosen answer's slot in the shown order.
    wanted = verdict.get("preferred_response_id")
    order = _order(verdict)
    for response in item.get("responses") or []:
        if response.get("id") == wanted:
            slot = int(response.get("slot_index") or 0)
            return order.index(slot) + 1 if slot in order else slot + 1
    return None


def uniform_test(counts: Sequence[int]) -> tuple[float, int, float | None]:
    """Chi-square goodness of fit of `counts` against an equal split: (statistic, df, p)."""
    total = sum(counts)
    df = len(counts) - 1
    if total == 0 or df < 1:
        return 0.0, max(df, 0), None
    expected = total / len(counts)
    statistic = sum((count - expected) ** 2 / expected for count in counts)
    return statistic, df, chi_square_sf(statistic, df)


def position_bias(
    documents: Sequence[Mapping[str, Any]],
    *,
    exclude_revealing: bool = False,
    only: str | None = None,
) -> PositionBias:
    """Choice rate per shown position over every evaluator's standing verdicts (pooled), or
    over `only` one evaluator's."""
    counts: dict[int, list[int]] = {}
    no_choice = excluded = 0
    for item in merge_documents(documents).values():
        leave_out = exclude_revealing and revealing_item(item)
        evaluators = dict.fromkeys(str(v.get("evaluator") or "") for v in item["verdicts"])
        if only is not None:
            evaluators = {only: None} if only in evaluators else {}
        for evaluator in evaluators:
            verdict = verdict_of(item, evaluator, final_phase(item, evaluator))
            if verdict is None:
                continue
            if leave_out:
                excluded += 1
                continue
            position = chosen_position(verdict, item)
            shown = len(_order(verdict)) or len(item.get("responses") or [])
            if position is None or shown < 2 or not 1 <= position <= shown:
                no_choice += 1
                continue
            counts.setdefault(shown, [0] * shown)[position - 1] += 1
    tests = []
    for shown in sorted(counts):
        row = counts[shown]
        total = sum(row)
        statistic, df, p_value = uniform_test(row)
        shares = []
        for index, chosen in enumerate(row):
            interval = wilson(chosen, total)
            shares.append(
                PositionShare(
                    index + 1,
                    chosen,
                    chosen / total,
                    None if interval is None else interval[0],
                    None if interval is None else interval[1],
                )
            )
        tests.append(PositionTest(shown, total, tuple(shares), statistic, df, p_value))
    blind = all(bool((d.get("session") or {}).get("blind")) for d in documents)
    return PositionBias(tuple(tests), no_choice, excluded, blind and bool(documents))


def position_rows(result: PositionBias) -> list[dict[str, str]]:
    """One row per group of choices, in plain words, for the Markdown export."""
    rows = []
    for test in result.tests:
        row = {_("Answers on screen"): number(test.shown), _("Choices"): number(test.choices)}
        for p in test.positions:
            text = shown_percent(p.share)
            if p.low is not None and p.high is not None:
                text += f" ({shown_number(p.low * 100, 0)}–{shown_percent(p.high)})"
            row[_ordinal(p.position)] = text
        row[_("Chance of a split this uneven if position did not matter")] = (
            "–" if test.p_value is None else shown_number(test.p_value, 3)
        )
        rows.append(row)
    return rows


def _ordinal(n: int) -> str:
    """The column of the answers shown at position `n`: "Shown 1st"."""
    if n == 1:
        return _("Shown 1st")
    if n == 2:
        return _("Shown 2nd")
    if n == 3:
        return _("Shown 3rd")
    return _("Shown {position}th").format(position=n)
