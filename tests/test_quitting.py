"""The one way out of the app (ui/quitting.py), offscreen; tests/real_window drives the real one."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.ui.quitting import Quitter


class _App:
    """Stands in for QApplication.quit, which would end the test's own event loop."""

    def __init__(self) -> None:
        self.quits = 0

    def quit(self) -> None:
        self.quits += 1


@pytest.fixture
def quitter(qtbot: Any, open_window: Any, data_paths: DataPaths) -> Iterator[Quitter]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = open_window(data_paths)
    made = Quitter(app, window)
    made.app = _App()  # type: ignore[assignment]
    yield made
    app.removeEventFilter(made)
    app.setQuitOnLastWindowClosed(True)


def test_ctrl_q_over_a_modal_dialog_closes_it_and_ends_the_app(
    qtbot: Any, quitter: Quitter
) -> None:
    window: Any = quitter.window  # the MainWindow of open_window
    box = QMessageBox(QMessageBox.Icon.Question, "Imitation Lens", "Cancel the batch?")
    box.setModal(True)
    box.show()
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(window.writer.closed, timeout=10000):
        qtbot.keyClick(box, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not box.isVisible() and not window.isVisible()
    qtbot.waitUntil(lambda: quitter.app.quits == 1)  # type: ignore[attr-defined]
    assert window._closed


@pytest.mark.slow
def test_the_app_quits_even_when_the_recorder_does_not_answer(qtbot: Any, quitter: Quitter) -> None:
    window: Any = quitter.window  # the MainWindow of open_window
    window.writer.closed.disconnect(quitter._on_writer_closed)  # as if it hung on the disk
    start = time.monotonic()
    with qtbot.waitSignal(window.closing):
        window.close()
    qtbot.waitUntil(lambda: quitter.app.quits == 1, timeout=5000)  # type: ignore[attr-defined]
    assert 1.5 <= time.monotonic() - start < 3.0  # WRITER_DEADLINE_MS, on a busy machine


def test_closing_goes_on_when_a_batch_does_not_pause_in_time(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)

    class Stuck:  # a batch whose models are still loading: its pause comes too late
        asked = False

        def pause(self) -> None:
            self.asked = True

    stuck = Stuck()
    flow = window.batches
    flow.run, flow.active = stuck, True
    went_on: list[float] = []
    start = time.monotonic()
    flow.close_then(lambda: went_on.append(time.monotonic() - start))
    assert stuck.asked and not went_on
    qtbot.waitUntil(lambda: bool(went_on), timeout=5000)
    assert went_on[0] < 1.5
    flow.run, flow.active = None, False  # the fixture's own close goes straight through
