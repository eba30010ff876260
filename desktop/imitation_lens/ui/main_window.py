"""The comparison window: one prompt, one column per slot, marks, export."""

from __future__ import annotations

import threading
from dataclasses import asdict
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imitation_lens import APP_NAME
from imitation_lens.core.bundled_model import ensure_bundled_model
from imitation_lens.core.endpoint_runner import EndpointRunner
from imitation_lens.core.export import export_session
from imitation_lens.core.generation import (
    Event,
    FinishedEvent,
    GenerationRequest,
    Runner,
    Status,
)
from imitation_lens.core.lineup import (
    Endpoint,
    LocalModel,
    SlotConfig,
    default_lineup,
    threads_for,
)
from imitation_lens.core.local_runner import LocalRunner
from imitation_lens.core.model_file import ModelFileError
from imitation_lens.core.paths import DataPaths
from imitation_lens.core.slot_worker import SlotWorker
from imitation_lens.core.store import Store, new_id
from imitation_lens.ui.answer_view import Span
from imitation_lens.ui.bridge import GuiBridge
from imitation_lens.ui.recorder import Recorder
from imitation_lens.ui.slot_column import SlotColumn
from imitation_lens.ui.slot_dialog import SlotDialog

LINEUP_SETTING = "lineup"


def load_startup(store: Store) -> dict[str, Any]:
    """Everything the window needs to open: runs on the recorder thread."""
    interrupted = store.mark_unfinished_interrupted()
    saved = store.get_setting(LINEUP_SETTING)
    lineup = [SlotConfig.from_dict(d) for d in saved] if saved else default_lineup()
    session_id = store.latest_session_id()
    item = None
    if session_id is not None:
        items = store.item_ids(session_id)
        item = store.item(items[-1]) if items else None
    return {"lineup": lineup, "session_id": session_id, "item": item, "interrupted": interrupted}


