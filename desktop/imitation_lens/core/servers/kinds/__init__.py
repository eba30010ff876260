"""Every kind of server a column can talk to, by name: one registry for the teacher column's
runner, "Test connection" and the kind choice in the slot and connections dialogs.

Adding a kind is adding one module to this package that defines `KIND = ServerKind(...)`: its
name (kept with the column's settings), its label in the dialogs, `make_runner(server, params)`
giving the Runner that asks it (core/running/events.py: never raises, failures are events; a
failure with the fact `"failure": "unreachable"` lets the teacher column replay a recorded answer)
and `list_models(server, key, timeout_s)` for "Test connection" (raising ConnectionProblem in
plain words). The package finds it on import (pkgutil), and `register` adds one at run time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from imitation_lens.core.housekeeping.registry import Registry
from imitation_lens.core.running.events import (
    EmitFn,
    FinishedEvent,
    GenerationRequest,
    Runner,
    Status,
)
from imitation_lens.core.running.lineup import OPENAI_COMPATIBLE, SamplingParams, Server


class ConnectionProblem(Exception):
    """Why a teacher could not be reached or used, in plain words (never containing the key)."""


@dataclass(frozen=True)
class ServerKind:
    name: str  # kept in the column's settings; never changes once used
    label: str  # as shown in the dialogs
    make_runner: Callable[[Server, SamplingParams], Runner]
    # the models the server offers (blocking: called off the GUI thread); key may be None
    list_models: Callable[[Server, str | None, float], list[str]]
    order: int = 100  # place in the dialogs' choice; ties go by name


_KINDS = Registry(ServerKind, "KIND")
KINDS = _KINDS.items  # changed in place, never rebound
BY_NAME = _KINDS.by_name
DEFAULT = OPENAI_COMPATIBLE  # what a server saved before there were kinds is


def register(kind: ServerKind) -> ServerKind:
    """Offer a kind of server everywhere; a name registered again replaces it."""
    return _KINDS.register(kind)


def discover() -> None:
    """Register the `KIND` of every module of this package (its __path__) not yet imported."""
    _KINDS.discover(__name__, __path__)


def unknown(name: str) -> str:
    """Plain words for a kind this copy of the app does not have (e.g. a settings file from a
    version with more kinds)."""
    return (
        f"This column talks to a kind of server this version of Imitation Lens does not know "
        f"(“{name}”). Choose the server again in the column's settings."
    )


def kind_named(name: str) -> ServerKind:
    """The registered kind called `name`; ConnectionProblem when there is none."""
    found = BY_NAME.get(name)
    if found is None:
        raise ConnectionProblem(unknown(name))
    return found


class _UnknownKindRunner:
    """Stands in for a kind that is not registered: every answer fails, in plain words."""

    def __init__(self, name: str) -> None:
        self._name = name

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        emit(FinishedEvent(request.response_id, Status.FAILED, "", unknown(self._name)))

    def close(self) -> None:
        pass


def make_runner(server: Server, params: SamplingParams) -> Runner:
    """The runner that asks `server`, through its kind."""
    found = BY_NAME.get(server.kind)
    if found is None:
        return _UnknownKindRunner(server.kind)
    return found.make_runner(server, params)


discover()
