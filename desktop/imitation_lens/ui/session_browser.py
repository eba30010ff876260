"""The session browser: find, open, rename, duplicate and delete sessions (a delete can be undone),
and read several together in the study view (ui/study_view.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.storage.sessions import (
    SessionSummary,
    delete_session,
    duplicate_session,
    rename_session,
    restore_session,
    session_summaries,
)
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.study_view import StudyView
from imitation_lens.ui.table_fit import fit_columns
from imitation_lens.ui.window_state import fit_to_screen

COLUMNS = ["Title (F2 renames)", "Evaluator", "Started", "Lineup", "Items", "Marks"]


def _when(stamp: str) -> str:
    try:
        return f"{datetime.fromisoformat(stamp).astimezone():%d %b %Y, %H:%M}"
    except ValueError:
        return stamp


def _button(text: str, name: str, description: str) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.setAccessibleDescription(description)
    return button


class SessionBrowser(QDialog):
    open_requested = Signal(str)  # session id
    listed = Signal()  # the table shows the latest list
    changed = Signal()  # a session was renamed, duplicated, deleted or restored
    study_opened = Signal(object)  # the StudyView just opened

    def __init__(
        self, writer: GuiWriter, current_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Sessions")
        self.setObjectName("sessionBrowser")
        fit_to_screen(self, 980, 520)
        self.writer = writer
        self.summaries: list[SessionSummary] = []
        self._filling = False
        self._deleted: SessionSummary | None = None
        self.current_id = current_id  # the session open in the window: not deletable here
        self._note = ""

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search the questions and answers of every session…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search sessions")
        self.search.setAccessibleDescription("Words to find in prompts and answers")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl or Shift and a click) for the study view; the other buttons act
        # on the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Sessions")
        self.table.setAccessibleDescription(
            "Enter or a double-click opens the selected session; F2 renames it"
        )
        # A double-click opens, as everywhere else; renaming is F2 or the Rename button.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.itemChanged.connect(self._renamed)
        self.table.cellActivated.connect(lambda row, _: self.open_selected())
        self.open_button = _button("&Open", "Open session", "Continue the selected session")
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = _button("&Rename", "Rename session", "Type a new title (F2)")
        self.rename_button.clicked.connect(self.rename_selected)
        self.duplicate_button = _button(
            "D&uplicate", "Duplicate session", "A fresh copy of the prompts and answers, unjudged"
        )
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = _button("&Delete…", "Delete session", "Delete (can be undone)")
        self.delete_button.clicked.connect(self.delete_selected)
        self.study_button = _button(
            "&Study view…",
            "Study view",
            "Read the selected sessions together: preference, accuracy and style per model",
        )
        self.study_button.clicked.connect(self.open_study)
        self.undo_button = _button("&Undo delete", "Undo delete", "Bring the session back")
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.confirm_label.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_button = _button("Yes, delete", "Confirm delete", "Delete the session")
        self.confirm_button.clicked.connect(self._confirmed_delete)
        self.confirm_button.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        for widget in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
            self.study_button,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_label)
        buttons.addWidget(self.confirm_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.refresh()

    # -- the list ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        text = self.search.text()
        self.writer.call(lambda store: session_summaries(store, text), self._show)

    def _show(self, summaries: list[SessionSummary]) -> None:
        self._filling = True
        self.summaries = summaries
        self.table.setRowCount(len(summaries))
        for row, summary in enumerate(summaries):
            lineup = ", ".join(summary.roles) + (" · blind" if summary.blind else "")
            values = [
                summary.title,
                summary.evaluator,
                _when(summary.created_at),
                lineup,
                str(summary.items),
                str(summary.marks),
            ]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column != 0:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
        self._filling = False
        if summaries and self.table.currentRow() < 0:
            self.table.selectRow(0)
        query = self.search.text().strip()
        count = (
            f"{len(summaries)} session(s) with “{query}” in a question or answer."
            if query
            else f"{len(summaries)} session(s)."
        )
        self.message.setText(f"{self._note} {count}".strip())
        self._note = ""
        self.listed.emit()

    def selected(self) -> SessionSummary | None:
        row = self.table.currentRow()
        return self.summaries[row] if 0 <= row < len(self.summaries) else None

    def selected_ids(self) -> list[str]:
        """The selected sessions, in the list's order."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.summaries[row].id for row in rows if row < len(self.summaries)]

    # -- actions ---------------------------------------------------------------------------------

    def open_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.open_requested.emit(chosen.id)
            self.accept()

    def open_study(self) -> StudyView | None:
        ids = self.selected_ids()
        if len(ids) < 2:
            self.message.setText(
                "Select two or more sessions (Ctrl and a click) to read them together."
            )
            return None
        view = StudyView(self.writer, ids, self.parentWidget() or self)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        self.study_opened.emit(view)
        return view

    def rename_selected(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        if item is not None:
            self.table.setFocus()
            self.table.editItem(item)

    def _renamed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0 or item.row() >= len(self.summaries):
            return
        session_id, title = self.summaries[item.row()].id, item.text()

        def rename(store: Store) -> None:
            rename_session(store, session_id, title)

        self.writer.call(
            rename, lambda _: self._after(f"Renamed to “{title.strip()}”."), owner=self
        )

    def duplicate_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.writer.call(
            lambda store: duplicate_session(store, chosen.id),
            lambda _: self._after(f"Made a fresh copy of “{chosen.title}” to judge again."),
            owner=self,
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.id == self.current_id:
            self.message.setText(
                "This session is open in the window. Open or start another one first."
            )
            return
        self.confirm_label.setText(
            f"Delete “{chosen.title}” ({chosen.items} items, {chosen.marks} marks)?"
        )
        self.confirm_label.show()
        self.confirm_button.show()
        self.confirm_button.setFocus()

    def _confirmed_delete(self) -> None:
        chosen = self.selected()
        self.confirm_label.hide()
        self.confirm_button.hide()
        if chosen is None:
            return
        self._deleted = chosen

        def deleted(_: object) -> None:
            self.undo_button.show()
            self._after(f"Deleted “{chosen.title}”. Undo brings it back.")

        self.writer.call(lambda store: delete_session(store, chosen.id), deleted, owner=self)

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        session = self._deleted
        self._deleted = None
        self.undo_button.hide()
        self.writer.call(
            lambda store: restore_session(store, session.id),
            lambda _: self._after(f"“{session.title}” is back."),
            owner=self,
        )

    def _after(self, message: str) -> None:
        self._note = message
        self.changed.emit()
        self.refresh()
