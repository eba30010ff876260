"""What the HTML report's template receives: the page as plain values, built from a document.

The page shows the document evaluator's final word (core/analysis/evaluator_view.py), each
answer as core/exports/shown_answer.py places its marks, the per-model summary and its charts.
Rendering (the template, autoescaping) is core/exports/html_report.py's; the only HTML made in
Python is core/exports/html_markup.py's.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

from imitation_lens import __version__
from imitation_lens.core.analysis.evaluator_view import final_phase, role_of, verdict_of
from imitation_lens.core.analysis.evidence import Table
from imitation_lens.core.analysis.session_report import Chart
from imitation_lens.core.exports.html_markup import (
    MAJOR_ALPHA,
    MINOR_ALPHA,
    OTHER_CLASS,
    colour_of,
    forget_looks,
    marks_html,
    rgba,
    text_html,
)
from imitation_lens.core.exports.shown_answer import ShownAnswer, shown_answer
from imitation_lens.core.exports.wording import (
    clean_text,
    model_of,
    plain_time,
    question_sets,
    session_title,
    status_words,
    verdict_words,
)
from imitation_lens.core.housekeeping.translation import (
    _,
    current_language,
    ngettext,
    number,
    percent,
)
from imitation_lens.core.judging.taxonomy import MAJOR, MINOR, categories

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)
BAR_COLOUR = "#0072B2"  # Okabe–Ito blue: no category uses it, so bars don't read as marks


@dataclass(frozen=True)
class AnswerHtml:
    role: str
    model: str
    details: str
    shown_as: str
    status: str
    error: str
    empty: bool
    # Built in Python from escaped pieces only (see "HTML built in Python" below).
    text: Markup  # the answer's text with its marks drawn on it
    marks: Markup  # the numbered list of its marks, one <li> a line; empty without marks
    flags: list[str]
    counts: str
    preferred: bool


@dataclass(frozen=True)
class ItemHtml:
    position: str
    anchor: str
    prompt: str
    reference: str
    reference_source: str
    answers: list[AnswerHtml]
    verdict: str
    reason: str
    # Shown with the reference: the other forms the check accepts, and the answers the set
    # calls wrong (TruthfulQA's incorrect answers, which the check refuses).
    accepted: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()


@dataclass(frozen=True)
class BarView:
    label: str
    short_label: str
    value_text: str
    tooltip: str
    y: float
    text_y: float
    text_x: float
    bar_x: float
    bar_width: float
    has_bar: bool
    low_x: float | None
    high_x: float | None


@dataclass(frozen=True)
class ChartView:
    title: str
    unit: str
    width: int
    height: int
    label_right: int
    zero_x: float
    bar_height: int
    bars: list[BarView]
    has_interval: bool
    anchor: str
    bar_colour: str = BAR_COLOUR


@dataclass(frozen=True)
class LegendEntry:
    css_class: str
    label: str
    meaning: str
    key: str


@dataclass(frozen=True)
class TableView:
    """A table of its own under the summary: agreement, and what the app measures beyond it."""

    title: str
    note: str
    columns: list[str]
    rows: list[list[str]]
    anchor: str


def _table_view(table: Table, index: int) -> TableView:
    columns: list[str] = []
    for row in table.rows:
        columns.extend(key for key in row if key not in columns)
    cells = [[str(row.get(c, "")) for c in columns] for row in table.rows]
    return TableView(table.title, table.note, columns, cells, f"table-{index + 1}")


@dataclass
class HtmlReportPage:
    title: str
    facts: list[tuple[str, str]]
    legend: list[LegendEntry]
    colour_rules: list[tuple[str, str, str, str]]  # class; minor, major and solid colours
    summary_columns: list[str]
    summary_rows: list[list[str]]
    charts: list[ChartView]
    items: Iterator[ItemHtml]  # read once, by the template
    tables: list[TableView] = field(default_factory=list)
    csp: str = CONTENT_SECURITY_POLICY
    version: str = __version__
    # A long session (html_report.py): its questions as pages of JSON, shown by one script.
    paged: bool = False
    question_count: int = 0
    page_size: int = 0
    pages: Iterator[Markup] = field(default_factory=lambda: iter(()))
    positions: Markup = field(default_factory=Markup)
    script: Markup = field(default_factory=Markup)
    other_class: str = OTHER_CLASS
    minor: str = field(default_factory=lambda: _(MINOR.label))
    major: str = field(default_factory=lambda: _(MAJOR.label))
    language: str = field(default_factory=current_language)  # the page's <html lang>


def _digits(value: float) -> int:
    """The decimals a figure is shown with: fewer the larger it is, no trailing zeros."""
    if value == int(value) and abs(value) < 1e15:
        return 0
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    while digits > 0 and round(value, digits - 1) == round(value, digits):
        digits -= 1
    return digits


def _number(value: float) -> str:
    """A figure as people write it in the chosen language: 1,234 · 12.5 · 0.42 (1.234 · 12,5 ·
    0,42 in German)."""
    return number(value, _digits(value))


def _percent(value: float) -> str:
    """A figure already in percent (57.2) as the language writes a percentage: 57.2% / 57,2 %."""
    return percent(value / 100, _digits(value))


def _answer_html(
    item: dict[str, Any],
    response: dict[str, Any],
    view: ShownAnswer,
    verdict: dict[str, Any] | None,
    blind: bool,
) -> AnswerHtml:
    status = str(response.get("status") or "")
    details = [
        str(response.get(key))
        for key in ("model_size_label", "model_quantization")
        if response.get(key)
    ]
    if response.get("endpoint_base_url"):
        details.append(str(response["endpoint_base_url"]))
    shown_as = ""
    order = item.get("shown_order") or []
    if blind and response.get("slot_index") in order:
        shown_as = _("Shown as answer {n}").format(n=order.index(response["slot_index"]) + 1)
    flags = view.flag_labels()
    count = len(view.marks)
    marks = ngettext("{n} mark", "{n} marks", count).format(n=number(count))
    if view.major_marks:
        marks = ngettext("{n} mark ({major} major)", "{n} marks ({major} major)", count).format(
            n=number(count), major=number(view.major_marks)
        )
    words = ngettext("{n} word", "{n} words", view.words).format(n=number(view.words))
    # "Error score" is the weighted score's name on screen and in the per-model summary.
    score = _("error score {score}").format(score=number(view.weighted_score))
    counts = " · ".join((marks, words, score))
    return AnswerHtml(
        role=role_of(response),
        model=model_of(response),
        details=" · ".join(details),
        shown_as=shown_as,
        status=status_words(status),
        error=str(response.get("error") or ""),
        empty=not view.text.strip(),
        text=text_html(view) if view.text.strip() else Markup(),
        marks=marks_html(view.marks),
        flags=flags,
        counts=counts,
        preferred=bool(
            verdict
            and verdict.get("preferred") == "answer"
            and verdict.get("preferred_response_id") == response.get("id")
        ),
    )


def question_number(item: Mapping[str, Any], index: int) -> int:
    """The number a question goes by in the page (its anchor is question-N): its position."""
    position = str(item.get("position") or "")
    return int(position) if position.isdigit() else index + 1


def _item_html(item: dict[str, Any], evaluator: str, blind: bool) -> ItemHtml:
    phase = final_phase(item, evaluator, evaluator)
    verdict = verdict_of(item, evaluator, phase, evaluator)
    answers = [
        _answer_html(item, response, shown_answer(response, evaluator, phase), verdict, blind)
        for response in item.get("responses") or []
    ]
    position = str(item.get("position") or "")
    return ItemHtml(
        position=position,
        anchor=f"question-{position}" if position.isdigit() else "",
        prompt=str(item.get("prompt") or ""),
        reference=str(item.get("reference") or ""),
        reference_source=str(item.get("reference_source") or ""),
        answers=answers,
        verdict=verdict_words(item, verdict, phase),
        reason=str((verdict or {}).get("reason") or ""),
        accepted=tuple(str(a) for a in item.get("aliases") or ()),
        wrong=tuple(str(a) for a in item.get("incorrect_answers") or ()),
    )


def _chart_view(chart: Chart, index: int) -> ChartView:
    width, value_width, row, bar_height = 760, 170, 30, 18
    # Room for the longest label (about 7 px a character at the chart's type size), no more.
    longest = max((len(str(bar[0])) for bar in chart.bars), default=0)
    label_right = min(230, max(60, 7 * min(longest, 32) + 10))
    plot_left, plot_right = label_right + 10, width - value_width
    numbers = [
        v
        for _label, value, low, high in chart.bars
        for v in (value, low, high)
        if v is not None and math.isfinite(v)
    ]
    low_end, high_end = min([0.0, *numbers]), max([0.0, *numbers])
    if high_end == low_end:
        high_end = low_end + 1.0

    def x(value: float) -> float:
        return round(
            plot_left + (value - low_end) / (high_end - low_end) * (plot_right - plot_left), 1
        )

    in_percent = chart.unit.strip() == "%"
    bars = []
    for i, (label, value, low, high) in enumerate(chart.bars):
        y = 10 + i * row
        finite = value is not None and math.isfinite(value)
        interval = (
            low is not None and high is not None and math.isfinite(low) and math.isfinite(high)
        )
        if finite:
            assert value is not None
            text = _percent(value) if in_percent else _number(value)
        else:
            text = _("no data")
        if interval:
            assert low is not None and high is not None
            text += f" ({_number(low)}–{_number(high)})"
        start, end = (x(0.0), x(value)) if finite else (x(0.0), x(0.0))
        label = clean_text(str(label))
        bars.append(
            BarView(
                label=label,
                short_label=label if len(label) <= 32 else label[:31] + "…",
                value_text=text,
                tooltip=f"{label}: {text}"
                + (f" {chart.unit}" if chart.unit and not in_percent else ""),
                y=y,
                text_y=round(y + bar_height * 0.72, 1),
                # The figure sits just past the bar or its interval, whichever reaches further.
                text_x=round(
                    max(end, start, x(high) if interval and high is not None else 0.0) + 8, 1
                ),
                bar_x=min(start, end),
                bar_width=round(abs(end - start), 1),
                has_bar=finite,
                low_x=x(low) if interval and low is not None else None,
                high_x=x(high) if interval and high is not None else None,
            )
        )
    return ChartView(
        title=chart.title,
        unit=chart.unit,
        width=width,
        height=20 + len(chart.bars) * row,
        label_right=label_right,
        zero_x=x(0.0),
        bar_height=bar_height,
        bars=bars,
        has_interval=any(bar.low_x is not None for bar in bars),
        anchor=f"chart-{index + 1}",
    )


def report_page(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
    tables: Sequence[Table] | None = None,
) -> HtmlReportPage:
    forget_looks()
    session = document.get("session") or {}
    evaluator = str(document.get("evaluator") or "")
    blind = bool(session.get("blind"))
    items = list(document.get("items") or [])
    answers = sum(len(item.get("responses") or []) for item in items)
    facts = [
        (_("Session"), session_title(document)),
        (_("Evaluator"), evaluator),
        (_("Started"), plain_time(session.get("created_at"))),
        (_("Exported"), plain_time(document.get("exported_at"))),
        (_("Questions"), number(len(items))),
        (_("Question sets"), question_sets(items)),  # with their licences; none: left out
        (_("Answers"), number(answers)),
        (
            _("Blind"),
            _("yes: answers were shown as “Answer 1…N” until the verdict") if blind else _("no"),
        ),
        (_("Made with"), f"Imitation Lens {document.get('app_version') or __version__}"),
    ]
    columns: list[str] = []
    for row in summary_rows or []:
        columns.extend(key for key in row if key not in columns)
    return HtmlReportPage(
        title=_("{session} — Imitation Lens report").format(session=session_title(document)),
        facts=[(label, value) for label, value in facts if value],
        legend=[
            # The taxonomy's words are translated where they are shown, like the app's.
            LegendEntry(
                category.code,
                _(category.label),
                _(category.meaning) if category.meaning else "",
                category.key,
            )
            for category in categories()
        ],
        colour_rules=[
            (
                code,
                rgba(colour_of(code), MINOR_ALPHA),
                rgba(colour_of(code), MAJOR_ALPHA),
                rgba(colour_of(code), 1),
            )
            for code in [*(category.code for category in categories()), OTHER_CLASS]
        ],
        summary_columns=columns,
        summary_rows=[[str(row.get(c, "")) for c in columns] for row in summary_rows or []],
        charts=[_chart_view(chart, i) for i, chart in enumerate(charts or [])],
        # Built while the page is written, one question at a time: a long session's views are
        # never all held at once.
        items=(_item_html(item, evaluator, blind) for item in items),
        tables=[_table_view(table, i) for i, table in enumerate(tables or []) if table.rows],
        question_count=len(items),
    )
