"""A running batch is followed: its session, opened while it runs (by this window or by the
command line), shows the question being answered (not the last one queued) and moves on with
it; Esc pauses it, and the focus stays put."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import local_slot
from imitation_lens.core.batches import local_at_once
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import LINEUP_SETTING
from imitation_lens.core.storage.store import Store
from test_batch_window import start_batch, wait_answered, write_set


def test_a_batch_session_opened_while_it_runs_follows_it_and_esc_pauses_it(
    inference: Any,
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Follows the batch question by question: local columns one at a time, whatever the default
    # number at once (tests/test_local_at_once.py runs several at once).
    monkeypatch.setattr(local_at_once, "LOCAL_AT_ONCE", 1)
    lineup = [local_slot("Base", max_tokens=16), local_slot("Imitator", max_tokens=16)]
    window = open_window(data_paths, lineup)
    batches = window.batches
    start_batch(qtbot, window, write_set(tmp_path, 8)).close()
    batch_session = batches._session

    def on_current() -> bool:
        progress, item = batches.progress, window.items.item
        return bool(
            progress and item and progress.current_item_id == item["id"] == batches._auto_shown
        )

    qtbot.waitUntil(on_current, timeout=60000)
    assert window.judging_bar.item_label.text().startswith("Item ")
    assert window.judging_bar.item_label.text() != "Item 8 of 8"

    # Away to another session while the batch goes on, then back to the batch's.
    window.new_session()
    assert window.session_id != batch_session and not batches.panel.isVisible()
    wait_answered(qtbot, window, 2)
    with qtbot.waitSignal(window.session_opened, timeout=10000):
        window.open_session(batch_session)
    qtbot.waitUntil(on_current, timeout=10000)  # the question being answered, not the last
    answered = batches.progress.answered
    assert batches.panel.isVisible() and "Running" in batches.panel.title.text()
    qtbot.waitUntil(
        lambda: batches.panel.judging.text().startswith("Judged 0 of 8 ("), timeout=5000
    )
    position = window.items.item_ids.index(window.items.item["id"]) + 1
    assert position == answered + 1
    assert window.judging_bar.item_label.text() == f"Item {position} of 8"
    # ... and it moves on with the batch.
    wait_answered(qtbot, window, answered + 1)
    qtbot.waitUntil(
        lambda: (
            window.items.item is not None
            and window.items.item_ids.index(window.items.item["id"]) + 1 > position
        ),
        timeout=30000,
    )

    # Esc pauses the batch, and says so.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    window.items.focus_answer(1)
    with qtbot.waitSignal(batches.ended, timeout=60000) as ended:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
        assert "Batch paused (Esc)" in window.statusBar().currentMessage()
    assert ended.args == ["paused"]
    panel = batches.panel
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume", timeout=5000)

    # Resume and Pause from the keyboard: the focus stays on the button, not on Cancel batch.
    panel.pause_button.setFocus()
    qtbot.keyClick(panel.pause_button, Qt.Key.Key_Space)  # Resume
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Pause" and batches.active, timeout=10000)
    qtbot.waitUntil(lambda: panel.pause_button.isEnabled(), timeout=10000)
    panel.pause_button.setFocus()
    with qtbot.waitSignal(batches.ended, timeout=60000):
        qtbot.keyClick(panel.pause_button, Qt.Key.Key_Space)  # Pause
        assert QApplication.focusWidget() is not panel.cancel_button
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume", timeout=5000)
    assert QApplication.focusWidget() is panel.pause_button


@pytest.mark.slow
def test_opening_the_app_while_the_command_line_runs_a_batch_follows_it(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    lineup = [local_slot("Base", max_tokens=16), local_slot("Imitator", max_tokens=16)]
    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [slot.to_dict() for slot in lineup])
    store.close()
    command = [sys.executable, "-m", "imitation_lens", "--data-dir", str(data_paths.root)]
    child = subprocess.Popen(
        [*command, "batch", str(write_set(tmp_path, 20))],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:  # blocks until the batch reports progress
            if ": 1/20 answered" in line:
                break
        else:
            pytest.fail("the batch ended before the window opened")

        window = open_window(data_paths)  # on the batch's session, the latest
        panel, watch = window.batches.panel, window.batches.elsewhere
        qtbot.waitUntil(lambda: "command line runs" in panel.details.text(), timeout=10000)
        assert "Running" in panel.title.text() and not panel.pause_button.isEnabled()

        def position() -> int:
            item = window.items.item
            return 0 if item is None else window.items.item_ids.index(item["id"]) + 1

        # The question being answered, not the last one queued ("Item 20 of 20", still waiting).
        qtbot.waitUntil(
            lambda: (
                watch.shown is not None
                and position() == window.items.item_ids.index(watch.shown) + 1
            ),
            timeout=10000,
        )
        first = position()
        assert 2 <= first <= 19
        assert window.judging_bar.item_label.text() == f"Item {first} of 20"
        qtbot.waitUntil(lambda: position() > first, timeout=120000)  # ... and moves on with it
        assert child.wait(timeout=180) == 0
        qtbot.waitUntil(lambda: "Finished" in panel.title.text(), timeout=10000)
        assert not watch.watching
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
