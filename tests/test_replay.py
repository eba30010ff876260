"""Teacher answers are recorded, replayed when the teacher is gone, and carried in demo packs."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import (
    FAST,
    close_window,
    local_slot,
    start_llama_server,
    stop_llama_server,
    wait_idle,
)
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.servers.replay import DemoPackError, export_demo_pack, import_demo_pack
from imitation_lens.core.storage.store import Store

PROMPT = "What is the capital of Australia?"


SECRET = "sk-test-never-stored-9f2c"
KEY_ENV = "IMITATION_LENS_TEST_TEACHER_KEY"


def teacher(url: str, replay: str = "fallback", **params: Any) -> SlotConfig:
    return SlotConfig(
        role="Teacher",
        source=Server(url, "gemma", KEY_ENV, replay),  # type: ignore[arg-type]
        params=FAST.__class__(**(FAST.__dict__ | {"temperature": 0.0} | params)),
    )


def count(paths: DataPaths, sql: str) -> int:
    connection = sqlite3.connect(paths.database)
    try:
        return int(connection.execute(sql).fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_a_recorded_answer_stands_in_when_the_teacher_server_is_stopped(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    tmp_path: Path,
) -> None:
    process, url = start_llama_server(bundled_model, tmp_path / "server.log")
    try:
        window = open_window(data_paths, [local_slot("Base"), teacher(url)])
        window.prompt_edit.setPlainText(PROMPT)
        window.run_prompt()
        wait_idle(qtbot, window)
        live = window.columns[1]
        assert live.state == Status.DONE and live.answer.text
        recorded = live.answer.text
    finally:
        stop_llama_server(process)
    qtbot.waitUntil(lambda: count(data_paths, "SELECT COUNT(*) FROM teacher_recordings") == 1)

    # The server is gone: the same question and settings replay the recording, labelled.
    window.prompt_edit.setPlainText(PROMPT)
    window.run_prompt()
    wait_idle(qtbot, window)
    replayed = window.columns[1]
    assert replayed.state == Status.DONE and replayed.answer.text == recorded
    assert "Recorded answer from" in replayed.note_label.text()
    assert "could not be reached" in replayed.note_label.text()
    close_window(qtbot, window)
    store = Store(data_paths.database)
    try:
        rows = store.item(store.item_ids(str(store.latest_session_id()))[-1])["responses"]
        assert rows[1]["extra"]["replayed_from"] and "Can't reach" in rows[1]["extra"]["live_error"]
        assert count(data_paths, "SELECT COUNT(*) FROM teacher_recordings") == 1  # not re-recorded
    finally:
        store.close()

    # Other settings have no recording: the plain "can't reach" message, nothing made up.
    reopened = open_window(data_paths, [local_slot("Base"), teacher(url, seed=7)])
    reopened.prompt_edit.setPlainText(PROMPT)
    reopened.run_prompt()
    wait_idle(qtbot, reopened)
    assert reopened.columns[1].state == Status.FAILED
    assert "Can't reach the teacher" in reopened.columns[1].error_label.text()


def test_a_demo_pack_carries_recordings_to_another_laptop(
    inference: Any,
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    scripted_teacher: Any,
    tmp_path: Path,
    bundled_model: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(KEY_ENV, SECRET)
    url = scripted_teacher(["Canberra is the capital ", "of Australia."])
    window = open_window(data_paths, [local_slot("Base"), teacher(url)])
    window.prompt_edit.setPlainText(PROMPT)
    window.run_prompt()
    wait_idle(qtbot, window)
    close_window(qtbot, window)
    pack = tmp_path / "demo-pack.json"
    store = Store(data_paths.database)
    try:
        assert export_demo_pack(store, pack, store.latest_session_id()) == 1
    finally:
        store.close()
    document = json.loads(pack.read_text("utf-8"))
    assert [r["text"] for r in document["recordings"]] == ["Canberra is the capital of Australia."]
    written = [pack, *(f for f in data_paths.root.rglob("*") if f.suffix != ".gguf")]
    for path in written:  # the key went to the teacher and is kept nowhere: db, settings, logs
        if path.is_file():
            assert SECRET.encode() not in path.read_bytes(), path

    other = DataPaths(tmp_path / "other-laptop").create()
    other_store = Store(other.database)
    try:
        assert import_demo_pack(other_store, pack) == 1
        assert import_demo_pack(other_store, pack) == 0  # importing twice adds nothing
        broken = tmp_path / "broken.json"
        for content, reason in [
            ("{not json", "not readable JSON"),
            ('{"format": "something-else"}', "not an Imitation Lens demo pack"),
            (
                '{"format": "imitation-lens-demo-pack", "format_version": 1, '
                '"recordings": [{"prompt": "Q"}]}',
                "damaged",
            ),
        ]:
            broken.write_text(content, "utf-8")
            with pytest.raises(DemoPackError, match=reason):
                import_demo_pack(other_store, broken)
        assert other_store.db.table("teacher_recordings").count == 1
    finally:
        other_store.close()

    # On the offline laptop, "always replay" answers from the pack with nothing listening.
    os_link = other.models / bundled_model.name
    os_link.hardlink_to(bundled_model)
    offline = open_window(other, [local_slot("Base"), teacher("http://127.0.0.1:9/v1", "always")])
    offline.prompt_edit.setPlainText(PROMPT)
    offline.run_prompt()
    wait_idle(qtbot, offline)
    assert offline.columns[1].answer.text == "Canberra is the capital of Australia."
    assert "Recorded answer from" in offline.columns[1].note_label.text()


def test_odd_demo_packs_are_refused_or_read_plainly(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    try:
        entry = {
            "prompt": "Q",
            "model": "m",
            "params_key": "{}",
            "text": "A",
            "recorded_at": "2026-11-29T10:00:00+01:00",
        }
        pack = {"format": "imitation-lens-demo-pack", "format_version": 1, "recordings": [entry]}
        with_bom = tmp_path / "bom.json"
        with_bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(pack).encode())
        assert import_demo_pack(store, with_bom) == 1  # saved by a Windows editor: fine
        [row] = store.db.query("SELECT recorded_at FROM teacher_recordings")
        assert row["recorded_at"] == "2026-11-29T09:00:00.000+00:00"  # kept in UTC, sortable
        far = tmp_path / "far.json"
        far.write_text(
            json.dumps(
                pack | {"recordings": [entry | {"recorded_at": "9999-12-31T23:59:59-01:00"}]}
            )
        )
        with pytest.raises(DemoPackError, match=r"unreadable date|dated"):
            import_demo_pack(store, far)
        deep = tmp_path / "deep.json"
        deep.write_text("[" * 100_000 + "]" * 100_000)
        with pytest.raises(DemoPackError, match="not readable JSON"):
            import_demo_pack(store, deep)
        assert store.db.table("teacher_recordings").count == 1
    finally:
        store.close()
