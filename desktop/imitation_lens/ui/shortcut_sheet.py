"""The keyboard sheet (F1 or ?): every key of the judging flow on one page."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from imitation_lens.core.judging.taxonomy import categories, category_for_key
from imitation_lens.ui.mark_style import category_colour
from imitation_lens.ui.window_state import fit_to_screen


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's sections, the category keys as the taxonomy has them now."""
    return [
        (
            "Ask",
            [
                ("Ctrl+Enter", "Run the prompt in every column"),
                ("Esc", "Stop every column; while a batch runs, pause it"),
                ("Tab / Shift+Tab", "Move between the prompt, answers and buttons"),
            ],
        ),
        (
            "Read and select",
            [
                ("Alt+1 … Alt+6", "Go into answer 1 … 6 (as shown, left to right)"),
                ("Ctrl+Home", "Go to the start of the answer"),
                ("Shift+arrows", "Select characters or lines; Shift+Ctrl+arrows select words"),
                ("[  and  ]", "Go to the previous / next mark in this answer"),
            ],
        ),
        (
            "Mark an error (in an answer)",
            [
                *((c.key, f"Mark the selection as “{c.label}”: {c.meaning}") for c in categories()),
                ("m / Shift+M", "Set the mark at the cursor to Minor (dotted) / Major (wavy)"),
                ("u", "Toggle “not sure” on the mark at the cursor (shown in italics)"),
                ("E or Enter", "Open the form: category, severity, note, correction, not sure"),
                ("Delete", "Delete the mark at the cursor (it is kept in the history)"),
                ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo any annotation"),
            ],
        ),
        (
            "Judge the whole answer (in an answer)",
            [
                ("c", "Checked: no errors found"),
                ("o", "Misses the question"),
                ("x", "Critical: wrong as a whole"),
            ],
        ),
        (
            "Verdict and items",
            [
                ("v or Ctrl+J", "Go to “Which answer is better?” (arrows choose)"),
                ("Enter (in Why?) or Alt+S", "Submit the verdict"),
                ("Ctrl+Page Down", "Next item; after the last one, a new question"),
                ("Ctrl+Page Up", "Previous item"),
                ("Ctrl+U", "Next item not judged yet whose answers are all written"),
                ("Ctrl+B", "Prompt sets: preview, import, run one through the lineup"),
                ("Ctrl+,", "Preferences: your name as the evaluator"),
                ("F1 or ?", "This sheet"),
            ],
        ),
    ]


def sheet_html() -> str:
    rows = []
    for title, keys in sections():
        rows.append(f"<tr><td colspan=2><h3>{html.escape(title)}</h3></td></tr>")
        for key, meaning in keys:
            chip = ""
            category = category_for_key(key)
            if category is not None:
                colour = category_colour(category.code).name()
                chip = f"<span style='background:{colour}'>&nbsp;&nbsp;&nbsp;</span> "
            rows.append(
                f"<tr><td style='padding-right:18px'><b>{html.escape(key)}</b></td>"
                f"<td>{chip}{html.escape(meaning)}</td></tr>"
            )
    return f"<table cellspacing=2>{''.join(rows)}</table>"


class ShortcutSheet(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setObjectName("shortcutSheet")
        fit_to_screen(self, 640, 760)
        label = QLabel(sheet_html())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAccessibleName("Keyboard shortcuts")
        label.setAccessibleDescription(
            "; ".join(f"{k}: {m}" for _, keys in sections() for k, m in keys)
        )
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        area = QScrollArea()
        area.setWidget(label)
        area.setWidgetResizable(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName("Close")
        close.setAccessibleDescription("Close the keyboard sheet (Esc)")
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(buttons)
