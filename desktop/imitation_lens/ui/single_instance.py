"""The running window answers a second start on its data folder by coming to the front.

The second process finds the first through a local socket named from the data folder's path,
sends "show" and exits without touching the folder (see core/housekeeping/instance_lock.py for the lock).
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

SHOW = b"show\n"
SHOWN = b"shown\n"
WAIT_MS = 3000


def server_name(root: Path) -> str:
    """One name per data folder and user (the socket lives in a shared temporary folder)."""
    digest = hashlib.sha256(f"{root.resolve()}|{Path.home()}".encode()).hexdigest()[:24]
    return f"imitation-lens-{digest}"


class InstanceServer(QObject):
    """Listens for later starts on the same folder; brings the window forward when asked, and
    passes on a file that start was given (the desktop entry's %f)."""

    file_requested = Signal(Path)

    def __init__(self, root: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self._asked = False  # a "show" that came before the window existed
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(root)
        # We hold the folder's lock, so a socket left by a killed window is stale: remove it.
        QLocalServer.removeServer(name)
        if not self._server.listen(name):
            log.warning("other starts can't reach this window: %s", self._server.errorString())
        self._server.newConnection.connect(self._on_connection)

    def set_window(self, window: QWidget) -> None:
        self.window = window
        if self._asked:
            self._bring_forward()

    def _on_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_request(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_request(self, socket: QLocalSocket) -> None:
        buffered = bytes(socket.property("buffered") or b"") + bytes(socket.readAll().data())
        socket.setProperty("buffered", buffered)
        if not buffered.endswith(b"\n"):
            return  # the rest is on its way
        request = buffered.decode("utf-8", errors="replace").rstrip("\n")
        command, _, argument = request.partition("\t")
        if command != SHOW.decode().strip():
            socket.disconnectFromServer()
            return
        log.info("another start on this data folder: the window came to the front")
        if self.window is None:
            self._asked = True
        self._bring_forward()
        if argument:
            self.file_requested.emit(Path(argument))
        socket.write(SHOWN)
        socket.flush()
        socket.disconnectFromServer()

    def _bring_forward(self) -> None:
        if self.window is None:
            return
        if self.window.isMinimized():
            self.window.setWindowState(self.window.windowState() & ~Qt.WindowState.WindowMinimized)
        self.window.show()
        if QGuiApplication.platformName() != "offscreen":  # which has no stacking to change
            self.window.raise_()
            self.window.activateWindow()


def ask_running_window(root: Path, open_file: Path | None = None) -> bool:
    """Ask the window already open on `root` to come forward (and open `open_file`); True when
    it said it did."""
    socket = QLocalSocket()
    # The other window may have taken the folder a moment ago and not be listening yet.
    deadline = time.monotonic() + WAIT_MS / 1000
    while True:
        socket.connectToServer(server_name(root))
        if socket.waitForConnected(WAIT_MS):
            break
        if time.monotonic() > deadline:
            return False
        QThread.msleep(100)  # no window here to keep responsive
    request = SHOW if open_file is None else SHOW.rstrip() + f"\t{open_file.resolve()}\n".encode()
    socket.write(request)
    if not socket.waitForBytesWritten(WAIT_MS):
        return False
    answered = b""
    while SHOWN not in answered and socket.waitForReadyRead(WAIT_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return SHOWN in answered
