"""The vocabulary shared by runners, the writer and the window: requests, statuses and events."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Protocol


class Status(StrEnum):
    QUEUED = "queued"
    LOADING = "loading"
    THINKING = "thinking"  # the prompt is being processed; no token yet
    STREAMING = "streaming"
    DONE = "done"
    STOPPED = "stopped"
    FAILED = "failed"
    INTERRUPTED = "interrupted"  # the app ended while the answer was being written

    @property
    def is_final(self) -> bool:
        return self in FINAL_STATUSES


FINAL_STATUSES = frozenset({Status.DONE, Status.STOPPED, Status.FAILED, Status.INTERRUPTED})


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass(frozen=True)
class GenerationRequest:
    response_id: str
    prompt: str


@dataclass(frozen=True)
class StateEvent:
    response_id: str
    status: Status
    detail: str = ""


@dataclass(frozen=True)
class FactsEvent:
    """What the response will record about how it was made (model identity, prompt as sent, …)."""

    response_id: str
    facts: dict[str, Any]


@dataclass(frozen=True)
class TextEvent:
    response_id: str
    text: str
    tokens_out: int
    tokens_per_second: float | None


@dataclass(frozen=True)
class FinishedEvent:
    response_id: str
    status: Status
    text: str
    error: str = ""
    facts: dict[str, Any] = field(default_factory=dict)


Event = StateEvent | FactsEvent | TextEvent | FinishedEvent
EmitFn = Callable[[Event], None]


class Runner(Protocol):
    """Runs one request at a time, on the thread that created it. Never raises: failures are events."""

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None: ...

    def close(self) -> None: ...


class StreamMeter:
    """Collects streamed text, measures it, and passes it on in batches.

    Text goes out at once for the first token, then at most every `interval` seconds, so three
    fast columns cost the window a few dozen updates a second instead of hundreds.
    """

    def __init__(self, response_id: str, emit: EmitFn, interval: float = 0.03) -> None:
        self.response_id = response_id
        self._emit = emit
        self._interval = interval
        self.started_at = utc_now()
        self._start = time.perf_counter()
        self._first: float | None = None
        self._last_emit = 0.0
        self._pending: list[str] = []
        self._sent: list[str] = []
        self.tokens_out = 0
        self.first_token_at: str | None = None

    def add(self, piece: str, tokens_out: int) -> None:
        now = time.perf_counter()
        if self._first is None:
            self._first = now
            self.first_token_at = utc_now()
        self.tokens_out = tokens_out
        self._pending.append(piece)
        if not self._sent or now - self._last_emit >= self._interval:
            self.flush(now)

    def flush(self, now: float | None = None) -> None:
        if not self._pending:
            return
        chunk = "".join(self._pending)
        self._pending.clear()
        self._sent.append(chunk)
        self._last_emit = time.perf_counter() if now is None else now
        self._emit(TextEvent(self.response_id, chunk, self.tokens_out, self.tokens_per_second()))

    @property
    def text(self) -> str:
        """What has been passed on so far: exactly what the window shows."""
        return "".join(self._sent)

    def tokens_per_second(self) -> float | None:
        if self._first is None or self.tokens_out < 2:
            return None
        elapsed = time.perf_counter() - self._first
        return (self.tokens_out - 1) / elapsed if elapsed > 0 else None

    def timings(self) -> dict[str, Any]:
        ttft = None if self._first is None else round((self._first - self._start) * 1000, 1)
        speed = self.tokens_per_second()
        return {
            "started_at": self.started_at,
            "first_token_at": self.first_token_at,
            "ended_at": utc_now(),
            "ttft_ms": ttft,
            "tokens_out": self.tokens_out,
            "tokens_per_second": None if speed is None else round(speed, 2),
        }
