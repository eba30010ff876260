"""What a teacher answer records is what happened: the settings stored are the ones the request
carried, and token counts are the server's own when it gives them (tests/teacher_faults.py's
server keeps each request's body)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, Server, SlotConfig
from imitation_lens.core.running.runners import queued_response
from imitation_lens.core.servers.server_runner import ServerRunner
from teacher_faults import FaultServer

PARAMS = SamplingParams(temperature=0.3, top_p=0.8, top_k=7, repeat_penalty=1.3, max_tokens=64)
NOT_SENT = ("top_k", "repeat_penalty", "context_length", "threads")
# What every request carries besides the settings.
FRAME = {"model", "messages", "stream", "stream_options"}


@pytest.fixture
def server() -> Iterator[FaultServer]:
    started = FaultServer()
    yield started
    started.close()


def _ask(url: str, question: str) -> FinishedEvent:
    events: list[Event] = []
    ServerRunner(Server(url, "fault"), PARAMS).generate(
        GenerationRequest("r", question), events.append, threading.Event()
    )
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    assert finished.status is Status.DONE, finished.error
    return finished


def _settings(body: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in body.items() if k not in FRAME}


def test_stored_params_are_exactly_the_settings_sent(server: FaultServer) -> None:
    finished = _ask(server.url, "with-usage")
    (body,) = server.bodies
    sent = _settings(body)
    assert sent == {"temperature": 0.3, "top_p": 0.8, "max_tokens": 64, "seed": 42}
    assert finished.facts["params"] == sent
    # The row an answer is queued as says the same before the answer has run.
    row = queued_response("r", 0, SlotConfig("Teacher", Server(server.url, "fault"), PARAMS))
    assert row["params"] == sent and not any(name in row["params"] for name in NOT_SENT)
    # A local model does use them all, and keeps them all.
    local = queued_response("r", 0, SlotConfig("Base", LocalModel(), PARAMS))
    assert {"top_k", "repeat_penalty", "context_length"} <= set(local["params"])


def test_token_counts_are_the_servers_own_when_it_gives_them(server: FaultServer) -> None:
    counted = _ask(server.url, "with-usage")
    assert server.bodies[0]["stream_options"] == {"include_usage": True}
    assert (counted.facts["tokens_in"], counted.facts["tokens_out"]) == (17, 5)
    assert counted.facts["tokens_counted_by"] == "server"
    # A server that sends no usage: one token per streamed piece, and it says so.
    guessed = _ask(server.url, "What is the capital of Australia?")
    assert guessed.text == "Canberra."
    assert (guessed.facts["tokens_in"], guessed.facts["tokens_out"]) == (None, 1)
    assert guessed.facts["tokens_counted_by"] == "chunks"


def test_a_server_that_refuses_stream_options_is_asked_without_and_remembered(
    server: FaultServer,
) -> None:
    first = _ask(server.url, "refuses-stream-options")
    assert first.text == "Canberra." and first.facts["tokens_counted_by"] == "chunks"
    assert ["stream_options" in body for body in server.bodies] == [True, False]
    assert _settings(server.bodies[1]) == first.facts["params"]
    second = _ask(server.url, "refuses-stream-options")
    assert second.text == "Canberra."
    assert ["stream_options" in body for body in server.bodies] == [True, False, False]


def test_a_400_for_another_reason_still_fails_and_is_not_remembered(server: FaultServer) -> None:
    events: list[Event] = []
    ServerRunner(Server(server.url, "fault"), PARAMS).generate(
        GenerationRequest("r", "status-400"), events.append, threading.Event()
    )
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.FAILED
    assert "(400)" in finished.error
    assert ["stream_options" in body for body in server.bodies] == [True, False]
    _ask(server.url, "with-usage")  # the next answer still asks for the server's counts
    assert "stream_options" in server.bodies[-1]
