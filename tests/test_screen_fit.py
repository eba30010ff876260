"""The window and every dialog fit a small laptop screen (1280×720) with every control reachable,
and the window comes back where it was left.

Offscreen, a window manager's title bar and a desktop panel are not there: ROOM leaves them out.
tests of the real X window (Xvfb and a window manager) check the same on a real screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QByteArray, QPoint, QRect, QSettings, QSize, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)

from conftest import close_window, local_slot
from imitation_lens.core.batches.run import BatchProgress, SlotSpeed
from imitation_lens.core.housekeeping.paths import DataPaths, resource_path
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.judging.progress import JudgingProgress
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.ui.judging_bar import Choice
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.mark_dialog import MarkDialog
from imitation_lens.ui.slot_dialog import SlotDialog
from imitation_lens.ui.study_view import StudyView
from imitation_lens.ui.window_menus import show_help
from imitation_lens.ui.window_state import FRAME_ALLOWANCE, first_size

SCREEN = QSize(1280, 720)
# A title bar and borders (about 40 px) and a desktop panel (about 32 px) take their share.
ROOM = QSize(SCREEN.width() - 16, SCREEN.height() - 40 - 32)


def fits(size: QSize, room: QSize = ROOM) -> bool:
    return size.width() <= room.width() and size.height() <= room.height()


def rect_in(widget: QWidget, ancestor: QWidget) -> QRect:
    return QRect(widget.mapTo(ancestor, QPoint(0, 0)), widget.size())


def settle(qtbot: Any) -> None:
    """Let layouts and style sheets finish (they are applied on posted events)."""
    QApplication.processEvents()
    qtbot.wait(50)
    QApplication.processEvents()


def lineup_of(count: int) -> list[SlotConfig]:
    roles = ["Base", "Imitator", "Teacher", "Base 2", "Imitator 2", "Teacher 2"]
    return [local_slot(role) for role in roles[:count]]


def crowd(window: MainWindow) -> None:
    """Everything the window can show at once: banner, batch panel, reference, long labels."""
    window.banner.setText(
        "<b>Demo lineup.</b> Every column runs the small built-in model Gemma 3 270M, offline, so "
        "you can try the app right away; Teacher is a stand-in. Use a column's Settings… to load "
        "a real imitator or connect a teacher API."
    )
    window.banner.setVisible(True)
    panel = window.batches.panel
    speeds = tuple(SlotSpeed(c.slot.role, 123.4) for c in window.columns)
    progress = BatchProgress("b", "slowed", 181, 40, 12, 41, None, 2580.0, speeds, "Slowed down")
    long_set = "questions-for-the-imitation-study-round-two-geography-history-and-science-" * 2
    panel.show_progress(long_set, progress, window.blind)
    panel.show_judging(JudgingProgress(12, 30, 181))
    bar = window.judging_bar
    bar.set_reference("shown", "Neil Armstrong, in 1969 " * 6, "https://example.org/a/long/source")
    bar.show_verdict(None, "Verdict saved: Answer 2 is better. Revise it and submit again.")
    bar.set_navigation(12, 181)
    long_name = "Answer 2 · Imitator (Mistral 7B OpenOrca, Q4_K_M, learned from GPT-4) " * 2
    bar.set_choices([Choice(long_name, "answer", "r", 2), Choice("Tie", "tie")])
    for column in window.columns:
        column.speed_label.setText("123.4 tokens/s · 240 tokens")
        column.show_auto_check(False)
        column.marks_label.setText("12 marks (4 Major, 8 Minor)")
        column.note_label.setText("stand-in: the built-in model plays this part " * 2)
        column.note_label.setVisible(not column.hidden)
        column._show_error("The model ran out of memory while answering. " * 2)


def reachable(window: MainWindow) -> list[str]:
    """The controls that are off the window (or cannot be scrolled into view)."""
    lost = []
    fixed: list[QWidget] = [
        window.run_button,
        window.stop_all_button,
        window.prompt_edit,
        window.reference_edit,
        window.source_edit,
        *window.judging_bar.focus_chain(),
        window.batches.panel.pause_button,
        window.batches.panel.cancel_button,
        window.batches.panel.watch_button,
        window.batches.panel.unjudged_button,
    ]
    for widget in fixed:
        if widget.isVisible() and not window.rect().contains(rect_in(widget, window)):
            lost.append(widget.accessibleName() or widget.objectName() or type(widget).__name__)
    area = window.columns_area
    for column in window.columns:
        for widget in column.focus_chain():
            if not widget.isVisible():
                continue
            area.ensureWidgetVisible(widget, 0, 0)
            QApplication.processEvents()
            shown = rect_in(widget, area.viewport())
            if not area.viewport().rect().intersects(shown) or shown.width() < 8:
                lost.append(widget.accessibleName())
    return lost


@pytest.mark.parametrize(
    ("count", "blind"), [(3, False), (3, True), (4, False), (6, False), (6, True)]
)
def test_the_main_window_fits_a_small_laptop_screen(
    open_window: Callable[..., MainWindow],
    data_paths: DataPaths,
    qtbot: Any,
    count: int,
    blind: bool,
) -> None:
    window = open_window(data_paths, lineup_of(count))
    if blind:
        window.new_session(blind=True)
        qtbot.waitUntil(lambda: window.blind)
    # The session's batch bar is looked up in the background: let it say "no batch" first (the
    # writer answers in order, so a job queued now is answered after that one).
    answered: list[bool] = []
    window.writer.call(lambda store: None, lambda _: answered.append(True))
    qtbot.waitUntil(lambda: bool(answered))
    crowd(window)
    settle(qtbot)
    assert window.batches.panel.isVisible() and window.judging_bar.reference_label.isVisible()
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    assert fits(window.minimumSize()), window.minimumSize()
    window.resize(ROOM)
    settle(qtbot)
    assert fits(window.size())
    assert reachable(window) == []
    title = window.batches.panel.title
    assert title.height() < 3 * title.fontMetrics().lineSpacing(), "a long set name stays short"
    # Up to four columns sit side by side in full; six scroll sideways instead of widening the
    # window.
    bar = window.columns_area.horizontalScrollBar()
    if count <= 4:
        assert bar.maximum() == 0
    else:
        assert bar.maximum() > 0
    narrowest = min(c.width() for c in window.columns)
    assert narrowest >= window.columns[0].minimumWidth() >= 280, "columns stay readable"


def test_the_first_window_takes_its_size_from_the_screen(
    open_window: Callable[..., MainWindow], data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    area = window.screen().availableGeometry()
    assert window.size() == first_size(area).expandedTo(window.minimumSizeHint())
    assert window.width() <= max(area.width(), window.minimumSizeHint().width())
    # A big screen still gets a sensible size, not all of it.
    assert first_size(QRect(0, 0, 2732, 1536)) == QSize(1440, 900)
    assert fits(first_size(QRect(0, 0, 1280, 720)), SCREEN)


def test_window_geometry_and_column_splits_come_back_after_a_restart(
    open_window: Callable[..., MainWindow], data_paths: DataPaths, qtbot: Any
) -> None:
    window = open_window(data_paths, lineup_of(2))
    # Offscreen the screen is 800×800: a size and place well inside it.
    window.resize(780, 600)
    window.move(10, 20)
    settle(qtbot)
    even = window.splitter.sizes()
    total = sum(even)
    # An uneven split that both columns' minimum widths allow.
    narrow = max(window.columns[1].minimumSizeHint().width(), total // 2 - 60)
    window.splitter.setSizes([total - narrow, narrow])
    settle(qtbot)
    chosen = window.splitter.sizes()
    assert abs(chosen[1] - narrow) <= 8 and chosen != even  # the handle takes its share
    close_window(qtbot, window)
    assert data_paths.window_settings.exists(), "kept in the data folder, not the desktop's"

    again = open_window(data_paths, lineup_of(2))
    settle(qtbot)
    assert again.size() == QSize(780, 600)
    # Near where it was: Qt estimates the title bar before the window is shown.
    assert (again.pos() - QPoint(10, 20)).manhattanLength() <= 40
    assert again.splitter.sizes() == chosen
    # Three columns had no sizes saved: they share the width evenly, not the two-column split.
    again.set_lineup(lineup_of(3))
    settle(qtbot)
    sizes = again.splitter.sizes()
    assert max(sizes) - min(sizes) <= 2


def test_a_window_saved_on_a_bigger_screen_comes_back_on_this_one(
    open_window: Callable[..., MainWindow], data_paths: DataPaths, qtbot: Any
) -> None:
    # Saved on a 2560×1440 screen, far right and larger than this one.
    window = open_window(data_paths)
    area = window.screen().availableGeometry()
    window.setGeometry(2000, 1200, area.width() + 900, area.height() + 500)
    geometry = window.saveGeometry()
    settings = QSettings(str(data_paths.window_settings), QSettings.Format.IniFormat)
    window.window_state.save = lambda: None  # type: ignore[method-assign]  # keep this one
    close_window(qtbot, window)
    settings.setValue("main/geometry", geometry)
    settings.sync()
    again = open_window(data_paths)
    settle(qtbot)
    frame = again.frameGeometry()
    assert area.contains(QRect(frame.topLeft(), again.size())), (frame, area)


def test_the_window_settings_file_is_per_data_folder(tmp_path: Path) -> None:
    assert DataPaths(tmp_path / "a").window_settings.parent == tmp_path / "a"
    assert DataPaths(tmp_path / "a").window_settings != DataPaths(tmp_path / "b").window_settings


# -- dialogs ---------------------------------------------------------------------------------------


def _check(dialog: QWidget, qtbot: Any) -> list[str]:
    """What does not fit: the dialog's minimum, its size, or buttons outside it."""
    dialog.show()
    settle(qtbot)
    problems = []
    name = dialog.windowTitle() or type(dialog).__name__
    for what, size in (
        ("minimumSizeHint", dialog.minimumSizeHint()),
        ("minimumSize", dialog.minimumSize()),
    ):
        if not fits(size):
            problems.append(f"{name}: {what} {size.width()}×{size.height()}")
    # Opened no larger than the screen it is on (offscreen: 800×800) leaves room for.
    screen = dialog.screen().availableGeometry().size() - FRAME_ALLOWANCE
    if not fits(dialog.size(), screen.expandedTo(dialog.minimumSizeHint())):
        problems.append(f"{name}: opened at {dialog.width()}×{dialog.height()}")
    for button in dialog.findChildren(QAbstractButton):
        shown = button.isVisible() and button.window() is dialog
        if shown and not dialog.rect().contains(rect_in(button, dialog)):
            problems.append(f"{name}: button {button.text()!r} outside")
    for label in dialog.findChildren(QLabel):
        # A label without word wrap sets the dialog's width by its text alone.
        if label.isVisible() and not label.wordWrap() and label.sizeHint().width() > ROOM.width():
            problems.append(f"{name}: label {label.text()[:30]!r} too wide")
    return problems


