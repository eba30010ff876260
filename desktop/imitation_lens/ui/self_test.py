"""`imitation-lens --self-test`: prove an installed (or frozen) app works, without a screen.

Opens the real main window offscreen on a temporary data folder, assembles the built-in demo
model, runs one short question through llama.cpp, closes the window (which writes everything),
then reads the answer back from the temporary database. Prints what it did; exits 0 only if
every step worked. The user's own data folder is never touched.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STEPS_TIMEOUT_S = 300.0
QUESTION = "What is the capital of France?"


def _wait(condition: Callable[[], bool], timeout_s: float, what: str) -> None:
    """Run Qt's event loop until `condition()` holds (checked every few milliseconds)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if condition() else None)
    timer.start(5)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(int(timeout_s * 1000))
    if not condition():
        loop.exec()
    timer.stop()
    if not condition():
        raise TimeoutError(f"timed out after {timeout_s:.0f} s waiting for {what}")


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.perf_counter()

    def say(message: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f} s] {message}", flush=True)

    try:
        with tempfile.TemporaryDirectory(prefix="imitation-lens-self-test-") as folder:
            _run(Path(folder), say)
    except Exception as error:  # whatever failed, say it in one line and fail
        print(f"SELF-TEST FAILED: {type(error).__name__}: {error}", flush=True)
        return 1
    print("SELF-TEST PASSED", flush=True)
    return 0


def _run(folder: Path, say: Callable[[str], None]) -> None:
    import llama_cpp

    from imitation_lens import __version__
    from imitation_lens.core.housekeeping.paths import DataPaths, project_root
    from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
    from imitation_lens.core.storage.store import Store
    from imitation_lens.ui.app import create_application
    from imitation_lens.ui.main_window import MainWindow

    frozen = getattr(sys, "frozen", False)
    say(
        f"Imitation Lens {__version__} ({'bundle' if frozen else 'source'}), Python "
        f"{platform.python_version()}, {platform.system()} {platform.machine()}; "
        f"resources in {project_root()}"
    )
    paths = DataPaths(folder / "data").create()
    create_application()
    window = MainWindow(paths)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.show()
    _wait(lambda: bool(ready), 60, "the main window")
    say("main window open")
    slot = SlotConfig(
        "Base", LocalModel(prompt_mode="completion"), SamplingParams(max_tokens=8, seed=1)
    )
    window.set_lineup([slot])
    window.prompt_edit.setPlainText(QUESTION)
    window.run_prompt()
    column = window.columns[0]
    _wait(lambda: column.is_final, STEPS_TIMEOUT_S, "the demo model's answer")
    if column.state != "done" or not column.answer.text.strip():
        raise RuntimeError(f"the demo model did not answer ({column.state}): {column._error}")
    say(f"demo model answered {QUESTION!r} with {column.answer.text.strip()!r}")
    # After a model loaded: with per-CPU backends, the one chosen for this computer is known.
    say(f"llama.cpp: {llama_cpp.llama_print_system_info().decode(errors='replace').strip()}")
    closed: list[bool] = []
    window.writer.closed.connect(lambda: closed.append(True))
    window.close()
    _wait(lambda: bool(closed), 60, "the database to be written")
    store = Store(paths.database)
    try:
        rows = store.all_answers()
        integrity = store.integrity()
    finally:
        store.close()
    if [(r["prompt"], r["status"]) for r in rows] != [(QUESTION, "done")] or integrity != "ok":
        raise RuntimeError(f"the database did not keep the answer: {rows!r}, {integrity}")
    if rows[0]["text"] != column.answer.text:
        raise RuntimeError("the answer read back differs from the one shown")
    say(f"temporary database written and read back ({paths.database.stat().st_size:,} bytes)")
