"""The keyboard sheet (F1 or ?): every key of the judging flow on one page."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from imitation_lens.core.judging.taxonomy import categories, category_for_key
from imitation_lens.ui.mark_style import category_colour
from imitation_lens.ui.window_state import fit_to_screen


def sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """The sheet's sections, the category keys as the taxonomy has them now.

    Keys are never translated: they are what is pressed on any layout. Where a key cell has
    words ("or", "and") the keys go into the translated text as placeholders, so a translation
    can't change them."""
    return [
        (
            QCoreApplication.translate("ShortcutSheet", "Ask"),
            [
                (
                    "Ctrl+Enter",
                    QCoreApplication.translate("ShortcutSheet", "Run the prompt in every column"),
                ),
                (
                    "Esc",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Stop every column; while a batch runs, pause it"
                    ),
                ),
                (
                    "Tab / Shift+Tab",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Move between the prompt, answers and buttons"
                    ),
                ),
            ],
        ),
        (
            QCoreApplication.translate("ShortcutSheet", "Read and select"),
            [
                (
                    "Alt+1 … Alt+6",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Go into answer 1 … 6 (as shown, left to right)"
                    ),
                ),
                (
                    "Ctrl+Home",
                    QCoreApplication.translate("ShortcutSheet", "Go to the start of the answer"),
                ),
                (
                    QCoreApplication.translate("ShortcutSheet", "{shift}+arrows").format(
                        shift="Shift"
                    ),
                    QCoreApplication.translate(
                        "ShortcutSheet", "Select characters or lines; {keys} select words"
                    ).format(
                        keys=QCoreApplication.translate("ShortcutSheet", "{shift}+arrows").format(
                            shift="Shift+Ctrl"
                        )
                    ),
                ),
                (
                    QCoreApplication.translate("ShortcutSheet", "{previous}  and  {next}").format(
                        previous="[", next="]"
                    ),
                    QCoreApplication.translate(
                        "ShortcutSheet", "Go to the previous / next mark in this answer"
                    ),
                ),
            ],
        ),
        (
            QCoreApplication.translate("ShortcutSheet", "Mark an error (in an answer)"),
            [
                *(
                    (
                        c.key,
                        QCoreApplication.translate(
                            "ShortcutSheet", "Mark the selection as “{label}”: {meaning}"
                        ).format(label=c.shown_label(), meaning=c.shown_meaning()),
                    )
                    for c in categories()
                ),
                (
                    "m / Shift+M",
                    QCoreApplication.translate(
                        "ShortcutSheet",
                        "Set the mark at the cursor to Minor (dotted) / Major (wavy)",
                    ),
                ),
                (
                    "u",
                    QCoreApplication.translate(
                        "ShortcutSheet",
                        "Toggle “not sure” on the mark at the cursor (shown in italics)",
                    ),
                ),
                (
                    QCoreApplication.translate("ShortcutSheet", "{first} or {second}").format(
                        first="E", second="Enter"
                    ),
                    QCoreApplication.translate(
                        "ShortcutSheet",
                        "Open the form: category, severity, note, correction, not sure",
                    ),
                ),
                (
                    "Delete",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Delete the mark at the cursor (it is kept in the history)"
                    ),
                ),
                (
                    "Ctrl+Z / Ctrl+Shift+Z",
                    QCoreApplication.translate("ShortcutSheet", "Undo / redo any annotation"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("ShortcutSheet", "Judge the whole answer (in an answer)"),
            [
                ("c", QCoreApplication.translate("ShortcutSheet", "Checked: no errors found")),
                ("o", QCoreApplication.translate("ShortcutSheet", "Misses the question")),
                ("x", QCoreApplication.translate("ShortcutSheet", "Critical: wrong as a whole")),
            ],
        ),
        (
            QCoreApplication.translate("ShortcutSheet", "Verdict and items"),
            [
                (
                    QCoreApplication.translate("ShortcutSheet", "{first} or {second}").format(
                        first="v", second="Ctrl+J"
                    ),
                    QCoreApplication.translate(
                        "ShortcutSheet", "Go to “Which answer is better?” (arrows choose)"
                    ),
                ),
                (
                    QCoreApplication.translate(
                        "ShortcutSheet", "{enter} (in Why?) or {keys}"
                    ).format(enter="Enter", keys="Alt+S"),
                    QCoreApplication.translate("ShortcutSheet", "Submit the verdict"),
                ),
                (
                    "Ctrl+Page Down",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Next item; after the last one, a new question"
                    ),
                ),
                ("Ctrl+Page Up", QCoreApplication.translate("ShortcutSheet", "Previous item")),
                (
                    "Ctrl+U",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Next item not judged yet whose answers are all written"
                    ),
                ),
                (
                    "Ctrl+B",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Prompt sets: preview, import, run one through the lineup"
                    ),
                ),
                (
                    "Ctrl+,",
                    QCoreApplication.translate(
                        "ShortcutSheet", "Preferences: your name as the evaluator"
                    ),
                ),
                (
                    QCoreApplication.translate("ShortcutSheet", "{first} or {second}").format(
                        first="F1", second="?"
                    ),
                    QCoreApplication.translate("ShortcutSheet", "This sheet"),
                ),
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
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("shortcutSheet")
        fit_to_screen(self, 640, 760)
        label = QLabel(sheet_html())
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.setAccessibleName(self.tr("Keyboard shortcuts"))
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
        close.setAccessibleName(close.text().replace("&", ""))
        close.setAccessibleDescription(self.tr("Close the keyboard sheet (Esc)"))
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        layout.addWidget(buttons)
