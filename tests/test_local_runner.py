"""Real llama.cpp inference on the bundled model, through the app's runner."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams
from imitation_lens.core.running.local_runner import LocalRunner

PARAMS = SamplingParams(max_tokens=16, context_length=4096)


def _run(runner: LocalRunner, prompt: str, on_event: object = None) -> list[Event]:
    events: list[Event] = []
    stop = threading.Event()

    def emit(event: Event) -> None:
        events.append(event)
        if callable(on_event):
            on_event(event, stop)

    runner.generate(GenerationRequest("r", prompt), emit, stop)
    return events


@pytest.fixture
def runner(data_paths: DataPaths) -> LocalRunner:
    return LocalRunner(LocalModel(prompt_mode="completion"), PARAMS, 2, data_paths.models)


@pytest.mark.slow
def test_answer_streams_and_records_how_it_was_made(runner: LocalRunner) -> None:
    events = _run(runner, "What is the capital of Australia?")
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.DONE
    assert finished.text == "".join(e.text for e in events if isinstance(e, TextEvent))
    assert finished.text.strip()
    facts = next(e for e in events if isinstance(e, FactsEvent)).facts
    assert facts["prompt_sent"] == "Question: What is the capital of Australia?\nAnswer:"
    assert facts["model_sha256"] == (
        "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
    )
    assert facts["model_architecture"] == "gemma3" and facts["model_quantization"] == "Q4_K_M"
    assert facts["params"]["seed"] == 42 and facts["tokens_in"] > 5
    assert facts["llama_cpp_python_version"]
    assert finished.facts["tokens_out"] >= 1 and finished.facts["ttft_ms"] > 0
    states = [e.status for e in events if isinstance(e, StateEvent)]
    assert states == [Status.LOADING, Status.THINKING, Status.STREAMING]
    # The completion's sampler chain is freed at once, not left to a rare full garbage
    # collection (its native buffers made a long batch's memory climb).
    assert runner._llm._sampler is None


@pytest.mark.slow
def test_same_seed_gives_the_same_answer(runner: LocalRunner, data_paths: DataPaths) -> None:
    warm = LocalRunner(
        LocalModel(prompt_mode="completion"),
        SamplingParams(max_tokens=16, temperature=0.9, seed=7),
        2,
        data_paths.models,
    )
    first = _run(warm, "Name a famous painter.")[-1]
    second = _run(warm, "Name a famous painter.")[-1]
    assert isinstance(first, FinishedEvent) and isinstance(second, FinishedEvent)
    assert first.text == second.text and first.text


@pytest.mark.slow
def test_stop_while_the_prompt_is_processed(runner: LocalRunner) -> None:
    long_prompt = "Tell me about this list: " + ", ".join(f"item {i}" for i in range(360))
    stopped_at: list[float] = []

    def on_event(event: Event, stop: threading.Event) -> None:
        if isinstance(event, StateEvent) and event.status is Status.THINKING:
            stopped_at.append(time.perf_counter())
            stop.set()

    events = _run(runner, long_prompt, on_event)
    finished = events[-1]
    elapsed = time.perf_counter() - stopped_at[0]
    facts = next(e for e in events if isinstance(e, FactsEvent)).facts
    assert facts["tokens_in"] > 2000
    assert isinstance(finished, FinishedEvent)
    assert finished.status is Status.STOPPED and finished.text == "" and not finished.error
    assert elapsed < 1.0, f"stop took {elapsed:.2f}s during prompt processing"
    # The runner is still usable afterwards.
    again = _run(runner, "What is 2 + 2?")[-1]
    assert isinstance(again, FinishedEvent) and again.status is Status.DONE


@pytest.mark.slow
def test_stop_while_tokens_stream(runner: LocalRunner) -> None:
    runner._params = SamplingParams(max_tokens=200, context_length=1024)

    def on_event(event: Event, stop: threading.Event) -> None:
        if isinstance(event, TextEvent):
            stop.set()

    finished = _run(runner, "Write a long story about a cat.", on_event)[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.STOPPED
    assert finished.text  # what was shown is kept
    assert finished.facts["tokens_out"] < 20


@pytest.mark.slow
def test_file_llama_cpp_cannot_load_fails_in_plain_words(
    bundled_model: Path, tmp_path: Path
) -> None:
    data = bytearray(bundled_model.read_bytes())
    at = data.index(b"gemma3", 0, 4096)
    data[at : at + 6] = b"zzzzz9"  # an architecture no llama.cpp knows, header otherwise intact
    odd = tmp_path / "unknown-arch.gguf"
    odd.write_bytes(bytes(data))
    runner = LocalRunner(LocalModel(path=str(odd)), PARAMS, 2, tmp_path)
    finished = _run(runner, "Hi")[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.FAILED
    assert "unknown-arch.gguf holds a model of the kind" in finished.error
    assert "zzzzz9" in finished.error


def test_missing_model_file_fails_in_plain_words(tmp_path: Path) -> None:
    runner = LocalRunner(LocalModel(path=str(tmp_path / "gone.gguf")), PARAMS, 2, tmp_path)
    finished = _run(runner, "Hi")[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.FAILED
    assert "gone.gguf is missing" in finished.error
