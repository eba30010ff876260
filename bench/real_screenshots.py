"""Screenshots of the app in a REAL X window (Xvfb + openbox), for the README and to check fit.

    python bench/real_screenshots.py readme  [--out docs/screenshots]
    python bench/real_screenshots.py palette [--out docs/screenshots]
    python bench/real_screenshots.py fit     [--screen 1280x720] [--scale 2] [--out /tmp/fit]
    python bench/real_screenshots.py imports [--out docs/screenshots]
    python bench/real_screenshots.py workshop [--out docs/screenshots]
    python bench/real_screenshots.py german [--out docs/screenshots]   (bench/german_screenshots.py)

readme   real-idle.png, real-streaming.png (mid-answer), real-blind-before.png,
         real-blind-after.png, real-batch-running.png, on a 1366×768 screen
palette  palette-light.png and palette-dark.png: the main window after a verdict (marks, the
         reference and the automatic check shown) in the desktop's light and dark schemes; dark
         is GNOME's Adwaita:dark, which Qt follows through its gtk3 platform theme
imports  import-mapping.png (a file of unknown columns: the window asking which is the question,
         with its preview), import-nq-open.png (the real NQ-open dev set imported, its licence
         and questions shown) and known-wrong.png (a TruthfulQA item in phase 2: also accepted
         and known wrong answers under the reference), on a 1366×768 screen
workshop workshop-ready.png (Models ▸ Make an imitator…: SmolLM2 and the built-in teacher
         answers, with the plan's estimate), workshop-training.png (a real run under way: loss,
         held-out loss, time left) and workshop-done.png (one epoch later: in the library), then
         made-imitator.png (the made imitator in the Imitator column beside its base, answering)
fit      the main window (3 and 6 columns, everything shown at once) and every dialog, one
         picture each; prints each window's frame against the screen and exits 1 if one does
         not fit. --scale 2 with --screen 1366x768 is 200% on a 2732×1536 screen.

The app runs on a fresh data folder with the bundled model. Questions are typed and runs, new
sessions and verdicts are started with real key presses (xdotool); what keys cannot reach (the
prompt set to run, a mark's exact words) is done in-process, as bench/screenshot.py does.
Needs: Xvfb, openbox, xdotool, imagemagick (import); run from the project's root.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from german_screenshots import (
    LANGUAGE_VARIABLE,
    choose_language,
    cut_texts,
    drive_german,
    idle,
    mark_and_judge,
)

ROOT = Path(__file__).resolve().parents[1]
PROMPT = "Who was the first person to walk on the Moon, and in which year?"
# A desktop in its dark scheme, the way GNOME sets it; Qt follows it through its gtk3 theme.
DARK = {"QT_QPA_PLATFORMTHEME": "gtk3", "GTK_THEME": "Adwaita:dark"}


# -- the X server (outer process) ------------------------------------------------------------------


def _x_answers(display: str, *query: str) -> str:
    """What `xprop -root` says on the display ("" while the server is not up)."""
    result = subprocess.run(
        ["xprop", "-root", *query],
        env={**os.environ, "DISPLAY": display},
        capture_output=True,
        text=True,
    )
    return result.stdout if result.returncode == 0 else ""


def _wait_for(condition: Any, process: subprocess.Popen[bytes], what: str) -> None:
    # Separate processes coming up: nothing to wait on but polling what they offer.
    deadline = time.monotonic() + 20
    while not condition():
        if process.poll() is not None or time.monotonic() > deadline:
            raise SystemExit(f"{what} did not start")
        time.sleep(0.1)


def start_x(display: str, width: int, height: int) -> list[subprocess.Popen[bytes]]:
    """Xvfb with openbox managing its windows (title bars, placement, maximising)."""
    if _x_answers(display):
        raise SystemExit(f"an X server already runs on {display}: choose another --display")
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(lambda: _x_answers(display), server, f"Xvfb on {display}")
        for attempt in (1, 2):  # openbox now and then gives up on a server just started
            log = Path(tempfile.mkstemp(prefix="openbox-", suffix=".log")[1])
            manager = subprocess.Popen(
                ["openbox"],
                env={**os.environ, "DISPLAY": display},
                stdout=subprocess.DEVNULL,
                stderr=log.open("w"),
            )
            try:
                _wait_for(
                    lambda: "window id" in _x_answers(display, "_NET_SUPPORTING_WM_CHECK"),
                    manager,
                    "openbox",
                )
                return [manager, server]
            except SystemExit:
                manager.kill()
                print(f"openbox (attempt {attempt}): {log.read_text()[-300:]}", file=sys.stderr)
        raise SystemExit("openbox did not start")
    except BaseException:
        server.terminate()
        server.wait(timeout=10)
        raise


def run_driver(mode: str, args: argparse.Namespace, extra_env: dict[str, str]) -> int:
    home = tempfile.mkdtemp(prefix="real-shots-home-")
    env = {
        **os.environ,
        "DISPLAY": args.display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_SCALE_FACTOR": str(args.scale),
        "HOME": home,
        "NO_AT_BRIDGE": "1",
        "PYTHONPATH": os.pathsep.join(
            [str(ROOT / "desktop"), str(ROOT / "bench"), str(ROOT / "tests")]
        ),
        **extra_env,
    }
    if "QT_QPA_PLATFORMTHEME" not in extra_env:  # the plain X desktop's defaults: light
        env.pop("QT_QPA_PLATFORMTHEME", None)
    command = [sys.executable, __file__, "--driver", mode, "--out", str(args.out)]
    try:
        return subprocess.run(command, env=env, cwd=ROOT, timeout=1200).returncode
    finally:
        shutil.rmtree(home, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "mode", choices=["readme", "palette", "fit", "imports", "workshop", "german"]
    )
    parser.add_argument("--screen", default="1366x768", help="logical size, e.g. 1280x720")
    parser.add_argument("--scale", type=int, default=1, help="2 for 200%% (QT_SCALE_FACTOR)")
    parser.add_argument("--display", default=os.environ.get("REAL_DISPLAY", ":82"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--dark", action="store_true", help="readme and fit in the dark scheme")
    parser.add_argument("--language", choices=["de", "en"], help="the interface's language")
    parser.add_argument("--driver", help=argparse.SUPPRESS)
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    width, height = (int(n) for n in args.screen.split("x"))
    for tool in ("Xvfb", "openbox", "xdotool", "import"):
        if shutil.which(tool) is None:
            raise SystemExit(f"needs {tool}: apt-get install xvfb openbox xdotool imagemagick")
    processes = start_x(args.display, width * args.scale, height * args.scale)
    try:
        if args.mode == "palette":
            light = run_driver("palette-light", args, {})
            dark = run_driver("palette-dark", args, DARK)
            return light or dark
        extra = DARK if args.dark else {}
        language = args.language or ("de" if args.mode == "german" else None)
        if language:
            extra = {**extra, LANGUAGE_VARIABLE: language}
        return run_driver(args.mode, args, extra)
    finally:
        for process in processes:
            process.terminate()
            process.wait(timeout=10)


# -- the app, driven in a real window (inner process) ----------------------------------------------


class Driver:
    def __init__(self, out: Path) -> None:
        from imitation_lens.core.housekeeping.paths import DataPaths
        from imitation_lens.ui.app import create_application

        self.out = out
        self.app = create_application()
        self.data = Path(tempfile.mkdtemp(prefix="real-shots-data-"))
        self.paths = DataPaths(self.data).create()
        choose_language(self.app, self.paths.window_settings)

    def open_window(self) -> Any:
        from event_loop import wait_until
        from imitation_lens.ui.main_window import MainWindow

        window = MainWindow(self.paths, evaluator="Sam Rivera")  # answers the first-start question
        ready: list[bool] = []
        window.ready.connect(lambda: ready.append(True))
        window.show()
        wait_until(lambda: ready, 60000)
        wait_until(lambda: window.isActiveWindow(), 10000)
        self.settle(500)
        return window

    def settle(self, ms: int = 400) -> None:
        """Let the window repaint and the window manager catch up before a picture."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def shot(self, name: str) -> Path:
        self.settle()
        target = self.out / name
        subprocess.run(["import", "-window", "root", str(target)], check=True)
        print(f"saved {target}")
        return target

    def keys(self, *keys: str) -> None:
        subprocess.run(["xdotool", "key", "--clearmodifiers", "--delay", "60", *keys], check=True)
        self.settle(200)

    def type(self, text: str) -> None:
        subprocess.run(["xdotool", "type", "--delay", "12", text], check=True)
        self.settle(200)

    def close(self, window: Any) -> None:
        from event_loop import wait_until

        closed: list[bool] = []
        window.writer.closed.connect(lambda: closed.append(True))
        window.close()
        wait_until(lambda: closed, 60000)


