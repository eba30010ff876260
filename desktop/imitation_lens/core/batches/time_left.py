"""How long a batch has left: a steady estimate from the time each question took.

Questions differ a lot (a short fact, a long explanation), so the latest few alone make the
estimate swing (21 → 27 → 23 → 43 min). The time per question is averaged with weights that
fall off slowly (an exponentially weighted mean), and each estimate is at most 10 % above the
one before: a slow question nudges it up, a run of them moves it.

With several questions asked at once (core/batches/in_flight.py), a question's own time says
little about the pace; the time between questions coming in does, shared out when several come
in together (`answered_by_now`).
"""

from __future__ import annotations

import time

WEIGHT = 0.15  # how much the latest question counts in the time per question
MAX_RISE = 0.1  # at most 10 % more than the estimate after the question before


class TimeLeft:
    def __init__(self, weight: float = WEIGHT, max_rise: float = MAX_RISE) -> None:
        self._weight = weight
        self._max_rise = max_rise
        self._per_question: float | None = None
        self._shown: float | None = None  # the estimate last given
        self._asked: tuple[int, float] | None = None  # (questions left, time per question) then
        self._counted: tuple[int, float] | None = None  # (questions answered, when) last told

    def answered_by_now(self, answered: int, now: float | None = None) -> None:
        """`answered` questions are in by now: the time since the last count, shared out."""
        now = time.monotonic() if now is None else now
        if self._counted is None or answered < self._counted[0]:
            self._counted = (answered, now)
            return
        before, then = self._counted
        if answered > before:
            for _ in range(answered - before):
                self.question_done((now - then) / (answered - before))
            self._counted = (answered, now)

    def question_done(self, seconds: float) -> None:
        if self._per_question is None:
            self._per_question = seconds
        else:
            self._per_question += self._weight * (seconds - self._per_question)

    def seconds(self, remaining: int) -> float | None:
        """Seconds left with `remaining` questions to go; None before a question is done."""
        if self._per_question is None:
            return None
        if self._asked == (remaining, self._per_question):
            return self._shown  # nothing new since it was last asked
        estimate = self._per_question * remaining
        if self._shown is not None:
            estimate = min(estimate, self._shown * (1 + self._max_rise))
        self._shown, self._asked = estimate, (remaining, self._per_question)
        return estimate
