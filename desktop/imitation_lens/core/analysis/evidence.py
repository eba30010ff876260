"""The study's comparisons for one choice of evaluators, as plain tables for every export.

Gathers the head-to-head and "as good as the teacher" figures (core/analysis/comparisons.py),
the paired accuracy differences with McNemar's test (core/analysis/paired.py) and the
breakdown by topic tag (core/analysis/topics.py) for one evaluator, a set of them or all of
them pooled, and writes them as titled tables of text cells (Markdown, HTML, the window) and as
JSON-able numbers (the JSON report).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from imitation_lens.core.analysis.comparisons import (
    HeadToHead,
    head_to_head_of_views,
    head_to_head_rows,
    teacher_rows,
)
from imitation_lens.core.analysis.estimates import RESAMPLES, SEED
from imitation_lens.core.analysis.metrics import (
    Evaluators,
    Report,
    chosen_evaluators,
    item_views,
    report_of_views,
    report_rows,
)
from imitation_lens.core.analysis.paired import PairedDifference, paired_of_views, paired_rows
from imitation_lens.core.analysis.topics import topic_reports_of_views, topic_rows
from imitation_lens.core.housekeeping.translation import _, percent


@dataclass(frozen=True)
class Table:
    title: str
    note: str
    rows: list[dict[str, str]]


@dataclass(frozen=True)
class Evidence:
    """Every comparison for one choice of evaluators (`who` says whose, in words)."""

    who: str
    report: Report
    head_to_head: list[HeadToHead]
    paired: list[PairedDifference]
    topics: dict[str, Report] = field(default_factory=dict)

    def tables(self) -> list[Table]:
        """The comparisons as plain tables; an empty one is left out."""
        tables = [
            Table(
                _("Each model against the teacher"),
                _(
                    "Share of verdicts that rated the model's answer as good as or better than "
                    "the teacher's (ties count in full, as the imitation study counted them; an "
                    "“all bad” verdict says nothing of which is better and is left out)."
                ),
                teacher_rows(self.head_to_head),
            ),
            Table(
                _("Head to head"),
                _(
                    "Over verdicts that saw both answers. A verdict for a third model is left "
                    "out; a tie and “all bad” count as a tie."
                ),
                head_to_head_rows(self.head_to_head),
            ),
            Table(
                _("Paired difference on the same questions"),
                _(
                    "Share right for each model on the questions both answered, the difference "
                    "in percentage points with a {level} interval, and McNemar's exact test (a "
                    "small p means the difference is unlikely to be chance)."
                ).format(level=percent(0.95)),
                paired_rows(self.paired),
            ),
            Table(
                _("By topic"),
                _("The per-model figures over each topic tag's questions alone."),
                topic_rows(self.topics),
            ),
        ]
        return [table for table in tables if table.rows]

    def as_dict(self) -> dict[str, Any]:
        """Numbers, not text: for the JSON report."""
        return {
            "evaluators": self.who,
            "per_model": [asdict(slot) for slot in self.report.slots],
            "head_to_head": [asdict(result) for result in self.head_to_head],
            "paired": [asdict(result) for result in self.paired],
            "topics": {
                tag: [asdict(slot) for slot in result.slots] for tag, result in self.topics.items()
            },
        }


def evidence(
    documents: Sequence[Mapping[str, Any]],
    evaluators: Evaluators = None,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Evidence:
    """Every comparison for `evaluators` (None: each document's own; ALL_EVALUATORS: pooled)."""
    views = item_views(documents, evaluators)  # read once: every figure selects from these
    return Evidence(
        who=chosen_evaluators(documents, evaluators),
        report=report_of_views(views, resamples=resamples, seed=seed),
        head_to_head=head_to_head_of_views(views, resamples=resamples, seed=seed),
        paired=paired_of_views(views, resamples=resamples, seed=seed),
        topics=topic_reports_of_views(documents, views, resamples=resamples, seed=seed),
    )


def report_tables(results: Sequence[Evidence]) -> list[Table]:
    """The tables of every choice of evaluators, each titled with whose figures they are.

    The first choice's per-model table is the report's summary and is not repeated; later
    choices (all evaluators pooled) get their own per-model table first.
    """
    tables = []
    for index, result in enumerate(results):
        own = result.tables()
        if index:
            own.insert(0, Table(_("Per model"), "", report_rows(result.report)))
        tables += [
            Table(
                _("{title} ({evaluators})").format(title=t.title, evaluators=result.who),
                t.note,
                t.rows,
            )
            for t in own
        ]
    return tables
