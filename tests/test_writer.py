"""The writer (core/storage/writer.py) without Qt, on a real SQLite file: jobs in order, jobs
that wait, storage trouble kept and retried, streamed text, and closing."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.running.events import FinishedEvent, StateEvent, Status, TextEvent
from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.running.runners import queued_response
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.core.storage.writer import Writer, WriterClosed

WAIT_S = 30.0


class Heard:
    """What the writer told its caller, with a way to wait for each kind of news."""

    def __init__(self) -> None:
        self.failed: list[str] = []
        self.saved: list[tuple[str, int]] = []
        self.got_failed = threading.Event()
        self.recovered = threading.Event()
        self.closed = threading.Event()
        self.text_saved = threading.Condition()

    def on_failed(self, message: str) -> None:
        self.failed.append(message)
        self.got_failed.set()

    def on_text_saved(self, response_id: str, size: int) -> None:
        with self.text_saved:
            self.saved.append((response_id, size))
            self.text_saved.notify_all()

    def wait_saved(self, response_id: str, size: int) -> bool:
        with self.text_saved:
            return self.text_saved.wait_for(lambda: (response_id, size) in self.saved, WAIT_S)


@pytest.fixture
def heard() -> Heard:
    return Heard()


@pytest.fixture
def writer(tmp_path: Path, heard: Heard) -> Iterator[Writer]:
    writer = Writer(
        tmp_path / "data.sqlite",
        on_failed=heard.on_failed,
        on_recovered=heard.recovered.set,
        on_text_saved=heard.on_text_saved,
        on_closed=heard.closed.set,
    )
    yield writer
    writer.close()
    assert writer.join(WAIT_S)


def _answer(store: Store) -> str:
    """One item with one queued answer, as the window writes it before a Run."""
    slot = default_lineup()[0]
    session_id = store.create_session("test", [slot.to_dict()])
    response_id = new_id()
    store.add_item(
        session_id,
        new_id(),
        "What is the capital of France?",
        [queued_response(response_id, 0, slot)],
    )
    return response_id


def test_jobs_run_in_order_and_results_come_back(writer: Writer) -> None:
    order: list[int] = []
    results: list[Any] = []
    errors: list[Exception] = []
    done = threading.Event()

    def job(n: int) -> Callable[[Store], int]:
        def numbered(store: Store) -> int:
            order.append(n)
            return n * 2

        return numbered

    for n in range(20):
        writer.call(job(n), results.append)
    writer.call(lambda store: 1 / 0, results.append, errors.append)
    writer.call(lambda store: None, lambda _: done.set())
    assert done.wait(WAIT_S)
    assert order == list(range(20)) and results == [n * 2 for n in range(20)]
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)  # and it went on
    # A waiting caller gets the answer, or the job's own error.
    assert writer.run(lambda store: store.path) == writer.database
    with pytest.raises(ZeroDivisionError):
        writer.run(lambda store: 1 / 0)


def test_streamed_text_is_kept_then_written_and_the_finished_answer_wins(
    writer: Writer, heard: Heard
) -> None:
    rid = writer.run(_answer)
    writer.write_event(StateEvent(rid, Status.STREAMING))
    writer.write_event(TextEvent(rid, "Par", 1, None))
    writer.write_event(TextEvent(rid, "is", 2, None))
    assert heard.wait_saved(rid, len("Paris"))  # in one write or two
    row = writer.run(lambda store: store.db.table("responses").get(rid))
    assert (row["status"], row["text"]) == ("streaming", "Paris")
    writer.write_event(TextEvent(rid, " is", 3, None))  # only this is written next
    assert heard.wait_saved(rid, len("Paris is"))
    row = writer.run(lambda store: store.db.table("responses").get(rid))
    assert row["text"] == "Paris is"
    writer.write_event(FinishedEvent(rid, Status.DONE, "Paris.", facts={"tokens_out": 3}))
    row = writer.run(lambda store: store.db.table("responses").get(rid))
    assert (row["status"], row["text"], row["tokens_out"]) == ("done", "Paris.", 3)


def test_storage_trouble_is_kept_retried_in_order_and_never_overtaken(
    writer: Writer, heard: Heard
) -> None:
    tries: list[int] = []
    order: list[str] = []

    def full_once(store: Store) -> None:
        tries.append(1)
        if len(tries) == 1:
            raise sqlite3.OperationalError("database or disk is full")
        order.append("first")

    writer.call(full_once)
    writer.call(lambda store: order.append("second"))
    assert heard.got_failed.wait(WAIT_S)
    assert heard.failed == [
        "The disk is full, so new answers and marks can't be saved yet. Nothing is lost: they "
        "are kept in memory and saved as soon as there is room. Free some space."
    ]
    # A caller that waits is told at once rather than overtaking what is kept.
    with pytest.raises(sqlite3.OperationalError):
        writer.run(lambda store: order.append("overtaking"))
    assert heard.recovered.wait(WAIT_S)
    assert order == ["first", "second"]
    assert writer.run(lambda store: "fine") == "fine"


def test_closing_writes_what_is_pending_and_only_the_window_interrupts(
    tmp_path: Path, heard: Heard
) -> None:
    database = tmp_path / "data.sqlite"
    for interrupt in (False, True):
        closed = threading.Event()
        writer = Writer(database, on_closed=closed.set)
        rid = writer.run(_answer)
        writer.write_event(StateEvent(rid, Status.STREAMING))
        writer.write_event(TextEvent(rid, "Half an ans", 4, None))
        writer.close(interrupt_unfinished=interrupt)
        assert closed.wait(WAIT_S) and writer.join(WAIT_S)
        with pytest.raises(WriterClosed):
            writer.run(lambda store: None)
        store = Store(database)
        row = store.db.table("responses").get(rid)
        store.close()
        # A batch command's writer leaves other processes' answers alone; the window's does not.
        assert row["text"] == "Half an ans"
        assert row["status"] == ("interrupted" if interrupt else "streaming")


def test_a_database_that_cannot_be_opened_is_said_and_waiting_callers_are_freed(
    tmp_path: Path, heard: Heard
) -> None:
    (tmp_path / "data.sqlite").mkdir()  # a folder where the file should be
    writer = Writer(tmp_path / "data.sqlite", on_failed=heard.on_failed, on_closed=heard.closed.set)
    assert heard.closed.wait(WAIT_S)
    assert heard.failed and "could not be opened" in heard.failed[0]
    with pytest.raises(WriterClosed, match="could not be opened"):
        writer.run(lambda store: None)
