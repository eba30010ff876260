"""One switch for every answer: rendered Markdown, or the raw text exactly as the model wrote it.

It is one setting for all columns, so answers side by side are always compared the same way, and
it lasts while the app runs (new items, sessions and lineups keep it).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

KEY = "R"
TOOLTIP = (
    "Show every answer exactly as the model wrote it, with its Markdown symbols such as ** and #"
    f" ({KEY} in an answer). Marks stay on the same words either way."
)


class RawTextSwitch(QObject):
    changed = Signal()  # no argument: read `on` (bool arguments leak in PySide6 6.12 on 3.11)

    def __init__(self) -> None:
        super().__init__()
        self.on = False

    def set(self, on: bool) -> None:
        if on != self.on:
            self.on = on
            self.changed.emit()

    def toggle(self) -> None:
        self.set(not self.on)


_switch: RawTextSwitch | None = None


def raw_text_switch() -> RawTextSwitch:
    global _switch
    if _switch is None:
        _switch = RawTextSwitch()
    return _switch


class RawTextButton(QPushButton):
    """A checkable button that shows and sets the switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Raw text", parent)
        self.setObjectName("rawTextButton")
        self.setCheckable(True)
        # Not a Tab stop: R does the same in any answer, and a click leaves the keyboard there.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setToolTip(TOOLTIP)
        self.setAccessibleName("Show raw text")
        self.setAccessibleDescription(TOOLTIP)
        self.clicked.connect(self._set)
        raw_text_switch().changed.connect(self._follow)
        self._follow()

    def _set(self) -> None:
        raw_text_switch().set(self.isChecked())

    def _follow(self) -> None:
        self.setChecked(raw_text_switch().on)
