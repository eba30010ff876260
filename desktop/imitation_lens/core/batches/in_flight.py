"""Asking a server column's batch answers several at once.

A local model answers one question at a time, so local columns keep the batch's item-by-item
path (core/batches/run.py). A server (an API, vLLM, llama.cpp's server) takes many requests at
once, and a request spends most of its time waiting on it; so a server column's answers are
claimed one by one (core/batches/queued.claim_answer: the row becomes 'loading'), asked N at a
time, each on its own thread, and each is written (through the writer) as soon as it finishes.
A kill leaves the claimed answers unfinished; a resume asks each of them again, once, and never
one that was finished.

N starts at the column's "questions at once" (Server.in_flight). A refusal (429) or a server
error (5xx) halves it, down to 1, and the batch's message says so; a refused answer is asked
again after a wait (core/batches/pace.py). N goes back up slowly: one more after RAISE_AFTER
answers in a row came through, never above what was set, since a server that refused once at
N is likely to refuse again there.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable, Mapping, Sequence

from imitation_lens.core.batches.pace import Pace
from imitation_lens.core.batches.queued import CANCELLED, PAUSED, RUNNING, claim_answer, requeue
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
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.storage.event_rows import write_event
from imitation_lens.core.storage.writer import Writer, WriterClosed

log = logging.getLogger(__name__)

RAISE_AFTER = 20  # answers in a row that came through before one more is asked at once
_TICK_S = 0.05


def start_pools(
    batch_id: str,
    at_once: Mapping[int, int],
    make_runner: Callable[[int], Callable[[], Runner]],
    writer: Writer,
    wants: Callable[[], str],
    on_event: Callable[[int, Event], None],
    on_change: Callable[[str], None],
    paces: Sequence[Pace],
) -> list[InFlight]:
    """One started pool per column of `at_once` (column index → questions asked at once)."""
    pools = []
    for index, most in at_once.items():
        pool = InFlight(
            batch_id,
            index,
            most,
            make_runner(index),
            writer,
            wants,
            on_event,
            on_change,
            paces[index],
        )
        pool.start()
        pools.append(pool)
    return pools


def server_at_once(lineup: Sequence[SlotConfig]) -> dict[int, int]:
    """Each server column's questions at once (its connection's setting)."""
    return {
        index: slot.source.in_flight
        for index, slot in enumerate(lineup)
        if isinstance(slot.source, Server)
    }


class InFlight:
    """Asks slot `index`'s queued answers of a batch, `limit` at once, on its own thread.

    `wants()` says what the evaluator asked for (running, paused, cancelled); `on_event(index,
    event)` and `on_change(state)` are called on this pool's thread. `message` says, in plain
    words, why fewer questions are asked at once than were set ("" when none).
    """

    def __init__(
        self,
        batch_id: str,
        index: int,
        limit: int,
        make_runner: Callable[[], Runner],
        writer: Writer,
        wants: Callable[[], str],
        on_event: Callable[[int, Event], None],
        on_change: Callable[[str], None],
        pace: Pace,
    ) -> None:
        self.batch_id = batch_id
        self.index = index
        self.wanted_limit = max(1, limit)
        self.limit = self.wanted_limit
        self.most_at_once = 0  # the most answers this pool had asked at the same time
        self.message = ""
        self.speed: float | None = None  # tokens per second of the latest answer
        self.current: tuple[int, str] | None = None  # (place, item id) of the latest asked
        self.error = ""
        self._make_runner = make_runner
        self._writer = writer
        self._wants = wants
        self._on_event = on_event
        self._on_change = on_change
        self._pace = pace
        self._events: queue.Queue[Event] = queue.Queue()
        self._running: dict[str, threading.Event] = {}  # answer id → its stop
        self._asked_at: dict[str, int] = {}  # answer id → how many were asked at once then
        self._ask_after = 0.0  # monotonic time before which nothing new is asked (a 429)
        self._streak = 0  # answers in a row that came through
        self._interrupted = False
        self._exhausted = False  # none of the slot's answers is left to claim
        self._change: str | None = None  # progress to report once the next questions are asked
        self._runner: Runner | None = None
        self._thread = threading.Thread(
            target=self._main, name=f"batch-{index}-at-once", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> bool:
        self._thread.join(timeout)
        return not self._thread.is_alive()

    # -- the pool's thread ------------------------------------------------------------------------

    def _main(self) -> None:
        try:
            self._serve()
        except WriterClosed:  # the window closed: what was claimed is asked again on resume
            log.info("batch %s: the window's writer has closed", self.batch_id)
        except Exception as error:  # the batch must end in a known state, whatever went wrong
            log.exception("asking a server several questions at once failed")
            self.error = _(
                "The batch stopped because of an error inside the app ({error})."
            ).format(error=error)
        finally:
            for stop in list(self._running.values()):
                stop.set()
            if self._runner is not None:
                self._runner.close()

    def _serve(self) -> None:
        while True:
            if self._wants() != RUNNING and not self._interrupted:
                self._interrupted = True
                for stop in self._running.values():
                    stop.set()
            while (
                not self._interrupted
                and not self._exhausted
                and len(self._running) < self.limit
                and time.monotonic() >= self._ask_after
            ):
                claimed = self._writer.run(lambda s: claim_answer(s, self.batch_id, self.index))
                if claimed is None:
                    self._exhausted = True  # until one is asked again (a 429)
                    break
                self._ask(claimed[0], claimed[2])
                self.current = (claimed[1], claimed[3])
            # Only now, once the answers just finished are replaced by new questions: the
            # server is never left with fewer than it can take while progress is counted.
            self._report_change()
            if not self._running and (self._interrupted or self._exhausted):
                self._report_change()
                return
            try:
                event = self._events.get(timeout=_TICK_S)
            except queue.Empty:
                continue
            self._handle(event)

    def _changed(self, state: str) -> None:
        if self._change != "slowed":  # a slow-down is told, not overwritten by plain progress
            self._change = state

    def _report_change(self) -> None:
        # Every answer's progress is told (the CLI prints each count), after the questions
        # that replace it are asked: counting the batch's answers takes a writer round-trip.
        if self._change is not None:
            state, self._change = self._change, None
            self._on_change(state)

    def _ask(self, rid: str, prompt: str) -> None:
        if self._runner is None:
            self._runner = self._make_runner()
        runner = self._runner
        stop = threading.Event()
        self._running[rid] = stop
        self._asked_at[rid] = self.limit
        self.most_at_once = max(self.most_at_once, len(self._running))
        request = GenerationRequest(rid, prompt)

        def work() -> None:
            finished = False

            def emit(event: Event) -> None:
                nonlocal finished
                finished = finished or isinstance(event, FinishedEvent)
                self._events.put(event)

            try:
                runner.generate(request, emit, stop)
            except Exception as error:  # a runner bug fails one answer, not the batch
                log.exception("A runner failed on answer %s", rid)
                if not finished:
                    emit(FinishedEvent(rid, Status.FAILED, "", f"Something went wrong: {error!r}"))
            if not finished:  # every claimed answer ends, so the pool never waits forever
                emit(FinishedEvent(rid, Status.FAILED, "", "The server's answer ended unread."))

        threading.Thread(target=work, name=f"batch-{self.index}-{rid[:8]}", daemon=True).start()

    def _handle(self, event: Event) -> None:
        rid = event.response_id
        shown: Event = event
        if isinstance(event, TextEvent):
            if event.tokens_per_second is not None:
                self.speed = event.tokens_per_second
        elif isinstance(event, FinishedEvent):
            self._running.pop(rid, None)
            if self._finished(event, self._asked_at.pop(rid, self.limit)):
                shown = StateEvent(rid, Status.QUEUED)  # asked again: not a failure
        else:
            # Facts and states: written in order (before the answer itself, which is waited
            # for) but not waited for, so the pool goes on reading the other answers meanwhile.
            self._writer.call(lambda s: write_event(s, event))
        self._on_event(self.index, shown)

    def _finished(self, event: FinishedEvent, asked_at: int) -> bool:
        """Keep a finished answer; True when it will be asked again instead."""
        rid = event.response_id
        wanted = self._wants()
        if self._interrupted and wanted == PAUSED and event.status is not Status.DONE:
            self._writer.run(lambda s: requeue(s, [rid]))  # cut off: written again on resume
            return False
        failure = event.facts.get("failure")
        if failure == "rate_limited" and wanted != CANCELLED and self._pace.may_retry(rid):
            wait = self._pace.slow_down(rid, event.facts.get("retry_after"))
            self._ask_after = time.monotonic() + wait
            self._lower(asked_at, wait)
            self._writer.run(lambda s: requeue(s, [rid]))
            self._exhausted = False
            self._changed("slowed")
            return True
        if failure == "server_error":
            self._lower(asked_at, None)
        self._writer.run(lambda s: write_event(s, event))
        if event.status is Status.DONE:
            self._pace.answered(rid)
            speed = event.facts.get("tokens_per_second")
            if isinstance(speed, int | float):
                self.speed = float(speed)
            self._came_through()
        self._changed(RUNNING)
        return False

    def _lower(self, asked_at: int, wait: float | None) -> None:
        """Fewer questions at once after a refusal (429, `wait` s before asking again) or a
        server error (5xx, `wait` None)."""
        self._streak = 0
        if asked_at <= self.limit:  # once per refusal of a level: the others asked with it
            self.limit = max(1, self.limit // 2)  # were refused for the same reason
        # No column named: in a blind session that would tell the API column apart.
        # Whole sentences per case: a translator can't rebuild one from glued parts.
        if wait is not None and self.limit == 1:
            message = _(
                "A server is limiting requests (429), so the batch slows down: it asks one "
                "question at a time (of {wanted}). Asking again in {seconds} s."
            )
        elif wait is not None:
            message = _(
                "A server is limiting requests (429), so the batch slows down: it asks {n} "
                "questions at once (of {wanted}). Asking again in {seconds} s."
            )
        elif self.limit == 1:
            message = _(
                "A server had errors (5xx), so the batch slows down: it asks one question at "
                "a time (of {wanted})."
            )
        else:
            message = _(
                "A server had errors (5xx), so the batch slows down: it asks {n} questions at "
                "once (of {wanted})."
            )
        self.message = message.format(
            n=self.limit, wanted=self.wanted_limit, seconds=translation.number(wait or 0)
        )

    def _came_through(self) -> None:
        self._streak += 1
        if self._streak < RAISE_AFTER:
            if self.limit == self.wanted_limit and self._ask_after <= time.monotonic():
                self.message = ""
            return
        self._streak = 0
        if self.limit < self.wanted_limit:
            self.limit += 1
            self.message = (
                ""
                if self.limit == self.wanted_limit
                else _(
                    "The batch asks a server {n} questions at once (of {wanted}) while it recovers."
                ).format(n=self.limit, wanted=self.wanted_limit)
            )
