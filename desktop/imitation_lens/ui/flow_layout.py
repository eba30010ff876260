"""A layout that lines its widgets up like words: a row while they fit, more rows when not.

Rows of buttons and check boxes in a narrow column (a laptop screen, six columns) wrap instead of
setting a minimum width wider than the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLabel, QLayout, QLayoutItem, QStyle, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = -1) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self._height = 0  # what the rows took at the last width they were given
        # Qt asks heightForWidth many times per layout pass (a window of six columns: thousands);
        # like QBoxLayout, answers are kept until the layout is invalidated (a widget shown,
        # hidden, relabelled or added invalidates it).
        self._heights: dict[int, int] = {}
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's item list -----------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._heights.clear()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        self._heights.clear()
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes -------------------------------------------------------------------------------------

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        height = self._heights.get(width)
        if height is None:
            height = self._heights[width] = self._arrange(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        super().invalidate()

    def sizeHint(self) -> QSize:
        # One row when there is room for it.
        width = sum(i.sizeHint().width() for i in self._visible())
        width += self._gap(Qt.Orientation.Horizontal) * max(0, len(self._visible()) - 1)
        height = max((i.sizeHint().height() for i in self._visible()), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        # As narrow as the widest single widget: every other one can go to the next row. As high
        # as the rows are at the width given last, for parents that do not ask heightForWidth
        # (a QSplitter does not).
        size = QSize()
        for item in self._visible():
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        size += QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        return size.expandedTo(QSize(0, self._height))

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        if height != self._height:
            # More (or fewer) rows: the parents lay out again with the new minimum height.
            self._height = height
            self.invalidate()
            parent = self.parentWidget()
            if parent is not None:
                parent.updateGeometry()

    # -- placing -----------------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        # A label with nothing to say yet (the speed before an answer) takes no room.
        return [i for i in self._items if not i.isEmpty() and not _blank_label(i.widget())]

    def _gap(self, orientation: Qt.Orientation) -> int:
        if self._spacing >= 0:
            return self._spacing
        parent = self.parentWidget()
        if parent is None:
            return 6
        metric = (
            QStyle.PixelMetric.PM_LayoutHorizontalSpacing
            if orientation == Qt.Orientation.Horizontal
            else QStyle.PixelMetric.PM_LayoutVerticalSpacing
        )
        gap = parent.style().pixelMetric(metric, None, parent)
        return gap if gap >= 0 else 6

    def _arrange(self, rect: QRect, move: bool) -> int:
        """Place the items in rows inside rect; returns the height that takes."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        x, y, row_height = area.x(), area.y(), 0
        across = self._gap(Qt.Orientation.Horizontal)
        down = self._gap(Qt.Orientation.Vertical)
        for item in self._visible():
            hint = item.sizeHint()
            width = min(hint.width(), max(area.width(), item.minimumSize().width()))
            if x > area.x() and x + width > area.right() + 1:
                x, y = area.x(), y + row_height + down
                row_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + across
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()


def _blank_label(widget: QWidget | None) -> bool:
    return isinstance(widget, QLabel) and not widget.text()


def flow_row(*widgets: QWidget) -> FlowLayout:
    """A FlowLayout holding these widgets, in order."""
    layout = FlowLayout()
    for widget in widgets:
        layout.addWidget(widget)
    return layout
