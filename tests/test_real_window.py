"""Runs the real-window tier (tests/real_window) in its own pytest process on a real X display.

The main suite runs on Qt's offscreen platform, and a process's platform is fixed when its
QApplication is made, so the tier gets a process of its own with QT_QPA_PLATFORM=xcb."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from x_display import QT_XCB_PACKAGES, missing_tools, x_display

ROOT = Path(__file__).resolve().parent.parent
OPT_OUT = "IMITATION_LENS_SKIP_REAL_WINDOW"


@pytest.mark.slow
def test_the_real_window_tier_passes() -> None:
    if os.environ.get(OPT_OUT) == "1":
        pytest.skip(f"{OPT_OUT}=1: the real-window tests were not run")
    missing = missing_tools()
    if missing:
        pytest.fail(
            "The real-window tests need an X server, a window manager and xdotool: "
            f"apt-get install {' '.join(missing)} {QT_XCB_PACKAGES} "
            f"(or set {OPT_OUT}=1 to leave them out).",
            pytrace=False,
        )
    with x_display() as display:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "tests/real_window",
                "-q",
                "-rxXs",
                "-p",
                "no:cacheprovider",
            ],
            cwd=ROOT,
            env=os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    summary = result.stdout[-8000:] + result.stderr[-2000:]
    print(summary)  # the measured quit times are in it; `pytest -s` shows them
    assert result.returncode == 0, summary
    assert " passed" in result.stdout, summary
