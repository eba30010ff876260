"""Answers that give their author away, and the verdicts that involve them.

The blind protocol (core/judging/blind.py `identity_clues`) flags phrases such as "As an AI
language model" or a model's name; the clues are stored on each response. A verdict given on an
item where any finished answer carries such a clue may have been given knowing who wrote what
(FastChat voids such votes). This module counts those verdicts, names the items, and makes any
figure computable without them: `without_revealing` returns the documents with those verdicts
left out, so the same code computes the figures both ways.

Which answers: a response's stored `identity_clues`; where a document has none stored (older
exports), the clues are found again from the text, the same way the app stores them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from imitation_lens.core.analysis.evaluator_view import FINISHED_STATUSES, role_of
from imitation_lens.core.housekeeping.translation import _, number
from imitation_lens.core.judging.blind import identity_clues


def clues_of(response: Mapping[str, Any]) -> list[str]:
    """The phrases by which an answer may reveal its author (stored, else found again)."""
    stored = response.get("identity_clues")
    if isinstance(stored, str):
        try:
            stored = json.loads(stored) if stored.strip() else []
        except ValueError:
            stored = None
    if isinstance(stored, list):
        return [str(clue) for clue in stored]
    return identity_clues(str(response.get("text") or ""))


def _finished(response: Mapping[str, Any]) -> bool:
    return response.get("status") in FINISHED_STATUSES and bool(
        str(response.get("text") or "").strip()
    )


def revealing_item(item: Mapping[str, Any]) -> bool:
    """Whether any finished answer to the item carries a clue to its author."""
    return any(_finished(r) and clues_of(r) for r in item.get("responses") or [])


@dataclass(frozen=True)
class Revealing:
    """What the report says about answers that revealed their author."""

    answers: dict[str, int]  # per model: finished answers with at least one clue
    answered: dict[str, int]  # per model: finished answers
    items: list[int]  # positions of the items with such an answer (1-based, as shown)
    items_by_model: dict[str, list[int]]  # per model: the positions where its answer did
    verdicts: int  # verdicts (every evaluator, every phase) on those items
    all_verdicts: int

    def as_json(self) -> dict[str, Any]:
        return {
            "answers_with_clues": dict(self.answers),
            "answers": dict(self.answered),
            "items": list(self.items),
            "items_by_model": {role: list(found) for role, found in self.items_by_model.items()},
            "verdicts_involving_them": self.verdicts,
            "verdicts": self.all_verdicts,
        }


def revealing(documents: Sequence[Mapping[str, Any]]) -> Revealing:
    answers: dict[str, int] = {}
    answered: dict[str, int] = {}
    items: list[int] = []
    by_model: dict[str, list[int]] = {}
    verdicts = total = 0
    seen: set[str] = set()
    for document in documents:
        for item in document.get("items") or []:
            count = len(item.get("verdicts") or [])
            total += count
            item_id = str(item.get("id", ""))
            if item_id in seen:
                continue  # the same item in two documents: its answers count once
            seen.add(item_id)
            flagged = False
            position = int(item.get("position") or len(seen))
            for response in item.get("responses") or []:
                if not _finished(response):
                    continue
                role = role_of(response)
                answered[role] = answered.get(role, 0) + 1
                if clues_of(response):
                    answers[role] = answers.get(role, 0) + 1
                    by_model.setdefault(role, []).append(position)
                    flagged = True
            if flagged:
                items.append(position)
                verdicts += count
    return Revealing(answers, answered, sorted(items), by_model, verdicts, total)


def without_revealing(documents: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The documents with every verdict on an item with a revealing answer left out.

    Marks and whole-answer judgements stay: an error is an error whoever wrote it; only the
    choice between answers can lean on knowing the author.
    """
    out = []
    for document in documents:
        items = []
        for item in document.get("items") or []:
            items.append(dict(item) | {"verdicts": []} if revealing_item(item) else item)
        out.append(dict(document) | {"items": items})
    return out


def revealing_rows(result: Revealing) -> list[dict[str, str]]:
    """One row per model, in plain words, for the Markdown export."""
    return [
        {
            _("Model"): role,
            _("Answers"): number(count),
            _("Answers that may reveal their author"): number(result.answers.get(role, 0)),
            _("Questions"): ", ".join(str(n) for n in result.items_by_model.get(role, []))
            or _("none"),
        }
        for role, count in result.answered.items()
    ]
