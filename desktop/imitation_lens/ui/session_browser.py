"""The session browser: find, open, rename, duplicate and delete sessions (a delete can be undone),
and read several together in the study view (ui/study_view.py)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDateTime, QLocale, Qt, QTimer, Signal
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

# Translated where they are shown (the browser's self.tr).
COLUMNS: list[str] = [
    QT_TRANSLATE_NOOP("SessionBrowser", "Title (F2 renames)"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("SessionBrowser", "Evaluator"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("SessionBrowser", "Started"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("SessionBrowser", "Lineup"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("SessionBrowser", "Items"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("SessionBrowser", "Marks"),  # type: ignore[list-item]
]


def _when(stamp: str, pattern: str) -> str:
    """A stored UTC stamp in local time; `pattern` is a QLocale date format (month names in
    the interface's language)."""
    try:
        seconds = int(datetime.fromisoformat(stamp).timestamp())
    except ValueError:
        return stamp
    return QLocale().toString(QDateTime.fromSecsSinceEpoch(seconds), pattern)


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
        self.setWindowTitle(self.tr("Sessions"))
        self.setObjectName("sessionBrowser")
        fit_to_screen(self, 980, 520)
        self.writer = writer
        self.summaries: list[SessionSummary] = []
        self._filling = False
        self._deleted: SessionSummary | None = None
        self.current_id = current_id  # the session open in the window: not deletable here
        self._note = ""

        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search the questions and answers of every session…")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search sessions"))
        self.search.setAccessibleDescription(self.tr("Words to find in prompts and answers"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr(name) for name in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows (Ctrl or Shift and a click) for the study view; the other buttons act
        # on the current row.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Sessions"))
        self.table.setAccessibleDescription(
            self.tr("Enter or a double-click opens the selected session; F2 renames it")
        )
        # A double-click opens, as everywhere else; renaming is F2 or the Rename button.
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.table.itemChanged.connect(self._renamed)
        self.table.cellActivated.connect(lambda row, _: self.open_selected())
        self.open_button = _button(
            self.tr("&Open"), self.tr("Open session"), self.tr("Continue the selected session")
        )
        self.open_button.clicked.connect(self.open_selected)
        self.rename_button = _button(
            self.tr("&Rename"), self.tr("Rename session"), self.tr("Type a new title (F2)")
        )
        self.rename_button.clicked.connect(self.rename_selected)
        self.duplicate_button = _button(
            self.tr("D&uplicate"),
            self.tr("Duplicate session"),
            self.tr("A fresh copy of the prompts and answers, unjudged"),
        )
        self.duplicate_button.clicked.connect(self.duplicate_selected)
        self.delete_button = _button(
            self.tr("&Delete…"), self.tr("Delete session"), self.tr("Delete (can be undone)")
        )
        self.delete_button.clicked.connect(self.delete_selected)
        self.study_button = _button(
            self.tr("&Study view…"),
            self.tr("Study view"),
            self.tr(
                "Read the selected sessions together: preference, accuracy and style per model"
            ),
        )
        self.study_button.clicked.connect(self.open_study)
        self.undo_button = _button(
            self.tr("&Undo delete"), self.tr("Undo delete"), self.tr("Bring the session back")
        )
        self.undo_button.clicked.connect(self.undo_delete)
        self.undo_button.hide()
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.confirm_label.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_button = _button(
            self.tr("Yes, delete"), self.tr("Confirm delete"), self.tr("Delete the session")
        )
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
        locale = QLocale()
        # A date pattern for QLocale: each language orders day, month and year its own way.
        pattern = self.tr("d MMM yyyy, HH:mm")
        for row, summary in enumerate(summaries):
            # The roles are the evaluator's own labels for the columns: shown as typed.
            lineup = ", ".join(summary.roles) + (self.tr(" · blind") if summary.blind else "")
            values = [
                summary.title,
                summary.evaluator,
                _when(summary.created_at, pattern),
                lineup,
                locale.toString(summary.items),
                locale.toString(summary.marks),
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
            self.tr(
                "%Ln session(s) with “{query}” in a question or answer.", "", len(summaries)
            ).format(query=query)
            if query
            else self.tr("%Ln session(s).", "", len(summaries))
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
                self.tr("Select two or more sessions (Ctrl and a click) to read them together.")
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
            rename,
            lambda _: self._after(self.tr("Renamed to “{title}”.").format(title=title.strip())),
            owner=self,
        )

    def duplicate_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        self.writer.call(
            lambda store: duplicate_session(store, chosen.id),
            lambda _: self._after(
                self.tr("Made a fresh copy of “{title}” to judge again.").format(title=chosen.title)
            ),
            owner=self,
        )

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        if chosen.id == self.current_id:
            self.message.setText(
                self.tr("This session is open in the window. Open or start another one first.")
            )
            return
        self.confirm_label.setText(
            self.tr("Delete “{title}” ({items}, {marks})?").format(
                title=chosen.title,
                items=self.tr("%Ln item(s)", "", chosen.items),
                marks=self.tr("%Ln mark(s)", "", chosen.marks),
            )
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
            self._after(
                self.tr("Deleted “{title}”. Undo brings it back.").format(title=chosen.title)
            )

        self.writer.call(lambda store: delete_session(store, chosen.id), deleted, owner=self)

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        session = self._deleted
        self._deleted = None
        self.undo_button.hide()
        self.writer.call(
            lambda store: restore_session(store, session.id),
            lambda _: self._after(self.tr("“{title}” is back.").format(title=session.title)),
            owner=self,
        )

    def _after(self, message: str) -> None:
        self._note = message
        self.changed.emit()
        self.refresh()
