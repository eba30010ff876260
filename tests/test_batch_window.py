"""Prompt sets and batch runs in the real window: import, preview, run, follow, judge, close
mid-batch and resume; the automatic check shown beside the evaluator's own judgement."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import close_window, local_slot
from imitation_lens.core.batches import local_at_once
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.answer_check import automatic_check
from imitation_lens.core.storage.store import Store
from test_batch import QUESTIONS


def write_set(folder: Path, count: int, name: str = "capitals-quiz.jsonl") -> Path:
    path = folder / name
    path.write_text(
        "".join(
            json.dumps({"prompt": prompt, "reference": reference, "tags": ["test"]}) + "\n"
            for prompt, reference in QUESTIONS[:count]
        )
    )
    return path


def rows(paths: DataPaths, sql: str, *params: Any) -> list[dict[str, Any]]:
    store = Store(paths.database)
    try:
        return list(store.db.query(sql, params))
    finally:
        store.close()


def import_set(qtbot: Any, dialog: Any, path: Path) -> None:
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        dialog.import_file(path)


def start_batch(qtbot: Any, window: Any, path: Path) -> Any:
    dialog = window.batches.open_sets()
    import_set(qtbot, dialog, path)
    with qtbot.waitSignal(window.batches.progressed, timeout=20000):
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    return dialog


def wait_answered(qtbot: Any, window: Any, count: int) -> None:
    progress = window.batches
    qtbot.waitUntil(
        lambda: progress.progress is not None and progress.progress.answered >= count,
        timeout=120000,
    )


def test_prompt_sets_are_listed_previewed_and_malformed_files_refused_by_line(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    dialog = window.batches.open_sets()
    qtbot.waitUntil(lambda: len(dialog.sets) == 4, timeout=10000)
    assert dialog.current is not None and dialog.current.id == "built-in:factual-probes"
    assert dialog.preview.rowCount() >= 150
    assert "with a reference answer" in dialog.about.text() and "CC0" in dialog.about.text()
    assert not dialog.remove_button.isEnabled()  # built-in sets stay

    broken = tmp_path / "broken.csv"
    broken.write_text("prompt,reference\nfine?,yes\n,orphan\nok,1,2\n")
    with qtbot.waitSignal(dialog.import_failed, timeout=10000) as refused:
        dialog.import_file(broken)
    message = refused.args[0]
    assert "Line 3: the prompt is missing" in message and "Line 4: 3 cells" in message
    assert dialog.message.isVisible() and "Line 3" in dialog.message.text()
    assert rows(data_paths, "SELECT * FROM prompt_sets") == []  # nothing half-imported

    import_set(qtbot, dialog, write_set(tmp_path, 5))
    assert [s.name for s in dialog.sets][4:] == ["Capitals quiz"]
    assert dialog.current is not None and dialog.current.name == "Capitals quiz"
    assert dialog.preview.rowCount() == 5 and dialog.preview.item(0, 1).text() == "Paris"
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.listed, timeout=10000):
        dialog.remove_current()
    assert len(dialog.sets) == 4
    dialog.close()


def test_a_set_runs_unattended_then_is_judged_item_by_item_with_the_automatic_check(
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
    lineup = [
        local_slot("Base", max_tokens=10),
        local_slot("Imitator", "teacher-style", max_tokens=10),
    ]
    window = open_window(data_paths, lineup)
    shown: list[str] = []
    window.items.item_shown.connect(shown.append)
    # One writer for the database: the batch writes through the window's, opening no Store.
    opened_on: list[str] = []
    store_init = Store.__init__

    def opening(store: Store, path: Path) -> None:
        opened_on.append(threading.current_thread().name)
        store_init(store, path)

    monkeypatch.setattr(Store, "__init__", opening)
    writers: set[int] = set()
    window.batches.progressed.connect(
        lambda _: writers.add(sum(t.name == "writer" for t in threading.enumerate()))
    )
    with qtbot.waitSignal(window.batches.ended, timeout=180000) as ended:
        start_batch(qtbot, window, write_set(tmp_path, 4))
        assert not window.run_button.isEnabled()  # the models are the batch's meanwhile
    assert ended.args == ["finished"]
    assert writers == {1} and "batch" not in opened_on
    # The window followed the batch from the first question to the last, in order.
    followed = [window.items.item_ids.index(item_id) for item_id in shown]
    from_first = followed[followed.index(0) :]  # opening the new session shows its last item
    assert [n for i, n in enumerate(from_first) if i == 0 or from_first[i - 1] != n] == [
        0,
        1,
        2,
        3,
    ]
    panel = window.batches.panel
    assert panel.isVisible() and panel.bar.value() == 4 and panel.bar.format() == "4 of 4 answered"
    assert "Finished" in panel.title.text() and "Capitals quiz" in panel.title.text()
    qtbot.waitUntil(lambda: panel.judging.text() == "Judged 0 of 4", timeout=5000)
    assert window.run_button.isEnabled()
    assert len(window.items.item_ids) == 4
    # The window followed the batch: the last question is on screen, answered.
    assert window.items.item is not None and window.items.item["id"] == window.items.item_ids[-1]
    assert all(c.state == "done" and c.answer.text for c in window.columns)

    # Next unjudged wraps round to the first question.
    first = window.items.item_ids[0]
    window.activateWindow()  # the prompt sets dialog had the focus
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    with qtbot.waitSignal(
        window.items.item_shown, timeout=5000, check_params_cb=lambda shown: shown == first
    ):
        qtbot.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert window.items.item["id"] == first
    assert not any(c.check_label.isVisible() for c in window.columns)  # phase 1: unaided

    bar = window.judging_bar
    bar.choice_box.setCurrentIndex(bar.choice_box.count() - 2)  # a tie
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.keyClick(bar.submit_button, Qt.Key.Key_Space)
    assert window.items.item["phase"] == 2
    for column in window.columns:
        expected = automatic_check(
            column.answer.text, "Paris", question=str(window.items.item["prompt"])
        )
        assert column.check_label.isVisible()
        assert ("✓" if expected else "✗") in column.check_label.text()
        assert column.check_label.text().endswith(")")  # the reason, in plain words
    bar.choice_box.setCurrentIndex(bar.choice_box.count() - 2)  # still a tie, with the reference
    with (
        qtbot.waitSignal(
            window.batches.judging_updated,
            timeout=5000,
            check_params_cb=lambda progress: progress.judged == 1,
        ),
        qtbot.waitSignal(window.items.verdict_saved, timeout=5000),
    ):
        qtbot.keyClick(bar.submit_button, Qt.Key.Key_Space)
    assert panel.judging.text() == "Judged 1 of 4"
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.mouseClick(panel.unjudged_button, Qt.MouseButton.LeftButton)
    assert window.items.item["id"] == window.items.item_ids[1]

    # The report shows the automatic check per model beside the evaluator's figures.
    view = window.open_report()
    assert view is not None
    qtbot.waitSignal(view.shown, timeout=20000).wait()
    assert view.built is not None
    table = {row["Model"]: row for row in view.built.rows}
    assert set(table) == {"Base", "Imitator"}
    answers = rows(
        data_paths,
        "SELECT r.role, r.text, i.reference, i.prompt FROM responses r"
        " JOIN items i ON i.id = r.item_id",
    )
    for role in ("Base", "Imitator"):
        right = sum(
            bool(automatic_check(a["text"], a["reference"], question=a["prompt"]))
            for a in answers
            if a["role"] == role
        )
        assert table[role]["Correct by the automatic check"] == f"{right / 4 * 100:.0f}%"
    assert list(table["Base"])[2:4] == ["Checked automatically", "Correct by the automatic check"]
    view.close()


def test_closing_mid_batch_leaves_it_paused_and_resume_finishes_it(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    lineup = [local_slot("Base", max_tokens=30), local_slot("Imitator", max_tokens=30)]
    window = open_window(data_paths, lineup)
    start_batch(qtbot, window, write_set(tmp_path, 6))
    wait_answered(qtbot, window, 1)
    close_window(qtbot, window)
    [batch] = rows(data_paths, "SELECT * FROM batches")
    assert batch["state"] == "paused"
    statuses = [r["status"] for r in rows(data_paths, "SELECT status FROM responses")]
    assert set(statuses) <= {"done", "queued"} and "queued" in statuses

    again = open_window(data_paths)
    panel = again.batches.panel
    qtbot.waitUntil(lambda: panel.isVisible(), timeout=10000)
    assert "Paused" in panel.title.text() and panel.pause_button.text() == "Resume"
    assert "Press Resume" in panel.details.text()
    # A question the batch has not answered yet can be looked at, not judged.
    last = again.items.item_ids[-1]
    with qtbot.waitSignal(again.items.item_shown, timeout=5000):
        again.items.show_item(last)
    assert not again.judging_bar.submit_button.isEnabled()
    assert "not written every answer" in again.judging_bar.verdict_label.text()
    assert all(not c.is_busy and not c.stop_button.isEnabled() for c in again.columns)
    with qtbot.waitSignal(again.batches.ended, timeout=180000) as ended:
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    done = rows(data_paths, "SELECT status FROM responses")
    assert len(done) == 12 and {r["status"] for r in done} == {"done"}
    assert rows(data_paths, "SELECT state FROM batches") == [{"state": "finished"}]


def test_pause_frees_the_window_and_cancel_asks_first(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    lineup = [local_slot("Base", max_tokens=30), local_slot("Imitator", max_tokens=30)]
    window = open_window(data_paths, lineup)
    start_batch(qtbot, window, write_set(tmp_path, 8))
    panel = window.batches.panel
    wait_answered(qtbot, window, 1)
    with qtbot.waitSignal(window.batches.ended, timeout=60000) as ended:
        qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)
    assert ended.args == ["paused"]
    qtbot.waitUntil(lambda: panel.pause_button.text() == "Resume", timeout=5000)
    assert window.run_button.isEnabled()  # paused: the window may ask its own questions
    assert all(not c.is_busy for c in window.columns)

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    box = window.batches.cancel_box
    assert box is not None and box.isVisible() and "not asked yet are removed" in box.text()
    qtbot.mouseClick(box.button(box.StandardButton.No), Qt.MouseButton.LeftButton)
    assert rows(data_paths, "SELECT state FROM batches") == [{"state": "paused"}]

    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    box = window.batches.cancel_box
    with qtbot.waitSignal(window.batches.ended, timeout=60000) as ended:
        qtbot.mouseClick(box.button(box.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert ended.args == ["cancelled"]
    qtbot.waitUntil(lambda: "Cancelled" in panel.title.text(), timeout=5000)
    assert not panel.pause_button.isEnabled() and not panel.cancel_button.isEnabled()
    left = rows(data_paths, "SELECT COUNT(*) AS n FROM items")[0]["n"]
    assert 1 <= left < 8
    assert window.run_button.isEnabled()
