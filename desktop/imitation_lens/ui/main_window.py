"""The comparison window: one prompt, one column per slot, marks, export.

The window holds what its parts share (the session on screen, the lineup, the columns); each
part is a module that sees the window through a small interface: prompt_run (the prompt bar,
Run, Stop), window_lineup, item_flow, batch_flow, models_menu, window_menus (File, Edit, Help,
keys), window_export (export, import), window_startup and window_banner.
"""

from __future__ import annotations

import random
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter, QVBoxLayout, QWidget

from imitation_lens import APP_NAME
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import item_state
from imitation_lens.core.running.lineup import (
    LINEUP_SETTING,
    MAX_SLOTS,
    MIN_SLOTS,
    SlotConfig,
)
from imitation_lens.core.running.made_lineup import startup_lineup
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.recovery import recover_at_start
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.ui import window_lineup
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.batch_flow import BatchFlow
from imitation_lens.ui.columns_area import ColumnsArea
from imitation_lens.ui.evaluator_prompt import Evaluator
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.judging_bar import JudgingBar
from imitation_lens.ui.models_menu import ModelsMenu
from imitation_lens.ui.prompt_run import PromptRun
from imitation_lens.ui.report_view import ReportView
from imitation_lens.ui.session_browser import SessionBrowser
from imitation_lens.ui.settings_dialog import SettingsDialog
from imitation_lens.ui.shortcut_sheet import ShortcutSheet
from imitation_lens.ui.slot_column import SlotColumn
from imitation_lens.ui.tasks import run_task
from imitation_lens.ui.window_banner import Banner
from imitation_lens.ui.window_export import (
    choose_export_target,
    choose_import_source,
    export_session,
    import_session_file,
)
from imitation_lens.ui.window_menus import add_file_and_edit_menus, add_help_menu, add_shortcuts
from imitation_lens.ui.window_startup import (
    prepare_bundled_model,
    show_startup_failed,
    startup_message,
)
from imitation_lens.ui.window_state import WindowState


