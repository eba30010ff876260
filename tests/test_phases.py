"""Unaided against reference-shown: preference and errors per model in both phases."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis.phases import phase_rows, phases
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session

ROLES = ("Base", "Imitator", "Teacher")


def _verdict(item: int, phase: int, chosen: int | None) -> dict[str, Any]:
    return {
        "id": f"V{item}-{phase}",
        "evaluator": "ann",
        "phase": phase,
        "preferred": "tie" if chosen is None else "answer",
        "preferred_response_id": None if chosen is None else f"R{item}-{chosen}",
        "shown_order": [0, 1, 2],
        "updated_at": f"2026-11-30T10:0{phase}",
    }


def _mark(item: int, slot: int, phase: int) -> dict[str, Any]:
    return {"id": f"M{item}-{slot}-{phase}", "evaluator": "ann", "phase": phase}


def _hand_document() -> dict[str, Any]:
    """The test session of the issue, by hand: thirteen items, ann's verdicts.

    Unaided (phase 1) the Imitator is chosen in I1–I8 and the Teacher in I9–I12; with the
    reference shown (phase 2) the Imitator in I1–I3, a tie in I4, the Teacher in I5–I12. So the
    Imitator goes from 8 of 12 to 3.5 of 12, the Teacher from 4 to 8.5, Base from 0 to 0.5.
    Errors: Base one in I1 in both phases; the Imitator none unaided and one in each of I1–I6
    once the reference was shown; the Teacher "wrong as a whole" in I9 in phase 2 only.
    I12's Imitator answer reveals its author. I13 has only an unaided verdict: left out.
    """
    items = []
    for n in range(1, 14):
        responses = []
        for slot, role in enumerate(ROLES):
            text = "Canberra is the capital."
            if n == 12 and slot == 1:
                text = "As an AI language model, I say Canberra."
            marks, judgements = [], []
            if slot == 0 and n == 1:
                marks = [_mark(n, slot, 1), _mark(n, slot, 2)]
            if slot == 1 and n <= 6:
                marks = [_mark(n, slot, 2), {**_mark(n, 9, 2), "deleted_at": "gone"}]
            if slot == 2 and n == 9:
                judgements = [{"evaluator": "ann", "phase": 2, "critical": 1, "off_topic": 0}]
            responses.append(
                {"id": f"R{n}-{slot}", "slot_index": slot, "role": role, "status": "done"}
                | {"text": text, "marks": marks, "judgements": judgements}
            )
        if n <= 12:
            unaided = 1 if n <= 8 else 2
            shown = 1 if n <= 3 else None if n == 4 else 2
            verdicts = [_verdict(n, 1, unaided), _verdict(n, 2, shown)]
        else:
            verdicts = [_verdict(n, 1, 1)]
        items.append(
            {
                "id": f"I{n}",
                "position": n,
                "reference": "Canberra",
                "responses": responses,
                "progress": [{"evaluator": "ann", "phase": 2 if n <= 12 else 1}],
                "verdicts": verdicts,
            }
        )
    return {"evaluator": "ann", "session": {"blind": 1}, "items": items}


def test_preference_drops_once_the_reference_is_shown() -> None:
    result = phases([_hand_document()])
    assert (result.items, result.excluded) == (12, 0)
    base, imitator, teacher = result.models
    assert [m.role for m in result.models] == list(ROLES)
    assert (imitator.verdicts, imitator.points_unaided, imitator.points_reference) == (12, 8, 3.5)
    assert (teacher.points_unaided, teacher.points_reference) == (4, 8.5)
    assert (base.points_unaided, base.points_reference) == (0, 0.5)
    assert imitator.preferred_unaided.value == pytest.approx(8 / 12)
    assert imitator.preferred_reference.value == pytest.approx(3.5 / 12)
    change = imitator.preferred_change
    assert change.value == pytest.approx(-4.5 / 12)
    # Paired: every item moved the Imitator down or not at all, so the interval is below 0.
    assert change.low is not None and change.high is not None and change.high < 0
    low, high = imitator.preferred_reference.low, imitator.preferred_reference.high
    assert low is not None and high is not None and low < 3.5 / 12 < high
    # Base was never chosen unaided: Wilson keeps an interval above 0% (not "0% (0–0%)").
    assert base.preferred_unaided.value == 0 and (base.preferred_unaided.high or 0) > 0.2


def test_errors_in_each_phase() -> None:
    base, imitator, teacher = phases([_hand_document()]).models
    assert (base.answers, base.errors_unaided, base.errors_reference) == (12, 1, 1)
    assert (imitator.errors_unaided, imitator.errors_reference) == (0, 6)  # deleted marks out
    assert (teacher.errors_unaided, teacher.errors_reference) == (0, 1)
    assert imitator.errors_per_answer_reference.value == pytest.approx(0.5)
    assert imitator.with_error_unaided.value == 0
    assert imitator.with_error_reference.value == pytest.approx(0.5)
    row = phase_rows(phases([_hand_document()]))[1]
    assert row["Preferred before the reference"].startswith("8 of 12, 67% (")
    assert row["Preferred with the reference shown"].startswith("3.5 of 12, 29% (")
    assert row["Change"].startswith("-38 points (")


def test_items_where_an_answer_revealed_its_author_can_be_left_out() -> None:
    result = phases([_hand_document()], exclude_revealing=True)
    assert (result.items, result.excluded) == (11, 1)
    imitator = result.models[1]
    assert (imitator.verdicts, imitator.points_unaided, imitator.points_reference) == (11, 8, 3.5)


def test_a_generated_session_counts_what_the_database_holds(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 30, answers=3, marks_per_answer=4, seed=5)
    document = session_document(store, session_id)
    # Independently, in SQL: live marks and whole-answer flags per role and phase, on the
    # items that have a verdict in both phases.
    both = """SELECT item_id FROM verdicts GROUP BY item_id HAVING COUNT(DISTINCT phase) = 2"""
    expected: dict[tuple[str, int], int] = {}
    for role, phase, count in store.db.execute(
        f"""SELECT r.role, m.phase, COUNT(*) FROM marks m JOIN responses r ON r.id = m.response_id
            WHERE m.deleted_at IS NULL AND r.item_id IN ({both}) AND r.status = 'done'
            GROUP BY r.role, m.phase"""
    ).fetchall():
        expected[(role, phase)] = count
    for role, phase, count in store.db.execute(
        f"""SELECT r.role, j.phase, SUM(j.critical + j.off_topic) FROM judgements j
            JOIN responses r ON r.id = j.response_id
            WHERE r.item_id IN ({both}) AND r.status = 'done' GROUP BY r.role, j.phase"""
    ).fetchall():
        expected[(role, phase)] = expected.get((role, phase), 0) + count
    pairs = store.db.execute(f"SELECT COUNT(*) FROM ({both})").fetchone()[0]
    # Points handed out per phase: 1 for a chosen answer, ½ to each of the 3 answers on a tie.
    points = dict(
        store.db.execute(
            f"""SELECT phase, SUM(CASE preferred WHEN 'answer' THEN 1 WHEN 'tie' THEN 1.5
                ELSE 0 END) FROM verdicts WHERE item_id IN ({both}) GROUP BY phase"""
        ).fetchall()
    )
    store.close()
    result = phases([document])
    # Every third item has a reference, every tenth is unjudged: items 0, 3, ... 27 but 9.
    assert result.items == pairs == 9
    for model in result.models:
        assert model.errors_unaided == expected.get((model.role, 1), 0)
        assert model.errors_reference == expected.get((model.role, 2), 0)
        assert model.verdicts == 9
    assert sum(m.points_unaided for m in result.models) == pytest.approx(points[1])
    assert sum(m.points_reference for m in result.models) == pytest.approx(points[2])


def test_pooled_over_evaluators_or_one_at_a_time() -> None:
    document = _hand_document()
    # bob chose Base in I1 in both phases.
    for phase in (1, 2):
        document["items"][0]["verdicts"].append(_verdict(1, phase, 0) | {"evaluator": "bob"})
    pooled = phases([document])
    assert pooled.items == 13
    assert (pooled.models[0].points_unaided, pooled.models[0].points_reference) == (1, 1.5)
    ann = phases([document], only="ann")
    assert ann.items == 12 and ann.models[1].points_unaided == 8
    bob = phases([document], only="bob")
    assert bob.items == 1 and bob.models[0].points_unaided == 1
