"""Starts the Qt application on a data folder."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from imitation_lens import APP_NAME, __version__
from imitation_lens.core.paths import data_paths, resource_path


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


def run_app(data_dir: str | None = None) -> int:
    from imitation_lens.ui.main_window import MainWindow

    paths = data_paths(data_dir).create()
    configure_logging(str(paths.logs))
    app = create_application()
    window = MainWindow(paths)
    window.show()
    return app.exec()
