"""A blind session names nobody before the item's verdict: not before the first Run either, and
nowhere in the window (headers, notes, banner, tooltips, accessible names, title, status bar)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from conftest import close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import DISPLAY_NAME
from imitation_lens.core.running.lineup import default_lineup

ROLES = ("Base", "Imitator", "Teacher")
GIVEAWAYS = (*ROLES, DISPLAY_NAME, "Gemma", "stand-in", "tokens/s", "token", "Q4_K_M")


def shown_text(window: Any) -> str:
    """Everything the window shows or tells a screen reader, visible widgets only."""
    parts = [window.windowTitle(), window.statusBar().currentMessage()]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        parts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        parts.append(widget.statusTip())
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        if isinstance(widget, QComboBox):
            parts += [widget.itemText(i) for i in range(widget.count())]
    return "\n".join(p for p in parts if p)


def leaks(window: Any) -> list[str]:
    text = shown_text(window)
    return [word for word in GIVEAWAYS if word in text]


@pytest.mark.slow
def test_a_new_blind_session_names_no_model_before_the_first_run_or_the_verdict(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)  # the demo lineup: its banner names the stand-ins
    assert "stand-in" in window.banner.text()  # (the check below would catch it)
    assert set(ROLES) <= set(shown_text(window).split())
    window.set_lineup(
        [local_slot(role, max_tokens=4) for role in ROLES[:2]] + [default_lineup()[2]]
    )
    qtbot.keyClick(
        window,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.blind

    # Before the first Run: plain "Answer n" headers, nothing that tells the columns apart.
    headers = [c.role_label.text() for c in window.items.columns_in_order()]
    assert headers == ["Answer 1", "Answer 2", "Answer 3"]
    assert all(c.hidden for c in window.columns)
    assert not any(
        c.settings_button.isVisible() or c.note_label.isVisible() for c in window.columns
    )
    assert leaks(window) == []

    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    assert leaks(window) == []  # while the answers are written
    wait_idle(qtbot, window)
    assert leaks(window) == []  # written, not judged
    shown = window.items.columns_in_order()
    assert [c.role_label.text() for c in shown] == ["Answer 1", "Answer 2", "Answer 3"]

    bar = window.judging_bar
    bar.focus_verdict()
    qtbot.keyClick(bar.choice_box, Qt.Key.Key_Down)
    with qtbot.waitSignal(window.items.verdict_saved, timeout=5000):
        qtbot.keyClick(bar.submit_button, Qt.Key.Key_Space)
    # The verdict reveals the order the answers were shown in, no other.
    revealed = [c.role_label.text() for c in window.items.columns_in_order()]
    assert revealed == [f"Answer {n} · {c.role}" for n, c in enumerate(shown, start=1)]
    assert window.items.columns_in_order() == shown
    message = window.statusBar().currentMessage()
    assert all(f"Answer {n} was {c.role}" in message for n, c in enumerate(shown, start=1))

    # The next question is blind again, before its Run too.
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.items.item is None
    assert [c.role_label.text() for c in window.items.columns_in_order()] == [
        "Answer 1",
        "Answer 2",
        "Answer 3",
    ]
    assert leaks(window) == []
    close_window(qtbot, window)
