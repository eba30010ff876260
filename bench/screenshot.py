"""Save the README's screenshot: the window after a real run with one marked error."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QTextCursor

from imitation_lens.core.paths import DataPaths
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow


def wait(condition_signal: object) -> None:
    loop = QEventLoop()
    condition_signal.connect(loop.quit)  # type: ignore[attr-defined]
    loop.exec()


def main(target: Path) -> int:
    create_application()
    window = MainWindow(DataPaths(Path(tempfile.mkdtemp()) / "data").create())
    window.resize(1280, 640)
    window.show()
    wait(window.ready)
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if any(c.is_busy for c in window.columns) else loop.quit())
    timer.start(50)
    loop.exec()
    timer.stop()
    teacher = window.columns[2].answer
    text = teacher.text
    wrong = text.find("Australia is")
    if wrong >= 0:  # mark the made-up claim the way an evaluator would
        cursor = teacher.textCursor()
        mapping = teacher.offsets()
        cursor.setPosition(mapping.to_qt(wrong))
        cursor.setPosition(mapping.to_qt(len(text.rstrip())), QTextCursor.MoveMode.KeepAnchor)
        teacher.setTextCursor(cursor)
        window.mark_selection(2)
        wait(window.mark_saved)
        cursor.clearSelection()
        teacher.setTextCursor(cursor)
    window.grab().save(str(target))
    print(f"saved {target}; answers: {[c.answer.text for c in window.columns]}")
    closed = QEventLoop()
    window.recorder.closed.connect(closed.quit)
    window.close()
    closed.exec()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots/main-window.png")))
