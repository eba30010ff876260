"""bulk_work holds the cycle collector off while long tasks run, and gives it back after the
last one, as it found it."""

from __future__ import annotations

import gc
import threading

from imitation_lens.core.housekeeping.bulk_work import bulk_work


def test_the_collector_is_off_inside_and_back_after_the_last_task() -> None:
    assert gc.isenabled()
    started, finish = threading.Event(), threading.Event()

    def other_task() -> None:
        with bulk_work():
            started.set()
            finish.wait(30)

    worker = threading.Thread(target=other_task)
    with bulk_work():
        assert not gc.isenabled()
        worker.start()
        assert started.wait(30)
    assert not gc.isenabled()  # the other task still runs
    finish.set()
    worker.join(30)
    assert gc.isenabled()
    try:
        with bulk_work():
            raise ValueError("a failed export")
    except ValueError:
        pass
    assert gc.isenabled()


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    try:
        with bulk_work():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()
