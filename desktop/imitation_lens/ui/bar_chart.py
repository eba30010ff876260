"""A horizontal bar chart a non-technical reader gets at a glance: one bar per model, the value
written beside it, and the 95% interval drawn as a thin line across the bar's end."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from imitation_lens.core.housekeeping.translation import percent

Bar = tuple[str, float, float | None, float | None]  # label, value, low, high

_BAR_COLOUR = QColor(0, 114, 178)  # Okabe–Ito blue


class BarChart(QWidget):
    def __init__(
        self,
        title: str,
        unit: str,
        bars: Sequence[Bar],
        note: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.title = title
        self.unit = unit
        self.bars = list(bars)
        self.note = note
        self._title_height = 22
        self._fit_height()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)
        self.setAccessibleDescription(
            "; ".join(f"{label}: {self.format(value)}" for label, value, _, _ in self.bars)
        )

    def _title_font(self) -> QFont:
        bold = QFont(self.font())
        bold.setBold(True)
        return bold

    def _fit_height(self) -> None:
        """Room for the title on as many lines as this width needs: a long title (German's are
        longer) wraps rather than being cut at the chart's edge."""
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        metrics = QFontMetrics(self._title_font())
        width = max(80, self.width())
        needed = metrics.boundingRect(0, 0, width, 10_000, flags, self.title).height() + 6
        self._title_height = max(22, needed)
        rows = 28 * max(1, len(self.bars))
        self.setMinimumHeight(self._title_height + 22 + rows + (18 if self.note else 0))

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._fit_height()
        super().resizeEvent(event)

    def format(self, value: float) -> str:
        """The value as the interface's language writes it (57 % and 0,25 in German)."""
        if self.unit == "%":
            return percent(value / 100)
        number = QLocale().toString(float(value), "f", 2)
        return f"{number} {self.unit}" if self.unit else number

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(self._title_font())
        painter.drawText(
            QRectF(0, 0, self.width(), self._title_height),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            self.title,
        )
        painter.setFont(self.font())
        label_width = 150.0
        value_width = 70.0
        plot_width = max(40.0, self.width() - label_width - value_width - 12)
        top_value = (
            max(
                [100.0 if self.unit == "%" else 0.0]
                + [max(v, h or 0.0) for _, v, _, h in self.bars]
            )
            or 1.0
        )
        for row, (label, value, low, high) in enumerate(self.bars):
            y = self._title_height + 6.0 + row * 28
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, y, label_width - 8, 22),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            width = plot_width * max(0.0, value) / top_value
            painter.fillRect(QRectF(label_width, y + 4, width, 14), _BAR_COLOUR)
            if low is not None and high is not None:
                painter.setPen(QPen(self.palette().text().color(), 1.5))
                x_low = label_width + plot_width * max(0.0, low) / top_value
                x_high = label_width + plot_width * max(0.0, high) / top_value
                painter.drawLine(int(x_low), int(y + 11), int(x_high), int(y + 11))
                painter.drawLine(int(x_low), int(y + 6), int(x_low), int(y + 16))
                painter.drawLine(int(x_high), int(y + 6), int(x_high), int(y + 16))
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(label_width + plot_width + 6, y, value_width, 22),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self.format(value),
            )
        if self.note:
            painter.setPen(self.palette().text().color())
            painter.drawText(
                QRectF(0, self.height() - 18, self.width(), 18),
                Qt.AlignmentFlag.AlignLeft,
                self.note,
            )
        painter.end()
