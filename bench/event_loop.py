"""Waiting in a script the way a test waits: run Qt's event loop until a condition holds."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def wait_until(condition: Callable[[], object], timeout_ms: int = 120000) -> None:
    """Process events until `condition()` is true, checked every millisecond, or time runs out."""
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(1)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    timer.stop()
