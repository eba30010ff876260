"""The only thread that writes the database. The window hands it work and never waits for it."""

from __future__ import annotations

import logging
import queue
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal

from imitation_lens.core.housekeeping.unexpected import storage_cause
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.servers.replay import record_teacher_answer
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.bridge import GuiBridge

T = TypeVar("T")
log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 0.25  # streamed text reaches the disk at least this often
RETRY_INTERVAL_S = 2.0


def explain_storage_error(error: Exception) -> str:
    # Worded for writes the recorder keeps and retries, unlike storage_fault's one-off actions.
    cause = storage_cause(error)
    if cause == "full":
        return (
            "The disk is full, so new answers and marks can't be saved yet. Nothing is lost: "
            "they are kept in memory and saved as soon as there is room. Free some space."
        )
    if cause == "read-only":
        return "The data folder can't be written to. Check its permissions; saving resumes then."
    log.warning("Saving failed: %s", error)  # the detail is for the log, not the screen
    return (
        "Your latest changes could not be saved yet. The app keeps trying; nothing on screen is "
        "lost. If this message stays, close the app and start it again."
    )


class Recorder(QObject):
    storage_failed = Signal(str)
    storage_recovered = Signal()
    text_saved = Signal(str, int)  # response id, characters now on disk
    closed = Signal()

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = GuiBridge(self)
        self._jobs: queue.Queue[Callable[[Store], None] | None] = queue.Queue()
        self._retry: deque[Callable[[Store], None]] = deque()
        self._texts: dict[str, list[str]] = {}
        self._dirty: set[str] = set()
        self._database = database
        self._thread = threading.Thread(target=self._serve, name="recorder", daemon=True)
        self._thread.start()

    # -- called from any thread ----------------------------------------------------------------

    def call(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `job(store)` on the recorder thread; `on_done(result)` then runs on the GUI thread."""

        def wrapped(store: Store) -> None:
            try:
                result = job(store)
            except sqlite3.OperationalError:
                raise  # storage trouble: kept and retried
            except Exception as error:
                log.exception("recorder job failed")
                if on_error is not None:
                    self._bridge.post(partial(on_error, error))
                return
            if on_done is not None:
                self._bridge.post(partial(on_done, result))

        self._jobs.put(wrapped)

    def record(self, event: Event) -> None:
        """Keep what a runner reports. Text is buffered and written every FLUSH_INTERVAL_S."""
        self._jobs.put(lambda store: self._apply(store, event))

    def close(self) -> None:
        """Write what is pending, mark unfinished answers as interrupted, then emit `closed`."""
        self._jobs.put(None)

    # -- recorder thread -----------------------------------------------------------------------

    def _apply(self, store: Store, event: Event) -> None:
        rid = event.response_id
        if isinstance(event, TextEvent):
            self._texts.setdefault(rid, []).append(event.text)
            self._dirty.add(rid)
        elif isinstance(event, StateEvent):
            store.set_status(rid, event.status)
        elif isinstance(event, FactsEvent):
            store.update_response(rid, event.facts)
        elif isinstance(event, FinishedEvent):
            self._texts.pop(rid, None)
            self._dirty.discard(rid)
            store.finish_response(rid, event.status, event.text, event.error, event.facts)
            if event.status is Status.DONE:
                record_teacher_answer(store, rid)  # kept for replay when offline

    def _flush(self, store: Store) -> None:
        for rid in list(self._dirty):
            text = "".join(self._texts.get(rid, []))
            store.set_text(rid, text)
            self._dirty.discard(rid)
            self._bridge.post(partial(self.text_saved.emit, rid, len(text)))

    def _run(self, store: Store, job: Callable[[Store], None]) -> bool:
        try:
            job(store)
        except sqlite3.OperationalError as error:
            if not self._retry:
                message = explain_storage_error(error)
                self._bridge.post(lambda: self.storage_failed.emit(message))
            self._retry.append(job)
            return False
        return True

    def _drain_retries(self, store: Store) -> None:
        while self._retry:
            job = self._retry.popleft()
            try:
                job(store)
            except sqlite3.OperationalError:
                self._retry.appendleft(job)
                return
        self._bridge.post(self.storage_recovered.emit)

    def _serve(self) -> None:
        try:
            store = Store(self._database)
        except Exception as error:
            message = f"The database at {self._database} could not be opened: {error}"
            self._bridge.post(lambda: self.storage_failed.emit(message))
            self._bridge.post(self.closed.emit)
            return
        last_flush = last_retry = time.monotonic()
        try:
            while True:
                try:
                    job = self._jobs.get(timeout=FLUSH_INTERVAL_S)
                except queue.Empty:
                    job = _TICK
                if job is None:
                    break
                if job is not _TICK:
                    if self._retry:
                        self._retry.append(job)  # keep the order: nothing overtakes a failed job
                    else:
                        self._run(store, job)
                now = time.monotonic()
                if self._retry and now - last_retry >= RETRY_INTERVAL_S:
                    last_retry = now
                    self._drain_retries(store)
                if not self._retry and now - last_flush >= FLUSH_INTERVAL_S:
                    last_flush = now
                    self._run(store, self._flush)
        finally:
            try:
                if self._retry:
                    self._drain_retries(store)
                self._flush(store)
                store.mark_unfinished_interrupted()
            except sqlite3.Error:
                log.exception("could not write everything before closing")
            store.close()
            self._bridge.post(self.closed.emit)


def _tick(store: Store) -> None:
    pass


_TICK: Callable[[Store], None] = _tick
