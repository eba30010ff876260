"""Running a batch: every pending answer of a batch, on its own thread.

The run reads and writes the database through a writer (core/storage/writer.py): the window's
when it runs from the window, its own otherwise. Local columns answer item by item, with one
worker thread per slot (the same runners as the window's columns), unless `local_plan` has
them answer several at once (core/batches/local_at_once.py), each through a pool as a server's;
server columns ask several questions at once meanwhile (core/batches/in_flight.py). An answer cut off by a pause or a kill
starts again from the beginning (same settings and seed). A teacher that answers 429 (rate
limit) slows the batch down (core/batches/pace.py): the answer waits and is asked again.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from filelock import Timeout

from imitation_lens.core.batches.in_flight import InFlight, server_at_once, start_pools
from imitation_lens.core.batches.local_at_once import LocalPlan
from imitation_lens.core.batches.pace import MIN_WAIT_S, Pace
from imitation_lens.core.batches.progress import BatchProgress as BatchProgress
from imitation_lens.core.batches.progress import SlotSpeed as SlotSpeed
from imitation_lens.core.batches.progress import time_left as time_left
from imitation_lens.core.batches.queued import (
    CANCELLED,
    FINISHED,
    PAUSED,
    PENDING,
    RUNNING,
    batch_lock,
    batch_summary,
    cancel_unstarted,
    next_item,
    pending_ids,
    requeue,
    retryable_failures,
    set_state,
)
from imitation_lens.core.batches.time_left import TimeLeft
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.events import (
    Event,
    FinishedEvent,
    GenerationRequest,
    Runner,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.running.slot_worker import SlotWorker
from imitation_lens.core.storage.event_rows import write_event
from imitation_lens.core.storage.store import Store
from imitation_lens.core.storage.writer import Writer, WriterClosed

log = logging.getLogger(__name__)
P = ParamSpec("P")
T = TypeVar("T")

_TICK_S = 0.05


class BatchRun:
    """Runs one batch on its own thread until it is finished, paused or cancelled.

    Pausing ends the run (its models are unloaded, so the window can use the memory); a new
    BatchRun on the same batch resumes it, as after a restart.

    `on_progress` and `on_event` are called on the batch's thread. `make_runner(index)` makes
    slot `index`'s runner on that slot's own thread, as in the window. `writer`: the writer of
    `database` in this process, if there is one (the window's); else the run opens its own.
    """

    def __init__(
        self,
        database: Path,
        batch_id: str,
        lineup: Sequence[SlotConfig],
        make_runner: Callable[[int], Callable[[], Runner]],
        on_progress: Callable[[BatchProgress], None],
        on_event: Callable[[str, int, Event], None] | None = None,
        retry_failed: bool = False,
        on_end: Callable[[], None] | None = None,
        min_wait_s: float = MIN_WAIT_S,
        cancel: bool = False,
        writer: Writer | None = None,
        local_plan: Callable[[], LocalPlan] | None = None,
    ) -> None:
        self._on_end = on_end
        self._local_plan = local_plan
        self._database = database
        self._shared_writer = writer
        self._writer: Writer | None = writer
        self.batch_id = batch_id
        self._lineup = list(lineup)
        self._make_runner = make_runner
        self._on_progress = on_progress
        self._on_event = on_event
        self._retry_failed = retry_failed
        # What the evaluator asked for: running | paused | cancelled (`cancel`: a paused batch
        # is cancelled by a run that cancels before it asks anything).
        self._wanted = CANCELLED if cancel else RUNNING
        self._changed = threading.Lock()
        self._events: queue.Queue[tuple[int, Event]] = queue.Queue()
        self._workers: list[SlotWorker] = []
        self._paces = [Pace(min_wait_s) for _unused in self._lineup]
        # Server columns ask several questions at once (core/batches/in_flight.py); local
        # columns too when `local_plan` says they can (core/batches/local_at_once.py), else
        # they answer one at a time, item by item.
        self._local = [i for i, slot in enumerate(self._lineup) if slot.is_local]
        self._local_note = ""  # why local columns answer fewer at once than they could
        self._local_pools = False  # local columns answer several at once in this run
        self._pools: list[InFlight] = []
        self._reporting = threading.Lock()  # reports come from the batch's and the pools' threads
        self._speeds: list[float | None] = [None] * len(self._lineup)
        self._time_left = TimeLeft()
        self._current: tuple[int, str] | None = None
        self._last_report = 0.0
        self._messages: dict[int, str] = {}  # per slot: why it is slowed down
        self.error = ""  # why the run could not go on, in plain words
        self._thread = threading.Thread(target=self._main, name="batch", daemon=True)

    # -- called from any thread ----------------------------------------------------------------

    def start(self) -> None:
        self._thread.start()

    def pause(self) -> None:
        """Stop now and leave the batch paused; what was being written starts again on resume."""
        self._want(PAUSED)

    def cancel(self) -> None:
        self._want(CANCELLED)

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def _want(self, state: str) -> None:
        with self._changed:
            if self._wanted != CANCELLED:
                self._wanted = state

    @property
    def _wants(self) -> str:
        with self._changed:
            return self._wanted

    # -- the batch's thread --------------------------------------------------------------------

    def _do(self, job: Callable[Concatenate[Store, P], T], *args: P.args, **kwargs: P.kwargs) -> T:
        """`job(store, *args)` on the writer's thread; the batch's thread waits for it."""
        assert self._writer is not None
        return self._writer.run(lambda store: job(store, *args, **kwargs))

    def _main(self) -> None:
        lock = batch_lock(self._database)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            self.error = _(
                "Another Imitation Lens window or `imitation-lens batch` is running a batch on "
                "this data right now. Let it finish (or pause it) first."
            )
            self._ended()
            return
        if self._writer is None:
            self._writer = Writer(self._database)
        try:
            self._run()
        except Exception as error:  # the batch must end in a known state, whatever went wrong
            if isinstance(error, WriterClosed) and self._shared_writer is not None:
                # The window closed before the batch had paused: it resumes from what was written.
                log.info("batch %s stopped: the window's writer has closed", self.batch_id)
            else:
                log.exception("batch run failed")
                self._want(PAUSED)  # the servers' questions stop too
                self.error = _(
                    "The batch stopped because of an error inside the app ({error})."
                ).format(error=error)
                with contextlib.suppress(Exception):
                    self._do(set_state, self.batch_id, PAUSED)
                    self._report(PAUSED)
        finally:
            for worker in self._workers:
                worker.shutdown()
            if self._shared_writer is None:
                self._writer.close()
                self._writer.join()
            lock.release()
            self._ended()

    def _ended(self) -> None:
        if self._on_end is not None:
            self._on_end()

    def _run(self) -> None:
        if self._wants == CANCELLED:  # before anything is requeued: partial answers are kept
            self._cancel()
            return

        def cut_off(store: Store) -> None:
            # Whatever a pause, close or kill cut off starts again; failed answers on request.
            requeue(store, pending_ids(store, self.batch_id, [s for s in PENDING if s != "queued"]))
            if self._retry_failed:
                requeue(store, retryable_failures(store, self.batch_id))

        self._do(cut_off)
        self._start_pools()
        while True:
            wanted = self._wants
            if wanted == CANCELLED:
                self._join_pools()  # their answers are written before the rest is cancelled
                self._cancel()
                return
            if wanted == PAUSED:
                self._join_pools()
                self._stop_workers()  # the models are unloaded while paused
                self._current = None
                # Paused just as the last answer came in: nothing is left, so it is finished.
                state = PAUSED if self._do(next_item, self.batch_id) is not None else FINISHED
                self._do(set_state, self.batch_id, state)
                self._report(state)
                return
            self._do(set_state, self.batch_id, RUNNING)
            found = self._do(next_item, self.batch_id, self._local)
            if found is None and self._pools:
                self._join_pools()  # the local columns are done: wait for the servers'
                continue  # paused or cancelled meanwhile, or finished
            if found is None:
                if self._do(next_item, self.batch_id) is not None:  # a pool stopped short
                    self.error = self.error or _("The batch stopped before every answer was in.")
                    self._do(set_state, self.batch_id, PAUSED)
                    self._report(PAUSED)
                    return
                self._do(set_state, self.batch_id, FINISHED)
                self._current = None
                self._report(FINISHED)
                return
            item_id, position, prompt, answers = found
            self._current = (position, item_id)
            self._report(RUNNING)
            started = time.monotonic()
            if self._answer(prompt, answers) and not self._pools:
                self._time_left.question_done(time.monotonic() - started)

    def _start_pools(self) -> None:
        assert self._writer is not None
        local: list[InFlight] = []
        if self._local_plan is not None and self._local:
            plan = self._local_plan()
            self._local_note = plan.message
            local = plan.start_pools(
                self.batch_id,
                self._local,
                self._writer,
                lambda: self._wants,
                self._pool_event,
                self._report,
                self._paces,
            )
            if local:
                self._local, self._local_pools = [], True
        self._pools = local + start_pools(
            self.batch_id,
            server_at_once(self._lineup),
            self._make_runner,
            self._writer,
            lambda: self._wants,
            self._pool_event,
            self._report,
            self._paces,
        )

    def _pool_event(self, index: int, event: Event) -> None:
        if self._on_event is not None:
            self._on_event(self.batch_id, index, event)

    def _join_pools(self) -> None:
        for pool in self._pools:
            pool.join()
            if pool.error:
                self.error = pool.error
                self._want(PAUSED)
        self._pools = []

    def _cancel(self) -> None:
        self._report("cancelling")
        self._stop_workers()
        self._do(cancel_unstarted, self.batch_id)
        self._current = None
        self._report(CANCELLED)

    def _stop_workers(self) -> None:
        for worker in self._workers:
            worker.shutdown()
        self._workers = []

    def _worker(self, index: int) -> SlotWorker:
        if not self._workers:
            self._workers = [
                SlotWorker(self._make_runner(i), partial(self._put, i), f"batch-{i}-{slot.role}")
                for i, slot in enumerate(self._lineup)
            ]
        return self._workers[index]

    def _put(self, index: int, event: Event) -> None:  # on a slot's thread
        self._events.put((index, event))

    def _answer(self, prompt: str, answers: list[tuple[str, int]]) -> bool:
        """Answer one item's pending answers; True when all of them finished (no pause)."""
        waiting = {rid: time.monotonic() + self._paces[slot].wait_s for rid, slot in answers}
        slot_of = dict(answers)
        running: set[str] = set()
        interrupted = False
        while waiting or running:
            wanted = self._wants
            if wanted != RUNNING and not interrupted:
                interrupted = True
                self._report("pausing" if wanted == PAUSED else "cancelling")
                waiting.clear()  # not asked yet: they stay queued
                for rid in running:
                    self._worker(slot_of[rid]).stop(rid)
            now = time.monotonic()
            for rid, due in list(waiting.items()):
                if due <= now:
                    del waiting[rid]
                    running.add(rid)
                    self._do(requeue, [rid])  # a final row would never take the new answer
                    self._worker(slot_of[rid]).submit(GenerationRequest(rid, prompt))
            try:
                index, event = self._events.get(timeout=_TICK_S)
            except queue.Empty:
                continue
            rid = event.response_id
            shown: Event = event
            if isinstance(event, TextEvent):
                # Not written as it streams: a cut-off batch answer is written again anyway.
                if event.tokens_per_second is not None:
                    self._speeds[index] = event.tokens_per_second
                if time.monotonic() - self._last_report >= 1.0:  # speeds, about once a second
                    self._report(RUNNING)
            elif isinstance(event, FinishedEvent):
                running.discard(rid)
                retry_in = self._finished(index, event, interrupted)
                if retry_in is not None:
                    waiting[rid] = time.monotonic() + retry_in
                    shown = StateEvent(rid, Status.QUEUED)  # asked again: not a failure
            else:
                self._do(write_event, event)
            if self._on_event is not None:
                self._on_event(self.batch_id, index, shown)
        return not interrupted

    def _finished(self, index: int, event: FinishedEvent, interrupted: bool) -> float | None:
        """Keep a finished answer; the seconds to wait before asking again, if it will be."""
        rid = event.response_id
        if interrupted and self._wants == PAUSED and event.status is not Status.DONE:
            self._do(requeue, [rid])  # cut off by a pause: written again on resume
            return None
        pace = self._paces[index]
        rate_limited = event.facts.get("failure") == "rate_limited"
        if rate_limited and not interrupted and pace.may_retry(rid):
            wait = pace.slow_down(rid, event.facts.get("retry_after"))
            # No column named: in a blind session that would tell the API column apart.
            self._messages[index] = _(
                "A server is limiting requests (429), so the batch slows down: asking again "
                "in {seconds} s."
            ).format(seconds=translation.number(wait))
            self._do(requeue, [rid])
            self._report("slowed")
            return wait
        self._messages.pop(index, None)
        if event.status is Status.DONE:
            pace.answered(rid)
        self._do(write_event, event)
        if event.status is Status.DONE:
            speed = event.facts.get("tokens_per_second")
            if isinstance(speed, int | float):
                self._speeds[index] = float(speed)
        self._report(RUNNING)
        return None

    def _report(self, state: str) -> None:
        with self._reporting:
            self._report_now(state)

    def _report_now(self, state: str) -> None:
        self._last_report = time.monotonic()
        summary = self._do(batch_summary, self.batch_id)
        remaining = summary.total - summary.answered
        if self._pools:  # several at once: the pace is the time between questions coming in
            self._time_left.answered_by_now(summary.answered)
        seconds_left = None
        if state in (RUNNING, "slowed"):
            seconds_left = self._time_left.seconds(remaining)
        current = self._current or next((p.current for p in self._pools if p.current), None)
        if self._local_pools and self._pools and state == RUNNING:
            # Several local answers at once: the question being answered is the first one not
            # yet answered (what the window follows), not the latest asked.
            first = self._do(next_item, self.batch_id)
            current = None if first is None else (first[1], first[0])
        messages = dict(self._messages)
        if self._local_note:
            messages[-1] = self._local_note
        for pool in list(self._pools):
            self._speeds[pool.index] = pool.speed or self._speeds[pool.index]
            if pool.message:
                messages[pool.index] = pool.message
        speeds = tuple(
            SlotSpeed(slot.role, speed)
            for slot, speed in zip(self._lineup, self._speeds, strict=True)
        )
        self._on_progress(
            BatchProgress(
                self.batch_id,
                state,
                summary.total,
                summary.answered,
                summary.failed,
                None if current is None else current[0],
                None if current is None else current[1],
                seconds_left,
                speeds,
                " ".join(messages.values()),
            )
        )
