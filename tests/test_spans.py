"""Python offsets survive non-BMP characters and "\r\n" when shown in a Qt document."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from imitation_lens.core.judging.spans import OffsetMap, display_text

CASES = ["plain text", "a😀b", "line one\r\nline two", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢\r\n😀😀 end", "mixed\rcr\n"]


@pytest.mark.parametrize("text", CASES)
def test_every_substring_selected_in_qt_maps_back_exactly(qapp: Any, text: str) -> None:
    document = QTextDocument()
    document.setPlainText(display_text(text))
    mapping = OffsetMap(text)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            cursor = QTextCursor(document)
            cursor.setPosition(mapping.to_qt(start))
            cursor.setPosition(mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
            shown = cursor.selectedText().replace("\u2029", "\n")
            assert shown == _expected(text, start, end)
            if not (start > 0 and text[start - 1 : start + 1] == "\r\n"):
                assert mapping.from_qt(mapping.to_qt(start)) == start


def _expected(text: str, start: int, end: int) -> str:
    """What Qt shows for text[start:end]: a '\\r' that opens "\\r\\n" has no width of its own."""
    segment = text[start:end]
    if segment.endswith("\r") and text[end : end + 1] == "\n":
        segment = segment[:-1]
    return display_text(segment)


def test_qt_position_three_is_b_in_the_brief_example() -> None:
    mapping = OffsetMap("a😀b")
    assert mapping.to_qt(2) == 3
    assert mapping.from_qt(3) == 2
