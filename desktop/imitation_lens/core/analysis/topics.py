"""The per-model figures broken down by topic tag.

Items carry the prompt set's topic tags (the `tags` column of `items`, a JSON list; see
core/batches/prompt_sets.py). For each tag, the per-model report (core/analysis/metrics.py) is
computed over the items with that tag alone, with the same definitions and intervals: the
automatic check's accuracy, answers with an error and with a major error. An item with several
tags counts under each; items without a tag are grouped as "No tag" when some items have one.
A session without any tags has no breakdown.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from imitation_lens.core.analysis.estimates import RESAMPLES, SEED, format_share
from imitation_lens.core.analysis.metrics import Evaluators, Report, report

NO_TAG = "No tag"


def tags_of(item: Mapping[str, Any]) -> list[str]:
    """An item's tags, whether the row still holds them as JSON text or already as a list."""
    raw = item.get("tags")
    if isinstance(raw, str):
        try:
            raw = json.loads(raw or "[]")
        except ValueError:
            raw = [part for part in raw.split(",")]
    if not isinstance(raw, list):
        return []
    return list(dict.fromkeys(str(tag).strip() for tag in raw if str(tag).strip()))


def topic_reports(
    documents: Sequence[Mapping[str, Any]],
    evaluators: Evaluators = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, Report]:
    """Per tag (sorted, "No tag" last): the per-model report over that tag's items."""
    by_tag: dict[str, set[str]] = {}
    untagged: set[str] = set()
    for document in documents:
        for item in document.get("items") or []:
            item_id = str(item.get("id", ""))
            tags = tags_of(item)
            for tag in tags:
                by_tag.setdefault(tag, set()).add(item_id)
            if not tags:
                untagged.add(item_id)
    if not by_tag:
        return {}
    if untagged:
        by_tag[NO_TAG] = untagged
    out = {}
    for tag in sorted(by_tag, key=lambda t: (t == NO_TAG, t.casefold())):
        wanted = by_tag[tag]
        subset = [
            {**document, "items": [i for i in document.get("items") or [] if i.get("id") in wanted]}
            for document in documents
        ]
        out[tag] = report(subset, evaluators, resamples=resamples, seed=seed)
    return out


def topic_rows(reports: Mapping[str, Report]) -> list[dict[str, str]]:
    """One row per tag and model, in plain words."""
    rows = []
    for tag, result in reports.items():
        for slot in result.slots:
            rows.append(
                {
                    "Topic": tag,
                    "Model": slot.role,
                    "Checked automatically": str(slot.accuracy.count),
                    "Correct by the automatic check": format_share(slot.accuracy),
                    "Judged answers": str(slot.answers),
                    "Answers with an error": format_share(slot.with_error),
                    "Answers with a major error": format_share(slot.with_major),
                }
            )
    return rows
