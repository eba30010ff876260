"""The suite's leak check (tests/conftest.py): a thread or timer a test leaves running fails it;
one that ends within the grace period, or a daemon thread, does not."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from conftest import nothing_left_running


def test_a_thread_left_running_fails_the_test() -> None:
    release = threading.Event()
    try:
        with (
            pytest.raises(pytest.fail.Exception, match="thread 'left behind'"),
            nothing_left_running(grace=0.2),
        ):
            threading.Thread(target=release.wait, name="left behind").start()
    finally:
        release.set()


def test_a_thread_ending_within_the_grace_and_a_daemon_thread_pass() -> None:
    release = threading.Event()
    daemon = threading.Event()
    with nothing_left_running(grace=5):
        threading.Thread(target=release.wait, name="ending").start()
        threading.Thread(target=daemon.wait, name="daemon", daemon=True).start()
        release.set()
    daemon.set()


def test_a_repeating_timer_left_running_fails_the_test(qtbot: Any) -> None:
    timer = QTimer()
    timer.setObjectName("left ticking")
    try:
        with (
            pytest.raises(pytest.fail.Exception, match="QTimer 'left ticking'"),
            nothing_left_running(grace=0.2),
        ):
            timer.start(1000)
    finally:
        timer.stop()
    with nothing_left_running(grace=0.2):
        timer.start(1000)
        QTimer.singleShot(50, timer.stop)  # stopped by the event loop within the grace
