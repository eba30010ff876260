"""Following a batch that another process runs on this data (`imitation-lens batch`, or another
window): its session, when on screen, shows the question being answered and moves on with it.

Nothing reports that batch's progress to this window, so the database is read every two
seconds (on the writer's thread) while its session is on screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QObject, QTimer

from imitation_lens.core.batches.queued import (
    RUNNING,
    BatchSummary,
    batch_running_elsewhere,
    batch_summary,
    next_item,
)
from imitation_lens.core.batches.run import BatchProgress
from imitation_lens.core.judging.progress import JudgingProgress, judging_progress
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.batch_host import BatchHost
from imitation_lens.ui.batch_panel import BatchPanel

POLL_MS = 2000


class WatchingFlow(Protocol):
    """What the watch needs from the batch flow it belongs to."""

    host: BatchHost
    panel: BatchPanel
    following: bool  # the watch sets it too: the evaluator went elsewhere, or came back

    def show_batch(self, batch: BatchSummary | None, judging: JudgingProgress) -> None: ...


@dataclass(frozen=True)
class _Seen:
    summary: BatchSummary
    current: str | None  # the item being answered
    position: int | None
    running: bool  # still run by the other process
    judging: JudgingProgress


def _look(store: Store, batch_id: str) -> _Seen:
    summary = batch_summary(store, batch_id)
    found = next_item(store, batch_id)
    return _Seen(
        summary,
        None if found is None else found[0],
        None if found is None else found[1],
        summary.state == RUNNING and batch_running_elsewhere(store.path),
        judging_progress(store, summary.session_id),
    )


class BatchWatch(QObject):
    def __init__(self, flow: WatchingFlow, parent: QObject) -> None:
        super().__init__(parent)
        self.flow = flow
        self.batch: BatchSummary | None = None
        self.shown: str | None = None  # the item this watch last put on screen
        self._asking = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._tick)
        flow.host.items.item_shown.connect(self._on_item_shown)

    @property
    def watching(self) -> bool:
        return self.batch is not None

    def start(self, batch: BatchSummary) -> None:
        """The session on screen has a batch in state "running" that this window does not run."""
        if self.batch is not None and self.batch.id == batch.id:
            return
        self.batch = batch
        self.shown = None
        self.flow.following = True
        self._tick()
        self._timer.start()

    def poll_every(self, milliseconds: int) -> None:
        self._timer.setInterval(milliseconds)

    def stop(self) -> None:
        self.batch = None
        self._timer.stop()

    def follow_again(self) -> None:
        """Watch: back to the question being answered."""
        if self.batch is not None:
            self.shown = None
            self._tick()

    def _on_item_shown(self, item_id: str) -> None:
        if self.batch is not None and self.shown is not None and item_id != self.shown:
            self.flow.following = False  # the evaluator went somewhere else

    def _tick(self) -> None:
        batch = self.batch
        if batch is None or self._asking:
            return
        self._asking = True
        self.flow.host.writer.call(
            lambda store: _look(store, batch.id), self._seen, lambda _: self._done_asking()
        )

    def _done_asking(self) -> None:
        self._asking = False

    def _seen(self, seen: _Seen) -> None:
        self._asking = False
        window = self.flow.host
        if self.batch is None or window.session_id != seen.summary.session_id:
            self.stop()
            return
        if not seen.running:  # it ended, or was paused: shown as any batch not running
            self.stop()
            self.flow.show_batch(seen.summary, seen.judging)
            window.items.reload(lambda: None)
            return
        summary = seen.summary
        progress = BatchProgress(
            summary.id,
            "running",
            summary.total,
            summary.answered,
            summary.failed,
            seen.position,
            seen.current,
            None,
            message=self.tr(
                "Another window or the command line runs this batch; this window follows it."
            ),
        )
        self.flow.panel.show_elsewhere(summary.set_name, progress)
        self.flow.panel.show_judging(seen.judging)
        if not self.flow.following or seen.current is None:
            return
        items = window.items
        on_screen = items.item
        if on_screen is not None and on_screen.get("batch_id") != summary.id:
            return  # the evaluator's own question (Run): not taken away from them
        if seen.current not in items.item_ids or any(c.is_busy for c in window.columns):
            return
        if items.item is not None and items.item["id"] == seen.current:
            items.reload(lambda: None)  # the text written since
        self.shown = seen.current
        if items.item is None or items.item["id"] != seen.current:
            items.show_item(seen.current)
