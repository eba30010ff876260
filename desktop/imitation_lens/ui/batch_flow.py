"""Batch runs in the window: start one from a prompt set, show it, pause, resume, cancel,
retry, follow the question being answered, and step through the items left to judge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from imitation_lens.core.batches.prompt_sets import PromptSet
from imitation_lens.core.batches.queued import RUNNING, BatchSummary, session_batches
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.unexpected import storage_fault
from imitation_lens.core.judging.progress import JudgingProgress, judging_progress, next_unjudged
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.batch_answers import BatchAnswers
from imitation_lens.ui.batch_host import BatchHost
from imitation_lens.ui.batch_menu import BatchMenu, ask_to_cancel
from imitation_lens.ui.batch_panel import BatchPanel
from imitation_lens.ui.batch_start import batch_run, batch_session
from imitation_lens.ui.batch_watch import BatchWatch
from imitation_lens.ui.judging_bar import JudgingBar
from imitation_lens.ui.prompt_sets_dialog import PromptSetsDialog
from imitation_lens.ui.tasks import Task

if TYPE_CHECKING:
    from collections.abc import Callable

_ENDED_STATES = ("paused", "cancelled", "finished")
# Closing waits this long for a batch to pause; past it the app goes on closing and the next
# start finds the batch cut off and leaves it paused (it resumes from the first unanswered item).
PAUSE_DEADLINE_MS = 1000


class BatchFlow(QObject):
    progressed = Signal(object)  # BatchProgress, on the GUI thread
    ended = Signal(str)  # the state a run ended in: paused | cancelled | finished
    judging_updated = Signal(object)  # JudgingProgress

    def __init__(self, host: BatchHost, parent: QWidget, menu: QMenu) -> None:
        """`parent`: the window, for the dialogs and the menu's actions."""
        super().__init__(parent)
        self.host = host
        self._parent = parent
        self.menu = menu
        self.panel = BatchPanel()
        self.run: BatchRun | None = None
        self.active = False  # a run is going (from launch until its end reached the window)
        self._starting = False  # a batch is being written before its run starts
        self.batch: BatchSummary | None = None  # the latest batch of the session on screen
        self.progress: BatchProgress | None = None
        self.dialog: PromptSetsDialog | None = None
        self.cancel_box: QMessageBox | None = None
        self.following = True  # show each question as the batch reaches it
        self._auto_shown: str | None = None  # the item the batch last put on screen
        self._name = ""
        self._session: str | None = None  # the session of the running batch
        self._panel_session: str | None = None  # the session whose batch the panel shows
        self.answers = BatchAnswers(host)  # the running batch's answers on the columns
        self._on_ended: list[Callable[[], None]] = []
        self.panel.pause_requested.connect(self.pause)
        self.panel.resume_requested.connect(self.resume)
        self.panel.cancel_requested.connect(self.cancel)
        self.panel.retry_requested.connect(self.retry_failed)
        self.panel.unjudged_requested.connect(self.next_unjudged)
        self.panel.watch_requested.connect(self.watch)
        host.items.verdict_saved.connect(lambda _: self.refresh_judging())
        host.items.item_shown.connect(self._on_item_shown)
        host.session_opened.connect(self._on_session_opened)
        self.elsewhere = BatchWatch(self, self)  # a batch another process runs on this data
        self.menu_actions = BatchMenu(menu, parent, self)
        self._update_actions()

    def attach(self, annotator: Annotator, judging_bar: JudgingBar) -> None:
        """Called once the window's judging bar exists."""
        # Whoever starts work on an item is not pulled away from it by the batch.
        annotator.saved.connect(lambda _: self._stop_following())
        judging_bar.choice_box.activated.connect(lambda _: self._stop_following())
        judging_bar.reason_edit.textEdited.connect(lambda _: self._stop_following())

    # -- state -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.active or self._starting

    def _update_actions(self) -> None:
        state = self.progress.state if self.progress is not None and self.active else ""
        resumable = self.batch is not None and self.batch.resumable and not self.running
        failed = self.batch is not None and self.batch.failed > 0
        self.menu_actions.update(state, resumable, failed, self.running)

    def session_changed(self, session_id: str | None) -> None:
        """A session is on screen: show its latest batch (if any) and its judging progress."""
        if session_id != self._panel_session:
            self.batch = None
            self.panel.setVisible(False)
            self.elsewhere.stop()
        self._panel_session = session_id
        self._update_actions()
        if session_id is None:
            return

        def load(store: Store) -> tuple[BatchSummary | None, JudgingProgress]:
            batches = session_batches(store, session_id)
            return (batches[-1] if batches else None), judging_progress(store, session_id)

        def show(state: tuple[BatchSummary | None, JudgingProgress]) -> None:
            if self.host.session_id != session_id:
                return
            if self.active and self._session == session_id:
                return  # the running batch's progress keeps the panel up to date
            self.show_batch(*state)
            if self.batch is not None and self.batch.state == RUNNING and not self.running:
                self.elsewhere.start(self.batch)  # it checks that the other process runs it

        self.host.writer.call(load, show)

    def show_batch(self, batch: BatchSummary | None, judging: JudgingProgress) -> None:
        """A batch this window does not run (paused, ended, or run elsewhere) in the panel."""
        self.batch = batch
        if batch is None:
            self.panel.setVisible(False)
        else:
            self.panel.show_summary(batch)
            self.panel.show_judging(judging)
        self._update_actions()

    def refresh_judging(self) -> None:
        session_id = self.host.session_id
        if session_id is None:
            return

        def show(progress: JudgingProgress) -> None:
            if self.host.session_id == session_id:
                self.panel.show_judging(progress)
                self.judging_updated.emit(progress)

        self.host.writer.call(lambda store: judging_progress(store, session_id), show)

    # -- starting --------------------------------------------------------------------------------

    def open_sets(self) -> PromptSetsDialog:
        if self.dialog is None:
            self.dialog = PromptSetsDialog(self.host.writer, self._parent)
            self.dialog.run_requested.connect(self.start)
        else:
            self.dialog.refresh()
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    def _refused(self) -> bool:
        """Say why a batch can't start now, if it can't."""
        if self.running:
            self.host.say(self.tr("A batch is already running. Pause or cancel it first."))
            return True
        if any(c.is_busy for c in self.host.columns):
            self.host.say(self.tr("Stop the answers being written (Esc) first."))
            return True
        return False

    def start(self, prompt_set: PromptSet, blind: bool = False) -> None:
        """Run a set through the lineup in a new session named after it."""
        host = self.host
        if self._refused():
            return
        self._starting = True
        host.set_running_batch(True)
        lineup = list(host.lineup)
        session_id, create = batch_session(prompt_set, lineup, blind)

        def created(batch_id: str) -> None:
            self._starting = False
            host.open_session(session_id)
            self._launch(batch_id, prompt_set.name, lineup, session_id)

        def failed(error: Exception) -> None:
            self._starting = False
            host.set_running_batch(False)
            host.say(shown_fault(storage_fault(self.tr("The batch could not be started"), error)))

        host.writer.call(create, created, failed)

    def _launch(
        self,
        batch_id: str,
        name: str,
        lineup: list[SlotConfig],
        session_id: str,
        retry: bool = False,
        cancel: bool = False,
    ) -> None:
        host = self.host
        host.release_models()  # the batch loads its own; two copies would not fit a laptop
        self.following = True
        self._auto_shown = None
        self._name = name
        self._session = session_id
        self.answers.clear()
        self.progress = None
        self.active = True
        # The run calls back from its own thread; this task carries the calls to the GUI thread
        # and drops them once the window is gone.
        task: Task[None] = Task(self, "batch run")
        self.run = batch_run(
            host.paths,
            batch_id,
            lineup,
            task,
            self._on_progress,
            self.answers.apply,
            self._on_run_ended,
            host.writer.core,
            retry,
            cancel,
        )
        self.run.start()
        host.set_running_batch(True)
        self._update_actions()

    def _relaunch(self, retry: bool = False, cancel: bool = False) -> None:
        """Run the session's paused batch again, with the lineup its answers were queued for."""
        batch = self.batch
        if batch is None or self._refused():
            return
        lineup = list(batch.lineup) or list(self.host.lineup)
        self._launch(batch.id, batch.set_name, lineup, batch.session_id, retry, cancel)

    # -- controls --------------------------------------------------------------------------------

    def pause(self) -> None:
        if self.run is not None and self.active:
            self.run.pause()

    def escape(self) -> bool:
        """Esc while a batch runs pauses it (saying so); False when no batch is running."""
        if self._starting:
            self.host.say(
                self.tr("The batch is being set up; press Esc again in a moment to pause it.")
            )
            return True
        if self.run is None or not self.active:
            return False
        state = self.progress.state if self.progress is not None else "running"
        if state == "pausing":
            self.host.say(self.tr("The batch is pausing…"))
            return True
        if state == "cancelling":
            self.host.say(self.tr("The batch is cancelling…"))
            return True
        self.run.pause()
        self.host.say(
            self.tr(
                "Batch paused (Esc). Press Resume in the batch bar to go on where it stopped; "
                "the answer being written starts again then."
            )
        )
        return True

    def resume(self) -> None:
        if self.batch is not None and self.batch.resumable and not self.running:
            self._relaunch()

    def retry_failed(self) -> None:
        if self.batch is not None and self.batch.failed and not self.running:
            self._relaunch(retry=True)

    def cancel(self) -> QMessageBox | None:
        """Ask first (the questions not yet asked are removed), without blocking the window."""
        if self.active:
            name = self._name
        elif self.batch is not None and self.batch.resumable and not self.running:
            name = self.batch.set_name
        else:
            return None
        self.cancel_box = ask_to_cancel(self._parent, name, self._cancel_now)
        return self.cancel_box

    def _cancel_now(self) -> None:
        if self.run is not None and self.active:
            self.run.cancel()
        elif self.batch is not None and self.batch.resumable and not self.running:
            self._relaunch(cancel=True)  # cancels before it asks anything

    def close_then(self, callback: Callable[[], None]) -> None:
        """The app is closing: leave the batch paused (to resume next time), then go on."""
        if self.run is None or not self.active:
            callback()
            return
        self._on_ended.append(callback)
        self.run.pause()
        QTimer.singleShot(PAUSE_DEADLINE_MS, self, self._close_anyway)

    def _close_anyway(self) -> None:
        callbacks, self._on_ended = self._on_ended, []
        for callback in callbacks:
            callback()

    # -- following the batch ---------------------------------------------------------------------

    def watch(self) -> None:
        self.following = True
        self.elsewhere.follow_again()
        if self.progress is not None and self.progress.current_item_id:
            self._show_automatically(self.progress.current_item_id)

    def _stop_following(self) -> None:
        self.following = False

    def _show_automatically(self, item_id: str) -> None:
        if self.host.session_id != self._session or item_id not in self.host.items.item_ids:
            return
        self._auto_shown = item_id
        self.host.items.show_item(item_id)

    def _on_session_opened(self, session_id: str) -> None:
        """The running batch's session came on screen: show where the batch is and follow it."""
        if not self.active or session_id != self._session:
            return
        self.following = True  # opening the session is not leaving the batch's question
        self._auto_shown = None
        progress = self.progress
        if progress is None:
            return  # its first report shows the question being answered
        self.panel.show_progress(self._name, progress, self.host.blind)
        self.refresh_judging()
        if progress.current_item_id:
            self._show_automatically(progress.current_item_id)

    def _on_item_shown(self, item_id: str) -> None:
        # Before the first report the window is still opening the batch's session.
        if self.active and self.progress is not None and item_id != self._auto_shown:
            self.following = False  # the evaluator went somewhere else
        self.answers.catch_up()

    def _on_progress(self, progress: BatchProgress) -> None:
        previous = self.progress
        self.progress = progress
        if self.host.session_id != self._session:
            self.panel.setVisible(False)  # another session is on screen; the batch goes on
            self._update_actions()
            self.progressed.emit(progress)
            return
        self.panel.show_progress(self._name, progress, self.host.blind)
        current = progress.current_item_id
        # Not only when the batch moves on: its first reports may come before its session is
        # on screen, and the question then being answered is still the one to show.
        if self.following and current and current != self._auto_shown:
            self._show_automatically(current)
        if previous is None or previous.answered != progress.answered:
            self.refresh_judging()
        self._update_actions()
        self.progressed.emit(progress)

    def _on_run_ended(self) -> None:
        run = self.run
        state = self.progress.state if self.progress is not None else "paused"
        final = state if state in _ENDED_STATES else "paused"
        self.active = False
        self.answers.clear()
        self.host.set_running_batch(False)
        if run is not None and run.error:
            self.host.say(shown_fault(run.error))
            self.panel.details.setText(run.error)
        callbacks, self._on_ended = self._on_ended, []
        if callbacks:  # the app is closing
            for callback in callbacks:
                callback()
            self.ended.emit(final)
            return
        session_id = self.host.session_id
        if final == "cancelled" and session_id is not None and session_id == self._session:
            # Questions never asked were removed: the session's list of items changed.
            def opened(opened_id: str) -> None:
                if opened_id == session_id:
                    self.host.session_opened.disconnect(opened)
                    self.ended.emit(final)

            self.host.session_opened.connect(opened)
            self.host.open_session(session_id)
            return
        self.session_changed(session_id)
        # The item on screen as saved, then `ended`: the window is settled when it is emitted.
        self.host.items.reload(lambda: self.ended.emit(final))

    # -- judging ---------------------------------------------------------------------------------

    def next_unjudged(self) -> None:
        host = self.host
        session_id = host.session_id
        if session_id is None:
            return
        current = host.items.item["id"] if host.items.item is not None else None

        def go(item_id: str | None) -> None:
            if item_id is None:
                host.say(self.tr("Every item that has its answers is judged."))
                return
            self.following = False
            host.items.show_item(item_id)

        host.writer.call(lambda store: next_unjudged(store, session_id, current), go)
