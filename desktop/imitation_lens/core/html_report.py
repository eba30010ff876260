"""A self-contained HTML report of a session: one file that opens offline in any browser.

The page carries no script at all and a Content-Security-Policy that forbids every script, so
even text that slipped past escaping could not run. Model output is untrusted: it reaches the
page only through Jinja2's autoescaping (text and attribute values alike) and is never marked
safe. Class names come from our own taxonomy, never from the document, so a crafted category
code can't add a class the page's structure depends on.

Colours are the app's (ui/mark_style.py, Okabe–Ito), copied as numbers because the core must not
import Qt. Colour is never the only signal: severity also sets the underline (dotted Minor, wavy
Major), "not sure" is italic, and every mark has a tooltip and a numbered entry in words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import jinja2
from markupsafe import Markup

from imitation_lens import __version__
from imitation_lens.core.export import write_atomically
from imitation_lens.core.exporters import (
    STATUS_WORDS,
    AnswerView,
    Segment,
    ShownMark,
    answer_view,
    clean_text,
    describe_mark,
    final_phase,
    model_of,
    plain_time,
    session_title,
    verdict_of,
    verdict_words,
)
from imitation_lens.core.paths import resource_path
from imitation_lens.core.taxonomy import BY_CODE, CATEGORIES, MAJOR, MINOR, severity_label

TEMPLATE = "report.html.j2"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

# The same numbers as ui/mark_style.CATEGORY_COLOURS (Okabe–Ito); keep the two in step.
CATEGORY_COLOURS: dict[str, tuple[int, int, int]] = {
    "wrong_detail": (230, 159, 0),  # orange
    "wrong_claim": (213, 94, 0),  # vermillion
    "invented": (204, 121, 167),  # reddish purple
    "unverifiable": (86, 180, 233),  # sky blue
    "overclaim": (240, 228, 66),  # yellow
    "reasoning": (0, 158, 115),  # bluish green
}
OTHER_COLOUR = (150, 150, 150)
OTHER_CLASS = "other"  # a category this version does not know
# The app's tints (alpha 70 and 130 of 255): Major marks stand out more than Minor ones.
MINOR_ALPHA, MAJOR_ALPHA = 0.27, 0.51
BAR_COLOUR = "#0072B2"  # Okabe–Ito blue: no category uses it, so bars don't read as marks


@dataclass(frozen=True)
class Chart:
    """A bar chart: each bar is (label, value, low, high); low and high bound an interval."""

    title: str
    unit: str
    bars: list[tuple[str, float, float | None, float | None]]


# -- what the template receives ---------------------------------------------------------------


@dataclass(frozen=True)
class SegmentView:
    text: str
    classes: str = ""  # empty: unmarked text
    style: str = ""
    title: str = ""
    numbers: str = ""  # the marks covering it, e.g. "1 3"
    refs: tuple[int, ...] = ()  # numbers of the marks that end here


@dataclass(frozen=True)
class MarkView:
    number: int
    css_class: str
    label: str
    severity: str
    severity_class: str
    unsure: bool
    quote: str
    note: str
    correction: str
    placed: bool


@dataclass(frozen=True)
class AnswerHtml:
    role: str
    model: str
    details: str
    shown_as: str
    status: str
    error: str
    empty: bool
    segments: list[SegmentView]
    marks: list[MarkView]
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


@dataclass
class ReportView:
    title: str
    facts: list[tuple[str, str]]
    legend: list[LegendEntry]
    colour_rules: list[tuple[str, str, str, str]]  # class; minor, major and solid colours
    summary_columns: list[str]
    summary_rows: list[list[str]]
    charts: list[ChartView]
    items: list[ItemHtml]
    csp: str = CONTENT_SECURITY_POLICY
    version: str = __version__
    other_class: str = OTHER_CLASS
    minor: str = field(default_factory=lambda: MINOR.label)
    major: str = field(default_factory=lambda: MAJOR.label)


# -- building the view ------------------------------------------------------------------------


def _rgba(colour: tuple[int, int, int], alpha: float) -> str:
    red, green, blue = colour
    return f"rgba({red}, {green}, {blue}, {alpha})"


def _category_class(code: str) -> str:
    return code if code in BY_CODE else OTHER_CLASS


def _colour(code: str) -> tuple[int, int, int]:
    return CATEGORY_COLOURS.get(code, OTHER_COLOUR)


def _number(value: float) -> str:
    """A figure as people write it: 1,234 · 12.5 · 0.42 (no trailing zeros)."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    digits = 0 if abs(value) >= 100 else 1 if abs(value) >= 10 else 2
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _segment_view(
    segment: Segment, marks: dict[int, ShownMark], described: dict[int, str]
) -> SegmentView:
    if not segment.marks:
        return SegmentView(segment.text, refs=segment.ending)
    rows = [marks[n].row for n in segment.marks]
    codes = [str(row.get("category") or "") for row in rows]
    major = any(row.get("severity") != MINOR.code for row in rows)
    alpha = MAJOR_ALPHA if major else MINOR_ALPHA
    classes = ["mk", "s-major" if major else "s-minor"]
    if any(row.get("unsure") for row in rows):
        classes.append("unsure")
    distinct = list(dict.fromkeys(codes))
    style = ""
    if len(distinct) == 1:
        classes.append("c-" + _category_class(distinct[0]))
    else:
        # Overlapping marks of different categories: stripes of each colour, so both show.
        classes.append("multi")
        stops = []
        for i, code in enumerate(distinct):
            colour = _rgba(_colour(code), alpha)
            stops.append(f"{colour} {i * 0.4:.1f}em {(i + 1) * 0.4:.1f}em")
        style = f"background-image: repeating-linear-gradient(135deg, {', '.join(stops)})"
    title = "\n".join(described[n] for n in segment.marks)
    return SegmentView(
        text=segment.text,
        classes=" ".join(classes),
        style=style,
        title=title,
        numbers=" ".join(str(n) for n in segment.marks),
        refs=segment.ending,
    )


