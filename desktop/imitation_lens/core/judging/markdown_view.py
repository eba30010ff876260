"""An answer's Markdown as a chat app shows it, with every shown character traced to the raw text.

A line-based renderer for what chat models write: headings, bulleted and numbered lists (nested
by indentation), block quotes, rules, code fences, tables kept as text, and inline bold, italics,
strike-through, code and links (their text only). Every raw line gives exactly one shown line,
so the document has one block per raw line; only markup characters disappear, and a bullet
"•" replaces its "-". The result carries a SourceMap (core.spans), so marks keep being stored as
offsets into the raw text while the evaluator selects rendered words.

No maintained Python library gives source positions finer than lines (markdown-it-py's token
`map` is a line range, mistune has none), and marks need character offsets, hence this module.
Streaming answers are extended from their last unfinished line rather than rendered again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from imitation_lens.core.judging.markdown_inline import CODE, parse_inline
from imitation_lens.core.judging.spans import SourceMap

BULLETS = "•◦▪"
_BREAK = re.compile(r"\r\n|\r|\n")
_ORDERED = re.compile(r"\d{1,9}[.)]")


@dataclass(frozen=True)
class LineStyle:
    """How one shown line is laid out."""

    kind: str = "text"  # text, heading, item, more (an item's further lines), code, fence,
    # quote, rule, table, blank
    level: int = 0  # a heading's level, 1-6
    depth: int = 0  # list or quote nesting, from 0
    marker: str = ""  # an item's marker as shown with its space ("• ", "2. ")


@dataclass(frozen=True)
class _State:
    """What a line's rendering depends on besides the line itself."""

    fence: str = ""  # the fence that opened the code block we are in ("```"), else ""
    indents: tuple[int, ...] = ()  # the indentation of each open list level
    marker: str = ""  # the innermost item's shown marker, for its further lines


@dataclass(frozen=True)
class Rendered:
    raw: str
    text: str  # what is shown; "\n" between lines
    flags: list[int]  # style flags (core.markdown_inline) per shown character
    lines: list[LineStyle]  # one per line of `text`, one per line of `raw`
    line_starts: list[int]  # where each shown line begins in `text`
    map: SourceMap
    markdown: bool
    streaming: bool  # its last line was drawn as still being written (see parse_inline)
    # Where the last unfinished line begins (raw offset, shown offset, line number) and the
    # state there: a longer text with the same beginning is rendered again from that point.
    tail: tuple[int, int, int, _State]

    def line_text(self, number: int) -> str:
        """A shown line without its line break."""
        start = self.line_starts[number]
        end = self.line_starts[number + 1] - 1 if number + 1 < len(self.lines) else len(self.text)
        return self.text[start:end]


def render(raw: str, markdown: bool = True, streaming: bool = False) -> Rendered:
    """The text as shown; with markdown=False the raw text itself, line breaks made single.
    streaming: more text is coming, so its unfinished last line shows unclosed styles."""
    return _Builder(markdown, streaming).run(raw, 0, _State())


def extend(previous: Rendered, raw: str, streaming: bool = False) -> Rendered:
    """`raw` rendered, reusing the finished lines of `previous` when raw only adds to its text."""
    raw_from, shown_from, line, state = previous.tail
    if not raw.startswith(previous.raw[:raw_from]):
        return render(raw, previous.markdown, streaming)
    builder = _Builder(previous.markdown, streaming)
    builder.chars = list(previous.text[:shown_from])
    builder.starts = previous.map.starts[:shown_from]
    builder.ends = previous.map.ends[:shown_from]
    builder.flags = previous.flags[:shown_from]
    builder.lines = previous.lines[:line]
    builder.line_starts = previous.line_starts[:line]
    return builder.run(raw, raw_from, state)


