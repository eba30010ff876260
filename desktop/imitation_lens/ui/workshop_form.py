"""The parts of the imitator workshop (ui/imitator_workshop.py) that only show things: the three
choices (base, teacher answers, settings), the training's progress, and their words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.batches.progress import time_left
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.core.model_files.trained_models import kept_words
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainedModel,
    TrainingError,
    TrainingEstimate,
    TrainingProgress,
    TrainingSettings,
)
from imitation_lens.ui.questions import ask_first

SOURCES = ("built in", "session", "file")  # the answer sources, in the order of their buttons


def plain_label(object_name: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names come from files and sessions
    if object_name:
        label.setObjectName(object_name)
    return label


def plain_message(what_failed: str, error: Exception) -> str:
    """A TrainingError's own words (written for the person at the screen), else `unexpected`."""
    if isinstance(error, TrainingError):
        return str(error)
    return unexpected(what_failed, error)


class WorkshopCounts(QObject):
    """Texts with a count: lupdate reads plural forms only from a class's self.tr()."""

    def answers_to_learn(self, count: int) -> str:
        return self.tr(
            "%n answers to learn from; {held_out} of them are kept aside to measure how well it "
            "learns. Training takes {time} and needs about {memory} of memory and {disk} of disk.",
            "",
            count,
        )

    def answers_from(self, count: int) -> str:
        return self.tr("%n answers from “{name}”", "", count)

    def epochs(self, count: int) -> str:
        # Two source texts, so English reads "1 epoch" / "2 epochs" without a catalogue.
        if count == 1:
            return self.tr("%n epoch", "", count)
        return self.tr("%n epochs", "", count)


def number(value: float, decimals: int) -> str:
    """A number as the interface's language writes it (2.130 / 2,130)."""
    return QLocale().toString(float(value), "f", decimals)


def about_minutes(seconds: float) -> str:
    minutes = round(seconds / 60)
    if minutes < 1:
        return QCoreApplication.translate("WorkshopForm", "less than a minute")
    if minutes < 90:
        return QCoreApplication.translate("WorkshopForm", "about {minutes} min").format(
            minutes=minutes
        )
    return QCoreApplication.translate("WorkshopForm", "about {hours} hours").format(
        hours=number(minutes / 60, 1)
    )


def estimate_text(estimate: TrainingEstimate) -> str:
    return (
        WorkshopCounts()
        .answers_to_learn(estimate.answers)
        .format(
            held_out=estimate.held_out,
            time=about_minutes(estimate.seconds),
            memory=rough_size(estimate.memory_bytes),
            disk=rough_size(estimate.disk_bytes),
        )
    )


def rough_size(count: int) -> str:
    """An estimate's size, no more precise than it is: "2.8 GB", "760 MB"."""
    if count >= 1e9:
        return f"{number(count / 1e9, 1)} GB"
    return f"{max(10, round(count / 1e6, -1)):.0f} MB"


def answers_text(answers: TeacherAnswers) -> str:
    parts = [WorkshopCounts().answers_from(len(answers.answers)).format(name=answers.name)]
    if answers.teacher:
        parts.append(
            QCoreApplication.translate("WorkshopForm", "written by {teacher}").format(
                teacher=answers.teacher
            )
        )
    parts.append(
        QCoreApplication.translate("WorkshopForm", "licence: {licence}").format(
            licence=answers.licence or QCoreApplication.translate("WorkshopForm", "not stated")
        )
    )
    return " · ".join(parts)


def loss_text(progress: TrainingProgress, held_out_at_start: float | None) -> str:
    # The held-out loss is measured on answers it never trains on: the honest one of the two,
    # so its starting point (the base's own) is shown beside it.
    train = "—" if progress.train_loss is None else number(progress.train_loss, 3)
    held = "—" if progress.held_out_loss is None else number(progress.held_out_loss, 3)
    if held_out_at_start is None:
        return QCoreApplication.translate(
            "WorkshopForm",
            "Training loss {train} · held-out loss {held} (lower is better for both)",
        ).format(train=train, held=held)
    return QCoreApplication.translate(
        "WorkshopForm",
        "Training loss {train} · held-out loss {held}, {start} before training "
        "(lower is better for both)",
    ).format(train=train, held=held, start=number(held_out_at_start, 3))


