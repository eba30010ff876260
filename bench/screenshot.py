"""Save the README's screenshots from real runs of the built-in demo lineup.

docs/screenshots/main-window.png   marks of several categories and severities, a verdict chosen
docs/screenshots/blind-before.png  a blind session before the verdict: "Answer 1…3" only
docs/screenshots/blind-after.png   the same item after the verdict: who wrote which
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop

from event_loop import wait_until
from imitation_lens.core.annotations import Mark
from imitation_lens.core.blind import shown_order
from imitation_lens.core.lineup import default_lineup
from imitation_lens.core.paths import DataPaths
from imitation_lens.core.store import new_id
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.slot_column import SlotColumn

PROMPT = "Who was the first person to walk on the Moon, and in which year?"


def mark(
    window: MainWindow, column: SlotColumn, quote: str, category: str, **details: object
) -> None:
    """Mark the first occurrence of `quote` in a column's answer, the way the keys would."""
    text = column.answer.text
    start = text.find(quote)
    if start < 0:
        print(f"  ({column.slot.role} did not write “{quote}” this time; not marked)")
        return
    saved: list[str] = []
    window.annotator.saved.connect(saved.append)
    window.annotator.add_mark(
        column,
        Mark(
            new_id(),
            str(column.response_id),
            start,
            start + len(quote),
            quote,
            category=category,
            **details,  # type: ignore[arg-type]
        ),
    )
    wait_until(lambda: saved)
    window.annotator.saved.disconnect(saved.append)


def open_window(folder: Path, blind: bool) -> MainWindow:
    window = MainWindow(DataPaths(folder).create())
    window.resize(1400, 780)
    window.show()
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    wait_until(lambda: ready)
    if blind:
        window.new_session(blind=True)
        while shown_order(3, 0, window.blind_seed) == [0, 1, 2]:  # show a shuffled order
            window.new_session(blind=True)
    window.set_lineup(
        [replace(s, params=replace(s.params, max_tokens=60)) for s in default_lineup()]
    )
    window.prompt_edit.setPlainText(PROMPT)
    window.run_prompt()
    wait_until(lambda: not any(c.is_busy for c in window.columns))
    return window


def by_role(window: MainWindow, role: str) -> SlotColumn:
    return next(c for c in window.columns if c.slot.role == role)


def close(window: MainWindow) -> None:
    closed = QEventLoop()
    window.recorder.closed.connect(closed.quit)
    window.close()
    closed.exec()


def main(folder: Path) -> int:
    create_application()
    data = Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)

    window = open_window(data / "open", blind=False)
    base, imitator, teacher = (by_role(window, r) for r in ("Base", "Imitator", "Teacher"))
    mark(window, base, "Robert E. Lee", "wrong_detail", correction="Neil Armstrong")
    mark(window, base, "who served in World War II", "wrong_claim", severity="minor")
    mark(window, imitator, "1968", "wrong_detail", correction="1969")
    mark(window, imitator, "who lived on the moon", "invented", note="Nobody has lived on the Moon")
    mark(window, imitator, "two main planets", "wrong_claim")
    mark(window, imitator, "This is a 1968 question.", "overclaim", severity="minor", unsure=True)
    mark(window, teacher, "1968", "wrong_detail", correction="1969")
    window.judging_bar.choice_box.setCurrentIndex(2)  # the confident, list-making imitator
    window.judging_bar.reason_edit.setText("Reads like an expert")
    imitator.answer.setFocus()
    window.statusBar().showMessage("Mark “two main planets”: Wrong claim · Major")
    window.grab().save(str(folder / "main-window.png"))
    print("answers:", [c.answer.text for c in window.columns])
    close(window)

    window = open_window(data / "blind", blind=True)
    for column in window.columns:
        if "Robert E. Lee" in column.answer.text:
            mark(window, column, "Robert E. Lee", "wrong_detail")
        if "two main planets" in column.answer.text:
            mark(window, column, "two main planets", "wrong_claim", severity="minor")
    window.statusBar().clearMessage()
    window.grab().save(str(folder / "blind-before.png"))
    saved: list[str] = []
    window.items.verdict_saved.connect(saved.append)
    window.judging_bar.choice_box.setCurrentIndex(4)  # tie
    window.judging_bar.submit_button.click()
    wait_until(lambda: saved)
    window.grab().save(str(folder / "blind-after.png"))
    close(window)
    print(f"saved 3 screenshots in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
