"""One thread per column: it owns the column's runner (and so its model) and serves requests in turn."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.events import (
    EmitFn,
    FinishedEvent,
    GenerationRequest,
    Runner,
    Status,
)

log = logging.getLogger(__name__)


class SlotWorker:
    """Owns one runner on its own thread. `on_event` is called on that thread."""

    def __init__(self, make_runner: Callable[[], Runner], on_event: EmitFn, name: str) -> None:
        self._make_runner = make_runner
        self._emit = on_event
        self._queue: queue.Queue[tuple[GenerationRequest, threading.Event] | None] = queue.Queue()
        self._stops: dict[str, threading.Event] = {}
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self._serve, name=f"slot-{name}", daemon=True)
        self._thread.start()

    def submit(self, request: GenerationRequest) -> None:
        stop = threading.Event()
        with self._lock:
            self._stops[request.response_id] = stop
        self._queue.put((request, stop))

    def stop(self, response_id: str) -> None:
        with self._lock:
            event = self._stops.get(response_id)
        if event is not None:
            event.set()

    def stop_all(self) -> None:
        with self._lock:
            events = list(self._stops.values())
        for event in events:
            event.set()

    def shutdown(self) -> None:
        """Stop whatever runs and let the thread end by itself; never blocks the caller."""
        self.stop_all()
        self._queue.put(None)

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _serve(self) -> None:
        runner: Runner | None = None
        try:
            while (item := self._queue.get()) is not None:
                request, stop = item
                try:
                    if stop.is_set():
                        self._emit(FinishedEvent(request.response_id, Status.STOPPED, ""))
                        continue
                    if runner is None:
                        runner = self._make_runner()
                    runner.generate(request, self._emit, stop)
                except Exception as error:  # a runner bug must not take the column down
                    log.exception("A runner failed on answer %s", request.response_id)
                    self._emit(
                        FinishedEvent(
                            request.response_id,
                            Status.FAILED,
                            "",
                            _("Something went wrong inside the app: {detail}").format(
                                detail=repr(error)
                            ),
                        )
                    )
                finally:
                    with self._lock:  # not a later resubmission's event (a batch asks again)
                        if self._stops.get(request.response_id) is stop:
                            del self._stops[request.response_id]
        finally:
            if runner is not None:
                runner.close()
