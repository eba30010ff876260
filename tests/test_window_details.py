"""Small things that trip evaluators up: a double-click that renames instead of opening, undo
that says nothing, focus that jumps after Stop, a phase-2 verdict that starts from scratch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from conftest import local_slot, wait_idle
from imitation_lens.core.batches.run import BatchProgress
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.ui.batch_panel import BatchPanel


def test_double_click_opens_a_session_and_f2_or_rename_renames_it(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    first = window.session_id
    window.new_session()
    browser = window.open_session_browser()
    qtbot.waitSignal(browser.listed, timeout=5000).wait()
    table = browser.table
    row = next(r for r, s in enumerate(browser.summaries) if s.id == first)
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(table.findChild(QLineEdit), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)
    qtbot.mouseClick(browser.rename_button, Qt.MouseButton.LeftButton)
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(table.findChild(QLineEdit), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState, timeout=2000)

    center = table.visualItemRect(table.item(row, 0)).center()
    with qtbot.waitSignal(window.session_opened, timeout=5000) as opened:
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert opened.args == [first] and window.session_id == first


def test_undo_says_what_it_undid_stop_keeps_focus_and_phase_two_starts_from_phase_one(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base", max_tokens=8), local_slot("Imitator")])
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)

    # Stop from the keyboard while the model loads: the focus stays in the column.
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.reference_edit.setText("Canberra")
    window.run_prompt()
    second = window.columns[1]
    second.stop_button.setFocus()
    qtbot.keyClick(second.stop_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert second.state == "stopped"
    assert QApplication.focusWidget() is second.answer  # not Settings…

    # Undo says what it undid.
    answer = window.columns[0].answer
    answer.setFocus()
    answer.select_range(0, 4)
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        qtbot.keyClick(answer, Qt.Key.Key_1)
    assert window.statusBar().currentMessage().startswith("Marked")
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        window.undo_action.trigger()
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone: mark “") and answer.marks == []
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        window.redo_action.trigger()
    assert window.statusBar().currentMessage().startswith("Redone: mark “")

    # The phase-1 verdict is where phase 2 starts.
    bar = window.judging_bar
    bar.choice_box.setCurrentIndex(2)
    bar.reason_edit.setText("The other one stopped")
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.mouseClick(bar.submit_button, Qt.MouseButton.LeftButton)
    assert window.items.item is not None and window.items.item["phase"] == 2
    assert bar.choice_box.currentIndex() == 2
    assert bar.reason_edit.text() == "The other one stopped"
    assert "Phase 2 of 2" in bar.verdict_label.text()  # not yet saved for phase 2


def test_pause_keeps_the_focus_on_its_button_through_pausing_to_resume(qtbot: Any) -> None:
    panel = BatchPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel, timeout=5000)

    def report(state: str) -> None:
        panel.show_progress("Capitals", BatchProgress("b", state, 8, 3, 0, 4, "i4", 120.0))

    report("running")
    panel.pause_button.setFocus()
    report("pausing")  # the button is disabled meanwhile
    assert not panel.pause_button.isEnabled()
    assert QApplication.focusWidget() is not panel.cancel_button
    report("paused")
    assert panel.pause_button.text() == "Resume"
    assert QApplication.focusWidget() is panel.pause_button
