"""A yes-or-no question that does not block the window: the answer arrives as a callback."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from imitation_lens import APP_NAME


def ask_first(
    parent: QWidget,
    name: str,
    question: str,
    yes: str,
    no: str,
    on_yes: Callable[[], None],
) -> QMessageBox:
    """Ask `question` (plain text: it may hold a name someone typed) with the buttons `yes` and
    `no`, `no` the default; `on_yes` runs only if `yes` is chosen. `name` is the box's object
    name, for tests and screen checks."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName(name)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
    box.button(QMessageBox.StandardButton.No).setText(no)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(box.deleteLater)
    box.accepted.connect(on_yes)
    box.open()
    return box
