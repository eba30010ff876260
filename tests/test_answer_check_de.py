"""The automatic check on German answers (issue 18): the labelled German cases of
tests/answer_check_cases_de.py at precision and recall of "correct" of at least 0.95 each, each
case's verdict as labelled, and the German factual set's references and aliases matching
themselves."""

from __future__ import annotations

from collections import Counter

import pytest

from answer_check_cases import Case
from answer_check_cases_de import CASES_DE as FIRST_CASES
from answer_check_cases_de import CASES_DE_LONG
from imitation_lens.core.batches.prompt_sets import built_in_sets
from imitation_lens.core.judging.answer_check import (
    automatic_check,
    check_verdict,
    matches_reference,
)
from imitation_lens.core.judging.answer_words import plain
from imitation_lens.core.judging.german_words import german_number
from imitation_lens.core.judging.strict_check import VERDICTS, AnswerVerdict

CASES_DE = FIRST_CASES + CASES_DE_LONG

# Misses on the side of refusing: a verdict other than the label, but never "correct".
KNOWN_MISSES_DE = {
    # The list's head "Mögliche Autoren" is read past; Lessing, the first item, is the answer.
    "Mögliche Autoren:\n1. Lessing\n2. Goethe\n3. Schiller": "wrong",
    # As in English ("Haydn, Mozart, Beethoven or Schubert"): the first name is asserted.
    "Haydn, Mozart, Beethoven oder Schubert.": "wrong",
    "Keinesfalls Nürnberg, und auch nicht München: es ist Augsburg.": "negated",
    # "Deutschland" is read as a rival name, as "Germany" is in English.
    "Köln ist eine große Stadt in Deutschland.": "wrong",
    "Mögliche Maler: Raffael, Leonardo da Vinci und Tizian.": "wrong",
}


def precision_recall(said: list[bool], truth: list[bool]) -> tuple[float, float]:
    hits = sum(s and t for s, t in zip(said, truth, strict=True))
    return hits / max(1, sum(said)), hits / max(1, sum(truth))


def _strict(case: Case) -> AnswerVerdict:
    verdict = check_verdict(
        case.answer, case.reference, case.aliases, question=case.question, incorrect=case.incorrect
    )
    assert verdict is not None
    return verdict


def test_the_german_set_is_large_balanced_and_labelled_with_known_verdicts() -> None:
    assert len(CASES_DE) >= 100
    assert all(case.expected in VERDICTS for case in CASES_DE)
    share = sum(case.expected == "correct" for case in CASES_DE) / len(CASES_DE)
    assert 0.4 <= share <= 0.6, share
    kinds = Counter(case.kind for case in CASES_DE)
    for kind in ("umlaut", "eszett", "number words", "article", "hedge", "denial", "wrong"):
        assert kinds[kind] >= 2, kind


def test_german_precision_and_recall_are_at_least_95_percent() -> None:
    truth = [case.expected == "correct" for case in CASES_DE]
    said = [_strict(case).correct for case in CASES_DE]
    precision, recall = precision_recall(said, truth)
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize("case", CASES_DE, ids=lambda c: f"{c.kind}: {c.answer[:40]}")
def test_each_german_case_gets_its_verdict(case: Case) -> None:
    verdict = _strict(case)
    assert verdict.reason
    expected = KNOWN_MISSES_DE.get(case.answer, case.expected)
    assert verdict.code == expected, verdict.reason
    if case.answer in KNOWN_MISSES_DE:  # a miss that refuses, never one that credits
        assert case.expected != "correct" and not verdict.correct


def test_german_hedges_are_never_credited() -> None:
    hedges = [case for case in CASES_DE if case.expected == "hedged"]
    assert len(hedges) >= 10
    assert not any(_strict(case).correct for case in hedges)


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("null", 0),
        ("zwolf", 12),
        ("einundzwanzig", 21),
        ("dreissig", 30),
        ("neunundneunzig", 99),
        ("hundert", 100),
        ("zweihundertsechs", 206),
        ("tausend", 1000),
        ("eintausendvierhundertvierzig", 1440),
        ("neunzehnhundertneunundachtzig", 1989),
        ("zweitausendzwei", 2002),
        ("und", None),
        ("elfenbein", None),
        ("acht", 8),
    ],
)
def test_german_number_words(word: str, value: int | None) -> None:
    assert german_number(word) == value


def test_umlauts_eszett_and_articles_read_alike() -> None:
    assert plain("Die Straße") == plain("strasse")
    assert plain("Der Rhein") == plain("Rhein") == ("rhein",)
    assert plain("einem Müller") == plain("Muller")
    # English reads as before.
    assert plain("The capital is Canberra") == ("capital", "is", "canberra")
    assert plain("1,440 minutes") == ("1440", "minutes")


def test_every_reference_of_the_german_set_matches_itself_and_its_aliases() -> None:
    probes = next(s for s in built_in_sets() if s.id == "built-in:faktenfragen-de")
    assert len(probes.items) >= 150 and probes.language == "de"
    prompts = [item.prompt for item in probes.items]
    assert len(set(prompts)) == len(prompts), "a question appears twice"
    for item in probes.items:
        assert item.source.startswith("https://de.wikipedia.org/wiki/"), item.source
        for form in (item.reference, *item.aliases):
            assert automatic_check(form, item.reference, item.aliases, question=item.prompt), form
        # A sentence around it does not get in the way.
        said = f"Die Antwort ist {item.reference}."
        assert automatic_check(said, item.reference, item.aliases, question=item.prompt), said
        # An answer that only repeats the question must not pass.
        assert not matches_reference(item.prompt, item.reference, item.aliases), item.prompt
        assert not automatic_check(item.prompt, item.reference, item.aliases, question=item.prompt)


def test_the_built_in_sets_carry_their_language() -> None:
    languages = {s.id: s.language for s in built_in_sets()}
    assert languages == {
        "built-in:factual-probes": "en",
        "built-in:open-ended": "en",
        "built-in:faktenfragen-de": "de",
        "built-in:offene-aufgaben-de": "de",
    }
    open_de = next(s for s in built_in_sets() if s.id == "built-in:offene-aufgaben-de")
    assert len(open_de.items) >= 20 and open_de.licence == "CC0-1.0"
    assert all(not item.reference and item.tags for item in open_de.items)


WRAPPERS = (
    "Meiner Meinung nach ist es {r}.",
    "Natürlich {r}!",
    "Gute Frage! Die Antwort lautet {r}.",
    "Soweit ich weiß: {r}.",
    "Sicherlich ist es {r}.",
)


def test_german_openers_are_no_rival_names_and_two_guesses_are_a_hedge() -> None:
    """German capitalises its nouns and sentence openers: "Meiner Meinung nach" must not be
    read as a rival answer, and "entweder X oder Y" never credits X."""
    probes = next(s for s in built_in_sets() if s.id == "built-in:faktenfragen-de")
    for item in probes.items:
        for wrapper in WRAPPERS:
            said = wrapper.format(r=item.reference)
            assert automatic_check(said, item.reference, item.aliases, question=item.prompt), said
        rival = str(int(item.reference) + 1) if item.reference.isdigit() else "Paul Zimmermann"
        for guess in (
            f"Entweder {item.reference} oder {rival}.",
            f"Vielleicht {rival} oder {item.reference}.",
        ):
            verdict = check_verdict(guess, item.reference, item.aliases, question=item.prompt)
            assert verdict is not None and verdict.code == "hedged", (guess, verdict)
