"""Ending the app: the close button, File ▸ Quit (even over a modal dialog), Ctrl+C and SIGTERM
all take the same path, and the process ends within about two seconds whatever is running."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import time
from types import FrameType
from typing import NoReturn, Protocol, cast

from PySide6.QtCore import QEvent, QObject, QSocketNotifier, QTimer, SignalInstance
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog

from imitation_lens.ui.gui_writer import GuiWriter

log = logging.getLogger(__name__)

# From the window closing to the event loop ending, at most: a batch gets 1 s of it to pause
# (batch_flow.PAUSE_DEADLINE_MS), the writer the rest to write what is pending (usually
# milliseconds). Past it the app quits anyway: streamed text is on disk at most 0.25 s late, and
# the next start marks unfinished answers as interrupted.
WRITER_DEADLINE_MS = 1700


class QuittingWindow(Protocol):
    """The main window as the way out sees it (its File menu uses quit_keys from here)."""

    writer: GuiWriter

    @property
    def closing(self) -> SignalInstance: ...  # the window went away; the writer is writing

    def close(self) -> bool: ...


class Quitter(QObject):
    """Owns the ways out of the app; `request_quit` is the one path they all take."""

    def __init__(self, app: QApplication, window: QuittingWindow) -> None:
        super().__init__(app)
        self.app = app
        self.window = window
        self.requested = False
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._give_up_waiting)
        # The window hides itself while the writer writes; a hidden window or a closed dialog
        # must not end the event loop before that is done.
        app.setQuitOnLastWindowClosed(False)
        window.closing.connect(self._on_closing)
        window.writer.closed.connect(self._on_writer_closed)
        app.installEventFilter(self)
        self._signals: QSocketNotifier | None = None
        self._closing_since: float | None = None

    # -- the one path out ------------------------------------------------------------------------

    def request_quit(self) -> None:
        self.requested = True
        # A modal dialog runs its own event loop: close it first, so nothing waits on its answer.
        for widget in QApplication.topLevelWidgets():
            if widget is not cast(object, self.window) and widget.isVisible():
                if isinstance(widget, QDialog):
                    widget.reject()
                widget.close()
        self.window.close()

    def _on_closing(self) -> None:
        self.requested = True
        self._closing_since = time.monotonic()
        log.info("closing: waiting up to %d ms for the writer", WRITER_DEADLINE_MS)
        self._deadline.start(WRITER_DEADLINE_MS)

    def _on_writer_closed(self) -> None:
        if not self.requested:
            return  # the database could not be opened: the window stays to say so
        self._deadline.stop()
        self.app.quit()

    def _give_up_waiting(self) -> None:
        log.warning("the writer did not finish within %d ms; quitting", WRITER_DEADLINE_MS)
        self.app.quit()

    def log_exit(self) -> None:
        if self._closing_since is not None:
            took = time.monotonic() - self._closing_since
            log.info("closed %.2f s after the window went away", took)

    # -- Ctrl+Q anywhere, even when a modal dialog has the keyboard --------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Over a dialog (modal or not) the main window's File ▸ Quit shortcut does not fire and
        # the key arrives as a key press instead.
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and QKeySequence(event.keyCombination()) in quit_keys()
        ):
            QTimer.singleShot(0, self.request_quit)
            return True
        return False

    # -- Ctrl+C and SIGTERM in a terminal ----------------------------------------------------------

    def watch_signals(self) -> None:
        """Python's signal handlers only run when Python code runs, and Qt's loop may sleep for
        long: the C handler writes to a socket that Qt watches, which wakes the loop."""
        receiver, sender = socket.socketpair()
        receiver.setblocking(False)
        sender.setblocking(False)
        self._sockets = (receiver, sender)  # kept open as long as the app runs
        signal.set_wakeup_fd(sender.fileno(), warn_on_full_buffer=False)
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, self._on_signal)
        self._signals = QSocketNotifier(receiver.fileno(), QSocketNotifier.Type.Read, self)
        self._signals.activated.connect(self._drain_signals)

    def _on_signal(self, number: int, frame: FrameType | None) -> None:
        # Runs from the notifier's slot below (or any Python code): the quit itself runs there.
        if self.requested:
            # A second Ctrl+C: the user does not want to wait even the two seconds.
            log.warning("signal %d while closing: ending now", number)
            exit_now(128 + number)
        log.info("signal %d: closing", number)
        QTimer.singleShot(0, self.request_quit)

    def _drain_signals(self) -> None:
        try:
            while self._sockets[0].recv(64):
                pass
        except BlockingIOError:
            pass


def quit_keys() -> list[QKeySequence]:
    """The platform's Quit keys (Cmd+Q on macOS); Ctrl+Q where it has none (Windows, and Qt's
    offscreen platform), so that File ▸ Quit has a key everywhere."""
    return QKeySequence.keyBindings(QKeySequence.StandardKey.Quit) or [QKeySequence("Ctrl+Q")]


def exit_now(code: int) -> NoReturn:
    """End the process without the interpreter's shutdown: a model load still inside llama.cpp
    (an uninterruptible C call on a daemon thread) would make that hang or crash."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed or broken terminal
            stream.flush()
    os._exit(code)
