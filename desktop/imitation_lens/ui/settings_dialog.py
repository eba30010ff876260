"""Edit ▸ Preferences: settings of the app itself (the columns' own are in their Settings…)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.ui.evaluator_prompt import Evaluator, name_field
from imitation_lens.ui.language import LANGUAGE_NAMES, chosen_language, save_language

# Said in both languages whatever is shown now: whoever picks the other one reads it too.
RESTART_NOTE = (
    "Takes effect when Imitation Lens is started again.\n"
    "Wird beim nächsten Start von Imitation Lens wirksam."
)
LANGUAGE_LABEL = "&Language / Sprache:"


class SettingsDialog(QDialog):
    def __init__(
        self, evaluator: Evaluator, settings_file: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.evaluator = evaluator
        self.settings_file = settings_file
        self.name_edit = name_field(evaluator.name)
        note = QLabel(
            self.tr(
                "Your marks and verdicts carry this name in every export and report, sessions "
                "already judged included. Exports written before keep the name they had."
            )
        )
        note.setWordWrap(True)
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code, name in LANGUAGE_NAMES.items():
            self.language_box.addItem(name, code)
        self.shown_language = chosen_language(settings_file)
        self.language_box.setCurrentIndex(self.language_box.findData(self.shown_language))
        self.language_box.setAccessibleName(self.tr("Language of the interface"))
        self.language_note = QLabel(RESTART_NOTE)
        self.language_note.setObjectName("languageNote")
        self.language_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Your name:"), self.name_edit)
        form.addRow(note)
        form.addRow(LANGUAGE_LABEL, self.language_box)
        form.addRow(self.language_note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        for button, description in (
            (QDialogButtonBox.StandardButton.Save, self.tr("Keep these preferences")),
            (QDialogButtonBox.StandardButton.Cancel, self.tr("Close without changing anything")),
        ):
            buttons.button(button).setAccessibleName(buttons.button(button).text())
            buttons.button(button).setAccessibleDescription(description)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
        self.accepted.connect(self._save)

    def _save(self) -> None:
        if self.name_edit.text().strip() and self.name_edit.text() != self.evaluator.name:
            self.evaluator.set_name(self.name_edit.text())
        # Only a change is written (untouched, the system's language keeps deciding); nothing
        # else changes: the work, the window's sizes and the name stay as they are.
        if self.language_box.currentData() != self.shown_language:
            save_language(self.settings_file, self.language_box.currentData())
