"""The answer columns side by side, scrolling when they do not all fit the window.

Columns keep a readable width; with four to six of them on a laptop screen the area scrolls
sideways (and, in a very short window, down) instead of the window growing past the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QSplitter, QWidget


class ColumnsSplitter(QSplitter):
    """A splitter whose minimum height counts wrapped lines at the columns' real widths.

    QSplitter asks its panes for a minimum size that ignores word wrap, so a long wrapped
    message would squeeze the controls under it; this asks each pane for its height at its
    width instead."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setChildrenCollapsible(False)
        self._needed = 0

    def _panes(self) -> list[QWidget]:
        panes = (self.widget(i) for i in range(self.count()))
        return [p for p in panes if p is not None and not p.isHidden()]

    def _needed_height(self) -> int:
        needed = 0
        for pane in self._panes():
            minimum = pane.minimumSizeHint().height()
            if pane.hasHeightForWidth():
                hint = pane.sizeHint()
                wrapped = pane.heightForWidth(max(pane.width(), pane.minimumWidth()))
                # What the narrower width adds in wrapped lines, on top of the minimum.
                minimum += max(0, wrapped - pane.heightForWidth(hint.width()))
            needed = max(needed, minimum)
        return needed

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(hint.width(), max(hint.height(), self._needed_height()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self._needed_height()
        if needed != self._needed:
            self._needed = needed
            self.updateGeometry()  # the scroll area lets the panes have their height


class ColumnsArea(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("columnsArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # The columns' own controls take the focus; the area only scrolls them into view.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Answers"))
        self.setAccessibleDescription(
            self.tr("The answer columns; scrolls when they do not all fit")
        )
        self.splitter = ColumnsSplitter()
        self.setWidget(self.splitter)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._follow_focus)

    def _follow_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Alt+5 or Tab into a column scrolled out of view brings the whole column into view."""
        if new is None or not self.splitter.isAncestorOf(new):
            return
        column: QWidget | None = new
        while column is not None and column.parentWidget() is not self.splitter:
            column = column.parentWidget()
        if column is None:
            return
        bar = self.horizontalScrollBar()
        left, right, room = column.x(), column.x() + column.width(), self.viewport().width()
        if right > bar.value() + room:
            bar.setValue(right - room)
        if left < bar.value():
            bar.setValue(left)
        self.ensureWidgetVisible(new, 0, 0)  # and the control itself, up or down