def drive_readme(driver: Driver) -> None:
    from event_loop import wait_until

    window = driver.open_window()
    window.prompt_edit.setFocus()
    driver.type(PROMPT)
    driver.shot("real-idle.png")
    driver.keys("ctrl+Return")
    wait_until(
        lambda: any(c.state == "streaming" and len(c.answer.text) > 80 for c in window.columns),
        300000,
    )
    driver.shot("real-streaming.png")
    wait_until(lambda: idle(window), 600000)

    driver.keys("ctrl+shift+n")  # a new blind session
    wait_until(lambda: window.blind, 20000)
    window.prompt_edit.setFocus()
    driver.type(PROMPT)
    driver.keys("ctrl+Return")
    wait_until(lambda: any(c.state == "streaming" for c in window.columns), 300000)
    wait_until(lambda: idle(window), 600000)
    driver.shot("real-blind-before.png")
    saved: list[str] = []
    window.items.verdict_saved.connect(saved.append)
    driver.keys("ctrl+j", "Down", "Down", "Tab")
    driver.type("Names the right person and year")
    driver.keys("Return")  # Enter in the reason box submits the verdict
    wait_until(lambda: saved, 20000)
    driver.shot("real-blind-after.png")

    driver.keys("ctrl+n")  # back to an open session for the batch
    dialog = window.batches.open_sets()
    wait_until(lambda: len(dialog.sets) >= 2, 20000)
    # The open-ended set: its answers are long enough to be seen being written.
    dialog.set_list.setCurrentRow(next(i for i, s in enumerate(dialog.sets) if "pen" in s.name))
    driver.settle(300)
    dialog.run_button.click()
    batches = window.batches
    wait_until(
        lambda: (
            batches.progress is not None
            and batches.progress.answered >= 1
            and any(c.state == "streaming" and len(c.answer.text) > 60 for c in window.columns)
        ),
        600000,
    )
    driver.shot("real-batch-running.png")
    ended: list[str] = []
    batches.ended.connect(ended.append)
    batches.pause()
    wait_until(lambda: ended, 120000)
    driver.close(window)


