"""The Markdown export: each question, its answers with their marks, and the verdict.

It shows the document evaluator's final word (core/analysis/evaluator_view.py): marked stretches
in bold, each followed by its number in the list under the answer. Model and user text is made
inert: it shows as typed and builds no link, image, HTML, list or heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from imitation_lens.core.analysis.evaluator_view import final_phase, verdict_of
from imitation_lens.core.analysis.evidence import Table
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.exports.shown_answer import ShownAnswer, ShownMark, shown_answer
from imitation_lens.core.exports.wording import (
    STATUS_WORDS,
    answer_title,
    clean_text,
    plain_time,
    question_sets,
    session_title,
    status_words,
    verdict_words,
)
from imitation_lens.core.housekeeping.translation import _, number
from imitation_lens.core.judging.taxonomy import category_label, severity_label

# text is escaped, so the escaping can't touch them and the model can't forge them.
_OPEN, _CLOSE, _REF, _REF_END = "\ue000", "\ue001", "\ue002", "\ue003"
_SENTINELS = re.compile("[\ue000-\ue003]")
# Every character that starts inline Markdown, HTML, entities, math, tables or autolinks gets
# a backslash (the backslash itself first, so the ones added are not doubled).
_MD_ALWAYS = "`*_{}[]<>#|~&$=@!"
_MD_ALWAYS_FOUND = re.compile(r"[\\`*_{}\[\]<>#|~&$=@!]")
_MD_LINE_START = re.compile(r"^([\s\ue000-\ue003]*)([-+]|\d+(?=[.)]))")
_MD_WWW = re.compile(r"(?i)(www)\.")
_BOLD_LEADING_SPACE = re.compile(f"{_OPEN}(\\s+)")
_BOLD_TRAILING_SPACE = re.compile(f"(\\s+){_CLOSE}")


def markdown_escape(text: str, block: bool = True) -> str:
    """Model or user text made inert in Markdown: it shows as typed and builds nothing.

    Block constructs (lists, headings, rules, code blocks) are prevented per line when `block`
    is set; inline ones (links, images, HTML, emphasis, code, autolinks) always.
    """
    text = clean_text(text)
    if not text.isascii():
        text = _SENTINELS.sub("\ufffd", text)
    text = _escape_inline(text)
    if not block:
        return _escape_line_start(text, markers=False)
    return "\n".join(_escape_line_start(line) for line in text.split("\n"))


def _escape_inline(text: str) -> str:
    """Inline constructs made inert; character by character, so line by line or all at once."""
    if _MD_ALWAYS_FOUND.search(text) is not None:
        # str.replace per character found: much faster than a regex or str.translate on long,
        # non-ASCII text (an answer holding our bold markers is never ASCII).
        text = text.replace("\\", "\\\\")
        for character in _MD_ALWAYS:
            if character in text:
                text = text.replace(character, "\\" + character)
    if "://" in text:
        text = text.replace("://", "\\://")  # no autolink: the colon of every "://"
    if "www." in text.lower():
        text = _MD_WWW.sub(r"\1\\.", text)
    return text


def _escape_line_start(line: str, markers: bool = True) -> str:
    """A line (inline constructs already escaped) that can't start a block construct."""
    # "- ", "+ " and "1. " at a line's start would make a list; the digits' dot or bracket
    # is escaped rather than the digits.
    match = _MD_LINE_START.match(line) if markers else None
    if match:
        marker = match.group(2)
        at = match.end(2)
        line = (
            line[: match.start(2)] + "\\" + line[match.start(2) :]
            if marker in "-+"
            else line[:at] + "\\" + line[at:]
        )
    if not line.startswith((" ", "\t")):
        return line
    # Leading spaces would make a code block; no-break spaces keep the indent without that.
    stripped = line.lstrip(" \t")
    indent = line[: len(line) - len(stripped)]
    return indent.replace("\t", "\u00a0" * 4).replace(" ", "\u00a0") + stripped