@pytest.fixture
def crowded(
    open_window: Callable[..., MainWindow], data_paths: DataPaths, qtbot: Any
) -> Iterator[MainWindow]:
    window = open_window(data_paths, lineup_of(6))
    window.resize(ROOM)
    yield window


def test_every_dialog_fits_a_small_laptop_screen(crowded: MainWindow, qtbot: Any) -> None:
    window = crowded
    problems: list[str] = []
    teacher = SlotConfig(
        "Teacher",
        Server("https://api.example.org/v1/with/a/long/path", "a-long-model-name-2025-01-01"),
    )
    for slot in (window.lineup[0], teacher):
        dialog = SlotDialog(slot, window)
        problems += _check(dialog, qtbot)
        dialog.reject()
    library = window.models_menu.open_library()
    problems += _check(library, qtbot)
    library.tabs.setCurrentWidget(library.catalog_tab)
    problems += _check(library, qtbot)
    library.close()
    problems += _check(window.models_menu.open_connections(), qtbot)
    window.models_menu.connections.close()  # type: ignore[union-attr]
    lineup = window.models_menu.open_lineup()
    problems += _check(lineup, qtbot)
    lineup.reject()
    sets = window.batches.open_sets()
    qtbot.waitUntil(lambda: len(sets.sets) >= 2)
    problems += _check(sets, qtbot)
    sets.close()
    browser = window.open_session_browser()
    problems += _check(browser, qtbot)
    browser.reject()
    report = window.open_report()
    assert report is not None
    with qtbot.waitSignal(report.shown, timeout=20000):
        pass
    problems += _check(report, qtbot)
    report.close()
    assert window.session_id is not None
    study = StudyView(window.writer, [window.session_id], window)
    study.show()
    with qtbot.waitSignal(study.shown, timeout=20000):
        pass
    problems += _check(study, qtbot)
    study.close()
    quote = "a long stretch of words that were marked as wrong " * 5
    mark = Mark("m", "r", 0, len(quote), quote, category="wrong_detail")
    mark_dialog = MarkDialog(mark, True, window)
    problems += _check(mark_dialog, qtbot)
    mark_dialog.reject()
    window.show_shortcuts()
    assert window._sheet is not None
    problems += _check(window._sheet, qtbot)
    window._sheet.close()
    assert problems == []


