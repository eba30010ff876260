"""Starts the Qt application on a data folder."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from imitation_lens import APP_NAME, __version__
from imitation_lens.core.paths import data_paths, resource_path
from imitation_lens.ui.quitting import Quitter, exit_now

if TYPE_CHECKING:
    from imitation_lens.ui.main_window import MainWindow


def configure_logging(log_file_dir: str) -> None:
    logging.basicConfig(
        filename=f"{log_file_dir}/imitation-lens.log",
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


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

    paths = data_paths(data_dir).create()
    configure_logging(str(paths.logs))
    app = create_application()
    window = MainWindow(paths)
    quitter = install_quitting(app, window)
    if open_file is not None:
        open_file_when_ready(window, open_file)
    window.show()
    code = app.exec()
    quitter.log_exit()
    # Ended here rather than at interpreter exit, which would wait for (or crash in) threads still
    # inside native code, such as a model load; everything was written, or bounded, before.
    exit_now(code)


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
