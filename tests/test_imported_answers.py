"""A set whose file gives the answers (Alpaca's output, ShareGPT's reply) fills the teacher
column with them (core/batches/queued.py): written as done, named after the set and its
licence, never asked of a model or kept as a recorded answer; the other columns still answer."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from imitation_lens.core.analysis.evaluator_view import item_view
from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.prompt_sets import SetItem, find_prompt_set, save_prompt_set
from imitation_lens.core.batches.queued import batch_summary, cancel_unstarted, create_batch
from imitation_lens.core.exports.csv_tables import answer_rows
from imitation_lens.core.exports.import_reading import check_export
from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.markdown_doc import markdown_document
from imitation_lens.core.exports.session_json import export_session, session_document
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.storage.store import Store
from test_batch import Watcher, answers, finish, start_run

FIXTURES = Path(__file__).parent / "data" / "formats"
OUTPUTS = [
    "1.Eat a balanced diet and make sure to include plenty of fruits and vegetables. \n"
    "2. Exercise regularly to keep your body active and strong. \n"
    "3. Get enough sleep and maintain a consistent sleep schedule.",
    "The three primary colors are red, blue, and yellow.",
    "Telegram",
]
WHO = "the imported set “Alpaca data”, licence CC BY-NC 4.0"


def _alpaca(store: Store) -> Any:
    """The Alpaca fixture as the evaluator gets it: imported, kept, then chosen for a batch."""
    imported = read_question_file(FIXTURES / "alpaca_data.json")
    save_prompt_set(store, imported)
    kept = find_prompt_set(store, imported.id)
    assert kept is not None and kept.name == "Alpaca data"
    return kept


def test_a_batch_on_alpaca_takes_the_teachers_answers_from_the_file_and_asks_the_others(
    inference: Any, data_paths: DataPaths
) -> None:
    store = Store(data_paths.database)
    try:
        # The demo lineup of a first start: base, imitator and a stand-in teacher, all local.
        lineup = [slot.with_params(max_tokens=12) for slot in default_lineup({})]
        assert [slot.role for slot in lineup] == ["Base", "Imitator", "Teacher"]
        session_id = store.create_session("alpaca", [s.to_dict() for s in lineup])
        batch_id = create_batch(store, session_id, _alpaca(store), lineup)
        watcher = Watcher()
        finish(start_run(data_paths, batch_id, lineup, watcher), watcher)

        assert watcher.last.state == "finished" and watcher.last.failed == 0
        rows = answers(store, batch_id)
        teacher = [r for r in rows if r["role"] == "Teacher"]
        others = [r for r in rows if r["role"] != "Teacher"]
        assert [r["text"] for r in teacher] == OUTPUTS
        for row in teacher:
            assert (row["status"], row["kind"], row["model_name"]) == ("done", "imported", WHO)
            assert row["note"] == f"Answer given by {WHO}; not asked of any model."
            assert not row["model_file"] and not row["endpoint_model"]
            assert row["tokens_out"] is None and row["tokens_per_second"] is None
        assert len(others) == 6 and {r["status"] for r in others} == {"done"}
        assert all(r["kind"] == "local" and r["text"].strip() for r in others)
        if inference is not None:  # scripted: the teacher's questions never reached a model
            assert len(inference.prompts) == 6
        # Not a recording: it would replay later as the teacher model's own answer.
        assert store.db.table("teacher_recordings").count == 0
        # No speed is credited to the teacher: it wrote nothing here.
        assert {s.role for s in watcher.last.speeds if s.tokens_per_second} <= {"Base", "Imitator"}

        # Every export says where the teacher's answers came from.
        document = session_document(store, session_id)
        markdown = markdown_document(document)
        assert markdown.count(f"### Teacher · {WHO}") == 3
        assert markdown.count("### Base") == 3
        assert {r["model"] for r in answer_rows(document) if r["role"] == "Teacher"} == {WHO}
        assert "- Question sets: Alpaca data (licence CC BY-NC 4.0)" in markdown
        target = export_session(store, session_id, data_paths.root / "alpaca.json")
        exported = json.loads(target.read_text("utf-8"))
        check_export(exported)
        assert {i["set_licence"] for i in exported["items"]} == {"CC BY-NC 4.0"}
        # An import keeps the set's name and licence on each question (lossless).
        other = Store(data_paths.root / "other.sqlite3")
        try:
            import_session(other, target)
            again = other.item(exported["items"][0]["id"])
            assert (again["set_name"], again["set_licence"]) == ("Alpaca data", "CC BY-NC 4.0")
            assert again["responses"][2]["model_name"] == WHO
            assert import_session(other, target).conflicts == []
        finally:
            other.close()
        assert batch_summary(store, batch_id).answered == 3
        view = item_view(document["items"][2], document["evaluator"])
        assert [a.role for a in view.answers] == ["Base", "Imitator", "Teacher"]
    finally:
        store.close()


def test_cancelling_before_any_model_answered_removes_the_questions_with_the_sets_answers(
    data_paths: DataPaths,
) -> None:
    store = Store(data_paths.database)
    try:
        lineup = default_lineup({})
        session_id = store.create_session("alpaca", [s.to_dict() for s in lineup])
        batch_id = create_batch(store, session_id, _alpaca(store), lineup)
        assert {r["status"] for r in answers(store, batch_id) if r["role"] == "Teacher"} == {"done"}
        # The file's answers were never asked: the questions are unstarted, and go.
        cancel_unstarted(store, batch_id)
        assert answers(store, batch_id) == []
        assert store.db.table("batches").get(batch_id)["item_count"] == 0
    finally:
        store.close()


def test_only_the_teacher_column_takes_the_files_answer(data_paths: DataPaths) -> None:
    store = Store(data_paths.database)
    try:
        lineup = [slot for slot in default_lineup({}) if slot.role != "Teacher"]
        session_id = store.create_session("no teacher", [s.to_dict() for s in lineup])
        batch_id = create_batch(store, session_id, _alpaca(store), lineup)
        rows = answers(store, batch_id)
        assert len(rows) == 6 and {r["status"] for r in rows} == {"queued"}
        assert all(not r["text"] and r["kind"] == "local" for r in rows)
    finally:
        store.close()


def test_sharegpt_replies_fill_the_teacher_column_and_a_question_without_one_is_asked(
    data_paths: DataPaths,
) -> None:
    store = Store(data_paths.database)
    try:
        read = read_question_file(FIXTURES / "sharegpt_conversations.json")
        assert read.licence == ""  # ShareGPT dumps state none: the label says no licence
        with_gap = replace(read, items=(*read.items, SetItem("A question with no reply?")))
        lineup = default_lineup({})
        session_id = store.create_session("sharegpt", [s.to_dict() for s in lineup])
        batch_id = create_batch(store, session_id, with_gap, lineup)
        teacher = [r for r in answers(store, batch_id) if r["role"] == "Teacher"]
        assert [r["status"] for r in teacher] == ["done", "done", "queued"]
        assert teacher[1]["text"].startswith("Use my_list.reverse()")
        assert teacher[0]["model_name"] == "the imported set “Sharegpt conversations”"
        assert teacher[2]["kind"] == "local" and not teacher[2]["model_name"]
        assert batch_summary(store, batch_id).pending == 3 * 2 + 1
    finally:
        store.close()
