"""The prompt bar and the window's own answers: a worker thread per column, Run, their events
on screen, and stopping them (one column, or all with Esc)."""

from __future__ import annotations

from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStatusBar,
    QVBoxLayout,
)

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.blind import shown_order
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Status,
)
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.running.runners import queued_response, runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.running.slot_worker import SlotWorker
from imitation_lens.core.storage.store import new_id
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.slot_column import SlotColumn
from imitation_lens.ui.tasks import Task

# Keys are never translated.
RUN_KEYS = "Ctrl+Enter"
STOP_KEYS = "Esc"


class RunHost(Protocol):
    """What running a prompt needs from the window."""

    columns: list[SlotColumn]
    lineup: list[SlotConfig]
    session_id: str | None
    blind: bool
    blind_seed: int
    writer: GuiWriter
    items: ItemFlow
    scheduler: LocalScheduler
    paths: DataPaths

    @property
    def batch_running(self) -> bool: ...

    def say(self, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


class PromptRun:
    def __init__(self, host: RunHost, owner: QObject) -> None:
        """`owner`: the window; the workers' events reach the screen only while it is there."""
        self.host = host
        # Carries each worker's events to the GUI thread; drops them once the window is gone.
        self._events: Task[None] = Task(owner, "answers")
        self.workers: list[SlotWorker] = []
        self.prompt_edit = QPlainTextEdit()
        self.prompt_edit.setObjectName("promptEdit")
        self.prompt_edit.setPlaceholderText(
            QCoreApplication.translate(
                "PromptRun",
                "Ask a factual question, e.g. “What is the capital of Australia?” — "
                "then press Run (Ctrl+Enter). Every column answers the same prompt.",
            )
        )
        self.prompt_edit.setAccessibleName(QCoreApplication.translate("PromptRun", "Prompt"))
        self.prompt_edit.setAccessibleDescription(
            QCoreApplication.translate(
                "PromptRun", "The question every column answers. Ctrl+Enter runs it; Tab moves on."
            )
        )
        self.prompt_edit.setTabChangesFocus(True)
        self.prompt_edit.setFixedHeight(72)
        self.reference_edit = QLineEdit()
        self.reference_edit.setPlaceholderText(
            QCoreApplication.translate(
                "PromptRun",
                "Reference answer (optional): hidden until the first verdict, then shown to revise",
            )
        )
        self.reference_edit.setAccessibleName(
            QCoreApplication.translate("PromptRun", "Reference answer for the next question")
        )
        self.reference_edit.setAccessibleDescription(
            QCoreApplication.translate(
                "PromptRun",
                "Optional. The item is then judged twice: first without it, then with it shown",
            )
        )
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(
            QCoreApplication.translate("PromptRun", "Source of the reference (optional)")
        )
        self.source_edit.setAccessibleName(
            QCoreApplication.translate("PromptRun", "Source of the reference answer")
        )
        self.source_edit.setAccessibleDescription(
            QCoreApplication.translate("PromptRun", "Where the reference answer comes from")
        )
        self.run_button = QPushButton(
            QCoreApplication.translate("PromptRun", "Run  ({keys})").format(keys=RUN_KEYS)
        )
        self.run_button.setObjectName("runButton")
        self.run_button.setAccessibleName(
            QCoreApplication.translate("PromptRun", "Run the prompt in every column")
        )
        self.run_button.setAccessibleDescription(
            QCoreApplication.translate("PromptRun", "Send the prompt to every column (Ctrl+Enter)")
        )
        self.run_button.clicked.connect(self.run)
        self.stop_all_button = QPushButton(
            QCoreApplication.translate("PromptRun", "Stop all  ({keys})").format(keys=STOP_KEYS)
        )
        self.stop_all_button.setAccessibleName(
            QCoreApplication.translate("PromptRun", "Stop every column")
        )
        self.stop_all_button.setAccessibleDescription(
            QCoreApplication.translate("PromptRun", "Stop every answer being written (Esc)")
        )
        self.stop_all_button.clicked.connect(self.stop_all)

    def prompt_row(self) -> QHBoxLayout:
        """The prompt row: the prompt and the reference on the left, Run and Stop all right."""
        buttons = QVBoxLayout()
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.stop_all_button)
        reference_row = QHBoxLayout()
        reference_row.addWidget(self.reference_edit, 3)
        reference_row.addWidget(self.source_edit, 1)
        prompt_column = QVBoxLayout()
        prompt_column.addWidget(self.prompt_edit)
        prompt_column.addLayout(reference_row)
        prompt_row = QHBoxLayout()
        prompt_row.addLayout(prompt_column, 1)
        prompt_row.addLayout(buttons)
        return prompt_row

    # -- workers ---------------------------------------------------------------------------------

    def make_worker(self, index: int, slot: SlotConfig) -> SlotWorker:
        host = self.host
        make_runner = runner_factory(slot, host.scheduler, host.paths.models, host.paths.database)

        def on_event(event: Event) -> None:  # on the worker thread
            host.writer.write_event(event)
            self._events.post(partial(self.on_event, index, event))

        return SlotWorker(make_runner, on_event, f"{index}-{slot.role}")

    def new_workers(self, lineup: list[SlotConfig]) -> None:
        """A worker per column of `lineup` (shut the old ones down first)."""
        self.workers = [self.make_worker(index, slot) for index, slot in enumerate(lineup)]

    def replace_worker(self, index: int, slot: SlotConfig) -> None:
        self.workers[index].shutdown()
        self.workers[index] = self.make_worker(index, slot)

    def shutdown(self) -> None:
        for worker in self.workers:
            worker.shutdown()

    def release_models(self) -> None:
        """Unload the columns' models (their threads end); new ones load on the next Run."""
        for index, slot in enumerate(self.host.lineup):
            self.replace_worker(index, slot)
        self.host.scheduler.reset()

    # -- running ---------------------------------------------------------------------------------

    def run(self) -> None:
        host = self.host
        prompt = self.prompt_edit.toPlainText().strip()
        if not self.run_button.isEnabled():
            return
        if not prompt:
            host.statusBar().showMessage(
                QCoreApplication.translate("PromptRun", "Type a question first, then press Run."),
                5000,
            )
            return
        assert host.session_id is not None
        item_id = new_id()
        order = list(range(len(host.columns)))
        if host.blind:
            order = shown_order(len(host.columns), len(host.items.item_ids), host.blind_seed)
        reference = self.reference_edit.text().strip()
        source = self.source_edit.text().strip()
        rows = []
        for column, slot in zip(host.columns, host.lineup, strict=True):
            response_id = new_id()
            column.begin(response_id)
            rows.append(queued_response(response_id, column.index, slot))
        session_id = host.session_id
        # Queued before any worker starts, so the rows exist before the first event is recorded.
        host.writer.call(
            lambda store: store.add_item(
                session_id, item_id, prompt, rows, reference, source, shown_order=order
            )
        )
        host.items.item_ids.append(item_id)
        host.items.new_view()
        self.reference_edit.clear()
        self.source_edit.clear()
        host.items.present(
            {
                "id": item_id,
                "prompt": prompt,
                "reference": reference,
                "reference_source": source,
                "shown_order": order,
                "phase": 1,
                "revealed_at": None,
                "verdicts": {},
            }
        )
        for worker, row in zip(self.workers, rows, strict=True):
            worker.submit(GenerationRequest(row["id"], prompt))
        self.set_busy(True)

    def on_event(self, index: int, event: Event) -> None:
        host = self.host
        if index < len(host.columns):
            host.columns[index].apply(event)
        if isinstance(event, FactsEvent) and event.facts.get("memory_advice"):
            if host.blind and any(c.hidden for c in host.columns):  # it names the models
                host.say(
                    QCoreApplication.translate(
                        "PromptRun",
                        "Memory is short for these models: they may answer one after another, "
                        "or slowly. Closing other programs gives them more room.",
                    )
                )
            else:
                host.say(str(event.facts["memory_advice"]))
        if isinstance(event, FinishedEvent):
            self.set_busy(self.busy)

    @property
    def busy(self) -> bool:
        return any(c.is_busy for c in self.host.columns)

    def stop_column(self, index: int, response_id: str) -> None:
        column = self.host.columns[index]
        if column.state in (Status.QUEUED, Status.LOADING):
            # Nothing was written yet, so the answer can end now; the load finishes unseen.
            finished = FinishedEvent(response_id, Status.STOPPED, "")
            column.apply(finished)
            self.host.writer.write_event(finished)
        else:
            column.show_stopping()
        self.workers[index].stop(response_id)
        self.set_busy(self.busy)

    def stop_all(self) -> None:
        for column in self.host.columns:
            if column.is_busy and column.response_id is not None:
                self.stop_column(column.index, column.response_id)

    def set_busy(self, busy: bool) -> None:
        batch = self.host.batch_running
        self.run_button.setEnabled(not busy and not batch and self.host.session_id is not None)
        self.run_button.setToolTip(
            QCoreApplication.translate(
                "PromptRun", "A batch is running: pause it (Esc) to ask your own question."
            )
            if batch
            else ""
        )
        if not busy and self.stop_all_button.hasFocus():
            self.host.items.focus_answer(1)  # not on to whatever control comes next
        self.stop_all_button.setEnabled(busy)
