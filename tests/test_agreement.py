"""Agreement between evaluators, with every figure worked out by hand."""

from __future__ import annotations

import copy
from fractions import Fraction
from typing import Any

import pytest

from imitation_lens.core.analysis.agreement import (
    NO_VARIATION,
    agreement,
    agreement_rows,
    cohen_kappa,
    fleiss_kappa,
)

TEXT = "x" * 60


def _mark(
    who: str | None,
    start: int,
    end: int,
    category: str = "wrong_detail",
    severity: str = "major",
    phase: int = 1,
    deleted: bool = False,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": f"{who}-{start}-{end}-{category}-{phase}",
        "start": start,
        "end": end,
        "category": category,
        "severity": severity,
        "phase": phase,
        "deleted_at": "2026-01-01T00:00:00+00:00" if deleted else None,
    }
    if who is not None:  # None: a row of the document's own evaluator without a name
        row["evaluator"] = who
    return row


def _judgement(who: str | None, **flags: bool) -> dict[str, Any]:
    row: dict[str, Any] = {"phase": 1, "checked_clean": 0, "off_topic": 0, "critical": 0}
    row |= {name: int(value) for name, value in flags.items()}
    return row if who is None else row | {"evaluator": who}


def _verdict(who: str | None, preferred: str, response: str | None = None) -> dict[str, Any]:
    row = {"phase": 1, "preferred": preferred, "preferred_response_id": response}
    return row if who is None else row | {"evaluator": who}


def _response(
    response_id: str,
    slot: int,
    marks: list[dict[str, Any]] | None = None,
    judgements: list[dict[str, Any]] | None = None,
    text: str = TEXT,
) -> dict[str, Any]:
    return {
        "id": response_id,
        "slot_index": slot,
        "role": ("Base", "Imitator")[slot],
        "status": "done",
        "text": text,
        "marks": marks or [],
        "judgements": judgements or [],
    }


def _document(evaluator: str, items: list[dict[str, Any]]) -> dict[str, Any]:
    return {"format_version": 3, "evaluator": evaluator, "items": items}


# -- spans -----------------------------------------------------------------------------------


def _span_document() -> dict[str, Any]:
    ann = "ann"
    bob = "bob"
    answer_a = _response(
        "A",
        0,
        [
            # ann revised after the reveal: phase 2 counts, her stale phase-1 mark does not.
            _mark(ann, 50, 55, severity="minor", phase=1),
            _mark(ann, 0, 5, phase=2),
            _mark(ann, 10, 20, "wrong_claim", phase=2),
            _mark(ann, 30, 40, "invented", phase=2),
            _mark(bob, 0, 5),  # exact, same category
            _mark(bob, 12, 20, "wrong_claim"),  # overlaps ann's 10–20, same category
            _mark(bob, 30, 40, "wrong_claim"),  # same span as ann's, other category
            _mark(bob, 50, 55, severity="minor"),  # ann's only in her stale phase 1
            _mark(bob, 10, 20, "wrong_claim", deleted=True),  # deleted: ignored
        ],
    )
    answer_b = _response(
        "B",
        1,
        [
            _mark(ann, 0, 10, phase=2),
            # Both of bob's overlap ann's one mark; one-to-one, so only one of them matches.
            _mark(bob, 0, 4),
            _mark(bob, 5, 10),
        ],
    )
    item = {
        "id": "S1",
        "progress": [{"evaluator": ann, "phase": 2}, {"evaluator": bob, "phase": 1}],
        "responses": [answer_a, answer_b],
        "verdicts": [],
    }
    return _document(ann, [item])


