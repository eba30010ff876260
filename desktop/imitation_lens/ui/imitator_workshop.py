"""Models ▸ Make an imitator…: fine-tune a base model on a teacher's answers, and watch it learn.

Pick a base and the teacher's answers; the plan is checked (core/training/checks.py) in a task
before Start is offered, so a base that cannot be trained or too few answers are said in plain
words before anything starts. Training runs in a task (core/training/run.py, a child process);
its progress comes back through `task.post`. Cancel leaves nothing behind. The made model is
added to the library through the writer and can be put in the Imitator column. What it calls in
the core comes through one seam, `WorkshopServices` (ui/workshop_services.py).
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import LibraryModel, built_in_model, library_models
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainedModel,
    TrainingCancelled,
    TrainingError,
    TrainingEstimate,
    TrainingPlan,
    TrainingProgress,
)
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen
from imitation_lens.ui.workshop_form import (
    SOURCES,
    TrainingView,
    WorkshopChoices,
    answers_text,
    choose_answers_file,
    estimate_text,
    held_out_text,
    made_from_text,
    plain_label,
    plain_message,
    stop_training_box,
)
from imitation_lens.ui.workshop_services import TrainingRunLike, WorkshopServices

STOPPED: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # returns its text
    "ImitatorWorkshop", "Stopped; nothing was kept."
)
IMITATOR_BUTTON: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "ImitatorWorkshop", "Put it in the Imitator column"
)


class WorkshopHost(Protocol):
    """What the workshop needs from the window."""

    writer: GuiWriter
    paths: DataPaths
    lineup: list[SlotConfig]
    session_id: str | None

    def apply_lineup(self, lineup: list[SlotConfig]) -> None: ...


class ImitatorWorkshop(QDialog):
    bases_listed = Signal()
    answers_read = Signal()  # teacher answers read, or the reason they could not be shown
    estimated = Signal()  # the plan was checked: an estimate, or the reason it cannot run
    training_ended = Signal(str)  # "done", "stopped" or "failed"
    use_imitator = Signal(object)  # the made LibraryModel, for the Imitator column

    def __init__(self, host: WorkshopHost, services: WorkshopServices, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Make an imitator"))
        self.setObjectName("imitatorWorkshop")
        fit_to_screen(self, 760, 660)
        self.host = host
        self.services = services
        self.bases: list[LibraryModel] = []
        self.answers: TeacherAnswers | None = None
        self.estimate: TrainingEstimate | None = None
        self.made: LibraryModel | None = None
        self._runs: list[TrainingRunLike] = []  # the run going on, if any (see `run`)
        self._listed: dict[str, list[LibraryModel]] = {"library": [], "shipped": [], "built": []}
        self._answers_asked = 0  # answers or estimates that come back late are for old choices
        self._estimate_asked = 0
        self._file: Path | None = None
        self._picked: str | None = None  # the base the person picked, once they have

        self.choices = WorkshopChoices()
        self.choices.changed.connect(self._plan_changed)
        self.choices.sources.idClicked.connect(self._source_chosen)
        self.choices.choose_file_button.clicked.connect(self.choose_file)
        self.choices.base_box.activated.connect(self._base_picked)  # by the person, not by code
        self.estimate_label = plain_label()
        self.estimate_label.setAccessibleName(self.tr("What training will take"))
        self.view = TrainingView()
        self.problem_label = plain_label("problemLabel")
        self.result_label = plain_label()
        self.imitator_button = QPushButton(self.tr(IMITATOR_BUTTON))
        self.imitator_button.clicked.connect(self.put_in_imitator_column)
        self.start_button = QPushButton(self.tr("Start training"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        self.stop_button = QPushButton(self.tr("Cancel training"))
        self.stop_button.setAccessibleDescription(
            self.tr("Stop the training; nothing of it is kept")
        )
        self.stop_button.clicked.connect(self.stop)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.imitator_button)
        buttons.addStretch(1)
        for button in (self.start_button, self.stop_button, self.close_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        for widget in (self.choices, self.estimate_label, self.view):
            layout.addWidget(widget)
        for widget in (self.problem_label, self.result_label):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.imitator_button.hide()
        self.problem_label.hide()
        # Not a method: when the window closes, the dialog's Python side may be gone first.
        self.destroyed.connect(partial(_cancel_runs, self._runs))
        self._list_bases()
        self.choices.built_in_radio.setChecked(True)
        self._source_chosen(SOURCES.index("built in"))

    @property
    def run(self) -> TrainingRunLike | None:
        return self._runs[0] if self._runs else None

    # -- the base ------------------------------------------------------------------------------

    def _list_bases(self) -> None:
        models_dir, shipped = self.host.paths.models, self.services.shipped_bases

        def not_listed(error: Exception) -> None:
            if not isinstance(error, ModelFileError):  # a damaged built-in file: not offered
                raise error

        run_task(
            self,
            lambda _: [built_in_model(models_dir)],
            partial(self._listed_some, "built"),
            not_listed,
            "workshop-built-in",
        )
        run_task(
            self,
            lambda _: shipped(models_dir),
            partial(self._listed_some, "shipped"),
            name="workshop-shipped",
        )
        self.host.writer.call(library_models, partial(self._listed_some, "library"), owner=self)

    def _listed_some(self, key: str, models: list[LibraryModel]) -> None:
        self._listed[key] = models
        shown = self.base.path if self.base else None
        # The lists come in any order: until someone picks a base, the first (a trainable one,
        # not the built-in Gemma that may have been listed first) is shown.
        self.bases = []
        for model in self._listed["library"] + self._listed["shipped"] + self._listed["built"]:
            if model.path not in (b.path for b in self.bases):  # trainable ones first
                self.bases.append(model)
        paths = [m.path for m in self.bases]
        at = paths.index(self._picked) if self._picked in paths else 0
        self.choices.show_bases([model.title for model in self.bases], at)
        self.bases_listed.emit()
        if self.base is None or self.base.path != shown:
            self._plan_changed()

    @property
    def base(self) -> LibraryModel | None:
        index = self.choices.base_box.currentIndex()
        return self.bases[index] if 0 <= index < len(self.bases) else None

    def choose_base(self, path: str) -> None:
        self.choices.base_box.setCurrentIndex([m.path for m in self.bases].index(path))
        self._base_picked(self.choices.base_box.currentIndex())

    def _base_picked(self, index: int) -> None:
        self._picked = self.bases[index].path if 0 <= index < len(self.bases) else None

    # -- the teacher's answers -----------------------------------------------------------------

    def _source_chosen(self, index: int) -> None:
        self._answers_asked += 1
        asked = self._answers_asked
        self.answers = None
        self.choices.answers_note.setText(self.tr("Reading the answers…"))
        self._plan_changed()
        read, failed = partial(self._answers_read, asked), partial(self._answers_failed, asked)
        source = SOURCES[index]
        if source == "built in":
            built_in = self.services.built_in_answers
            run_task(self, lambda _: built_in(), read, failed, "workshop-answers")
        elif source == "session":
            session_id, from_session = self.host.session_id, self.services.answers_from_session
            if session_id is None:
                failed(
                    TrainingError(
                        self.tr("No session is open yet: ask the teacher some questions.")
                    )
                )
            else:
                self.host.writer.call(
                    lambda store: from_session(store, session_id), read, failed, owner=self
                )
        elif self._file is None:
            failed(TrainingError(self.tr("Choose a file of teacher answers.")))
        else:
            path, from_file = self._file, self.services.answers_from_file
            run_task(self, lambda _: from_file(path), read, failed, "workshop-file")

    def choose_file(self) -> None:
        path = choose_answers_file(self)
        if path is not None:
            self.use_file(path)

    def use_file(self, path: Path) -> None:
        self._file = path
        self.choices.file_radio.setChecked(True)
        self._source_chosen(SOURCES.index("file"))

    def _answers_read(self, asked: int, answers: TeacherAnswers) -> None:
        if asked == self._answers_asked:
            self.answers = answers
            self.choices.answers_note.setText(answers_text(answers))
            self._plan_changed()
            self.answers_read.emit()

    def _answers_failed(self, asked: int, error: Exception) -> None:
        if asked == self._answers_asked:
            self.choices.answers_note.setText(
                plain_message(self.tr("The answers could not be read"), error)
            )
            self.answers_read.emit()

    # -- the plan and its estimate -------------------------------------------------------------

    def plan(self) -> TrainingPlan | None:
        base = self.base
        if base is None or self.answers is None:
            return None
        return TrainingPlan(base.path, base.title, self.answers, self.choices.settings())

    def _plan_changed(self) -> None:
        if self.run is not None:
            return
        self._estimate_asked += 1
        asked = self._estimate_asked
        self.estimate = None
        plan = self.plan()
        if plan is None:
            self.estimate_label.clear()
        else:
            self.estimate_label.setText(self.tr("Checking what training will take…"))
            check, models_dir = self.services.check_plan, self.host.paths.models
            run_task(
                self,
                lambda _: check(plan, models_dir),
                partial(self._estimated, asked),
                partial(self._not_trainable, asked),
                "workshop-check",
            )
        self._update_buttons()

    def _estimated(self, asked: int, estimate: TrainingEstimate) -> None:
        if asked == self._estimate_asked:
            self.estimate = estimate
            self.estimate_label.setText(estimate_text(estimate))
            self._update_buttons()
            self.estimated.emit()

    def _not_trainable(self, asked: int, error: Exception) -> None:
        if asked == self._estimate_asked:
            self.estimate_label.setText(
                plain_message(self.tr("The plan could not be checked"), error)
            )
            self._update_buttons()
            self.estimated.emit()

    # -- training ------------------------------------------------------------------------------

    def start(self) -> None:
        plan = self.plan()
        if plan is None or self.estimate is None or self.run is not None:
            return
        running: dict[str, Task[TrainedModel]] = {}

        def on_progress(progress: TrainingProgress) -> None:  # on the training thread
            running["task"].post(partial(self.view.show_progress, progress))

        run = self.services.make_run(plan, self.host.paths.models, on_progress)
        self._runs[:] = [run]

        def work(task: Task[TrainedModel]) -> TrainedModel:
            running["task"] = task  # before run() can report anything
            return run.run()

        self.made = None
        self.result_label.clear()
        self.problem_label.hide()
        self.imitator_button.hide()
        self.imitator_button.setEnabled(True)
        self.imitator_button.setText(self.tr(IMITATOR_BUTTON))
        self.view.starting()
        # Closing the dialog asks first and stops the run itself (see ask_to_stop).
        run_task(
            self, work, self._trained, self._training_failed, "training", cancel_on_close=False
        )
        self._update_buttons()

    def stop(self) -> None:
        if self.run is not None:
            self.run.cancel()
            self.view.phase_label.setText(self.tr("Stopping…"))
            self.stop_button.setEnabled(False)

    def _trained(self, trained: TrainedModel) -> None:
        self.view.phase_label.setText(self.tr("Adding it to your library…"))
        add = self.services.add_trained_model

        def added(model: LibraryModel) -> None:
            self._runs.clear()
            self.made = model
            self.view.ended(self.tr("Done."), keep_losses=True)
            self.view.loss_label.setText(held_out_text(trained) or self.view.loss_label.text())
            self.result_label.setText(
                self.tr("Added to your library: {title}").format(title=model.title)
                + "\n"
                + made_from_text(trained)
            )
            self.imitator_button.show()
            self._update_buttons()
            self.training_ended.emit("done")

        def not_added(error: Exception) -> None:
            why = str(error) if isinstance(error, ModelFileError) else ""
            self._ended(
                "failed",
                self.tr(
                    "The imitator was made ({path}) but not added to your library. {why} You "
                    "can add the file yourself in Models ▸ Model library."
                ).format(
                    path=trained.path, why=why or unexpected(self.tr("It was not added"), error)
                ),
            )

        self.host.writer.call(lambda store: add(store, trained), added, not_added, owner=self)

    def _training_failed(self, error: Exception) -> None:
        if isinstance(error, TrainingCancelled):
            self._ended("stopped", "")
        else:
            self._ended("failed", plain_message(self.tr("The training stopped"), error))

    def _ended(self, outcome: str, problem: str) -> None:
        self._runs.clear()
        self.view.ended(self.tr(STOPPED) if outcome == "stopped" else "")
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self._update_buttons()
        self.training_ended.emit(outcome)

    def put_in_imitator_column(self) -> None:
        if self.made is not None:
            self.use_imitator.emit(self.made)  # the Models menu checks its files in a task
            self.imitator_button.setEnabled(False)
            self.imitator_button.setText(self.tr("In the Imitator column"))

    # -- the dialog ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        training = self.run is not None
        self.choices.set_editable(not training)
        self.start_button.setEnabled(not training and self.estimate is not None)
        self.stop_button.setVisible(training)
        self.stop_button.setEnabled(training)

    def reject(self) -> None:
        if self.run is None:
            super().reject()
        else:
            self.ask_to_stop()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.run is None:
            super().closeEvent(event)
        else:
            event.ignore()
            self.ask_to_stop()

    def ask_to_stop(self) -> QMessageBox:
        """Closing while training: stop it (nothing is kept) and close, or keep training."""
        return stop_training_box(self, self._stop_and_close)

    def _stop_and_close(self) -> None:
        self.stop()
        super().reject()


def _cancel_runs(runs: list[TrainingRunLike], *_: Any) -> None:
    """The dialog is gone (its window closed): a run still going is stopped, leaving nothing."""
    for run in runs:
        run.cancel()
