"""A real X display for the real-window tests: Xvfb at a laptop's screen size, with openbox as
the window manager (so the close button, maximising and focus go through a real one)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator

SCREEN = (1366, 768)
# Each tool and the Debian package that has it.
TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils"}
# Qt's xcb platform plugin does not load without these (`ldd .../platforms/libqxcb.so` lists
# them; QT_DEBUG_PLUGINS=1 names the one missing).
QT_XCB_PACKAGES = (
    "libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 "
    "libxcb-xkb1 libxkbcommon-x11-0 libxcb-shape0 libxcb-randr0 libxcb-sync1 libxcb-xfixes0 "
    "libx11-xcb1"
)


def missing_tools() -> list[str]:
    return [package for tool, package in TOOLS.items() if shutil.which(tool) is None]


def _window_manager_running(display: str) -> bool:
    result = subprocess.run(
        ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
        env=os.environ | {"DISPLAY": display},
        capture_output=True,
        text=True,
        check=False,
    )
    return "window id" in result.stdout


@contextlib.contextmanager
def x_display(timeout: float = 20) -> Iterator[str]:
    """Start Xvfb on a free display number and openbox on it; yields the DISPLAY value."""
    read_end, write_end = os.pipe()
    width, height = SCREEN
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    manager: subprocess.Popen[bytes] | None = None
    try:
        # Xvfb writes the display number it took once it accepts connections.
        with os.fdopen(read_end) as stream:
            number = stream.readline().strip()
        assert number, "Xvfb did not start"
        display = f":{number}"
        manager = subprocess.Popen(
            ["openbox"],
            env=os.environ | {"DISPLAY": display},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + timeout
        while not _window_manager_running(display):  # openbox announces itself on the root
            assert manager.poll() is None, "openbox did not start"
            assert time.monotonic() < deadline, "openbox did not come up"
            time.sleep(0.1)
        yield display
    finally:
        for process in (manager, server):
            if process is not None and process.poll() is None:
                process.terminate()
                process.wait(timeout=10)
