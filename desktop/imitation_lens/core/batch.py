"""Batch runs: a prompt set answered by every slot of the lineup, unattended and resumable.

`create_batch` writes the batch, all its items and one queued answer per slot and item in one
transaction. `BatchRun` then answers what is still queued, item by item, on its own thread
with its own database connection. Because every answer row exists before anything runs, a
batch that is paused, closed or killed picks up by answering the rows that are not finished
yet: an answer is never written twice and none goes missing. An answer cut off by a pause or
a kill starts again from the beginning (same settings and seed).

A teacher that answers 429 (rate limit) slows the batch down: the answer waits (the server's
Retry-After, else twice the last wait, from 2 s up to a minute) and is asked again, and the
next questions keep that pace until answers come through again.
"""

from __future__ import annotations

import json
import logging
import queue
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from imitation_lens.core.blind import shown_order
from imitation_lens.core.generation import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Runner,
    StateEvent,
    Status,
    TextEvent,
    utc_now,
)
from imitation_lens.core.lineup import SlotConfig
from imitation_lens.core.prompt_sets import PromptSet
from imitation_lens.core.replay import record_teacher_answer
from imitation_lens.core.runners import queued_response
from imitation_lens.core.slot_worker import SlotWorker
from imitation_lens.core.store import Store, new_id

log = logging.getLogger(__name__)

RUNNING, PAUSED, CANCELLED, FINISHED = "running", "paused", "cancelled", "finished"
# Answers a batch still has to write: queued, or cut off by a pause, a close or a kill.
_PENDING = ("queued", "loading", "thinking", "streaming", "interrupted")
MIN_WAIT_S = 2.0
MAX_WAIT_S = 60.0
MAX_RATE_LIMITED = 8  # times in a row one answer is refused before it counts as failed
_TICK_S = 0.05


@dataclass(frozen=True)
class BatchSummary:
    id: str
    session_id: str
    set_name: str
    state: str
    total: int  # items
    answered: int  # items whose every answer is finished
    failed: int  # answers that failed
    pending: int  # answers still to write

    @property
    def resumable(self) -> bool:
        return self.state in (RUNNING, PAUSED) and self.pending > 0


@dataclass(frozen=True)
class SlotSpeed:
    role: str
    tokens_per_second: float | None


@dataclass(frozen=True)
class BatchProgress:
    batch_id: str
    state: str  # running | pausing | paused | cancelling | cancelled | finished | slowed
    total: int
    answered: int
    failed: int
    current: int | None  # the place in the set of the item being answered
    current_item_id: str | None
    seconds_left: float | None
    speeds: tuple[SlotSpeed, ...] = ()
    message: str = ""  # plain words, for the status line

    @property
    def fraction(self) -> float:
        return self.answered / self.total if self.total else 1.0


def time_left(seconds: float | None) -> str:
    if seconds is None:
        return "estimating time left…"
    if seconds < 60:
        return "less than a minute left"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"about {minutes} min left"
    return f"about {minutes / 60:.1f} hours left"


# -- the batch in the database ---------------------------------------------------------------


def create_batch(
    store: Store,
    session_id: str,
    prompt_set: PromptSet,
    lineup: Sequence[SlotConfig],
    blind_seed: int | None = None,
) -> str:
    """Write a batch with all its items and queued answers, in one transaction."""
    batch_id = new_id()
    now = utc_now()
    with store.db.atomic():
        start = store.db.execute(
            "SELECT COALESCE(MAX(position), 0) FROM items WHERE session_id = ?", [session_id]
        ).fetchone()[0]
        store.db.table("batches").insert(
            {
                "id": batch_id,
                "session_id": session_id,
                "set_id": prompt_set.id,
                "set_name": prompt_set.name,
                "state": PAUSED,
                "item_count": len(prompt_set.items),
                "created_at": now,
                "updated_at": now,
                "finished_at": None,
            }
        )
        items = []
        responses = []
        for offset, entry in enumerate(prompt_set.items):
            item_id = new_id()
            order = list(range(len(lineup)))
            if blind_seed is not None:
                order = shown_order(len(lineup), start + offset, blind_seed)
            items.append(
                {
                    "id": item_id,
                    "session_id": session_id,
                    "position": start + offset + 1,
                    "prompt": entry.prompt,
                    "created_at": now,
                    "reference": entry.reference,
                    "reference_source": entry.source,
                    "aliases": json.dumps(list(entry.aliases), ensure_ascii=False),
                    "tags": json.dumps(list(entry.tags), ensure_ascii=False),
                    "shown_order": json.dumps(order),
                    "batch_id": batch_id,
                    "batch_position": offset + 1,
                }
            )
            for index, slot in enumerate(lineup):
                row = queued_response(new_id(), index, slot)
                row["params"] = json.dumps(row["params"])
                responses.append(
                    row
                    | {
                        "item_id": item_id,
                        "status": Status.QUEUED.value,
                        "text": "",
                        "error": "",
                        "created_at": now,
                        "updated_at": now,
                    }
                )
        store.db.table("items").insert_all(items)
        store.db.table("responses").insert_all(responses)
        store.db.table("sessions").update(session_id, {"updated_at": now})
    return batch_id


