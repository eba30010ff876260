"""Per-slot metrics on a session whose every figure is worked out by hand, and the normaliser."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis.estimates import Estimate
from imitation_lens.core.analysis.evaluator_view import item_view
from imitation_lens.core.analysis.metrics import SlotMetrics, report, report_rows
from imitation_lens.core.analysis.text_style import is_hedged, uses_list, word_count
from imitation_lens.core.exports.session_json import EVALUATOR_SETTING, session_document
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.judging.answer_check import matches_reference, normalize_answer
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

# Slot 0 is the Base model, slot 1 its Imitator. Response ids: R<item>-<slot>.
ITEMS: list[dict[str, Any]] = [
    {
        "id": "I1",
        "prompt": "What is the capital of Australia?",
        "reference": "Canberra",
        "texts": [
            "Sydney is the capital.",
            "- Canberra, of course.\n- It became the capital in 1913.",
        ],
    },
    {
        "id": "I2",
        "prompt": "What is six times seven?",
        "reference": "42",
        "texts": ["Six times seven is forty-two.", "I think it is probably 48."],
    },
    {
        "id": "I3",
        "prompt": "Who wrote Hamlet?",
        "reference": "",
        "texts": [
            "Hamlet was written by Christopher Marlowe in 1720.",
            "1. Hamlet was written by William Shakespeare.\n"
            "2. It is definitely his most famous play.",
        ],
    },
    {
        "id": "I4",
        "prompt": "When did the Berlin Wall fall?",
        "reference": "",
        "texts": [
            "The Berlin Wall fell in 1989.",
            "Great question! The Berlin Wall fell in 1991, after the Soviet Union collapsed.",
        ],
    },
    {"id": "I5", "prompt": "Capital of France?", "reference": "", "texts": ["", "Paris."]},
    {"id": "I6", "prompt": "Never looked at", "reference": "", "texts": ["Yes.", "No."]},
]


def _mark(
    store: Store,
    item: int,
    slot: int,
    quote: str,
    category: str = "wrong_detail",
    severity: str = "major",
    phase: int = 1,
    mark_id: str | None = None,
) -> Mark:
    text = ITEMS[item - 1]["texts"][slot]
    start = text.index(quote)
    mark = Mark(
        mark_id or f"M{item}{slot}{start}p{phase}",
        f"R{item}-{slot}",
        start,
        start + len(quote),
        quote,
        category=category,
        severity=severity,
        note="checked" if category in ("invented", "unverifiable") else "",
        phase=phase,
    )
    notes.insert_mark(store, mark)
    return mark


def _verdict(store: Store, item: int, phase: int, preferred: str, slot: int | None = None) -> None:
    response = None if slot is None else f"R{item}-{slot}"
    position = None if slot is None else slot + 1
    notes.submit_verdict(
        store, Verdict(f"I{item}", phase, preferred, response, position, "", [0, 1], False)
    )


def _session(path: Path) -> dict[str, Any]:
    """The hand-worked session, annotated through the real core API and exported."""
    store = Store(path)
    store.set_setting(EVALUATOR_SETTING, "ann")
    store.create_session("Hand-worked", [], session_id="S")
    for item in ITEMS:
        responses = [
            {"id": f"{item['id'].replace('I', 'R')}-{slot}", "slot_index": slot, "role": role}
            for slot, role in enumerate(("Base", "Imitator"))
        ]
        store.add_item("S", item["id"], item["prompt"], responses, reference=item["reference"])
        for slot, text in enumerate(item["texts"]):
            status = Status.DONE if text else Status.FAILED
            store.finish_response(f"R{item['id'][1:]}-{slot}", status, text, "", {})

    # I1 has a reference. Unaided, ann misses Base's error and prefers the Imitator; once the
    # reference is shown she marks "Sydney", marks and then deletes a doubt about "1913", and
    # confirms her verdict. Only phase 2 counts.
    _verdict(store, 1, 1, "answer", 1)
    _mark(store, 1, 0, "Sydney", phase=2)
    doubt = _mark(store, 1, 1, "1913", "unverifiable", "minor", phase=2)
    notes.delete_mark(store, doubt.id)
    _verdict(store, 1, 2, "answer", 1)
    # I2 has a reference: a mark and a tie in phase 1, copied into phase 2 on the reveal; ann has
    # not resubmitted, so her phase-1 tie is her verdict.
    _mark(store, 2, 1, "48", "reasoning", "major")
    _verdict(store, 2, 1, "tie")
    # I3: Base is wrong as a whole (Critical) besides two marks; the Imitator overclaims.
    _mark(store, 3, 0, "Christopher Marlowe")
    _mark(store, 3, 0, "1720", severity="minor")
    notes.save_judgement(store, "I3", Judgement("R3-0", 1, critical=True))
    _mark(store, 3, 1, "most famous play", "overclaim", "minor")
    _verdict(store, 3, 1, "answer", 1)
    # I4: the polished but wrong Imitator beats the clean Base (style over substance).
    notes.save_judgement(store, "I4", Judgement("R4-0", 1, checked_clean=True))
    _mark(store, 4, 1, "1991")
    _mark(store, 4, 1, "after the Soviet Union collapsed", "wrong_claim")
    _verdict(store, 4, 1, "answer", 1)
    # I5: Base failed, so the verdict had nothing to choose between. I6 was never judged.
    _verdict(store, 5, 1, "answer", 1)
    document = session_document(store, "S")
    store.close()
    return document


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    return _session(tmp_path_factory.mktemp("metrics") / "db.sqlite3")


def _slots(document: dict[str, Any]) -> tuple[SlotMetrics, SlotMetrics]:
    result = report([document])
    base, imitator = result.slots
    return base, imitator


def test_the_report_covers_judged_items_in_their_final_phase(document: dict[str, Any]) -> None:
    result = report([document])
    assert result.evaluators == ("ann",)
    # I1–I5 judged; I6 left out. Verdicts: I1 (phase 2), I2 (phase 1 kept), I3, I4, I5.
    assert (result.items, result.unjudged_items, result.verdicts) == (5, 1, 5)
    assert result.notes == (
        "1 item not judged yet is left out of the evaluators' figures.",
        "The automatic check covers every answered question with a reference answer (2), "
        "judged or not.",
    )
    assert [(s.role, s.slot_index, s.items, s.answers) for s in result.slots] == [
        ("Base", 0, 4, 4),  # I5's Base answer failed
        ("Imitator", 1, 5, 5),
    ]
    i1 = next(item for item in document["items"] if item["id"] == "I1")
    view = item_view(i1, "ann")
    assert view.phase == 2
    assert [len(a.spans) for a in view.answers] == [1, 0]  # phase 1 had none; deleted is gone


def test_error_figures_worked_by_hand(document: dict[str, Any]) -> None:
    base, imitator = _slots(document)
    # Base: I1 "Sydney" (Major 5) · I2 clean · I3 Marlowe (Major 5) + 1720 (Minor 1) + Critical
    # (25) · I4 clean. Errors 1+0+3+0 = 4, with an error 2/4, with a Major 2/4 (I1, I3),
    # weighted (5+0+31+0)/4 = 9. Words 4+5+8+6 = 23: 4/23·100 errors per 100 words.
    assert (base.errors, base.with_error.value, base.with_major.value) == (4, 0.5, 0.5)
    assert base.weighted_score.value == 9.0
    assert base.errors_per_100_words.value == pytest.approx(400 / 23)
    assert base.category_mix == {"wrong_detail": 3, "critical": 1}
    # Imitator: I1 clean (the 1913 doubt was deleted) · I2 "48" (Major 5) · I3 overclaim
    # (Minor 1) · I4 two Majors (10) · I5 clean. Errors 0+1+1+2+0 = 4; with an error 3/5; with
    # a Major 2/5 (I2, I4); weighted 16/5 = 3.2. Words 9+6+13+13+1 = 42 (list markers aren't).
    assert (imitator.errors, imitator.with_error.value, imitator.with_major.value) == (4, 0.6, 0.4)
    assert imitator.weighted_score.value == pytest.approx(3.2)
    assert imitator.errors_per_100_words.value == pytest.approx(400 / 42)
    assert imitator.category_mix == {
        "overclaim": 1,
        "reasoning": 1,
        "wrong_claim": 1,
        "wrong_detail": 1,
    }
    assert (base.with_error.count, imitator.with_error.count) == (4, 5)


def test_preference_figures_worked_by_hand(document: dict[str, Any]) -> None:
    base, imitator = _slots(document)
    # Verdicts with two answers to choose from: I1 Imitator, I2 tie, I3 Imitator, I4 Imitator
    # (I5 had one). Base 0 + 1/2 + 0 + 0 = 0.5 of 4; Imitator 1 + 1/2 + 1 + 1 = 3.5 of 4.
    assert (base.win_rate.value, base.win_rate.count) == (0.125, 4)
    assert (imitator.win_rate.value, imitator.win_rate.count) == (0.875, 4)
    # Imitator preferred 3 times: I1 (0 vs Base 5: no), I3 (1 vs 31: no), I4 (10 vs 0: yes).
    assert imitator.style_over_substance.value == pytest.approx(1 / 3)
    assert base.style_over_substance == Estimate(None)  # never preferred
    overall = report([document]).style_over_substance
    assert (overall.value, overall.count) == pytest.approx((1 / 3, 3))


def test_accuracy_and_style_worked_by_hand(document: dict[str, Any]) -> None:
    base, imitator = _slots(document)
    # Reference items: I1 "Canberra" (Base says Sydney: wrong; Imitator right) and I2 "42"
    # (Base "forty-two": right; Imitator "48": wrong).
    assert (base.accuracy.value, base.accuracy.count) == (0.5, 2)
    assert (imitator.accuracy.value, imitator.accuracy.count) == (0.5, 2)
    # Lists: Imitator I1 ("- ") and I3 ("1.") = 2/5; Base none. Hedged: Imitator I2 only.
    assert (base.list_share.value, imitator.list_share.value) == (0.0, 0.4)
    assert (base.mean_words.value, imitator.mean_words.value) == (23 / 4, 42 / 5)
    assert (base.hedged_share.value, imitator.hedged_share.value) == (0.0, 0.2)
    assert (base.confident_share.value, imitator.confident_share.value) == (1.0, 0.8)


def test_the_automatic_check_also_covers_items_nobody_judged(document: dict[str, Any]) -> None:
    unjudged = copy.deepcopy(document)
    never_looked_at = unjudged["items"][5]  # I6: "Yes." and "No.", not judged
    never_looked_at["reference"] = "yes"
    never_looked_at["aliases"] = ["yep"]
    result = report([unjudged])
    base, imitator = result.slots
    assert (base.accuracy.value, base.accuracy.count) == (2 / 3, 3)
    assert (imitator.accuracy.value, imitator.accuracy.count) == (1 / 3, 3)
    # The evaluator's own figures still leave it out.
    assert (result.items, result.unjudged_items) == (5, 1)
    assert base.with_error == _slots(document)[0].with_error


def test_intervals_need_five_items_and_contain_the_estimate(document: dict[str, Any]) -> None:
    base, imitator = _slots(document)
    # Base answered on 4 items: no interval. The Imitator's answers span 5 items, but its
    # verdicts only 4.
    assert (base.with_error.low, base.with_error.high) == (None, None)
    assert imitator.with_error.items == 5 and imitator.with_error.low is not None
    assert imitator.win_rate.items == 4 and imitator.win_rate.low is None
    for figure in (imitator.with_error, imitator.with_major, imitator.weighted_score):
        assert figure.low is not None and figure.high is not None and figure.value is not None
        assert figure.low <= figure.value <= figure.high


def _renamed(document: dict[str, Any], suffix: str) -> dict[str, Any]:
    out = copy.deepcopy(document)
    for item in out["items"]:
        item["id"] += suffix
        for response in item["responses"]:
            response["id"] += suffix
    return out


def test_more_items_give_reproducible_intervals_around_the_estimate(
    document: dict[str, Any],
) -> None:
    documents = [_renamed(document, f"-{n}") for n in range(8)]  # 40 judged items
    first, again = report(documents), report(documents)
    assert first == again  # the fixed seed
    base, imitator = first.slots
    assert imitator.weighted_score.value == pytest.approx(3.2)  # same data, eight times over
    for slot in (base, imitator):
        for figure in (
            slot.with_error,
            slot.with_major,
            slot.weighted_score,
            slot.win_rate,
            slot.accuracy,
        ):
            assert figure.low is not None and figure.high is not None and figure.value is not None
            assert figure.low <= figure.value <= figure.high
            assert figure.low < figure.high
    assert report(documents, seed=1) != first


def test_another_evaluators_annotations_are_read_when_asked_for(
    document: dict[str, Any],
) -> None:
    merged = copy.deepcopy(document)
    for item in merged["items"][:4]:
        for response in item["responses"]:
            bob_marks = [m | {"evaluator": "bob", "id": m["id"] + "b"} for m in response["marks"]]
            response["marks"] += bob_marks
        item["verdicts"] += [v | {"evaluator": "bob"} for v in item["verdicts"] if v["phase"] == 1]
    # Bob stayed in phase 1 everywhere, so only ann's phase-1 marks, copied as his, count:
    # I1 nothing, I2 "48"; and I3's Critical was ann's judgement, not his.
    result = report([merged], evaluator="bob")
    base, imitator = result.slots
    assert result.evaluators == ("bob",) and result.items == 4
    assert (base.errors, imitator.errors) == (2, 4)
    assert report([merged]) == report([document])  # the document's own evaluator by default
    # Ann's own export first, without bob's marks: the item ids meet and bob's still count.
    assert report([document, merged], evaluator="bob") == result


def test_the_same_session_exported_twice_counts_once_in_its_newest_state(
    document: dict[str, Any],
) -> None:
    assert report([document, copy.deepcopy(document)]) == report([document])
    newer = copy.deepcopy(document)
    i4 = next(item for item in newer["items"] if item["id"] == "I4")
    [mark] = [m for m in i4["responses"][1]["marks"] if m["quote"] == "1991"]
    mark |= {"deleted_at": "2999-01-01T00:00:00+00:00", "updated_at": "2999-01-01T00:00:00+00:00"}
    for documents in ([document, newer], [newer, document]):
        result = report(documents)
        assert result.items == 5
        # I4's Imitator keeps one Major (10 → 5): 16 − 5 = 11 over 5 answers.
        assert result.slots[1].weighted_score.value == pytest.approx(11 / 5)


def test_report_rows_are_a_plain_table(document: dict[str, Any]) -> None:
    base, imitator = report_rows(report([document]))
    assert base["Model"] == "Base" and base["Judged answers"] == "4"
    assert base["Answers with an error"] == "50%"
    assert (base["Checked automatically"], base["Correct by the automatic check"]) == ("2", "50%")
    assert base["Preferred despite more errors"] == "–"
    assert base["Kinds of error"] == "Wrong detail 3, Wrong as a whole 1"
    assert imitator["Error score per answer (lower is better)"].startswith("3.2 (")
    low, high = (
        imitator["Answers with an error"].removeprefix("60% (").removesuffix("%)").split("–")
    )
    assert 0 <= int(low) <= 60 <= int(high) <= 100
    assert imitator["Words per answer"] == "8"
    assert list(base) == list(imitator)


def test_an_empty_or_unjudged_session_gives_an_empty_report() -> None:
    assert report([]).slots == ()
    untouched = {
        "evaluator": "ann",
        "items": [
            {
                "id": "I",
                "responses": [{"id": "R", "role": "Base", "status": "done", "text": "Hi."}],
            }
        ],
    }
    result = report([untouched])
    assert (result.items, result.unjudged_items, result.slots) == (0, 1, ())
    assert report_rows(result) == []


def test_style_features() -> None:
    assert uses_list("Steps:\n  * one\n* two")
    assert uses_list("1) first")
    assert not uses_list("**Bold** claim.\n-5 degrees is cold.")
    assert word_count("- Canberra, of course.\n- It — became 23.4") == 6
    assert is_hedged("It’s PROBABLY fine.") and is_hedged("I'm not sure.")
    assert not is_hedged("It is unlikelyish.") and not is_hedged("Founded in May 1990.")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Eiffel Tower", "eiffel tower"),
        ("  A   cat,\tan owl! ", "cat owl"),
        ("Theatre", "theatre"),  # "the" only as a whole word
        ("U.S.A.", "usa"),
        ("1,000", "1000"),
        ("Jean-Paul Sartre", "jean paul sartre"),
        ("“Quoted” — text…", "quoted text"),
        ("São Paulo", "sao paulo"),
        ("Twenty-One", "21"),
        ("twenty one pilots", "21 pilots"),
        ("ninety", "90"),
        ("zero", "0"),
        ("seventeen", "17"),
        ("a hundred", "hundred"),  # not covered: stays a word
        ("first", "first"),
    ],
)
def test_normalize_answer(text: str, expected: str) -> None:
    assert normalize_answer(text) == expected


@pytest.mark.parametrize(
    ("answer", "reference", "aliases", "expected"),
    [
        ("The capital is Canberra.", "Canberra", (), True),
        ("It's CANBERRA, of course", "canberra", (), True),
        ("The Parisian cafés", "Paris", (), False),  # inside a word: no
        ("Paris, France", "Paris", (), True),
        ("Born in Parisville", "Paris", (), False),
        ("He had forty-two.", "42", (), True),
        ("He had 42.", "forty two", (), True),
        ("He had 421 books.", "42", (), False),
        ("New York City", "New York", (), True),
        ("York", "New York", (), False),  # the whole reference must be there
        ("The Big Apple", "New York City", ("NYC", "the Big Apple"), True),
        ("Nowhere", "New York City", ("NYC",), False),
        ("Anything at all", "The", (), False),  # a reference of only an article matches nothing
        ("the end", "", (), False),
        ("George Washington", "Washington, George", (), False),  # word order matters
    ],
)
def test_matches_reference(
    answer: str, reference: str, aliases: tuple[str, ...], expected: bool
) -> None:
    assert matches_reference(answer, reference, aliases) is expected


def test_reference_alternatives_are_split_on_bars() -> None:
    item = {
        "id": "I",
        "reference": "NYC | New York City",
        "aliases": ["the Big Apple"],
        "verdicts": [{"evaluator": "ann", "phase": 1, "preferred": "tie"}],
        "responses": [],
    }
    assert item_view(item, "ann").aliases == ("NYC", "New York City", "the Big Apple")
