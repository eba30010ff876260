"""The running window answers a second start on its data folder by coming to the front.

The second process finds the first through a local socket named from the data folder's path,
sends "show" and exits without touching the folder (see core/instance_lock.py for the lock).
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread
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
    """Listens for later starts on the same folder; brings the window forward when asked."""

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
        if bytes(socket.readAll().data()).strip() != SHOW.strip():
            socket.disconnectFromServer()
            return
        log.info("another start on this data folder: the window came to the front")
        if self.window is None:
            self._asked = True
        self._bring_forward()
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


def ask_running_window(root: Path) -> bool:
    """Ask the window already open on `root` to come forward; True when it said it did."""
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
    socket.write(SHOW)
    if not socket.waitForBytesWritten(WAIT_MS):
        return False
    answered = b""
    while SHOWN not in answered and socket.waitForReadyRead(WAIT_MS):
        answered += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return SHOWN in answered
