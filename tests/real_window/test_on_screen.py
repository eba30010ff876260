"""Checks inside the app, on a real X display at a laptop's size with a real window manager."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QLabel

from imitation_lens.core.housekeeping.paths import DataPaths
from real_app import xdotool
from x_display import SCREEN


def test_the_maximised_window_fits_a_1366x768_screen(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    window.showMaximized()
    qtbot.waitUntil(lambda: window.isMaximized())
    screen = QRect(0, 0, *SCREEN)
    assert window.screen().geometry() == screen

    def inside() -> None:  # the window manager places the frame: wait for it to settle
        frame = window.frameGeometry()
        assert screen.contains(frame), f"the window's frame {frame} is not inside {screen}"

    qtbot.waitUntil(inside, timeout=5000)


def test_a_new_blind_session_names_no_one_in_the_column_headers(
    qtbot: Any, open_window: Any, data_paths: DataPaths, bundled_model: Path
) -> None:
    window = open_window(data_paths)
    assert not window.blind
    # Who wrote each column, as a normal session shows it: none of it may show when blind.
    names = {slot.role.lower() for slot in window.lineup} | {bundled_model.stem.lower()}
    names |= {c.model_label.text().lower() for c in window.columns if c.model_label.text()}
    qtbot.waitUntil(lambda: window.isVisible())
    xdotool("windowactivate", "--sync", str(int(window.winId())))
    qtbot.waitUntil(window.isActiveWindow)
    # File ▸ New blind session, pressed on the keyboard (an X key event, not a Qt call).
    subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+shift+n"], check=True, timeout=30)
    qtbot.waitUntil(lambda: window.blind, timeout=5000)
    for column in window.columns:
        shown = " ".join(
            label.text().lower() for label in column.findChildren(QLabel) if label.isVisible()
        )
        told = [name for name in names if name in shown]
        assert not told, f"column {column.index + 1} shows {told} before Run: {shown!r}"
