"""Everything the report shows for one session, computed once for the window and the exports:
the per-model figures, the charts, and agreement between evaluators where there are several.

The study's comparisons (core/analysis/evidence.py: head to head and against the teacher, paired
differences, topics) for the local evaluator and, where there are several, for all of them
pooled; `comparison_tables()` gives them as plain tables for the exports.

Beyond the study (plain JSON-able data, and plain tables for the Markdown export): unaided vs
reference-shown (phases.py), position bias (position_bias.py), answers that revealed their
author (revealing.py) and the style of every answer (style.py, descriptive only).
`exclude_revealing` computes every figure without the verdicts on items where an answer
revealed its author; `revealing` still says how many there were."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from imitation_lens.core.analysis.agreement import Agreement, agreement, agreement_rows
from imitation_lens.core.analysis.estimates import Estimate, shared_resamples
from imitation_lens.core.analysis.evaluator_view import evaluators_in, shared_merges
from imitation_lens.core.analysis.evidence import Evidence, Table, evidence, report_tables
from imitation_lens.core.analysis.metrics import ALL_EVALUATORS, Report, report_rows
from imitation_lens.core.analysis.phases import phase_rows, phases
from imitation_lens.core.analysis.position_bias import position_bias, position_rows
from imitation_lens.core.analysis.revealing import revealing, revealing_rows, without_revealing
from imitation_lens.core.analysis.style import style, style_rows
from imitation_lens.core.housekeeping.bulk_work import bulk_work
from imitation_lens.core.housekeeping.translation import _, ngettext, number


@dataclass(frozen=True)
class Chart:
    """A bar chart: each bar is (label, value, low, high); low and high bound an interval."""

    title: str
    unit: str
    bars: list[tuple[str, float, float | None, float | None]]


@dataclass(frozen=True)
class SessionReport:
    title: str
    evaluator: str  # whose marks the figures are (this computer's evaluator)
    evaluators: list[str]  # everyone whose annotations the session holds
    report: Report
    rows: list[dict[str, str]]
    charts: list[Chart]
    agreement: Agreement | None
    agreement_rows: list[dict[str, str]]
    # Beyond the study: plain data (phases, position_bias, revealing, style, exclude_revealing)
    beyond: dict[str, Any] = field(default_factory=dict)
    # The same as plain tables, each (title, rows), for the Markdown export
    beyond_tables: list[tuple[str, list[dict[str, str]]]] = field(default_factory=list)
    # The comparisons: this computer's evaluator first, then everyone pooled if there are several.
    evidence: tuple[Evidence, ...] = ()

    def comparison_tables(self) -> list[Table]:
        """The study's comparisons as plain tables, each titled with whose figures they are."""
        return report_tables(self.evidence)

    def tables(self) -> list[Table]:
        """Every table under the per-model summary, in the order the window and the HTML
        report show them: agreement, the study's comparisons, then what goes beyond the study."""
        agreement_table = [Table(_("Agreement between evaluators"), "", self.agreement_rows)]
        beyond = [Table(title, "", rows) for title, rows in self.beyond_tables]
        return [t for t in (*agreement_table, *self.comparison_tables(), *beyond) if t.rows]


def _bars(
    report_: Report, pick: str, scale: float
) -> list[tuple[str, float, float | None, float | None]]:
    bars = []
    for slot in report_.slots:
        estimate: Estimate = getattr(slot, pick)
        if estimate.value is not None:
            low = None if estimate.low is None else estimate.low * scale
            high = None if estimate.high is None else estimate.high * scale
            bars.append((slot.role, estimate.value * scale, low, high))
    return bars


def charts_for(report_: Report) -> list[Chart]:
    """The few pictures a non-technical reader needs; a chart with nothing to show is left out."""
    wanted = [
        (_("Answers with at least one factual error"), "%", "with_error"),
        # Side by side with the evaluators' figure: what the automatic check finds.
        (_("Automatic check: correct on questions with a reference answer"), "%", "accuracy"),
        (_("Answers with a Major error"), "%", "with_major"),
        (
            _("Weighted errors per answer (Minor 1, Major 5, Critical 25; lower is better)"),
            "",
            "weighted_score",
        ),
        (_("How often its answer was preferred"), "%", "win_rate"),
    ]
    charts = []
    for title, unit, pick in wanted:
        bars = _bars(report_, pick, 100.0 if unit == "%" else 1.0)  # shares shown as percent
        if bars:
            charts.append(Chart(title, unit, bars))
    return charts


def beyond_the_study(
    documents: list[Mapping[str, Any]], *, exclude_revealing: bool = False
) -> tuple[dict[str, Any], list[tuple[str, list[dict[str, str]]]]]:
    """What the app measures beyond the study, as plain data and as plain tables."""
    told = revealing(documents)
    by_phase = phases(documents, exclude_revealing=exclude_revealing)
    positions = position_bias(documents, exclude_revealing=exclude_revealing)
    looks = style(documents)  # every answer, judged or not; no verdict enters it
    data = {
        "exclude_revealing": exclude_revealing,
        "revealing": told.as_json(),
        "phases": by_phase.as_json(),
        "position_bias": positions.as_json(),
        "style": looks.as_json(),
    }
    if exclude_revealing:
        revealing_title = ngettext(
            "Answers that may reveal their author ({count} of {total} verdict was given on "
            "their questions, left out of every figure)",
            "Answers that may reveal their author ({count} of {total} verdicts were given on "
            "their questions, left out of every figure)",
            told.all_verdicts,
        )
    else:
        revealing_title = ngettext(
            "Answers that may reveal their author ({count} of {total} verdict was given on "
            "their questions)",
            "Answers that may reveal their author ({count} of {total} verdicts were given on "
            "their questions)",
            told.all_verdicts,
        )
    tables = [
        (_("Before and after the reference answer was shown"), phase_rows(by_phase)),
        (_("Which position on screen was chosen"), position_rows(positions)),
        (
            revealing_title.format(count=number(told.verdicts), total=number(told.all_verdicts)),
            revealing_rows(told),
        ),
        (
            _("How the answers look (descriptive only, not a measure of quality)"),
            style_rows(looks),
        ),
    ]
    return data, [(title, rows) for title, rows in tables if rows]


def build_session_report(
    document: Mapping[str, Any], *, exclude_revealing: bool = False
) -> SessionReport:
    # Every part below merges the same document and bootstraps over the same items: once.
    with bulk_work(), shared_merges(), shared_resamples():
        return _build(document, exclude_revealing)


def _build(document: Mapping[str, Any], exclude_revealing: bool) -> SessionReport:
    evaluator = str(document.get("evaluator") or "")
    names = evaluators_in(document)
    counted = without_revealing([document])[0] if exclude_revealing else document
    mine = evidence([counted], evaluator or None)
    figures = mine.report
    pooled = (evidence([counted], ALL_EVALUATORS),) if len(names) >= 2 else ()
    together = agreement([counted]) if len(names) >= 2 else None
    beyond, beyond_tables = beyond_the_study([document], exclude_revealing=exclude_revealing)
    return SessionReport(
        title=str(document.get("session", {}).get("title") or "Session"),
        evaluator=evaluator,
        evaluators=list(names),
        report=figures,
        rows=report_rows(figures),
        charts=charts_for(figures),
        agreement=together,
        agreement_rows=agreement_rows(together) if together is not None else [],
        beyond=beyond,
        beyond_tables=beyond_tables,
        evidence=(mine, *pooled),
    )
