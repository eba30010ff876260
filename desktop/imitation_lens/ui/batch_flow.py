"""Batch runs in the window: start one from a prompt set, show it, pause, resume, cancel,
retry, follow the question being answered, and step through the items left to judge."""

from __future__ import annotations

import random
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from imitation_lens import APP_NAME
from imitation_lens.core.batch import (
    BatchProgress,
    BatchRun,
    BatchSummary,
    create_batch,
    session_batches,
)
from imitation_lens.core.generation import Event, Runner
from imitation_lens.core.judging_progress import JudgingProgress, judging_progress, next_unjudged
from imitation_lens.core.lineup import SlotConfig
from imitation_lens.core.prompt_sets import PromptSet
from imitation_lens.core.runners import runner_factory
from imitation_lens.core.scheduler import LocalScheduler
from imitation_lens.core.store import Store, new_id
from imitation_lens.ui.batch_panel import BatchPanel
from imitation_lens.ui.bridge import GuiBridge
from imitation_lens.ui.prompt_sets_dialog import PromptSetsDialog

if TYPE_CHECKING:
    from collections.abc import Callable

    from imitation_lens.ui.main_window import MainWindow

_ENDED_STATES = ("paused", "cancelled", "finished")


class BatchFlow(QObject):
    progressed = Signal(object)  # BatchProgress, on the GUI thread
    ended = Signal(str)  # the state a run ended in: paused | cancelled | finished
    judging_updated = Signal(object)  # JudgingProgress

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.window = window
        self.menu = menu
        self._name = ""
        self.panel = BatchPanel()
        self.bridge = GuiBridge(self)
        self.run: BatchRun | None = None
        self.batch: BatchSummary | None = None  # the session's latest batch
        self.progress: BatchProgress | None = None
        self.dialog: PromptSetsDialog | None = None
        self.following = True  # show each question as the batch reaches it
        self.cancel_box: QMessageBox | None = None
        self._panel_session: str | None = None  # whose batch the panel shows
        self._on_ended: list[Callable[[], None]] = []
        self.panel.pause_requested.connect(self.pause)
        self.panel.resume_requested.connect(self.resume)
        self.panel.cancel_requested.connect(self.cancel)
        self.panel.retry_requested.connect(self.retry_failed)
        self.panel.unjudged_requested.connect(self.next_unjudged)
        self.panel.watch_requested.connect(self.watch)
        window.items.verdict_saved.connect(lambda _: self.refresh_judging())
        window.items.item_shown.connect(self._on_item_shown)
        self.actions: dict[str, QAction] = {}
        for key, label, shortcut, slot in (
            ("sets", "&Prompt sets…", "Ctrl+B", self.open_sets),
            ("pause", "&Pause batch", "", self.pause),
            ("resume", "&Resume batch", "", self.resume),
            ("cancel", "&Cancel batch", "", self.cancel),
            ("retry", "Retry &failed answers", "", self.retry_failed),
            ("unjudged", "&Next unjudged item", "Ctrl+U", self.next_unjudged),
        ):
            action = QAction(label, window)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[key] = action
            if key == "sets":
                menu.addSeparator()
        self._update_actions()

    # -- state -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.run is not None and self.run.alive

    def _update_actions(self) -> None:
        state = self.progress.state if self.progress is not None and self.running else ""
        resumable = self.batch is not None and self.batch.resumable and not self.running
        self.actions["pause"].setEnabled(state in ("running", "slowed"))
        self.actions["resume"].setEnabled(resumable or state == "paused")
        self.actions["cancel"].setEnabled(self.running or resumable)
        failed = self.batch is not None and self.batch.failed > 0
        self.actions["retry"].setEnabled(failed and not self.running)

    def session_changed(self, session_id: str | None) -> None:
        """A session is on screen: show its latest batch (if any) and its judging progress."""
        if session_id != self._panel_session:
            self.batch = None
            self.panel.setVisible(False)
        self._panel_session = session_id
        if session_id is None:
            return

        def load(store: Store) -> tuple[BatchSummary | None, JudgingProgress]:
            batches = session_batches(store, session_id)
            return (batches[-1] if batches else None), judging_progress(store, session_id)

        def show(state: tuple[BatchSummary | None, JudgingProgress]) -> None:
            if self.window.session_id != session_id or self.running:
                return
            self.batch, judging = state
            if self.batch is not None:
                self.panel.show_summary(self.batch)
                self.panel.show_judging(judging)
            self._update_actions()

        self.window.recorder.call(load, show)

    def refresh_judging(self) -> None:
        session_id = self.window.session_id
        if session_id is None:
            return

        def show(progress: JudgingProgress) -> None:
            if self.window.session_id == session_id:
                self.panel.show_judging(progress)
                self.judging_updated.emit(progress)

        self.window.recorder.call(lambda store: judging_progress(store, session_id), show)

    # -- starting --------------------------------------------------------------------------------

    def open_sets(self) -> PromptSetsDialog:
        if self.dialog is None:
            self.dialog = PromptSetsDialog(self.window.recorder, self.window)
            self.dialog.run_requested.connect(self.start)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def start(self, prompt_set: PromptSet, blind: bool = False) -> None:
        """Run a set through the lineup in a new session named after it."""
        window = self.window
        if self.running:
            window.say("A batch is already running. Pause or cancel it first.")
            return
        if any(c.is_busy for c in window.columns):
            window.say("Stop the answers being written (Esc) before starting a batch.")
            return
        session_id = new_id()
        seed = random.SystemRandom().randrange(2**31)
        title = f"{prompt_set.name} · {datetime.now():%d %B %Y, %H:%M}"
        lineup = list(window.lineup)
        rows = [slot.to_dict() for slot in lineup]

        def create(store: Store) -> str:
            store.create_session(title, rows, session_id=session_id, blind=blind, blind_seed=seed)
            return create_batch(store, session_id, prompt_set, lineup, seed if blind else None)

        def created(batch_id: str) -> None:
            window.open_session(session_id)
            self._launch(batch_id, prompt_set.name, lineup)

        window.recorder.call(
            create, created, lambda error: window.say(f"The batch could not be started: {error}")
        )

    def _launch(
        self, batch_id: str, name: str, lineup: list[SlotConfig], retry: bool = False
    ) -> None:
        window = self.window
        window.release_models()  # the batch loads its own; two copies would not fit a laptop
        scheduler = LocalScheduler(lambda: lineup, window.paths.models)
        paths = window.paths

        def make_runner(index: int) -> Callable[[], Runner]:
            return runner_factory(lineup[index], scheduler, paths.models, paths.database)

        self.following = True
        self._name = name
        self.run = BatchRun(
            paths.database,
            batch_id,
            lineup,
            make_runner,
            on_progress=lambda progress: self.bridge.post(partial(self._on_progress, progress)),
            on_event=lambda _batch, index, event: self.bridge.post(
                partial(self._on_event, index, event)
            ),
            retry_failed=retry,
            on_end=lambda: self.bridge.post(self._on_run_ended),
        )
        self.run.start()
        window.set_running_batch(True)
        self._update_actions()

    # -- controls --------------------------------------------------------------------------------

    def pause(self) -> None:
        if self.run is not None and self.running:
            self.run.pause()

    def resume(self) -> None:
        if self.running or self.batch is None or not self.batch.resumable:
            return
        self._launch(self.batch.id, self.batch.set_name, self._lineup_of_session())

    def cancel(self) -> QMessageBox | None:
        """Ask first (the questions not yet asked are removed), without blocking the window."""
        if not self.running and (self.batch is None or not self.batch.resumable):
            return None
        name = self._name if self.running else self.batch.set_name if self.batch else ""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            APP_NAME,
            f"Cancel the batch “{name}”? The questions not asked yet are removed; every answer "
            "already written is kept.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        box.setObjectName("cancelBatchBox")
        box.button(QMessageBox.StandardButton.Yes).setText("Cancel the batch")
        box.button(QMessageBox.StandardButton.No).setText("Keep it")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(box.deleteLater)
        box.accepted.connect(self._cancel_now)
        box.open()
        self.cancel_box = box
        return box

    def _cancel_now(self) -> None:
        if self.run is not None and self.running:
            self.run.cancel()
            return
        if self.batch is not None and self.batch.resumable:
            # A paused batch has no thread: a run that cancels before it starts cleans it up.
            self._launch(self.batch.id, self.batch.set_name, self._lineup_of_session())
            assert self.run is not None
            self.run.cancel()

    def retry_failed(self) -> None:
        if self.running or self.batch is None or not self.batch.failed:
            return
        self._launch(self.batch.id, self.batch.set_name, self._lineup_of_session(), retry=True)

    def _lineup_of_session(self) -> list[SlotConfig]:
        """The lineup the batch's answers were queued for: the session's, shown in the window."""
        return list(self.window.lineup)

    def close_then(self, callback: Callable[[], None]) -> None:
        """The app is closing: leave the batch paused (to resume next time), then go on."""
        if self.run is None or not self.running:
            callback()
            return
        self._on_ended.append(callback)
        self.run.pause()

    # -- following the batch ---------------------------------------------------------------------

    def watch(self) -> None:
        self.following = True
        if self.progress is not None and self.progress.current_item_id:
            self.window.items.show_item(self.progress.current_item_id)

    def _on_item_shown(self, item_id: str) -> None:
        if self.progress is not None and self.running:
            self.following = item_id == self.progress.current_item_id

    def _on_progress(self, progress: BatchProgress) -> None:
        previous = self.progress
        self.progress = progress
        self.panel.show_progress(self._name, progress)
        moved = previous is None or previous.current_item_id != progress.current_item_id
        current = progress.current_item_id
        if moved and self.following and current and current in self.window.items.item_ids:
            self.window.items.show_item(current)
        if previous is None or previous.answered != progress.answered:
            self.refresh_judging()
        self._update_actions()
        self.progressed.emit(progress)

    def _on_event(self, index: int, event: Event) -> None:
        columns = self.window.columns
        if index < len(columns):
            columns[index].apply(event)  # only if that column shows this answer

    def _on_run_ended(self) -> None:
        state = self.progress.state if self.progress is not None else "paused"
        final = state if state in _ENDED_STATES else "paused"
        self.window.set_running_batch(False)
        callbacks, self._on_ended = self._on_ended, []
        if callbacks:  # the app is closing
            for callback in callbacks:
                callback()
            self.ended.emit(final)
            return
        session_id = self.window.session_id
        if final == "cancelled" and session_id is not None:
            # Questions never asked were removed: the session's list of items changed.
            def opened(_session: str) -> None:
                self.window.session_opened.disconnect(opened)
                self.ended.emit(final)

            self.window.session_opened.connect(opened)
            self.window.open_session(session_id)
            return
        self.session_changed(session_id)
        # The item on screen as saved, then `ended`: the window is settled when it is emitted.
        self.window.items.reload(lambda: self.ended.emit(final))

    # -- judging ---------------------------------------------------------------------------------

    def next_unjudged(self) -> None:
        window = self.window
        session_id = window.session_id
        if session_id is None:
            return
        current = window.items.item["id"] if window.items.item is not None else None

        def go(item_id: str | None) -> None:
            if item_id is None:
                window.say("Every item that has its answers is judged.")
                return
            self.following = False
            window.items.show_item(item_id)

        window.recorder.call(lambda store: next_unjudged(store, session_id, current), go)
