"""The window's writer: core's Writer (core/storage/writer.py) with its callbacks on the GUI
thread and its news as Qt signals. The window hands it work and never waits for it."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from imitation_lens.core.running.events import Event
from imitation_lens.core.storage.store import Store
from imitation_lens.core.storage.writer import Writer
from imitation_lens.ui.tasks import post_to_gui, start_courier

T = TypeVar("T")


class GuiWriter(QObject):
    storage_failed = Signal(str)
    storage_recovered = Signal()
    text_saved = Signal(str, int)  # response id, characters now on disk
    closed = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        start_courier()  # on the GUI thread, before the writer's thread can deliver anything
        self.core = Writer(
            database,
            deliver=post_to_gui,
            # Bound methods, not the signals' emit: post_to_gui drops them once this is deleted.
            on_failed=self._failed,
            on_recovered=self._recovered,
            on_text_saved=self._text_saved,
            on_closed=self._closed,
        )

    def _failed(self, message: str) -> None:
        self.storage_failed.emit(message)

    def _recovered(self) -> None:
        self.storage_recovered.emit()

    def _text_saved(self, response_id: str, characters: int) -> None:
        self.text_saved.emit(response_id, characters)

    def _closed(self) -> None:
        self.closed.emit()

    def call(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        owner: QObject | None = None,
    ) -> None:
        """Run `job(store)` on the writer's thread; `on_done(result)` then on the GUI thread.

        The answer is dropped if `owner` (by default the object `on_done` is a method of) is
        deleted by then: a dialog closed before the database answered.
        """
        if owner is None:
            self.core.call(job, on_done, on_error)
            return
        alive = partial(shiboken6.isValid, owner)
        self.core.call(
            job,
            None if on_done is None else partial(_if_alive, alive, on_done),
            None if on_error is None else partial(_if_alive, alive, on_error),
        )

    def write_event(self, event: Event) -> None:
        """Keep what a runner reports (from any thread)."""
        self.core.write_event(event)

    def close(self) -> None:
        """Write what is pending, mark unfinished answers as interrupted, then emit `closed`."""
        self.core.close(interrupt_unfinished=True)


def _if_alive(alive: Callable[[], bool], callback: Callable[[Any], None], value: Any) -> None:
    if alive():
        callback(value)
