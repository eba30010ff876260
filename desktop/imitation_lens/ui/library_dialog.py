"""The model library: GGUF files on this computer (added by file dialog or drag and drop) and the
catalog of real base/imitator pairs to download."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.catalog import Catalog
from imitation_lens.core.model_files.file_hash import sha256_of
from imitation_lens.core.model_files.gguf_header import ModelFacts, ModelFileError
from imitation_lens.core.model_files.library import (
    BUILT_IN,
    TRAINABLE_BASE,
    TRAINED,
    LibraryModel,
    built_in_model,
    check_model_file,
    library_models,
    remove_model,
    set_sha256,
    trainable_base_model,
)
from imitation_lens.core.model_files.trained_models import add_model_file
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.catalog_tab import CatalogTab
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.library_rows import COLUMNS, about, row_values, title_tip
from imitation_lens.ui.plain_text import plain_tip
from imitation_lens.ui.table_fit import fit_columns
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen


def _check(path: Path, _: Task[ModelFacts]) -> ModelFacts:
    return check_model_file(path)


BuiltIns = tuple[list[LibraryModel], list[str]]  # the models found, what kept the others out


def _built_ins(models: Path, _: Task[BuiltIns]) -> BuiltIns:
    """The models that ship with the app: the demo model, and the one imitators are made from
    (each independent of the other: a missing package keeps only its own model out)."""
    found: list[LibraryModel] = []
    problems: list[str] = []
    for listed in (built_in_model, trainable_base_model):
        try:
            found.append(listed(models))
        except ModelFileError as error:
            problems.append(str(error))
    return found, problems


class LibraryDialog(QDialog):
    checked = Signal(str, str)  # the file's path, and why it was refused ("" when added)
    hashed = Signal(str)  # a library model's id, once its sha256 is known
    library_changed = Signal()
    use_imitator = Signal(object)  # a made LibraryModel, to put in the Imitator column

    def __init__(
        self,
        writer: GuiWriter,
        paths: DataPaths,
        parent: QWidget | None = None,
        catalog: Catalog | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Model library"))
        self.setObjectName("libraryDialog")
        fit_to_screen(self, 1100, 520)
        self.setAcceptDrops(True)
        self.writer = writer
        self.paths = paths
        self.models: list[LibraryModel] = []  # the models the user added
        self.built_in: LibraryModel | None = None  # the one that ships with the app, listed first
        self.trainable_base: LibraryModel | None = None  # imitators are made from it; second
        self.rows: list[LibraryModel] = []  # what the table shows, row by row
        self._hashing: dict[str, str] = {}  # model id -> progress text
        self._built_in_task: Task[BuiltIns] | None = None
        self._open = True  # False from closing to opening again: no checksums meanwhile
        self._busy = 0  # files being checked

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Models on this computer"))
        self.table.setAccessibleDescription(
            self.tr("One row per model file, with what its header says and its checksum")
        )
        self.add_button = QPushButton(self.tr("&Add GGUF file…"))
        self.add_button.setShortcut(QKeySequence.StandardKey.Open)
        self.add_button.setAccessibleName(self.tr("Add GGUF file"))
        self.add_button.setAccessibleDescription(
            self.tr("Choose model files to check and add (Ctrl+O)")
        )
        self.add_button.clicked.connect(self.choose_files)
        self.remove_button = QPushButton(self.tr("&Remove from library"))
        self.remove_button.setAccessibleName(self.tr("Remove from library"))
        self.remove_button.setAccessibleDescription(
            self.tr("Forget the selected model; the file stays")
        )
        self.remove_button.clicked.connect(self.remove_selected)
        self.use_button = QPushButton(self.tr("Put in the &Imitator column"))
        self.use_button.setAccessibleName(self.tr("Put in the Imitator column"))
        self.use_button.setAccessibleDescription(
            self.tr("Compare the selected model made here with the model it was made from")
        )
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self.use_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.about_label = QLabel()
        self.about_label.setObjectName("aboutModelLabel")
        self.about_label.setWordWrap(True)
        self.about_label.setTextFormat(Qt.TextFormat.PlainText)
        self.about_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.about_label.setAccessibleName(self.tr("About the selected model"))
        self.about_label.hide()
        hint = QLabel(self.tr("…or drop .gguf files anywhere on this window."))
        hint.setObjectName("hintLabel")
        self.message_label = QLabel()
        self.message_label.setObjectName("problemLabel")
        self.message_label.setWordWrap(True)
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()

        local = QWidget()
        local_layout = QVBoxLayout(local)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.use_button)
        buttons.addWidget(hint, 1)
        local_layout.addLayout(buttons)
        local_layout.addWidget(self.table, 1)
        local_layout.addWidget(self.about_label)
        local_layout.addWidget(self.message_label)
        self.tabs = QTabWidget()
        self.tabs.addTab(local, self.tr("On this computer"))
        self.catalog_tab = CatalogTab(writer, catalog)
        self.catalog_tab.finished.connect(lambda *_: self.refresh())
        self.tabs.addTab(self.catalog_tab, self.tr("Catalog: base and imitator pairs"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        close_button = close.button(QDialogButtonBox.StandardButton.Close)
        close_button.setAccessibleName(self.tr("Close"))
        close_button.setAccessibleDescription(self.tr("Close the model library"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(close)
        self.finished.connect(self._closed)
        self._load_built_in()
        self.refresh()

    # -- the list ----------------------------------------------------------------------------------

    def _closed(self) -> None:
        # Closing cancelled the checksums (they are the dialog's tasks): forget they were
        # started, so that opening the library again starts them anew.
        self._open = False
        self._hashing.clear()

    def showEvent(self, event: QShowEvent) -> None:
        self._open = True
        # Closing before the built-in model was listed cancelled that; opening again asks anew.
        task = self._built_in_task
        if task is not None and task.cancelled.is_set() and not self._built_ins_listed:
            self._load_built_in()
        super().showEvent(event)

    def refresh(self) -> None:
        self.writer.call(library_models, self._show_models, owner=self)

    def _load_built_in(self) -> None:
        models = self.paths.models

        def not_listed(error: Exception) -> None:
            if not isinstance(error, ModelFileError):
                raise error
            self._say(str(error), problem=True)

        # In the background: the first time, it assembles the model (seconds).
        self._built_in_task = run_task(
            self, partial(_built_ins, models), self._show_built_ins, not_listed, "built-in"
        )

    @property
    def _built_ins_listed(self) -> bool:
        return self.built_in is not None or self.trainable_base is not None

    def _show_built_ins(self, found: BuiltIns) -> None:
        models, problems = found
        self.built_in = next((m for m in models if m.origin == BUILT_IN), None)
        self.trainable_base = next((m for m in models if m.origin == TRAINABLE_BASE), None)
        if problems:
            self._say(" ".join(problems), problem=True)
        self._show_models(self.models)

    def _show_models(self, models: list[LibraryModel]) -> None:
        self.models = models
        built_ins = [m for m in (self.built_in, self.trainable_base) if m is not None]
        self.rows = built_ins + models
        self.table.setRowCount(len(self.rows))
        for row, model in enumerate(self.rows):
            checksum = self._hashing.get(model.id, self.tr("waiting"))
            for column, value in enumerate(row_values(model, checksum)):
                item = QTableWidgetItem(str(value))
                if column == 0:
                    item.setToolTip(plain_tip(title_tip(model)))
                if column == 8 and model.sha256:
                    item.setToolTip(model.sha256)
                self.table.setItem(row, column, item)
        self._selection_changed()
        for model in models:
            if self._open and not model.sha256 and model.id not in self._hashing:
                self._start_hashing(model)
        self.library_changed.emit()

    # -- adding --------------------------------------------------------------------------------------

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add model files"),
            str(Path.home()),
            self.tr("GGUF models (*.gguf);;All files (*)"),
        )
        self.add_files([Path(f) for f in files])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_files([Path(u.toLocalFile()) for u in event.mimeData().urls()])
        event.acceptProposedAction()

    def add_files(self, files: list[Path]) -> None:
        """Check each file on a background thread; add the good ones, explain the others."""
        for path in files:
            self._busy += 1
            self._say(self.tr("Checking {file}…").format(file=path.name), problem=False)
            # Adding is what the user asked for: closing the dialog meanwhile does not stop it.
            run_task(
                self,
                partial(_check, path),
                self._accepted,
                partial(self._not_a_model, path),
                name="check model file",
                cancel_on_close=False,
            )

    def _not_a_model(self, path: Path, error: Exception) -> None:
        if isinstance(error, ModelFileError):
            self._refused(path, str(error))
        else:  # a damage no check foresaw: still a plain refusal
            message = self.tr("{file} could not be read as a model ({error}).")
            self._refused(path, message.format(file=path.name, error=type(error).__name__))

    def _refused(self, path: Path, message: str) -> None:
        self._busy -= 1
        self._say(self.tr("Not added: {reason}").format(reason=message), problem=True)
        self.checked.emit(str(path), message)

    def _accepted(self, facts: ModelFacts) -> None:
        def added(model: LibraryModel) -> None:
            self._busy -= 1
            self._say(self.tr("Added {model}.").format(model=model.title), problem=False)
            self.refresh()
            self.checked.emit(str(facts.path), "")

        self.writer.call(lambda store: add_model_file(store, facts), added, owner=self)

    def remove_selected(self) -> None:
        selected = self._selected()
        chosen = [model for model in selected if not model.built_in]
        if not selected:
            self._say(self.tr("Select a model first."), problem=False)
            return
        if not chosen:
            self._say(
                self.tr("The built-in model is part of Imitation Lens and stays in the library."),
                problem=False,
            )
            return

        def forget(store: Store) -> None:
            for model in chosen:
                remove_model(store, model.id)

        self.writer.call(forget, lambda _: self.refresh(), owner=self)

    def _selected(self) -> list[LibraryModel]:
        rows = sorted({index.row() for index in self.table.selectedIndexes()})
        return [self.rows[row] for row in rows if row < len(self.rows)]

    def _selection_changed(self) -> None:
        selected = self._selected()
        words = about(selected[0]) if len(selected) == 1 else ""
        self.about_label.setText(words)
        self.about_label.setVisible(bool(words))
        self.use_button.setEnabled(len(selected) == 1 and selected[0].origin == TRAINED)

    def use_selected(self) -> None:
        """Compare the selected model made here with its base (the window builds the lineup)."""
        selected = self._selected()
        if len(selected) == 1 and selected[0].origin == TRAINED:
            self.use_imitator.emit(selected[0])
        else:
            self._say(
                self.tr("Select a model made here (Models ▸ Make an imitator…) first."),
                problem=False,
            )

    # -- checksums -------------------------------------------------------------------------------

    def _start_hashing(self, model: LibraryModel) -> None:
        self._hashing[model.id] = self.tr("computing…")
        file, models = Path(model.path), self.paths.models
        last = 0.0

        def work(task: Task[str | None]) -> str | None:
            def progress(done: int, total: int) -> None:
                nonlocal last
                now = time.monotonic()
                if now - last >= 0.2:
                    last = now
                    task.post(lambda: self._show_hash_progress(model.id, done, total))

            # Closing the dialog cancels the task, which stops the checksum.
            return sha256_of(file, models, task.cancelled.is_set, progress)

        def failed(error: Exception) -> None:
            if not isinstance(error, OSError):
                raise error
            reason = error.strerror or str(error)
            self._hash_failed(
                model.id,
                self.tr("{file}: {reason}").format(file=model.file_name, reason=reason),
            )

        run_task(self, work, lambda digest: self._hashed(model, digest), failed, name="checksum")

    def _hashed(self, model: LibraryModel, digest: str | None) -> None:
        if digest is None:  # stopped; it starts again the next time the library opens
            self._hash_failed(model.id, "")
            return

        def saved(_: object) -> None:
            self._hashing.pop(model.id, None)
            self.refresh()
            self.hashed.emit(model.id)

        self.writer.call(lambda store: set_sha256(store, model.id, digest), saved, owner=self)

    def _hash_failed(self, model_id: str, message: str) -> None:
        self._hashing.pop(model_id, None)
        if message:
            self._say(message, problem=True)

    def _show_hash_progress(self, model_id: str, done: int, total: int) -> None:
        percent = QLocale().toString(100 * done // max(1, total))
        self._hashing[model_id] = self.tr("computing… {percent}%").format(percent=percent)
        for row, model in enumerate(self.rows):
            if model.id == model_id and not model.sha256:
                self.table.setItem(row, 8, QTableWidgetItem(self._hashing[model_id]))

    def _say(self, message: str, problem: bool) -> None:
        self.message_label.setText(shown_fault(message) if problem else message)
        self.message_label.setProperty("problem", problem)
        self.message_label.style().unpolish(self.message_label)
        self.message_label.style().polish(self.message_label)
        self.message_label.setVisible(bool(message))
