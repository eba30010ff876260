"""A second start on the same data folder brings the running window back from the taskbar and
exits without touching the folder (the real app twice, in a real X window)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable

from imitation_lens.core.housekeeping.paths import DataPaths
from real_app import RunningApp, wait_for, xdotool


def _visible(title: str) -> list[str]:
    return xdotool("search", "--onlyvisible", "--name", f"^{title}$").split()


def test_a_second_start_restores_the_minimized_window(
    data_paths: DataPaths, launch: Callable[..., RunningApp]
) -> None:
    app = launch(data_paths)
    xdotool("windowminimize", "--sync", app.window)
    wait_for(lambda: app.window not in _visible("Imitation Lens"), 10, "the window to minimize")
    home = data_paths.root.parent / "home"
    second = subprocess.run(
        [sys.executable, "-m", "imitation_lens", "--data-dir", str(data_paths.root)],
        env=os.environ | {"QT_QPA_PLATFORM": "xcb", "HOME": str(home)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert second.returncode == 0, second.stderr
    assert "its window was brought to the front" in second.stderr
    wait_for(lambda: app.window in _visible("Imitation Lens"), 10, "the window to come back")
    wait_for(lambda: xdotool("getactivewindow") == app.window, 10, "the window to be active")
    assert _visible("Imitation Lens") == [app.window]  # no second window
    app.seconds_to_exit("Ctrl+Q after a second start", lambda: app.press("ctrl+q"))
