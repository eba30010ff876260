"""The annotation core: marks keep their history, judgements, verdicts and the two phases."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import sqlite_utils

from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict, mark_problem
from imitation_lens.core.judging.blind import identity_clues, shown_order
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.migrations import MIGRATIONS, SCHEMA_VERSION
from imitation_lens.core.storage.store import Store

TEXT = "Canberra 🇦🇺 is\r\nthe capital."


def _store(path: Path, reference: str = "") -> Store:
    store = Store(path)
    store.create_session("s", [], session_id="S")
    store.add_item(
        "S",
        "I",
        "Capital of Australia?",
        [
            {"id": "R0", "slot_index": 0, "role": "Base", "kind": "local"},
            {"id": "R1", "slot_index": 1, "role": "Imitator", "kind": "local"},
        ],
        reference=reference,
        reference_source="an atlas" if reference else "",
        shown_order=[1, 0],
    )
    for response_id in ("R0", "R1"):
        store.finish_response(response_id, Status.DONE, TEXT, "", {})
    return store


def _row(store: Store, mark_id: str) -> dict[str, object]:
    return dict(store.db.table("marks").get(mark_id))


def test_a_mark_is_edited_deleted_and_restored_without_losing_its_history(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "db.sqlite3")
    mark = Mark("M", "R0", 0, 8, TEXT[:8], category="wrong_detail", severity="minor")
    notes.insert_mark(store, mark)
    created = _row(store, "M")["created_at"]
    notes.update_mark(store, mark.with_changes(severity="major", note="It is right, actually"))
    row = _row(store, "M")
    assert (row["severity"], row["note"], row["created_at"]) == (
        "major",
        "It is right, actually",
        created,
    )
    assert str(row["updated_at"]) >= str(created)
    notes.delete_mark(store, "M")
    assert _row(store, "M")["deleted_at"]  # still there, marked deleted
    assert notes.marks_for(store, "R0", 1) == []
    assert [m["id"] for m in store.marks("R0", include_deleted=True)] == ["M"]
    notes.restore_mark(store, "M")
    [back] = notes.marks_for(store, "R0", 1)
    assert back.severity == "major" and back.quote == "Canberra"


def test_notes_are_required_for_made_up_and_cant_be_checked() -> None:
    base = Mark("M", "R", 0, 4, "Abcd")
    assert mark_problem(base.with_changes(category="invented")) is not None
    assert mark_problem(base.with_changes(category="unverifiable", note="  ")) is not None
    assert mark_problem(base.with_changes(category="invented", note="no such book")) is None
    assert mark_problem(base.with_changes(category="wrong_detail")) is None
    assert mark_problem(base.with_changes(end=0)) is not None


def test_judgements_are_saved_per_answer_and_phase(tmp_path: Path) -> None:
    store = _store(tmp_path / "db.sqlite3")
    assert notes.judgement_for(store, "R0", 1) == Judgement("R0", 1)
    notes.save_judgement(store, "I", Judgement("R0", 1, checked_clean=True))
    notes.save_judgement(store, "I", Judgement("R0", 1, checked_clean=False, off_topic=True))
    assert notes.judgement_for(store, "R0", 1) == Judgement("R0", 1, off_topic=True)
    assert store.db.table("judgements").count == 1


def test_an_item_without_reference_is_revealed_by_its_verdict(tmp_path: Path) -> None:
    store = _store(tmp_path / "db.sqlite3")
    assert notes.item_state(store, "I")["revealed_at"] is None
    progress = notes.submit_verdict(
        store, Verdict("I", 1, "answer", "R1", 1, "clearer", [1, 0], blind=True)
    )
    assert progress["phase"] == 1 and progress["revealed_at"]
    again = notes.submit_verdict(store, Verdict("I", 1, "tie", None, None, "", [1, 0], True))
    assert again["revealed_at"] == progress["revealed_at"]
    [verdict] = notes.verdicts_for(store, "I").values()
    assert (verdict["preferred"], verdict["revisions"], verdict["shown_order"]) == (
        "tie",
        1,
        [1, 0],
    )


def test_a_reference_item_keeps_both_phases_apart(tmp_path: Path) -> None:
    store = _store(tmp_path / "db.sqlite3", reference="Canberra")
    notes.insert_mark(store, Mark("A", "R0", 0, 8, "Canberra", category="wrong_detail"))
    notes.save_judgement(store, "I", Judgement("R1", 1, checked_clean=True))
    progress = notes.submit_verdict(store, Verdict("I", 1, "answer", "R0", 2, "", [1, 0], False))
    assert progress == {"phase": 2, "revealed_at": None}

    state = notes.item_state(store, "I")
    [copied] = state["responses"][0]["marks"]
    assert (copied.phase, copied.derived_from) == (2, "A") and copied.id != "A"
    assert state["responses"][1]["judgement"].checked_clean
    # The evaluator revises in phase 2: the unaided phase stays as it was.
    notes.delete_mark(store, copied.id)
    notes.save_judgement(store, "I", Judgement("R0", 2, critical=True))
    final = notes.submit_verdict(store, Verdict("I", 2, "answer", "R1", 1, "ref", [1, 0], False))
    assert final["revealed_at"]
    assert [m.id for m in notes.marks_for(store, "R0", 1)] == ["A"]
    assert notes.marks_for(store, "R0", 2) == []
    assert not notes.judgement_for(store, "R0", 1).critical
    assert notes.judgement_for(store, "R0", 2).critical
    verdicts = notes.verdicts_for(store, "I")
    assert (verdicts[1]["preferred_response_id"], verdicts[2]["preferred_response_id"]) == (
        "R0",
        "R1",
    )


def test_shown_order_is_counterbalanced_over_a_session() -> None:
    for slots, items in ((3, 12), (2, 10), (5, 12), (6, 13)):
        orders = [shown_order(slots, index, seed=1234) for index in range(items)]
        assert all(sorted(order) == list(range(slots)) for order in orders)
        for position in range(slots):
            counts = Counter(order[position] for order in orders)
            per_slot = [counts.get(slot, 0) for slot in range(slots)]
            assert max(per_slot) - min(per_slot) <= 2, (slots, position, per_slot)
    twelve = [shown_order(3, index, seed=1234) for index in range(12)]
    assert all(Counter(o[p] for o in twelve) == {0: 4, 1: 4, 2: 4} for p in range(3))
    assert len({tuple(o) for o in twelve}) > 1  # it does move the answers around
    assert twelve == [shown_order(3, index, seed=1234) for index in range(12)]  # recomputable
    assert twelve != [shown_order(3, index, seed=99) for index in range(12)]


def _before_counts(orders: list[list[int]]) -> Counter[tuple[int, int]]:
    """How often slot a was shown before slot b, for each ordered pair (a, b)."""
    return Counter(
        (order[i], order[j])
        for order in orders
        for i in range(len(order))
        for j in range(i + 1, len(order))
    )


@pytest.mark.parametrize("slots", [2, 3, 4, 5, 6])
def test_shown_order_puts_each_model_before_each_other_equally_often(slots: int) -> None:
    cycle = 2 * slots
    for seed in (1234, 7, 99):
        orders = [shown_order(slots, index, seed) for index in range(3 * cycle)]
        pairs = [(a, b) for a in range(slots) for b in range(slots) if a != b]
        for length in range(1, len(orders) + 1):
            before = _before_counts(orders[:length])
            # Over any prefix a pair's two ways round differ by at most one item …
            assert all(abs(before[a, b] - before[b, a]) <= 1 for a, b in pairs), (seed, length)
            firsts = Counter(order[0] for order in orders[:length])
            per_slot = [firsts.get(slot, 0) for slot in range(slots)]
            assert max(per_slot) - min(per_slot) <= 2, (seed, length, per_slot)
            if length % cycle == 0:
                # … and over whole cycles every ordered pair, and every first place, is equal.
                assert {before[pair] for pair in pairs} == {length // 2}
                assert set(per_slot) == {2 * length // cycle}
    # Rotations of one order alone fail this: with three models one pair goes 2:1 each cycle.
    rotations = [[(row + p) % 3 for p in range(3)] for row in range(3)]
    assert _before_counts(rotations)[0, 1] == 2 and _before_counts(rotations)[1, 0] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As an AI language model, I cannot browse.", ["As an AI language model"]),
        ("I was trained by Google DeepMind.", ["trained by Google"]),
        ("I'm ChatGPT, made by OpenAI.", ["ChatGPT", "made by OpenAI"]),
        ("Canberra is the capital of Australia.", []),
        ("The llama is a domesticated camelid.", ["llama"]),  # flagged; the evaluator judges
    ],
)
def test_answers_that_give_away_their_author_are_flagged(text: str, expected: list[str]) -> None:
    assert identity_clues(text) == expected


def test_a_finished_answer_records_its_identity_clues(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    store.create_session("s", [], session_id="S")
    store.add_item("S", "I", "Q?", [{"id": "R", "slot_index": 0, "role": "Base", "kind": "local"}])
    store.finish_response("R", Status.DONE, "As an AI model, I think so.", "", {})
    assert store.item("I")["responses"][0]["identity_clues"] == ["As an AI model"]


def test_a_version_1_database_is_upgraded_with_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path)
    old = sqlite_utils.Database(connection)
    MIGRATIONS[0](old)
    connection.execute("PRAGMA user_version = 1")
    old.table("sessions").insert({"id": "S", "title": "old", "lineup": "[]"})
    old.table("items").insert({"id": "I", "session_id": "S", "position": 1, "prompt": "Q?"})
    old.table("responses").insert({"id": "R", "item_id": "I", "slot_index": 0, "text": TEXT})
    old.table("marks").insert({"id": "M", "response_id": "R", "start": 0, "end": 8})
    connection.commit()
    connection.close()

    store = Store(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    state = notes.item_state(store, "I")
    assert state["phase"] == 1 and state["reference"] == ""
    assert [m.id for m in state["responses"][0]["marks"]] == ["M"]
    assert store.session("S")["blind"] == 0


def test_the_export_carries_both_phases_judgements_verdicts_and_deleted_marks(
    tmp_path: Path,
) -> None:
    store = _store(tmp_path / "db.sqlite3", reference="Canberra")
    notes.insert_mark(store, Mark("A", "R0", 0, 8, "Canberra"))
    notes.insert_mark(store, Mark("B", "R1", 0, 8, "Canberra"))
    notes.delete_mark(store, "B")
    notes.save_judgement(store, "I", Judgement("R1", 1, checked_clean=True))
    notes.submit_verdict(store, Verdict("I", 1, "tie", None, None, "", [1, 0], True))
    [item] = session_document(store, "S")["items"]
    assert (item["reference"], item["shown_order"]) == ("Canberra", [1, 0])
    [progress] = item["progress"]
    assert progress["phase"] == 2 and progress["evaluator"]  # the local evaluator, by name
    base, imitator = item["responses"]
    assert [(m["id"], m["phase"]) for m in base["marks"]] == [("A", 1), (base["marks"][1]["id"], 2)]
    assert [m["deleted_at"] is not None for m in imitator["marks"]] == [True]
    assert [(j["phase"], j["checked_clean"]) for j in imitator["judgements"]] == [(1, 1), (2, 1)]
    assert [(v["phase"], v["preferred"]) for v in item["verdicts"]] == [(1, "tie")]
