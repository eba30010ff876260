"""Carries calls from background threads into the GUI thread through a queued Qt signal."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal


class GuiBridge(QObject):
    """Created on the GUI thread; `post` may be called from any thread."""

    _deliver = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deliver.connect(self._run)

    def post(self, callback: Callable[[], Any]) -> None:
        self._deliver.emit(callback)

    @staticmethod
    def _run(callback: Callable[[], Any]) -> None:
        callback()
