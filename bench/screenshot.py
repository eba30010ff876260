"""Save the README's screenshots from real runs of the built-in demo lineup.

docs/screenshots/main-window.png   marks of several categories and severities, a verdict chosen
docs/screenshots/blind-before.png  a blind session before the verdict: "Answer 1…3" only
docs/screenshots/blind-after.png   the same item after the verdict: who wrote which
docs/screenshots/prompt-sets.png   the prompt sets, the factual probes previewed
docs/screenshots/batch-running.png the factual probes running through the default lineup
docs/screenshots/batch-judging.png a batch item judged, the automatic check beside the marks
docs/screenshots/batch-report.png  the report of the full factual probe run (when given)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QLineEdit

from event_loop import wait_until
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.blind import shown_order
from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.storage.store import new_id
from imitation_lens.ui.app import create_application
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.report_view import ReportView
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


def start_window(data: Path, height: int = 780) -> MainWindow:
    """The main window on a data folder, shown and showing the saved state."""
    window = MainWindow(DataPaths(data).create(), evaluator="Sam Rivera")
    window.resize(1400, height)
    window.show()
    ready: list[bool] = []
    window.ready.connect(lambda: ready.append(True))
    wait_until(lambda: ready)
    return window


def open_window(folder: Path, blind: bool) -> MainWindow:
    window = start_window(folder)
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
    window.writer.closed.connect(closed.quit)
    window.close()
    closed.exec()


def main(folder: Path) -> int:
    create_application()
    data = Path(tempfile.mkdtemp())
    folder.mkdir(parents=True, exist_ok=True)
    if os.environ.get("SCREENSHOTS") == "batch":  # only the prompt-set and batch pictures
        batch_screenshots(folder, data / "batch")
        if len(sys.argv) > 2:
            probe_report_screenshot(folder, Path(sys.argv[2]))
        return 0

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
    report_screenshots(window, folder)
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
    models_screenshots(folder, data / "models")
    batch_screenshots(folder, data / "batch")
    if len(sys.argv) > 2:  # a data folder where `imitation-lens batch factual-probes` ran
        probe_report_screenshot(folder, Path(sys.argv[2]))
    print(f"saved the screenshots in {folder}")
    return 0


def grab_report(window: MainWindow, target: Path) -> ReportView:
    """Open the session's report, wait for its figures, save a picture of it; still open."""
    view = window.open_report()
    assert view is not None
    shown: list[bool] = []
    view.shown.connect(lambda: shown.append(True))
    wait_until(lambda: shown)
    view.resize(1100, 900)
    wait_until(lambda: view.isVisible())
    view.grab().save(str(target))
    return view


def report_screenshots(window: MainWindow, folder: Path) -> None:
    """The report view after the verdict, and a page of the HTML report seen by Chromium."""
    saved: list[str] = []
    window.items.verdict_saved.connect(saved.append)
    window.judging_bar.submit_button.click()
    wait_until(lambda: saved)
    grab_report(window, folder / "report.png").close()
    html_report_shot(window, folder / "html-report.png", "1400,1000")


def html_report_shot(
    window: MainWindow,
    target: Path,
    size: str,
    chromium_options: tuple[str, ...] = (),
    timeout_ms: int = 120000,
) -> None:
    """Export the session as HTML and save Chromium's picture of it (`size`: "width,height")."""
    page = Path(tempfile.mkdtemp()) / "report.html"
    written: list[str] = []
    window.exported.connect(written.append)
    window.export_to(page, "html")
    wait_until(lambda: written, timeout_ms)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        print(f"no chromium: {target.name} is not made")
        return
    subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            *chromium_options,
            f"--window-size={size}",
            f"--screenshot={target}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    print(f"saved {target}")


def models_screenshots(folder: Path, data: Path) -> None:
    """The model library (the built-in model, listed from first start), the catalog, the lineup
    editor and the teacher connections, as a newcomer sees them."""
    window = start_window(data)
    library = window.models_menu.open_library()
    wait_until(lambda: library.table.rowCount() > 0)
    library.table.resizeColumnsToContents()
    library.resize(1340, 520)
    library.grab().save(str(folder / "library.png"))
    library.tabs.setCurrentWidget(library.catalog_tab)
    library.catalog_tab.table.selectRow(2)
    library.catalog_tab.table.resizeColumnsToContents()
    library.grab().save(str(folder / "catalog.png"))
    library.close()
    connections = window.models_menu.open_connections()
    connections.preset.setCurrentIndex(1)
    connections.name.setText("ChatGPT")
    connections.model.setEditText("gpt-4o-mini")
    connections.key.setText("sk-example-not-a-real-key")
    connections.grab().save(str(folder / "connections.png"))
    connections.close()
    lineup = window.models_menu.open_lineup()
    wait_until(lambda: bool(lineup.choices))
    wait_until(lambda: all(w.isVisible() for w in lineup.findChildren(QLineEdit)))
    lineup.grab().save(str(folder / "lineup.png"))
    lineup.reject()
    close(window)


def batch_screenshots(folder: Path, data: Path) -> None:
    """The prompt sets dialog, a batch of the factual probes running, then judging an item."""
    window = start_window(data, height=820)
    window.set_lineup(
        [replace(s, params=replace(s.params, max_tokens=40)) for s in default_lineup()]
    )
    dialog = window.batches.open_sets()
    wait_until(lambda: len(dialog.sets) >= 2)
    dialog.preview.resizeRowsToContents()
    wait_until(lambda: dialog.about.height() > 3 * dialog.about.fontMetrics().height())
    dialog.grab().save(str(folder / "prompt-sets.png"))
    dialog.run_button.click()
    batches = window.batches
    wait_until(
        lambda: (
            batches.progress is not None
            and batches.progress.answered >= 3
            and batches.progress.seconds_left is not None
            and any(c.state == "streaming" and len(c.answer.text) > 20 for c in window.columns)
        ),
        600000,
    )
    window.grab().save(str(folder / "batch-running.png"))
    ended: list[str] = []
    batches.ended.connect(ended.append)
    batches.pause()
    wait_until(lambda: ended)
    item_ids = window.items.item_ids
    shown: list[str] = []
    window.items.item_shown.connect(shown.append)
    window.items.show_item(item_ids[1])
    wait_until(lambda: shown)
    bar = window.judging_bar
    bar.choice_box.setCurrentIndex(bar.choice_box.count() - 1)  # all bad, unaided
    shown.clear()
    bar.submit_button.click()
    wait_until(lambda: shown)  # phase 2: the reference and the automatic check are shown
    for column in window.columns:
        if column.check_label.isVisible() and "✗" in column.check_label.text():
            words = column.answer.text.split()
            if words:
                mark(window, column, words[0], "wrong_detail")
    window.statusBar().showMessage("Phase 2: the reference answer is shown; revise if needed.")
    window.grab().save(str(folder / "batch-judging.png"))
    close(window)


def probe_report_screenshot(folder: Path, data: Path) -> None:
    """The report of a full, unattended run of the factual probes (no item judged)."""
    window = start_window(data)
    view = grab_report(window, folder / "batch-report.png")
    assert view.built is not None
    for row in view.built.rows:
        print(row["Model"], row["Checked automatically"], row["Correct by the automatic check"])
    view.close()
    close(window)


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