def test_span_f1_worked_by_hand() -> None:
    result = agreement([_span_document()])
    [pair] = result.pairs
    assert (pair.first, pair.second, pair.shared_items, pair.shared_answers) == ("ann", "bob", 1, 2)
    # ann: 3 marks on A + 1 on B = 4; bob: 4 on A + 2 on B = 6; together 10.
    assert (pair.marks_first, pair.marks_second) == (4, 6)
    # Exact, same category: A 0–5 → 1 match. F1 = 2·1/10.
    assert pair.spans.exact.value == pytest.approx(0.2)
    # Exact, any category: A 0–5 and 30–40 → 2. F1 = 2·2/10.
    assert pair.spans.exact_any_category.value == pytest.approx(0.4)
    # Overlap, any category: A 0–5, 10–20/12–20, 30–40; B one of 0–4/5–10 → 4. F1 = 8/10.
    assert pair.spans.overlap.value == pytest.approx(0.8)
    assert (pair.spans.overlap.matched, pair.spans.overlap.marks) == (4, 10)
    # Overlap, same category: A 0–5, 10–20/12–20; B one → 3. F1 = 6/10.
    assert pair.spans.overlap_same_category.value == pytest.approx(0.6)
    # Two evaluators: the overall spans are this pair's; Fleiss needs a third.
    assert result.spans == pair.spans
    assert result.major.value is None and "three or more" in result.major.reason


# -- kappas on documents ---------------------------------------------------------------------

# Major error per answer (K1 Base, K1 Imitator, K2 Base, …), Y = yes:
#   ann  Y Y N N Y N
#   bob  Y N N N Y Y
#   cy   Y Y N N N N
MAJOR = {"ann": "YYNNYN", "bob": "YNNNYY", "cy": "YYNNNN"}
# Preferred per item: slot 0, slot 1, "tie" or "all_bad".
PREFERRED = {
    "ann": ["0", "tie", "1"],
    "bob": ["0", "1", "1"],
    "cy": ["0", "tie", "all_bad"],
}


def _own_export(who: str, named: bool) -> dict[str, Any]:
    """`who`'s own export; `named` False leaves the evaluator off the rows, as hand-made."""
    name = who if named else None
    items = []
    for index in range(3):
        responses = []
        for slot in range(2):
            label = MAJOR[who][2 * index + slot]
            response_id = f"K{index + 1}-{slot}"
            marks, judgements = [], [_judgement(name, checked_clean=label == "N")]
            # Three ways to a Major: a Major mark, a Critical, "misses the question". A Minor
            # mark is no Major.
            if label == "Y" and slot == 0:
                marks = [_mark(name, 0, 3)]
            elif label == "Y":
                judgements = [_judgement(name, critical=index != 2, off_topic=index == 2)]
            elif index == 1:
                marks = [_mark(name, 5, 9, severity="minor")]
            responses.append(_response(response_id, slot, marks, judgements))
        choice = PREFERRED[who][index]
        verdict = (
            _verdict(name, "answer", f"K{index + 1}-{choice}")
            if choice in ("0", "1")
            else _verdict(name, choice)
        )
        items.append({"id": f"K{index + 1}", "responses": responses, "verdicts": [verdict]})
    return _document(who, items)


def _merged() -> dict[str, Any]:
    """One document holding all three evaluators' annotations, as after importing."""
    out = _own_export("ann", named=True)
    for who in ("bob", "cy"):
        theirs = _own_export(who, named=True)
        for item, other in zip(out["items"], theirs["items"], strict=True):
            item["verdicts"] += other["verdicts"]
            for response, more in zip(item["responses"], other["responses"], strict=True):
                response["marks"] += more["marks"]
                response["judgements"] += more["judgements"]
    return out