class MainWindow(QMainWindow):
    ready = Signal()  # the saved state is on screen and Run works
    mark_saved = Signal(str)

    def __init__(self, paths: DataPaths) -> None:
        super().__init__()
        self.paths = paths
        self.setWindowTitle(APP_NAME)
        self.resize(1280, 800)
        self.bridge = GuiBridge(self)
        self.recorder = Recorder(paths.database, self)
        self.recorder.storage_failed.connect(self._on_storage_failed)
        self.recorder.storage_recovered.connect(self._on_storage_recovered)
        self.recorder.closed.connect(self._on_recorder_closed)
        self.columns: list[SlotColumn] = []
        self.workers: list[SlotWorker] = []
        self.lineup: list[SlotConfig] = []
        self.session_id: str | None = None
        self._closing = False
        self._closed = False
        self._build_ui()
        self._set_busy(False)
        self.run_button.setEnabled(False)
        self.statusBar().showMessage("Opening your data…")
        # Assemble the bundled model early so the first Run does not wait for it.
        threading.Thread(target=self._prepare_bundled_model, daemon=True).start()
        self.recorder.call(load_startup, self._on_startup, self._on_startup_failed)

    # -- layout ----------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setPlaceholderText(
            "Ask a factual question, e.g. “What is the capital of Australia?” — "
            "then press Run (Ctrl+Enter). Every column answers the same prompt."
        )
        self.prompt_edit.setAccessibleName("Prompt")
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setFixedHeight(86)
        self.run_button = QPushButton("Run  (Ctrl+Enter)")
        self.run_button.setObjectName("runButton")
        self.run_button.setAccessibleName("Run the prompt in every column")
        self.run_button.clicked.connect(self.run_prompt)
        self.stop_all_button = QPushButton("Stop all  (Esc)")
        self.stop_all_button.setAccessibleName("Stop every column")
        self.stop_all_button.clicked.connect(self.stop_all)
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_all_button)
        prompt_row = QHBoxLayout()
        prompt_row.addWidget(self.prompt_edit, 1)
        prompt_row.addLayout(buttons)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addLayout(prompt_row)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.run_prompt)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.stop_all)

        file_menu = self.menuBar().addMenu("&File")
        new_session = QAction("&New session", self)
        new_session.setShortcut(QKeySequence.StandardKey.New)
        new_session.triggered.connect(self.new_session)
        file_menu.addAction(new_session)
        self.export_action = QAction("&Export session as JSON…", self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.choose_export_file)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&How to use Imitation Lens", self)
        about.setShortcut(QKeySequence.StandardKey.HelpContents)
        about.triggered.connect(self._show_help)
        help_menu.addAction(about)

    def _show_help(self) -> None:
        QMessageBox.information(
            self,
            APP_NAME,
            "1. Type a question and press Run (Ctrl+Enter). Every column answers it.\n"
            "2. Read the answers. Select words that are wrong (mouse, or Shift+arrows in an "
            "answer) and press E to mark a factual error.\n"
            "3. Everything is saved as it happens. File ▸ Export saves the session as JSON.\n\n"
            "Stop a column with its Stop button, or all with Esc. Each column's Settings… "
            "chooses its model or connects a teacher API.",
        )

    # -- start-up --------------------------------------------------------------------------------

    def _prepare_bundled_model(self) -> None:
        try:
            ensure_bundled_model(self.paths.models)
        except ModelFileError as error:
            message = str(error)
            self.bridge.post(lambda: self.statusBar().showMessage(message))

    def _on_startup(self, state: dict[str, Any]) -> None:
        self.set_lineup(state["lineup"])
        self.session_id = state["session_id"]
        if self.session_id is None:
            self._create_session()
        if state["item"] is not None:
            self.prompt_edit.setPlainText(state["item"]["prompt"])
            by_slot = {r["slot_index"]: r for r in state["item"]["responses"]}
            for column in self.columns:
                if column.index in by_slot:
                    column.show_response(by_slot[column.index])
        message = "Ready."
        if state["interrupted"]:
            message = (
                f"{state['interrupted']} answer(s) were cut off when the app last closed; "
                "their text so far is kept and marked Interrupted."
            )
        self.statusBar().showMessage(message, 10000)
        self.run_button.setEnabled(True)
        self.prompt_edit.setFocus()
        self.ready.emit()

    def _on_startup_failed(self, error: Exception) -> None:
        QMessageBox.critical(self, APP_NAME, f"Your saved data could not be read: {error}")

    def _create_session(self) -> None:
        session_id = new_id()
        self.session_id = session_id
        title = f"Session of {datetime.now():%d %B %Y, %H:%M}"
        lineup = [slot.to_dict() for slot in self.lineup]
        self.recorder.call(lambda store: store.create_session(title, lineup, session_id=session_id))

    def new_session(self) -> None:
        self._create_session()
        for column in self.columns:
            column.begin_empty()
        self.prompt_edit.clear()
        self.statusBar().showMessage("New session started.", 5000)

    # -- lineup ----------------------------------------------------------------------------------

    def set_lineup(self, lineup: list[SlotConfig]) -> None:
        for worker in self.workers:
            worker.shutdown()
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.lineup = list(lineup)
        self.columns = []
        self.workers = []
        for index, slot in enumerate(self.lineup):
            column = SlotColumn(index, slot)
            column.stop_requested.connect(partial(self._stop_column, index))
            column.settings_requested.connect(partial(self.edit_slot, index))
            column.mark_requested.connect(partial(self.mark_selection, index))
            self.splitter.addWidget(column)
            self.columns.append(column)
            self.workers.append(self._make_worker(index, slot))
        self._update_banner()

    def _make_worker(self, index: int, slot: SlotConfig) -> SlotWorker:
        local_slots = sum(1 for s in self.lineup if s.is_local)
        threads = threads_for(slot, local_slots)
        models_dir = self.paths.models

        def make_runner() -> Runner:
            if isinstance(slot.source, Endpoint):
                return EndpointRunner(slot.source, slot.params)
            assert isinstance(slot.source, LocalModel)
            return LocalRunner(slot.source, slot.params, threads, models_dir)

        def on_event(event: Event) -> None:  # on the worker thread
            self.recorder.record(event)
            self.bridge.post(partial(self._on_event, index, event))

        return SlotWorker(make_runner, on_event, f"{index}-{slot.role}")

    def _update_banner(self) -> None:
        stand_ins = [slot.role for slot in self.lineup if slot.note.startswith("stand-in")]
        if stand_ins:
            self.banner.setText(
                "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, "
                "offline, so you can try the app right away; "
                f"{' and '.join(stand_ins)} {'is a stand-in' if len(stand_ins) == 1 else 'are stand-ins'}. "
                "Use a column's <i>Settings…</i> to load a real imitator or connect a teacher API."
            )
        else:
            self.banner.clear()
        self.banner.setVisible(bool(stand_ins))

    def edit_slot(self, index: int) -> None:
        if self.columns[index].is_busy:
            self.statusBar().showMessage("Stop this column before changing its settings.", 5000)
            return
        dialog = SlotDialog(self.lineup[index], self)
        if dialog.exec() != SlotDialog.DialogCode.Accepted:
            return
        slot = dialog.result_slot()
        self.lineup[index] = slot
        self.workers[index].shutdown()
        self.workers[index] = self._make_worker(index, slot)
        self.columns[index].set_slot(slot)
        self._update_banner()
        lineup = [s.to_dict() for s in self.lineup]
        session_id = self.session_id

        def save(store: Store) -> None:
            store.set_setting(LINEUP_SETTING, lineup)
            if session_id:
                store.set_session_lineup(session_id, lineup)

        self.recorder.call(save)

    # -- running ---------------------------------------------------------------------------------

    def run_prompt(self) -> None:
        prompt = self.prompt_edit.toPlainText().strip()
        if not self.run_button.isEnabled():
            return
        if not prompt:
            self.statusBar().showMessage("Type a question first, then press Run.", 5000)
            return
        assert self.session_id is not None
        item_id = new_id()
        rows = []
        for column, slot in zip(self.columns, self.lineup, strict=True):
            response_id = new_id()
            column.begin(response_id)
            rows.append(_response_row(response_id, column.index, slot))
        session_id = self.session_id
        # Queued before any worker starts, so the rows exist before the first event is recorded.
        self.recorder.call(lambda store: store.add_item(session_id, item_id, prompt, rows))
        for worker, row in zip(self.workers, rows, strict=True):
            worker.submit(GenerationRequest(row["id"], prompt))
        self._set_busy(True)

    def _on_event(self, index: int, event: Event) -> None:
        if index < len(self.columns):
            self.columns[index].apply(event)
        if isinstance(event, FinishedEvent):
            self._set_busy(any(c.is_busy for c in self.columns))

    def _stop_column(self, index: int, response_id: str) -> None:
        column = self.columns[index]
        if column.state in (Status.QUEUED, Status.LOADING):
            # Nothing was written yet, so the answer can end now; the load finishes unseen.
            finished = FinishedEvent(response_id, Status.STOPPED, "")
            column.apply(finished)
            self.recorder.record(finished)
        else:
            column.show_stopping()
        self.workers[index].stop(response_id)
        self._set_busy(any(c.is_busy for c in self.columns))

    def stop_all(self) -> None:
        for column in self.columns:
            if column.is_busy and column.response_id is not None:
                self._stop_column(column.index, column.response_id)

    def _set_busy(self, busy: bool) -> None:
        self.run_button.setEnabled(not busy and self.session_id is not None)
        self.stop_all_button.setEnabled(busy)

    # -- marking ---------------------------------------------------------------------------------

    def mark_selection(self, index: int) -> None:
        column = self.columns[index]
        if column.response_id is None or not column.answer.text:
            self.statusBar().showMessage("There is no answer here to mark yet.", 6000)
            return
        if not column.is_final:
            self.statusBar().showMessage(
                "This answer is still being written. Mark it when it has finished.", 6000
            )
            return
        start, end = column.answer.selection()
        if start >= end:
            self.statusBar().showMessage(
                "Select the wrong words first (drag with the mouse, or Shift+arrow keys in the "
                "answer), then press E.",
                8000,
            )
            return
        mark: dict[str, Any] = {
            "id": new_id(),
            "response_id": column.response_id,
            "start": start,
            "end": end,
            "quote": column.answer.text[start:end],
            "category": "wrong_claim",
            "severity": "major",
        }
        column.answer.add_span(Span(mark["id"], start, end))
        self.recorder.call(lambda store: store.add_mark(mark), self.mark_saved.emit)
        self.statusBar().showMessage(f"Marked as a factual error: “{mark['quote'][:60]}”", 6000)

    # -- export ----------------------------------------------------------------------------------

    def choose_export_file(self) -> None:
        if self.session_id is None:
            return
        suggested = str(Path.home() / f"imitation-lens-session-{datetime.now():%Y%m%d-%H%M}.json")
        path, _ = QFileDialog.getSaveFileName(self, "Export session", suggested, "JSON (*.json)")
        if path:
            self.export_to(Path(path))

    def export_to(self, target: Path) -> None:
        session_id = self.session_id
        assert session_id is not None

        def done(written: Path) -> None:
            self.statusBar().showMessage(f"Session exported to {written}", 10000)

        def failed(error: Exception) -> None:
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(
                self,
                APP_NAME,
                f"The export could not be written to {target}:\n{reason}\n\n"
                "Your session is safe; choose another place and try again.",
            )

        self.recorder.call(lambda store: export_session(store, session_id, target), done, failed)

    # -- storage trouble -------------------------------------------------------------------------

    def _on_storage_failed(self, message: str) -> None:
        self.banner.setText(f"<b>Not saved yet.</b> {message}")
        self._set_banner_alert(True)
        self.banner.setVisible(True)
        self.statusBar().showMessage(message)

    def _set_banner_alert(self, alert: bool) -> None:
        self.banner.setProperty("alert", alert)
        # A dynamic property only restyles once the style is applied again.
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)

    def _on_storage_recovered(self) -> None:
        self._set_banner_alert(False)
        self._update_banner()
        self.statusBar().showMessage("Saving works again; everything is written.", 8000)

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._closed:
            event.accept()
            return
        # Let the recorder write what is pending first; the window goes away at once.
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.hide()
        for worker in self.workers:
            worker.shutdown()
        self.recorder.close()

    def _on_recorder_closed(self) -> None:
        self._closed = True
        self.close()


def _response_row(response_id: str, index: int, slot: SlotConfig) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": response_id,
        "slot_index": index,
        "role": slot.role,
        "kind": "local" if slot.is_local else "endpoint",
        "note": slot.note,
        "params": asdict(slot.params),
    }
    if isinstance(slot.source, Endpoint):
        row |= {"endpoint_base_url": slot.source.base_url, "endpoint_model": slot.source.model}
    return row