def _mark_view(mark: ShownMark) -> MarkView:
    row = mark.row
    code = str(row.get("category") or "")
    severity = str(row.get("severity") or "")
    category = BY_CODE.get(code)
    return MarkView(
        number=mark.number,
        css_class=_category_class(code),
        label=category.label if category else code or "No category",
        severity=severity_label(severity),
        severity_class="s-minor" if severity == MINOR.code else "s-major",
        unsure=bool(row.get("unsure")),
        quote=str(row.get("quote") or ""),
        note=str(row.get("note") or ""),
        correction=str(row.get("correction") or ""),
        placed=mark.placed,
    )


def _answer_html(
    item: dict[str, Any],
    response: dict[str, Any],
    view: AnswerView,
    verdict: dict[str, Any] | None,
    blind: bool,
) -> AnswerHtml:
    marks = {mark.number: mark for mark in view.marks}
    # Worded once per mark: overlapping marks put the same words on several pieces.
    described = {n: f"{n}. {describe_mark(mark.row)}" for n, mark in marks.items()}
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
        shown_as = f"Shown as answer {order.index(response['slot_index']) + 1}"
    flags = [
        label
        for flag, label in (
            (view.checked_clean, "Checked: no errors"),
            (view.off_topic, "Misses the question"),
            (view.critical, "Wrong as a whole"),
        )
        if flag
    ]
    count = len(view.marks)
    counts = f"{count} mark{'s' if count != 1 else ''}"
    if view.major_marks:
        counts += f" ({view.major_marks} major)"
    counts += f" · {view.words} word{'s' if view.words != 1 else ''}"
    # "Error score" is the weighted score's name on screen and in the per-model summary.
    counts += f" · error score {view.weighted_score}"
    return AnswerHtml(
        role=str(response.get("role") or f"Slot {response.get('slot_index')}"),
        model=model_of(response),
        details=" · ".join(details),
        shown_as=shown_as,
        status=STATUS_WORDS.get(status, status),
        error=str(response.get("error") or ""),
        empty=not view.text.strip(),
        segments=[_segment_view(segment, marks, described) for segment in view.segments],
        marks=[_mark_view(mark) for mark in view.marks],
        flags=flags,
        counts=counts,
        preferred=bool(
            verdict
            and verdict.get("preferred") == "answer"
            and verdict.get("preferred_response_id") == response.get("id")
        ),
    )


