"""One switch for every answer: rendered Markdown, or the raw text exactly as the model wrote it.

It is one setting for all columns, so answers side by side are always compared the same way, and
it lasts while the app runs (new items, sessions and lineups keep it).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

KEY = "R"
# Translated where shown, with the key put in: a key is never translated.
TOOLTIP: str = QT_TRANSLATE_NOOP(  # type: ignore[assignment]  # returns its text
    "RawTextButton",
    "Show every answer exactly as the model wrote it, with its Markdown symbols such as ** and #"
    " ({key} in an answer). Marks stay on the same words either way.",
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
        super().__init__(parent)
        self.setText(self.tr("Raw text"))
        self.setObjectName("rawTextButton")
        self.setCheckable(True)
        # Not a Tab stop: R does the same in any answer, and a click leaves the keyboard there.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        tip = self.tr(TOOLTIP).format(key=KEY)
        self.setToolTip(tip)
        self.setAccessibleName(self.tr("Show raw text"))
        self.setAccessibleDescription(tip)
        self.clicked.connect(self._set)
        raw_text_switch().changed.connect(self._follow)
        self._follow()

    def _set(self) -> None:
        raw_text_switch().set(self.isChecked())

    def _follow(self) -> None:
        self.setChecked(raw_text_switch().on)
