"""The main window's keys and menus (File, Edit, Help); the Models and Batch menus fill
themselves (ModelsMenu, BatchFlow)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from imitation_lens import APP_NAME
from imitation_lens.core.exports.formats import FORMATS
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.taxonomy import key_range
from imitation_lens.ui.about_dialog import show_about
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.quitting import quit_keys


class MenuCommands(Protocol):
    """What the window's own menus and keys call."""

    annotator: Annotator
    items: ItemFlow
    paths: DataPaths

    def run_prompt(self) -> None: ...

    def escape(self) -> None: ...

    def new_session(self, blind: bool = False) -> None: ...

    def open_session_browser(self) -> object: ...

    def choose_export_file(self, name: str = "json") -> None: ...

    def choose_import_file(self) -> None: ...

    def open_report(self) -> object: ...

    def open_preferences(self) -> object: ...

    def show_shortcuts(self) -> None: ...


@dataclass(frozen=True)
class EditActions:
    export_json: QAction  # File ▸ Export session as ▸ JSON (Ctrl+E)
    undo: QAction
    redo: QAction


def add_shortcuts(window: QWidget, commands: MenuCommands) -> None:
    """The keys that are in no menu."""
    items = commands.items
    shortcuts: list[tuple[str | QKeySequence.StandardKey | Qt.Key, Any]] = [
        ("Ctrl+Return", commands.run_prompt),
        ("Ctrl+Enter", commands.run_prompt),
        (Qt.Key.Key_Escape, commands.escape),
        ("Ctrl+J", items.focus_verdict),
        ("Ctrl+PgDown", items.next_item),
        ("Ctrl+PgUp", items.previous_item),
        *((f"Alt+{n}", partial(items.focus_answer, n)) for n in range(1, 7)),
    ]
    for key, slot in shortcuts:
        QShortcut(QKeySequence(key), window, slot)


def add_file_and_edit_menus(window: QMainWindow, commands: MenuCommands) -> EditActions:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("WindowMenus", "&File"))
    new_session = QAction(QCoreApplication.translate("WindowMenus", "&New session"), window)
    new_session.setShortcut(QKeySequence.StandardKey.New)
    new_session.triggered.connect(lambda: commands.new_session(blind=False))
    file_menu.addAction(new_session)
    new_blind = QAction(QCoreApplication.translate("WindowMenus", "New &blind session"), window)
    new_blind.setShortcut(QKeySequence("Ctrl+Shift+N"))
    new_blind.setStatusTip(
        QCoreApplication.translate(
            "WindowMenus",
            "Answers appear as Answer 1…N in a counterbalanced order; who wrote which is shown "
            "after your verdict",
        )
    )
    new_blind.triggered.connect(lambda: commands.new_session(blind=True))
    file_menu.addAction(new_blind)
    sessions = QAction(QCoreApplication.translate("WindowMenus", "&Sessions…"), window)
    sessions.setShortcut(QKeySequence.StandardKey.Open)
    sessions.triggered.connect(commands.open_session_browser)
    file_menu.addAction(sessions)
    export_menu = file_menu.addMenu(QCoreApplication.translate("WindowMenus", "&Export session as"))
    export_json: QAction | None = None
    for export_format in FORMATS:
        action = QAction(export_format.label + "…", window)
        if export_format.name == "json":
            action.setShortcut(QKeySequence("Ctrl+E"))
            export_json = action
        action.triggered.connect(partial(commands.choose_export_file, export_format.name))
        export_menu.addAction(action)
    assert export_json is not None
    import_action = QAction(
        QCoreApplication.translate("WindowMenus", "&Import a colleague's session…"), window
    )
    import_action.setShortcut(QKeySequence("Ctrl+I"))
    import_action.triggered.connect(commands.choose_import_file)
    file_menu.addAction(import_action)
    report_action = QAction(QCoreApplication.translate("WindowMenus", "&Report…"), window)
    report_action.setShortcut(QKeySequence("Ctrl+R"))
    report_action.triggered.connect(commands.open_report)
    file_menu.addAction(report_action)
    file_menu.addSeparator()
    quit_action = QAction(QCoreApplication.translate("WindowMenus", "&Quit"), window)
    quit_action.setShortcuts(quit_keys())
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    edit_menu = window.menuBar().addMenu(QCoreApplication.translate("WindowMenus", "&Edit"))
    undo_action = commands.annotator.undo_stack.createUndoAction(
        window, QCoreApplication.translate("WindowMenus", "&Undo")
    )
    undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
    redo_action = commands.annotator.undo_stack.createRedoAction(
        window, QCoreApplication.translate("WindowMenus", "&Redo")
    )
    redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    edit_menu.addAction(undo_action)
    edit_menu.addAction(redo_action)
    edit_menu.addSeparator()
    preferences = QAction(QCoreApplication.translate("WindowMenus", "&Preferences…"), window)
    preferences.setShortcut(QKeySequence("Ctrl+,"))
    preferences.setStatusTip(
        QCoreApplication.translate("WindowMenus", "Your name as the evaluator")
    )
    preferences.triggered.connect(commands.open_preferences)
    edit_menu.addAction(preferences)
    return EditActions(export_json, undo_action, redo_action)


def add_help_menu(window: QMainWindow, commands: MenuCommands) -> None:
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("WindowMenus", "&Help"))
    keys = QAction(QCoreApplication.translate("WindowMenus", "&Keyboard shortcuts"), window)
    keys.setShortcuts([QKeySequence(Qt.Key.Key_F1)])
    keys.triggered.connect(commands.show_shortcuts)
    help_menu.addAction(keys)
    about = QAction(QCoreApplication.translate("WindowMenus", "&How to use Imitation Lens"), window)
    about.triggered.connect(lambda: show_help(window))
    help_menu.addAction(about)
    about_app = QAction(
        QCoreApplication.translate("WindowMenus", "&About {app}").format(app=APP_NAME), window
    )
    about_app.setMenuRole(QAction.MenuRole.AboutRole)
    about_app.triggered.connect(lambda: show_about(window, commands.paths))
    help_menu.addAction(about_app)


def show_help(parent: QWidget) -> None:
    QMessageBox.information(
        parent,
        APP_NAME,
        QCoreApplication.translate(
            "WindowMenus",
            "1. Type a question and press Run (Ctrl+Enter). Every column answers it.\n"
            "2. Read the answers. Select wrong words (mouse, or Shift+arrows in an answer) and "
            "press {keys} for the kind of error; m or Shift+M sets Minor or Major; E opens the "
            "full form with a note and a correction.\n"
            "3. Tick “Checked: no errors” on answers you checked and found clean, choose which "
            "answer is better and submit the verdict. Ctrl+Page Down goes on.\n"
            "4. Everything is saved as it happens. File ▸ Export saves the session as JSON.\n\n"
            "F1 lists every key. A blind session (File ▸ New blind session) hides who wrote "
            "each answer until your verdict.",
        ).format(keys=key_range()),
    )