class _Builder:
    def __init__(self, markdown: bool, streaming: bool) -> None:
        self.markdown = markdown
        self.streaming = streaming
        self.open_end = False  # the line being drawn is the unfinished one of a streaming text
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.flags: list[int] = []
        self.lines: list[LineStyle] = []
        self.line_starts: list[int] = []

    def add(self, char: str, start: int, end: int, flags: int = 0) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)
        self.flags.append(flags)

    def run(self, raw: str, position: int, state: _State) -> Rendered:
        tail: tuple[int, int, int, _State] | None = None
        length = len(raw)
        while True:
            found = _BREAK.search(raw, position)
            line_end = found.start() if found else length
            break_end = found.end() if found else length
            # A line is unfinished while it has no break, or only a '\r' that may yet be "\r\n".
            if tail is None and (found is None or (break_end == length and found.group() == "\r")):
                tail = (position, len(self.chars), len(self.lines), state)
                self.open_end = self.streaming
            self.line_starts.append(len(self.chars))
            if self.markdown:
                style, state = self.markdown_line(raw, position, line_end, state)
            else:
                style = LineStyle()
                for index in range(position, line_end):
                    self.add(raw[index], index, index + 1)
            self.lines.append(style)
            if found is None:
                break
            self.add("\n", line_end, break_end)
            position = break_end
        assert tail is not None
        return Rendered(
            raw=raw,
            text="".join(self.chars),
            flags=self.flags,
            lines=self.lines,
            line_starts=self.line_starts,
            map=SourceMap(self.starts, self.ends, length),
            markdown=self.markdown,
            streaming=self.streaming,
            tail=tail,
        )

    def inline(self, raw: str, start: int, end: int, extra: int = 0) -> None:
        shown, flags = parse_inline(raw[start:end], self.open_end)
        for index, value in zip(shown, flags, strict=True):
            self.add(raw[start + index], start + index, start + index + 1, value | extra)

    def verbatim(self, raw: str, start: int, end: int, flags: int) -> None:
        for index in range(start, end):
            self.add(raw[index], index, index + 1, flags)

    def markdown_line(
        self, raw: str, start: int, end: int, state: _State
    ) -> tuple[LineStyle, _State]:
        line = raw[start:end]
        stripped = line.strip()
        indent = _indent_width(line)
        lead = len(line) - len(line.lstrip(" \t"))  # leading characters (spaces and tabs)
        if state.fence:
            if indent <= 3 and _closes_fence(stripped, state.fence):
                return LineStyle("fence"), _State()
            self.verbatim(raw, start, end, CODE)
            return LineStyle("code"), state
        if indent <= 3 and stripped.startswith(("```", "~~~")):
            fence = stripped[: len(stripped) - len(stripped.lstrip(stripped[0]))]
            return LineStyle("fence"), _State(fence=fence)
        if not stripped:
            return LineStyle("blank"), state  # a blank line does not end a list
        if indent <= 3 and _is_rule(stripped):
            return LineStyle("rule"), _State()
        if indent <= 3 and stripped.startswith("#"):
            level = len(stripped) - len(stripped.lstrip("#"))
            after = start + lead + level
            if level <= 6 and (after == end or raw[after] in " \t"):
                content_end = _heading_end(raw, after, end)
                self.inline(raw, _skip_spaces(raw, after, end), content_end)
                return LineStyle("heading", level=level), _State()
        item = self.list_item(raw, start + lead, end, indent, state)
        if item is not None:
            return item
        if indent <= 3 and stripped.startswith(">"):
            position, depth = start + lead, 0
            while position < end and raw[position] == ">":
                depth += 1
                position = _skip_spaces(raw, position + 1, end)
            self.inline(raw, position, end)
            return LineStyle("quote", depth=depth - 1), _State()
        if stripped.startswith("|"):
            self.inline(raw, start, end)
            return LineStyle("table"), _State()
        if state.indents and indent > 0:  # an item's further line, set under its text
            self.inline(raw, start + lead, end)
            return LineStyle("more", depth=len(state.indents) - 1, marker=state.marker), state
        self.inline(raw, start, end)
        return LineStyle(), _State()

    def list_item(
        self, raw: str, position: int, end: int, indent: int, state: _State
    ) -> tuple[LineStyle, _State] | None:
        char = raw[position] if position < end else ""
        if char in ("-", "*", "+"):
            marker_end = position + 1
        else:
            found = _ORDERED.match(raw, position, end)
            if found is None:
                return None
            marker_end = found.end()
        if marker_end < end and raw[marker_end] not in " \t":
            return None
        indents = list(state.indents)
        while indents and indents[-1] > indent:
            indents.pop()
        if not indents or indents[-1] < indent:
            indents.append(indent)
        depth = len(indents) - 1
        if char in ("-", "*", "+"):
            shown = BULLETS[min(depth, len(BULLETS) - 1)]
            self.add(shown, position, marker_end)
        else:
            shown = raw[position:marker_end]
            self.verbatim(raw, position, marker_end, 0)
        if marker_end < end:
            self.add(" ", marker_end, marker_end + 1)
            shown += " "
            self.inline(raw, _skip_spaces(raw, marker_end + 1, end), end)
        style = LineStyle("item", depth=depth, marker=shown)
        return style, _State(indents=tuple(indents), marker=shown)


def _indent_width(line: str) -> int:
    width = 0
    for char in line:
        if char == " ":
            width += 1
        elif char == "\t":
            width += 4 - width % 4
        else:
            break
    return width


def _skip_spaces(raw: str, position: int, end: int) -> int:
    while position < end and raw[position] in " \t":
        position += 1
    return position


def _heading_end(raw: str, start: int, end: int) -> int:
    """Where a heading's text ends: before trailing spaces and a closing run of '#'."""
    content = raw[start:end].rstrip(" \t")
    closed = content.rstrip("#")
    if closed != content and (not closed or closed[-1] in " \t"):
        content = closed.rstrip(" \t")
    return start + len(content)


def _is_rule(stripped: str) -> bool:
    char = stripped[0]
    return (
        char in "-*_"
        and stripped.count(char) >= 3
        and all(c == char or c in " \t" for c in stripped)
    )


def _closes_fence(stripped: str, fence: str) -> bool:
    return stripped.startswith(fence) and not stripped.strip(fence[0])