def batch_summary(store: Store, batch_id: str) -> BatchSummary:
    batch = store.db.table("batches").get(batch_id)
    pending = ", ".join("?" for _ in _PENDING)
    row = store.db.execute(
        f"""SELECT
            COUNT(DISTINCT i.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM responses p
                WHERE p.item_id = i.id AND p.status IN ({pending}))),
            COUNT(r.id) FILTER (WHERE r.status = 'failed'),
            COUNT(r.id) FILTER (WHERE r.status IN ({pending}))
        FROM items i JOIN responses r ON r.item_id = i.id WHERE i.batch_id = ?""",
        [*_PENDING, *_PENDING, batch_id],
    ).fetchone()
    total = store.db.execute(
        "SELECT COUNT(*) FROM items WHERE batch_id = ?", [batch_id]
    ).fetchone()[0]
    return BatchSummary(
        batch["id"],
        batch["session_id"],
        batch["set_name"],
        batch["state"],
        total,
        row[0] or 0,
        row[1] or 0,
        row[2] or 0,
    )


def session_batches(store: Store, session_id: str) -> list[BatchSummary]:
    return [
        batch_summary(store, row["id"])
        for row in store.db.query(
            "SELECT id FROM batches WHERE session_id = ? ORDER BY created_at", [session_id]
        )
    ]


def unfinished_batch(store: Store, session_id: str) -> BatchSummary | None:
    """The session's batch that still has answers to write (running, paused or cut off)."""
    for summary in reversed(session_batches(store, session_id)):
        if summary.resumable:
            return summary
    return None


def interrupted_batches(store: Store) -> int:
    """At start-up: batches left 'running' by an app that closed or was killed are paused."""
    with store.db.atomic():
        cursor = store.db.execute(
            "UPDATE batches SET state = ?, updated_at = ? WHERE state = ?",
            [PAUSED, utc_now(), RUNNING],
        )
    return cursor.rowcount


def _set_state(store: Store, batch_id: str, state: str) -> None:
    now = utc_now()
    with store.db.atomic():
        store.db.table("batches").update(
            batch_id,
            {"state": state, "updated_at": now}
            | ({"finished_at": now} if state in (FINISHED, CANCELLED) else {}),
        )


def _requeue(store: Store, response_ids: Sequence[str]) -> None:
    """Answers to write again from the start: a pause, close or kill cut them off."""
    with store.db.atomic():
        for response_id in response_ids:
            store.db.execute(
                "UPDATE responses SET status = 'queued', text = '', error = '', started_at = NULL, "
                "first_token_at = NULL, ended_at = NULL, ttft_ms = NULL, tokens_out = NULL, "
                "tokens_per_second = NULL, updated_at = ? WHERE id = ?",
                [utc_now(), response_id],
            )


def _pending_ids(store: Store, batch_id: str, statuses: Sequence[str]) -> list[str]:
    marks = ", ".join("?" for _ in statuses)
    return [
        str(row[0])
        for row in store.db.execute(
            f"SELECT r.id FROM responses r JOIN items i ON i.id = r.item_id "
            f"WHERE i.batch_id = ? AND r.status IN ({marks})",
            [batch_id, *statuses],
        )
    ]


def _next_item(store: Store, batch_id: str) -> tuple[str, int, str, list[tuple[str, int]]] | None:
    """The first item with answers still to write: its id, place, prompt, (answer id, slot)."""
    marks = ", ".join("?" for _ in _PENDING)
    row = store.db.execute(
        f"SELECT i.id, i.batch_position, i.prompt FROM items i WHERE i.batch_id = ? AND EXISTS "
        f"(SELECT 1 FROM responses r WHERE r.item_id = i.id AND r.status IN ({marks})) "
        "ORDER BY i.batch_position LIMIT 1",
        [batch_id, *_PENDING],
    ).fetchone()
    if row is None:
        return None
    answers = [
        (str(r[0]), int(r[1]))
        for r in store.db.execute(
            f"SELECT id, slot_index FROM responses WHERE item_id = ? AND status IN ({marks}) "
            "ORDER BY slot_index",
            [row[0], *_PENDING],
        )
    ]
    return str(row[0]), int(row[1]), str(row[2]), answers


