"""Everything the report shows for one session, computed once for the window and the exports:
the per-model figures, the charts, agreement between evaluators where there are several, and
the study's comparisons (core/analysis/evidence.py) for the local evaluator and, where there
are several evaluators, for all of them pooled."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from imitation_lens.core.analysis.agreement import Agreement, agreement, agreement_rows
from imitation_lens.core.analysis.estimates import Estimate
from imitation_lens.core.analysis.evaluator_view import evaluators_in
from imitation_lens.core.analysis.evidence import Evidence, Table, evidence, report_tables
from imitation_lens.core.analysis.metrics import ALL_EVALUATORS, Report, report_rows


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
    # The comparisons: this computer's evaluator first, then everyone pooled if there are several.
    evidence: tuple[Evidence, ...] = ()

    def tables(self) -> list[Table]:
        """Every table after the per-model summary, each on its own (exports show them so)."""
        together = [Table("Agreement between evaluators", "", self.agreement_rows)]
        return [t for t in together if t.rows] + report_tables(self.evidence)


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
        ("Answers with at least one factual error", "%", "with_error"),
        # Side by side with the evaluators' figure: what the automatic check finds.
        ("Automatic check: correct on questions with a reference answer", "%", "accuracy"),
        ("Answers with a Major error", "%", "with_major"),
        (
            "Weighted errors per answer (Minor 1, Major 5, Critical 25; lower is better)",
            "",
            "weighted_score",
        ),
        ("How often its answer was preferred", "%", "win_rate"),
    ]
    charts = []
    for title, unit, pick in wanted:
        bars = _bars(report_, pick, 100.0 if unit == "%" else 1.0)  # shares shown as percent
        if bars:
            charts.append(Chart(title, unit, bars))
    return charts


def build_session_report(document: Mapping[str, Any]) -> SessionReport:
    evaluator = str(document.get("evaluator") or "")
    names = evaluators_in(document)
    mine = evidence([document], evaluator or None)
    figures = mine.report
    pooled = (evidence([document], ALL_EVALUATORS),) if len(names) >= 2 else ()
    together = agreement([document]) if len(names) >= 2 else None
    return SessionReport(
        title=str(document.get("session", {}).get("title") or "Session"),
        evaluator=evaluator,
        evaluators=list(names),
        report=figures,
        rows=report_rows(figures),
        charts=charts_for(figures),
        agreement=together,
        agreement_rows=agreement_rows(together) if together is not None else [],
        evidence=(mine, *pooled),
    )