def epochs_words(epochs: object) -> str:
    """ "1 epoch", "2 epochs": two source texts, so English reads right without a catalogue."""
    if not isinstance(epochs, int):
        return QCoreApplication.translate("WorkshopForm", "? epochs")
    return WorkshopCounts().epochs(epochs)


def made_from_text(trained: TrainedModel) -> str:
    facts = trained.provenance
    return QCoreApplication.translate(
        "WorkshopForm",
        "Made from {base} with {answers} answers from “{data}”, {epochs}{kept}, seed {seed}.",
    ).format(
        base=facts.get("base", "the base"),
        answers=facts.get("answers", "?"),
        data=facts.get("data", "the teacher"),
        epochs=epochs_words(facts.get("epochs")),
        kept=kept_words(facts),
        seed=facts.get("seed", "?"),
    )


def held_out_text(trained: TrainedModel) -> str:
    """The run's outcome on the answers it never trained on, once it is made."""
    before = trained.provenance.get("held_out_loss_before")
    after = trained.provenance.get("held_out_loss_after")
    if not isinstance(before, int | float) or not isinstance(after, int | float):
        return ""
    return QCoreApplication.translate(
        "WorkshopForm", "Held-out loss {before} before training → {after} (lower is better)"
    ).format(before=number(before, 3), after=number(after, 3))


class WorkshopChoices(QWidget):
    """1. the base, 2. the teacher's answers, 3. the settings."""

    changed = Signal()  # the base or a setting changed: the plan needs checking again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.base_box = QComboBox()
        self.base_box.setAccessibleName(self.tr("Base model"))
        self.base_box.currentIndexChanged.connect(lambda _: self.changed.emit())
        self.base_note = plain_label("hintLabel")
        self.base_note.setText(
            self.tr(
                "The model that learns. Models of the Llama family can be trained here; the "
                "built-in Gemma cannot."
            )
        )
        base_group = QGroupBox(self.tr("1. The base model to teach"))
        base_layout = QVBoxLayout(base_group)
        base_layout.addWidget(self.base_box)
        base_layout.addWidget(self.base_note)

        self.sources = QButtonGroup(self)
        self.built_in_radio = QRadioButton(self.tr("The teacher answers that ship with the app"))
        self.session_radio = QRadioButton(self.tr("This session's teacher answers"))
        self.file_radio = QRadioButton(self.tr("Answers in a file (Alpaca or ShareGPT)"))
        self.choose_file_button = QPushButton(self.tr("Choose file…"))
        self.answers_note = plain_label()
        self.answers_note.setAccessibleName(self.tr("The teacher answers chosen"))
        answers_group = QGroupBox(self.tr("2. The teacher's answers to learn from"))
        answers_layout = QVBoxLayout(answers_group)
        for index, radio in enumerate((self.built_in_radio, self.session_radio, self.file_radio)):
            self.sources.addButton(radio, index)
        answers_layout.addWidget(self.built_in_radio)
        answers_layout.addWidget(self.session_radio)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_radio)
        file_row.addWidget(self.choose_file_button)
        file_row.addStretch(1)
        answers_layout.addLayout(file_row)
        answers_layout.addWidget(self.answers_note)

        defaults = TrainingSettings()
        self.epochs = QSpinBox()
        self.epochs.setRange(1, 20)
        self.epochs.setValue(defaults.epochs)
        self.epochs.setAccessibleName(self.tr("Times through every answer (epochs)"))
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setValue(defaults.seed)
        self.seed.setAccessibleName(self.tr("Seed"))
        self.learning_rate = QDoubleSpinBox()
        self.learning_rate.setDecimals(6)
        self.learning_rate.setRange(1e-6, 1e-2)
        self.learning_rate.setSingleStep(1e-5)
        self.learning_rate.setValue(defaults.learning_rate)
        self.learning_rate.setAccessibleName(self.tr("Learning rate"))
        self.advanced = QToolButton()  # an expander: the learning rate rarely needs changing
        self.advanced.setText(self.tr("Advanced"))
        self.advanced.setCheckable(True)
        self.advanced.setAutoRaise(True)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setAccessibleName(self.tr("Show the advanced settings"))
        self.advanced.toggled.connect(self.show_advanced)
        settings_group = QGroupBox(self.tr("3. Settings"))
        self._form = QFormLayout(settings_group)
        self._form.addRow(self.tr("Times through every answer (epochs):"), self.epochs)
        self._form.addRow(self.tr("Seed (the same seed makes the same model):"), self.seed)
        self._form.addRow(self.advanced)
        self._form.addRow(self.tr("Learning rate (peak):"), self.learning_rate)
        self.show_advanced(False)
        for spin in (self.epochs, self.seed, self.learning_rate):
            spin.valueChanged.connect(lambda _: self.changed.emit())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for group in (base_group, answers_group, settings_group):
            layout.addWidget(group)

    def show_bases(self, titles: list[str], current: int) -> None:
        """List the bases without it counting as a change: the workshop says when it is one."""
        self.base_box.blockSignals(True)
        self.base_box.clear()
        self.base_box.addItems(titles)
        self.base_box.setCurrentIndex(current)
        self.base_box.blockSignals(False)

    def show_advanced(self, shown: bool) -> None:
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self._form.setRowVisible(self.learning_rate, shown)

    def settings(self) -> TrainingSettings:
        return TrainingSettings(
            epochs=self.epochs.value(),
            seed=self.seed.value(),
            learning_rate=self.learning_rate.value(),
        )

    def set_editable(self, editable: bool) -> None:
        """Nothing can be changed while a run trains on it."""
        for widget in (self.base_box, self.epochs, self.seed, self.learning_rate):
            widget.setEnabled(editable)
        for button in [*self.sources.buttons(), self.choose_file_button]:
            button.setEnabled(editable)


