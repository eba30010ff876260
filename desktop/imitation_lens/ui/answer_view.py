"""A read-only answer that streams in, can be selected by mouse or keyboard, and shows marks."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from imitation_lens.core.spans import OffsetMap, display_text

MARK_BACKGROUND = QColor(255, 214, 214)
MARK_UNDERLINE = QColor(176, 0, 32)


@dataclass(frozen=True)
class Span:
    """A marked stretch of an answer, in Python offsets of the stored text."""

    mark_id: str
    start: int
    end: int


class AnswerView(QPlainTextEdit):
    mark_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._text = ""
        self._shown = 0  # how much of _text is in the document
        self._map: OffsetMap | None = None
        self._spans: list[Span] = []

    # -- text -----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    def set_text(self, text: str) -> None:
        self._text = text
        self._shown = len(text)
        self._map = None
        self.setPlainText(display_text(text))
        self._redraw_marks()

    def append_text(self, chunk: str) -> None:
        """Add streamed text at the end without disturbing the reader's selection or scroll."""
        self._text += chunk
        self._map = None
        # A trailing '\r' may be the first half of "\r\n": show it once the next chunk comes.
        upto = len(self._text) - (1 if self._text.endswith("\r") else 0)
        if upto <= self._shown:
            return
        scrollbar = self.verticalScrollBar()
        at_bottom = scrollbar.value() >= scrollbar.maximum() - 4
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        cursor.insertText(display_text(self._text[self._shown : upto]))
        self._shown = upto
        if at_bottom:
            scrollbar.setValue(scrollbar.maximum())

    def offsets(self) -> OffsetMap:
        if self._map is None:
            self._map = OffsetMap(self._text)
        return self._map

    def selection(self) -> tuple[int, int]:
        """The selection in Python offsets of the stored text, whitespace at its ends left out."""
        cursor = self.textCursor()
        mapping = self.offsets()
        start = mapping.from_qt(cursor.selectionStart())
        end = mapping.from_qt(cursor.selectionEnd())
        while start < end and self._text[start].isspace():
            start += 1
        while end > start and self._text[end - 1].isspace():
            end -= 1
        return start, end

    # -- marks ----------------------------------------------------------------------------------

    def set_spans(self, spans: list[Span]) -> None:
        self._spans = list(spans)
        self._redraw_marks()

    def add_span(self, span: Span) -> None:
        self._spans.append(span)
        self._redraw_marks()

    @property
    def spans(self) -> list[Span]:
        return list(self._spans)

    def _redraw_marks(self) -> None:
        # ExtraSelections draw on top of the text without editing the document (no undo entries).
        mapping = self.offsets()
        selections = []
        for span in self._spans:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(mapping.to_qt(span.start))
            cursor.setPosition(mapping.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
            char_format = QTextCharFormat()
            char_format.setBackground(MARK_BACKGROUND)
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            char_format.setUnderlineColor(MARK_UNDERLINE)
            char_format.setForeground(QColor(90, 0, 16))
            selection.cursor = cursor
            selection.format = char_format
            selections.append(selection)
        self.setExtraSelections(selections)

    # -- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.key() == Qt.Key.Key_E
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            self.mark_requested.emit()
            return
        super().keyPressEvent(event)