def load_startup(store: Store) -> dict[str, Any]:
    """Everything the window needs to open: runs on the writer's thread."""
    recovered = recover_at_start(store)  # what an app that ended badly left half done
    saved = store.get_setting(LINEUP_SETTING)
    lineup = [SlotConfig.from_dict(d) for d in saved] if saved else startup_lineup(store)
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
        self.writer = GuiWriter(paths.database, self)
        self.writer.storage_failed.connect(self._on_storage_failed)
        self.writer.storage_recovered.connect(self._on_storage_recovered)
        self.writer.closed.connect(self._on_writer_closed)
        self.columns: list[SlotColumn] = []
        self.lineup: list[SlotConfig] = []
        self.session_id: str | None = None
        self.blind = False
        self.blind_seed = 0
        self.annotator = Annotator(self.writer, self)
        self.annotator.message.connect(self.say)
        self.items = ItemFlow(self, self)
        self.scheduler = LocalScheduler(lambda: self.lineup, paths.models)
        self.prompt_run = PromptRun(self, self)
        self.prompt_edit = self.prompt_run.prompt_edit
        self.reference_edit = self.prompt_run.reference_edit
        self.source_edit = self.prompt_run.source_edit
        self.run_button = self.prompt_run.run_button
        self.stop_all_button = self.prompt_run.stop_all_button
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
        self.prompt_run.set_busy(False)
        self.run_button.setEnabled(False)
        self.statusBar().showMessage(self.tr("Opening your data…"))
        # Assemble the bundled model early so the first Run does not wait for it.
        run_task(
            self,
            partial(prepare_bundled_model, paths.models),
            self._bundled_model_ready,
            name="bundled model",
        )
        self.writer.call(load_startup, self._on_startup, self._on_startup_failed)

    # -- layout ----------------------------------------------------------------------------------

    def _build_ui(self) -> None:
        # The Batch menu sits between Models and Help; BatchFlow fills it.
        self.batches = BatchFlow(self, self, QMenu(self.tr("&Batch"), self))
        self.banner = Banner()
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
        layout.addLayout(self.prompt_run.prompt_row())
        layout.addWidget(self.columns_area, 1)
        layout.addWidget(self.judging_bar)
        self.setCentralWidget(central)

        add_shortcuts(self, self)
        actions = add_file_and_edit_menus(self, self)
        self.export_action = actions.export_json
        self.undo_action = actions.undo
        self.redo_action = actions.redo
        self.models_menu = ModelsMenu(self, self, self.menuBar().addMenu(self.tr("&Models")))
        self.menuBar().addMenu(self.batches.menu)
        self.batches.attach(self.annotator, self.judging_bar)
        add_help_menu(self, self)

    def open_preferences(self) -> SettingsDialog:
        dialog = SettingsDialog(self.evaluator, self.paths.window_settings, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.preferences = dialog
        return dialog

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

    def _bundled_model_ready(self, problem: str | None) -> None:
        if problem:
            self.statusBar().showMessage(problem)

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
        self.statusBar().showMessage(startup_message(state), 10000)
        self.run_button.setEnabled(True)
        self.prompt_edit.setFocus()
        self.ready.emit()

    def _on_startup_failed(self, error: Exception) -> None:
        show_startup_failed(self, self.paths.root, error)

    def _use_session(self, session_id: str, blind: bool, seed: int | None) -> None:
        self.session_id = session_id
        self.blind = blind
        self.blind_seed = seed or 0
        self.items.item_ids = []
        self.banner.show_lineup(self.lineup, self.blind)
        self.batches.session_changed(session_id)

    def _create_session(self, blind: bool) -> None:
        session_id = new_id()
        seed = random.SystemRandom().randrange(2**31)
        self._use_session(session_id, blind, seed)
        # The title is the person's to rename: made in their language (the date too).
        moment = QLocale().toString(QDateTime.currentDateTime(), self.tr("dd MMMM yyyy, HH:mm"))
        if blind:
            title = self.tr("Blind session of {moment}").format(moment=moment)
        else:
            title = self.tr("Session of {moment}").format(moment=moment)
        lineup = [slot.to_dict() for slot in self.lineup]
        self.writer.call(
            lambda store: store.create_session(
                title, lineup, session_id=session_id, blind=blind, blind_seed=seed
            )
        )

    def new_session(self, blind: bool = False) -> None:
        if any(c.is_busy for c in self.columns):
            self.say(self.tr("Stop the answers being written (Esc) before starting a new session."))
            return
        self._create_session(blind)
        self.items.show_new()
        self.prompt_edit.clear()
        self.statusBar().showMessage(
            self.tr("New blind session: answers are shown as Answer 1…N until your verdict.")
            if blind
            else self.tr("New session started."),
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
            self.say(
                self.tr("Stop the answers being written (Esc) before opening another session.")
            )
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
            self.say(
                self.tr("Opened “{title}”: %n item(s).", "", len(state["item_ids"])).format(
                    title=session["title"]
                )
            )
            self.session_opened.emit(session["id"])

        self.writer.call(load, show)

    # -- lineup ----------------------------------------------------------------------------------

    def set_lineup(self, lineup: list[SlotConfig]) -> None:
        window_lineup.set_lineup(self, lineup, self.edit_slot)

    def edit_slot(self, index: int) -> None:
        window_lineup.edit_slot(self, self, index)

    def apply_lineup(self, lineup: list[SlotConfig]) -> None:
        """Use a new lineup from now on (the items already answered keep theirs)."""
        window_lineup.apply_lineup(self, lineup, self.edit_slot)

    # -- running ---------------------------------------------------------------------------------

    def run_prompt(self) -> None:
        self.prompt_run.run()

    def escape(self) -> None:
        """Esc stops what runs: the window's own answers, else a batch (paused, to resume)."""
        if self.prompt_run.busy or not self.batches.escape():
            self.stop_all()

    def stop_all(self) -> None:
        self.prompt_run.stop_all()

    @property
    def batch_running(self) -> bool:
        return self.batches.running

    def set_running_batch(self, running: bool) -> None:
        self.prompt_run.set_busy(self.prompt_run.busy)

    def release_models(self) -> None:
        """Unload the columns' models (their threads end); new ones load on the next Run."""
        self.prompt_run.release_models()

    # -- export ----------------------------------------------------------------------------------

    def choose_export_file(self, name: str = "json") -> None:
        if self.session_id is None:
            return
        target = choose_export_target(self, name)
        if target is not None:
            self.export_to(target, name)

    def export_to(self, target: Path, name: str | None = None) -> None:
        """Read the session on the writer thread, write the file in a task."""
        assert self.session_id is not None

        def written(path: str) -> None:
            self.exported.emit(path)
            self.say(self.tr("Session exported to {path}").format(path=path))

        export_session(self, self.writer, self.session_id, target, name, written)

    def choose_import_file(self) -> None:
        source = choose_import_source(self)
        if source is not None:
            self.import_from(source)

    def import_from(self, source: Path) -> None:
        """Merge a colleague's JSON export: all of it, or (with the reason) nothing."""
        import_session_file(
            self.writer, source, self.say, self.imported.emit, self.import_refused.emit
        )

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
        self.banner.show_storage_failed(message)
        self.statusBar().showMessage(message)

    def _on_storage_recovered(self) -> None:
        self.banner.storage_recovered(self.lineup, self.blind)
        self.statusBar().showMessage(self.tr("Saving works again; everything is written."), 8000)

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
        self.prompt_run.shutdown()
        # A running batch is left paused first, so it resumes where it stopped next time.
        self.batches.close_then(self.writer.close)

    def _on_writer_closed(self) -> None:
        self._closed = True
        self.close()