def _inline(text: str) -> str:
    """User text on one line (a table cell, a list entry): line breaks become spaces."""
    # markdown_escape(..., block=False), less the indent step: no white space is left at the
    # start. "|" is escaped with the rest, which also keeps it from splitting a table cell.
    text = clean_text(" ".join(str(text).split()))
    if not text.isascii():
        text = _SENTINELS.sub("\ufffd", text)
    return _escape_inline(text)


@lru_cache(maxsize=256)
def _mark_kind(category: str, severity: str) -> str:  # cleared per document (see there)
    """A mark's category and severity as its list entry shows them: few, and met on every mark."""
    return f"**{_inline(category_label(category))}**, {_inline(severity_label(severity))}"


def _answer_markdown(view: ShownAnswer) -> list[str]:
    """The answer as blockquote lines; marked stretches bold, each mark's number after it."""
    if not view.text.strip():
        return ["> " + _("(no text)")]
    # Our markers can't be forged: the model's own private-use characters become U+FFFD.
    forged = not view.text.isascii() and _SENTINELS.search(view.text) is not None
    spaced = False  # whether any bold stretch may start or end with white space
    pieces: list[str] = []
    for text, marks, ending in view.segments:
        if forged:
            text = _SENTINELS.sub("\ufffd", text)
        if marks:
            # Bold can't run across lines in Markdown: close and reopen it at each break.
            if "\n" in text:
                text = text.replace("\n", _CLOSE + "\n" + _OPEN)
                spaced = True
            elif text[:1].isspace() or text[-1:].isspace():
                spaced = True
            text = _OPEN + text + _CLOSE
        pieces.append(text)
        for n in ending:
            pieces.append(f"{_REF}{n}{_REF_END}")
    joined = "".join(pieces)
    # Adjacent marked pieces form one bold stretch; whitespace at its edges goes outside,
    # since "** text**" is not bold in Markdown.
    joined = joined.replace(_CLOSE + _OPEN, "")
    if spaced:
        joined = _BOLD_LEADING_SPACE.sub(lambda m: m.group(1) + _OPEN, joined)
        joined = _BOLD_TRAILING_SPACE.sub(lambda m: _CLOSE + m.group(1), joined)
    joined = joined.replace(_OPEN + _CLOSE, "")
    joined = _escape_inline(clean_text(joined))
    lines = []
    for line in joined.split("\n"):
        escaped = _escape_line_start(line)
        escaped = escaped.replace(_OPEN, "**").replace(_CLOSE, "**")
        # Every number marker is ours (see above), so it always holds a number.
        escaped = escaped.replace(_REF, "\\[").replace(_REF_END, "\\]")
        lines.append(escaped)
    # A backslash at a line's end is a hard break, so the answer keeps its line breaks.
    body = [f"> {line}\\" if line.strip() else ">" for line in lines]
    if body and body[-1].endswith("\\"):
        body[-1] = body[-1][:-1]
    return body


def _mark_line(mark: ShownMark) -> str:
    row = mark.row
    kind = _mark_kind(str(row.get("category") or ""), str(row.get("severity") or ""))
    line = f"{mark.number}\\. {kind}"
    if row.get("unsure"):
        line += ", " + _("not sure")
    line += f": “{_inline(str(row.get('quote') or ''))}”"
    if row.get("note"):
        line += f" — {_inline(str(row['note']))}"
    if row.get("correction"):
        line += " — " + _("should be: {correction}").format(
            correction=_inline(str(row["correction"]))
        )
    if not mark.placed:
        line += " " + _("(its place in the answer could not be found)")
    return "- " + line