def test_message_boxes_with_long_text_fit(crowded: MainWindow, qtbot: Any) -> None:
    seen: list[list[str]] = []

    def check_box() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(_check(box, qtbot))
        box.accept()

    QTimer.singleShot(200, check_box)
    show_help(crowded)
    long_path = "/home/evaluator/" + "a-very-long-folder-name/" * 12 + "export.json"
    box = QMessageBox(QMessageBox.Icon.Warning, "Imitation Lens", "", parent=crowded)
    box.setText(
        f"The export could not be written to {long_path}:\nNo space left on device\n\n"
        "Your session is safe; choose another place and try again."
    )
    seen.append(_check(box, qtbot))
    box.close()
    assert seen == [[], []]


# -- looks -------------------------------------------------------------------------------------------


def test_the_style_sheet_never_sets_one_colour_without_the_other() -> None:
    """In a dark palette a fixed background with the palette's text (or the other way round)
    is unreadable: every rule that sets a fixed colour sets both, or uses palette roles."""
    sheet = resource_path("styles", "app.qss").read_text("utf-8")
    body = sheet.split("*/", 1)[1]
    for rule in body.split("}"):
        if "{" not in rule:
            continue
        selector, declarations = rule.split("{", 1)
        fixed = {}
        for declaration in declarations.split(";"):
            if ":" not in declaration:
                continue
            key, value = (part.strip() for part in declaration.split(":", 1))
            if key in ("background", "background-color", "color"):
                fixed["color" if key == "color" else "background"] = "#" in value
        if any(fixed.values()):
            assert fixed.get("color") and fixed.get("background"), selector.strip()


