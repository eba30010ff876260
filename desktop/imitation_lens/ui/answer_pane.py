"""A read-only answer that streams in, is selected by mouse or keyboard, and shows its marks.

The view draws marks and knows which one the cursor is on; what a key means for the
annotations is decided elsewhere: the view only reports it as an action name.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QHelpEvent, QKeyEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QTextEdit, QToolTip, QWidget

from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.markdown_view import Rendered, extend, render
from imitation_lens.core.judging.spans import ShownOffsets
from imitation_lens.ui.answer_document import AnswerStyles, write_lines
from imitation_lens.ui.answer_keys import LETTER_ACTIONS, add_mark_actions, character_action
from imitation_lens.ui.mark_style import mark_format
from imitation_lens.ui.plain_text import plain_tip
from imitation_lens.ui.raw_text import raw_text_switch

# A streamed answer is drawn again at most this often, however fast its tokens come.
RENDER_INTERVAL_MS = 60


# A German layout types [ and ] with AltGr (AltGr+8, AltGr+9), which Windows reports as Ctrl+Alt.
ALT_GR_ON_WINDOWS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


class AnswerPane(QTextEdit):
    action = Signal(str)
    current_mark_changed = Signal(object)  # Mark | None
    marks_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("answerView")  # styled in app.qss like the other text boxes
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setTabChangesFocus(True)  # Tab moves on through the window, as in any form
        self._text = ""
        self._streaming = False  # more text is coming: the last line may close its styles later
        self._raw = raw_text_switch().on
        self._rendered: Rendered = render("", markdown=not self._raw)
        self._offsets: ShownOffsets | None = None
        self._rendering = False
        self._styles = AnswerStyles(self.font())
        self._marks: dict[str, Mark] = {}
        self._current: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RENDER_INTERVAL_MS)
        self._timer.timeout.connect(self._catch_up)
        self.cursorPositionChanged.connect(self._follow_cursor)
        raw_text_switch().changed.connect(self._follow_switch)

    # -- text -----------------------------------------------------------------------------------

    @property
    def text(self) -> str:
        """The answer exactly as the model wrote it: what marks' offsets count in."""
        return self._text

    @property
    def shows_raw(self) -> bool:
        return self._raw

    def set_text(self, text: str) -> None:
        self._timer.stop()
        self._text = text
        self._streaming = False
        self._rebuild()
        self._redraw_marks()

    def append_text(self, chunk: str) -> None:
        """Add streamed text; it is drawn a moment later, with whatever else came meanwhile."""
        self._text += chunk
        self._streaming = True
        if not self._timer.isActive():
            self._timer.start()

    def finish(self, text: str) -> None:
        """The answer is complete: draw it all now (its final text, if streaming missed any)."""
        if text == self._text:
            self._streaming = False
            self._catch_up()  # the last line again, with unclosed ** now shown as written
        else:
            self.set_text(text)

    def show_raw(self, raw: bool) -> None:
        """Show the raw text or the rendered Markdown, keeping the selection, marks and place."""
        if raw != self._raw:
            self._redraw(raw)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        # Heading sizes follow the font: draw again when the style sheet or the user changes it
        # (Qt may report this before __init__ has made the drawing state).
        drawn = "_styles" in self.__dict__
        if event.type() == QEvent.Type.FontChange and drawn and self._styles.base != self.font():
            self._redraw(self._raw)

    def _redraw(self, raw: bool) -> None:
        self._catch_up()
        top = self.offsets().from_qt(self.cursorForPosition(QPoint(0, 0)).position())
        cursor = self.textCursor()
        anchor = self.offsets().from_qt(cursor.anchor())
        position = self.offsets().from_qt(cursor.position())
        current = self._current
        self._raw = raw
        self._rebuild()
        mapping = self.offsets()
        cursor = QTextCursor(self.document())
        cursor.setPosition(mapping.to_qt(anchor))
        cursor.setPosition(mapping.to_qt(position), QTextCursor.MoveMode.KeepAnchor)
        self._current = current
        self.setTextCursor(cursor)
        self._current = current if current in self._marks else None
        self._redraw_marks()
        cursor.setPosition(mapping.to_qt(top))
        scrollbar = self.verticalScrollBar()
        scrollbar.setValue(scrollbar.value() + self.cursorRect(cursor).top())

    def _follow_switch(self) -> None:
        self.show_raw(raw_text_switch().on)

    def _rebuild(self) -> None:
        """Draw the whole answer again (a new answer, or the other way of showing it)."""
        self._rendering = True
        try:
            self._rendered = render(self._text, not self._raw, self._streaming)
            self._offsets = None
            self._styles = AnswerStyles(self.font())
            self.document().clear()
            write_lines(QTextCursor(self.document()), self._rendered, 0, self._styles)
        finally:
            self._rendering = False

    def _catch_up(self) -> None:
        """Draw text that streamed in since the last drawing: its unfinished last line again and
        what follows, without disturbing the reader's selection or scroll."""
        self._timer.stop()
        drawn = self._rendered
        if self._rendering or (drawn.raw == self._text and drawn.streaming == self._streaming):
            return
        before = self._rendered
        if not self._text.startswith(before.raw):
            self._rebuild()
            self._redraw_marks()
            return
        self._rendering = True
        try:
            scrollbar = self.verticalScrollBar()
            at_bottom = scrollbar.value() >= scrollbar.maximum() - 4
            scrolled = scrollbar.value()
            first_line = before.tail[2]
            block_start = self.document().findBlockByNumber(first_line).position()
            cursor = self.textCursor()
            keep = cursor.hasSelection() and cursor.selectionEnd() > block_start
            if keep:  # the selection reaches into the line drawn again: keep it by raw offsets
                anchor = self.offsets().from_qt(cursor.anchor())
                position = self.offsets().from_qt(cursor.position())
            self._rendered = extend(before, self._text, self._streaming)
            self._offsets = None
            edit = QTextCursor(self.document())
            edit.setPosition(block_start)
            edit.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
            edit.removeSelectedText()
            write_lines(edit, self._rendered, first_line, self._styles)
            if keep:
                cursor.setPosition(self.offsets().to_qt(anchor))
                cursor.setPosition(self.offsets().to_qt(position), QTextCursor.MoveMode.KeepAnchor)
                self.setTextCursor(cursor)
            scrollbar.setValue(scrollbar.maximum() if at_bottom else scrolled)
        finally:
            self._rendering = False
        if self._marks:
            self._redraw_marks()

    def offsets(self) -> ShownOffsets:
        """Raw offsets <-> positions in the document, for the text as drawn now."""
        if not self._rendering and self._text != self._rendered.raw:
            self._catch_up()
        if self._offsets is None:
            self._offsets = ShownOffsets(self._rendered.map, self._rendered.text)
        return self._offsets

    def selection(self) -> tuple[int, int]:
        """The selection in raw offsets (markup at its ends and whitespace left out)."""
        cursor = self.textCursor()
        start, end = self.offsets().source_span(cursor.selectionStart(), cursor.selectionEnd())
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
        if not self._marks or self._rendering:  # nothing to follow, or the text is being drawn
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
        if self._rendering:
            return  # drawn once the document holds the text the offsets count in
        mapping = self.offsets()
        selections = []
        # Longer marks first, so a short mark inside a long one is drawn on top and stays visible.
        for mark in sorted(self._marks.values(), key=lambda m: (-(m.end - m.start), m.start)):
            selection = QTextEdit.ExtraSelection()
            start, end = mapping.qt_span(mark.start, mark.end)
            cursor = QTextCursor(self.document())
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
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
        return plain_tip(
            "\n".join(mark.describe() for mark in self.marks_at(offset, inclusive_end=False))
        )

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
        start, end = self.selection()
        has_mark = self.current_mark() is not None
        add_mark_actions(menu, end > start or has_mark, has_mark, self.action.emit)
        menu.exec(event.globalPos())
        menu.deleteLater()

    # -- keys -----------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        modifiers = event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier
            | Qt.KeyboardModifier.ShiftModifier
            | Qt.KeyboardModifier.GroupSwitchModifier  # AltGr on X11: [ ] on a German layout
        )
        if modifiers == ALT_GR_ON_WINDOWS and event.text() in ("[", "]"):
            modifiers = Qt.KeyboardModifier.NoModifier  # Windows reports AltGr as Ctrl+Alt
        if modifiers == Qt.KeyboardModifier.NoModifier:
            key = event.key()
            if key == Qt.Key.Key_R and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                raw_text_switch().toggle()
                return
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
            name = LETTER_ACTIONS.get((Qt.Key(key), shifted)) or character_action(event.text())
            if name is not None:
                self.action.emit(name)
                return
        super().keyPressEvent(event)