def test_cohen_kappa_worked_by_hand() -> None:
    result = agreement([_merged()])
    assert result.evaluators == ("ann", "bob", "cy")
    ann_bob = result.pairs[0]
    assert (ann_bob.first, ann_bob.second) == ("ann", "bob")
    # Major: ann and bob agree on answers 1, 3, 4, 5: observed 4/6. Each says Y 3 times and
    # N 3 times: expected 3/6·3/6 + 3/6·3/6 = 1/2. κ = (2/3 − 1/2) / (1 − 1/2) = 1/3.
    major = ann_bob.major
    assert (major.observed, major.expected, major.subjects) == pytest.approx((2 / 3, 0.5, 6))
    assert major.value == pytest.approx(1 / 3)
    # Preference: agree on K1 (slot 0) and K3 (slot 1): observed 2/3. ann: slot 0, tie,
    # slot 1 once each; bob: slot 0 once, slot 1 twice. Expected (1·1 + 1·0 + 1·2) / 9 = 1/3.
    # κ = (2/3 − 1/3) / (1 − 1/3) = 1/2.
    preference = ann_bob.preference
    assert (preference.observed, preference.expected) == pytest.approx((2 / 3, 1 / 3))
    assert preference.value == pytest.approx(0.5)
    # Marks: Major 0–3 on K1 and K3 Base (Y for both), Minor 5–9 on both K2 answers; the same
    # 4 for each of them, so every mark matches exactly.
    assert (ann_bob.marks_first, ann_bob.marks_second) == (4, 4)
    assert ann_bob.spans.exact.value == 1.0


def test_fleiss_kappa_worked_by_hand_on_documents() -> None:
    result = agreement([_merged()])
    # Major, per answer (ann, bob, cy) → agreement P_i = (Σ n_ij² − 3) / (3·2):
    #   YYY 1 · YNY 1/3 · NNN 1 · NNN 1 · YYN 1/3 · NYN 1/3 → mean 4/6 = 2/3.
    #   Y 8 of 18 ratings, N 10: expected (8/18)² + (10/18)² = 164/324 = 41/81.
    #   κ = (2/3 − 41/81) / (1 − 41/81) = (13/81) / (40/81) = 13/40.
    assert (result.shared_items, result.shared_answers) == (3, 6)
    assert (result.major.subjects, result.major.raters) == (6, 3)
    assert result.major.value == pytest.approx(13 / 40)
    # Preference, per item: K1 (0,0,0) 1 · K2 (tie,1,tie) 1/3 · K3 (1,1,all_bad) 1/3 → 5/9.
    #   slot 0 3 of 9, tie 2, slot 1 3, all_bad 1: expected (9 + 4 + 9 + 1)/81 = 23/81.
    #   κ = (5/9 − 23/81) / (1 − 23/81) = 22/58 = 11/29.
    assert result.preference.value == pytest.approx(11 / 29)


def test_separate_exports_merge_like_one_merged_document() -> None:
    merged = agreement([_merged()])
    separate = [_own_export(who, named=False) for who in ("ann", "bob", "cy")]
    assert agreement(separate) == merged
    # Importing the same marks twice changes nothing.
    assert agreement([_merged(), copy.deepcopy(_merged())]) == merged
    pair = agreement(separate, evaluators=["cy", "bob"])
    assert pair.evaluators == ("cy", "bob") and len(pair.pairs) == 1


def test_agreement_rows_are_a_plain_table() -> None:
    rows = agreement_rows(agreement([_merged()]))
    assert [row["Evaluators"] for row in rows] == [
        "ann and bob",
        "ann and cy",
        "bob and cy",
        "All 3 evaluators",
    ]
    assert rows[0]["Agree on major errors (kappa)"] == "0.33 (agree on 67% of 6)"
    assert rows[0]["Agree on the preferred answer (kappa)"] == "0.50 (agree on 67% of 3)"
    assert rows[0]["Same error spans and kind (F1)"] == "1.00"
    assert rows[3]["Agree on major errors (kappa)"] == "0.32 (agree on 67% of 6)"  # 13/40
    assert rows[3]["Items judged by all of them"] == "3"
    assert all(list(row) == list(rows[0]) for row in rows)


# -- textbook and degenerate cases -----------------------------------------------------------


