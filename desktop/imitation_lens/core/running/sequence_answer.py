"""One answer of core/running/batched_local.py: its request, its llama.cpp sequence, and its
text, decoded from the tokens' bytes as they come (a character split across two tokens is
written whole) and passed on without the stop strings."""

from __future__ import annotations

import codecs
import ctypes
import threading
from dataclasses import dataclass, field
from typing import Any

from imitation_lens.core.running.events import (
    EmitFn,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    StreamMeter,
)
from imitation_lens.core.running.local_runner import NO_TEXT
from imitation_lens.core.running.prompting import BuiltPrompt


def piece(vocab: Any, token: int) -> bytes:
    """A token's bytes, as llama-cpp-python's detokenize gives them (special tokens as nothing)."""
    import llama_cpp

    size = 64
    while True:
        buffer = ctypes.create_string_buffer(size)
        n = llama_cpp.llama_token_to_piece(vocab, token, buffer, size, 0, False)
        if n >= 0:
            return buffer.raw[:n]
        size = -n  # too small: llama.cpp says how much it needs


@dataclass(eq=False)
class Answer:
    """One question being answered: its request, its sequence and what it has written."""

    request: GenerationRequest
    emit: EmitFn
    stop: threading.Event
    done: threading.Event = field(default_factory=threading.Event)
    seq: int = -1
    facts: dict[str, Any] = field(default_factory=dict)
    meter: StreamMeter | None = None
    built: BuiltPrompt | None = None
    todo: list[int] = field(default_factory=list)  # prompt tokens not yet decoded
    pos: int = 0  # the next token's position in its sequence
    last: int = -1  # the sampled token to decode next
    logits_at: int = -1  # its row in the latest batch's outputs, -1 when none
    made: int = 0  # tokens generated
    limit: int = 0  # the most tokens it may generate
    sampler: Any = None
    decoder: Any = field(default_factory=lambda: codecs.getincrementaldecoder("utf-8")("replace"))
    text: str = ""  # everything decoded so far, stop strings included
    sent: int = 0  # characters of `text` passed to the meter

    def end(self, status: Status, error: str = "") -> None:
        if self.meter is None:
            self.meter = StreamMeter(self.request.response_id, self.emit)
        self.meter.flush()
        if status is Status.DONE and not self.meter.text.strip():
            status, error = Status.FAILED, NO_TEXT  # as the one-at-a-time runner says
        facts = self.facts | self.meter.timings() | {"tokens_out": self.made}
        self.emit(FinishedEvent(self.request.response_id, status, self.meter.text, error, facts))
        if self.sampler is not None:
            self.sampler.close()
            self.sampler = None
        self.done.set()

    def add_text(self, data: bytes) -> bool:
        """Decode a token's bytes and pass on what is safe to show; True at a stop string."""
        assert self.built is not None
        self.text += self.decoder.decode(data)
        stops = [s for s in self.built.stop if s]
        found = [i for i in (self.text.find(s) for s in stops) if i >= 0]
        if found:
            self.text = self.text[: min(found)]
            self.pass_on(len(self.text))
            return True
        # Hold back an ending that may be the start of a stop string.
        held = max(
            (n for s in stops for n in range(1, len(s)) if self.text.endswith(s[:n])),
            default=0,
        )
        self.pass_on(len(self.text) - held)
        return False

    def pass_on(self, upto: int) -> None:
        assert self.meter is not None
        if upto <= self.sent:
            return
        if not self.meter.text and not self.meter.first_token_at:
            self.emit(StateEvent(self.request.response_id, Status.STREAMING))
        self.meter.add(self.text[self.sent : upto], self.made)
        self.sent = upto
