"""The report: what the marks mean, per model, with charts, and agreement between evaluators.

The session is read on the writer's thread and the figures are computed on a worker thread
(a thousand items take about a second), so the window never waits for either.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLayoutItem,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.analysis.session_report import SessionReport, build_session_report
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.exports.wording import question_sets
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.translation import percent
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.ui.bar_chart import BarChart
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.plain_text import escaped, plain_label
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen


class _ReportCounts(QObject):
    """Plural messages outside a widget: lupdate keeps the forms of self.tr(text, "", n) only."""

    def rows(self, count: int) -> str:
        return self.tr("%n row(s)", "", count)


def rows_table(rows: list[dict[str, str]], name: str) -> QTableWidget:
    columns = list(rows[0]) if rows else []
    table = QTableWidget(len(rows), len(columns))
    table.setHorizontalHeaderLabels(columns)
    for r, row in enumerate(rows):
        for c, column in enumerate(columns):
            table.setItem(r, c, QTableWidgetItem(row.get(column, "")))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    # As tall as its rows (and a scroll bar for wide tables): several tables stack in the
    # report, and a table that takes a share of the spare height shows a block of empty rows.
    table.resizeRowsToContents()
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(row) for row in range(len(rows)))
    table.setFixedHeight(height + table.horizontalScrollBar().sizeHint().height())
    table.setAccessibleName(name)
    table.setAccessibleDescription(_ReportCounts().rows(len(rows)))
    return table


class ReportView(QDialog):
    shown = Signal()  # the figures are on screen
    failed = Signal(str)

    def __init__(self, writer: GuiWriter, session_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Report"))
        self.setObjectName("reportView")
        fit_to_screen(self, 1100, 760)
        self.built: SessionReport | None = None
        self.heading = QLabel(self.tr("Working out the figures…"))
        self.heading.setWordWrap(True)
        self.heading.setObjectName("reportHeading")
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addWidget(self.heading)
        self.body_layout.addStretch(1)
        area = QScrollArea()
        area.setWidget(self.body)
        area.setWidgetResizable(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        button = close.button(QDialogButtonBox.StandardButton.Close)
        button.setAccessibleName(self.tr("Close"))
        button.setAccessibleDescription(self.tr("Close the report"))
        # The blind protocol flags answers that name their maker; the evaluator may have been
        # swayed by that, so every figure can be made without those verdicts.
        self.leave_out = QCheckBox(
            self.tr("Leave out the verdicts on questions where an answer may reveal its author")
        )
        self.leave_out.setEnabled(False)
        self.leave_out.toggled.connect(self._recompute)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.leave_out)
        layout.addWidget(close)
        self._document: dict[str, Any] | None = None
        writer.call(lambda store: session_document(store, session_id), self._compute, self._fail)

    def _compute(self, document: dict[str, Any]) -> None:
        self._document = document
        leave_out = self.leave_out.isChecked()
        failed = self.tr("The report could not be made")  # here: the worker has no translator

        def work(_: Task[SessionReport]) -> SessionReport:
            try:
                return build_session_report(document, exclude_revealing=leave_out)
            except Exception as error:  # figures that can't be made must not sink the window
                raise RuntimeError(unexpected(failed, error)) from error

        run_task(self, work, self._show, self._fail, name="report")

    def _recompute(self) -> None:
        if self._document is None:
            return
        self.leave_out.setEnabled(False)
        self._clear_body()
        self.heading.setText(self.tr("Working out the figures…"))
        self._compute(self._document)

    def _clear_body(self) -> None:
        """Everything under the heading goes: the figures are shown again from scratch."""
        while self.body_layout.count() > 1:
            item = self.body_layout.takeAt(1)
            if item is None:
                break
            _delete_item(item)

    def _fail(self, error: Exception) -> None:
        self.heading.setText(shown_fault(str(error)))
        self.failed.emit(str(error))

    def _sets_line(self) -> str:
        """Which sets the questions came from, with their licences (public sets have terms)."""
        sets = question_sets(list((self._document or {}).get("items") or []))
        if not sets:
            return ""
        return "<p>" + self.tr("Question sets: {sets}.").format(sets=html.escape(sets)) + "</p>"

    def _show(self, built: SessionReport) -> None:
        self.built = built
        figures = built.report
        judged = self.tr("%n judged item(s)", "", figures.items)
        if figures.unjudged_items:
            judged += self.tr(", %n not judged yet", "", figures.unjudged_items)
        verdicts = self.tr("%n verdict(s)", "", figures.verdicts)
        who = built.evaluator or self.tr("this computer")
        self.heading.setText(
            f"<h2>{html.escape(built.title)}</h2><p>"
            + html.escape(
                self.tr(
                    "{judged}, {verdicts}, marks by {who}. Bars show each model's figure; the "
                    "thin line across a bar's end is the range the figure would likely fall in "
                    "with other questions of the same kind ({interval} interval, shown from 5 "
                    "items on)."
                ).format(
                    judged=judged,
                    verdicts=verdicts,
                    who=who,
                    interval=percent(0.95),
                )
            )
            + "</p>"
            + self._sets_line()
        )
        last = self.body_layout.itemAt(self.body_layout.count() - 1)
        if last is not None and last.spacerItem() is not None:
            self.body_layout.takeAt(self.body_layout.count() - 1)  # the stretch goes to the end
        grid = QGridLayout()
        for index, chart in enumerate(built.charts):
            grid.addWidget(BarChart(chart.title, chart.unit, chart.bars), index // 2, index % 2)
        self.body_layout.addLayout(grid)
        if built.rows:
            self.body_layout.addWidget(QLabel("<b>" + self.tr("Per model") + "</b>"))
            self.summary_table = rows_table(built.rows, self.tr("Figures per model"))
            self.body_layout.addWidget(self.summary_table)
        for note in figures.notes:
            label = plain_label(note)
            label.setWordWrap(True)
            self.body_layout.addWidget(label)
        if built.agreement_rows:
            agreement = self.tr("Agreement between evaluators")
            self.body_layout.addWidget(
                QLabel(f"<b>{agreement}</b> ({escaped(', '.join(built.evaluators))})")
            )
            self.agreement_table = rows_table(built.agreement_rows, agreement)
            self.body_layout.addWidget(self.agreement_table)
        # The study's comparisons, then what goes beyond the study (agreement is shown above).
        self.extra_tables: list[QTableWidget] = []
        for table in built.tables():
            if table.rows is built.agreement_rows:
                continue
            heading = plain_label(table.title)
            heading.setWordWrap(True)
            heading.setStyleSheet("font-weight: bold")
            self.body_layout.addWidget(heading)
            if table.note:
                explained = plain_label(table.note)
                explained.setWordWrap(True)
                self.body_layout.addWidget(explained)
            shown = rows_table(table.rows, table.title)
            self.extra_tables.append(shown)
            self.body_layout.addWidget(shown)
        self.body_layout.addStretch(1)
        self.leave_out.setEnabled(True)
        self.shown.emit()


def _delete_item(item: QLayoutItem) -> None:
    widget = item.widget()
    if widget is not None:
        widget.deleteLater()
    inner = item.layout()
    if inner is not None:
        while inner.count():
            child = inner.takeAt(0)
            if child is None:
                break
            _delete_item(child)
        inner.deleteLater()
