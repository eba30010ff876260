"""The app as a user starts it (`python -m imitation_lens`), in a real X window, driven with
real key presses from xdotool; used by the real-window tier (tests/real_window)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable

from imitation_lens.core.housekeeping.paths import DataPaths

# Each quit time measured, printed at the end of the run for the report.
MEASURED: list[tuple[str, float]] = []


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait for something another process does (no Qt signal can announce it)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.05)


def xdotool(*args: str) -> str:
    result = subprocess.run(
        ["xdotool", *args], capture_output=True, text=True, timeout=30, check=False
    )
    return result.stdout.strip()


def _name_the_evaluator(paths: DataPaths) -> None:
    """Answer the first-start question beforehand, as a returning evaluator would have."""
    from imitation_lens.core.exports.session_json import EVALUATOR_SETTING
    from imitation_lens.core.storage.store import Store

    paths.root.mkdir(parents=True, exist_ok=True)
    store = Store(paths.database)
    try:
        if not store.get_setting(EVALUATOR_SETTING):
            store.set_setting(EVALUATOR_SETTING, "Tester")
    finally:
        store.close()


class RunningApp:
    """`python -m imitation_lens` in a real window, as a user starts it."""

    def __init__(self, paths: DataPaths, *args: str) -> None:
        self.paths = paths
        self.log = paths.root.parent / "app-output.txt"
        home = paths.root.parent / "home"
        home.mkdir(exist_ok=True)
        _name_the_evaluator(paths)
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "imitation_lens", "--data-dir", str(paths.root), *args],
                env=os.environ | {"QT_QPA_PLATFORM": "xcb", "HOME": str(home)},
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self.window = self.find_window("Imitation Lens")

    def find_window(self, title: str) -> str:
        found: list[str] = []

        def shown() -> bool:
            found[:] = xdotool("search", "--onlyvisible", "--name", f"^{title}$").split()
            return bool(found) or self.process.poll() is not None

        wait_for(shown, 60, f"a window called {title!r}")
        assert found, f"the app ended without a window:\n{self.output()}"
        return found[0]

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def press(self, keys: str, window: str | None = None) -> None:
        """Real key presses (XTEST) into the focused window, as from a keyboard."""
        xdotool("windowactivate", "--sync", window or self.window)
        xdotool("key", "--clearmodifiers", keys)

    def type_text(self, text: str) -> None:
        xdotool("windowactivate", "--sync", self.window)
        xdotool("type", "--delay", "5", text)

    def seconds_to_exit(self, what: str, action: Callable[[], None]) -> float:
        start = time.monotonic()
        action()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            raise AssertionError(f"still running 15 s after {what}:\n{self.output()}") from None
        seconds = time.monotonic() - start
        MEASURED.append((what, seconds))
        assert self.process.returncode == 0, (
            f"exit code {self.process.returncode}:\n{self.output()}"
        )
        return seconds

    def end(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
