"""The only HTML of the report built in Python: an answer's marked-up text and its list of marks.

A long session has hundreds of thousands of marked pieces and list entries, far too slow to loop
over in the template. They are safe because they are assembled only from our own tags and from
values passed through markupsafe.escape (the escaping Jinja2 itself applies), after the same
clean-up as every value the template prints (`plain`, via `escaped`). Only `text_html`,
`marks_html` and `json_block` make Markup. Class names come from our own taxonomy, never from the document, so a
crafted category code can't add a class the page's structure depends on.
tests/test_html_report.py puts hostile text in every field they show, and checks the page's
elements and attributes, in a parser and in a real browser.

Colours are the app's (core/judging/taxonomy.py, Okabe–Ito, as ui/mark_style.py draws them).
Colour is never the only signal: severity also sets the underline (dotted Minor, wavy Major),
"not sure" is italic, and every mark has a tooltip and a numbered entry in words.
"""

from __future__ import annotations

import json

from markupsafe import Markup, escape

from imitation_lens.core.exports.shown_answer import (
    ShownAnswer,
    ShownMark,
    describe_mark,
    forget_descriptions,
)
from imitation_lens.core.exports.wording import clean_text
from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.judging.taxonomy import (
    MINOR,
    category_colour,
    category_of,
    severity_label,
)

OTHER_CLASS = "other"  # a category this version does not know
# The app's tints (alpha 70 and 130 of 255): Major marks stand out more than Minor ones.
MINOR_ALPHA, MAJOR_ALPHA = 0.27, 0.51


def rgba(colour: tuple[int, int, int], alpha: float) -> str:
    red, green, blue = colour
    return f"rgba({red}, {green}, {blue}, {alpha})"


def category_class(code: str) -> str:
    return code if category_of(code) is not None else OTHER_CLASS


def colour_of(code: str) -> tuple[int, int, int]:
    return category_colour(code)


def plain(value: str) -> str:
    """Text as the page holds it: any file can hold it, and one kind of line break."""
    if value.isascii() and "\x00" not in value and "\r" not in value:
        return value  # nearly every value: nothing to change
    value = clean_text(value)
    # One kind of line break in the file: what browsers make of "\r\n" anyway.
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def escaped(value: str) -> str:
    """A value as the template would print it: cleaned up (plain), then HTML-escaped."""
    return str(escape(plain(value)))


# Looks of a stretch of text by (category codes in order, any Major, any unsure): its classes
# and its style ("" for none), escaped. Class names come from our taxonomy only.
_LOOKS: dict[tuple[tuple[str, ...], bool, bool], tuple[str, str]] = {}
# A mark's (category code, severity) as the list shows them, escaped: the chip's class, the
# category's label, the severity's class and its label.
_MARK_LOOKS: dict[tuple[str, str], tuple[str, str, str, str]] = {}
_MEMO_SIZE = 1024  # codes come from documents: the memos stay small whatever they hold


def forget_looks() -> None:
    """Start the memos over: once a page, so they follow the taxonomy as it is now."""
    _LOOKS.clear()
    _MARK_LOOKS.clear()
    forget_descriptions()


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
        classes.append("c-" + category_class(codes[0]))
    else:
        # Overlapping marks of different categories: stripes of each colour, so both show.
        classes.append("multi")
        alpha = MAJOR_ALPHA if major else MINOR_ALPHA
        stops = []
        for i, code in enumerate(codes):
            colour = rgba(colour_of(code), alpha)
            stops.append(f"{colour} {i * 0.4:.1f}em {(i + 1) * 0.4:.1f}em")
        style = f"background-image: repeating-linear-gradient(135deg, {', '.join(stops)})"
    looks = (escaped(" ".join(classes)), escaped(style))
    if len(_LOOKS) < _MEMO_SIZE:
        _LOOKS[key] = looks
    return looks


def _mark_looks(code: str, severity: str) -> tuple[str, str, str, str]:
    looks = _MARK_LOOKS.get((code, severity))
    if looks is None:
        category = category_of(code)
        looks = (
            escaped(category_class(code)),
            # The taxonomy's labels are translated where they are shown, like the app's.
            escaped(_(category.label) if category else code or _("No category")),
            "s-minor" if severity == MINOR.code else "s-major",
            escaped(severity_label(severity)),
        )
        if len(_MARK_LOOKS) < _MEMO_SIZE:
            _MARK_LOOKS[(code, severity)] = looks
    return looks


def text_html(view: ShownAnswer) -> Markup:
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
        codes = tuple(dict.fromkeys([entry[0] for entry in covering]))
        major = any(entry[1] for entry in covering)
        unsure = any(entry[2] for entry in covering)
        # Every mark covering the stretch has its words in the tooltip, as in the app.
        title = "\n".join([entry[3] for entry in covering])
    classes, style = _looks(codes, major, unsure)
    numbered = " ".join([str(int(n)) for n in numbers])
    tag = f'<span class="{classes}" data-marks="{numbered}" title="{escaped(title)}"'
    return tag + (f' style="{style}">' if style else ">")


def marks_html(marks: list[ShownMark]) -> Markup:
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
            line += ", " + escaped(_("not sure"))
        line += f': <span class="quote">“{escaped(str(row.get("quote") or ""))}”</span>'
        if row.get("note"):
            line += f' — <span class="note">{escaped(str(row["note"]))}</span>'
        if row.get("correction"):
            should = _("Should be: {correction}").format(correction=str(row["correction"]))
            line += f' — <span class="should">{escaped(should)}</span>'
        if not mark.placed:
            line += f" <em>{escaped(_('(its place in the answer could not be found)'))}</em>"
        lines.append(line + "</li>\n")
    # Safe: every piece above is our own markup or went through escape() (in escaped).
    return Markup("".join(lines))


def json_block(value: object) -> Markup:
    """`value` as JSON to stand inside <script type="application/json">…</script>.

    Safe: with every "<" written as \\u003c nothing in it can end the block, open a comment or
    a tag, whatever the strings hold (a hostile answer's "</script>" included): the browser
    reads a script block's text up to "</script" and decodes no entity in it. JSON.parse gives
    the strings back exactly. (">" and "&" mean nothing there, and stay as they are.)
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    # In JSON a "<" can only stand inside a string, where its escape means the same.
    return Markup(text.replace("<", "\\u003c"))
