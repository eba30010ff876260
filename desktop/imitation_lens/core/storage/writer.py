"""The writer: the one thread that writes a database, running the jobs it is given in order.

Everything that changes a database in this process goes through its writer: the window's
actions and answers, and a batch's (core/batches/run.py), so SQLite never sees two writers of
ours at once. Callers hand it work and go on (`call`, with callbacks), except a background
thread that cannot go on without the answer (`run`, which waits).

A job that fails on storage (disk full, read-only folder) is kept, with everything handed in
after it, and tried again every RETRY_INTERVAL_S; `on_failed(message)` says so once, in plain
words, and `on_recovered()` once everything is written. Streamed text is kept here until it is
written, every FLUSH_INTERVAL_S (only what is not on disk yet: the whole answer is the runner's
and the screen's). Callbacks are plain callables handed to `deliver`: by default they run
on the writer's thread; the window passes one that runs them on the GUI thread
(ui/gui_writer.py).
"""

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
from typing import Any, TypeVar

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.housekeeping.unexpected import storage_cause
from imitation_lens.core.running.events import Event, FinishedEvent, TextEvent
from imitation_lens.core.storage.event_rows import write_event
from imitation_lens.core.storage.store import Store

T = TypeVar("T")
Job = Callable[[Store], None]
Deliver = Callable[[Callable[[], None]], None]
log = logging.getLogger(__name__)

FLUSH_INTERVAL_S = 0.25  # streamed text reaches the disk at least this often
RETRY_INTERVAL_S = 2.0


class WriterClosed(RuntimeError):
    """The writer has stopped (closed, or its database could not be opened)."""


def explain_storage_error(error: Exception) -> str:
    # Worded for writes the writer keeps and retries, unlike storage_fault's one-off actions.
    cause = storage_cause(error)
    if cause == "full":
        return _(
            "The disk is full, so new answers and marks can't be saved yet. Nothing is lost: "
            "they are kept in memory and saved as soon as there is room. Free some space."
        )
    if cause == "read-only":
        return _("The data folder can't be written to. Check its permissions; saving resumes then.")
    log.warning("Saving failed: %s", error)  # the detail is for the log, not the screen
    return _(
        "Your latest changes could not be saved yet. The app keeps trying; nothing on screen is "
        "lost. If this message stays, close the app and start it again."
    )


def _at_once(callback: Callable[[], None]) -> None:
    callback()


class _Waited:
    """A job whose caller waits for it (`Writer.run`): never kept for a retry."""

    def __init__(self, job: Callable[[Store], Any]) -> None:
        self.job = job
        self.done = threading.Event()
        self.result: Any = None
        self.error: BaseException | None = None

    def serve(self, store: Store) -> None:
        try:
            self.result = self.job(store)
        except BaseException as error:  # the waiting thread gets it
            self.error = error
        self.done.set()

    def fail(self, error: BaseException) -> None:
        self.error = error
        self.done.set()


class _Close:
    def __init__(self, interrupt_unfinished: bool) -> None:
        self.interrupt_unfinished = interrupt_unfinished


