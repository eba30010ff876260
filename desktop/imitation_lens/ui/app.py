"""Starts the Qt application on a data folder."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from imitation_lens import APP_NAME, __version__
from imitation_lens.core.housekeeping.about import start_line
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.instance_lock import FolderInUse, hold_window_lock
from imitation_lens.core.housekeeping.logfile import configure_logging
from imitation_lens.core.housekeeping.paths import DataPaths, data_paths, resource_path
from imitation_lens.ui.diagnostics import (
    CrashNotice,
    install_exception_hooks,
    install_qt_message_handler,
    qt_versions,
)
from imitation_lens.ui.language import apply_language
from imitation_lens.ui.plain_text import as_html
from imitation_lens.ui.quitting import Quitter, exit_now
from imitation_lens.ui.single_instance import InstanceServer, ask_running_window

if TYPE_CHECKING:
    from imitation_lens.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def start_log(paths: DataPaths) -> Path | None:
    """The rotating log, its start line and Qt's messages in it; returns the file (None: stderr)."""
    log_file, _problem = configure_logging(paths.logs)
    log.info(start_line(paths, qt_versions()))
    install_qt_message_handler()
    return log_file


def install_crash_hooks(app: QApplication, log_file: Path | None) -> CrashNotice:
    notice = CrashNotice(log_file, app)
    install_exception_hooks(notice.report)
    return notice


def already_open() -> str:
    return QCoreApplication.translate(
        "App",
        "{app} is already open on this data folder. Switch to its window, or start this one "
        "with --data-dir and another folder.",
    ).format(app=APP_NAME)


def say_folder_unusable(paths: DataPaths, error: OSError) -> None:
    """Say plainly (no traceback) why the app can't keep its work in the data folder."""
    reason = error.strerror or str(error)
    QMessageBox.critical(
        None,
        APP_NAME,
        as_html(
            shown_fault(
                QCoreApplication.translate(
                    "App",
                    "The data folder {folder} can't be created or written to ({reason}), so the "
                    "app has nowhere to keep your work.\n\nStart it with --data-dir and a folder "
                    "you can write to, for example: imitation-lens --data-dir "
                    "~/imitation-lens-data",
                ).format(folder=paths.root, reason=reason)
            )
        ),
    )


def create_data_folder(paths: DataPaths) -> bool:
    """Make the data folders, or say plainly (no traceback) why the app can't start there."""
    try:
        paths.create()
    except OSError as error:
        say_folder_unusable(paths, error)
        return False
    return True


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setStyleSheet(resource_path("styles", "app.qss").read_text("utf-8"))
    app.setWindowIcon(QIcon(str(resource_path("icons", "imitation-lens-256.png"))))
    app.setDesktopFileName("imitation-lens")  # matches packaging/linux/imitation-lens.desktop
    return app


def run_app(data_dir: str | None = None, open_file: Path | None = None) -> int:
    from imitation_lens.ui.main_window import MainWindow

    paths = data_paths(data_dir)
    # The folder is taken before anything is written there (the log included): a second start
    # on it must change nothing, and the window's start-up recovery must not touch another's.
    try:
        paths.create()
        lock = hold_window_lock(paths.database)
    except FolderInUse:
        # In the chosen language too (reading the choice writes nothing to the folder).
        apply_language(create_application(), paths.window_settings)
        return hand_over_to_running_window(paths, open_file)
    except OSError as error:
        start_log(paths)
        apply_language(create_application(), paths.window_settings)
        say_folder_unusable(paths, error)
        return 1
    log_file = start_log(paths)
    app = create_application()
    install_crash_hooks(app, log_file)
    # Before the first widget: every tr() made from here on reads the chosen language.
    translations = apply_language(app, paths.window_settings)
    server = InstanceServer(paths.root, app)
    window = MainWindow(paths)
    server.set_window(window)
    ready: list[bool] = []
    window.ready.connect(lambda: on_ready(ready), Qt.ConnectionType.SingleShotConnection)
    server.file_requested.connect(lambda path: open_file_from_another_start(window, path, ready))
    quitter = install_quitting(app, window)
    if open_file is not None:
        open_file_when_ready(window, open_file)
    window.show()
    code = app.exec()
    quitter.log_exit()
    translations.remove()
    lock.release()
    # Ended here rather than at interpreter exit, which would wait for (or crash in) threads still
    # inside native code, such as a model load; everything was written, or bounded, before.
    exit_now(code)


def on_ready(ready: list[bool]) -> None:
    ready.append(True)
    log.info("the window is ready")


def open_file_from_another_start(window: MainWindow, path: Path, ready: list[bool]) -> None:
    """A file double-clicked while the window runs on this folder opens here."""
    from imitation_lens.ui.file_opening import open_session_file

    if ready:
        open_session_file(window, path)
    else:
        open_file_when_ready(window, path)


def hand_over_to_running_window(paths: DataPaths, open_file: Path | None = None) -> int:
    """Another window owns this folder: bring it forward (the file given goes to it), or say
    so plainly; change nothing."""
    if ask_running_window(paths.root, open_file):
        print(
            QCoreApplication.translate(
                "App",
                "{app} is already open on this data folder: its window was brought to the front.",
            ).format(app=APP_NAME),
            file=sys.stderr,
        )
        return 0
    QMessageBox.information(None, APP_NAME, already_open())
    return 0


def install_quitting(app: QApplication, window: MainWindow) -> Quitter:
    """One way out for the close button, Ctrl+Q and Ctrl+C: see ui/quitting.py."""
    quitter = Quitter(app, window)
    quitter.watch_signals()
    return quitter


def open_file_when_ready(window: MainWindow, path: Path) -> None:
    """A file given on the command line (the desktop entry's %f) opens once the window is up."""
    from imitation_lens.ui.file_opening import open_session_file

    window.ready.connect(
        lambda: open_session_file(window, path), Qt.ConnectionType.SingleShotConnection
    )
