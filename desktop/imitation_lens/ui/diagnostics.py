"""What goes wrong unseen gets logged and, when it matters, said: crash hooks and Qt's messages."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    Qt,
    QtMsgType,
    Signal,
    qInstallMessageHandler,
    qVersion,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from imitation_lens import APP_NAME

log = logging.getLogger("imitation_lens.crash")
qt_log = logging.getLogger("qt")

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_versions() -> dict[str, str]:
    return {"Qt": qVersion(), "PySide6": PySide6.__version__}


def log_qt_message(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = context.category or "default"
    where = "" if category == "default" else f"[{category}] "
    qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", where, message)


def install_qt_message_handler() -> None:
    """Qt's warnings (a bad style sheet, a missing plugin) go to the log instead of stderr."""
    qInstallMessageHandler(log_qt_message)


class CrashNotice(QObject):
    """Tells the user in plain words that something failed inside the app; one box at a time.

    Created on the GUI thread; `report` may be called from any thread.
    """

    _reported = Signal()

    def __init__(self, log_file: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.box: QMessageBox | None = None
        self.count = 0
        # Queued, so the box never opens inside whatever was running (a paint, a thread).
        self._reported.connect(self._show, type=Qt.ConnectionType.QueuedConnection)

    def report(self) -> None:
        self.count += 1
        self._reported.emit()

    def text(self) -> str:
        where = (
            self.tr("The details are in the log: {file}.").format(file=self.log_file)
            if self.log_file is not None
            else self.tr("The details were written to the terminal.")
        )
        return self.tr(
            "Something went wrong inside the app. Your saved work is safe: answers, marks and "
            "verdicts are written as they happen.\n\n"
            "{where} If something on screen looks wrong, close the app and start it again. "
            "If it happens again, please send the log to whoever gave you the app."
        ).format(where=where)

    def _show(self) -> None:
        if self.box is not None:  # one box, however many faults followed the first
            return
        parent = QApplication.activeWindow()
        self.box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, self.text(), parent=parent)
        self.box.setTextFormat(Qt.TextFormat.PlainText)  # the text names files and places
        self.box.finished.connect(self._closed)
        self.box.open()

    def _closed(self) -> None:
        if self.box is not None:
            self.box.deleteLater()
        self.box = None


def _tell(notice: Callable[[], None]) -> None:
    # While the app shuts down the notice may already be gone; the log has the fault anyway.
    with contextlib.suppress(RuntimeError):
        notice()


def install_exception_hooks(notice: Callable[[], None]) -> None:
    """An uncaught exception, on the GUI thread or any other, is logged and the user told.

    Without this, PySide6 prints a slot's exception to a terminal nobody sees and goes on, and
    a background thread dies silently.
    """

    def on_exception(
        kind: type[BaseException], value: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, trace)
            return
        log.error("Uncaught exception", exc_info=(kind, value, trace))
        _tell(notice)

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        log.error(
            "Uncaught exception in thread %s",
            name,
            exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
        )
        _tell(notice)

    sys.excepthook = on_exception
    threading.excepthook = on_thread_exception
