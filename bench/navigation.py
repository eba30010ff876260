"""How the window moves through a benchmark-sized session: Ctrl+Page Up/Down and opening it.

Run with `.venv/bin/python bench/navigation.py` (offscreen; BENCH_ITEMS=10000 by default).
A session of that many items (tests/session_factory.py: 3 answers of about 60 words, 10 marks
each) is written into a fresh data folder, the window opens it (the last item on screen), and
then Ctrl+Page Up is pressed STEPS times and Ctrl+Page Down as many: each is timed from the key
press until the item is on screen (the item flow's `item_shown`). The key press itself is timed
too: that is all the GUI thread spends before the writer thread has read the item. The session
browser's list and search are timed in bench/exports.py.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtTest import QTest

from event_loop import wait_until
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow
from session_factory import make_session

ITEMS = int(os.environ.get("BENCH_ITEMS", "10000"))
STEPS = int(os.environ.get("BENCH_STEPS", "40"))
CTRL = Qt.KeyboardModifier.ControlModifier


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> int:
    paths = DataPaths(Path(tempfile.mkdtemp()) / "data").create()
    store = Store(paths.database)
    session = make_session(store, ITEMS, 3, 10, seed=ITEMS)
    store.close()
    create_application()
    window = MainWindow(paths, evaluator="Bench")
    window.show()
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    wait_until(lambda: ready)
    shown: list[float] = []
    window.items.item_shown.connect(lambda _: shown.append(time.perf_counter()))
    opened: list[float] = []
    window.session_opened.connect(lambda _: opened.append(time.perf_counter()))
    start = time.perf_counter()
    window.open_session(session)
    wait_until(lambda: opened)
    open_ms = (opened[0] - start) * 1000
    gui_ms: list[float] = []
    shown_ms: list[float] = []
    for key in [Qt.Key.Key_PageUp] * STEPS + [Qt.Key.Key_PageDown] * STEPS:
        count = len(shown)
        started = time.perf_counter()
        QTest.keyClick(window, key, CTRL)
        gui_ms.append((time.perf_counter() - started) * 1000)
        wait_until(lambda: len(shown) > count)  # noqa: B023 - waited for before the next key
        shown_ms.append((shown[-1] - started) * 1000)
    item = window.items.item
    assert item is not None
    position = window.items.item_ids.index(item["id"]) + 1
    closed = QEventLoop()
    window.writer.closed.connect(closed.quit)
    window.close()
    closed.exec()
    print(f"{ITEMS:,}-item session: opened in {open_ms:.0f} ms; ended on item {position:,}")
    for name, values in (("key press, GUI thread", gui_ms), ("key press to item shown", shown_ms)):
        print(
            f"{name:28} median {statistics.median(values):7.1f} ms"
            f"  p95 {percentile(values, 0.95):7.1f} ms  max {max(values):7.1f} ms"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