class Writer:
    def __init__(
        self,
        database: Path,
        deliver: Deliver = _at_once,
        on_failed: Callable[[str], None] | None = None,
        on_recovered: Callable[[], None] | None = None,
        on_text_saved: Callable[[str, int], None] | None = None,
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        self.database = database
        self._deliver = deliver
        self._on_failed = on_failed
        self._on_recovered = on_recovered
        self._on_text_saved = on_text_saved
        self._on_closed = on_closed
        self._jobs: queue.Queue[Job | _Waited | _Close] = queue.Queue()
        self._retry: deque[Job] = deque()
        self._failure: sqlite3.OperationalError | None = None  # why the retried jobs wait
        self._unwritten: dict[str, list[str]] = {}  # answers being written: text not on disk yet
        self._on_disk: dict[str, int] = {}  # … and how many characters are
        self._lock = threading.Lock()
        self._closing = False
        self._stopped_because = ""
        self._thread = threading.Thread(target=self._serve, name="writer", daemon=True)
        self._thread.start()

    # -- called from any thread ----------------------------------------------------------------

    def call(
        self,
        job: Callable[[Store], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> None:
        """Run `job(store)` on the writer's thread; then `on_done(result)` (or `on_error`)."""

        def wrapped(store: Store) -> None:
            try:
                result = job(store)
            except sqlite3.OperationalError:
                raise  # storage trouble: kept and retried
            except Exception as error:
                log.exception("writer job failed")
                if on_error is not None:
                    self._deliver(partial(on_error, error))
                return
            if on_done is not None:
                self._deliver(partial(on_done, result))

        self._jobs.put(wrapped)

    def run(self, job: Callable[[Store], T]) -> T:
        """Run `job(store)` on the writer's thread, in order, and wait for its result.

        For background threads only (a batch). Storage trouble is raised here rather than
        retried: the caller decides what to do. Raises WriterClosed once the writer stops.
        """
        waited = _Waited(job)
        with self._lock:
            if self._closing:
                raise WriterClosed(self._stopped_because or "the writer is closed")
            self._jobs.put(waited)
        waited.done.wait()
        if waited.error is not None:
            raise waited.error
        result: T = waited.result
        return result

    def write_event(self, event: Event) -> None:
        """Keep what a runner reports. Text is kept and written every FLUSH_INTERVAL_S."""
        self._jobs.put(lambda store: self._write_event(store, event))

    def close(self, interrupt_unfinished: bool = False) -> None:
        """Write what is pending, then stop; `interrupt_unfinished`: then mark answers still
        being written (not a batch's) as interrupted, as the window does when it closes."""
        with self._lock:
            self._closing = True
            self._jobs.put(_Close(interrupt_unfinished))

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the writer's thread -------------------------------------------------------------------

    def _tell(self, callback: Callable[..., None] | None, *args: Any) -> None:
        if callback is not None:
            self._deliver(partial(callback, *args))

    def _write_event(self, store: Store, event: Event) -> None:
        rid = event.response_id
        if isinstance(event, TextEvent):
            self._unwritten.setdefault(rid, []).append(event.text)
            return
        if isinstance(event, FinishedEvent):  # it carries the whole text
            self._unwritten.pop(rid, None)
            self._on_disk.pop(rid, None)
        write_event(store, event)

    def _flush(self, store: Store) -> None:
        for rid, pieces in list(self._unwritten.items()):
            text = "".join(pieces)
            store.append_text(rid, text)
            del self._unwritten[rid]  # only once it is on disk: a failed write is tried again
            self._on_disk[rid] = self._on_disk.get(rid, 0) + len(text)
            self._tell(self._on_text_saved, rid, self._on_disk[rid])

    def _run(self, store: Store, job: Job) -> bool:
        try:
            job(store)
        except sqlite3.OperationalError as error:
            if not self._retry:
                self._failure = error
                self._tell(self._on_failed, explain_storage_error(error))
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
        self._failure = None
        self._tell(self._on_recovered)

    def _serve(self) -> None:
        try:
            store = Store(self.database)
        except Exception as error:
            message = f"The database at {self.database} could not be opened: {error}"
            self._stop(message)
            self._tell(self._on_failed, message)
            self._tell(self._on_closed)
            return
        last_flush = last_retry = time.monotonic()
        closing = _Close(False)
        try:
            while True:
                try:
                    job: Job | _Waited | _Close | None = self._jobs.get(timeout=FLUSH_INTERVAL_S)
                except queue.Empty:
                    job = None  # time to flush or retry
                if isinstance(job, _Close):
                    closing = job
                    break
                if isinstance(job, _Waited):
                    if self._failure is not None:  # it must not overtake the kept jobs
                        job.fail(self._failure)
                    else:
                        job.serve(store)
                elif job is not None:
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
            self._stop("the writer is closed")
            try:
                if self._retry:
                    self._drain_retries(store)
                self._flush(store)
                if closing.interrupt_unfinished:
                    store.mark_unfinished_interrupted()
            except sqlite3.Error:
                log.exception("could not write everything before closing")
            store.close()
            self._tell(self._on_closed)

    def _stop(self, because: str) -> None:
        """No job is taken any more: whoever waits for one is told so."""
        with self._lock:
            self._closing = True
            self._stopped_because = self._stopped_because or because
        while True:
            try:
                job = self._jobs.get_nowait()
            except queue.Empty:
                return
            if isinstance(job, _Waited):
                job.fail(WriterClosed(self._stopped_because))