def test_report_table_headers_break_between_words_only() -> None:
    css = resource_path("reports", "report.css").read_text("utf-8")
    cell_rule = css.split("th, td {", 1)[1].split("}", 1)[0]
    assert "anywhere" not in cell_rule and "break-all" not in cell_rule
    assert "word-break: normal" in cell_rule
    assert ".table-wrap { overflow-x: auto; }" in css


def test_header_words_are_never_cut_in_the_model_library(crowded: MainWindow, qtbot: Any) -> None:
    library = crowded.models_menu.open_library()
    library.resize(ROOM)
    settle(qtbot)
    for tab, table in ((0, library.table), (1, library.catalog_tab.table)):
        library.tabs.setCurrentIndex(tab)
        settle(qtbot)
        header = table.horizontalHeader()
        metrics = header.fontMetrics()
        for column in range(1, table.columnCount()):
            item = table.horizontalHeaderItem(column)
            assert item is not None
            text = item.text()
            assert header.sectionSize(column) >= metrics.horizontalAdvance(text) + 8, text
    library.close()


def test_qbytearray_is_what_settings_give_back(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)
    settings.setValue("g", QByteArray(b"\x01\x02"))
    settings.sync()
    again = QSettings(str(tmp_path / "x.ini"), QSettings.Format.IniFormat)
    assert isinstance(again.value("g"), QByteArray)


def test_mark_text_takes_the_colour_that_reads_on_its_tint(qapp: Any) -> None:
    """In a dark palette the answer's page is dark: a light mark tint over it gets white text,
    a strong one black; in a light palette both get black."""
    from PySide6.QtGui import QColor, QPalette

    from imitation_lens.ui.mark_style import mark_format

    saved = QApplication.palette()
    minor = Mark("a", "r", 0, 4, "1968", category="wrong_detail", severity="minor")
    major = Mark("b", "r", 0, 4, "1968", category="wrong_detail", severity="major")
    try:
        dark = QPalette(saved)
        dark.setColor(QPalette.ColorRole.Base, QColor(40, 40, 40))
        QApplication.setPalette(dark)
        assert mark_format(minor, current=False).foreground().color() == QColor(255, 255, 255)
        assert mark_format(major, current=True).foreground().color() == QColor(0, 0, 0)
        light = QPalette(saved)
        light.setColor(QPalette.ColorRole.Base, QColor(255, 255, 255))
        QApplication.setPalette(light)
        for mark in (minor, major):
            assert mark_format(mark, current=False).foreground().color() == QColor(0, 0, 0)
    finally:
        QApplication.setPalette(saved)


def test_a_column_scrolled_out_of_view_comes_into_view_with_its_key(
    open_window: Callable[..., MainWindow], data_paths: DataPaths, qtbot: Any
) -> None:
    window = open_window(data_paths, lineup_of(6))
    window.resize(ROOM)
    window.activateWindow()
    settle(qtbot)
    area = window.columns_area
    last = window.columns[5]
    assert not area.viewport().rect().contains(rect_in(last.answer, area.viewport()))
    window.items.focus_answer(6)  # Alt+6
    qtbot.waitUntil(lambda: last.answer.hasFocus())
    settle(qtbot)
    shown = rect_in(last.answer, area.viewport())
    assert area.viewport().rect().intersected(shown).width() == shown.width()
