"""The strict automatic check against a labelled set of hard cases (tests/answer_check_cases.py):
precision and recall of "correct" at least 0.95 each, and every case's verdict as labelled.
The old lenient match is measured on the same set, so docs/evaluation.md can show both. The
measured set is the first 217 cases and those found in the NQ-open run (FROM_NQ_RUN)."""

from __future__ import annotations

from collections import Counter

import pytest

from answer_check_cases import (
    CASES,
    FROM_NQ_RUN,
    HELD_OUT,
    HELD_OUT_NQ,
    LIST_PROBES,
    TRIED_AFTER,
    Case,
)
from imitation_lens.core.judging.answer_check import check_verdict, lenient_check
from imitation_lens.core.judging.strict_check import VERDICTS, AnswerVerdict

# Two of the later-written cases are still judged wrongly (docs/evaluation.md): a heading
# "Books:" taken for a rival name, and the Latin singular "Mitochondrion" for "mitochondria".
KNOWN_MISSES = frozenset({"Books:\n* Jane Austen (1813)", "Mitochondrion."})
LATER = HELD_OUT_NQ + LIST_PROBES
LATER_SETTLED = tuple(c for c in LATER if c.answer not in KNOWN_MISSES)


def _strict(case: Case) -> AnswerVerdict:
    verdict = check_verdict(
        case.answer, case.reference, case.aliases, question=case.question, incorrect=case.incorrect
    )
    assert verdict is not None
    return verdict


def precision_recall(said_correct: list[bool], truly_correct: list[bool]) -> tuple[float, float]:
    hits = sum(s and t for s, t in zip(said_correct, truly_correct, strict=True))
    return hits / max(1, sum(said_correct)), hits / max(1, sum(truly_correct))


MEASURED = CASES + FROM_NQ_RUN


def measure() -> dict[str, tuple[float, float]]:
    truth = [case.expected == "correct" for case in MEASURED]
    strict = [_strict(case).correct for case in MEASURED]
    lenient = [bool(lenient_check(case.answer, case.reference, case.aliases)) for case in MEASURED]
    return {"strict": precision_recall(strict, truth), "lenient": precision_recall(lenient, truth)}


def test_the_set_is_large_balanced_and_labelled_with_known_verdicts() -> None:
    assert len(MEASURED) >= 250
    assert all(case.expected in VERDICTS for case in MEASURED)
    share = sum(case.expected == "correct" for case in MEASURED) / len(MEASURED)
    assert 0.4 <= share <= 0.6, share
    kinds = Counter(case.kind for case in MEASURED)
    assert len(kinds) >= 10, kinds


def test_strict_precision_and_recall_are_at_least_95_percent_and_beat_the_old_rule() -> None:
    figures = measure()
    precision, recall = figures["strict"]
    assert precision >= 0.95 and recall >= 0.95, figures
    # The old rule credits hedges, negations and stray mentions: it must do worse on precision.
    assert figures["lenient"][0] < precision, figures


@pytest.mark.parametrize(
    "case",
    MEASURED + HELD_OUT + TRIED_AFTER + LATER_SETTLED,
    ids=lambda c: f"{c.kind}: {c.answer[:40]}",
)
def test_each_case_gets_its_verdict(case: Case) -> None:
    """Every case, the later-written ones too (docs/evaluation.md gives their first score)."""
    verdict = _strict(case)
    assert verdict.code == case.expected, verdict.reason
    assert verdict.reason


def test_the_known_misses_are_still_misses_on_the_side_of_refusing() -> None:
    """They are errors that refuse a right answer, never ones that credit a wrong one; when a
    rule fixes one, move it back among the settled cases."""
    misses = [c for c in LATER if c.answer in KNOWN_MISSES]
    assert len(misses) == len(KNOWN_MISSES)
    for case in misses:
        assert case.expected == "correct" and not _strict(case).correct


def test_no_reference_means_no_verdict() -> None:
    assert check_verdict("Anything", "") is None
    assert lenient_check("Anything", "") is None


@pytest.mark.parametrize(
    ("answer", "reference", "question", "expected"),
    [
        # An adjective of origin before the name describes it; it is not a rival answer.
        (
            "The Mona Lisa was painted by the Italian artist Leonardo da Vinci.",
            "Leonardo da Vinci",
            "Who painted the Mona Lisa?",
            "correct",
        ),
        (
            "A Soviet cosmonaut, Yuri Gagarin.",
            "Yuri Gagarin",
            "Who first flew in space?",
            "correct",
        ),
        ("Obviously Canberra.", "Canberra", "What is the capital of Australia?", "correct"),
        # A sentence that asks asserts nothing.
        ("Nine planets? No: eight.", "8", "How many planets are in the Solar System?", "correct"),
        ("Was it 1969? I think it was 1970.", "1969", "In which year did Apollo 11 land?", "wrong"),
        # Markdown and chatty openings do not get in the way.
        (
            "Great question! The capital is **Canberra**.",
            "Canberra",
            "Capital of Australia?",
            "correct",
        ),
        # A rival that shares its first name with a name in the question is still a rival.
        (
            "Either Bill Gates or Paul Zimmermann.",
            "Bill Gates",
            "Who founded Microsoft together with Paul Allen?",
            "hedged",
        ),
        # A second guess after "perhaps" is a hedge.
        ("Canberra, perhaps Melbourne.", "Canberra", "Capital of Australia?", "hedged"),
        (
            "1. Capital: Canberra\n2. Largest city: Sydney",
            "Canberra",
            "Capital of Australia?",
            "correct",
        ),
    ],
)
def test_answers_tried_after_the_measurement(
    answer: str, reference: str, question: str, expected: str
) -> None:
    verdict = check_verdict(answer, reference, question=question)
    assert verdict is not None and verdict.code == expected, verdict


def test_a_runaway_answer_is_checked_quickly() -> None:
    """A model that never stops can write thousands of words; the check stays linear-ish."""
    answer = " ".join(["Canberra is the capital, designed by Walter Burley Griffin."] * 600)
    verdict = check_verdict(answer, "Canberra", question="What is the capital of Australia?")
    assert verdict is not None and verdict.correct
    assert len(answer.split()) > 5000
