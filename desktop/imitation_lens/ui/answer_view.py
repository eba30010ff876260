"""A read-only answer that streams in, is selected by mouse or keyboard, and shows its marks.

The view draws marks and knows which one the cursor is on; what a key means for the
annotations is decided elsewhere: the view only reports it as an action name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QTextEdit, QToolTip, QWidget

from imitation_lens.core.annotations import Mark
from imitation_lens.core.spans import OffsetMap, display_text
from imitation_lens.core.taxonomy import CATEGORIES
from imitation_lens.ui.mark_style import mark_format

# Keys pressed in an answer and the action each one asks for. Letters go by key code (with or
# without Shift, as noted), digits and signs by the character typed, whatever the layout.
LETTER_ACTIONS: dict[tuple[Qt.Key, bool], str] = {
    (Qt.Key.Key_M, False): "severity:minor",
    (Qt.Key.Key_M, True): "severity:major",
    (Qt.Key.Key_E, False): "edit",
    (Qt.Key.Key_E, True): "edit",
    (Qt.Key.Key_U, False): "unsure",
    (Qt.Key.Key_C, False): "clean",
    (Qt.Key.Key_O, False): "off_topic",
    (Qt.Key.Key_X, False): "critical",
    (Qt.Key.Key_V, False): "verdict",
}
CHARACTER_ACTIONS: dict[str, str] = {
    **{category.key: f"category:{category.code}" for category in CATEGORIES},
    "?": "help",
}


class AnswerView(QPlainTextEdit):
    action = Signal(str)
    current_mark_changed = Signal(object)  # Mark | None
    marks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)  # Tab moves on through the window, as in any form
        self._text = ""
        self._shown = 0  # how much of _text is in the document
        self._map: OffsetMap | None = None
        self._marks: dict[str, Mark] = {}
        self._current: str | None = None
        self.cursorPositionChanged.connect(self._follow_cursor)

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

    def select_range(self, start: int, end: int) -> None:
        mapping = self.offsets()
        cursor = self.textCursor()
        cursor.setPosition(mapping.to_qt(start))
        cursor.setPosition(mapping.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def cursor_offset(self) -> int:
        return self.offsets().from_qt(self.textCursor().position())

    # -- marks ----------------------------------------------------------------------------------

    @property
    def marks(self) -> list[Mark]:
        return sorted(self._marks.values(), key=lambda m: (m.start, m.end, m.id))

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = {mark.id: mark for mark in marks}
        self._current = None
        self._redraw_marks()
        self.marks_changed.emit()

    def put_mark(self, mark: Mark, make_current: bool = True) -> None:
        """Add or replace a mark and, by default, put the cursor on it."""
        self._marks[mark.id] = mark
        if make_current:
            self.go_to_mark(mark.id)
        self._redraw_marks()
        self.marks_changed.emit()

    def remove_mark(self, mark_id: str) -> None:
        self._marks.pop(mark_id, None)
        if self._current == mark_id:
            self._current = None
            self.current_mark_changed.emit(None)
        self._redraw_marks()
        self.marks_changed.emit()

    def mark(self, mark_id: str) -> Mark | None:
        return self._marks.get(mark_id)

    def current_mark(self) -> Mark | None:
        return self._marks.get(self._current) if self._current else None

    def go_to_mark(self, mark_id: str) -> None:
        """Make a mark the current one, with the cursor at its end and no selection."""
        mark = self._marks[mark_id]
        cursor = self.textCursor()
        cursor.setPosition(self.offsets().to_qt(mark.end))
        self._current = mark_id  # before moving, so the cursor keeps this one among overlaps
        self.setTextCursor(cursor)
        self._set_current(mark_id)

    def marks_at(self, offset: int, inclusive_end: bool = True) -> list[Mark]:
        return [
            m
            for m in self.marks
            if m.start <= offset < m.end or (inclusive_end and offset == m.end)
        ]

    def _follow_cursor(self) -> None:
        if not self._marks:  # e.g. while an answer streams in: no offset map to rebuild
            return
        offset = self.cursor_offset()
        current = self.current_mark()
        if current is not None and current.covers(offset):
            return
        covering = self.marks_at(offset)
        # The shortest mark is the most specific one when marks overlap.
        best = min(covering, key=lambda m: m.end - m.start) if covering else None
        self._set_current(best.id if best else None)

    def _set_current(self, mark_id: str | None) -> None:
        changed = mark_id != self._current
        self._current = mark_id
        self._redraw_marks()
        if changed or mark_id is not None:
            self.current_mark_changed.emit(self.current_mark())

    def _step_mark(self, forward: bool) -> None:
        marks = self.marks
        if not marks:
            self.action.emit("no_marks")
            return
        current = self.current_mark()
        if current is not None and current in marks:
            index = marks.index(current) + (1 if forward else -1)
        else:
            offset = self.cursor_offset()
            later = [i for i, m in enumerate(marks) if m.start >= offset]
            first_later = later[0] if later else len(marks)
            index = first_later if forward else first_later - 1
        self.go_to_mark(marks[index % len(marks)].id)

    def _redraw_marks(self) -> None:
        # ExtraSelections draw over the text without editing the document (no undo entries).
        mapping = self.offsets()
        selections = []
        # Longer marks first, so a short mark inside a long one is drawn on top and stays visible.
        for mark in sorted(self._marks.values(), key=lambda m: (-(m.end - m.start), m.start)):
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(mapping.to_qt(mark.start))
            cursor.setPosition(mapping.to_qt(mark.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = mark_format(mark, current=mark.id == self._current)
            selections.append(selection)
        self.setExtraSelections(selections)

    # -- mouse: tooltips and a menu --------------------------------------------------------------

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tooltip_at(self, point: QPoint) -> str:
        position = self.cursorForPosition(point).position()
        offset = self.offsets().from_qt(position)
        return "\n".join(mark.describe() for mark in self.marks_at(offset, inclusive_end=False))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """A double click on a mark opens its form; elsewhere it selects a word as usual."""
        offset = self.offsets().from_qt(
            self.cursorForPosition(event.position().toPoint()).position()
        )
        under = self.marks_at(offset, inclusive_end=False)
        if under:
            self.go_to_mark(min(under, key=lambda m: m.end - m.start).id)
            self.action.emit("edit")
            return
        super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        mark_menu = QMenu("Mark the selection as", menu)
        start, end = self.selection()
        mark_menu.setEnabled(end > start or self.current_mark() is not None)
        for category in CATEGORIES:
            action = mark_menu.addAction(f"{category.label}\t{category.key}")
            action.triggered.connect(
                lambda _=False, code=category.code: self.action.emit(f"category:{code}")
            )
        menu.addMenu(mark_menu)
        has_mark = self.current_mark() is not None
        for label, name in (
            ("Minor\tm", "severity:minor"),
            ("Major\tShift+M", "severity:major"),
            ("Not sure\tu", "unsure"),
            ("Edit mark…\tE", "edit"),
            ("Delete mark\tDel", "delete"),
        ):
            action = menu.addAction(label)
            action.setEnabled(has_mark)
            action.triggered.connect(lambda _=False, n=name: self.action.emit(n))
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if modifiers == Qt.KeyboardModifier.NoModifier:
            key = event.key()
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.action.emit("delete")
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.action.emit("edit")
                return
            if event.text() in ("[", "]"):
                self._step_mark(forward=event.text() == "]")
                return
            shifted = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            name = LETTER_ACTIONS.get((Qt.Key(key), shifted)) or CHARACTER_ACTIONS.get(event.text())
            if name is not None:
                self.action.emit(name)
                return
        super().keyPressEvent(event)
