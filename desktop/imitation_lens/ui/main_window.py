"""The comparison window: one prompt, one column per slot, marks, export."""

from __future__ import annotations

import random
import threading
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from imitation_lens import APP_NAME
from imitation_lens.core.exports.formats import BY_NAME, FORMATS, format_for
from imitation_lens.core.exports.importer import ImportRefused, ImportResult, import_session
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.core.judging.annotations import item_state
from imitation_lens.core.judging.blind import shown_order
from imitation_lens.core.judging.taxonomy import key_range
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Status,
)
from imitation_lens.core.running.lineup import (
    LINEUP_SETTING,
    MAX_SLOTS,
    MIN_SLOTS,
    Server,
    SlotConfig,
    default_lineup,
)
from imitation_lens.core.running.runners import queued_response, runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.running.slot_worker import SlotWorker
from imitation_lens.core.servers.secrets import store_api_key
from imitation_lens.core.storage.recovery import recover_at_start
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.ui.about_dialog import show_about
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.batch_flow import BatchFlow
from imitation_lens.ui.bridge import GuiBridge
from imitation_lens.ui.columns_area import ColumnsArea
from imitation_lens.ui.evaluator_prompt import Evaluator
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.judging_bar import JudgingBar
from imitation_lens.ui.models_menu import ModelsMenu
from imitation_lens.ui.plain_text import as_html, escaped
from imitation_lens.ui.quitting import quit_keys
from imitation_lens.ui.report_view import ReportView
from imitation_lens.ui.session_browser import SessionBrowser
from imitation_lens.ui.settings_dialog import SettingsDialog
from imitation_lens.ui.shortcut_sheet import ShortcutSheet
from imitation_lens.ui.slot_column import SlotColumn
from imitation_lens.ui.slot_dialog import SlotDialog
from imitation_lens.ui.window_state import WindowState


def load_startup(store: Store) -> dict[str, Any]:
    """Everything the window needs to open: runs on the writer's thread."""
    recovered = recover_at_start(store)  # what an app that ended badly left half done
    saved = store.get_setting(LINEUP_SETTING)
    lineup = [SlotConfig.from_dict(d) for d in saved] if saved else default_lineup()
    session_id = store.latest_session_id()
    session = None if session_id is None else store.session(session_id)
    item_ids = [] if session_id is None else store.item_ids(session_id)
    item = item_state(store, item_ids[-1]) if item_ids else None
    return {
        "lineup": lineup,
        "session": session,
        "item_ids": item_ids,
        "item": item,
        "interrupted": recovered.interrupted_answers,
        "cut_off_batches": recovered.cut_off_batches,
    }


