"""One writer per database: a second start of the real app on the same data folder brings the
first window forward and changes nothing; the command line reads beside it and refuses to write.
Everything here runs as real processes (`python -m imitation_lens`, offscreen)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.housekeeping.instance_lock import WINDOW_OPEN_ELSEWHERE
from imitation_lens.core.housekeeping.logfile import LOG_FILE_NAME
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.running.runners import queued_response
from imitation_lens.core.storage.store import Store
from real_app import _name_the_evaluator, wait_for
from session_factory import make_session


def _app_env(paths: DataPaths) -> dict[str, str]:
    home = paths.root.parent / "home"
    home.mkdir(exist_ok=True)
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home)}


def _command(paths: DataPaths, *args: str) -> list[str]:
    return [sys.executable, "-m", "imitation_lens", "--data-dir", str(paths.root), *args]


def _log(paths: DataPaths) -> str:
    log = paths.logs / LOG_FILE_NAME
    return log.read_text("utf-8", errors="replace") if log.exists() else ""


def _start_window(paths: DataPaths) -> subprocess.Popen[bytes]:
    ready_before = _log(paths).count("the window is ready")
    process = subprocess.Popen(
        _command(paths), env=_app_env(paths), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    wait_for(
        lambda: (
            _log(paths).count("the window is ready") > ready_before or process.poll() is not None
        ),
        60,
        "the first window to be ready",
    )
    assert process.poll() is None, _log(paths)[-3000:]
    return process


def _cli(paths: DataPaths, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _command(paths, *args),
        env=_app_env(paths),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def _answer_in_progress(paths: DataPaths) -> str:
    """What the first window would have while it streams: an answer 'being written'."""
    store = Store(paths.database)
    try:
        session_id = store.latest_session_id() or store.create_session("Streaming", [])
        row = queued_response("r-1", 0, default_lineup()[0])
        store.add_item(session_id, "item-1", "What is the capital of Australia?", [row])
        store.set_status("r-1", Status.STREAMING)
        store.set_text("r-1", "The capital of Australia ")
    finally:
        store.close()
    return "r-1"


def _dump(paths: DataPaths) -> list[str]:
    store = Store.open_read_only(paths.database)
    try:
        return list(store.db.conn.iterdump())
    finally:
        store.close()


def _status(paths: DataPaths, response_id: str) -> str:
    store = Store.open_read_only(paths.database)
    try:
        return str(
            store.db.execute("SELECT status FROM responses WHERE id = ?", [response_id]).fetchone()[
                0
            ]
        )
    finally:
        store.close()


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[DataPaths]:
    paths = DataPaths(tmp_path / "data")
    _name_the_evaluator(paths)
    yield paths


@pytest.mark.slow
def test_a_second_start_brings_the_first_forward_and_changes_nothing(
    folder: DataPaths, tmp_path: Path
) -> None:
    first = _start_window(folder)
    try:
        response_id = _answer_in_progress(folder)
        before = _dump(folder)

        second = _cli(folder)  # the same start a user makes: no command, the window
        assert second.returncode == 0, second.stderr
        assert "already open on this data folder" in second.stderr
        assert "Traceback" not in second.stderr
        assert "the window came to the front" in _log(folder)

        # The command line reads freely beside the window…
        listed = _cli(folder, "sessions")
        assert listed.returncode == 0 and "1 items" in listed.stdout, listed.stderr
        exported = _cli(folder, "export", str(tmp_path / "out.json"))
        assert exported.returncode == 0, exported.stderr
        assert "The capital of Australia" in (tmp_path / "out.json").read_text("utf-8")
        # …and refuses to write.
        for words in (["batch", "factual-probes"], ["import", str(tmp_path / "out.json")]):
            refused = _cli(folder, *words)
            assert refused.returncode == 1
            assert refused.stderr.strip() == WINDOW_OPEN_ELSEWHERE
            assert refused.stdout == ""

        assert _status(folder, response_id) == Status.STREAMING.value
        assert _dump(folder) == before
        assert first.poll() is None  # the first window is still running
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
    # With the window gone the command line may write again (this import is refused on content).
    after = _cli(folder, "import", os.devnull)
    assert after.returncode == 1 and WINDOW_OPEN_ELSEWHERE not in after.stderr
    assert after.stderr.startswith("Nothing was imported.")


@pytest.mark.slow
def test_a_killed_window_leaves_no_lock_behind(folder: DataPaths) -> None:
    first = _start_window(folder)
    response_id = _answer_in_progress(folder)
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    # The next start owns the folder (no stale lock or socket) and its recovery runs now.
    again = _start_window(folder)
    try:
        wait_for(
            lambda: _status(folder, response_id) == Status.INTERRUPTED.value,
            30,
            "the answer cut off by the kill to be marked interrupted",
        )
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(timeout=30)
    assert again.returncode == 0


@pytest.mark.slow
def test_a_file_given_to_a_second_start_opens_in_the_first_window(
    folder: DataPaths, tmp_path: Path
) -> None:
    colleague = Store(tmp_path / "colleague.sqlite3")
    session_id = make_session(colleague, items=2, title="Shared by a colleague")
    shared = tmp_path / "shared session.json"
    export_session(colleague, session_id, shared)
    colleague.close()
    first = _start_window(folder)
    try:
        second = _cli(folder, str(shared))  # the desktop entry's `imitation-lens %f`
        assert second.returncode == 0, second.stderr
        assert "brought to the front" in second.stderr

        def imported() -> bool:
            store = Store.open_read_only(folder.database)
            try:
                found = store.db.execute(
                    "SELECT count(*) FROM items WHERE session_id = ?", [session_id]
                )
                return bool(found.fetchone()[0] == 2)
            finally:
                store.close()

        wait_for(imported, 30, "the first window to import the file")
        assert first.poll() is None
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(timeout=30)
