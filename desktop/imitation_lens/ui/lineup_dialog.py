"""The lineup: 2–6 columns, each a local model from the library or a teacher connection."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.model_files.bundled_model import DISPLAY_NAME
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import LibraryModel, library_models
from imitation_lens.core.model_files.trainable_base import TITLE as TRAINABLE_TITLE
from imitation_lens.core.model_files.trainable_base import locate_trainable_base
from imitation_lens.core.running.lineup import (
    MAX_SLOTS,
    MIN_SLOTS,
    LocalModel,
    SamplingParams,
    Server,
    SlotConfig,
)
from imitation_lens.core.servers.connections import Connection, connections
from imitation_lens.ui.column_words import describe_source
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.window_state import fit_to_screen

# Kept with the lineup and in exports: data, in English whatever the interface's language.
STAND_IN_NOTE = "stand-in: the same base model shown teacher-style example answers"


@dataclass(frozen=True)
class SourceChoice:
    label: str
    slot: SlotConfig  # the source and its usual settings; the role is set by the row


def source_choices(
    current: list[SlotConfig],
    models: list[LibraryModel],
    saved: list[Connection],
    trainable_base: str = "",
) -> list[SourceChoice]:
    """`trainable_base`: where the built-in model imitators are made from is ("" if it is not
    installed)."""
    choices = [
        SourceChoice(
            QCoreApplication.translate(
                "LineupDialog", "Built in: {model}, asked question and answer"
            ).format(model=DISPLAY_NAME),
            SlotConfig("", LocalModel(prompt_mode="completion")),
        ),
        SourceChoice(
            QCoreApplication.translate(
                "LineupDialog",
                "Built in: {model}, shown teacher-style examples (imitator stand-in)",
            ).format(model=DISPLAY_NAME),
            SlotConfig("", LocalModel(prompt_mode="teacher-style"), note=STAND_IN_NOTE),
        ),
    ]
    if trainable_base:
        choices.append(
            SourceChoice(
                QCoreApplication.translate(
                    "LineupDialog", "Built in: {model}, the model imitators are made from"
                ).format(model=TRAINABLE_TITLE.removesuffix(" · built in")),
                SlotConfig("", LocalModel(path=trainable_base)),
            )
        )
    for model in models:
        choices.append(
            SourceChoice(
                QCoreApplication.translate("LineupDialog", "Model: {model}").format(
                    model=model.title
                ),
                SlotConfig("", LocalModel(path=model.path)),
            )
        )
    for connection in saved:
        choices.append(
            SourceChoice(
                QCoreApplication.translate(
                    "LineupDialog", "Teacher: {connection} ({model})"
                ).format(connection=connection.name, model=connection.model),
                SlotConfig("", connection.server(), SamplingParams(temperature=0.0)),
            )
        )
    known = {_key(c.slot) for c in choices}
    for slot in current:  # whatever a column runs now stays choosable
        if _key(slot) not in known:
            known.add(_key(slot))
            label = QCoreApplication.translate("LineupDialog", "As now: {source}").format(
                source=_describe(slot)
            )
            choices.append(SourceChoice(label, replace(slot, role="")))
    return choices


def _trainable_base() -> str:
    """Where the model imitators are made from is, or "" (on the writer's thread: it looks)."""
    try:
        return str(locate_trainable_base())
    except ModelFileError:
        return ""


def _key(slot: SlotConfig) -> tuple[Any, ...]:
    source = slot.source
    if isinstance(source, Server):
        return ("server", source.kind, source.base_url.rstrip("/"), source.model)
    return ("local", source.path, source.prompt_mode if source.is_bundled else "")


def _describe(slot: SlotConfig) -> str:
    if isinstance(slot.source, LocalModel) and slot.source.is_bundled:
        return f"{DISPLAY_NAME} ({slot.source.prompt_mode})"  # the mode tells the built-ins apart
    return describe_source(slot)


class LineupDialog(QDialog):
    """Opened with open(); `result_lineup()` is the lineup once accepted."""

    ready = Signal()  # the library and connections are loaded into the choices

    def __init__(
        self, lineup: list[SlotConfig], writer: GuiWriter, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Lineup"))
        self.setObjectName("lineupDialog")
        fit_to_screen(self, 820, 380)
        self._original = list(lineup)
        self._closed = False
        self.finished.connect(self._mark_closed)
        self.rows: list[tuple[str, SlotConfig]] = [(s.role, s) for s in lineup]
        self.choices: list[SourceChoice] = []
        self.grid = QGridLayout()
        self.add_button = QPushButton(self.tr("&Add a column"))
        self.add_button.setAccessibleName(self.tr("Add a column"))
        self.add_button.setAccessibleDescription(self.tr("Up to %n columns", "", MAX_SLOTS))
        self.add_button.clicked.connect(self.add_row)
        self.problem = QLabel()
        self.problem.setObjectName("problemLabel")
        self.problem.hide()  # shown with a problem to say; empty, its tint would show
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for button, description in (
            (QDialogButtonBox.StandardButton.Ok, self.tr("Use this lineup")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Keep the lineup as it was")),
        ):
            widget = self.buttons.button(button)
            widget.setAccessibleName(widget.text().replace("&", ""))
            widget.setAccessibleDescription(description)
        intro = QLabel(
            self.tr(
                "Each column answers every question. Give it a role (Base, Imitator, Teacher, …) "
                "and choose what runs there: a model from the library (Models ▸ Model library) "
                "or a teacher connection (Models ▸ Teacher connections)."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(self.grid)
        layout.addWidget(self.add_button)
        layout.addWidget(self.problem)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        writer.call(
            lambda store: (library_models(store), connections(store), _trainable_base()),
            self._loaded,
        )

    def _loaded(self, found: tuple[list[LibraryModel], list[Connection], str]) -> None:
        if self._closed:  # cancelled before the data came: the dialog may be gone already
            return
        self.choices = source_choices(self._original, *found)
        self._build()
        self.ready.emit()

    def _mark_closed(self, _result: int) -> None:
        self._closed = True

    def _build(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        keys = [_key(c.slot) for c in self.choices]
        for row, (role, slot) in enumerate(self.rows):
            number = QLabel(f"{row + 1}.")
            role_edit = QLineEdit(role)
            role_edit.setMinimumWidth(150)
            role_edit.setAccessibleName(self.tr("Role of column {number}").format(number=row + 1))
            role_edit.setAccessibleDescription(self.tr("The label shown above the column"))
            role_edit.textChanged.connect(lambda text, r=row: self._set_role(r, text))
            source = QComboBox()
            source.addItems([c.label for c in self.choices])
            source.setCurrentIndex(keys.index(_key(slot)) if _key(slot) in keys else 0)
            source.setAccessibleName(self.tr("What runs in column {number}").format(number=row + 1))
            source.setAccessibleDescription(
                self.tr("A built-in model, a library model or a teacher")
            )
            source.currentIndexChanged.connect(lambda index, r=row: self._set_source(r, index))
            self.grid.addWidget(number, row, 0)
            self.grid.addWidget(role_edit, row, 1)
            self.grid.addWidget(source, row, 2)
            for column, (text, name, description, action) in enumerate(
                (
                    (
                        "↑",
                        self.tr("Move up: column {number}"),
                        self.tr("Move this column up"),
                        lambda _=False, r=row: self._move(r, -1),
                    ),
                    (
                        "↓",
                        self.tr("Move down: column {number}"),
                        self.tr("Move this column down"),
                        lambda _=False, r=row: self._move(r, 1),
                    ),
                    (
                        self.tr("Remove"),
                        self.tr("Remove: column {number}"),
                        self.tr("Remove this column"),
                        lambda _=False, r=row: self._remove(r),
                    ),
                ),
                start=3,
            ):
                button = QPushButton(text)
                if len(text) == 1:
                    button.setMaximumWidth(40)
                button.setAccessibleName(name.format(number=row + 1))
                button.setAccessibleDescription(description)
                button.clicked.connect(action)
                self.grid.addWidget(button, row, column)
        self.grid.setColumnStretch(2, 1)
        self.add_button.setEnabled(len(self.rows) < MAX_SLOTS)

    def _set_role(self, row: int, text: str) -> None:
        self.rows[row] = (text, self.rows[row][1])

    def _set_source(self, row: int, index: int) -> None:
        role, current = self.rows[row]
        chosen = self.choices[index].slot
        if _key(chosen) != _key(current):
            self.rows[row] = (role, chosen)

    def _move(self, row: int, step: int) -> None:
        target = row + step
        if 0 <= target < len(self.rows):
            self.rows[row], self.rows[target] = self.rows[target], self.rows[row]
            self._build()

    def _remove(self, row: int) -> None:
        if len(self.rows) <= MIN_SLOTS:
            self.problem.setText(self.tr("A comparison needs at least %n columns.", "", MIN_SLOTS))
            self.problem.show()
            return
        del self.rows[row]
        self._build()

    def add_row(self) -> None:
        if len(self.rows) >= MAX_SLOTS or not self.choices:
            return
        role = self.tr("Column {number}").format(number=len(self.rows) + 1)
        self.rows.append((role, self.choices[0].slot))
        self._build()

    def result_lineup(self) -> list[SlotConfig]:
        return [
            replace(slot, role=role.strip() or self.tr("Column {number}").format(number=i + 1))
            for i, (role, slot) in enumerate(self.rows)
        ]

    def _accept(self) -> None:
        if not MIN_SLOTS <= len(self.rows) <= MAX_SLOTS:
            self.problem.setText(
                self.tr("Use between {least} and {most} columns.").format(
                    least=MIN_SLOTS, most=MAX_SLOTS
                )
            )
            self.problem.show()
            return
        self.accept()