def test_fleiss_kappa_on_the_textbook_example() -> None:
    # Fleiss' worked example as given on Wikipedia: 10 subjects, 14 raters, 5 categories.
    table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ]
    ratings = [[str(c) for c, n in enumerate(row) for _ in range(n)] for row in table]
    # P_i = (Σ n_ij² − 14) / (14·13): numerators 182, 46, 56, 80, 60, 84, 44, 32, 52, 52,
    # sum 688, so P̄ = 688/1820 (0.378). Column totals 20, 28, 39, 21, 32 of 140: P̄e =
    # (400 + 784 + 1521 + 441 + 1024) / 19600 = 4170/19600 (0.213). κ ≈ 0.210.
    observed = Fraction(688, 1820)
    expected = Fraction(4170, 19600)
    kappa = fleiss_kappa(ratings)
    assert kappa.observed == pytest.approx(float(observed))
    assert kappa.expected == pytest.approx(float(expected))
    assert kappa.value == pytest.approx(float((observed - expected) / (1 - expected)))
    assert kappa.value == pytest.approx(0.210, abs=5e-4)


def test_kappa_is_none_when_chance_explains_everything() -> None:
    same = cohen_kappa(["N", "N", "N"], ["N", "N", "N"])
    assert (same.value, same.observed, same.reason) == (None, 1.0, NO_VARIATION)
    assert fleiss_kappa([["N", "N", "N"], ["N", "N", "N"]]).value is None
    assert cohen_kappa([], []).value is None
    # Perfect agreement with variation is 1; systematic disagreement is below 0.
    assert cohen_kappa(["Y", "N"], ["Y", "N"]).value == 1.0
    assert cohen_kappa(["Y", "N"], ["N", "Y"]).value == -1.0
    with pytest.raises(ValueError):
        cohen_kappa(["Y"], [])
    with pytest.raises(ValueError):
        fleiss_kappa([["Y", "N"], ["Y"]])


def test_one_evaluator_is_nothing_to_compare() -> None:
    result = agreement([_own_export("ann", named=False)])
    assert (result.evaluators, result.pairs) == (("ann",), ())
    assert result.major.value is None and result.spans.overlap.value is None
    assert result.reason.startswith("Agreement needs at least two evaluators")
    [row] = agreement_rows(result)
    assert row["Notes"] == result.reason
    assert agreement([]).reason


def test_evaluators_without_shared_items_get_a_reason() -> None:
    ann = _own_export("ann", named=False)
    bob = _own_export("bob", named=False)
    ann["items"] = ann["items"][:1]
    bob["items"] = bob["items"][1:]
    result = agreement([ann, bob])
    [pair] = result.pairs
    assert (pair.shared_items, pair.shared_answers) == (0, 0)
    assert pair.reason == "ann and bob judged no item in common."
    assert pair.spans.exact.value is None and pair.major.value is None
    assert pair.preference.value is None
    [row] = agreement_rows(result)
    assert row["Notes"] == pair.reason and row["Agree on major errors (kappa)"] == "–"


def test_no_marks_and_no_variation_are_reported_in_plain_words() -> None:
    # Both judged K1 without a single mark and agreed nothing was Major.
    documents = []
    for who in ("ann", "bob"):
        clean = [_judgement(None, checked_clean=True)]
        item = {
            "id": "K1",
            "responses": [_response("a", 0, [], clean), _response("b", 1, [], clean)],
            "verdicts": [_verdict(None, "tie")],
        }
        documents.append(_document(who, [item]))
    [pair] = agreement(documents).pairs
    assert pair.spans.exact.value is None
    assert pair.spans.exact.reason == "Neither evaluator marked an error in the answers they share."
    assert (pair.major.value, pair.major.reason) == (None, NO_VARIATION)
    assert (pair.preference.value, pair.preference.observed) == (None, 1.0)
    [row] = agreement_rows(agreement(documents))
    assert "Neither evaluator marked" in row["Notes"] and NO_VARIATION in row["Notes"]
