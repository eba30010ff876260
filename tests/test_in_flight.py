"""A server column asks several questions at once: against the fault server (tests/
teacher_faults.py), a real HTTP server on 127.0.0.1 that serves requests concurrently and counts
how many it had at once; it can answer slowly and refuse (429) beyond a number at once."""

from __future__ import annotations

import contextlib
import json
import re
import signal
import sqlite3
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import openai
import pytest

from conftest import Engine, close_window, local_slot, wait_until
from imitation_lens.core.batches import in_flight
from imitation_lens.core.batches.progress import BatchProgress
from imitation_lens.core.batches.queued import claim_answer
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import (
    IN_FLIGHT,
    LINEUP_SETTING,
    SamplingParams,
    Server,
    SlotConfig,
)
from imitation_lens.core.servers import server_runner
from imitation_lens.core.servers.connections import (
    CONNECTION_IN_FLIGHT,
    Connection,
    connections,
    save_connection,
)
from imitation_lens.core.storage.store import Store
from teacher_faults import FaultServer
from test_batch import QUESTIONS, Watcher, answers, finish, new_batch, question_set, start_run
from test_batch_kill import batch_command_line


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    opened = Store(data_paths.database)
    yield opened
    opened.close()


def teacher(url: str, at_once: int) -> SlotConfig:
    return SlotConfig("Teacher", Server(url, "m", in_flight=at_once), SamplingParams(max_tokens=8))


def asked_prompts(server: FaultServer) -> list[str]:
    return [str(body["messages"][-1]["content"]) for body in server.bodies]


@pytest.mark.parametrize("at_once", [1, 4])
def test_a_server_column_has_exactly_its_questions_at_once_in_flight(
    inference: Any, data_paths: DataPaths, store: Store, at_once: int
) -> None:
    server = FaultServer(delay_s=60)  # each answer waits until released
    try:
        lineup = [local_slot("Base", max_tokens=4), teacher(server.url, at_once)]
        batch_id = new_batch(store, lineup, question_set(12))
        watcher = Watcher()
        run = start_run(data_paths, batch_id, lineup, watcher)
        assert server.wait_at_once(at_once), f"never {at_once} at once: {server.most_at_once}"
        server.let_through()
        finish(run, watcher)
    finally:
        server.close()
    assert server.most_at_once == at_once
    assert watcher.last.state == "finished" and watcher.last.failed == 0
    rows = answers(store, batch_id)
    assert len(rows) == 24 and {r["status"] for r in rows} == {"done"}
    assert [r["text"] for r in rows if r["slot_index"] == 1] == ["Canberra."] * 12
    # Each question asked once.
    assert Counter(asked_prompts(server)) == Counter(prompt for prompt, _ in QUESTIONS[:12])
    assert any(p.seconds_left is not None for p in watcher.reports if p.state == "running")


