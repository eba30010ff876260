"""A self-contained HTML report of a session: one file that opens offline in any browser.

The page carries no script at all and a Content-Security-Policy that forbids every script, so
even text that slipped past escaping could not run. Model output is untrusted: it reaches the
page through Jinja2's autoescaping (text and attribute values alike), with one exception built
for speed: each answer's marked-up text and its numbered list of marks, which are assembled
here from our own tags and values passed through the same escaping (markupsafe.escape) before
they are marked safe (see "HTML built in Python" below). Nothing else is marked safe. Class
names come from our own taxonomy, never from the document, so a crafted category code can't
add a class the page's structure depends on.

Colours are the app's (core/judging/taxonomy.py, Okabe–Ito, as ui/mark_style.py draws them). Colour is
never the only signal: severity also sets the underline (dotted Minor, wavy Major), "not sure"
is italic, and every mark has a tooltip and a numbered entry in words.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import jinja2
from markupsafe import Markup, escape

from imitation_lens import __version__
from imitation_lens.core.exports.exporters import (
    STATUS_WORDS,
    AnswerView,
    ShownMark,
    answer_view,
    clean_text,
    describe_mark,
    final_phase,
    model_of,
    plain_time,
    role_of,
    session_title,
    verdict_of,
    verdict_words,
)
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.judging.taxonomy import (
    BY_CODE,
    CATEGORIES,
    CATEGORY_COLOURS,
    MAJOR,
    MINOR,
    OTHER_COLOUR,
    severity_label,
)

TEMPLATE = "report.html.j2"
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
    "form-action 'none'"
)

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
    items: Iterator[ItemHtml]  # read once, by the template
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


def _plain(value: str) -> str:
    """Text as the page holds it: any file can hold it, and one kind of line break."""
    if value.isascii() and "\x00" not in value and "\r" not in value:
        return value  # nearly every value: nothing to change
    value = clean_text(value)
    # One kind of line break in the file: what browsers make of "\r\n" anyway.
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def _escaped(value: str) -> str:
    """A value as the template would print it: cleaned up (_plain), then HTML-escaped."""
    return str(escape(_plain(value)))


# -- HTML built in Python ---------------------------------------------------------------------
#
# An answer's text with its marks, and the numbered list of its marks, are the only HTML the
# page takes from Python rather than from the template's autoescaping: a long session has
# hundreds of thousands of marked pieces and list entries, far too slow to loop over in the
# template. They are safe because they are assembled only from our own tags and from values
# passed through markupsafe.escape (the escaping Jinja2 itself applies), after the same
# clean-up as every value the template prints (_plain, via _escaped). Only these two functions
# make Markup. tests/test_html_report.py puts hostile text in every field they show, and checks
# the page's elements and attributes, in a parser and in a real browser.

# Looks of a stretch of text by (category codes in order, any Major, any unsure): its classes
# and its style ("" for none), escaped. Class names come from our taxonomy only.
_LOOKS: dict[tuple[tuple[str, ...], bool, bool], tuple[str, str]] = {}
# A mark's (category code, severity) as the list shows them, escaped: the chip's class, the
# category's label, the severity's class and its label.
_MARK_LOOKS: dict[tuple[str, str], tuple[str, str, str, str]] = {}
_MEMO_SIZE = 1024  # codes come from documents: the memos stay small whatever they hold


def _looks(codes: tuple[str, ...], major: bool, unsure: bool) -> tuple[str, str]:
    key = (codes, major, unsure)
    looks = _LOOKS.get(key)
    if looks is not None:
        return looks
    classes = ["mk", "s-major" if major else "s-minor"]
    if unsure:
        classes.append("unsure")
    style = ""
    if len(codes) == 1:
        classes.append("c-" + _category_class(codes[0]))
    else:
        # Overlapping marks of different categories: stripes of each colour, so both show.
        classes.append("multi")
        alpha = MAJOR_ALPHA if major else MINOR_ALPHA
        stops = []
        for i, code in enumerate(codes):
            colour = _rgba(_colour(code), alpha)
            stops.append(f"{colour} {i * 0.4:.1f}em {(i + 1) * 0.4:.1f}em")
        style = f"background-image: repeating-linear-gradient(135deg, {', '.join(stops)})"
    looks = (_escaped(" ".join(classes)), _escaped(style))
    if len(_LOOKS) < _MEMO_SIZE:
        _LOOKS[key] = looks
    return looks


def _mark_looks(code: str, severity: str) -> tuple[str, str, str, str]:
    looks = _MARK_LOOKS.get((code, severity))
    if looks is None:
        category = BY_CODE.get(code)
        looks = (
            _escaped(_category_class(code)),
            _escaped(category.label if category else code or "No category"),
            "s-minor" if severity == MINOR.code else "s-major",
            _escaped(severity_label(severity)),
        )
        if len(_MARK_LOOKS) < _MEMO_SIZE:
            _MARK_LOOKS[(code, severity)] = looks
    return looks


def _text_html(view: AnswerView) -> Markup:
    """The answer's text with its marks drawn on it: a span per stretch that marks cover."""
    # Per mark: its category code, whether it is Major, whether unsure, and its words.
    marks: dict[int, tuple[str, bool, bool, str]] = {}
    for mark in view.marks:
        row = mark.row
        marks[mark.number] = (
            str(row.get("category") or ""),
            row.get("severity") != MINOR.code,
            bool(row.get("unsure")),
            f"{mark.number}. {describe_mark(row)}",
        )
    tags: dict[tuple[int, ...], str] = {}  # each distinct set of marks gets its tag once
    # The text's line breaks are already "\n"; cleaning keeps its length, so pieces need it
    # only when the whole does.
    unclean = clean_text(view.text) != view.text
    # Escaping only ever lengthens text, so when the whole text escapes to its own length no
    # character in it needs escaping, and neither does any piece of it: the pieces are then
    # used as they are (most answers), else each piece is escaped.
    escapes = len(escape(view.text)) != len(view.text)
    parts: list[str] = []
    for text, numbers, ending in view.segments:
        if unclean:
            text = clean_text(text)
        if escapes:
            text = escape(text)
        if numbers:
            tag = tags.get(numbers)
            if tag is None:
                tag = tags[numbers] = _span_tag(numbers, marks)
            parts += (tag, text, "</span>")
        else:
            parts.append(text)
        for n in ending:
            parts.append(f'<sup class="ref">{int(n)}</sup>')
    # Safe: every piece above is our own markup, or text that escape() leaves as it is or
    # that went through it.
    return Markup("".join(parts))


