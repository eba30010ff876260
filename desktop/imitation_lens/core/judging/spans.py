"""Offsets into answers. Marks store Python (code point) offsets; Qt counts UTF-16 units.

Qt's document also folds "\r\n" into one paragraph break, so the text shown is not the text
stored. These helpers convert at that boundary and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


def display_text(text: str) -> str:
    """The text as a QTextDocument will hold it: every line break a single '\\n'."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


class OffsetMap:
    """Maps between Python offsets in `text` and positions in the document showing it."""

    def __init__(self, text: str) -> None:
        self.text = text
        positions = [0] * (len(text) + 1)
        qt = 0
        for index, char in enumerate(text):
            positions[index] = qt
            if char == "\r" and index + 1 < len(text) and text[index + 1] == "\n":
                continue  # "\r\n" is one break in the document; the '\n' carries it
            qt += 2 if ord(char) > 0xFFFF else 1
        positions[len(text)] = qt
        self._qt_positions = positions

    def to_qt(self, offset: int) -> int:
        return self._qt_positions[max(0, min(offset, len(self.text)))]

    def from_qt(self, position: int) -> int:
        """The Python offset at a document position (the start of a char a position splits)."""
        index = bisect_left(self._qt_positions, position)
        return min(index, len(self.text))


class SourceMap:
    """Where each character of a shown text came from in the source (raw) text.

    Shown character i stands for source[starts[i]:ends[i]]: usually one character; "\\n" for a
    "\\r\\n" stands for two, a list bullet for its "-". Markup the view hides (`**`, `#`) belongs to
    no shown character. Both lists rise monotonically and the spans never overlap, which is what
    makes every conversion a binary search.
    """

    def __init__(self, starts: list[int], ends: list[int], source_length: int) -> None:
        self.starts = starts
        self.ends = ends
        self.source_length = source_length

    def to_shown(self, offset: int) -> int:
        """The shown position (between characters) for a source offset: before the first shown
        character that ends after it."""
        return bisect_right(self.ends, offset)

    def to_source(self, position: int) -> int:
        if position < len(self.starts):
            return self.starts[max(0, position)]
        return self.source_length

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span a selection of shown characters covers, markup at its ends left out."""
        if start >= end:
            offset = self.to_source(start)
            return offset, offset
        return self.starts[start], self.ends[end - 1]

    def shown_span(self, start: int, end: int) -> tuple[int, int]:
        """The shown characters a source span covers; a span of hidden markup only is drawn on
        the nearest shown character, so no mark is ever invisible."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        if first < last or start >= end:
            return first, max(first, last)
        if first < len(self.starts):
            return first, first + 1
        return max(0, first - 1), first


class ShownOffsets:
    """Source offsets <-> Qt positions in a document holding a shown text (see SourceMap)."""

    def __init__(self, source: SourceMap, shown: str) -> None:
        self.source = source
        self.qt = OffsetMap(shown)

    def to_qt(self, offset: int) -> int:
        return self.qt.to_qt(self.source.to_shown(offset))

    def from_qt(self, position: int) -> int:
        return self.source.to_source(self.qt.from_qt(position))

    def qt_span(self, start: int, end: int) -> tuple[int, int]:
        first, last = self.source.shown_span(start, end)
        return self.qt.to_qt(first), self.qt.to_qt(last)

    def source_span(self, qt_start: int, qt_end: int) -> tuple[int, int]:
        return self.source.source_span(self.qt.from_qt(qt_start), self.qt.from_qt(qt_end))
