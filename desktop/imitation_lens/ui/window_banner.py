"""The line above the prompt: a blind session, a demo lineup of stand-ins or with a model made
here, or saving trouble."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.model_files.trained_models import MADE_HERE
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.running.made_lineup import BEFORE_FINE_TUNING
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
                self.tr(
                    "<b>Blind session.</b> The answers appear as Answer 1, 2, … in an order that "
                    "changes from item to item; who wrote which, and how fast, is shown once you "
                    "submit your verdict for the item."
                )
            )
            self.setVisible(True)
            return
        made = [slot for slot in lineup if slot.note.startswith(MADE_HERE)]
        if made:
            self.setText(self._made_words(lineup, made, stand_ins))
            self.setVisible(True)
            return
        if stand_ins:
            # One message per number: English has no catalogue to pick a plural form from.
            if len(stand_ins) == 1:
                demo = self.tr(
                    "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, "
                    "offline, so you can try the app right away; {names} is a stand-in. Use a "
                    "column's <i>Settings…</i> to load a real imitator or connect a teacher API."
                )
            else:
                demo = self.tr(
                    "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, "
                    "offline, so you can try the app right away; {names} are stand-ins. Use a "
                    "column's <i>Settings…</i> to load a real imitator or connect a teacher API."
                )
            self.setText(demo.format(names=self._joined(stand_ins)))
        else:
            self.clear()
        self.setVisible(bool(stand_ins))

    def _joined(self, names: list[str]) -> str:
        """Column names as a sentence lists them, escaped for the banner's markup."""
        if len(names) < 2:
            return escaped("".join(names))
        return self.tr("{names} and {last}").format(
            names=escaped(", ".join(names[:-1])), last=escaped(names[-1])
        )

    def _made_words(
        self, lineup: list[SlotConfig], made: list[SlotConfig], stand_ins: list[str]
    ) -> str:
        """What a lineup with a model made here compares (Models ▸ Make an imitator…)."""
        words = []
        for slot in made:
            what = slot.note.removeprefix(MADE_HERE).lstrip(": ")
            words.append(
                self.tr("{name} is a model made on this computer: {what}.").format(
                    name=escaped(slot.role), what=escaped(what)
                )
            )
        bases = [s.role for s in lineup if s.is_local and s.note.endswith(BEFORE_FINE_TUNING)]
        if bases:
            words.append(
                self.tr(
                    "{names} runs the model it was made from, asked the same way, so what "
                    "differs between them is the fine-tuning alone."
                ).format(names=self._joined(bases))
            )
        if stand_ins:
            stand_in = (
                self.tr(
                    "{names} is a stand-in (the small built-in Gemma 3 270M); use its "
                    "<i>Settings…</i> to connect a teacher API."
                )
                if len(stand_ins) == 1
                else self.tr(
                    "{names} are stand-ins (the small built-in Gemma 3 270M); use their "
                    "<i>Settings…</i> to connect a teacher API."
                )
            )
            words.append(stand_in.format(names=self._joined(stand_ins)))
        return self.tr("<b>Made here.</b>") + " " + " ".join(words)

    def show_storage_failed(self, message: str) -> None:
        self.setText(
            self.tr("<b>Not saved yet.</b> {message}").format(message=escaped(shown_fault(message)))
        )
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
