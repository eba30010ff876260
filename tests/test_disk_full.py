"""A full disk: the app says so in plain words, keeps the answers, and saves them once there is room.

Uses a real small filesystem (tmpfs) filled to the brim, so SQLite meets a real "disk is full".
Mounting needs root, as on CI; elsewhere the test is skipped with the reason.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small filesystem here: {result.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _fill(folder: Path) -> Path:
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as stream:
        try:
            while True:
                stream.write(b"\0" * 4096)
        except OSError:  # ENOSPC: the disk is now full
            pass
    return filler


def test_full_disk_loses_nothing(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, small_disk: Path
) -> None:
    root = small_disk / "data"
    root.mkdir()
    (root / "models").symlink_to(data_paths.models)  # the model itself stays on the big disk
    paths = DataPaths(root).create()
    window = open_window(paths, [local_slot("Base"), local_slot("Imitator", mode="teacher-style")])
    filler = _fill(small_disk)

    failures: list[str] = []
    window.writer.storage_failed.connect(failures.append)
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    qtbot.waitUntil(lambda: bool(failures), timeout=30000)
    assert "disk is full" in failures[0] and "Nothing is lost" in failures[0]
    assert window.banner.isVisible() and "Not saved yet" in window.banner.text()
    wait_idle(qtbot, window)
    shown = [column.answer.text for column in window.columns]
    assert [c.state for c in window.columns] == [Status.DONE, Status.DONE]
    assert all(shown)

    with qtbot.waitSignal(window.writer.storage_recovered, timeout=30000):
        filler.unlink()  # the user frees some space; the writer retries by itself
    assert "Not saved yet" not in window.banner.text()
    close_window(qtbot, window)

    store = Store(paths.database)
    session = store.latest_session_id()
    assert session is not None
    rows = store.item(store.item_ids(session)[-1])["responses"]
    store.close()
    assert [r["status"] for r in rows] == ["done", "done"]
    assert [r["text"] for r in rows] == shown
