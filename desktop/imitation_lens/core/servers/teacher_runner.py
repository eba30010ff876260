"""The teacher column: ask the endpoint, or replay a recorded answer when it can't be reached."""

from __future__ import annotations

import threading
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

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
from imitation_lens.core.running.lineup import SamplingParams, Server
from imitation_lens.core.servers.replay import Recording, find_recording
from imitation_lens.core.servers.server_runner import ServerRunner


def recorded_on(recording: Recording) -> str:
    try:
        return f"{datetime.fromisoformat(recording.recorded_at).astimezone():%d %B %Y, %H:%M}"
    except (ValueError, OverflowError):
        return recording.recorded_at


class TeacherRunner:
    def __init__(self, endpoint: Server, params: SamplingParams, database: Path) -> None:
        self._endpoint = endpoint
        self._params = params
        self._database = database
        self._live = ServerRunner(endpoint, params)

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        if self._endpoint.replay == "always":
            if not self._replay(request, emit, "chosen: replay recorded answers"):
                emit(
                    FinishedEvent(
                        request.response_id,
                        Status.FAILED,
                        "",
                        "There is no recorded teacher answer for this question with these "
                        f"settings (model {self._endpoint.model}). Connect the teacher once to "
                        "record one, or import a demo pack (Models ▸ Import demo pack).",
                    )
                )
            return
        unreachable: list[FinishedEvent] = []

        def relay(event: Event) -> None:
            if (
                isinstance(event, FinishedEvent)
                and event.status is Status.FAILED
                and event.facts.get("failure") == "unreachable"
                and self._endpoint.replay == "fallback"
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
        recording = find_recording(
            self._database, request.prompt, self._endpoint.model, self._params
        )
        if recording is None:
            return False
        rid = request.response_id
        facts: dict[str, Any] = {
            "endpoint_base_url": self._endpoint.base_url,
            "endpoint_model": self._endpoint.model,
            "template": "chat-messages",
            "params": asdict(self._params),
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
