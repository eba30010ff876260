"""Edit ▸ Preferences: settings of the app itself (the columns' own are in their Settings…)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.ui.evaluator_prompt import Evaluator, name_field


class SettingsDialog(QDialog):
    def __init__(self, evaluator: Evaluator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Preferences")
        self.evaluator = evaluator
        self.name_edit = name_field(evaluator.name)
        note = QLabel(
            "Your marks and verdicts carry this name in every export and report, sessions "
            "already judged included. Exports written before keep the name they had."
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Your name:", self.name_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button, description in (
            (QDialogButtonBox.StandardButton.Save, "Keep these preferences"),
            (QDialogButtonBox.StandardButton.Cancel, "Close without changing anything"),
        ):
            buttons.button(button).setAccessibleName(buttons.button(button).text())
            buttons.button(button).setAccessibleDescription(description)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
        self.accepted.connect(self._save)

    def _save(self) -> None:
        if self.name_edit.text().strip() and self.name_edit.text() != self.evaluator.name:
            self.evaluator.set_name(self.name_edit.text())
