"""How an annotation action feels: time on the GUI thread, and time until it is on disk.

Runs one real answer from the bundled model, then presses the keys an evaluator would (mark,
change severity, undo, redo, delete, undo the delete) many times over, the way the test does,
and reports medians and 95th percentiles. The ratio that matters is the GUI thread's share of a
60 Hz frame (16.7 ms): below 1 the window never misses a frame on an annotation.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest

from event_loop import wait_until
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow

ROUNDS = 40
FRAME_MS = 1000 / 60
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    create_application()
    window = MainWindow(DataPaths(Path(tempfile.mkdtemp()) / "data").create(), evaluator="Bench")
    window.show()
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    wait_until(lambda: ready)
    params = SamplingParams(max_tokens=48)
    window.set_lineup([SlotConfig("Base", LocalModel(prompt_mode="completion"), params)])
    window.prompt_edit.setPlainText("Who was the first person to walk on the Moon?")
    window.run_prompt()
    wait_until(lambda: not window.columns[0].is_busy)
    answer = window.columns[0].answer
    answer.setFocus()
    saved: list[float] = []
    window.annotator.saved.connect(lambda _: saved.append(time.perf_counter()))

    gui_ms: list[float] = []
    disk_ms: list[float] = []

    def act(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        count = len(saved)
        started = time.perf_counter()
        QTest.keyClick(answer, key, modifiers)  # returns when the GUI thread has handled it
        gui_ms.append((time.perf_counter() - started) * 1000)
        wait_until(lambda: len(saved) > count)
        disk_ms.append((saved[-1] - started) * 1000)

    for round_ in range(ROUNDS):
        start = round_ % max(1, len(answer.text.strip()) - 4)
        answer.select_range(start, start + 3)
        act(Qt.Key.Key_1)  # mark
        act(Qt.Key.Key_M)  # minor
        act(Qt.Key.Key_Z, CTRL)  # undo the severity
        act(Qt.Key.Key_Z, CTRL | SHIFT)  # redo it
        act(Qt.Key.Key_Delete)  # delete (kept as deleted)
    closed = QEventLoop()
    window.writer.closed.connect(closed.quit)
    window.close()
    closed.exec()

    gui_median, gui_p95 = statistics.median(gui_ms), percentile(gui_ms, 0.95)
    disk_median, disk_p95 = statistics.median(disk_ms), percentile(disk_ms, 0.95)
    print(f"{len(gui_ms)} annotation actions on a real answer ({len(answer.text)} characters)")
    print(f"GUI thread per action:   median {gui_median:.2f} ms, p95 {gui_p95:.2f} ms")
    print(f"key press to committed:  median {disk_median:.1f} ms, p95 {disk_p95:.1f} ms")
    print(
        f"GUI time / 60 Hz frame:  median {gui_median / FRAME_MS:.3f}, p95 {gui_p95 / FRAME_MS:.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