class TrainingView(QWidget):
    """A run's progress: the bar, what it is doing, the two losses and the time left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Training progress"))
        self.phase_label = plain_label()
        self.loss_label = plain_label()
        self.time_label = plain_label()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.bar, self.phase_label, self.loss_label, self.time_label):
            layout.addWidget(widget)
        self.bar.hide()
        self.held_out_at_start: float | None = None

    def starting(self) -> None:
        self.held_out_at_start = None
        self.bar.setRange(0, 0)  # busy until the first step is known
        self.bar.show()
        self.phase_label.setText(self.tr("Getting ready…"))
        self.loss_label.clear()
        self.time_label.clear()

    def show_progress(self, progress: TrainingProgress) -> None:
        if progress.phase == "training" and progress.steps:
            self.bar.setRange(0, progress.steps)
            self.bar.setValue(progress.step)
        elif progress.phase == "saving":
            self.bar.setRange(0, 1)
            self.bar.setValue(1)
        self.phase_label.setText(progress.message)
        if self.held_out_at_start is None and progress.held_out_loss is not None:
            self.held_out_at_start = (
                progress.held_out_loss
            )  # the first is the base's, before any step
        self.loss_label.setText(loss_text(progress, self.held_out_at_start))
        self.time_label.setText(time_left(progress.seconds_left).capitalize())

    def ended(self, phase: str, keep_losses: bool = False) -> None:
        self.bar.hide()
        self.phase_label.setText(phase)
        if not keep_losses:
            self.loss_label.clear()
        self.time_label.clear()


def choose_answers_file(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("WorkshopForm", "Teacher answers"),
        str(Path.home()),
        QCoreApplication.translate(
            "WorkshopForm", "Teacher answers (*.json *.jsonl *.csv *.parquet);;All files (*)"
        ),
    )
    return Path(path) if path else None


def stop_training_box(parent: QWidget, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask whether to stop a run being trained, without blocking the window."""
    return ask_first(
        parent,
        "stopTrainingBox",
        QCoreApplication.translate(
            "WorkshopForm",
            "The imitator is still being trained. Stop the training and close? "
            "Nothing of it is kept.",
        ),
        QCoreApplication.translate("WorkshopForm", "Stop and close"),
        QCoreApplication.translate("WorkshopForm", "Keep training"),
        on_yes,
    )
