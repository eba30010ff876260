"""Head-to-head between every pair of models, from the evaluators' verdicts.

Per pair (first, second), over the verdicts whose item had a finished answer from both (which
rows count: core/analysis/evaluator_view.py; whose verdicts: core/analysis/metrics.py's
`Evaluators`):

- Win: the evaluator preferred the first model's answer; loss: the second's.
- Tie: "tie" or "all bad" (neither was preferred over the other; "all bad" is also counted on
  its own as `both_bad`).
- A verdict that preferred a third model's answer says nothing about these two and is left out
  of the pair: counting it as a tie would credit a model as "as good as" the teacher because a
  third one won.
- As good or better: win + tie over all, ties counted in full, as the imitation study counted
  "rated as good as or better than" the teacher. Whenever one of the pair is the teacher, the
  teacher is the second, so the figure always reads "this model against the teacher".

Shares have a 95% bootstrap interval over items with a Wilson floor (core/analysis/estimates.py).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from imitation_lens.core.analysis.estimates import (
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    format_share,
)
from imitation_lens.core.analysis.evaluator_view import AnswerView, ItemView
from imitation_lens.core.analysis.metrics import Evaluators, item_views
from imitation_lens.core.housekeeping.translation import _, number

TEACHER_ROLE = "Teacher"  # the lineup's role for the teacher column (core/running/lineup.py)


@dataclass(frozen=True)
class HeadToHead:
    first: str
    second: str
    comparisons: int  # verdicts that decided between these two (or tied them)
    items: int
    wins: int
    ties: int  # including both_bad
    losses: int
    both_bad: int
    win: Estimate
    tie: Estimate
    loss: Estimate
    as_good_or_better: Estimate  # win + tie, ties in full

    @property
    def against_teacher(self) -> bool:
        return is_teacher(self.second)


def is_teacher(role: str) -> bool:
    return role.strip().casefold() == TEACHER_ROLE.casefold()


def model_order(views: Sequence[ItemView]) -> list[str]:
    """Roles in slot order (the lowest slot position each had), as the per-model table."""
    first: dict[str, int] = {}
    for view in views:
        for answer in view.answers:
            first[answer.role] = min(first.get(answer.role, answer.slot_index), answer.slot_index)
    return sorted(first, key=lambda role: (first[role], role))


def model_pairs(roles: Sequence[str]) -> list[tuple[str, str]]:
    """Every pair once, in slot order, the teacher always second."""
    pairs = []
    for index, first in enumerate(roles):
        for second in roles[index + 1 :]:
            swap = is_teacher(first) and not is_teacher(second)
            pairs.append((second, first) if swap else (first, second))
    return pairs


def outcome(view: ItemView, first: str, second: str) -> str | None:
    """win / tie / both_bad / loss for `first` against `second`, None if it says nothing."""
    by_role: dict[str, AnswerView] = {}
    for answer in view.finished():
        by_role.setdefault(answer.role, answer)
    if first not in by_role or second not in by_role or view.preferred is None:
        return None
    if view.preferred == "tie":
        return "tie"
    if view.preferred == "all_bad":
        return "both_bad"
    if view.preferred_response_id == by_role[first].response_id:
        return "win"
    if view.preferred_response_id == by_role[second].response_id:
        return "loss"
    return None  # a third model's answer was preferred


def head_to_head(
    documents: Sequence[Mapping[str, Any]],
    evaluators: Evaluators = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> list[HeadToHead]:
    """Win / tie / loss for every pair of models, with intervals."""
    return head_to_head_of_views(item_views(documents, evaluators), resamples=resamples, seed=seed)


def head_to_head_of_views(
    every: Sequence[ItemView], *, resamples: int = RESAMPLES, seed: int = SEED
) -> list[HeadToHead]:
    """The same over items already read (`item_views`)."""
    views = [view for view in every if view.preferred is not None]
    pairs = model_pairs(model_order(views))
    columns: dict[str, int] = {}
    for view in views:
        columns.setdefault(view.item_id, len(columns))
    # Four rows per pair: win, tie, loss, as good or better; one column per item.
    numerators = np.zeros((4 * len(pairs), len(columns)))
    denominators = np.zeros((4 * len(pairs), len(columns)))
    counts = [dict.fromkeys(("win", "tie", "both_bad", "loss"), 0) for _unused in pairs]
    items: list[set[str]] = [set() for _unused in pairs]
    for view in views:
        column = columns[view.item_id]
        for index, (first, second) in enumerate(pairs):
            said = outcome(view, first, second)
            if said is None:
                continue
            counts[index][said] += 1
            items[index].add(view.item_id)
            tied = said in ("tie", "both_bad")
            hits = (said == "win", tied, said == "loss", said in ("win", "tie"))
            for offset, hit in enumerate(hits):
                if offset == 3 and said == "both_bad":
                    # "All bad" says nothing of which is better: crediting it as "as good as
                    # the teacher" would lean toward the model. Left out of this figure only.
                    continue
                denominators[4 * index + offset, column] += 1
                numerators[4 * index + offset, column] += hit
    figure = estimates(numerators, denominators, resamples, seed, shares=True)
    out = []
    for index, (first, second) in enumerate(pairs):
        tally = counts[index]
        out.append(
            HeadToHead(
                first=first,
                second=second,
                comparisons=sum(tally.values()),
                items=len(items[index]),
                wins=tally["win"],
                ties=tally["tie"] + tally["both_bad"],
                losses=tally["loss"],
                both_bad=tally["both_bad"],
                win=figure[4 * index],
                tie=figure[4 * index + 1],
                loss=figure[4 * index + 2],
                as_good_or_better=figure[4 * index + 3],
            )
        )
    return out


def head_to_head_rows(results: Sequence[HeadToHead]) -> list[dict[str, str]]:
    """One row per pair, in plain words, for the exports."""
    return [
        {
            _("Model"): result.first,
            _("Against"): result.second,
            _("Verdicts"): number(result.comparisons),
            _("Preferred"): format_share(result.win),
            _("Tie or both bad"): format_share(result.tie),
            _("Other preferred"): format_share(result.loss),
            _("As good or better (ties count in full; “all bad” left out)"): format_share(
                result.as_good_or_better
            ),
        }
        for result in results
    ]


def teacher_rows(results: Sequence[HeadToHead]) -> list[dict[str, str]]:
    """The study's headline: each model rated as good as or better than the teacher."""
    return [
        {
            _("Model"): result.first,
            _("Verdicts against the teacher"): number(result.comparisons),
            _("As good as or better than the teacher"): format_share(result.as_good_or_better),
            _("Better than the teacher"): format_share(result.win),
        }
        for result in results
        if result.against_teacher
    ]
