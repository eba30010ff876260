"""The real window driven with pytest-qt: run, stream, stop, mark, restart, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from conftest import close_window, local_slot, wait_idle
from imitation_lens.cli import main as cli_main
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

PROMPT = "What is the capital of Australia?"


def _lineup() -> list[Any]:
    return [
        local_slot("Base"),
        local_slot("Imitator", mode="teacher-style"),
        local_slot("Teacher", temperature=0.0),
    ]


def _responses(paths: DataPaths) -> list[dict[str, Any]]:
    store = Store(paths.database)
    try:
        session = store.latest_session_id()
        assert session is not None
        return list(store.item(store.item_ids(session)[-1])["responses"])
    finally:
        store.close()


def test_first_start_shows_the_demo_lineup_honestly(
    open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    roles = [column.slot.role for column in window.columns]
    assert roles == ["Base", "Imitator", "Teacher"]
    assert window.banner.isVisible() and "Gemma 3 270M" in window.banner.text()
    assert "stand-in" in window.columns[1].note_label.text()
    assert "stand-in" in window.columns[2].note_label.text()
    assert window.run_button.isEnabled()


def test_run_mark_by_keyboard_and_find_it_after_restart(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, _lineup())
    qtbot.keyClicks(window.prompt_edit, PROMPT)
    qtbot.keyClick(window.prompt_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.stop_all_button.isEnabled()
    wait_idle(qtbot, window)
    assert [c.state for c in window.columns] == [Status.DONE] * 3
    assert all(c.answer.text.strip() for c in window.columns)

    # Keyboard only: into the answer, to its start, select four characters, press 2.
    answer = window.columns[0].answer
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert answer.hasFocus()
    qtbot.keyClick(answer, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(5):
        qtbot.keyClick(answer, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    start, end = answer.selection()
    assert end > start
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        qtbot.keyClick(answer, Qt.Key.Key_2)
    assert len(answer.marks) == 1
    assert answer.extraSelections()  # drawn on screen
    texts = [c.answer.text for c in window.columns]
    close_window(qtbot, window)

    rows = _responses(data_paths)
    assert [r["status"] for r in rows] == ["done"] * 3
    assert [r["text"] for r in rows] == texts
    first = rows[0]
    assert first["prompt_sent"] == f"Question: {PROMPT}\nAnswer:"
    assert first["template"] == "question-answer"
    assert first["model_sha256"] and first["model_quantization"] == "Q4_K_M"
    assert first["seed"] == 42 and first["params"]["max_tokens"] == 24
    assert first["tokens_in"] > 0 and first["tokens_out"] > 0
    assert first["ttft_ms"] > 0 and first["ended_at"] >= first["started_at"]
    assert rows[1]["template"] == "teacher-style-examples"
    [mark] = first["marks"]
    assert mark["quote"] == texts[0][start:end] and (mark["start"], mark["end"]) == (start, end)

    reopened = open_window(data_paths)
    assert reopened.prompt_edit.toPlainText() == PROMPT
    assert [c.answer.text for c in reopened.columns] == texts
    assert [(m.start, m.end) for m in reopened.columns[0].answer.marks] == [(start, end)]
    assert reopened.columns[0].state == Status.DONE


def test_stop_while_the_model_loads_is_immediate(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, _lineup())
    window.prompt_edit.setPlainText(PROMPT)
    window.run_prompt()
    column = window.columns[0]
    assert column.state in (Status.QUEUED, Status.LOADING)
    qtbot.mouseClick(column.stop_button, Qt.MouseButton.LeftButton)
    assert column.state == Status.STOPPED  # at once, without waiting for the load
    wait_idle(qtbot, window)
    assert [c.state for c in window.columns[1:]] == [Status.DONE, Status.DONE]
    close_window(qtbot, window)
    assert [r["status"] for r in _responses(data_paths)] == ["stopped", "done", "done"]


def test_stop_all_while_answers_stream_keeps_what_was_shown(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    lineup = [local_slot(role, max_tokens=400) for role in ("Base", "Imitator", "Teacher")]
    window = open_window(data_paths, lineup)
    window.prompt_edit.setPlainText("Write a long essay about the history of Rome.")
    window.run_prompt()
    qtbot.waitUntil(lambda: window.columns[0].state == Status.STREAMING, timeout=60000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    wait_idle(qtbot, window, timeout=10000)
    assert all(c.state == Status.STOPPED for c in window.columns)
    shown = [c.answer.text for c in window.columns]
    assert shown[0]
    close_window(qtbot, window)
    rows = _responses(data_paths)
    assert [r["status"] for r in rows] == ["stopped"] * 3
    assert [r["text"] for r in rows] == shown
    assert all((r["tokens_out"] or 0) < 400 for r in rows)


def test_export_from_the_menu_path_and_the_command_line(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths, _lineup()[:2])
    window.prompt_edit.setPlainText(PROMPT)
    window.run_prompt()
    wait_idle(qtbot, window)
    from_menu = tmp_path / "menu.json"
    window.export_to(from_menu)
    qtbot.waitUntil(from_menu.exists, timeout=10000)
    close_window(qtbot, window)

    from_cli = tmp_path / "cli.json"
    assert cli_main(["--data-dir", str(data_paths.root), "export", str(from_cli)]) == 0
    document = json.loads(from_cli.read_text("utf-8"))
    assert document["format"] == "imitation-lens-session" and document["format_version"] == 3
    [item] = document["items"]
    assert item["prompt"] == PROMPT
    assert [r["role"] for r in item["responses"]] == ["Base", "Imitator"]
    assert all(r["status"] == "done" and r["text"] for r in item["responses"])
    menu_document = json.loads(from_menu.read_text("utf-8"))
    assert menu_document["items"] == document["items"]
