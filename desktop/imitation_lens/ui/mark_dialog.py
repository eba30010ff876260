"""The form for one mark: category, severity, note, correction and "not sure"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.judging.annotations import Mark, mark_problem
from imitation_lens.core.judging.taxonomy import SPAN_SEVERITIES, categories, needing_a_note


class MarkDialog(QDialog):
    """Opened with open(), never exec(): the window keeps running while it is up."""

    delete_requested = Signal(str)  # mark id

    def __init__(self, mark: Mark, is_new: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("markDialog")
        self._mark = mark
        self.setWindowTitle(self.tr("Mark an error") if is_new else self.tr("Edit mark"))
        quote = mark.quote if len(mark.quote) <= 160 else mark.quote[:157] + "…"
        self.quote_label = QLabel(self.tr("“{quote}”").format(quote=quote))
        self.quote_label.setWordWrap(True)
        self.quote_label.setTextFormat(Qt.TextFormat.PlainText)
        self.quote_label.setObjectName("quoteLabel")

        self.category_box = QComboBox()
        for category in categories():
            self.category_box.addItem(
                f"{category.key}  {category.shown_label()} — {category.shown_meaning()}",
                category.code,
            )
        self.category_box.setCurrentIndex(max(0, self.category_box.findData(mark.category)))
        self.category_box.setAccessibleName(self.tr("Error category"))
        self.category_box.setAccessibleDescription(self.tr("What kind of factual error this is"))
        self.severity_box = QComboBox()
        for severity in SPAN_SEVERITIES:
            self.severity_box.addItem(
                f"{severity.shown_label()} — {severity.shown_meaning()}", severity.code
            )
        self.severity_box.setCurrentIndex(max(0, self.severity_box.findData(mark.severity)))
        self.severity_box.setAccessibleName(self.tr("Severity"))
        self.severity_box.setAccessibleDescription(
            self.tr("Minor leaves the answer useful; Major misleads on a point that matters")
        )
        self.note_edit = QLineEdit(mark.note)
        needing = ", ".join(category.shown_label() for category in needing_a_note())
        self.note_edit.setPlaceholderText(
            self.tr("Why is it wrong? (required for {categories})").format(categories=needing)
        )
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(self.tr("Your reason for the mark"))
        self.correction_edit = QLineEdit(mark.correction)
        self.correction_edit.setPlaceholderText(
            self.tr("What it should say, if you know (optional)")
        )
        self.correction_edit.setAccessibleName(self.tr("Correction"))
        self.correction_edit.setAccessibleDescription(self.tr("The right fact, if you know it"))
        self.unsure_box = QCheckBox(self.tr("&Not sure — I could not fully verify this"))
        self.unsure_box.setChecked(mark.unsure)
        self.unsure_box.setAccessibleName(self.tr("Not sure"))
        self.unsure_box.setAccessibleDescription(
            self.tr("Tick when you are unsure the mark is right")
        )
        self.problem_label = QLabel()
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setObjectName("problemLabel")
        self.problem_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("&Category"), self.category_box)
        form.addRow(self.tr("&Severity"), self.severity_box)
        form.addRow(self.tr("N&ote"), self.note_edit)
        form.addRow(self.tr("Co&rrection"), self.correction_edit)
        form.addRow("", self.unsure_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText(self.tr("Save mark") if is_new else self.tr("Save changes"))
        ok_button.setAccessibleName(ok_button.text())
        ok_button.setAccessibleDescription(self.tr("Save the mark and close this form (Enter)"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(cancel.text().replace("&", ""))
        cancel.setAccessibleDescription(self.tr("Close without changing anything (Esc)"))
        self.delete_button: QPushButton | None = None
        if not is_new:
            self.delete_button = self.buttons.addButton(
                self.tr("&Delete mark"), QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.delete_button.setAccessibleName(self.tr("Delete mark"))
            self.delete_button.setAccessibleDescription(
                self.tr("Remove this mark (it can be undone)")
            )
            self.delete_button.clicked.connect(self._on_delete)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.quote_label)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        for signal in (self.category_box.currentIndexChanged, self.note_edit.textChanged):
            signal.connect(self._check)
        self._check()

    def result_mark(self) -> Mark:
        return self._mark.with_changes(
            category=self.category_box.currentData(),
            severity=self.severity_box.currentData(),
            note=self.note_edit.text().strip(),
            correction=self.correction_edit.text().strip(),
            unsure=self.unsure_box.isChecked(),
        )

    def _check(self) -> None:
        problem = mark_problem(self.result_mark())
        self.problem_label.setText(problem or "")
        self.problem_label.setVisible(bool(problem))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def accept(self) -> None:
        if mark_problem(self.result_mark()) is None:  # Enter on a disabled Save does nothing
            super().accept()

    def _on_delete(self) -> None:
        self.delete_requested.emit(self._mark.id)
        self.reject()
