"""What runs in each column: a local GGUF file or a server (of a kind in core/servers/kinds), with
its settings."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

PromptMode = Literal["auto", "completion", "chat", "teacher-style"]
# When a teacher's recorded answer is used instead of asking it: when it can't be reached
# (the default), always (an offline demo), or never.
ReplayMode = Literal["fallback", "always", "never"]

# The kind of server every saved server was before there were kinds (core/servers/kinds).
OPENAI_COMPATIBLE = "openai-compatible"
# How many questions a batch asks a server at once (core/batches/in_flight.py) unless told
# otherwise. Chosen by bench/in_flight.py against llama.cpp's llama-server on 2 cores
# (docs/performance.md): at 4 at once the app matched the engine's own throughput (2.2x one at
# a time), at 8 it first gained nothing on those 2 cores (the app's own CPU per answer, since
# cut: it now matches the engine at 8 too); 4 is also what a small local server or a free API
# tier copes with (a 429 halves it anyway). A GPU server is set higher per connection.
IN_FLIGHT = 4
MAX_IN_FLIGHT = 64

TEACHER_URL_ENV = "IMITATION_LENS_TEACHER_URL"
TEACHER_MODEL_ENV = "IMITATION_LENS_TEACHER_MODEL"


@dataclass(frozen=True)
class SamplingParams:
    """Every setting that shapes an answer; recorded with each response. Fixed seed by default."""

    temperature: float = 0.7
    top_p: float = 0.95
    top_k: int = 40
    repeat_penalty: float = 1.1
    max_tokens: int = 200
    seed: int = 42
    context_length: int = 2048
    threads: int = 0  # 0: decided from the cores and the number of local slots

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SamplingParams:
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        return cls(**known)


@dataclass(frozen=True)
class LocalModel:
    """A GGUF file run in-process by llama.cpp. An empty path means the bundled demo model."""

    path: str = ""
    prompt_mode: PromptMode = "auto"

    @property
    def is_bundled(self) -> bool:
        return not self.path


@dataclass(frozen=True)
class Server:
    """A chat server a column talks to. The key itself is never kept here: only where to find it."""

    base_url: str
    model: str
    api_key_env: str = "OPENAI_API_KEY"
    replay: ReplayMode = "fallback"
    kind: str = OPENAI_COMPATIBLE  # a name in core/servers/kinds: how the server is asked
    in_flight: int = IN_FLIGHT  # questions a batch asks it at once


@dataclass(frozen=True)
class SlotConfig:
    role: str
    source: LocalModel | Server
    params: SamplingParams = field(default_factory=SamplingParams)
    note: str = ""  # said in the column header, e.g. that a slot is a stand-in

    @property
    def is_local(self) -> bool:
        return isinstance(self.source, LocalModel)

    def with_params(self, **changes: Any) -> SlotConfig:
        return replace(self, params=replace(self.params, **changes))

    def to_dict(self) -> dict[str, Any]:
        kind = "local" if isinstance(self.source, LocalModel) else "endpoint"
        source = asdict(self.source)
        if source.get("kind") == OPENAI_COMPATIBLE:
            del source["kind"]  # saved lineups and exports stay as they were before kinds
        if source.get("in_flight") == IN_FLIGHT:
            del source["in_flight"]  # likewise: only a number someone chose is kept
        return {
            "role": self.role,
            "kind": kind,
            "source": source,
            "params": asdict(self.params),
            "note": self.note,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SlotConfig:
        source_data = dict(data.get("source") or {})
        source: LocalModel | Server
        if data.get("kind") == "endpoint":
            source = Server(
                base_url=str(source_data.get("base_url", "")),
                model=str(source_data.get("model", "")),
                api_key_env=str(source_data.get("api_key_env", "OPENAI_API_KEY")),
                replay=source_data.get("replay", "fallback"),
                kind=str(source_data.get("kind") or OPENAI_COMPATIBLE),
                in_flight=in_flight_of(source_data.get("in_flight")),
            )
        else:
            source = LocalModel(
                path=str(source_data.get("path", "")),
                prompt_mode=source_data.get("prompt_mode", "auto"),
            )
        return cls(
            role=str(data.get("role", "Slot")),
            source=source,
            params=SamplingParams.from_dict(dict(data.get("params") or {})),
            note=str(data.get("note", "")),
        )


def in_flight_of(value: Any) -> int:
    """A saved number of questions at once, kept within 1..MAX_IN_FLIGHT; the default if unreadable."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return IN_FLIGHT
    return max(1, min(MAX_IN_FLIGHT, number))


LINEUP_SETTING = "lineup"  # the settings key of the lineup the window uses
MIN_SLOTS = 2
MAX_SLOTS = 6


def default_lineup(environ: dict[str, str] | None = None) -> list[SlotConfig]:
    """The lineup a first start gets: everything runs on the bundled model, offline.

    Only one small model ships with the app, so the imitator and (without a configured server)
    the teacher are stand-ins, and their headers say so.
    """
    env = os.environ if environ is None else environ
    base = SlotConfig(role="Base", source=LocalModel(prompt_mode="completion"))
    imitator = SlotConfig(
        role="Imitator",
        source=LocalModel(prompt_mode="teacher-style"),
        note="stand-in: the same base model shown teacher-style example answers",
    )
    teacher_url = env.get(TEACHER_URL_ENV, "").strip()
    if teacher_url:
        teacher = SlotConfig(
            role="Teacher",
            source=Server(base_url=teacher_url, model=env.get(TEACHER_MODEL_ENV, "gpt-4o-mini")),
        )
    else:
        teacher = SlotConfig(
            role="Teacher",
            source=LocalModel(prompt_mode="completion"),
            params=SamplingParams(temperature=0.0),
            note="stand-in: no teacher connected; set one up in the column's settings",
        )
    return [base, imitator, teacher]
