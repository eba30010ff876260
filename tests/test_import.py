"""Importing session exports: the schema, lossless round trips, merging two evaluators' work,
and files that must be refused whole with the database untouched."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest

from imitation_lens.core.exports.formats import FORMATS
from imitation_lens.core.exports.import_reading import check_export, export_schema, schema_path
from imitation_lens.core.exports.import_result import KINDS
from imitation_lens.core.exports.importer import ImportRefused, import_session
from imitation_lens.core.exports.session_json import export_session, session_document, write_json
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.sessions import delete_session
from imitation_lens.core.storage.store import Store, new_id
from session_factory import make_session

TEXT = "Sydney 🇦🇺 is\r\nthe capital, founded in 1788."
OTHER = "Canberra is the capital of Australia."
TABLES = ("sessions", "items", "responses", "marks", "judgements", "verdicts", "item_progress")


def _store(path: Path, evaluator: str) -> Store:
    store = Store(path)
    store.set_setting("evaluator_name", evaluator)
    return store


def _judged_session(store: Store) -> str:
    """A blind session through the real core API: a reference item judged in both phases (with
    a mark deleted in phase 2), and an item without reference, revealed by its verdict."""
    session_id = store.create_session(
        "Capitals", [{"role": "Base"}, {"role": "Imitator"}], blind=True, blind_seed=7
    )
    for item_id, prompt, reference in (
        ("I1", "Capital of Australia?", "Canberra"),
        ("I2", "2+2?", ""),
    ):
        store.add_item(
            session_id,
            item_id,
            prompt,
            [
                {"id": f"{item_id}-R0", "slot_index": 0, "role": "Base", "kind": "local"},
                {"id": f"{item_id}-R1", "slot_index": 1, "role": "Imitator", "kind": "local"},
            ],
            reference=reference,
            reference_source="an atlas" if reference else "",
            shown_order=[1, 0],
        )
        facts = {"tokens_out": 9, "ttft_ms": 120.5, "params": {"seed": 4}, "finish": "stop"}
        store.finish_response(f"{item_id}-R0", Status.DONE, TEXT, "", facts)
        store.finish_response(f"{item_id}-R1", Status.DONE, OTHER, "", {"tokens_out": 7})
    notes.insert_mark(store, Mark("M1", "I1-R0", 0, 6, "Sydney", category="wrong_detail"))
    notes.insert_mark(
        store, Mark("M2", "I1-R0", 38, 42, "1788", "unverifiable", "minor", note="no source")
    )
    notes.save_judgement(store, "I1", Judgement("I1-R1", 1, checked_clean=True))
    notes.submit_verdict(store, Verdict("I1", 1, "answer", "I1-R1", 1, "right", [1, 0], True))
    copied = [m for m in notes.marks_for(store, "I1-R0", 2) if m.derived_from == "M2"]
    notes.delete_mark(store, copied[0].id)
    notes.save_judgement(store, "I1", Judgement("I1-R0", 2, critical=True))
    notes.submit_verdict(store, Verdict("I1", 2, "answer", "I1-R1", 1, "ref", [1, 0], True))
    notes.insert_mark(store, Mark("M3", "I2-R1", 0, 8, "Canberra", unsure=True))
    notes.submit_verdict(store, Verdict("I2", 1, "tie", None, None, "", [1, 0], True))
    return session_id


def _dump(store: Store) -> dict[str, list[str]]:
    """Every row of every table (search indexes included), to prove a refused import wrote
    nothing."""
    names = [
        row[0]
        for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(row[0]).startswith("sqlite_")
    ]
    return {
        name: sorted(repr(tuple(row)) for row in store.db.execute(f"SELECT * FROM [{name}]"))
        for name in names
    }


def _counts(store: Store) -> dict[str, int]:
    return {table: store.db.table(table).count for table in TABLES}


def _export(store: Store, session_id: str, path: Path) -> dict[str, Any]:
    export_session(store, session_id, path)
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def _as_imported_by(document: dict[str, Any], importer: str) -> dict[str, Any]:
    """What an export looks like after a round trip through a database whose evaluator, who has
    not worked on the session, is `importer`. These are all the differences:

    - `exported_at` is the time of the new export, and `evaluator` the new exporter's name;
    - each item's `progress` starts with the importer's own, which is at the beginning (phase 1,
      not revealed), followed by everyone else's, ordered by name, as the exporter lists them;
    - the exporter's judgements and verdicts get their name added to their ids (`R1:1` becomes
      `R1:1:ann`): this computer's own keep the ids core/judging/annotations.py gives them, so a
      colleague's can't take them. Both are listed by phase, then id, so with the new ids the
      order within a phase may change.

    Everything else, every fact, text, time, mark and flag, is identical.
    """
    out = copy.deepcopy(document)
    exporter = out.pop("evaluator")
    out.pop("exported_at")
    for item in out["items"]:
        progress = sorted(item["progress"], key=lambda p: p["evaluator"])
        item["progress"] = [{"evaluator": importer, "phase": 1, "revealed_at": None}, *progress]
        for response in item["responses"]:
            for row in response["judgements"]:
                if row["evaluator"] == exporter:
                    row["id"] = f"{row['id']}:{exporter}"
            response["judgements"].sort(key=lambda row: (row["phase"], row["id"]))
        for row in item["verdicts"]:
            if row["evaluator"] == exporter:
                row["id"] = f"{row['id']}:{exporter}"
        item["verdicts"].sort(key=lambda row: (row["phase"], row["id"]))
    return out


def _without_export_facts(document: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in document.items() if k not in ("exported_at", "evaluator")}


# -- the schema ---------------------------------------------------------------------------------


def test_the_schema_is_a_valid_draft_2020_12_schema_found_among_the_resources() -> None:
    assert schema_path() == resource_path("schema", "session-export.schema.json")
    schema = export_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    assert jsonschema_rs.meta.is_valid(schema)


def test_every_export_validates_against_the_schema(tmp_path: Path) -> None:
    store = _store(tmp_path / "a.sqlite3", "ann")
    empty = store.create_session("Nothing yet", [])
    judged = _judged_session(store)
    failed = store.create_session("Teacher down", [{"role": "Teacher"}])
    store.add_item(failed, "F", "Hello?", [{"id": "F0", "slot_index": 0, "kind": "endpoint"}])
    store.finish_response("F0", Status.FAILED, "", "The teacher could not be reached.", {})
    generated = make_session(store, 12, blind=True, evaluators=("", "carol"))
    reference = jsonschema.Draft202012Validator(export_schema())
    for session_id in (empty, judged, failed, generated):
        document = _export(store, session_id, tmp_path / f"{session_id}.json")
        reference.validate(document)  # the reference implementation agrees with ours
        check_export(document)
    marks = _export(store, judged, tmp_path / "judged.json")["items"][0]["responses"][0]["marks"]
    assert [m["deleted_at"] is not None for m in marks] == [False, False, False, True]


# -- round trips --------------------------------------------------------------------------------


def test_a_round_trip_through_a_colleagues_database_keeps_everything(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    for session_id in (_judged_session(ann), make_session(ann, 15, evaluators=("", "carol"))):
        original = _export(ann, session_id, tmp_path / "ann.json")
        bob = _store(tmp_path / f"bob-{session_id}.sqlite3", "bob")
        result = import_session(bob, tmp_path / "ann.json")
        assert result.session_id == session_id and result.evaluator == "ann"
        marks = sum(len(r["marks"]) for item in original["items"] for r in item["responses"])
        assert result.new["sessions"] == 1 and result.new["marks"] == marks > 4
        assert sum(result.conflict_counts.values()) == 0
        again = _export(bob, session_id, tmp_path / "bob.json")
        assert again["evaluator"] == "bob"
        assert _without_export_facts(again) == _as_imported_by(original, "bob")


def test_a_round_trip_under_the_same_name_is_identical_but_for_the_export_time(
    tmp_path: Path,
) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    original = _export(ann, session_id, tmp_path / "ann.json")
    restored = _store(tmp_path / "restored.sqlite3", "ann")
    import_session(restored, tmp_path / "ann.json")
    again = _export(restored, session_id, tmp_path / "again.json")
    assert again["exported_at"] >= original["exported_at"]
    assert {k: v for k, v in again.items() if k != "exported_at"} == {
        k: v for k, v in original.items() if k != "exported_at"
    }
    # Our own annotations came back as ours: the judging view sees them.
    assert [m.id for m in notes.marks_for(restored, "I2-R1", 1)] == ["M3"]
    assert restored.item("I1")["phase"] == 2


def test_importing_the_same_file_twice_changes_nothing(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = make_session(ann, 20, evaluators=("", "carol"), blind=True)
    export_session(ann, session_id, tmp_path / "ann.json")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    first = import_session(bob, tmp_path / "ann.json")
    before = _dump(bob)
    second = import_session(bob, tmp_path / "ann.json")
    assert _dump(bob) == before
    assert not second.changed and sum(second.new.values()) == 0
    assert second.already_there == first.new
    assert "Nothing new" in second.summary()
    # Into the database it came from, it is all already there too.
    before = _dump(ann)
    back = import_session(ann, tmp_path / "ann.json")
    assert _dump(ann) == before and not back.changed
    assert sum(back.conflict_counts.values()) == 0


def test_text_with_a_nul_character_is_kept_as_data(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = ann.create_session("Odd bytes", [])
    ann.add_item(session_id, "I", "Say \x00?", [{"id": "R", "slot_index": 0}])
    ann.finish_response("R", Status.DONE, "a\x00b 😀 c", "", {})
    notes.insert_mark(ann, Mark("M", "R", 4, 5, "😀"))
    original = _export(ann, session_id, tmp_path / "ann.json")
    assert "\\u0000" in (tmp_path / "ann.json").read_text("utf-8")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    import_session(bob, tmp_path / "ann.json")
    assert bob.db.execute("SELECT text FROM responses").fetchone()[0] == "a\x00b 😀 c"
    again = _export(bob, session_id, tmp_path / "bob.json")
    assert _without_export_facts(again) == _as_imported_by(original, "bob")


# -- two evaluators -----------------------------------------------------------------------------


def test_two_evaluators_judge_the_same_answers_and_merge(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    ann_counts = _counts(ann)
    export_session(ann, session_id, tmp_path / "from-ann.json")

    bob = _store(tmp_path / "bob.sqlite3", "bob")
    import_session(bob, tmp_path / "from-ann.json")
    # Bob judges the same answers from scratch, on his own progress (phase 1, not revealed).
    assert bob.item("I1")["phase"] == 1 and bob.item("I2")["revealed_at"] is None
    assert notes.marks_for(bob, "I1-R0", 1) == []
    notes.insert_mark(bob, Mark(new_id(), "I1-R0", 0, 6, "Sydney", category="wrong_claim"))
    notes.insert_mark(bob, Mark(new_id(), "I1-R1", 0, 8, "Canberra", severity="minor"))
    notes.save_judgement(bob, "I1", Judgement("I1-R1", 1, off_topic=True))
    notes.submit_verdict(bob, Verdict("I1", 1, "answer", "I1-R0", 2, "bold", [1, 0], True))
    notes.save_judgement(bob, "I1", Judgement("I1-R1", 2, critical=True))
    notes.submit_verdict(bob, Verdict("I1", 2, "all_bad", None, None, "", [1, 0], True))
    notes.insert_mark(bob, Mark(new_id(), "I2-R1", 9, 11, "is", category="reasoning"))
    # Ann's judgement of the same answer and phase is untouched by Bob's.
    ann_judgement = bob.db.table("judgements").get("I1-R1:1:ann")
    assert (ann_judgement["checked_clean"], ann_judgement["off_topic"]) == (1, 0)
    assert notes.judgement_for(bob, "I1-R1", 1) == Judgement("I1-R1", 1, off_topic=True)
    export_session(bob, session_id, tmp_path / "from-bob.json")

    result = import_session(ann, tmp_path / "from-bob.json")
    # Bob's 3 marks and the 2 copied into phase 2 on his reveal; 1 judgement saved, and on the
    # reveal one per answer of the item in phase 2 (one then changed); 2 verdicts; his progress
    # on 2 items.
    assert result.new == {
        "sessions": 0,
        "items": 0,
        "responses": 0,
        "marks": 5,
        "judgements": 3,
        "verdicts": 2,
        "progress": 2,
    }
    assert result.already_there["marks"] == ann_counts["marks"]
    assert sum(result.conflict_counts.values()) == 0
    assert "Added 5 marks, 3 judgements and 2 verdicts from bob's export" in result.summary()
    by_evaluator = dict(
        ann.db.execute("SELECT evaluator, COUNT(*) FROM marks GROUP BY evaluator").fetchall()
    )
    assert by_evaluator == {"": ann_counts["marks"], "bob": 5}
    on_sydney = ann.db.execute(
        "SELECT evaluator, category FROM marks WHERE response_id = 'I1-R0' AND start = 0 "
        "AND phase = 1 ORDER BY evaluator"
    ).fetchall()
    assert on_sydney == [("", "wrong_detail"), ("bob", "wrong_claim")]
    assert ann.db.table("judgements").count == ann_counts["judgements"] + 3
    assert ann.db.table("verdicts").count == ann_counts["verdicts"] + 2
    progress = ann.db.execute(
        "SELECT id, evaluator, phase, revealed_at IS NOT NULL FROM item_progress ORDER BY id"
    ).fetchall()
    assert progress == [("I1:bob", "bob", 2, 1), ("I2:bob", "bob", 1, 0)]
    # Ann's own view is still only hers.
    assert [m.id for m in notes.marks_for(ann, "I2-R1", 1)] == ["M3"]
    assert ann.item("I1")["phase"] == 2
    # Her export now carries both, and validates.
    both = _export(ann, session_id, tmp_path / "both.json")
    check_export(both)
    assert [p["evaluator"] for p in both["items"][0]["progress"]] == ["ann", "bob"]


def test_a_colleagues_later_changes_replace_their_old_copies_but_never_ours(
    tmp_path: Path,
) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    export_session(ann, session_id, tmp_path / "from-ann.json")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    import_session(bob, tmp_path / "from-ann.json")
    mark = Mark("B1", "I2-R0", 0, 6, "Sydney", severity="minor")
    notes.insert_mark(bob, mark)
    export_session(bob, session_id, tmp_path / "from-bob.json")
    assert import_session(ann, tmp_path / "from-bob.json").new["marks"] == 1

    assert ann.db.table("item_progress").get("I2:bob")["revealed_at"] is None

    # Bob changes his mark and gives his verdict; Ann changes hers; Bob exports again.
    notes.update_mark(bob, mark.with_changes(severity="major", note="Misleading"))
    notes.submit_verdict(bob, Verdict("I2", 1, "answer", "I2-R1", 1, "", [1, 0], True))
    notes.update_mark(ann, Mark("M3", "I2-R1", 0, 8, "Canberra", note="Ann, later"))
    export_session(bob, session_id, tmp_path / "from-bob-2.json")
    result = import_session(ann, tmp_path / "from-bob-2.json")
    assert result.updated["marks"] == 1 and result.new["verdicts"] == 1
    assert result.updated["progress"] == 1 and sum(result.conflict_counts.values()) == 0
    assert ann.db.table("marks").get("B1")["note"] == "Misleading"
    assert ann.db.table("marks").get("M3")["note"] == "Ann, later"  # older copy, not applied
    assert ann.db.table("item_progress").get("I2:bob")["revealed_at"] is not None


# -- conflicts ----------------------------------------------------------------------------------


def test_the_same_id_with_different_content_keeps_this_computers_row(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    document = _export(ann, session_id, tmp_path / "ann.json")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    import_session(bob, tmp_path / "ann.json")

    changed = copy.deepcopy(document)
    changed["session"]["title"] = "Renamed elsewhere"
    changed["items"][0]["responses"][0]["tokens_out"] = 99  # a fact: the answer still fits
    changed["items"][0]["responses"][0]["marks"][0]["note"] = "edited, same time"
    changed["items"][1]["prompt"] = "Another question entirely"  # the whole item is skipped
    (tmp_path / "changed.json").write_text(json.dumps(changed), "utf-8")
    before = _dump(bob)
    result = import_session(bob, tmp_path / "changed.json")
    assert _dump(bob) == before
    assert result.conflict_counts == {
        "sessions": 1,
        "items": 1,
        "responses": 3,  # the changed answer, and item 2's two
        "marks": 2,  # the edited mark, and item 2's one
        "judgements": 0,
        "verdicts": 1,  # item 2's
        "progress": 1,  # ann's progress on item 2
    }
    assert not result.changed and len(result.conflicts) == 4
    assert "Item 2 has the id of a different question here" in " ".join(result.conflicts)
    assert "this computer's copy was kept" in result.summary()


def test_answer_facts_this_version_has_no_column_for_are_kept(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    document = _export(ann, session_id, tmp_path / "ann.json")
    document["items"][0]["responses"][0]["gpu_seconds"] = 1.5  # from a newer app, say
    (tmp_path / "newer.json").write_text(json.dumps(document), "utf-8")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    import_session(bob, tmp_path / "newer.json")
    assert bob.item("I1")["responses"][0]["extra"] == {"finish": "stop", "gpu_seconds": 1.5}
    assert not import_session(bob, tmp_path / "newer.json").changed


def test_importing_a_deleted_session_brings_it_back(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = _judged_session(ann)
    export_session(ann, session_id, tmp_path / "ann.json")
    delete_session(ann, session_id)
    assert ann.sessions() == []
    result = import_session(ann, tmp_path / "ann.json")
    assert result.updated["sessions"] == 1 and [s["id"] for s in ann.sessions()] == [session_id]


# -- refused files ------------------------------------------------------------------------------


def _valid_document(tmp_path: Path) -> dict[str, Any]:
    source = _store(tmp_path / "source.sqlite3", "ann")
    return _export(source, _judged_session(source), tmp_path / "source.json")


def _edited(change: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], bytes]:
    def make(document: dict[str, Any]) -> bytes:
        change(document)
        return json.dumps(document, ensure_ascii=False).encode()

    return make


def _answer(document: dict[str, Any]) -> dict[str, Any]:
    answer: dict[str, Any] = document["items"][0]["responses"][0]
    return answer


def _no_constant(name: str) -> Any:
    raise ValueError(name)


def _params(value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda d: _answer(d).__setitem__("params", value)


def _same_batch_place(document: dict[str, Any]) -> None:
    for item in document["items"]:
        item.update(batch_id="B", batch_position=1)


HOSTILE: list[tuple[str, Callable[[dict[str, Any]], bytes], str]] = [
    ("empty", lambda d: b"", "the file is empty"),
    ("not JSON", lambda d: b"Sydney is the capital.", "it is not valid JSON (line 1, column 1"),
    ("not UTF-8", lambda d: b'{"format": "\xff"}', "byte 13 is not UTF-8 text"),
    ("truncated", lambda d: json.dumps(d).encode()[:5000], "the file looks cut short"),
    ("a list", lambda d: b"[1, 2]", "it is not a session export"),
    (
        "another format",
        _edited(lambda d: d.__setitem__("format", "imitation-lens-demo-pack")),
        "not an Imitation Lens session export (its format is “imitation-lens-demo-pack”)",
    ),
    (
        "a future version",
        _edited(lambda d: d.__setitem__("format_version", 4)),
        "written by a newer Imitation Lens (export format 4; this app reads format 3)",
    ),
    (
        "an older version",
        _edited(lambda d: d.__setitem__("format_version", 2)),
        "in the older export format 2",
    ),
    (
        "a missing field",
        _edited(lambda d: _answer(d).pop("text")),
        "item 1, answer 1: 'text' is missing.",
    ),
    (
        "a wrong type",
        _edited(lambda d: _answer(d)["marks"][0].__setitem__("start", "0")),
        "item 1, answer 1, mark 1: 'start' must be a whole number.",
    ),
    (
        "a true for a flag",
        _edited(lambda d: _answer(d)["judgements"][0].__setitem__("critical", True)),
        "item 1, answer 1, judgement 1: 'critical' must be 0 or 1.",
    ),
    (
        "an unknown status",
        _edited(lambda d: d["items"][1]["responses"][1].__setitem__("status", "finished")),
        "item 2, answer 2: 'status' must be one of: queued, loading, thinking, streaming, done,"
        " stopped, failed, interrupted (it is “finished”).",
    ),
    (
        "an unknown field",
        _edited(lambda d: d["items"][1]["verdicts"][0].__setitem__("colour", "red")),
        "item 2, verdict 1: 'colour' is not a field this app knows.",
    ),
    (
        "a mark on an answer that is not in the file",
        _edited(lambda d: _answer(d)["marks"][1].__setitem__("response_id", "elsewhere")),
        "item 1, answer 1, mark 2: it points to answer 'elsewhere', not in this file.",
    ),
    (
        "a mark listed under the wrong answer",
        _edited(lambda d: _answer(d)["marks"][0].__setitem__("response_id", "I2-R1")),
        "item 1, answer 1, mark 1: it points to answer 'I2-R1' but is listed under answer",
    ),
    (
        "a mark past the end of its answer",
        _edited(lambda d: _answer(d)["marks"][0].__setitem__("end", 500)),
        "it spans characters 0 to 500, which do not fit the answer (43 characters)",
    ),
    (
        "two marks with one id",
        _edited(lambda d: _answer(d)["marks"][1].__setitem__("id", "M1")),
        "item 1, answer 1, mark 2: it has the same id as item 1, answer 1, mark 1.",
    ),
    (
        "a verdict for an answer of another item",
        _edited(lambda d: d["items"][0]["verdicts"][0].__setitem__("preferred_response_id", "X")),
        "item 1, verdict 1: the chosen answer 'X' is not in this item.",
    ),
    (
        "a nameless evaluator",
        _edited(lambda d: _answer(d)["marks"][0].__setitem__("evaluator", "")),
        "'evaluator' must be an evaluator's name",
    ),
    (
        "a control character in an id",
        _edited(lambda d: d["items"][0].__setitem__("id", "I1\n; DROP TABLE items")),
        "item 1: 'id' must be an identifier: 1 to 200 characters, no control characters.",
    ),
    (
        "a number too large for the database",
        _edited(lambda d: d["items"][0].__setitem__("position", 2**70)),
        "item 1: 'position' must be at most 9007199254740991.",
    ),
    (
        "deeply nested junk in the answer's facts",
        _edited(_params(json.loads("[" * 100 + "]" * 100))),
        "it is nested more than 64 levels deep.",
    ),
    ("absurdly deep nesting", lambda d: b"[" * 200_000 + b"]" * 200_000, "nested far too deeply"),
    (
        "NaN",
        lambda d: json.dumps(d).replace('"ttft_ms": 120.5', '"ttft_ms": NaN').encode(),
        "NaN is not a number JSON allows",
    ),
    (
        "an answer that is not a group of fields",
        _edited(lambda d: d["items"][0]["responses"].__setitem__(0, "x")),
        "item 1, answer 1: it must be a group of named fields.",
    ),
    (
        "a speed too large for the database",
        _edited(lambda d: _answer(d).__setitem__("tokens_per_second", 2**63)),
        "item 1, answer 1: it holds a number too large to store.",
    ),
    (
        "a negative time to the first word",
        _edited(lambda d: _answer(d).__setitem__("ttft_ms", -5)),
        "item 1, answer 1: 'ttft_ms' must be a number from 0 to",
    ),
    (
        "a lineup slot whose source is text",
        _edited(lambda d: d["session"]["lineup"][0].__setitem__("source", "/models/x.gguf")),
        "the session's lineup, slot 1: what runs there ('source') must be a group of settings.",
    ),
    (
        "a longest answer of 'lots'",
        _edited(lambda d: d["session"]["lineup"][1].__setitem__("params", {"max_tokens": "lots"})),
        "slot 2: 'max_tokens' must be a whole number from 1 to 32,768 (it is “lots”).",
    ),
    (
        "an unknown prompt mode",
        _edited(lambda d: d["session"]["lineup"][0].__setitem__("source", {"prompt_mode": "x"})),
        "'prompt_mode' must be one of: auto, completion, chat, teacher-style (it is “x”).",
    ),
    (
        "a mark counted in UTF-16 units (the flag emoji is 2 code points, 4 units)",
        # "is" is at code points 10 to 12, after the flag; in UTF-16 units, 12 to 14.
        _edited(lambda d: _answer(d)["marks"][1].update(start=12, end=14, quote="is")),
        "item 1, answer 1, mark 2: its quote “is” is not the text at characters 12 to 14 (“??”).",
    ),
    (
        "a quote in NFD",
        _edited(lambda d: _answer(d)["marks"][0].__setitem__("quote", "Syd́ney")),
        "mark 1: its quote “Syd́ney” is not the text at characters 0 to 6 (“Sydney”).",
    ),
    (
        "two questions at one place in a batch",
        _edited(_same_batch_place),
        "item 2: it has the same place in its batch (1) as item 1.",
    ),
    (
        "an impossible date",
        _edited(lambda d: _answer(d).__setitem__("ended_at", "2026-13-45T99:99:99garbage")),
        "item 1, answer 1: 'ended_at' is not a real date and time (it is “2026-13-45T99:99:99gar",
    ),
    (
        "a time without its time zone",
        _edited(lambda d: d["items"][1].__setitem__("created_at", "2026-11-29T10:00:00")),
        "item 2: 'created_at' does not say its time zone",
    ),
    (
        "the year 9999",
        _edited(lambda d: d["session"].__setitem__("created_at", "9999-01-01T00:00:00+00:00")),
        "the session: 'created_at' is in the year 9999, which no session can be from.",
    ),
    (
        "a lone surrogate",
        lambda d: json.dumps(d).replace("Sydney", "Syd\\ud800ney", 1).encode(),
        "not valid Unicode",
    ),
]


@pytest.mark.parametrize(
    ("content", "expected"), [(m, e) for _, m, e in HOSTILE], ids=[n for n, _, _ in HOSTILE]
)
def test_a_bad_file_is_refused_whole_and_nothing_changes(
    tmp_path: Path, content: Callable[[dict[str, Any]], bytes], expected: str
) -> None:
    document = _valid_document(tmp_path)
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    make_session(bob, 3, evaluators=("", "carol"))  # something to leave untouched
    path = tmp_path / "bad.json"
    path.write_bytes(content(document))
    before = _dump(bob)
    with pytest.raises(ImportRefused) as refused:
        import_session(bob, path)
    message = str(refused.value)
    assert message.startswith("bad.json was not imported: ") and expected in message
    assert message.endswith("Nothing was changed.")
    assert "must be One" not in message and "Error" not in message  # no schema or Python words
    assert _dump(bob) == before


def test_both_validators_read_the_schema_alike_and_we_accept_nothing_it_refuses(
    tmp_path: Path,
) -> None:
    reference = jsonschema.Draft202012Validator(export_schema())
    fast = jsonschema_rs.validator_for(export_schema())
    valid = _valid_document(tmp_path)
    for name, content, _ in HOSTILE:
        try:
            document = json.loads(content(copy.deepcopy(valid)), parse_constant=_no_constant)
        except (ValueError, RecursionError):
            continue  # not JSON: refused before any schema is consulted
        if name in ("a lone surrogate", "deeply nested junk in the answer's facts"):
            continue  # refused before the schema too
        schema_says = reference.is_valid(document)
        assert fast.is_valid(document) == schema_says, name
        try:
            check_export(document)
        except ImportRefused:
            continue
        assert schema_says, name


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    document = _valid_document(tmp_path)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(document), "utf-8")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    with pytest.raises(ImportRefused, match=r"more than the 2 KB allowed\. Nothing was changed"):
        import_session(bob, path, max_bytes=2048)
    assert _counts(bob) == dict.fromkeys(TABLES, 0)
    assert import_session(bob, path).new["sessions"] == 1  # the default limit is 200 MB


def test_a_failure_while_writing_rolls_back_the_whole_import(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    export_session(ann, make_session(ann, 5), tmp_path / "ann.json")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    # The last table written refuses: everything written before it must go too.
    bob.db.execute(
        "CREATE TRIGGER refuse BEFORE INSERT ON verdicts BEGIN SELECT RAISE(ABORT, 'full'); END"
    )
    before = _dump(bob)
    with pytest.raises(ImportRefused, match="does not fit the data here"):
        import_session(bob, tmp_path / "ann.json")
    assert _dump(bob) == before
    assert not bob.db.conn.in_transaction


def test_the_result_counts_every_kind(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    export_session(ann, make_session(ann, 10, answers=2, marks_per_answer=4), tmp_path / "a.json")
    result = import_session(_store(tmp_path / "bob.sqlite3", "bob"), tmp_path / "a.json")
    assert set(result.new) == set(KINDS)
    assert result.new == {
        "sessions": 1,
        "items": 10,
        "responses": 20,
        "marks": ann.db.table("marks").count,
        "judgements": ann.db.table("judgements").count,
        "verdicts": ann.db.table("verdicts").count,
        "progress": 10,
    }


# -- model files named without the evaluator's folders (issue 13, item 9) ------------------------


def test_shared_files_name_model_files_without_the_evaluators_folders(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = make_session(ann, 3, answers=3)
    home = "/home/ann.smith/private models/"
    ann.db.execute("UPDATE responses SET model_path = ? || model_file", [home])
    lineup = ann.session(session_id)["lineup"]
    lineup[0]["source"]["path"] = home + "slot-0.gguf"
    lineup[1]["source"]["path"] = "C:\\Users\\ann.smith\\models\\slot-1.gguf"
    ann.set_session_lineup(session_id, lineup)
    document = session_document(ann, session_id)
    for export_format in FORMATS:
        text = export_format.write(document, tmp_path / f"s{export_format.suffix}").read_text()
        assert "ann.smith" not in text and "private models" not in text, export_format.name
    answers = [r for item in document["items"] for r in item["responses"]]
    assert {r["model_path"] for r in answers if r["kind"] == "local"} == {
        "slot-0.gguf",
        "slot-1.gguf",
    }
    paths = [slot["source"].get("path") for slot in document["session"]["lineup"]]
    assert paths == ["slot-0.gguf", "slot-1.gguf", None]  # the third runs on an endpoint
    # Back into the database it came from: the same session, nothing in conflict.
    write_json(document, tmp_path / "shared.json")
    back = import_session(ann, tmp_path / "shared.json")
    assert not back.changed and sum(back.conflict_counts.values()) == 0


def test_an_older_export_with_full_model_paths_still_imports(tmp_path: Path) -> None:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    session_id = make_session(ann, 3, answers=2)
    older = session_document(ann, session_id)
    for item in older["items"]:
        for response in item["responses"]:
            response["model_path"] = "/home/ann/models/" + response["model_file"]
    older["session"]["lineup"][0]["source"]["path"] = "/home/ann/models/slot-0.gguf"
    write_json(older, tmp_path / "older.json")
    bob = _store(tmp_path / "bob.sqlite3", "bob")
    assert import_session(bob, tmp_path / "older.json").new["responses"] == 6
    assert session_document(bob, session_id)["session"]["lineup"][0]["source"]["path"] == (
        "slot-0.gguf"
    )
    stored = {row[0] for row in bob.db.execute("SELECT model_path FROM responses")}
    assert stored == {"slot-0.gguf", "slot-1.gguf"}
    # Into ann's own database, where the full paths are: already there, not a conflict.
    again = import_session(ann, tmp_path / "older.json")
    assert not again.changed and sum(again.conflict_counts.values()) == 0