def test_a_server_refusing_beyond_two_at_once_gets_fewer_and_every_answer(
    data_paths: DataPaths, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(in_flight, "RAISE_AFTER", 1000)  # not raised back during the test
    server = FaultServer(delay_s=0.2, refuse_above=2)
    try:
        lineup = [teacher(server.url, 8)]
        batch_id = new_batch(store, lineup, question_set(12))
        watcher = Watcher()
        finish(start_run(data_paths, batch_id, lineup, watcher, min_wait_s=0.05), watcher)
    finally:
        server.close()
    assert watcher.last.state == "finished" and watcher.last.failed == 0
    assert server.refused > 0
    slowed = [p.message for p in watcher.reports if p.state == "slowed"]
    # Eight refused together halve it once, not once per refusal.
    assert "429" in slowed[0] and "4 questions at once (of 8)" in slowed[0]
    assert any("2 questions at once (of 8)" in m or "one question at a time" in m for m in slowed)
    rows = answers(store, batch_id)
    assert [r["text"] for r in rows] == ["Canberra."] * 12
    # Every question was asked; a refused one again, an answered one never (12 came through).
    assert set(asked_prompts(server)) == {prompt for prompt, _ in QUESTIONS[:12]}
    assert len(server.bodies) == 12 + server.refused


def test_server_errors_halve_what_is_asked_at_once_and_the_answers_fail_to_retry(
    data_paths: DataPaths, store: Store
) -> None:
    server = FaultServer()
    try:
        lineup = [teacher(server.url, 4)]
        items = question_set(3).items
        prompt_set = question_set(0)
        prompt_set = type(prompt_set)(
            "t-500", "errors", tuple(type(i)("status-500", i.reference) for i in items)
        )
        batch_id = new_batch(store, lineup, prompt_set)
        watcher = Watcher()
        finish(start_run(data_paths, batch_id, lineup, watcher), watcher)
    finally:
        server.close()
    assert (watcher.last.state, watcher.last.failed) == ("finished", 3)
    assert any("errors (5xx)" in p.message for p in watcher.reports)
    assert server.asked == {"status-500": 3}


def test_a_claimed_answer_is_not_claimed_again(store: Store) -> None:
    lineup = [teacher("http://127.0.0.1:9/v1", 4)]
    batch_id = new_batch(store, lineup, question_set(2))
    first, second = claim_answer(store, batch_id, 0), claim_answer(store, batch_id, 0)
    assert first is not None and second is not None and first[0] != second[0]
    assert (first[1], second[1]) == (1, 2) and first[3] != second[3]
    assert claim_answer(store, batch_id, 0) is None
    statuses = {r["status"] for r in answers(store, batch_id)}
    assert statuses == {"loading"}  # pending: a resume after a kill asks them again


def test_pause_with_four_in_flight_stops_them_and_resume_asks_each_again_once(
    data_paths: DataPaths, store: Store
) -> None:
    server = FaultServer(delay_s=60)
    try:
        lineup = [teacher(server.url, 4)]
        batch_id = new_batch(store, lineup, question_set(8))
        watcher = Watcher()
        run = start_run(data_paths, batch_id, lineup, watcher)
        assert server.wait_at_once(4)
        run.pause()
        finish(run, watcher)
        assert (watcher.last.state, watcher.last.answered) == ("paused", 0)
        assert {r["status"] for r in answers(store, batch_id)} == {"queued"}
        server.let_through()
        resumed = Watcher()
        finish(start_run(data_paths, batch_id, lineup, resumed), resumed)
    finally:
        server.close()
    assert (resumed.last.state, resumed.last.answered) == ("finished", 8)
    asked = Counter(asked_prompts(server))
    # The four cut off by the pause were asked again, once; the others once in all.
    assert sorted(asked.values()) == [1] * 4 + [2] * 4
    assert [r["text"] for r in answers(store, batch_id)] == ["Canberra."] * 8


def test_questions_at_once_are_kept_only_where_they_are_not_the_default(store: Store) -> None:
    old: dict[str, Any] = {
        "role": "Teacher",
        "kind": "endpoint",
        "source": {
            "base_url": "http://127.0.0.1:9/v1",
            "model": "m",
            "api_key_env": "",
            "replay": "fallback",
        },
        "params": {},
        "note": "",
    }
    slot = SlotConfig.from_dict(old)
    assert isinstance(slot.source, Server) and slot.source.in_flight == IN_FLIGHT == 4
    assert slot.to_dict()["source"] == old["source"]  # old files stay as they were
    eight = SlotConfig("Teacher", Server("x", "m", in_flight=8))
    assert eight.to_dict()["source"]["in_flight"] == 8
    assert SlotConfig.from_dict(eight.to_dict()) == eight
    odd = dict(old, source=dict(old["source"], in_flight="many"))
    assert SlotConfig.from_dict(odd).source == slot.source  # unreadable: the default

    saved = save_connection(store, Connection("", "vLLM", "http://127.0.0.1:8000/v1", "m"))
    assert store.get_setting(CONNECTION_IN_FLIGHT, None) is None  # the default: nothing kept
    save_connection(store, replace(saved, in_flight=16))
    assert [c.in_flight for c in connections(store)] == [16]
    assert connections(store)[0].server().in_flight == 16
    save_connection(store, replace(saved, in_flight=IN_FLIGHT))
    assert store.get_setting(CONNECTION_IN_FLIGHT, None) == {}
    assert [c.in_flight for c in connections(store)] == [IN_FLIGHT]


def test_the_connections_dialog_sets_questions_at_once(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    dialog = window.models_menu.open_connections()
    spin = dialog.in_flight
    assert spin.accessibleName() == "Questions at once" and spin.value() == IN_FLIGHT
    assert spin.isVisibleTo(dialog)
    dialog.name.setText("Local vLLM")
    dialog.base_url.setText("http://127.0.0.1:8000/v1")
    dialog.model.setEditText("m")
    spin.setValue(12)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    store = Store(data_paths.database)
    try:
        assert [(c.name, c.in_flight) for c in connections(store)] == [("Local vLLM", 12)]
    finally:
        store.close()
    dialog.refresh()
    qtbot.waitUntil(lambda: len(dialog.items) == 1, timeout=5000)
    dialog.list.setCurrentRow(0)
    assert spin.value() == 12
    dialog.close()
    close_window(qtbot, window)


COUNT = 16


def _rows(database: Path) -> list[dict[str, Any]]:
    store = Store(database)
    try:
        return list(
            store.db.query(
                "SELECT r.id, r.status, r.text, i.prompt FROM responses r "
                "JOIN items i ON i.id = r.item_id ORDER BY i.batch_position"
            )
        )
    finally:
        store.close()


@pytest.mark.slow
def test_a_batch_killed_with_four_in_flight_resumes_asking_each_unfinished_answer_once(
    data_paths: DataPaths, tmp_path: Path
) -> None:
    server = FaultServer(delay_s=60)
    try:
        set_file = tmp_path / "kill-set.jsonl"
        set_file.write_text(
            "".join(
                json.dumps({"prompt": prompt, "reference": reference}) + "\n"
                for prompt, reference in QUESTIONS[:COUNT]
            )
        )
        store = Store(data_paths.database)
        store.set_setting(LINEUP_SETTING, [teacher(server.url, 4).to_dict()])
        store.close()
        child = subprocess.Popen(
            batch_command_line(data_paths.root, str(set_file)),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        try:
            # Four in flight, four answered, four more asked: killed with those four in flight.
            assert server.wait_at_once(4, 60)
            server.let_through(4)
            assert child.stdout is not None
            for line in child.stdout:
                if f": 4/{COUNT} answered" in line:
                    break
            assert server.wait_at_once(4, 60)
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=30)
        finally:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)
        before = _rows(data_paths.database)
        done_before = {row["id"]: row["prompt"] for row in before if row["status"] == "done"}
        claimed = [row for row in before if row["status"] in ("loading", "thinking", "streaming")]
        assert len(before) == COUNT and len(done_before) == 4
        assert len(claimed) == 4  # asked when it was killed
        asked_before = len(server.bodies)
        server.let_through()
        resumed = subprocess.run(
            batch_command_line(data_paths.root, "--resume"),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert resumed.returncode == 0, resumed.stderr[-2000:]
        assert f"finished: {COUNT}/{COUNT} answered" in resumed.stdout
    finally:
        server.close()
    after = _rows(data_paths.database)
    assert len(after) == COUNT, "an answer was duplicated or lost"
    assert {row["status"] for row in after} == {"done"}
    assert {row["prompt"] for row in after} == {prompt for prompt, _ in QUESTIONS[:COUNT]}
    # The resume asked each answer not finished before the kill exactly once, and no other.
    asked_after = Counter(str(b["messages"][-1]["content"]) for b in server.bodies[asked_before:])
    unfinished = {row["prompt"] for row in before if row["id"] not in done_before}
    assert asked_after == Counter(unfinished)


# Against a real batching engine: llama.cpp's own llama-server with 4 slots (conftest's
# llama_engine), which decodes the requests it has at once together.


@dataclass
class KeptWatcher(Watcher):
    """A Watcher that also counts, at each report while running, the answers the database holds."""

    database: Path = Path()
    kept: list[tuple[int, int]] = field(default_factory=list)  # (answered, done in the database)

    def __call__(self, progress: BatchProgress) -> None:
        if progress.state == "running":
            with contextlib.closing(sqlite3.connect(self.database)) as db:
                done = db.execute("SELECT count(*) FROM responses WHERE status = 'done'")
                self.kept.append((progress.answered, int(done.fetchone()[0])))
        super().__call__(progress)


def engine_column(engine: Engine, at_once: int, max_tokens: int) -> SlotConfig:
    server = Server(engine.url, "gemma-3-270m", "", "never", in_flight=at_once)
    return SlotConfig("Teacher", server, SamplingParams(max_tokens=max_tokens))


@pytest.mark.slow
def test_llama_server_gets_four_at_once_and_each_answer_is_kept_as_it_finishes(
    data_paths: DataPaths, store: Store, llama_engine: Engine
) -> None:
    lineup = [engine_column(llama_engine, 4, 48)]
    batch_id = new_batch(store, lineup, question_set(12))
    watcher = KeptWatcher(database=data_paths.database)
    before = llama_engine.metrics()
    finish(start_run(data_paths, batch_id, lineup, watcher), watcher)
    after = llama_engine.metrics()
    assert watcher.last.state == "finished" and watcher.last.failed == 0, watcher.last
    rows = answers(store, batch_id)
    assert len(rows) == 12 and len({r["item_id"] for r in rows}) == 12  # none lost or doubled
    assert {r["status"] for r in rows} == {"done"} and all(r["text"].strip() for r in rows)
    # The engine was asked each question once: 12 requests in its log, no more.
    assert llama_engine.requests_started() == 12
    # It had several at once: each llama_decode() call adds one token to each request it
    # holds, so more tokens than calls means calls that served several requests together.
    tokens = after["tokens_predicted_total"] - before["tokens_predicted_total"]
    decodes = after["n_decode_total"] - before["n_decode_total"]
    assert tokens > 2 * decodes, f"{tokens:.0f} tokens in {decodes:.0f} decode calls"
    # Answers were written as they finished, not at the end: every report while running
    # found in the database at least the answers it counted, and some found part of them.
    assert all(done >= answered for answered, done in watcher.kept), watcher.kept
    assert any(0 < done < 12 for _, done in watcher.kept), watcher.kept


@pytest.mark.slow
def test_a_batch_killed_with_llama_server_answering_four_resumes_with_each_answer_once(
    data_paths: DataPaths, tmp_path: Path, llama_engine: Engine
) -> None:
    count = 12
    set_file = tmp_path / "stories.jsonl"
    # Stories run to max_tokens (32): the engine is never idle between answers, so the kill
    # finds requests being answered.
    set_file.write_text(
        "".join(
            json.dumps({"prompt": f"Write a long story about {prompt[:-1].lower()}"}) + "\n"
            for prompt, _ in QUESTIONS[:count]
        )
    )
    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [engine_column(llama_engine, 4, 32).to_dict()])
    store.close()
    child = subprocess.Popen(
        batch_command_line(data_paths.root, str(set_file)),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        # Answers that finish together may be counted in one report: the count may pass 2.
        for line in child.stdout:
            told = re.search(rf"(\d+)/{count} answered", line)
            if told and int(told.group(1)) >= 2:
                break
        wait_until(lambda: llama_engine.busy_slots() >= 2, 60, "two requests being answered")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    before = _rows(data_paths.database)
    done_before = {row["id"]: row["text"] for row in before if row["status"] == "done"}
    claimed = [row for row in before if row["status"] in ("loading", "thinking", "streaming")]
    assert len(before) == count and 2 <= len(done_before) < count
    assert len(claimed) >= 2, "killed with fewer than two questions being asked"
    # The killed batch's requests end in the engine on their own (it notices the closed
    # connections); its log tells of them only then. Counted before that, a request the killed
    # batch had just sent was taken for one the resumed batch asked.
    wait_until(lambda: llama_engine.busy_slots() == 0, 120, "the killed batch's requests to end")
    started_before = llama_engine.requests_started()
    resumed = subprocess.run(
        batch_command_line(data_paths.root, "--resume"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"finished: {count}/{count} answered" in resumed.stdout
    after = _rows(data_paths.database)
    assert len(after) == count, "an answer was duplicated or lost"
    assert {row["status"] for row in after} == {"done"} and all(r["text"] for r in after)
    # The answers finished before the kill were kept as they were and not asked again; the
    # engine was asked exactly once for each of the others, the claimed ones among them.
    assert {row["id"]: row["text"] for row in after if row["id"] in done_before} == done_before
    assert llama_engine.requests_started() - started_before == count - len(done_before)


def test_a_server_column_makes_one_client_for_all_its_questions(
    data_paths: DataPaths, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Making an openai client costs ~17 ms of CPU (an SSL context); one per answer was most of
    the app's own CPU with 8 at once, taken from the engine on the same machine."""
    made: list[str] = []
    real = openai.OpenAI

    def counted(**options: Any) -> Any:
        made.append(str(options["base_url"]))
        return real(**options)

    monkeypatch.setattr(openai, "OpenAI", counted)
    monkeypatch.setattr(server_runner, "_CLIENTS", {})
    server = FaultServer()
    try:
        lineup = [teacher(server.url, 4)]
        batch_id = new_batch(store, lineup, question_set(8))
        watcher = Watcher()
        finish(start_run(data_paths, batch_id, lineup, watcher), watcher)
    finally:
        server.close()
    assert watcher.last.state == "finished" and watcher.last.answered == 8
    assert len(server.bodies) == 8 and made == [server.url]
    # Another key is another client (a key is never sent to a server it was not given for).
    runner = server_runner.ServerRunner(Server(server.url, "m"), SamplingParams())
    assert runner._client("key-a") is not runner._client("key-b")
    assert runner._client("key-a") is runner._client("key-a")


def test_every_answer_of_a_server_column_is_told_in_the_progress(
    data_paths: DataPaths, store: Store
) -> None:
    """Progress is told after the next questions are asked (not before), and for every answer:
    the CLI prints each count, and the kill tests wait for one."""
    server = FaultServer()
    try:
        lineup = [teacher(server.url, 4)]
        batch_id = new_batch(store, lineup, question_set(12))
        watcher = Watcher()
        finish(start_run(data_paths, batch_id, lineup, watcher), watcher)
    finally:
        server.close()
    counts = [p.answered for p in watcher.reports if p.state == "running"]
    assert counts == sorted(counts) and set(range(1, 13)) <= set(counts), counts
    assert watcher.last.state == "finished" and watcher.last.answered == 12
    assert {r["status"] for r in answers(store, batch_id)} == {"done"}