def _span_tag(numbers: tuple[int, ...], marks: dict[int, tuple[str, bool, bool, str]]) -> str:
    """The opening tag of a stretch of text that the marks `numbers` cover, every value escaped."""
    if len(numbers) == 1:
        code, major, unsure, title = marks[numbers[0]]
        codes: tuple[str, ...] = (code,)
    else:
        covering = [marks[n] for n in numbers]
        codes = tuple(dict.fromkeys([code for code, _, _, _ in covering]))
        major = any(major for _, major, _, _ in covering)
        unsure = any(unsure for _, _, unsure, _ in covering)
        # Every mark covering the stretch has its words in the tooltip, as in the app.
        title = "\n".join([words for _, _, _, words in covering])
    classes, style = _looks(codes, major, unsure)
    numbered = " ".join([str(int(n)) for n in numbers])
    tag = f'<span class="{classes}" data-marks="{numbered}" title="{_escaped(title)}"'
    return tag + (f' style="{style}">' if style else ">")


def _marks_html(marks: list[ShownMark]) -> Markup:
    """The numbered list's entries, one <li> a line (the template adds the <ol>)."""
    lines = []
    for mark in marks:
        row = mark.row
        chip, label, severity_class, severity = _mark_looks(
            str(row.get("category") or ""), str(row.get("severity") or "")
        )
        line = (
            f'<li value="{int(mark.number)}"><span class="chip c-{chip}" aria-hidden="true">'
            f"</span><strong>{label}</strong>, "
            f'<span class="sev mk {severity_class}">{severity}</span>'
        )
        if row.get("unsure"):
            line += ", not sure"
        line += f': <span class="quote">“{_escaped(str(row.get("quote") or ""))}”</span>'
        if row.get("note"):
            line += f' — <span class="note">{_escaped(str(row["note"]))}</span>'
        if row.get("correction"):
            line += f' — <span class="should">Should be: {_escaped(str(row["correction"]))}</span>'
        if not mark.placed:
            line += " <em>(its place in the answer could not be found)</em>"
        lines.append(line + "</li>\n")
    # Safe: every piece above is our own markup or went through escape() (in _escaped).
    return Markup("".join(lines))


def _answer_html(
    item: dict[str, Any],
    response: dict[str, Any],
    view: AnswerView,
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
        role=role_of(response),
        model=model_of(response),
        details=" · ".join(details),
        shown_as=shown_as,
        status=STATUS_WORDS.get(status, status),
        error=str(response.get("error") or ""),
        empty=not view.text.strip(),
        text=_text_html(view) if view.text.strip() else Markup(),
        marks=_marks_html(view.marks),
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
    items = list(document.get("items") or [])
    facts = [
        ("Session", session_title(document)),
        ("Evaluator", evaluator),
        ("Started", plain_time(session.get("created_at"))),
        ("Exported", plain_time(document.get("exported_at"))),
        ("Questions", str(len(items))),
        ("Answers", str(sum(len(item.get("responses") or []) for item in items))),
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
        # Built while the page is written, one question at a time: a long session's views are
        # never all held at once.
        items=(_item_html(item, evaluator, blind) for item in items),
    )


# -- rendering --------------------------------------------------------------------------------


def _finalize(value: Any) -> Any:
    """Applied to every value the template prints, before autoescaping."""
    if type(value) is str or (isinstance(value, str) and not isinstance(value, Markup)):
        return _plain(value)
    if value is None:
        return ""
    return value


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(resource_path("reports")),
        autoescape=True,  # every value, text and attributes alike (and "HTML built in Python")
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
