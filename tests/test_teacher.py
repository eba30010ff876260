"""The teacher path against real HTTP servers on 127.0.0.1, and what the user sees when it fails."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import FAST, close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.running.lineup import LocalModel, Server, SlotConfig
from imitation_lens.core.servers import server_runner
from imitation_lens.core.servers.server_runner import SENT_SETTINGS, ServerRunner
from imitation_lens.core.storage.store import Store

KEY_ENV = "IMITATION_LENS_TEST_TEACHER_KEY"
KEY = "test-key-123"


@pytest.fixture
def teacher_key() -> Any:
    os.environ[KEY_ENV] = KEY
    yield KEY
    os.environ.pop(KEY_ENV, None)


def _ask(endpoint: Server, prompt: str = "What is the capital of France?") -> FinishedEvent:
    events: list[Event] = []
    ServerRunner(endpoint, FAST).generate(
        GenerationRequest("r", prompt), events.append, threading.Event()
    )
    assert isinstance(events[-1], FinishedEvent)
    return events[-1]


@pytest.mark.slow
def test_teacher_answer_streams_from_a_real_server(teacher_server: str, teacher_key: str) -> None:
    finished = _ask(Server(teacher_server, "gemma", KEY_ENV))
    assert finished.status is Status.DONE, finished.error
    assert finished.text.strip()
    assert finished.facts["endpoint_base_url"] == teacher_server
    assert finished.facts["tokens_out"] >= 1
    # Stored settings are those the request carried; never the local-only ones.
    assert set(finished.facts["params"]) == set(SENT_SETTINGS)
    # llama-cpp-python's server takes stream_options (so it is not remembered as refusing it)
    # but sends no usage: the count is then the streamed pieces', and the answer says so.
    assert teacher_server not in server_runner._REFUSE_STREAM_OPTIONS
    counted_by = finished.facts["tokens_counted_by"]
    assert counted_by in ("server", "chunks")
    if counted_by == "server":
        assert finished.facts["tokens_in"] > 5
    else:
        assert finished.facts["tokens_in"] is None


@pytest.mark.slow
def test_wrong_key_is_explained(teacher_server: str) -> None:
    os.environ["IMITATION_LENS_WRONG_KEY"] = "not-the-key"
    try:
        finished = _ask(Server(teacher_server, "gemma", "IMITATION_LENS_WRONG_KEY"))
    finally:
        del os.environ["IMITATION_LENS_WRONG_KEY"]
    assert finished.status is Status.FAILED
    assert "refused the API key (401)" in finished.error
    assert "not-the-key" not in finished.error


def test_unreachable_teacher_is_explained() -> None:
    finished = _ask(Server("http://127.0.0.1:9/v1", "gpt-4o-mini", ""))
    assert finished.status is Status.FAILED
    assert "Can't reach the teacher at http://127.0.0.1:9/v1" in finished.error


@pytest.mark.parametrize(
    ("status", "words"),
    [(500, "server had an error (500)"), (429, "rate-limiting"), (404, "no model called")],
)
def test_misbehaving_teacher_is_explained(
    misbehaving_server: Callable[[int], str], status: int, words: str
) -> None:
    finished = _ask(Server(misbehaving_server(status), "gpt-4o-mini", ""))
    assert finished.status is Status.FAILED
    assert words in finished.error


@pytest.mark.slow
def test_one_window_with_every_kind_of_trouble_keeps_going(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    teacher_server: str,
    misbehaving_server: Callable[[int], str],
    teacher_key: str,
    tmp_path: Path,
) -> None:
    not_gguf = tmp_path / "notes.gguf"
    not_gguf.write_text("these are my notes, not a model")
    lineup = [
        local_slot("Base"),
        SlotConfig("Teacher", Server(teacher_server, "gemma", KEY_ENV), FAST),
        SlotConfig("Broken file", LocalModel(path=str(not_gguf)), FAST),
        SlotConfig("Nobody home", Server("http://127.0.0.1:9/v1", "x", ""), FAST),
        SlotConfig("Error 500", Server(misbehaving_server(500), "x", ""), FAST),
        SlotConfig("Error 429", Server(misbehaving_server(429), "x", ""), FAST),
    ]
    window = open_window(data_paths, lineup)
    window.prompt_edit.setPlainText("What is the capital of France?")
    window.run_prompt()
    wait_idle(qtbot, window)
    states = [c.state for c in window.columns]
    assert states == [Status.DONE, Status.DONE] + [Status.FAILED] * 4
    errors = [c.error_label.text() for c in window.columns]
    assert "not a GGUF model file" in errors[2]
    assert "Can't reach the teacher" in errors[3]
    assert "(500)" in errors[4] and "429" in errors[5]
    assert all(c.error_label.isVisible() for c in window.columns[2:])
    close_window(qtbot, window)

    store = Store(data_paths.database)
    session = store.latest_session_id()
    assert session is not None
    rows = store.item(store.item_ids(session)[-1])["responses"]
    store.close()
    assert [r["status"] for r in rows] == ["done", "done"] + ["failed"] * 4
    assert rows[1]["endpoint_base_url"] == teacher_server and rows[1]["endpoint_model"] == "gemma"
    assert rows[1]["text"].strip()
    # The key never reaches the disk.
    for path in data_paths.root.rglob("*"):
        if path.is_file() and not path.name.endswith(".gguf"):
            assert KEY.encode() not in path.read_bytes(), path