def _table(rows: list[dict[str, str]]) -> list[str]:
    columns: list[str] = []
    for row in rows:
        columns.extend(key for key in row if key not in columns)
    lines = [
        "| " + " | ".join(_inline(c) for c in columns) + " |",
        "|" + "|".join(" --- " for _unused in columns) + "|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(_inline(row.get(c, "")) for c in columns) + " |")
    return lines


def markdown_document(
    document: dict[str, Any],
    summary_rows: list[dict[str, str]] | None = None,
    sections: list[tuple[str, list[dict[str, str]]]] | None = None,
    comparisons: Sequence[Table] = (),
) -> str:
    # Category labels as the taxonomy has them now, in the language chosen now.
    _mark_kind.cache_clear()
    me = str(document.get("evaluator") or "")
    session = document.get("session") or {}
    items = list(document.get("items") or [])
    out = [
        f"# {_inline(session_title(document))}",
        "",
        "- " + _("Evaluator: {name}").format(name=_inline(me)),
        "- " + _("Questions: {count}").format(count=number(len(items))),
        "- " + _("Exported: {time}").format(time=_inline(plain_time(document.get("exported_at")))),
        "- " + (_("Blind: yes") if session.get("blind") else _("Blind: no")),
    ]
    sets = question_sets(items)
    if sets:  # public sets come with terms: say which, with the questions
        out.append("- " + _("Question sets: {sets}").format(sets=_inline(sets)))
    out += [
        "",
        _("Marked text is in **bold**; the number after it points to the list under the answer."),
        "",
    ]
    if summary_rows:
        out += ["## " + _("Summary"), "", *_table(summary_rows), ""]
    if comparisons:
        # The study's comparisons (core/analysis/evidence.py): one table each, with its note.
        out += ["## " + _("The study's comparisons"), ""]
        for table in comparisons:
            out += [f"### {_inline(table.title)}", ""]
            if table.note:
                out += [_inline(table.note), ""]
            out += [*_table(table.rows), ""]
    if sections:
        # Beyond the study (core/analysis/session_report.py `beyond_the_study`): one table each.
        out += ["## " + _("Beyond the study"), ""]
        for title, rows in sections:
            out += [f"### {_inline(title)}", "", *_table(rows), ""]
    for item in items:
        phase = final_phase(item, me, me)
        out += ["## " + _("Question {number}").format(number=item.get("position")), ""]
        out += [
            "> " + line if line else ">"
            for line in markdown_escape(item.get("prompt") or "").split("\n")
        ]
        out.append("")
        if item.get("reference"):
            reference = _("**Reference answer:** {reference}").format(
                reference=_inline(item["reference"])
            )
            if item.get("reference_source"):
                reference += " " + _("(source: {source})").format(
                    source=_inline(item["reference_source"])
                )
            out += [reference, ""]
            if item.get("aliases"):
                also = _inline("; ".join(map(str, item["aliases"])))
                out += [_("**Also accepted:** {answers}").format(answers=also), ""]
        if item.get("incorrect_answers"):
            # The set's known-wrong answers (TruthfulQA), which the automatic check refuses.
            wrong = _inline("; ".join(map(str, item["incorrect_answers"])))
            out += [
                _("**Known to be wrong** (listed by the set): {answers}").format(answers=wrong),
                "",
            ]
        for response in item.get("responses") or []:
            view = shown_answer(response, me, phase)
            out += [f"### {_inline(answer_title(response))}", ""]
            code = str(response.get("status"))
            status = status_words(code) if code in STATUS_WORDS else ""
            if status:
                error = str(response.get("error") or "")
                out += [_inline(status + (f": {error}" if error else "")), ""]
            out += [*_answer_markdown(view), ""]
            if view.marks:
                out += [_mark_line(mark) for mark in view.marks]
                out.append("")
            flags = view.flag_labels()
            if flags:
                out += ["*" + "; ".join(flags) + "*", ""]
        verdict = verdict_of(item, me, phase, me)
        line = _("**Verdict:** {verdict}").format(
            verdict=_inline(verdict_words(item, verdict, phase))
        )
        if verdict and verdict.get("reason"):
            line += " " + _("Why: {reason}").format(reason=_inline(str(verdict["reason"])))
        out += [line, "", "---", ""]
    return "\n".join(out)


def write_markdown(
    document: dict[str, Any],
    target: Path,
    summary_rows: list[dict[str, str]] | None = None,
    sections: list[tuple[str, list[dict[str, str]]]] | None = None,
    comparisons: Sequence[Table] = (),
) -> Path:
    """A readable Markdown document: the summary, the study's comparisons and the figures
    beyond it, then each question, its answers with marks, and the verdict."""
    text = markdown_document(document, summary_rows, sections, comparisons)
    return write_atomically(target, lambda stream: stream.write(text))
