"""The real-window tier: the app in a real X window (Xvfb + openbox), driven with real key presses
from xdotool. tests/test_real_window.py starts the display and runs this folder; the main suite
(offscreen) leaves it out."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from imitation_lens.core.housekeeping.paths import DataPaths
from real_app import MEASURED, RunningApp


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    if os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"):
        return True  # no real display here: tests/test_real_window.py provides one
    return None


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for what, seconds in MEASURED:
        terminalreporter.write_line(f"quit time: {seconds:.2f} s  {what}")


@pytest.fixture
def launch() -> Iterator[Callable[..., RunningApp]]:
    started: list[RunningApp] = []

    def launch_(paths: DataPaths, *args: str) -> RunningApp:
        app = RunningApp(paths, *args)
        started.append(app)
        return app

    yield launch_
    for app in started:
        app.end()