def _item_html(item: dict[str, Any], evaluator: str, blind: bool) -> ItemHtml:
    phase = final_phase(item, evaluator)
    verdict = verdict_of(item, evaluator, phase)
    answers = [
        _answer_html(item, response, answer_view(response, evaluator, phase), verdict, blind)
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
    )


def _chart_view(chart: Chart, index: int) -> ChartView:
    width, value_width, row, bar_height = 760, 170, 30, 18
    # Room for the longest label (about 7 px a character at the chart's type size), no more.
    longest = max((len(str(bar[0])) for bar in chart.bars), default=0)
    label_right = min(230, max(60, 7 * min(longest, 32) + 10))
    plot_left, plot_right = label_right + 10, width - value_width
    numbers = [
        v
        for _, value, low, high in chart.bars
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

    percent = chart.unit.strip() == "%"
    bars = []
    for i, (label, value, low, high) in enumerate(chart.bars):
        y = 10 + i * row
        finite = value is not None and math.isfinite(value)
        interval = (
            low is not None and high is not None and math.isfinite(low) and math.isfinite(high)
        )
        text = (_number(value) + ("%" if percent else "")) if finite else "no data"
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
                + (f" {chart.unit}" if chart.unit and not percent else ""),
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


def report_view(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
) -> ReportView:
    session = document.get("session") or {}
    evaluator = str(document.get("evaluator") or "")
    blind = bool(session.get("blind"))
    items = [_item_html(item, evaluator, blind) for item in document.get("items") or []]
    facts = [
        ("Session", session_title(document)),
        ("Evaluator", evaluator),
        ("Started", plain_time(session.get("created_at"))),
        ("Exported", plain_time(document.get("exported_at"))),
        ("Questions", str(len(items))),
        ("Answers", str(sum(len(item.answers) for item in items))),
        ("Blind", "yes: answers were shown as “Answer 1…N” until the verdict" if blind else "no"),
        ("Made with", f"Imitation Lens {document.get('app_version') or __version__}"),
    ]
    columns: list[str] = []
    for row in summary_rows or []:
        columns.extend(key for key in row if key not in columns)
    return ReportView(
        title=f"{session_title(document)} — Imitation Lens report",
        facts=[(label, value) for label, value in facts if value],
        legend=[
            LegendEntry(category.code, category.label, category.meaning, category.key)
            for category in CATEGORIES
        ],
        colour_rules=[
            (
                code,
                _rgba(CATEGORY_COLOURS.get(code, OTHER_COLOUR), MINOR_ALPHA),
                _rgba(CATEGORY_COLOURS.get(code, OTHER_COLOUR), MAJOR_ALPHA),
                _rgba(CATEGORY_COLOURS.get(code, OTHER_COLOUR), 1),
            )
            for code in [*CATEGORY_COLOURS, OTHER_CLASS]
        ],
        summary_columns=columns,
        summary_rows=[[str(row.get(c, "")) for c in columns] for row in summary_rows or []],
        charts=[_chart_view(chart, i) for i, chart in enumerate(charts or [])],
        items=items,
    )


# -- rendering --------------------------------------------------------------------------------


def _finalize(value: Any) -> Any:
    """Applied to every value the template prints, before autoescaping."""
    if value is None:
        return ""
    if isinstance(value, str) and not isinstance(value, Markup):
        # One kind of line break in the file: what browsers make of "\r\n" anyway.
        return clean_text(value).replace("\r\n", "\n").replace("\r", "\n")
    return value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("reports")),
        autoescape=True,  # every value, text and attributes alike; nothing is marked safe
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
) -> str:
    """The report page for a format-3 session document, as one string of HTML."""
    view = report_view(document, summary_rows, charts)
    return _environment().get_template(TEMPLATE).render(report=view)


def write_html(
    document: dict[str, Any],
    target: Path,
    summary_rows: list[dict[str, str]] | None = None,
    charts: list[Chart] | None = None,
) -> Path:
    page = render_html(document, summary_rows, charts)

    def write(stream: IO[str]) -> None:
        stream.write(page)

    return write_atomically(target, write)