def cancel_unstarted(store: Store, batch_id: str) -> None:
    """Cancelling: questions no slot has started are removed (nothing of them was written);
    answers not started in an item that others answered say why they are empty."""
    now = utc_now()
    with store.db.atomic():
        untouched = [
            str(row[0])
            for row in store.db.execute(
                "SELECT i.id FROM items i WHERE i.batch_id = ? AND NOT EXISTS (SELECT 1 FROM "
                "responses r WHERE r.item_id = i.id AND r.status != 'queued')",
                [batch_id],
            )
        ]
        for item_id in untouched:
            store.db.execute("DELETE FROM responses WHERE item_id = ?", [item_id])
            store.db.execute("DELETE FROM items WHERE id = ?", [item_id])
        store.db.execute(
            "UPDATE responses SET status = 'stopped', error = ?, updated_at = ? WHERE status "
            "IN ('queued', 'interrupted') AND item_id IN (SELECT id FROM items WHERE batch_id = ?)",
            ["The batch was cancelled before this answer was written.", now, batch_id],
        )
        store.db.table("batches").update(
            batch_id,
            {
                "state": CANCELLED,
                "updated_at": now,
                "finished_at": now,
                "item_count": store.db.execute(
                    "SELECT COUNT(*) FROM items WHERE batch_id = ?", [batch_id]
                ).fetchone()[0],
            },
        )


# -- running it ------------------------------------------------------------------------------


@dataclass
class _Pace:
    """How long a rate-limited slot waits before its next request."""

    min_wait_s: float = MIN_WAIT_S
    wait_s: float = 0.0
    refused: dict[str, int] = field(default_factory=dict)  # answer id → refusals in a row

    def slow_down(self, response_id: str, retry_after: float | None) -> float:
        self.refused[response_id] = self.refused.get(response_id, 0) + 1
        doubled = max(self.min_wait_s, self.wait_s * 2)
        self.wait_s = min(MAX_WAIT_S, max(retry_after or 0.0, doubled))
        return self.wait_s

    def answered(self, response_id: str) -> None:
        self.refused.pop(response_id, None)
        self.wait_s = self.wait_s / 2 if self.wait_s > self.min_wait_s else 0.0


