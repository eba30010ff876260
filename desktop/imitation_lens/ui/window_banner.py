"""The line above the prompt: a blind session, a demo lineup of stand-ins, or saving trouble."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.ui.plain_text import escaped


class Banner(QLabel):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("banner")
        self.setWordWrap(True)

    def show_lineup(self, lineup: list[SlotConfig], blind: bool) -> None:
        stand_ins = [slot.role for slot in lineup if slot.note.startswith("stand-in")]
        if blind:
            self.setText(
                "<b>Blind session.</b> The answers appear as Answer 1, 2, … in an order that "
                "changes from item to item; who wrote which, and how fast, is shown once you "
                "submit your verdict for the item."
            )
            self.setVisible(True)
            return
        if stand_ins:
            self.setText(
                "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, "
                "offline, so you can try the app right away; "
                f"{escaped(' and '.join(stand_ins))} {'is a stand-in' if len(stand_ins) == 1 else 'are stand-ins'}. "
                "Use a column's <i>Settings…</i> to load a real imitator or connect a teacher API."
            )
        else:
            self.clear()
        self.setVisible(bool(stand_ins))

    def show_storage_failed(self, message: str) -> None:
        self.setText(f"<b>Not saved yet.</b> {escaped(shown_fault(message))}")
        self._set_alert(True)
        self.setVisible(True)

    def storage_recovered(self, lineup: list[SlotConfig], blind: bool) -> None:
        self._set_alert(False)
        self.show_lineup(lineup, blind)

    def _set_alert(self, alert: bool) -> None:
        self.setProperty("alert", alert)
        # A dynamic property only restyles once the style is applied again.
        self.style().unpolish(self)
        self.style().polish(self)
