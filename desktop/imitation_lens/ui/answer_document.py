"""Writes a rendered answer (core.markdown_view) into a text document, one block per line.

Only the Markdown's own look is written here: fonts, indents, code backgrounds. Marks are never
written into the document; the answer view draws them over it (ExtraSelections).
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
    QTextLength,
)

from imitation_lens.core.judging.markdown_inline import BOLD, CODE, ITALIC, LINK, STRIKE
from imitation_lens.core.judging.markdown_view import LineStyle, Rendered

HEADING_SCALE = {1: 1.4, 2: 1.25, 3: 1.12}
INDENT = 18.0  # pixels per list or quote level
LIST_MARGIN = 10.0  # lists and quotes sit a little in from the text around them
MAX_DEPTH = 8  # deeper nesting is drawn at this depth, so hostile answers stay readable
CODE_BACKGROUND = QColor(240, 240, 240)
LINK_COLOUR = QColor(26, 87, 176)
QUOTE_COLOUR = QColor(85, 85, 85)


class AnswerStyles:
    """Character and block formats for rendered lines, made once per look and reused."""

    def __init__(self, base: QFont) -> None:
        self.base = base
        self.metrics = QFontMetricsF(base)
        self.fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families()
        self._chars: dict[tuple[int, str, int], QTextCharFormat] = {}

    def char_format(self, flags: int, line: LineStyle) -> QTextCharFormat:
        key = (flags, line.kind, line.level)
        found = self._chars.get(key)
        if found is None:
            found = self._chars[key] = self._make_char_format(flags, line)
        return found

    def _make_char_format(self, flags: int, line: LineStyle) -> QTextCharFormat:
        char_format = QTextCharFormat()
        if flags & BOLD or line.kind == "heading":
            char_format.setFontWeight(QFont.Weight.Bold)
        if line.kind == "heading" and line.level in HEADING_SCALE:
            size = self.base.pointSizeF()
            if size > 0:
                char_format.setFontPointSize(size * HEADING_SCALE[line.level])
        if flags & ITALIC:
            char_format.setFontItalic(True)
        if flags & STRIKE:
            char_format.setFontStrikeOut(True)
        if flags & CODE or line.kind == "table":
            char_format.setFontFamilies(self.fixed)
            char_format.setFontFixedPitch(True)
            if line.kind not in ("code", "table"):
                char_format.setBackground(CODE_BACKGROUND)
        if flags & LINK:
            # Colour only, no underline: underlines are how marks show their severity.
            char_format.setForeground(LINK_COLOUR)
        if line.kind == "quote":
            char_format.setForeground(QUOTE_COLOUR)
        return char_format

    def block_format(self, line: LineStyle) -> QTextBlockFormat:
        block_format = QTextBlockFormat()
        depth = min(line.depth, MAX_DEPTH)
        if line.kind == "heading":
            block_format.setTopMargin(6 if line.level <= 2 else 4)
            block_format.setBottomMargin(2)
        elif line.kind in ("item", "more"):
            marker = self.metrics.horizontalAdvance(line.marker)
            block_format.setLeftMargin(LIST_MARGIN + INDENT * depth + marker)
            if line.kind == "item":
                block_format.setTextIndent(-marker)  # the marker hangs left of the text
        elif line.kind in ("code", "fence"):
            block_format.setBackground(CODE_BACKGROUND)
            block_format.setLeftMargin(4)
        elif line.kind == "quote":
            block_format.setLeftMargin(LIST_MARGIN + INDENT * depth)
        elif line.kind == "rule":
            block_format.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
        return block_format


def write_lines(cursor: QTextCursor, rendered: Rendered, first: int, styles: AnswerStyles) -> None:
    """Write lines `first`.. at the cursor, which is at the start of an empty last block."""
    thin = QTextCharFormat()  # a fence line is empty: a small font makes it a thin padding
    if styles.base.pointSizeF() > 0:
        thin.setFontPointSize(max(1.0, styles.base.pointSizeF() / 2))
    cursor.beginEditBlock()  # one layout pass for the lot, not one per insert
    try:
        _write(cursor, rendered, first, styles, thin)
    finally:
        cursor.endEditBlock()


def _write(
    cursor: QTextCursor,
    rendered: Rendered,
    first: int,
    styles: AnswerStyles,
    thin: QTextCharFormat,
) -> None:
    text, flags = rendered.text, rendered.flags
    plain = QTextCharFormat()
    for number in range(first, len(rendered.lines)):
        line = rendered.lines[number]
        empty_format = thin if line.kind == "fence" else plain
        if number == first:
            cursor.setBlockFormat(styles.block_format(line))
            cursor.setBlockCharFormat(empty_format)
        else:
            cursor.insertBlock(styles.block_format(line), empty_format)
        position = rendered.line_starts[number]
        end = position + len(rendered.line_text(number))
        while position < end:  # one insert per run of equally styled characters
            run_end = position + 1
            while run_end < end and flags[run_end] == flags[position]:
                run_end += 1
            cursor.insertText(text[position:run_end], styles.char_format(flags[position], line))
            position = run_end
