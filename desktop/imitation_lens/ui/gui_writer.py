"""The window's writer: core's Writer (core/storage/writer.py) with its callbacks on the GUI
thread and its news as Qt signals. The window hands it work and never waits for it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from imitation_lens.core.running.events import Event
from imitation_lens.core.storage.store import Store
from imitation_lens.core.storage.writer import Writer
from imitation_lens.ui.bridge import GuiBridge

T = TypeVar("T")


class GuiWriter(QObject):
    storage_failed = Signal(str)
    storage_recovered = Signal()
    text_saved = Signal(str, int)  # response id, characters now on disk
    closed = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = GuiBridge(self)
        self.core = Writer(
            database,
            deliver=self._bridge.post,
            on_failed=self.storage_failed.emit,
            on_recovered=self.storage_recovered.emit,
            on_text_saved=self.text_saved.emit,
            on_closed=self.closed.emit,
        )

    def call(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `job(store)` on the writer's thread; `on_done(result)` then on the GUI thread."""
        self.core.call(job, on_done, on_error)

    def write_event(self, event: Event) -> None:
        """Keep what a runner reports (from any thread)."""
        self.core.write_event(event)

    def close(self) -> None:
        """Write what is pending, mark unfinished answers as interrupted, then emit `closed`."""
        self.core.close(interrupt_unfinished=True)
