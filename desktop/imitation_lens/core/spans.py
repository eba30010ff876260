"""Offsets into answers. Marks store Python (code point) offsets; Qt counts UTF-16 units.

Qt's document also folds "\r\n" into one paragraph break, so the text shown is not the text
stored. These helpers convert at that boundary and nowhere else.
"""

from __future__ import annotations

from bisect import bisect_left


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