def drive_palette(driver: Driver, name: str) -> None:
    from event_loop import wait_until

    window = driver.open_window()
    window.prompt_edit.setFocus()
    driver.type(PROMPT)
    driver.keys("Tab")
    driver.type("Neil Armstrong, 1969")
    driver.keys("ctrl+Return")
    wait_until(lambda: any(c.state == "streaming" for c in window.columns), 300000)
    wait_until(lambda: idle(window), 600000)
    mark_and_judge(driver, window, 1, 4)
    driver.shot(f"{name}.png")
    driver.close(window)


def drive_imports(driver: Driver) -> None:
    from dataclasses import replace

    from event_loop import wait_until
    from imitation_lens.core.running.lineup import default_lineup

    window = driver.open_window()
    # Short answers: TruthfulQA's questions need a sentence, and the picture is of the judging.
    window.set_lineup(
        [replace(s, params=replace(s.params, max_tokens=40)) for s in default_lineup()]
    )
    driver.keys("ctrl+b")  # Batch ▸ Prompt sets…
    wait_until(lambda: window.batches.dialog is not None, 20000)
    dialog = window.batches.dialog
    wait_until(lambda: len(dialog.sets) >= 2, 20000)
    imported: list[str] = []
    dialog.imported.connect(imported.append)
    asked: list[Any] = []
    dialog.mapping_asked.connect(asked.append)
    # The file chooser is the desktop's own: the path goes in directly, as Import… would pass it.
    dialog.import_file(ROOT / "tests" / "data" / "formats" / "unknown_fields.csv")
    wait_until(lambda: asked, 20000)
    mapping = asked[0]
    wait_until(lambda: mapping.isActiveWindow(), 10000)
    mapping.separator.setFocus()
    driver.keys("ctrl+a")
    driver.type(";")  # this file lists its other accepted answers with semicolons
    mapping.preview.resizeColumnsToContents()
    driver.shot("import-mapping.png")
    driver.keys("Return")  # Import
    wait_until(lambda: imported, 20000)

    imported.clear()
    dialog.import_file(ROOT / "bench" / "data" / "NQ-open.dev.jsonl")
    wait_until(lambda: imported, 120000)
    dialog.preview.resizeRowsToContents()
    driver.settle(600)
    driver.shot("import-nq-open.png")

    imported.clear()
    dialog.import_file(ROOT / "tests" / "data" / "formats" / "TruthfulQA.csv")
    wait_until(lambda: imported, 20000)
    driver.settle(300)
    batches = window.batches
    ended: list[str] = []
    batches.ended.connect(ended.append)
    dialog.run_button.click()
    wait_until(lambda: ended, 900000)
    shown: list[str] = []
    window.items.item_shown.connect(shown.append)
    window.items.show_item(window.items.item_ids[0])
    wait_until(lambda: shown, 20000)
    shown.clear()
    saved: list[str] = []
    window.items.verdict_saved.connect(saved.append)
    driver.keys("ctrl+j", "Down", "Return")  # a first verdict, unaided
    window.judging_bar.submit_button.click()
    wait_until(lambda: saved and shown, 20000)  # phase 2: the reference and the check shown
    window.columns[0].answer.setFocus()
    driver.shot("known-wrong.png")
    driver.close(window)


