"""Every kind of teacher misbehaviour in tests/teacher_faults.py, through the runner, the window
and a command-line batch: each ends with its own plain sentence and never as a fake "Done"."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import close_window, wait_idle
from imitation_lens.cli import main as cli_main
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.running.lineup import LINEUP_SETTING, SamplingParams, Server, SlotConfig
from imitation_lens.core.servers import teacher_limits
from imitation_lens.core.servers.server_runner import ServerRunner
from imitation_lens.core.storage.store import Store
from teacher_faults import FAULTS, FaultServer

PARAMS = SamplingParams(max_tokens=200)
DEADLINE_S = 2.0
TECHNICAL = ("Traceback", "Error(", "Exception", "line 1 column", "codec", "httpx", "char ")


@pytest.fixture
def faults(monkeypatch: pytest.MonkeyPatch) -> Iterator[FaultServer]:
    monkeypatch.setenv(teacher_limits.DEADLINE_ENV, str(DEADLINE_S))
    monkeypatch.setenv(teacher_limits.READ_TIMEOUT_ENV, "1")
    server = FaultServer()
    yield server
    server.close()


def _plain(message: str) -> None:
    assert message and not any(word in message for word in TECHNICAL), message
    assert message.rstrip().endswith("."), message


def _check(mode: str, status: str, text: str, error: str) -> None:
    fault = FAULTS[mode]
    assert status == fault.status, (mode, status, error)
    if fault.status == "failed":
        assert fault.words in error, (mode, error)
        _plain(error)
    else:
        assert not error
    if fault.text is not None:
        assert text == fault.text, (mode, text[:200])
    if fault.max_text is not None:
        assert len(text) <= fault.max_text, (mode, len(text))


# endless-drip waits out the same deadline as endless-line: the full suite only.
@pytest.mark.parametrize(
    "mode", [pytest.param(m, marks=pytest.mark.slow) if m == "endless-drip" else m for m in FAULTS]
)
def test_each_fault_ends_plainly_in_the_runner(faults: FaultServer, mode: str) -> None:
    events: list[Event] = []
    started = time.monotonic()
    ServerRunner(Server(faults.url, "fault"), PARAMS).generate(
        GenerationRequest("r", mode), events.append, threading.Event()
    )
    took = time.monotonic() - started
    finished = events[-1]
    assert isinstance(finished, FinishedEvent)
    _check(mode, finished.status.value, finished.text, finished.error)
    assert sum(isinstance(e, FinishedEvent) for e in events) == 1
    assert took < DEADLINE_S + 2, (mode, took)  # the deadline holds even for a drip
    if finished.status is Status.DONE:
        assert finished.facts["finish_reason"] == "stop"


@pytest.mark.slow
def test_the_window_shows_each_fault_and_records_none_for_replay(
    qtbot: Any, open_window: Any, data_paths: DataPaths, faults: FaultServer
) -> None:
    window = open_window(data_paths, [SlotConfig("Teacher", Server(faults.url, "fault"), PARAMS)])
    column = window.columns[0]
    shown: dict[str, tuple[str, str, str]] = {}
    started = time.perf_counter()
    for mode in FAULTS:
        window.prompt_edit.setPlainText(mode)
        window.run_prompt()
        qtbot.waitUntil(lambda: column.is_busy or column.state.is_final, timeout=10000)
        wait_idle(qtbot, window, timeout=20000)
        shown[mode] = (column.state.value, column.answer.text, column.error_label.text())
    took = time.perf_counter() - started
    close_window(qtbot, window)
    for mode, (state, text, error) in shown.items():
        _check(mode, state, text, error)  # what the column shows

    store = Store(data_paths.database)
    try:
        rows = store.db.query(
            "SELECT i.prompt, r.status, r.text, r.error FROM responses r "
            "JOIN items i ON i.id = r.item_id"
        )
        stored = {row["prompt"]: row for row in rows}
        recorded = [
            row["prompt"] for row in store.db.query("SELECT prompt FROM teacher_recordings")
        ]
    finally:
        store.close()
    for mode in FAULTS:
        row = stored[mode]
        _check(mode, row["status"], row["text"], row["error"])
    # Only the one true answer is kept for replay; no cut-off text comes back later as "Done".
    assert recorded == [m for m, f in FAULTS.items() if f.status == "done"]
    # The huge answer did not freeze the window: every fault, the drip's deadline included.
    assert took < 60, took


@pytest.mark.slow
def test_a_batch_of_faults_exits_non_zero_and_retry_failed_asks_again(
    data_paths: DataPaths, faults: FaultServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_paths.create()
    store = Store(data_paths.database)
    teacher = SlotConfig("Teacher", Server(faults.url, "fault"), PARAMS)
    store.set_setting(LINEUP_SETTING, [teacher.to_dict()])
    store.close()
    questions = tmp_path / "faults.jsonl"
    # 429 is left out: a batch rightly slows down and asks again for up to minutes (its own
    # test is in test_batch.py); every other fault is one question.
    modes = [m for m in FAULTS if m != "status-429"]
    questions.write_text("".join(json.dumps({"prompt": m}) + "\n" for m in modes), "utf-8")
    data = ["--data-dir", str(data_paths.root)]

    assert cli_main([*data, "batch", str(questions)]) == 1
    printed = capsys.readouterr()
    failing = [m for m in modes if FAULTS[m].status == "failed"]
    assert f"{len(failing)} answers failed" in printed.err
    assert "--retry-failed" in printed.err and "Traceback" not in printed.err
    assert "The teacher stopped mid-answer" in printed.err

    store = Store(data_paths.database)
    try:
        rows = store.db.query(
            "SELECT i.prompt, r.status, r.text, r.error FROM responses r "
            "JOIN items i ON i.id = r.item_id"
        )
        for row in rows:
            _check(row["prompt"], row["status"], row["text"], row["error"])
        recorded = store.db.execute("SELECT COUNT(*) FROM teacher_recordings").fetchone()[0]
    finally:
        store.close()
    assert recorded == 1
    asked_once = dict(faults.asked)
    assert all(asked_once.get(m) == 1 for m in modes), asked_once

    assert cli_main([*data, "batch", "--retry-failed"]) == 1  # still failing: asked again
    assert all(faults.asked[m] == 2 for m in failing), faults.asked
    assert faults.asked["null-choices-then-answer"] == 1  # a good answer is not asked again


def test_a_huge_teacher_answer_is_cut_and_does_not_freeze_the_window(
    qtbot: Any, open_window: Any, data_paths: DataPaths, faults: FaultServer
) -> None:
    from PySide6.QtCore import QTimer

    window = open_window(data_paths, [SlotConfig("Teacher", Server(faults.url, "fault"), PARAMS)])
    column = window.columns[0]
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    started = time.perf_counter()
    window.prompt_edit.setPlainText("huge-answer")
    window.run_prompt()
    qtbot.waitUntil(lambda: column.is_busy or column.state.is_final, timeout=10000)
    wait_idle(qtbot, window, timeout=30000)
    took = time.perf_counter() - started
    timer.stop()
    longest = max(b - a for a, b in itertools.pairwise(ticks))
    kept = teacher_limits.chars_kept(PARAMS.max_tokens)
    assert column.state is Status.FAILED
    assert "far more than asked" in column.error_label.text()
    assert len(column.answer.text) <= kept
    # The million characters the server sends are not read past the limit, nor drawn.
    assert took < 10, took
    assert longest < 0.5, longest
    print(f"huge answer: {took:.2f} s, longest stall of the window {longest * 1000:.0f} ms")
    close_window(qtbot, window)
