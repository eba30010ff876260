"""A process killed mid-answer leaves an intact database and the answer marked interrupted."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

from imitation_lens.core.paths import DataPaths
from imitation_lens.core.store import Store
from imitation_lens.ui.main_window import load_startup


def test_sigkill_while_streaming_keeps_the_partial_answer(data_paths: DataPaths) -> None:
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).with_name("kill_target.py")), str(data_paths.root)],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()  # blocks until the child reports text on disk
        assert line.startswith("SAVED "), line
        _, response_id, saved = line.split()
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL

    store = Store(data_paths.database)
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    before = store.db.execute(
        "SELECT status, text FROM responses WHERE id = ?", [response_id]
    ).fetchone()
    assert before[0] == "streaming"
    state = load_startup(store)  # what the next start of the app does
    assert state["interrupted"] == 1
    [response] = state["item"]["responses"]
    store.close()
    assert response["status"] == "interrupted"
    assert len(response["text"]) >= int(saved)
    assert response["text"].startswith(before[1][:20])