def drive_workshop(driver: Driver) -> None:
    from event_loop import wait_until

    window = driver.open_window()
    driver.keys("alt+m", "m")  # Models ▸ Make an imitator…
    wait_until(lambda: window.models_menu.workshop is not None, 20000)
    workshop = window.models_menu.workshop
    wait_until(lambda: workshop.isActiveWindow() and workshop.start_button.isEnabled(), 120000)
    workshop.choices.epochs.setValue(1)  # one pass: the picture of a finished run comes sooner
    wait_until(lambda: workshop.start_button.isEnabled(), 120000)
    driver.shot("workshop-ready.png")
    ended: list[str] = []
    workshop.training_ended.connect(ended.append)
    workshop.start_button.click()
    wait_until(lambda: workshop.view.bar.value() >= 12, 900000)
    driver.shot("workshop-training.png")
    wait_until(lambda: ended, 1800000)
    driver.settle(600)
    driver.shot("workshop-done.png")
    before = [s.source for s in window.lineup]
    workshop.imitator_button.click()
    wait_until(lambda: [s.source for s in window.lineup] != before, 20000)
    workshop.close()
    wait_until(lambda: idle(window), 60000)
    window.activateWindow()
    wait_until(lambda: window.isActiveWindow(), 10000)
    window.prompt_edit.setFocus()
    driver.type("How can I get better at public speaking?")
    driver.keys("ctrl+Return")
    wait_until(lambda: not idle(window), 20000)
    wait_until(lambda: idle(window), 600000)
    driver.shot("made-imitator.png")
    driver.close(window)


def fits(window: Any) -> tuple[bool, str]:
    # Maximised, openbox puts the borders past the screen's edge and Qt keeps the frame extents
    # of the unmaximised window: what must fit then is the inside.
    frame = window.geometry() if window.isMaximized() else window.frameGeometry()
    area = window.screen().availableGeometry()
    # At 200% a border of one device pixel is half a logical one: allow the rounding.
    ok = area.adjusted(-1, -1, 1, 1).contains(frame)
    title = window.windowTitle() or type(window).__name__
    return ok, (
        f"{'fits' if ok else 'DOES NOT FIT'}: {title} frame {frame.width()}×{frame.height()} "
        f"at {frame.x()},{frame.y()} on {area.width()}×{area.height()}"
    )


