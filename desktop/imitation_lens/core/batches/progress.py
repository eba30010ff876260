"""What a running batch reports to whoever watches it (the window's batch panel, the
`imitation-lens batch` command): counts, state, time left and speeds, in plain words."""

from __future__ import annotations

from dataclasses import dataclass

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _


@dataclass(frozen=True)
class SlotSpeed:
    role: str
    tokens_per_second: float | None


@dataclass(frozen=True)
class BatchProgress:
    batch_id: str
    state: str  # running | pausing | paused | cancelling | cancelled | finished | slowed
    total: int
    answered: int
    failed: int
    current: int | None  # the place in the set of the item being answered
    current_item_id: str | None
    seconds_left: float | None
    speeds: tuple[SlotSpeed, ...] = ()
    message: str = ""  # plain words, for the status line

    @property
    def fraction(self) -> float:
        return self.answered / self.total if self.total else 1.0


def time_left(seconds: float | None) -> str:
    if seconds is None:
        return _("estimating time left…")
    if seconds < 60:
        return _("less than a minute left")
    minutes = round(seconds / 60)
    if minutes < 90:
        return _("about {minutes} min left").format(minutes=minutes)
    return _("about {hours} hours left").format(hours=translation.number(minutes / 60, 1))
