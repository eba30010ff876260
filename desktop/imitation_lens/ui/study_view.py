"""The study view: several sessions read together, the study's table on one screen.

Opened from the session browser with several sessions selected. The sessions are read on the
writer's thread, the figures computed on a worker thread (core/analysis/study.py), and "Save as
HTML…" writes the page (core/exports/study_html.py) on a worker thread too: the window never
waits on the disk or the figures.
"""

from __future__ import annotations

import html
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.analysis.study import (
    ACCURACY,
    ERRORS,
    PREFERENCE,
    STYLE,
    Study,
    StudyRefused,
    study,
)
from imitation_lens.core.analysis.study_table import column_meanings, study_rows
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.exports.study_html import study_title, write_study_html
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.translation import percent
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.report_view import rows_table
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen

HEADER_WIDTH = 16  # characters per line of a column heading: the table fits 1366 pixels


class StudyView(QDialog):
    shown = Signal()  # the table is on screen
    failed = Signal(str)
    saved = Signal(str)  # the page's path

    def __init__(
        self, writer: GuiWriter, session_ids: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Study view"))
        self.setObjectName("studyView")
        fit_to_screen(self, 1340, 720)
        self.study: Study | None = None
        self.table: QTableWidget | None = None
        self.heading = QLabel(self.tr("Reading the sessions and working out the figures…"))
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setObjectName("studyHeading")
        self.meanings = QLabel()
        self.meanings.setWordWrap(True)
        self.meanings.setTextFormat(Qt.TextFormat.RichText)
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.addWidget(self.heading)
        self.body_layout.addStretch(1)
        area = QScrollArea()
        area.setWidget(self.body)
        area.setWidgetResizable(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setAccessibleDescription(self.tr("Close the study view"))
        self.save_button = QPushButton(self.tr("Save as &HTML…"))
        self.save_button.setAccessibleName(self.tr("Save as HTML"))
        self.save_button.setAccessibleDescription(
            self.tr("Write the study's table as one web page")
        )
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.choose_file)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(area, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        ids = list(session_ids)
        writer.call(
            lambda store: [session_document(store, session_id) for session_id in ids],
            self._compute,
            self._fail,
            owner=self,
        )

    def _compute(self, documents: list[dict[str, Any]]) -> None:
        failed = self.tr("The study could not be made")  # here: the worker has no translator

        def work(_: Task[Study]) -> Study:
            try:
                return study(documents)
            except StudyRefused:
                raise
            except Exception as error:  # figures that can't be made must not sink the window
                raise RuntimeError(unexpected(failed, error)) from error

        run_task(self, work, self._show, self._fail, name="study")

    def _fail(self, error: Exception) -> None:
        text = str(error) if isinstance(error, StudyRefused) else shown_fault(str(error))
        self.heading.setText(html.escape(text))
        self.failed.emit(text)

    def _show(self, result: Study) -> None:
        self.study = result
        teacher = result.teacher or self.tr("teacher")
        read = self.tr(
            "%n sessions read together, one row per model (matched by their role in the "
            "lineup). The numbers in brackets are a {interval} interval: the range the figure "
            "would likely fall in with other questions of the same kind (shown from 5 questions "
            "on).",
            "",
            len(result.sessions),
        ).format(interval=percent(0.95))
        used_for = self.tr("Sessions used for each column:")
        self.heading.setText(
            f"<h2>{html.escape(study_title(result))}</h2>"
            f"<p>{html.escape(read)}</p>"
            + f"<p>{html.escape(used_for)}</p><ul>"
            + self._sessions_line(
                result,
                PREFERENCE,
                self.tr("preference against the {teacher}").format(teacher=teacher),
            )
            + self._sessions_line(
                result, ACCURACY, self.tr("the automatic check (needs reference answers)")
            )
            + self._sessions_line(result, ERRORS, self.tr("errors marked by the evaluator"))
            + self._sessions_line(result, STYLE, self.tr("style"))
            + "</ul>"
        )
        rows = study_rows(result)
        self.table = rows_table(rows, self.tr("The study's table"))
        for column, name in enumerate(rows[0] if rows else []):
            header = self.table.horizontalHeaderItem(column)
            if header is None:
                continue
            # Headings wrap onto a few lines; the full name stays in the item's data and tooltip.
            header.setText(textwrap.fill(name, HEADER_WIDTH))
            header.setData(Qt.ItemDataRole.UserRole, name)
            header.setToolTip(name)
        # As tall as its rows, no taller: the meanings follow right under it.
        height = self.table.horizontalHeader().sizeHint().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(row) for row in range(len(rows)))
        scroll_bar = self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height + scroll_bar)
        self.body_layout.takeAt(self.body_layout.count() - 1)  # the stretch goes to the end
        self.body_layout.addWidget(self.table)
        notes = "".join(f"<li>{html.escape(note)}</li>" for note in result.notes)
        what_means = self.tr("What each column means")  # not in the f-string: lupdate skips it
        self.meanings.setText(
            (f"<ul>{notes}</ul>" if notes else "")
            + f"<p><b>{html.escape(what_means)}</b></p><ul>"
            + "".join(
                f"<li><b>{html.escape(name)}</b>: {html.escape(meaning)}</li>"
                for name, meaning in column_meanings(result)[1:]
            )
            + "</ul>"
        )
        self.body_layout.addWidget(self.meanings)
        self.body_layout.addStretch(1)
        self.save_button.setEnabled(True)
        self.shown.emit()

    def _sessions_line(self, result: Study, key: str, what: str) -> str:
        titles = result.titles(key)
        quoted = self.tr("“{title}”")
        used = (
            ", ".join(quoted.format(title=title) for title in titles)
            if titles
            else self.tr("none of them yet")
        )
        return f"<li>{html.escape(what)}: {html.escape(used)}</li>"

    # -- the page ------------------------------------------------------------------------------

    def choose_file(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the study as a web page"),
            self.tr("study.html"),
            self.tr("Web page (*.html)"),
        )
        if name:
            self.save_html(Path(name))

    def save_html(self, target: Path) -> None:
        """Write the page on a worker thread; `saved` says where once it is written."""
        result = self.study
        if result is None:
            return
        self.message.setText(self.tr("Saving…"))

        def done(path: Path) -> None:
            self.message.setText(self.tr("Saved the study as {path}.").format(path=path))
            self.saved.emit(str(path))

        def failed(error: Exception) -> None:
            reason = getattr(error, "strerror", None) or str(error)
            self.message.setText(
                self.tr("The page could not be saved: {reason}").format(reason=reason)
            )

        run_task(
            self,
            lambda _: write_study_html(result, target),
            done,
            failed,
            name="study page",
            cancel_on_close=False,
        )
