"""A batch's local columns answer several questions at once (core/batches/local_at_once.py,
core/running/batched_local.py): each answer in its own row, exactly once, the way the one-at-a-
time runner would have written it; one at a time, with a plain message, when memory allows no
more. The kill-and-resume test of the command line (tests/test_batch_kill.py) runs this path."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import local_slot
from imitation_lens.core.batches.local_at_once import plan_local, wanted_at_once
from imitation_lens.core.batches.run import BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.running.batched_local import BatchedLocalRunner
from imitation_lens.core.running.events import (
    Event,
    FinishedEvent,
    GenerationRequest,
    StreamMeter,
    TextEvent,
)
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.core.running.local_runner import LocalRunner
from imitation_lens.core.running.memory import headroom
from imitation_lens.core.running.prompting import BuiltPrompt
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.running.sequence_answer import Answer, piece
from imitation_lens.core.storage.store import Store
from scripted_runner import Script, ScriptedModels
from test_batch import QUESTIONS, Watcher, answers, finish, new_batch, question_set, start_run


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    opened = Store(data_paths.database)
    yield opened
    opened.close()


def run_at_once(
    paths: DataPaths, batch_id: str, lineup: list[SlotConfig], watcher: Watcher, wanted: int
) -> tuple[BatchRun, LocalScheduler]:
    scheduler = LocalScheduler(lambda: lineup, paths.models)
    run = start_run(
        paths,
        batch_id,
        lineup,
        watcher,
        local_plan=lambda: plan_local(lineup, scheduler, paths.models, wanted),
    )
    return run, scheduler


def extra(row: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(row["extra"] or "{}")
    return found


# -- the fast tier: scripted models ----------------------------------------------------------------


def test_local_columns_answer_several_at_once_each_answer_once_in_its_own_row(
    scripted_models: ScriptedModels, data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base", max_tokens=20), local_slot("Imitator", max_tokens=20)]
    batch_id = new_batch(store, lineup, question_set(10))
    watcher = Watcher()
    run, _ = run_at_once(data_paths, batch_id, lineup, watcher, 4)
    finish(run, watcher)

    assert watcher.last.state == "finished" and (watcher.last.answered, watcher.last.failed) == (
        10,
        0,
    )
    assert scripted_models.most_at_once >= 2  # answers were written together
    rows = answers(store, batch_id)
    assert len(rows) == 20 and {r["status"] for r in rows} == {"done"}
    for row in rows:  # each answer is its own question's, never a neighbour's
        prompt = QUESTIONS[row["batch_position"] - 1][0]
        assert row["text"].startswith(f"A scripted answer to: {prompt}")
        assert extra(row)["questions_at_once"] == 4
    # Each question asked once per column: no answer was asked twice.
    assert sorted(scripted_models.prompts) == sorted(q for q, _ in QUESTIONS[:10] for _ in "ab")
    answered = [p.answered for p in watcher.reports]
    assert answered == sorted(answered)


def test_without_memory_for_two_at_once_local_columns_answer_one_at_a_time_and_say_why(
    scripted_models: ScriptedModels, data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base", max_tokens=6), local_slot("Imitator", max_tokens=6)]
    scheduler = LocalScheduler(lambda: lineup, data_paths.models)
    one = sum(e.total_bytes for _, e in scheduler.estimates(1))
    two = sum(e.total_bytes for _, e in scheduler.estimates(2))
    free = one + headroom(one) + (two - one) // 2  # room for one each, not for two
    scheduler.available = lambda: free
    plan = plan_local(lineup, scheduler, data_paths.models, 4)
    assert plan.sequences == 1
    assert "one question at a time instead of 4" in plan.message
    assert "of memory" in plan.message and "is free" in plan.message

    batch_id = new_batch(store, lineup, question_set(3))
    watcher = Watcher()
    run = start_run(
        data_paths,
        batch_id,
        lineup,
        watcher,
        local_plan=lambda: plan_local(lineup, scheduler, data_paths.models, 4),
    )
    finish(run, watcher)
    assert watcher.last.state == "finished" and watcher.last.answered == 3
    assert scripted_models.most_at_once == 0  # the one-at-a-time runner answered
    assert any("one question at a time" in p.message for p in watcher.reports)
    assert all("questions_at_once" not in extra(r) for r in answers(store, batch_id))


def test_pausing_several_at_once_then_resuming_answers_every_question_exactly_once(
    scripted_models: ScriptedModels, data_paths: DataPaths, store: Store
) -> None:
    scripted_models.script = Script(delay_s=0.01)
    lineup = [local_slot("Base", max_tokens=30)]
    batch_id = new_batch(store, lineup, question_set(12))
    watcher = Watcher()
    run, _ = run_at_once(data_paths, batch_id, lineup, watcher, 4)
    watcher.wait_for(lambda p: p.answered >= 2)
    run.pause()
    finish(run, watcher)
    assert watcher.last.state == "paused"
    rows = answers(store, batch_id)
    kept = {r["id"]: r["text"] for r in rows if r["status"] == "done"}
    assert 2 <= len(kept) < 12
    assert {r["status"] for r in rows} <= {"done", "queued"}  # nothing left half-claimed

    again = Watcher()
    resumed, _ = run_at_once(data_paths, batch_id, lineup, again, 4)
    finish(resumed, again)
    rows = answers(store, batch_id)
    assert again.last.state == "finished" and len(rows) == 12
    assert {r["status"] for r in rows} == {"done"}
    assert all(kept[r["id"]] == r["text"] for r in rows if r["id"] in kept)
    for row in rows:
        assert row["text"].startswith(
            f"A scripted answer to: {QUESTIONS[row['batch_position'] - 1][0]}"
        )


def test_the_number_at_once_can_be_set_for_a_machine() -> None:
    assert wanted_at_once({}) >= 1
    assert wanted_at_once({"IMITATION_LENS_LOCAL_AT_ONCE": "8"}) == 8
    assert wanted_at_once({"IMITATION_LENS_LOCAL_AT_ONCE": "0"}) == 1
    assert wanted_at_once({"IMITATION_LENS_LOCAL_AT_ONCE": "many"}) == wanted_at_once({})


def _writer(stops: list[str]) -> tuple[Answer, list[str]]:
    """An answer being written, and the pieces of text it passes on."""
    shown: list[str] = []

    def emit(event: Event) -> None:
        if isinstance(event, TextEvent):
            shown.append(event.text)

    answer = Answer(GenerationRequest("r", "q"), emit, threading.Event())
    answer.built = BuiltPrompt("", "test", stops)
    answer.meter = StreamMeter("r", emit, interval=0)
    return answer, shown


def test_characters_split_across_tokens_are_written_whole_and_stop_strings_never_shown() -> None:
    text = "Café 猫 𓀀 ok"
    data = text.encode("utf-8")
    answer, shown = _writer(["\nQuestion:"])
    for i in range(len(data)):  # one byte per token: every multi-byte character is split
        assert not answer.add_text(data[i : i + 1])
    answer.pass_on(len(answer.text))
    assert "".join(shown) == text and "\ufffd" not in "".join(shown)

    answer, shown = _writer(["\nQuestion:", "\n\n\n"])
    pieces = [" Paris", ".", "\n", "Quest", "ion", ":", " What"]
    ended_at = next(i for i, p in enumerate(pieces) if answer.add_text(p.encode()))
    assert ended_at == 5  # at the stop string, not before
    assert "".join(shown) == " Paris." and answer.text == " Paris."


def test_a_tokens_bytes_are_read_from_the_real_vocabulary(data_paths: DataPaths) -> None:
    """piece() reads exactly a token's bytes (a byte-fallback token is one byte of a character)."""
    import llama_cpp

    vocab_only = llama_cpp.Llama(
        str(ensure_bundled_model(data_paths.models)), vocab_only=True, verbose=False
    )
    try:
        text = "Tokyo 𓀀 東京"
        tokens = vocab_only.tokenize(text.encode("utf-8"), add_bos=False, special=False)
        vocab = vocab_only._model.vocab
        pieces = [piece(vocab, token) for token in tokens]
        assert b"".join(pieces).decode("utf-8") == text
        assert any(len(p) == 1 and p[0] >= 0x80 for p in pieces)  # split across tokens
        answer, shown = _writer([])
        for chunk in pieces:
            answer.add_text(chunk)
        assert "".join(shown) == text
    finally:
        vocab_only.close()


