from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from imitation_lens.core.judging.annotations import Mark, insert_mark
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.migrations import SCHEMA_VERSION, NewerSchemaError
from imitation_lens.core.storage.store import Store


def _store_with_item(path: Path) -> Store:
    store = Store(path)
    store.create_session("s", [], session_id="S")
    store.add_item("S", "I", "Q?", [{"id": "R", "slot_index": 0, "role": "Base", "kind": "local"}])
    return store


def test_new_database_is_migrated_and_in_wal_mode(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert {"sessions", "items", "responses", "marks", "settings"} <= set(store.db.table_names())


def test_a_newer_schema_is_refused_in_plain_words(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    Store(path).close()
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(NewerSchemaError, match="newer Imitation Lens"):
        Store(path)


def test_facts_are_split_into_columns_and_extra(tmp_path: Path) -> None:
    store = _store_with_item(tmp_path / "db.sqlite3")
    store.update_response(
        "R", {"model_sha256": "abc", "params": {"seed": 7, "temperature": 0.5}, "odd": 1}
    )
    row = store.item("I")["responses"][0]
    assert row["model_sha256"] == "abc"
    assert row["seed"] == 7
    assert row["params"] == {"seed": 7, "temperature": 0.5}
    assert row["extra"] == {"odd": 1}


def test_first_final_status_wins_but_later_facts_are_kept(tmp_path: Path) -> None:
    store = _store_with_item(tmp_path / "db.sqlite3")
    store.finish_response("R", Status.STOPPED, "", "", {})
    store.finish_response("R", Status.DONE, "late text", "", {"model_file": "m.gguf"})
    row = store.item("I")["responses"][0]
    assert (row["status"], row["text"], row["model_file"]) == ("stopped", "", "m.gguf")


def test_unfinished_answers_become_interrupted_with_their_text(tmp_path: Path) -> None:
    store = _store_with_item(tmp_path / "db.sqlite3")
    store.set_status("R", Status.STREAMING)
    store.set_text("R", "partial answ")
    store.close()
    reopened = Store(tmp_path / "db.sqlite3")
    assert reopened.mark_unfinished_interrupted() == 1
    row = reopened.item("I")["responses"][0]
    assert (row["status"], row["text"]) == ("interrupted", "partial answ")


def test_marks_round_trip_with_offsets_and_quote(tmp_path: Path) -> None:
    store = _store_with_item(tmp_path / "db.sqlite3")
    text = "a😀b\r\nCanberra"
    store.set_text("R", text)
    insert_mark(store, Mark("M", "R", 5, 13, text[5:13]))
    [mark] = store.item("I")["responses"][0]["marks"]
    assert (mark["start"], mark["end"], mark["quote"]) == (5, 13, "Canberra")
    assert mark["deleted_at"] is None
