"""Which field is the question: for a question file whose fields no known format has.

Shows the file's first rows and lets the evaluator pick the question, the reference answer,
other accepted answers (a list, or one text with a separator) and a source; the choice is a
`FieldMapping` (core/batches/formats.py) the import reads the whole file with.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.batches.formats import FieldMapping
from imitation_lens.ui.plain_text import plain_tip
from imitation_lens.ui.window_state import fit_to_screen

NONE: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # translated where shown
    "FieldMappingDialog", "(not in the file)"
)
# Field names that usually hold each part, in order of likelihood; only a first guess.
_GUESSES = {
    "question": ("question", "query", "prompt", "problem", "instruction", "input", "text"),
    "reference": ("answer", "reference", "gold", "target", "label", "output", "response"),
    "aliases": ("aliases", "answers", "other_answers", "other_golds", "accepted"),
    "source": ("source", "url", "link", "id"),
}


def _guess(fields: list[str], part: str, taken: set[str]) -> str:
    lowered = {field.lower(): field for field in fields if field not in taken}
    for name in _GUESSES[part]:
        if name in lowered:
            return lowered[name]
    for name in _GUESSES[part]:  # "question_text", "gold_answer", …
        found = next((field for low, field in lowered.items() if name in low), None)
        if found:
            return found
    return ""


def _shown(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return " | ".join(str(part) for part in value)
    return "" if value is None else str(value)


class FieldMappingDialog(QDialog):
    def __init__(
        self, file_name: str, fields: list[str], rows: list[dict[str, Any]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which field is the question? — {file}").format(file=file_name))
        self.setObjectName("fieldMappingDialog")
        fit_to_screen(self, 900, 560)
        intro = QLabel(
            self.tr(
                "Imitation Lens does not know the fields of {file}. Choose which field holds "
                "the question and, if the file has them, the right answer and other accepted "
                "answers. The first rows of the file are shown below."
            ).format(file=file_name)
        )
        intro.setWordWrap(True)
        self.boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        taken: set[str] = set()
        labels = {
            "question": self.tr("Question"),
            "reference": self.tr("Reference answer"),
            "aliases": self.tr("Also accepted"),
            "source": self.tr("Source"),
        }
        for part, label in labels.items():
            box = QComboBox()
            box.setAccessibleName(label)
            box.addItem(self.tr(NONE), "")
            for field in fields:
                box.addItem(field, field)
            guess = _guess(fields, part, taken)
            if guess:
                taken.add(guess)
                box.setCurrentIndex(box.findData(guess))
            box.currentIndexChanged.connect(self._check)
            self.boxes[part] = box
            form.addRow(label, box)
        self.separator = QLineEdit("|")
        self.separator.setMaxLength(3)
        self.separator.setAccessibleName(self.tr("Separator"))
        self.separator.setToolTip(
            self.tr("When “Also accepted” is one text, what stands between the answers (| ; or ,)")
        )
        form.addRow(self.tr("Separator of accepted answers"), self.separator)

        self.preview = QTableWidget(len(rows), len(fields))
        self.preview.setHorizontalHeaderLabels(fields)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setAccessibleName(self.tr("The first rows of the file"))
        for row_index, row in enumerate(rows):
            for column, field in enumerate(fields):
                text = _shown(row.get(field))
                cell = QTableWidgetItem(text[:300])
                cell.setToolTip(plain_tip(text))
                self.preview.setItem(row_index, column, cell)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self._check()

    def _check(self) -> None:
        chosen = bool(self.boxes["question"].currentData())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen)

    def choose(self, part: str, field: str) -> None:
        """Pick `field` for `part` (question, reference, aliases, source); "" for none."""
        box = self.boxes[part]
        box.setCurrentIndex(box.findData(field))

    def mapping(self) -> FieldMapping:
        def picked(part: str) -> str:
            return str(self.boxes[part].currentData() or "")

        return FieldMapping(
            picked("question"),
            picked("reference"),
            picked("aliases"),
            self.separator.text() or "|",
            picked("source"),
        )