class MainWindow(QMainWindow):
    ready = Signal()  # the saved state is on screen and Run works
    session_opened = Signal(str)
    exported = Signal(str)  # the path written
    imported = Signal(str)  # the session id merged in
    import_refused = Signal(str)  # why, in plain words
    closing = Signal()  # the window went away; the writer is writing what is pending

    def __init__(self, paths: DataPaths, evaluator: str | None = None) -> None:
        """`evaluator`: the name to use if none is saved yet, instead of asking for one."""
        super().__init__()
        self.paths = paths
        self.setWindowTitle(APP_NAME)
        self.bridge = GuiBridge(self)
        self.writer = GuiWriter(paths.database, self)
        self.writer.storage_failed.connect(self._on_storage_failed)
        self.writer.storage_recovered.connect(self._on_storage_recovered)
        self.writer.closed.connect(self._on_writer_closed)
        self.columns: list[SlotColumn] = []
        self.workers: list[SlotWorker] = []
        self.lineup: list[SlotConfig] = []
        self.session_id: str | None = None
        self.blind = False
        self.blind_seed = 0
        self.annotator = Annotator(self.writer, self)
        self.annotator.message.connect(self.say)
        self.items = ItemFlow(self, self)
        self.scheduler = LocalScheduler(lambda: self.lineup, paths.models)
        self.annotator.verdict_requested.connect(self.items.focus_verdict)
        self.annotator.help_requested.connect(self.show_shortcuts)
        self._sheet: ShortcutSheet | None = None
        self._closing = False
        self._closed = False
        self._build_ui()
        self.evaluator = Evaluator(self.writer, self, evaluator)
        self.statusBar().addPermanentWidget(self.evaluator.label)
        self.window_state = WindowState(paths.window_settings, "main", self)
        self.window_state.track("columns", self.splitter)
        self.window_state.restore_geometry()
        self._set_busy(False)
        self.run_button.setEnabled(False)
        self.statusBar().showMessage("Opening your data…")
        # Assemble the bundled model early so the first Run does not wait for it.
        threading.Thread(target=self._prepare_bundled_model, daemon=True).start()
        self.writer.call(load_startup, self._on_startup, self._on_startup_failed)

    # -- layout ----------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        # The Batch menu sits between Models and Help; BatchFlow fills it.
        self.batches = BatchFlow(self, QMenu("&Batch", self))
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
        self.prompt_edit.setAccessibleDescription(
            "The question every column answers. Ctrl+Enter runs it; Tab moves on."
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setFixedHeight(72)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(
            "Reference answer (optional): hidden until the first verdict, then shown to revise"
        )
        self.reference_edit.setAccessibleName("Reference answer for the next question")
        self.reference_edit.setAccessibleDescription(
            "Optional. The item is then judged twice: first without it, then with it shown"
        )
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText("Source of the reference (optional)")
        self.source_edit.setAccessibleName("Source of the reference answer")
        self.source_edit.setAccessibleDescription("Where the reference answer comes from")
        self.run_button = QPushButton("Run  (Ctrl+Enter)")
        self.run_button.setObjectName("runButton")
        self.run_button.setAccessibleName("Run the prompt in every column")
        self.run_button.setAccessibleDescription("Send the prompt to every column (Ctrl+Enter)")
        self.run_button.clicked.connect(self.run_prompt)
        self.stop_all_button = QPushButton("Stop all  (Esc)")
        self.stop_all_button.setAccessibleName("Stop every column")
        self.stop_all_button.setAccessibleDescription("Stop every answer being written (Esc)")
        self.stop_all_button.clicked.connect(self.stop_all)
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_all_button)
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference_edit, 3)
        reference_row.addWidget(self.source_edit, 1)
        prompt_column = QVBoxLayout()
        prompt_column.addWidget(self.prompt_edit)
        prompt_column.addLayout(reference_row)
        prompt_row = QHBoxLayout()
        prompt_row.addLayout(prompt_column, 1)
        prompt_row.addLayout(buttons)
        self.columns_area = ColumnsArea()
        self.splitter: QSplitter = self.columns_area.splitter
        self.judging_bar = JudgingBar()
        self.judging_bar.submit_requested.connect(self.items.submit_verdict)
        self.judging_bar.previous_requested.connect(self.items.previous_item)
        self.judging_bar.next_requested.connect(self.items.next_item)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.banner)
        layout.addWidget(self.batches.panel)
        layout.addLayout(prompt_row)
        layout.addWidget(self.columns_area, 1)
        layout.addWidget(self.judging_bar)
        self.setCentralWidget(central)

        shortcuts: list[tuple[str | QKeySequence.StandardKey | Qt.Key, Any]] = [
            ("Ctrl+Return", self.run_prompt),
            ("Ctrl+Enter", self.run_prompt),
            (Qt.Key.Key_Escape, self.escape),
            ("Ctrl+J", self.items.focus_verdict),
            ("Ctrl+PgDown", self.items.next_item),
            ("Ctrl+PgUp", self.items.previous_item),
            *((f"Alt+{n}", partial(self.items.focus_answer, n)) for n in range(1, 7)),
        ]
        for key, slot in shortcuts:
            QShortcut(QKeySequence(key), self, slot)

        file_menu = self.menuBar().addMenu("&File")
        new_session = QAction("&New session", self)
        new_session.setShortcut(QKeySequence.StandardKey.New)
        new_session.triggered.connect(lambda: self.new_session(blind=False))
        file_menu.addAction(new_session)
        new_blind = QAction("New &blind session", self)
        new_blind.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new_blind.setStatusTip(
            "Answers appear as Answer 1…N in a counterbalanced order; who wrote which is shown "
            "after your verdict"
        )
        new_blind.triggered.connect(lambda: self.new_session(blind=True))
        file_menu.addAction(new_blind)
        sessions = QAction("&Sessions…", self)
        sessions.setShortcut(QKeySequence.StandardKey.Open)
        sessions.triggered.connect(self.open_session_browser)
        file_menu.addAction(sessions)
        export_menu = file_menu.addMenu("&Export session as")
        for export_format in FORMATS:
            action = QAction(export_format.label + "…", self)
            if export_format.name == "json":
                action.setShortcut(QKeySequence("Ctrl+E"))
                self.export_action = action
            action.triggered.connect(partial(self.choose_export_file, export_format.name))
            export_menu.addAction(action)
        import_action = QAction("&Import a colleague's session…", self)
        import_action.setShortcut(QKeySequence("Ctrl+I"))
        import_action.triggered.connect(self.choose_import_file)
        file_menu.addAction(import_action)
        report_action = QAction("&Report…", self)
        report_action.setShortcut(QKeySequence("Ctrl+R"))
        report_action.triggered.connect(self.open_report)
        file_menu.addAction(report_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcuts(quit_keys())
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.undo_action = self.annotator.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.annotator.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        preferences = QAction("&Preferences…", self)
        preferences.setShortcut(QKeySequence("Ctrl+,"))
        preferences.setStatusTip("Your name as the evaluator")
        preferences.triggered.connect(self.open_preferences)
        edit_menu.addAction(preferences)

        self.models_menu = ModelsMenu(self, self.menuBar().addMenu("&Models"))

        self.menuBar().addMenu(self.batches.menu)
        self.batches.attach()
        help_menu = self.menuBar().addMenu("&Help")
        keys = QAction("&Keyboard shortcuts", self)
        keys.setShortcuts([QKeySequence(Qt.Key.Key_F1)])
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction("&How to use Imitation Lens", self)
        about.triggered.connect(self._show_help)
        help_menu.addAction(about)
        about_app = QAction(f"&About {APP_NAME}", self)
        about_app.setMenuRole(QAction.MenuRole.AboutRole)
        about_app.triggered.connect(lambda: show_about(self, self.paths))
        help_menu.addAction(about_app)

    def open_preferences(self) -> SettingsDialog:
        dialog = SettingsDialog(self.evaluator, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.preferences = dialog
        return dialog

    def _show_help(self) -> None:
        QMessageBox.information(
            self,
            APP_NAME,
            "1. Type a question and press Run (Ctrl+Enter). Every column answers it.\n"
            "2. Read the answers. Select wrong words (mouse, or Shift+arrows in an answer) and "
            f"press {key_range()} for the kind of error; m or Shift+M sets Minor or Major; E opens the "
            "full form with a note and a correction.\n"
            "3. Tick “Checked: no errors” on answers you checked and found clean, choose which "
            "answer is better and submit the verdict. Ctrl+Page Down goes on.\n"
            "4. Everything is saved as it happens. File ▸ Export saves the session as JSON.\n\n"
            "F1 lists every key. A blind session (File ▸ New blind session) hides who wrote "
            "each answer until your verdict.",
        )

    def show_shortcuts(self) -> None:
        if self._sheet is None:
            self._sheet = ShortcutSheet(self)
        self._sheet.show()
        self._sheet.raise_()
        self._sheet.activateWindow()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # "?" reaches the window when the focused control does not use it (not in a text box).
        if event.text() == "?":
            self.show_shortcuts()
            return
        super().keyPressEvent(event)

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)

    # -- start-up --------------------------------------------------------------------------------

    def _prepare_bundled_model(self) -> None:
        try:
            ensure_bundled_model(self.paths.models)
        except ModelFileError as error:
            message = shown_fault(str(error))
            self.bridge.post(lambda: self.statusBar().showMessage(message))

    def _on_startup(self, state: dict[str, Any]) -> None:
        self.set_lineup(state["lineup"])
        session = state["session"]
        if session is None:
            self._create_session(blind=False)
        else:
            self._use_session(session["id"], bool(session.get("blind")), session.get("blind_seed"))
            self.items.item_ids = list(state["item_ids"])
        if state["item"] is not None:
            self.items.display_saved(state["item"])
        else:
            self.items.show_new()
        message = "Ready. F1 lists the keys."
        if state.get("cut_off_batches"):
            message = (
                "A batch was cut off when the app last closed. It is paused: open its session "
                "(File ▸ Sessions…) and press Resume in the batch bar to go on where it stopped."
            )
        elif state["interrupted"]:
            message = (
                f"{state['interrupted']} answer(s) were cut off when the app last closed; "
                "their text so far is kept and marked Interrupted."
            )
        self.statusBar().showMessage(message, 10000)
        self.run_button.setEnabled(True)
        self.prompt_edit.setFocus()
        self.ready.emit()

    def _on_startup_failed(self, error: Exception) -> None:
        QMessageBox.critical(
            self,
            APP_NAME,
            as_html(
                shown_fault(
                    unexpected(f"Your saved work in {self.paths.root} could not be read", error)
                )
            ),
        )

    def _use_session(self, session_id: str, blind: bool, seed: int | None) -> None:
        self.session_id = session_id
        self.blind = blind
        self.blind_seed = seed or 0
        self.items.item_ids = []
        self._update_banner()
        self.batches.session_changed(session_id)

    def _create_session(self, blind: bool) -> None:
        session_id = new_id()
        seed = random.SystemRandom().randrange(2**31)
        self._use_session(session_id, blind, seed)
        kind = "Blind session" if blind else "Session"
        title = f"{kind} of {datetime.now():%d %B %Y, %H:%M}"
        lineup = [slot.to_dict() for slot in self.lineup]
        self.writer.call(
            lambda store: store.create_session(
                title, lineup, session_id=session_id, blind=blind, blind_seed=seed
            )
        )

    def new_session(self, blind: bool = False) -> None:
        if any(c.is_busy for c in self.columns):
            self.say("Stop the answers being written (Esc) before starting a new session.")
            return
        self._create_session(blind)
        self.items.show_new()
        self.prompt_edit.clear()
        self.statusBar().showMessage(
            "New blind session: answers are shown as Answer 1…N until your verdict."
            if blind
            else "New session started.",
            8000,
        )

    def open_session_browser(self) -> SessionBrowser:
        browser = SessionBrowser(self.writer, self.session_id, self)
        browser.open_requested.connect(self.open_session)
        browser.finished.connect(browser.deleteLater)
        browser.open()
        self.session_browser = browser
        return browser

    def open_session(self, session_id: str) -> None:
        """Continue a saved session: its lineup, its items, the last one on screen."""
        if any(c.is_busy for c in self.columns):
            self.say("Stop the answers being written (Esc) before opening another session.")
            return

        def load(store: Store) -> dict[str, Any]:
            ids = store.item_ids(session_id)
            return {
                "session": store.session(session_id),
                "item_ids": ids,
                "item": item_state(store, ids[-1]) if ids else None,
            }

        def show(state: dict[str, Any]) -> None:
            session = state["session"]
            saved = [SlotConfig.from_dict(d) for d in session.get("lineup") or []]
            if MIN_SLOTS <= len(saved) <= MAX_SLOTS:
                self.set_lineup(saved)
            self._use_session(session["id"], bool(session.get("blind")), session.get("blind_seed"))
            self.items.item_ids = list(state["item_ids"])
            if state["item"] is not None:
                self.items.display_saved(state["item"])
            else:
                self.items.show_new()
            self.say(f"Opened “{session['title']}”: {len(state['item_ids'])} item(s).")
            self.session_opened.emit(session["id"])

        self.writer.call(load, show)

    # -- lineup ----------------------------------------------------------------------------------

    def set_lineup(self, lineup: list[SlotConfig]) -> None:
        for worker in self.workers:
            worker.shutdown()
        for column in self.columns:
            column.setParent(None)
            column.deleteLater()
        self.lineup = list(lineup)
        self.scheduler.reset()
        self.columns = []
        self.workers = []
        for index, slot in enumerate(self.lineup):
            column = SlotColumn(index, slot)
            column.stop_requested.connect(partial(self._stop_column, index))
            column.settings_requested.connect(partial(self.edit_slot, index))
            column.action.connect(partial(self.annotator.handle, column))
            self.splitter.addWidget(column)
            self.columns.append(column)
            self.workers.append(self._make_worker(index, slot))
        self.window_state.restore_splitter("columns")
        self.annotator.set_item(None, 1)
        self.items.item = None
        self._update_banner()

    def _make_worker(self, index: int, slot: SlotConfig) -> SlotWorker:
        make_runner = runner_factory(slot, self.scheduler, self.paths.models, self.paths.database)

        def on_event(event: Event) -> None:  # on the worker thread
            self.writer.write_event(event)
            self.bridge.post(partial(self._on_event, index, event))

        return SlotWorker(make_runner, on_event, f"{index}-{slot.role}")

    def _update_banner(self) -> None:
        stand_ins = [slot.role for slot in self.lineup if slot.note.startswith("stand-in")]
        if self.blind:
            self.banner.setText(
                "<b>Blind session.</b> The answers appear as Answer 1, 2, … in an order that "
                "changes from item to item; who wrote which, and how fast, is shown once you "
                "submit your verdict for the item."
            )
            self.banner.setVisible(True)
            return
        if stand_ins:
            self.banner.setText(
                "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, "
                "offline, so you can try the app right away; "
                f"{escaped(' and '.join(stand_ins))} {'is a stand-in' if len(stand_ins) == 1 else 'are stand-ins'}. "
                "Use a column's <i>Settings…</i> to load a real imitator or connect a teacher API."
            )
        else:
            self.banner.clear()
        self.banner.setVisible(bool(stand_ins))

    def edit_slot(self, index: int) -> None:
        if self.batches.running:
            self.say("Pause the batch before changing a column: it runs with this lineup.")
            return
        if self.columns[index].is_busy:
            self.statusBar().showMessage("Stop this column before changing its settings.", 5000)
            return
        dialog = SlotDialog(self.lineup[index], self)
        if dialog.exec() != SlotDialog.DialogCode.Accepted:
            return
        slot = dialog.result_slot()
        key = dialog.typed_key()
        if key and isinstance(slot.source, Server):
            self._keep_key(slot.source, key)
        self.lineup[index] = slot
        self.scheduler.reset()
        self.workers[index].shutdown()
        self.workers[index] = self._make_worker(index, slot)
        self.columns[index].set_slot(slot)
        self._update_banner()
        self._save_lineup()

    def _keep_key(self, endpoint: Server, key: str) -> None:
        """Put a typed key in the keychain on a worker thread; say so if it could not be kept."""

        def keep() -> None:
            if store_api_key(endpoint.base_url, key):
                return
            where = (
                f"the environment variable {endpoint.api_key_env}"
                if endpoint.api_key_env
                else "an environment variable named in the column's settings"
            )
            message = (
                f"This computer has no keychain, so the key typed for {endpoint.base_url} was not "
                f"kept. Put it in {where} and start the app again."
            )
            self.bridge.post(lambda: self.say(shown_fault(message)))

        threading.Thread(target=keep, daemon=True).start()

    def apply_lineup(self, lineup: list[SlotConfig]) -> None:
        """Use a new lineup from now on (the items already answered keep theirs)."""
        if any(c.is_busy for c in self.columns):
            self.say("Stop the answers being written (Esc) before changing the lineup.")
            return
        if self.batches.running:
            self.say("Pause the batch before changing the lineup: it runs with this one.")
            return
        self.set_lineup(lineup)
        self.items.show_new()
        self._save_lineup()
        if self.blind:  # who is in the lineup is shown with the first verdict, not before
            self.say("Lineup changed. Ask a question to compare the answers.")
        else:
            self.say(f"Lineup: {', '.join(s.role for s in lineup)}. Ask a question to compare.")

    def _save_lineup(self) -> None:
        lineup = [s.to_dict() for s in self.lineup]
        session_id = self.session_id

        def save(store: Store) -> None:
            store.set_setting(LINEUP_SETTING, lineup)
            if session_id:
                store.set_session_lineup(session_id, lineup)

        self.writer.call(save)

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
        order = list(range(len(self.columns)))
        if self.blind:
            order = shown_order(len(self.columns), len(self.items.item_ids), self.blind_seed)
        reference = self.reference_edit.text().strip()
        source = self.source_edit.text().strip()
        rows = []
        for column, slot in zip(self.columns, self.lineup, strict=True):
            response_id = new_id()
            column.begin(response_id)
            rows.append(queued_response(response_id, column.index, slot))
        session_id = self.session_id
        # Queued before any worker starts, so the rows exist before the first event is recorded.
        self.writer.call(
            lambda store: store.add_item(
                session_id, item_id, prompt, rows, reference, source, shown_order=order
            )
        )
        self.items.item_ids.append(item_id)
        self.items.new_view()
        self.reference_edit.clear()
        self.source_edit.clear()
        self.items.present(
            {
                "id": item_id,
                "prompt": prompt,
                "reference": reference,
                "reference_source": source,
                "shown_order": order,
                "phase": 1,
                "revealed_at": None,
                "verdicts": {},
            }
        )
        for worker, row in zip(self.workers, rows, strict=True):
            worker.submit(GenerationRequest(row["id"], prompt))
        self._set_busy(True)

    def _on_event(self, index: int, event: Event) -> None:
        if index < len(self.columns):
            self.columns[index].apply(event)
        if isinstance(event, FactsEvent) and event.facts.get("memory_advice"):
            if self.blind and any(c.hidden for c in self.columns):  # it names the models
                self.say(
                    "Memory is short for these models: they may answer one after another, or "
                    "slowly. Closing other programs gives them more room."
                )
            else:
                self.say(str(event.facts["memory_advice"]))
        if isinstance(event, FinishedEvent):
            self._set_busy(any(c.is_busy for c in self.columns))

    def _stop_column(self, index: int, response_id: str) -> None:
        column = self.columns[index]
        if column.state in (Status.QUEUED, Status.LOADING):
            # Nothing was written yet, so the answer can end now; the load finishes unseen.
            finished = FinishedEvent(response_id, Status.STOPPED, "")
            column.apply(finished)
            self.writer.write_event(finished)
        else:
            column.show_stopping()
        self.workers[index].stop(response_id)
        self._set_busy(any(c.is_busy for c in self.columns))

    def escape(self) -> None:
        """Esc stops what runs: the window's own answers, else a batch (paused, to resume)."""
        if any(c.is_busy for c in self.columns) or not self.batches.escape():
            self.stop_all()

    def stop_all(self) -> None:
        for column in self.columns:
            if column.is_busy and column.response_id is not None:
                self._stop_column(column.index, column.response_id)

    def _set_busy(self, busy: bool) -> None:
        batch = self.batches.running
        self.run_button.setEnabled(not busy and not batch and self.session_id is not None)
        self.run_button.setToolTip(
            "A batch is running: pause it (Esc) to ask your own question." if batch else ""
        )
        if not busy and self.stop_all_button.hasFocus():
            self.items.focus_answer(1)  # not on to whatever control comes next
        self.stop_all_button.setEnabled(busy)

    def set_running_batch(self, running: bool) -> None:
        self._set_busy(any(c.is_busy for c in self.columns))

    def release_models(self) -> None:
        """Unload the columns' models (their threads end); new ones load on the next Run."""
        for index, slot in enumerate(self.lineup):
            self.workers[index].shutdown()
            self.workers[index] = self._make_worker(index, slot)
        self.scheduler.reset()

    # -- export ----------------------------------------------------------------------------------

    def choose_export_file(self, name: str = "json") -> None:
        if self.session_id is None:
            return
        export_format = BY_NAME[name]
        stem = f"imitation-lens-session-{datetime.now():%Y%m%d-%H%M}"
        suggested = str(Path.home() / f"{stem}{export_format.suffix}")
        path, _ = QFileDialog.getSaveFileName(
            self, "Export session", suggested, f"{export_format.label} (*{export_format.suffix})"
        )
        if path:
            self.export_to(Path(path), name)

    def export_to(self, target: Path, name: str | None = None) -> None:
        """Read the session on the writer's thread, write the file on a worker thread."""
        session_id = self.session_id
        assert session_id is not None
        export_format = format_for(target, name)

        def failed(error: Exception) -> None:
            reason = getattr(error, "strerror", None) or str(error)
            QMessageBox.warning(
                self,
                APP_NAME,
                as_html(
                    shown_fault(
                        f"The export could not be written to {target}:\n{reason}\n\n"
                        "Your session is safe; choose another place and try again."
                    )
                ),
            )

        def write(document: dict[str, Any]) -> None:
            def work() -> None:
                try:
                    written = export_format.write(document, target)
                except Exception as error:
                    problem = error  # `error` is gone once the except block ends
                    self.bridge.post(lambda: failed(problem))
                    return
                self.bridge.post(lambda: self.exported.emit(str(written)))
                self.bridge.post(lambda: self.say(f"Session exported to {written}"))

            threading.Thread(target=work, name="export", daemon=True).start()

        self.writer.call(lambda store: session_document(store, session_id), write, failed)

    def choose_import_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "Import a session", str(Path.home()), "Imitation Lens session (*.json)"
        )
        if path:
            self.import_from(Path(path))

    def import_from(self, source: Path) -> None:
        """Merge a colleague's JSON export: all of it, or (with the reason) nothing."""

        def done(result: ImportResult) -> None:
            new = result.new
            self.say(
                f"Imported “{result.title}” from {result.evaluator}: {new['items']} new item(s), "
                f"{new['marks']} new mark(s), {new['verdicts']} new verdict(s)"
                + (
                    f"; {len(result.conflicts)} conflict(s) kept as they were here"
                    if result.conflicts
                    else ""
                )
                + ". File ▸ Sessions opens it."
            )
            self.imported.emit(result.session_id)

        def refused(error: Exception) -> None:
            if isinstance(error, ImportRefused):
                message = str(error)
            else:
                message = unexpected(f"{source.name} could not be read", error)
            self.say(shown_fault(f"Nothing was imported. {message}"))
            self.import_refused.emit(message)

        self.writer.call(lambda store: import_session(store, source), done, refused)

    def open_report(self) -> ReportView | None:
        if self.session_id is None:
            return None
        view = ReportView(self.writer, self.session_id, self)
        view.finished.connect(view.deleteLater)
        view.show()
        self.report_view = view
        return view

    # -- storage trouble -------------------------------------------------------------------------

    def _on_storage_failed(self, message: str) -> None:
        self.banner.setText(f"<b>Not saved yet.</b> {escaped(shown_fault(message))}")
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
        # Let the writer write what is pending first; the window goes away at once.
        event.ignore()
        if self._closing:
            return
        self._closing = True
        self.hide()
        self.closing.emit()
        for worker in self.workers:
            worker.shutdown()
        # A running batch is left paused first, so it resumes where it stopped next time.
        self.batches.close_then(self.writer.close)

    def _on_writer_closed(self) -> None:
        self._closed = True
        self.close()
