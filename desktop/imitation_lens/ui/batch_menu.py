"""The Batch menu's actions, when each can be used, and the question before cancelling a batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from imitation_lens import APP_NAME


class BatchControls(Protocol):
    """What the menu's actions do (BatchFlow)."""

    def open_sets(self) -> object: ...

    def pause(self) -> None: ...

    def resume(self) -> None: ...

    def cancel(self) -> object: ...

    def retry_failed(self) -> None: ...

    def next_unjudged(self) -> None: ...


class BatchMenu:
    def __init__(self, menu: QMenu, parent: QWidget, controls: BatchControls) -> None:
        self.menu = menu
        self.actions: dict[str, QAction] = {}
        for key, label, shortcut, slot in (
            (
                "sets",
                QCoreApplication.translate("BatchMenu", "&Prompt sets…"),
                "Ctrl+B",
                controls.open_sets,
            ),
            ("pause", QCoreApplication.translate("BatchMenu", "&Pause batch"), "", controls.pause),
            (
                "resume",
                QCoreApplication.translate("BatchMenu", "&Resume batch"),
                "",
                controls.resume,
            ),
            (
                "cancel",
                QCoreApplication.translate("BatchMenu", "&Cancel batch…"),
                "",
                controls.cancel,
            ),
            (
                "retry",
                QCoreApplication.translate("BatchMenu", "Retry &failed answers"),
                "",
                controls.retry_failed,
            ),
            (
                "unjudged",
                QCoreApplication.translate("BatchMenu", "&Next unjudged item"),
                "Ctrl+U",
                controls.next_unjudged,
            ),
        ):
            action = QAction(label, parent)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)
            self.actions[key] = action
            if key == "sets":
                menu.addSeparator()

    def update(self, state: str, resumable: bool, failed: bool, running: bool) -> None:
        """`state`: the running batch's (empty when none runs here)."""
        self.actions["pause"].setEnabled(state in ("running", "slowed"))
        self.actions["resume"].setEnabled(resumable)
        self.actions["cancel"].setEnabled(state in ("running", "slowed") or resumable)
        self.actions["retry"].setEnabled(failed and not running)


def ask_to_cancel(parent: QWidget, name: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask first (the questions not yet asked are removed), without blocking the window."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        QCoreApplication.translate(
            "BatchMenu",
            "Cancel the batch “{name}”? The questions not asked yet are removed; every answer "
            "already written is kept.",
        ).format(name=name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setObjectName("cancelBatchBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # the set's name is the evaluator's or a file's
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("BatchMenu", "Cancel the batch")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("BatchMenu", "Keep it")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(box.deleteLater)
    box.accepted.connect(on_yes)
    box.open()
    return box
