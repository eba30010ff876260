"""The teacher column: ask the server (through its kind, core/servers/kinds), or replay a recorded
answer when it can't be reached."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import ENGLISH, _, current_language, date_time
from imitation_lens.core.running.events import (
    EmitFn,
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.running.lineup import OPENAI_COMPATIBLE, SamplingParams, Server
from imitation_lens.core.servers import kinds
from imitation_lens.core.servers.replay import Recording, find_recording
from imitation_lens.core.servers.server_runner import sent_params


def recorded_on(recording: Recording) -> str:
    try:
        moment = datetime.fromisoformat(recording.recorded_at).astimezone()
        if current_language() == ENGLISH:
            return f"{moment:%d %B %Y, %H:%M}"
        return date_time(moment)
    except (ValueError, OverflowError):
        return recording.recorded_at


class TeacherRunner:
    def __init__(self, server: Server, params: SamplingParams, database: Path) -> None:
        self._server = server
        self._params = params
        self._database = database
        self._live = kinds.make_runner(server, params)

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        if self._server.kind != OPENAI_COMPATIBLE:
            # kept in the answer's further facts (the responses table's `extra`), so stored
            # rows and exports keep their columns; OpenAI-compatible answers stay as they were
            emit(FactsEvent(request.response_id, {"server_kind": self._server.kind}))
        if self._server.replay == "always":
            if not self._replay(request, emit, "chosen: replay recorded answers"):
                emit(
                    FinishedEvent(
                        request.response_id,
                        Status.FAILED,
                        "",
                        _(
                            "There is no recorded teacher answer for this question with these "
                            "settings (model {model}). Connect the teacher once to "
                            "record one, or import a demo pack (Models ▸ Import demo pack)."
                        ).format(model=self._server.model),
                    )
                )
            return
        unreachable: list[FinishedEvent] = []

        def relay(event: Event) -> None:
            if (
                isinstance(event, FinishedEvent)
                and event.status is Status.FAILED
                and event.facts.get("failure") == "unreachable"
                and self._server.replay == "fallback"
            ):
                unreachable.append(event)  # held back: a recording may stand in
            else:
                emit(event)

        self._live.generate(request, relay, stop)
        if unreachable:
            reason = "the teacher could not be reached"
            replayed = not stop.is_set() and self._replay(request, emit, reason, unreachable[0])
            if not replayed:
                emit(unreachable[0])

    def _replay(
        self,
        request: GenerationRequest,
        emit: EmitFn,
        reason: str,
        failed: FinishedEvent | None = None,
    ) -> bool:
        recording = find_recording(self._database, request.prompt, self._server.model, self._params)
        if recording is None:
            return False
        rid = request.response_id
        facts: dict[str, Any] = {
            "endpoint_base_url": self._server.base_url,
            "endpoint_model": self._server.model,
            "template": "chat-messages",
            "params": sent_params(self._params),  # what the recorded answer was asked with
            "replayed_from": recording.recorded_at,
            "replay_origin": recording.origin,
            "replay_reason": reason,
            "replay_note": f"Recorded answer from {recorded_on(recording)}, replayed: {reason}.",
        }
        if failed is not None:
            facts["live_error"] = failed.error
        emit(FactsEvent(rid, facts))
        emit(StateEvent(rid, Status.STREAMING))
        emit(TextEvent(rid, recording.text, 0, None))
        emit(FinishedEvent(rid, Status.DONE, recording.text, facts=facts))
        return True

    def close(self) -> None:
        self._live.close()
