"""Position bias: the choice rate per shown position, Wilson intervals, and the chi-square test."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis.estimates import Estimate, wilson, with_wilson
from imitation_lens.core.analysis.position_bias import (
    chi_square_sf,
    chosen_position,
    position_bias,
    position_rows,
    uniform_test,
)
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session


@pytest.mark.parametrize(
    ("x", "df", "p"),
    [
        # The textbook critical values at 5% and 1%.
        (3.841459, 1, 0.05),
        (5.991465, 2, 0.05),
        (7.814728, 3, 0.05),
        (9.487729, 4, 0.05),
        (11.070498, 5, 0.05),
        (18.307038, 10, 0.05),
        (6.634897, 1, 0.01),
        (9.210340, 2, 0.01),
        (15.086272, 5, 0.01),
        (37.566235, 20, 0.01),
        (124.342113, 100, 0.05),
    ],
)
def test_the_chi_square_tail_matches_the_tables(x: float, df: int, p: float) -> None:
    assert chi_square_sf(x, df) == pytest.approx(p, rel=1e-5)


def test_the_chi_square_tail_at_its_edges() -> None:
    assert chi_square_sf(0.0, 3) == 1.0
    # df = 2 is exactly exp(-x/2); df = 1 is erfc(sqrt(x/2)).
    assert chi_square_sf(4.0, 2) == pytest.approx(math.exp(-2.0), rel=1e-12)
    assert chi_square_sf(1.0, 1) == pytest.approx(math.erfc(math.sqrt(0.5)), rel=1e-12)
    # The rounded table values of the brief.
    assert chi_square_sf(3.841, 1) == pytest.approx(0.05, abs=1e-4)
    assert chi_square_sf(5.991, 2) == pytest.approx(0.05, abs=1e-4)
    assert chi_square_sf(7.815, 3) == pytest.approx(0.05, abs=1e-4)
    assert 0.0 <= chi_square_sf(2000.0, 7) < 1e-300
    with pytest.raises(ValueError):
        chi_square_sf(1.0, 0)


def test_the_test_against_an_equal_split() -> None:
    # 12 choices among 3 positions, 8/2/2: expected 4 each; (16 + 4 + 4) / 4 = 6, df 2.
    statistic, df, p = uniform_test([8, 2, 2])
    assert (statistic, df) == (6.0, 2)
    assert p == pytest.approx(math.exp(-3.0))
    assert uniform_test([5, 5]) == (0.0, 1, 1.0)
    assert uniform_test([0, 0, 0]) == (0.0, 2, None)


def test_wilson_stays_honest_at_the_ends() -> None:
    low, high = wilson(0, 10) or (None, None)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson(10, 10) or (None, None)
    assert low == pytest.approx(0.7225, abs=1e-4) and high == 1.0
    low, high = wilson(5, 10) or (None, None)
    assert low == pytest.approx(0.2366, abs=1e-4) and high == pytest.approx(0.7634, abs=1e-4)
    assert wilson(0, 0) is None
    # A bootstrap that collapsed at 0% is widened; one without an interval is left alone.
    widened = with_wilson(Estimate(0.0, 0.0, 0.0, count=10, items=10))
    assert widened.low == 0.0 and widened.high == pytest.approx(0.2775, abs=1e-4)
    assert with_wilson(Estimate(0.0, count=3, items=3)).high is None


def _verdict(item: str, evaluator: str, phase: int, slot: int | None, order: list[int]) -> Any:
    return {
        "id": f"{item}-{evaluator}-{phase}",
        "evaluator": evaluator,
        "phase": phase,
        "preferred": "tie" if slot is None else "answer",
        "preferred_response_id": None if slot is None else f"{item}-{slot}",
        "preferred_position": None if slot is None else order.index(slot) + 1,
        "shown_order": order,
        "updated_at": f"2026-11-30T10:0{phase}",
    }


def _item(
    name: str, verdicts: list[Any], order: list[int], *, clue: bool = False, phase: int = 1
) -> Any:
    texts = ["Canberra.", "As an AI language model, Canberra." if clue else "It is Canberra."]
    texts.append("Sydney.")
    return {
        "id": name,
        "position": int(name[1:]),
        "responses": [
            {"id": f"{name}-{slot}", "slot_index": slot, "role": role, "status": "done"}
            | {"text": texts[slot]}
            for slot, role in enumerate(("Base", "Imitator", "Teacher")[: len(order)])
        ],
        "progress": [{"evaluator": "ann", "phase": phase}],
        "verdicts": verdicts,
    }


def _hand_document() -> dict[str, Any]:
    """Six items of three answers and one of two, each chosen by ann, worked out by hand:

    three answers: position 1 chosen in I1, I2, I3 (I3's answer reveals its author), position
    2 in I4; I5 a tie; I6 chosen at 3 unaided, then at 1 once the reference was shown (the
    standing verdict); I7 two answers, position 2.
    """
    items = [
        _item("I1", [_verdict("I1", "ann", 1, 0, [0, 1, 2])], [0, 1, 2]),
        _item("I2", [_verdict("I2", "ann", 1, 2, [2, 0, 1])], [2, 0, 1]),
        _item("I3", [_verdict("I3", "ann", 1, 1, [1, 2, 0])], [1, 2, 0], clue=True),
        _item("I4", [_verdict("I4", "ann", 1, 1, [0, 1, 2])], [0, 1, 2]),
        _item("I5", [_verdict("I5", "ann", 1, None, [0, 1, 2])], [0, 1, 2]),
        _item(
            "I6",
            [_verdict("I6", "ann", 1, 2, [0, 1, 2]), _verdict("I6", "ann", 2, 0, [0, 1, 2])],
            [0, 1, 2],
            phase=2,
        ),
        _item("I7", [_verdict("I7", "ann", 1, 1, [0, 1])], [0, 1]),
    ]
    return {"evaluator": "ann", "session": {"blind": 1}, "items": items}


def test_the_choice_rate_per_position_by_hand() -> None:
    result = position_bias([_hand_document()])
    assert result.blind and result.no_choice == 1 and result.excluded == 0
    two, three = result.tests
    assert (two.shown, two.choices, [p.chosen for p in two.positions]) == (2, 1, [0, 1])
    # Among three: positions 1, 1, 1, 2, and I6's standing (phase-2) choice at 1.
    assert (three.choices, [p.chosen for p in three.positions]) == (5, [4, 1, 0])
    assert [p.share for p in three.positions] == [0.8, 0.2, 0.0]
    # Expected 5/3 each: ((4-5/3)^2 + (1-5/3)^2 + (5/3)^2) / (5/3) = 5.2, df 2.
    assert three.chi_square == pytest.approx(5.2)
    assert three.df == 2 and three.p_value == pytest.approx(math.exp(-2.6))
    first = three.positions[0]
    assert (first.low, first.high) == wilson(4, 5)
    row = position_rows(result)[1]
    assert row["Shown 1st"].startswith("80% (")
    assert row["Chance of a split this uneven if position did not matter"] == "0.074"


def test_answers_that_reveal_their_author_can_be_left_out() -> None:
    result = position_bias([_hand_document()], exclude_revealing=True)
    assert result.excluded == 1
    three = result.tests[1]
    assert [p.chosen for p in three.positions] == [3, 1, 0]


def test_the_chosen_position_of_older_rows_comes_from_the_shown_order() -> None:
    item = _item("I1", [], [2, 0, 1])
    verdict = _verdict("I1", "ann", 1, 0, [2, 0, 1]) | {"preferred_position": None}
    assert chosen_position(verdict, item) == 2
    assert chosen_position(verdict | {"preferred": "all_bad"}, item) is None


def test_a_generated_blind_session(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 40, answers=3, marks_per_answer=1, seed=3, blind=True)
    document = session_document(store, session_id)
    store.close()
    result = position_bias([document])
    (test,) = result.tests
    # The factory's verdicts: every item but each tenth, a single answer chosen in most.
    assert test.shown == 3 and test.choices + result.no_choice == 36
    assert sum(p.chosen for p in test.positions) == test.choices
    assert sum(p.share for p in test.positions) == pytest.approx(1.0)
    assert test.p_value is not None and 0.0 < test.p_value <= 1.0
    for p in test.positions:
        assert p.low is not None and p.high is not None and p.low <= p.share <= p.high
    excluded = position_bias([document], exclude_revealing=True)
    assert excluded.excluded > 0
    assert excluded.tests[0].choices + excluded.no_choice + excluded.excluded == 36


def test_pooled_over_evaluators_or_one_at_a_time() -> None:
    document = _hand_document()
    bob = _verdict("I1", "bob", 1, 2, [0, 1, 2])  # bob chose the answer shown third
    document["items"][0]["verdicts"].append(bob)
    pooled = position_bias([document]).tests[1]
    assert [p.chosen for p in pooled.positions] == [4, 1, 1]
    assert [p.chosen for p in position_bias([document], only="ann").tests[1].positions] == [
        4,
        1,
        0,
    ]
    (only_bob,) = position_bias([document], only="bob").tests
    assert [p.chosen for p in only_bob.positions] == [0, 0, 1]
    assert position_bias([document], only="nobody").tests == ()
