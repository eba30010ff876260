"""How long a batch waits before asking a server again after it refused a request (429).

The answer waits (the server's Retry-After, else twice the last wait, from 2 s up to a minute)
and is asked again; the next questions keep that pace until answers come through again. Used
by both ways a batch asks: one question at a time (core/batches/run.py) and several at once
(core/batches/in_flight.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

MIN_WAIT_S = 2.0
MAX_WAIT_S = 60.0
MAX_RATE_LIMITED = 8  # times in a row one answer is refused before it counts as failed


@dataclass
class Pace:
    """How long a rate-limited slot waits before its next request."""

    min_wait_s: float = MIN_WAIT_S
    wait_s: float = 0.0
    refused: dict[str, int] = field(default_factory=dict)  # answer id → refusals in a row

    def slow_down(self, response_id: str, retry_after: float | None) -> float:
        self.refused[response_id] = self.refused.get(response_id, 0) + 1
        doubled = max(self.min_wait_s, self.wait_s * 2)
        self.wait_s = min(MAX_WAIT_S, max(retry_after or 0.0, doubled))
        return self.wait_s

    def answered(self, response_id: str) -> None:
        self.refused.pop(response_id, None)
        self.wait_s = self.wait_s / 2 if self.wait_s > self.min_wait_s else 0.0

    def may_retry(self, response_id: str) -> bool:
        return self.refused.get(response_id, 0) + 1 < MAX_RATE_LIMITED