def drive_fit(driver: Driver) -> int:
    from event_loop import wait_until
    from imitation_lens.core.judging.annotations import Mark
    from imitation_lens.ui.mark_dialog import MarkDialog
    from imitation_lens.ui.slot_dialog import SlotDialog
    from test_screen_fit import crowd, lineup_of

    results: list[tuple[bool, str]] = []
    window = driver.open_window()
    results.append(fits(window))
    results.extend((False, f"CUT in the window: {line}") for line in cut_texts(window))
    driver.shot("fit-first-start.png")
    for count in (3, 6):
        window.set_lineup(lineup_of(count))
        crowd(window)
        driver.settle()
        results.append(fits(window))
        driver.shot(f"fit-main-{count}.png")
    window.showMaximized()
    driver.settle(800)
    results.append(fits(window))
    driver.shot("fit-main-6-maximised.png")

    def check(dialog: Any, name: str) -> None:
        dialog.show()
        wait_until(lambda: dialog.isVisible() and not dialog.frameGeometry().isEmpty(), 10000)
        driver.settle(600)
        results.append(fits(dialog))
        results.extend((False, f"CUT in {name}: {line}") for line in cut_texts(dialog))
        driver.shot(f"fit-{name}.png")

    slot_dialog = SlotDialog(window.lineup[0], window)
    check(slot_dialog, "slot-settings")
    slot_dialog.reject()
    library = window.models_menu.open_library()
    check(library, "library")
    library.tabs.setCurrentWidget(library.catalog_tab)
    check(library, "catalog")
    library.close()
    check(window.models_menu.open_connections(), "connections")
    window.models_menu.connections.close()
    lineup = window.models_menu.open_lineup()
    check(lineup, "lineup")
    lineup.reject()
    sets = window.batches.open_sets()
    wait_until(lambda: len(sets.sets) >= 2, 20000)
    check(sets, "prompt-sets")
    sets.close()
    browser = window.open_session_browser()
    check(browser, "sessions")
    browser.reject()
    report = window.open_report()
    check(report, "report")
    report.close()
    quote = "a long stretch of words that were marked as wrong " * 4
    mark_dialog = MarkDialog(Mark("m", "r", 0, len(quote), quote, category="wrong_detail"), True)
    mark_dialog.setParent(window, mark_dialog.windowFlags())
    check(mark_dialog, "mark")
    mark_dialog.reject()
    window.show_shortcuts()
    check(window._sheet, "shortcuts")
    window._sheet.close()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def help_box() -> None:
        box = QApplication.activeModalWidget()
        if box is not None:
            results.append(fits(box))
            driver.shot("fit-help-message.png")
            box.close()

    QTimer.singleShot(1500, help_box)
    from imitation_lens.ui.window_menus import show_help

    show_help(window)
    driver.close(window)
    for _, line in results:
        print(line)
    return 0 if all(ok for ok, _ in results) else 1


def driver_main(mode: str, out: Path) -> int:
    driver = Driver(out)
    try:
        if mode == "readme":
            drive_readme(driver)
        elif mode == "imports":
            drive_imports(driver)
        elif mode == "workshop":
            drive_workshop(driver)
        elif mode == "german":
            drive_german(driver)
        elif mode.startswith("palette-"):
            drive_palette(driver, mode)
        else:
            return drive_fit(driver)
        return 0
    finally:
        shutil.rmtree(driver.data, ignore_errors=True)


if __name__ == "__main__":
    if "--driver" in sys.argv:
        position = sys.argv.index("--driver")
        out = Path(sys.argv[sys.argv.index("--out") + 1])
        sys.exit(driver_main(sys.argv[position + 1], out))
    sys.exit(main())
