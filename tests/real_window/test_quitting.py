"""The app ends within two seconds of Ctrl+Q, the close button or Ctrl+C, whatever it is doing,
and what was being written is kept."""

from __future__ import annotations

import signal
import sqlite3
from collections.abc import Callable

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import (
    LINEUP_SETTING,
    LocalModel,
    SamplingParams,
    SlotConfig,
)
from imitation_lens.core.storage.store import Store
from real_app import RunningApp, wait_for

QUIT_LIMIT_S = 2.0  # the promise
Launch = Callable[..., RunningApp]


def _rows(paths: DataPaths, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(f"file:{paths.database}?mode=ro", uri=True, timeout=5) as db:
        return db.execute(sql).fetchall()


def _seen(paths: DataPaths, sql: str) -> bool:
    """Whether the app has written rows matching `sql` yet (the database may not be made yet)."""
    try:
        return paths.database.exists() and bool(_rows(paths, sql))
    except sqlite3.OperationalError:
        return False


def _opened(app: RunningApp) -> None:
    """The window shows its session (a first start writes a new one), so keys reach it."""
    wait_for(lambda: _seen(app.paths, "SELECT id FROM sessions"), 30, "the app's first session")


def test_ctrl_q_ends_the_process(data_paths: DataPaths, launch: Launch) -> None:
    app = launch(data_paths)
    _opened(app)
    assert app.seconds_to_exit("Ctrl+Q", lambda: app.press("ctrl+q")) < QUIT_LIMIT_S


def test_the_close_button_ends_the_process(data_paths: DataPaths, launch: Launch) -> None:
    app = launch(data_paths)
    _opened(app)
    # openbox's Alt+F4 is its Close, like the title bar's ×: the window manager asks the window
    # to close (WM_DELETE_WINDOW); nothing reaches the app as a key.
    seconds = app.seconds_to_exit("close button (openbox Close)", lambda: app.press("alt+F4"))
    assert seconds < QUIT_LIMIT_S


def test_ctrl_c_and_sigterm_in_the_terminal_end_the_process(
    data_paths: DataPaths, launch: Launch
) -> None:
    app = launch(data_paths)
    _opened(app)
    interrupt = app.process.send_signal
    seconds = app.seconds_to_exit("Ctrl+C (SIGINT)", lambda: interrupt(signal.SIGINT))
    assert seconds < QUIT_LIMIT_S
    app = launch(data_paths)  # the same data again: it opens where it was
    _opened(app)
    seconds = app.seconds_to_exit("SIGTERM", lambda: app.process.send_signal(signal.SIGTERM))
    assert seconds < QUIT_LIMIT_S


def test_ctrl_q_over_a_modal_dialog(data_paths: DataPaths, launch: Launch) -> None:
    app = launch(data_paths)
    _opened(app)
    app.press("ctrl+i")  # File ▸ Import…: a modal file dialog
    dialog = app.find_window("Import a session")
    seconds = app.seconds_to_exit("Ctrl+Q, modal dialog open", lambda: app.press("ctrl+q", dialog))
    assert seconds < QUIT_LIMIT_S


def test_ctrl_q_over_a_dialog_beside_the_window(data_paths: DataPaths, launch: Launch) -> None:
    app = launch(data_paths)
    _opened(app)
    app.press("F1")  # the keyboard shortcuts sheet stays open beside the window
    sheet = app.find_window("Keyboard shortcuts")
    seconds = app.seconds_to_exit("Ctrl+Q, non-modal sheet", lambda: app.press("ctrl+q", sheet))
    assert seconds < QUIT_LIMIT_S


def test_quitting_while_an_answer_streams_keeps_it_as_interrupted(
    data_paths: DataPaths, launch: Launch
) -> None:
    long_answer = SamplingParams(max_tokens=2000, temperature=1.0, context_length=2048)
    slot = SlotConfig("Base", LocalModel(prompt_mode="teacher-style"), long_answer)
    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [slot.to_dict()])
    store.close()
    app = launch(data_paths)
    _opened(app)
    app.type_text("Write a very long essay about the history of Rome.")
    app.press("ctrl+Return")
    streaming = "SELECT id FROM responses WHERE status = 'streaming' AND length(text) >= 20"
    wait_for(lambda: _seen(data_paths, streaming), 90, "an answer half written")
    seconds = app.seconds_to_exit("Ctrl+Q while streaming", lambda: app.press("ctrl+q"))
    assert seconds < QUIT_LIMIT_S
    # Stored by the closing app itself, not left for the next start to repair.
    stored = _rows(data_paths, "SELECT status, length(text) FROM responses")
    assert len(stored) == 1
    assert stored[0][0] == "interrupted"
    assert int(str(stored[0][1])) >= 20