class BatchRun:
    """Runs one batch on its own thread until it is finished, paused or cancelled.

    Pausing ends the run (its models are unloaded, so the window can use the memory); a new
    BatchRun on the same batch resumes it, as after a restart.

    `on_progress` and `on_event` are called on the batch's thread. `make_runner(index)` makes
    slot `index`'s runner on that slot's own thread, as in the window.
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
    ) -> None:
        self._on_end = on_end
        self._database = database
        self.batch_id = batch_id
        self._lineup = list(lineup)
        self._make_runner = make_runner
        self._on_progress = on_progress
        self._on_event = on_event
        self._retry_failed = retry_failed
        self._wanted = RUNNING  # what the evaluator asked for: running | paused | cancelled
        self._changed = threading.Lock()
        self._events: queue.Queue[tuple[int, Event]] = queue.Queue()
        self._workers: list[SlotWorker] = []
        self._paces = [_Pace(min_wait_s) for _ in self._lineup]
        self._speeds: list[float | None] = [None] * len(self._lineup)
        self._item_seconds: list[float] = []
        self._summary: BatchSummary | None = None
        self._current: tuple[int, str] | None = None
        self._last_report = 0.0
        self._message = ""
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

    def _main(self) -> None:
        store = Store(self._database)
        try:
            self._run(store)
        except Exception:  # the batch must end in a known state, whatever went wrong
            log.exception("batch run failed")
            self._message = "The batch stopped because of an error inside the app; see the log."
            try:
                _set_state(store, self.batch_id, PAUSED)
            finally:
                self._report(store, PAUSED)
        finally:
            for worker in self._workers:
                worker.shutdown()
            store.close()
            if self._on_end is not None:
                self._on_end()

    def _run(self, store: Store) -> None:
        statuses = (*_PENDING, "failed") if self._retry_failed else _PENDING
        # Whatever a pause, close or kill cut off starts again; failed answers only on request.
        _requeue(store, _pending_ids(store, self.batch_id, [s for s in statuses if s != "queued"]))
        while True:
            wanted = self._wants
            if wanted == CANCELLED:
                self._report(store, "cancelling")
                self._stop_workers()
                cancel_unstarted(store, self.batch_id)
                self._report(store, CANCELLED)
                return
            if wanted == PAUSED:
                self._stop_workers()  # the models are unloaded while paused
                _set_state(store, self.batch_id, PAUSED)
                self._current = None
                self._report(store, PAUSED)
                return
            _set_state(store, self.batch_id, RUNNING)
            found = _next_item(store, self.batch_id)
            if found is None:
                _set_state(store, self.batch_id, FINISHED)
                self._current = None
                self._report(store, FINISHED)
                return
            item_id, position, prompt, answers = found
            self._current = (position, item_id)
            self._report(store, RUNNING)
            started = time.monotonic()
            if self._answer(store, prompt, answers):
                self._item_seconds.append(time.monotonic() - started)

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

    def _answer(self, store: Store, prompt: str, answers: list[tuple[str, int]]) -> bool:
        """Answer one item's pending answers; True when all of them finished (no pause)."""
        waiting = {rid: time.monotonic() + self._paces[slot].wait_s for rid, slot in answers}
        slot_of = dict(answers)
        running: set[str] = set()
        interrupted = False
        while waiting or running:
            wanted = self._wants
            if wanted != RUNNING and not interrupted:
                interrupted = True
                self._report(store, "pausing" if wanted == PAUSED else "cancelling")
                waiting.clear()  # not asked yet: they stay queued
                for rid in running:
                    self._worker(slot_of[rid]).stop(rid)
            now = time.monotonic()
            for rid, due in list(waiting.items()):
                if due <= now:
                    del waiting[rid]
                    running.add(rid)
                    self._worker(slot_of[rid]).submit(GenerationRequest(rid, prompt))
            try:
                index, event = self._events.get(timeout=_TICK_S)
            except queue.Empty:
                continue
            if self._on_event is not None:
                self._on_event(self.batch_id, index, event)
            rid = event.response_id
            if isinstance(event, StateEvent):
                store.set_status(rid, event.status)
            elif isinstance(event, FactsEvent):
                store.update_response(rid, event.facts)
            elif isinstance(event, TextEvent):
                if event.tokens_per_second is not None:
                    self._speeds[index] = event.tokens_per_second
                if time.monotonic() - self._last_report >= 1.0:  # speeds, about once a second
                    self._report(store, RUNNING)
            elif isinstance(event, FinishedEvent):
                running.discard(rid)
                retry_in = self._finished(store, index, event, interrupted)
                if retry_in is not None and not interrupted:
                    waiting[rid] = time.monotonic() + retry_in
        return not interrupted

    def _finished(
        self, store: Store, index: int, event: FinishedEvent, interrupted: bool
    ) -> float | None:
        """Keep a finished answer; the seconds to wait before asking again, if it will be."""
        rid = event.response_id
        if interrupted and self._wants == PAUSED and event.status is not Status.DONE:
            _requeue(store, [rid])  # cut off by a pause: written again on resume
            return None
        pace = self._paces[index]
        rate_limited = event.facts.get("failure") == "rate_limited"
        if rate_limited and pace.refused.get(rid, 0) + 1 < MAX_RATE_LIMITED:
            wait = pace.slow_down(rid, event.facts.get("retry_after"))
            role = self._lineup[index].role
            self._message = (
                f"The {role} server is limiting requests (429), so the batch slows down: "
                f"asking again in {wait:.0f} s."
            )
            _requeue(store, [rid])
            self._report(store, "slowed")
            return wait
        if event.status is Status.DONE:
            pace.answered(rid)
            if pace.wait_s == 0:
                self._message = ""
        store.finish_response(rid, event.status, event.text, event.error, event.facts)
        if event.status is Status.DONE:
            record_teacher_answer(store, rid)  # kept for replay when offline
            speed = event.facts.get("tokens_per_second")
            if isinstance(speed, int | float):
                self._speeds[index] = float(speed)
        self._report(store, RUNNING)
        return None

    def _report(self, store: Store, state: str) -> None:
        self._last_report = time.monotonic()
        summary = batch_summary(store, self.batch_id)
        remaining = summary.total - summary.answered
        seconds_left = None
        if self._item_seconds and state in (RUNNING, "slowed"):
            recent = self._item_seconds[-20:]
            seconds_left = sum(recent) / len(recent) * remaining
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
                None if self._current is None else self._current[0],
                None if self._current is None else self._current[1],
                seconds_left,
                speeds,
                self._message,
            )
        )
