"""Prompt sets: the built-in and imported sets, a preview of each, import, and Run.

An import reads the file on a task of its own (ui/tasks.py) with a progress bar, recognising
public sets' formats (core/batches/formats.py) or asking which field is which
(ui/field_mapping_dialog.py); only the finished set goes to the writer, in one transaction.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.batches.formats import (
    FieldMapping,
    UnrecognisedFields,
    read_question_file,
)
from imitation_lens.core.batches.prompt_sets import (
    PromptSet,
    PromptSetError,
    prompt_sets,
    remove_prompt_set,
    save_prompt_set,
)
from imitation_lens.core.batches.set_files import MAX_ROWS, Sample
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.unexpected import storage_fault
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.field_mapping_dialog import FieldMappingDialog
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.plain_text import plain_tip
from imitation_lens.ui.tasks import Task, run_task
from imitation_lens.ui.window_state import fit_to_screen

# Translated where they are shown (the dialog's self.tr).
PREVIEW_COLUMNS: list[str] = [
    QT_TRANSLATE_NOOP("PromptSetsDialog", "Question"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("PromptSetsDialog", "Reference answer"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("PromptSetsDialog", "Also accepted"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("PromptSetsDialog", "Source"),  # type: ignore[list-item]
    QT_TRANSLATE_NOOP("PromptSetsDialog", "Tags"),  # type: ignore[list-item]
]
_LINE_BREAK = "<br>"  # between the lines of the rich-text description
PREVIEW_ROWS = 500  # the preview is a sample, not an editor
FILE_TYPES: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]
    "PromptSetsDialog", "Question files (*.jsonl *.json *.csv *.tsv *.parquet)"
)


class _Stopped(Exception):
    """The dialog closed while its file was being read."""


class PromptSetsDialog(QDialog):
    run_requested = Signal(object, bool)  # the PromptSet, blind
    listed = Signal()  # the list shows what is in the database now
    imported = Signal(str)  # the new set's id; it is listed and selected
    import_failed = Signal(str)  # why, in plain words
    mapping_asked = Signal(object)  # the FieldMappingDialog shown for a file of unknown fields

    def __init__(self, writer: GuiWriter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Prompt sets"))
        self.setObjectName("promptSetsDialog")
        fit_to_screen(self, 1240, 640)
        self.writer = writer
        self.sets: list[PromptSet] = []

        self.set_list = QListWidget()
        self.set_list.setAccessibleName(self.tr("Prompt sets"))
        self.set_list.setAccessibleDescription(
            self.tr("The built-in and imported sets; pick one to preview")
        )
        self.set_list.currentRowChanged.connect(self._show_set)
        self.set_list.setMinimumWidth(200)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.about.setTextFormat(Qt.TextFormat.RichText)
        self.about.setAccessibleName(self.tr("About this set"))
        self.preview = QTableWidget(0, len(PREVIEW_COLUMNS))
        self.preview.setHorizontalHeaderLabels([self.tr(name) for name in PREVIEW_COLUMNS])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.preview.setAccessibleName(self.tr("Questions in this set"))
        self.preview.verticalHeader().setVisible(True)
        header = self.preview.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Fixed widths keep every column in view; long texts are elided, whole in the tooltip.
        for column, width in ((1, 160), (2, 140), (3, 170), (4, 120)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.preview.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.preview.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setObjectName("setMessage")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setVisible(False)

        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setAccessibleDescription(
            self.tr(
                "Add a set from a file: the app's own JSONL or CSV, or a public set such as "
                "NQ-open, TriviaQA, SimpleQA, TruthfulQA, Alpaca or ShareGPT"
            )
        )
        self.sample_box = QCheckBox(self.tr("Import a random sample of"))
        self.sample_box.setToolTip(
            self.tr(
                "For large sets: the same questions each time for the same number and seed. "
                "A file of more than {limit} questions can only be imported as a sample."
            ).format(limit=QLocale().toString(MAX_ROWS))
        )
        self.sample_size = QSpinBox()
        self.sample_size.setRange(1, MAX_ROWS)
        self.sample_size.setValue(500)
        self.sample_size.setAccessibleName(self.tr("Questions in the sample"))
        self.sample_seed = QSpinBox()
        self.sample_seed.setRange(0, 2_147_483_647)
        self.sample_seed.setPrefix(self.tr("seed "))
        self.sample_seed.setAccessibleName(self.tr("Seed of the sample"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName(self.tr("Reading the file"))
        self.progress.setVisible(False)
        self._reading: Task[PromptSet] | None = None
        self.import_button.clicked.connect(self.choose_file)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setAccessibleDescription(
            self.tr("Forget an imported set; questions already answered stay in their sessions")
        )
        self.remove_button.clicked.connect(self.remove_current)
        self.blind_box = QCheckBox(self.tr("Blind"))
        self.blind_box.setToolTip(
            self.tr("Answers appear as Answer 1…N in a counterbalanced order until your verdict")
        )
        self.run_button = QPushButton(self.tr("Run through the lineup"))
        self.run_button.setObjectName("runSetButton")
        self.run_button.setDefault(True)
        self.run_button.setAccessibleDescription(
            self.tr("Start a new session and let every column answer every question of this set")
        )
        self.run_button.clicked.connect(self._run_current)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("<b>Sets</b>")))
        left.addWidget(self.set_list, 1)
        left_buttons = QHBoxLayout()
        left_buttons.addWidget(self.import_button)
        left_buttons.addWidget(self.remove_button)
        left.addLayout(left_buttons)
        # The check box on a line of its own: beside the two number boxes it made the list
        # so wide that the preview's question column was a sliver on a 1366×768 screen.
        left.addWidget(self.sample_box)
        sample_row = QHBoxLayout()
        sample_row.addWidget(self.sample_size)
        sample_row.addWidget(self.sample_seed)
        left.addLayout(sample_row)
        left.addWidget(self.progress)
        left_widget = QWidget()
        left_widget.setLayout(left)
        right = QVBoxLayout()
        right.addWidget(self.about)
        right.addWidget(self.preview, 1)
        right_widget = QWidget()
        right_widget.setLayout(right)
        splitter = QSplitter()
        splitter.addWidget(left_widget)
        splitter.addWidget(right_widget)
        splitter.setStretchFactor(1, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.blind_box)
        buttons.addWidget(self.run_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.refresh()

    # -- listing ---------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        def listed(sets: list[PromptSet]) -> None:
            current = select or (self.current.id if self.current else None)
            self.sets = sets
            self.set_list.clear()
            for prompt_set in sets:
                # The set's name is its own (from core or its file): shown as it is.
                where = self.tr("built in") if prompt_set.built_in else self.tr("imported")
                count = self.tr("%Ln question(s)", "", len(prompt_set.items))
                entry = QListWidgetItem(f"{prompt_set.name}\n{count} · {where}")
                entry.setData(Qt.ItemDataRole.UserRole, prompt_set.id)
                self.set_list.addItem(entry)
            ids = [s.id for s in sets]
            self.set_list.setCurrentRow(ids.index(current) if current in ids else 0)
            self.listed.emit()
            if select is not None and select in ids:
                self.imported.emit(select)

        self.writer.call(prompt_sets, listed, lambda error: self._say(f"{error}", True), owner=self)

    @property
    def current(self) -> PromptSet | None:
        row = self.set_list.currentRow()
        return self.sets[row] if 0 <= row < len(self.sets) else None

    def select(self, set_id: str) -> None:
        for row, prompt_set in enumerate(self.sets):
            if prompt_set.id == set_id:
                self.set_list.setCurrentRow(row)

    def _show_set(self, row: int) -> None:
        prompt_set = self.current
        self.remove_button.setEnabled(prompt_set is not None and not prompt_set.built_in)
        self.run_button.setEnabled(prompt_set is not None)
        if prompt_set is None:
            self.about.clear()
            self.preview.setRowCount(0)
            return
        locale = QLocale()
        tags = ", ".join(
            f"{tag} {locale.toString(count)}" for tag, count in prompt_set.tag_counts().items()
        )
        lines = [
            self.tr(
                "<b>{name}</b> — %Ln question(s), {references} with a reference answer "
                "(checked automatically).",
                "",
                len(prompt_set.items),
            ).format(
                name=_escape(prompt_set.name),
                references=locale.toString(prompt_set.with_reference),
            )
        ]
        if prompt_set.description:
            lines.append(_escape(prompt_set.description))
        if tags:
            lines.append(self.tr("Topics: {tags}.").format(tags=_escape(tags)))
        if prompt_set.licence:
            lines.append(self.tr("Licence: {licence}.").format(licence=_escape(prompt_set.licence)))
        elif not prompt_set.built_in:
            lines.append(self.tr("Licence: not known — check where the file came from."))
        if not prompt_set.built_in:
            lines.append(
                self.tr("Imported from {file}.").format(file=_escape(prompt_set.file_name))
            )
        self.about.setText(_LINE_BREAK.join(lines))
        shown = prompt_set.items[:PREVIEW_ROWS]
        self.preview.setRowCount(len(shown))
        for index, item in enumerate(shown):
            cells = [item.prompt, item.reference, " | ".join(item.aliases), item.source]
            cells.append(", ".join(item.tags))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(plain_tip(text))
                self.preview.setItem(index, column, cell)

    # -- import and remove -----------------------------------------------------------------------

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a prompt set"), str(Path.home()), self.tr(FILE_TYPES)
        )
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, mapping: FieldMapping | None = None) -> None:
        """Read and check a question file on a task of its own, showing progress, then keep
        it through the writer: all of it or nothing."""
        if self._reading is not None:
            return
        sample = (
            Sample(self.sample_size.value(), self.sample_seed.value())
            if self.sample_box.isChecked()
            else None
        )

        def work(task: Task[PromptSet]) -> PromptSet:
            def progress(rows: int, fraction: float) -> None:
                if task.cancelled.is_set():
                    raise _Stopped
                task.post(lambda: self._show_progress(rows, fraction))

            return read_question_file(path, sample=sample, mapping=mapping, progress=progress)

        self.import_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("Reading…"))
        self.progress.setVisible(True)
        self._reading = run_task(self, work, self._save, self._not_read, name=f"read {path.name}")

    def _show_progress(self, rows: int, fraction: float) -> None:
        self.progress.setValue(round(fraction * 1000))
        self.progress.setFormat(self.tr("%Ln row(s) read", "", rows))

    def _read_over(self) -> None:
        self._reading = None
        self.import_button.setEnabled(True)
        self.progress.setVisible(False)

    def _not_read(self, error: Exception) -> None:
        self._read_over()
        if isinstance(error, UnrecognisedFields):
            self._ask_mapping(error)
        elif not isinstance(error, _Stopped):  # stopped: the dialog closed, nobody to tell
            self._failed(error)

    def _ask_mapping(self, unknown: UnrecognisedFields) -> None:
        self._say(str(unknown), False)
        dialog = FieldMappingDialog(unknown.path.name, unknown.fields, unknown.rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        path = unknown.path
        dialog.accepted.connect(lambda: self.import_file(path, dialog.mapping()))
        dialog.open()
        self.mapping_asked.emit(dialog)

    def _save(self, prompt_set: PromptSet) -> None:
        self._read_over()

        def done(prompt_set: PromptSet) -> None:
            self._say(
                self.tr(
                    "Imported “{name}”: %Ln question(s), {references} with a reference answer.",
                    "",
                    len(prompt_set.items),
                ).format(
                    name=prompt_set.name,
                    references=QLocale().toString(prompt_set.with_reference),
                ),
                False,
            )
            self.refresh(select=prompt_set.id)

        def keep(store: Store) -> PromptSet:
            save_prompt_set(store, prompt_set)
            return prompt_set

        self.writer.call(keep, done, self._failed, owner=self)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, PromptSetError):
            message = str(error)
        else:
            message = storage_fault(self.tr("The prompt set was not imported"), error)
        self._say(message, True)
        self.import_failed.emit(message)

    def remove_current(self) -> None:
        prompt_set = self.current
        if prompt_set is None or prompt_set.built_in:
            return
        set_id = prompt_set.id
        self.writer.call(
            lambda store: remove_prompt_set(store, set_id), lambda _: self.refresh(), owner=self
        )
        self._say(
            self.tr("Removed “{name}”. Sessions that ran it keep their questions.").format(
                name=prompt_set.name
            ),
            False,
        )

    def _say(self, message: str, problem: bool) -> None:
        self.message.setText(shown_fault(message) if problem else message)
        self.message.setProperty("problem", problem)
        self.message.style().unpolish(self.message)
        self.message.style().polish(self.message)
        self.message.setVisible(bool(message))

    def _run_current(self) -> None:
        prompt_set = self.current
        if prompt_set is not None:
            self.run_requested.emit(prompt_set, self.blind_box.isChecked())
            self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
