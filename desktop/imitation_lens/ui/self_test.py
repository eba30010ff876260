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

from PySide6.QtCore import QCoreApplication, QLocale

# Its messages are in the system's language once the app exists; the lines "SELF-TEST PASSED" and
# "SELF-TEST FAILED" stay as they are: the bundle's build reads them.
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
        raise TimeoutError(
            QCoreApplication.translate(
                "SelfTest", "timed out after {seconds} s waiting for {what}"
            ).format(seconds=QLocale().toString(round(timeout_s)), what=what)
        )


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
    from imitation_lens.ui.language import Translations, system_language
    from imitation_lens.ui.main_window import MainWindow

    app = create_application()
    # As the app speaks on this computer (the temporary folder has no saved choice): the system's
    # language, so the window checked is the one its user gets.
    Translations(app).install(system_language())
    frozen = getattr(sys, "frozen", False)
    say(
        QCoreApplication.translate(
            "SelfTest",
            "Imitation Lens {version} ({build}), Python {python}, {system} {machine}; "
            "resources in {resources}",
        ).format(
            version=__version__,
            build=QCoreApplication.translate("SelfTest", "bundle")
            if frozen
            else QCoreApplication.translate("SelfTest", "source"),
            python=platform.python_version(),
            system=platform.system(),
            machine=platform.machine(),
            resources=project_root(),
        )
    )
    paths = DataPaths(folder / "data").create()
    window = MainWindow(paths)
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    window.show()
    _wait(lambda: bool(ready), 60, QCoreApplication.translate("SelfTest", "the main window"))
    say(QCoreApplication.translate("SelfTest", "main window open"))
    slot = SlotConfig(
        "Base", LocalModel(prompt_mode="completion"), SamplingParams(max_tokens=8, seed=1)
    )
    window.set_lineup([slot])
    window.prompt_edit.setPlainText(QUESTION)
    window.run_prompt()
    column = window.columns[0]
    _wait(
        lambda: column.is_final,
        STEPS_TIMEOUT_S,
        QCoreApplication.translate("SelfTest", "the demo model's answer"),
    )
    if column.state != "done" or not column.answer.text.strip():
        raise RuntimeError(
            QCoreApplication.translate(
                "SelfTest", "the demo model did not answer ({state}): {error}"
            ).format(state=column.state, error=column._error)
        )
    say(
        QCoreApplication.translate(
            "SelfTest", "demo model answered {question} with {answer}"
        ).format(question=repr(QUESTION), answer=repr(column.answer.text.strip()))
    )
    # After a model loaded: with per-CPU backends, the one chosen for this computer is known.
    info = llama_cpp.llama_print_system_info().decode(errors="replace").strip()
    say(QCoreApplication.translate("SelfTest", "llama.cpp: {info}").format(info=info))
    closed: list[bool] = []
    window.writer.closed.connect(lambda: closed.append(True))
    window.close()
    _wait(
        lambda: bool(closed),
        60,
        QCoreApplication.translate("SelfTest", "the database to be written"),
    )
    store = Store(paths.database)
    try:
        rows = store.all_answers()
        integrity = store.integrity()
    finally:
        store.close()
    if [(r["prompt"], r["status"]) for r in rows] != [(QUESTION, "done")] or integrity != "ok":
        raise RuntimeError(
            QCoreApplication.translate(
                "SelfTest", "the database did not keep the answer: {rows}, {integrity}"
            ).format(rows=repr(rows), integrity=integrity)
        )
    if rows[0]["text"] != column.answer.text:
        raise RuntimeError(
            QCoreApplication.translate(
                "SelfTest", "the answer read back differs from the one shown"
            )
        )
    size = QLocale().toString(paths.database.stat().st_size)
    say(
        QCoreApplication.translate(
            "SelfTest", "temporary database written and read back ({size} bytes)"
        ).format(size=size)
    )
