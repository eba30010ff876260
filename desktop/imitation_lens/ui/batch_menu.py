"""The Batch menu's actions, when each can be used, and the question before cancelling a batch."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from imitation_lens.ui.questions import ask_first


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
    return ask_first(
        parent,
        "cancelBatchBox",
        QCoreApplication.translate(
            "BatchMenu",
            "Cancel the batch “{name}”? The questions not asked yet are removed; every answer "
            "already written is kept.",
        ).format(name=name),
        QCoreApplication.translate("BatchMenu", "Cancel the batch"),
        QCoreApplication.translate("BatchMenu", "Keep it"),
        on_yes,
    )
