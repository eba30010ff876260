"""The UI's one way to do work off the GUI thread: a task tied to the widget that asked for it.

A worker thread must never touch a widget, and a widget may be closed while its work still runs.
So a task's worker only computes; what it hands back is carried to the GUI thread by one
long-lived courier and delivered only while the owner is alive and the task not cancelled. A
closed dialog's late result is dropped, never raised as "Signal source has been deleted" in a
thread nobody watches.

Closing a dialog that owns a task cancels it: its answer was for a window the user has left.
Work the user asked to be *done* (a save, an added file, a download) is started with
`cancel_on_close=False`: a dialog that is only hidden when closed, and shown again later, still
hears how it ended; only the owner's destruction cancels it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from functools import partial
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QDialog

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Courier(QObject):
    """Lives as long as the application, on the GUI thread, so emitting from a worker is safe."""

    deliver = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.deliver.connect(self._run)

    @staticmethod
    def _run(callback: Callable[[], Any]) -> None:
        callback()


_courier: _Courier | None = None
_running: set[Task[Any]] = set()
_running_lock = threading.Lock()


def start_courier() -> None:
    """Make the courier now, on the GUI thread, for code that posts without a task."""
    _the_courier()


def _the_courier() -> _Courier:
    global _courier
    app = QCoreApplication.instance()
    assert app is not None, "tasks need a running Qt application"
    if _courier is None or not shiboken6.isValid(_courier):
        _courier = _Courier(app)
    return _courier


class Task(Generic[T]):
    """One piece of background work. The worker may call `post` and read `cancelled`."""

    def __init__(self, owner: QObject, name: str, cancel_on_close: bool = True) -> None:
        self.name = name
        self.cancelled = threading.Event()  # set when the owner is gone or no longer wants it
        self._owner = owner
        self._courier = _the_courier()
        owner.destroyed.connect(self.cancel)
        if cancel_on_close and isinstance(owner, QDialog):
            owner.finished.connect(self.cancel)

    def cancel(self) -> None:
        self.cancelled.set()

    def post(self, callback: Callable[[], Any]) -> None:
        """Run `callback` on the GUI thread, unless the owner is gone by then. Any thread."""
        if not self.cancelled.is_set():
            self._send(lambda: self._deliver(callback))

    def _send(self, callback: Callable[[], Any]) -> bool:
        # Once the application is gone (quitting) so is the courier, and nobody is left to tell.
        with contextlib.suppress(RuntimeError):
            if shiboken6.isValid(self._courier):
                self._courier.deliver.emit(callback)
                return True
        return False

    def _deliver(self, callback: Callable[[], Any]) -> None:
        if not self.cancelled.is_set() and shiboken6.isValid(self._owner):
            callback()

    def _end(self, outcome: Callable[[], Any] | None) -> None:
        """From the worker, last: deliver the outcome, then leave `running_tasks`, on the GUI
        thread and in that order, so a task no longer listed has nothing left to deliver."""

        def end() -> None:
            try:
                if outcome is not None:
                    self._deliver(outcome)
            finally:
                _forget(self)

        if not self._send(end):
            _forget(self)


def _forget(task: Task[Any]) -> None:
    with _running_lock:
        _running.discard(task)


def run_task(
    owner: QObject,
    work: Callable[[Task[T]], T],
    on_done: Callable[[T], Any] | None = None,
    on_error: Callable[[Exception], Any] | None = None,
    name: str = "task",
    *,
    cancel_on_close: bool = True,
) -> Task[T]:
    """Run `work(task)` on a thread of its own; its result or exception comes back to `owner`.

    Call on the GUI thread. An exception with no `on_error` is logged: it must reach someone.
    `cancel_on_close=False`: a QDialog owner's closing does not cancel the task (see above).
    """
    task: Task[T] = Task(owner, name, cancel_on_close)

    def thread_body() -> None:
        outcome: Callable[[], Any] | None = None
        try:
            result = work(task)
        except Exception as error:  # handed to the owner, on its thread
            if on_error is None:
                log.exception("Background task %s failed", name)
            else:
                outcome = partial(on_error, error)
        else:
            if on_done is not None:
                outcome = partial(on_done, result)
        finally:
            task._end(outcome)

    with _running_lock:
        _running.add(task)
    threading.Thread(target=thread_body, name=name, daemon=True).start()
    return task


def _bound_owner(callback: Callable[..., Any]) -> QObject | None:
    """The Qt object a callback belongs to: a bound method's object, also inside a partial."""
    while isinstance(callback, partial):
        callback = callback.func
    owner = getattr(callback, "__self__", None)
    return owner if isinstance(owner, QObject) else None


def post_to_gui(callback: Callable[[], Any]) -> None:
    """From any thread: run `callback` on the GUI thread, unless the Qt object it is a method of
    is deleted by then (a dialog closed before the database answered).

    For work that is not a task of its own: the database writer's answers come through here.
    """
    owner = _bound_owner(callback)

    def deliver() -> None:
        if owner is None or shiboken6.isValid(owner):
            callback()

    with contextlib.suppress(RuntimeError):  # quitting: the courier is gone, nobody to tell
        courier = _courier
        if courier is not None and shiboken6.isValid(courier):
            courier.deliver.emit(deliver)


def running_tasks() -> list[str]:
    """Names of the tasks not over yet: their work still runs, or what it handed back has not
    reached the GUI thread. Once a task is off this list, nothing more comes from it."""
    with _running_lock:
        return sorted(task.name for task in _running)
