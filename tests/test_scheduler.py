"""The local slots share the machine: side by side when they fit in memory, else one after
another with a warning in plain words; the teacher always runs alongside."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from conftest import close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

GIB = 1024**3


def _rows(paths: DataPaths) -> list[dict[str, Any]]:
    store = Store(paths.database)
    try:
        session = str(store.latest_session_id())
        return list(store.item(store.item_ids(session)[-1])["responses"])
    finally:
        store.close()


def test_models_that_fit_together_run_side_by_side_with_the_cores_split(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(
        data_paths, [local_slot("Base"), local_slot("Imitator", mode="teacher-style")]
    )
    window.scheduler.available = lambda: 16 * GIB
    window.scheduler.cores = lambda: 2
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    close_window(qtbot, window)
    first, second = _rows(data_paths)
    assert [r["extra"]["schedule"] for r in (first, second)] == ["side by side"] * 2
    assert (first["threads"], second["threads"]) == (1, 1)
    # Both were writing at the same time.
    assert first["started_at"] < second["ended_at"] and second["started_at"] < first["ended_at"]


def test_models_that_do_not_fit_together_take_turns_and_the_user_is_told(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, bundled_model: Path
) -> None:
    window = open_window(
        data_paths, [local_slot("Base"), local_slot("Imitator", mode="teacher-style")]
    )
    # Room for one bundled model (about 0.3 GB with its cache) but not for two.
    window.scheduler.available = lambda: int(1.1 * GIB)
    window.scheduler.cores = lambda: 2
    told: list[str] = []
    window.statusBar().messageChanged.connect(told.append)
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    assert any("run one after another" in message for message in told)
    assert [c.state for c in window.columns] == [Status.DONE, Status.DONE]
    close_window(qtbot, window)
    first, second = sorted(_rows(data_paths), key=lambda r: r["started_at"])
    assert [r["extra"]["schedule"] for r in (first, second)] == ["one after another"] * 2
    assert (first["threads"], second["threads"]) == (2, 2)
    assert first["ended_at"] <= second["started_at"]  # never both loaded at once
    assert "run one after another" in first["extra"]["memory_advice"]


def test_stop_while_waiting_for_a_turn_is_immediate(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    lineup = [local_slot("Base", max_tokens=200), local_slot("Imitator", max_tokens=200)]
    window = open_window(data_paths, lineup)
    window.scheduler.available = lambda: int(1.1 * GIB)
    window.prompt_edit.setPlainText("Write a long essay about the history of Rome.")
    window.run_prompt()
    qtbot.waitUntil(lambda: any(c.state == Status.STREAMING for c in window.columns), timeout=60000)
    waiting = next(c for c in window.columns if c.state != Status.STREAMING)
    window.prompt_run.stop_column(waiting.index, str(waiting.response_id))
    qtbot.waitUntil(lambda: waiting.state == Status.STOPPED, timeout=3000)
    window.stop_all()
    wait_idle(qtbot, window)
    assert waiting.answer.text == ""


def test_planning_never_makes_the_window_wait(data_paths: DataPaths) -> None:
    """The window calls reset() on the GUI thread whenever the lineup changes, while a slot's
    thread may be making a plan (reading model headers, measuring memory): reset must return
    while that plan is still being made, not after it."""
    import threading

    from imitation_lens.core.running.scheduler import LocalScheduler

    release = threading.Event()
    calls: list[int] = []
    planning = threading.Event()

    def slow_memory() -> int:  # as if reading headers took long
        calls.append(1)
        planning.set()
        release.wait(30)
        return 16 * GIB

    lineup = [local_slot("Base"), local_slot("Imitator")]
    scheduler = LocalScheduler(lambda: lineup, data_paths.models, available=slow_memory)
    planner = threading.Thread(target=scheduler.plan)
    planner.start()
    try:
        assert planning.wait(10), "the plan was never started"
        # reset() runs on a thread of its own so that a reset which waits for the plan fails
        # here (the plan is held until after this check) instead of hanging the test.
        reset_done = threading.Event()

        def reset() -> None:
            scheduler.reset()
            reset_done.set()

        threading.Thread(target=reset, daemon=True).start()
        assert reset_done.wait(5), "reset() waited for the plan being made"
        assert planner.is_alive()  # the plan really was still being made
    finally:
        release.set()
        planner.join(10)
    first = scheduler.plan()  # made again after the reset
    assert scheduler.plan() is first  # and then kept for the lineup
    assert first.schedule.parallel and len(calls) == 2
