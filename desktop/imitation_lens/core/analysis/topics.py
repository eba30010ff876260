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
from imitation_lens.core.analysis.evaluator_view import ItemView
from imitation_lens.core.analysis.metrics import Evaluators, Report, item_views, report_of_views
from imitation_lens.core.housekeeping.translation import N_, _, number

NO_TAG = N_("No tag")  # a key of the JSON report: English there, _() where shown


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
    return topic_reports_of_views(
        documents, item_views(documents, evaluators), resamples=resamples, seed=seed
    )


def items_by_tag(documents: Sequence[Mapping[str, Any]]) -> dict[str, set[str]]:
    """Item ids per tag, sorted by tag, "No tag" last; empty when no item has a tag."""
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
    return {tag: by_tag[tag] for tag in sorted(by_tag, key=lambda t: (t == NO_TAG, t.casefold()))}


def topic_reports_of_views(
    documents: Sequence[Mapping[str, Any]],
    views: Sequence[ItemView],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, Report]:
    """The same over items already read (`item_views`); the documents give the tags."""
    return {
        tag: report_of_views(
            [view for view in views if view.item_id in wanted], resamples=resamples, seed=seed
        )
        for tag, wanted in items_by_tag(documents).items()
    }


def topic_rows(reports: Mapping[str, Report]) -> list[dict[str, str]]:
    """One row per tag and model, in plain words."""
    rows = []
    for tag, result in reports.items():
        for slot in result.slots:
            rows.append(
                {
                    _("Topic"): _(NO_TAG) if tag == NO_TAG else tag,
                    _("Model"): slot.role,
                    _("Checked automatically"): number(slot.accuracy.count),
                    _("Correct by the automatic check"): format_share(slot.accuracy),
                    _("Judged answers"): number(slot.answers),
                    _("Answers with an error"): format_share(slot.with_error),
                    _("Answers with a major error"): format_share(slot.with_major),
                }
            )
    return rows
