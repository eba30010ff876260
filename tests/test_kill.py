"""A process killed mid-answer leaves an intact database and the answer marked interrupted."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.main_window import load_startup


def _kill_while_streaming(root: Path, seed: int) -> tuple[str, int] | None:
    """Run the child until it reports text on disk, then SIGKILL it. None: the answer ended first."""
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("kill_target.py")), str(root), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the child reports
        if not line.startswith("SAVED "):
            return None
        _, response_id, saved = line.split()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL
        return response_id, int(saved)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)


@pytest.mark.slow
def test_sigkill_while_streaming_keeps_the_partial_answer(data_paths: DataPaths) -> None:
    # A sampled answer can end (stop string) before the kill lands; other seeds are tried then.
    for seed in range(1, 6):
        killed = _kill_while_streaming(data_paths.root, seed)
        if killed is None:
            continue
        response_id, saved = killed
        store = Store(data_paths.database)
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        before = store.db.execute(
            "SELECT status, text FROM responses WHERE id = ?", [response_id]
        ).fetchone()
        if before[0] == "done":
            store.close()
            continue
        assert before[0] == "streaming"
        state = load_startup(store)  # what the next start of the app does
        store.close()
        assert state["interrupted"] >= 1
        response = next(r for r in state["item"]["responses"] if r["id"] == response_id)
        assert response["status"] == "interrupted"
        assert len(response["text"]) >= saved
        assert response["text"].startswith(before[1][:20])
        return
    raise AssertionError("no seed gave an answer long enough to be killed mid-way")