# -- the full suite: the bundled model -------------------------------------------------------------


def _ask(runner: Any, prompts: list[str], together: bool) -> list[FinishedEvent]:
    ended: list[FinishedEvent | None] = [None] * len(prompts)
    streams: list[list[str]] = [[] for _ in prompts]

    def ask(index: int) -> None:
        def emit(event: Event) -> None:
            if isinstance(event, TextEvent):
                streams[index].append(event.text)
            elif isinstance(event, FinishedEvent):
                ended[index] = event

        runner.generate(GenerationRequest(f"r{index}", prompts[index]), emit, threading.Event())

    if together:
        threads = [threading.Thread(target=ask, args=(i,)) for i in range(len(prompts))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(300)
    else:
        for index in range(len(prompts)):
            ask(index)
    done = [event for event in ended if event is not None]
    assert len(done) == len(prompts)
    # What streamed is what was kept.
    assert all("".join(s) == e.text for s, e in zip(streams, done, strict=True))
    return done


@pytest.mark.slow
@pytest.mark.parametrize(("temperature", "at_once"), [(0.0, 4), (0.7, 1)])
def test_answers_made_together_are_the_answers_made_one_at_a_time(
    data_paths: DataPaths, temperature: float, at_once: int
) -> None:
    """An answer made in one llama.cpp batch with others is the one the one-at-a-time runner
    makes for the same question with the same settings and seed (in a fresh context: the
    window's runner reuses the previous prompt's cache, which can move a sampled answer's later
    tokens). Greedy answers are compared four at once. Sampled ones one at a time: llama.cpp does
    not promise the same numbers for four rows as for one (its matrix kernels differ), and a
    sampled answer made four at once parted from the one-at-a-time answer after 8 tokens in 1
    of 4 questions here, while every greedy one stayed the same."""
    prompts = [q for q, _ in QUESTIONS[:4]]
    params = SamplingParams(temperature=temperature, max_tokens=24, context_length=512, seed=3)
    source = LocalModel(prompt_mode="completion")
    together = BatchedLocalRunner(source, params, 2, data_paths.models, at_once)
    made = _ask(together, prompts, together=True)
    together.close()
    assert together.most_at_once == at_once
    alone = []
    for prompt in prompts:
        runner = LocalRunner(source, params, 2, data_paths.models)
        alone += _ask(runner, [prompt], together=False)
        runner.close()
    assert [e.status for e in made] == ["done"] * 4
    assert [e.text for e in made] == [e.text for e in alone]
    for event, one in zip(made, alone, strict=True):
        assert event.facts["prompt_sent"] == one.facts["prompt_sent"]
        assert event.facts["params"] == one.facts["params"]
        assert event.facts["questions_at_once"] == at_once
    assert len({e.text for e in made}) == 4  # four questions, four different answers


@pytest.mark.slow
def test_a_stop_mid_batch_ends_every_answer_at_once(data_paths: DataPaths) -> None:
    params = SamplingParams(max_tokens=400, context_length=1024)
    runner = BatchedLocalRunner(
        LocalModel(prompt_mode="teacher-style"), params, 2, data_paths.models, 4
    )
    stop = threading.Event()
    streaming = threading.Semaphore(0)
    ended: list[FinishedEvent] = []

    def ask(index: int) -> None:
        def emit(event: Event) -> None:
            if isinstance(event, TextEvent) and event.tokens_out == 1:
                streaming.release()
            elif isinstance(event, FinishedEvent):
                ended.append(event)

        runner.generate(GenerationRequest(f"r{index}", QUESTIONS[index][0]), emit, stop)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for _ in range(4):
        assert streaming.acquire(timeout=120)
    stop.set()
    for thread in threads:
        thread.join(30)
    assert not any(thread.is_alive() for thread in threads)
    assert sorted(e.status for e in ended) == ["stopped"] * 4
    assert all(0 < e.facts["tokens_out"] < 400 for e in ended)
    runner.close()


@pytest.mark.slow
def test_a_real_batch_answers_its_local_columns_several_at_once(
    data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base", max_tokens=12), local_slot("Imitator", "teacher-style")]
    batch_id = new_batch(store, lineup, question_set(6))
    watcher = Watcher()
    run, _ = run_at_once(data_paths, batch_id, lineup, watcher, 4)
    finish(run, watcher)
    assert watcher.last.state == "finished" and watcher.last.failed == 0
    rows = answers(store, batch_id)
    assert len(rows) == 12 and {r["status"] for r in rows} == {"done"}
    assert all(extra(r)["questions_at_once"] == 4 and r["tokens_out"] for r in rows)
    assert {(r["batch_position"], r["slot_index"]) for r in rows} == {
        (p, s) for p in range(1, 7) for s in range(2)
    }


@pytest.mark.slow  # nothing is loaded, but the fast tier refuses every batched load
def test_a_model_file_that_cannot_be_loaded_fails_every_answer_with_the_reason(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.gguf"
    broken.write_bytes(b"GGUF" + b"\x00" * 64)
    runner = BatchedLocalRunner(
        LocalModel(path=str(broken)), SamplingParams(), 1, tmp_path / "models", 2
    )
    first = _ask(runner, ["one", "two"], together=True)
    later = _ask(runner, ["three"], together=False)  # asked after the failure: not stopped
    runner.close()
    reasons = {e.error for e in first + later}
    assert [e.status for e in first + later] == ["failed"] * 3
    assert len(reasons) == 1 and "".join(reasons).strip()
