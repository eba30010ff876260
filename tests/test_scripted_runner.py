"""The scripted stand-in for llama.cpp (tests/scripted_runner.py) keeps to the runner protocol as
the real runner does: the same events in the same order, the same facts, a stop at any point.
The real runner is run beside it (slow) so that the two cannot drift apart unnoticed."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Runner,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams
from imitation_lens.core.running.local_runner import LocalRunner
from scripted_runner import Script, ScriptedModels

PARAMS = SamplingParams(max_tokens=16, context_length=1024)
PROMPT = "What is the capital of Australia?"


def _run(
    runner: Runner,
    prompt: str = PROMPT,
    on_event: Callable[[Event, threading.Event], None] | None = None,
) -> list[Event]:
    events: list[Event] = []
    stop = threading.Event()

    def emit(event: Event) -> None:
        events.append(event)
        if on_event is not None:
            on_event(event, stop)

    runner.generate(GenerationRequest("r", prompt), emit, stop)
    return events


def _shape(events: list[Event]) -> list[str]:
    """The protocol as a sequence: states by name, runs of text as one entry."""
    shape: list[str] = []
    for event in events:
        if isinstance(event, StateEvent):
            entry = event.status.value
        elif isinstance(event, FactsEvent):
            entry = "facts"
        elif isinstance(event, TextEvent):
            entry = "text"
        else:
            assert isinstance(event, FinishedEvent)
            entry = f"finished {event.status.value}"
        if not shape or shape[-1] != entry:
            shape.append(entry)
    return shape


@pytest.fixture
def make_runner(inference: ScriptedModels | None, data_paths: DataPaths) -> Callable[[], Runner]:
    def make() -> Runner:
        source = LocalModel(prompt_mode="completion")
        if inference is None:
            return LocalRunner(source, PARAMS, 2, data_paths.models)
        return inference.runner(source, PARAMS, 2, data_paths.models)

    return make


def test_an_answer_streams_with_the_events_and_facts_of_the_real_runner(
    make_runner: Callable[[], Runner],
) -> None:
    runner = make_runner()
    try:
        events = _run(runner)
        again = _run(runner)  # loaded once
    finally:
        runner.close()
    assert _shape(events) == ["loading", "facts", "thinking", "streaming", "text", "finished done"]
    assert _shape(again) == ["facts", "thinking", "streaming", "text", "finished done"]
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    assert finished.text == "".join(e.text for e in events if isinstance(e, TextEvent))
    facts = next(e for e in events if isinstance(e, FactsEvent)).facts
    assert facts["prompt_sent"] == f"Question: {PROMPT}\nAnswer:"
    assert facts["model_quantization"] == "Q4_K_M" and facts["model_sha256"]
    assert facts["tokens_in"] > 5 and facts["params"]["seed"] == 42
    assert 1 <= finished.facts["tokens_out"] <= PARAMS.max_tokens


def test_a_stop_while_tokens_stream_keeps_what_was_sent(
    make_runner: Callable[[], Runner],
) -> None:
    def stop_at_first_text(event: Event, stop: threading.Event) -> None:
        if isinstance(event, TextEvent):
            stop.set()

    runner = make_runner()
    try:
        events = _run(runner, on_event=stop_at_first_text)
    finally:
        runner.close()
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.STOPPED
    assert finished.text == "".join(e.text for e in events if isinstance(e, TextEvent))
    assert finished.facts["tokens_out"] < PARAMS.max_tokens


def test_scripts_give_errors_failed_loads_and_endless_answers(data_paths: DataPaths) -> None:
    models = ScriptedModels()

    def runner() -> Runner:
        return models.runner(LocalModel(), PARAMS, 2, data_paths.models)

    models.script = Script(answer=lambda prompt: ["Canberra", "."], fill=False, error="boom")
    events = _run(runner())
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    assert (finished.status, finished.text, finished.error) == (Status.FAILED, "Canberra.", "boom")

    models.script = Script(load_error="The file is damaged.")
    assert _shape(_run(runner())) == ["loading", "finished failed"]

    def stop_after_a_while(event: Event, stop: threading.Event) -> None:
        if isinstance(event, TextEvent) and event.tokens_out >= 3 * PARAMS.max_tokens:
            stop.set()

    models.script = Script(endless=True, delay_s=0)
    finished_endless = _run(runner(), on_event=stop_after_a_while)[-1]
    assert isinstance(finished_endless, FinishedEvent)
    assert finished_endless.status is Status.STOPPED  # it wrote past the limit until stopped
    assert models.prompts == [PROMPT] * 3 and models.loads == 2
