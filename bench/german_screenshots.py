"""The README's German pictures, in a real X window on a 1366×768 screen (issue 18).

    python bench/real_screenshots.py german [--out docs/screenshots]
    python bench/real_screenshots.py fit --language de [--out /tmp/fit-de]

german   main-window-de.png (a German factual question judged: marks, the reference and the
         automatic check), report-de.png (the report view), html-report-de.png (the HTML report
         in Chromium, 1366×768) and study-view-de.png (the study view of a German factual batch
         and a German open-ended batch), all with German chosen in the window's settings
fit      as in real_screenshots.py, with the German interface; it also names every button,
         label and box whose text is cut (narrower than its text needs)

Two small batches of the German sets run first through the CLI (`imitation-lens batch`) on the
bundled model, as an evaluator would run them unattended; the window then opens in German.
Driven by real_screenshots.py (the X server, the window manager, key presses).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LANGUAGE_VARIABLE = "IMITATION_LENS_SHOTS_LANGUAGE"
_installed: list[Any] = []  # the translators live as long as the driver's process


def choose_language(app: Any, settings_file: Path) -> None:
    """The language the driver's window speaks: saved as the Preferences save it, installed as
    the app installs it at start."""
    language = os.environ.get(LANGUAGE_VARIABLE)
    if not language:
        return
    from imitation_lens.ui import language as languages

    languages.save_language(settings_file, language)
    _installed.append(languages.apply_language(app, settings_file))


def _batch(data: Path, prompt_set: str, sample: int, max_tokens: int) -> None:
    command = [
        sys.executable,
        "-m",
        "imitation_lens",
        "--data-dir",
        str(data),
        "batch",
        prompt_set,
        *("--sample", str(sample), "--max-tokens", str(max_tokens)),
    ]
    subprocess.run(command, check=True, timeout=1800, env=os.environ | {"LANG": "de_DE.UTF-8"})


def cut_texts(top: Any) -> list[str]:
    """Buttons, check boxes and one-line labels shown narrower than their words: the widest
    line of the text (accelerator & dropped) against the room the widget gives it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QRadioButton

    cut = []
    for widget in [top, *top.findChildren(QAbstractButton), *top.findChildren(QLabel)]:
        if not isinstance(widget, (QAbstractButton, QLabel)) or not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and (
            widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText
        ):
            continue
        text = widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        if not text.strip() or "<" in text:
            continue
        needed = max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))
        room = widget.contentsRect().width()
        if isinstance(widget, QAbstractButton):
            # The frame and padding; a check box's or radio button's indicator and its gap.
            indicator = 24 if isinstance(widget, (QCheckBox, QRadioButton)) else 0
            icon = widget.iconSize().width() + 4 if not widget.icon().isNull() else 0
            room -= 8 + indicator + icon
        if needed > room:
            cut.append(f"{type(widget).__name__} “{text}”: needs {needed} px, has {room}")
    return cut


def drive_german(driver: Any) -> None:
    from event_loop import wait_until
    from screenshot import html_report_shot

    _batch(driver.data, "faktenfragen-de", 4, 48)
    _batch(driver.data, "offene-aufgaben-de", 3, 96)
    window = driver.open_window()
    browser = window.open_session_browser()
    wait_until(lambda: browser.table.rowCount() >= 3, 20000)
    factual = next(s.id for s in browser.summaries if "Fakten" in s.title)
    browser.reject()

    opened: list[str] = []
    window.session_opened.connect(opened.append)
    window.open_session(factual)
    wait_until(lambda: opened, 20000)
    wait_until(lambda: idle(window), 60000)
    mark_and_judge(driver, window, 1, 3)
    driver.shot("main-window-de.png")

    report = window.open_report()
    shown: list[bool] = []
    report.shown.connect(lambda: shown.append(True))
    wait_until(lambda: shown, 60000)
    wait_until(lambda: report.isActiveWindow(), 10000)
    driver.shot("report-de.png")
    report.close()
    html_report_shot(
        window, driver.out / "html-report-de.png", "1366,768", ("--lang=de",), timeout_ms=60000
    )

    browser = window.open_session_browser()
    wait_until(lambda: browser.table.rowCount() >= 3, 20000)
    from PySide6.QtCore import QItemSelectionModel

    rows = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    browser.table.clearSelection()
    for row, summary in enumerate(browser.summaries):
        if "Fakten" in summary.title or "Offene" in summary.title:
            index = browser.table.model().index(row, 0)
            browser.table.selectionModel().select(index, rows)
    studies: list[Any] = []
    browser.study_opened.connect(studies.append)
    browser.study_button.click()
    wait_until(lambda: studies, 20000)
    study = studies[0]
    ready: list[bool] = []
    study.shown.connect(lambda: ready.append(True))
    wait_until(lambda: ready, 120000)
    browser.reject()
    wait_until(lambda: study.isActiveWindow(), 10000)
    driver.shot("study-view-de.png")
    study.close()
    driver.close(window)


def mark_and_judge(driver: Any, window: Any, first: int, last: int) -> None:
    """Mark words first..last of the first two answers (two categories), give a verdict with
    real keys and submit it: phase 2 then shows the reference and the automatic check."""
    from event_loop import wait_until
    from screenshot import mark

    for column, category in zip(window.columns, ("wrong_detail", "invented"), strict=False):
        words = column.answer.text.split()
        if len(words) > 3:
            mark(window, column, " ".join(words[first:last]), category)
    saved: list[str] = []
    window.items.verdict_saved.connect(saved.append)
    driver.keys("ctrl+j", "Down", "Return")
    window.judging_bar.submit_button.click()
    wait_until(lambda: saved, 20000)
    window.columns[0].answer.setFocus()


def idle(window: Any) -> bool:
    return not any(c.is_busy for c in window.columns)
