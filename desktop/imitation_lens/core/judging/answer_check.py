"""Is an answer right? The entry points of the automatic check, and the old lenient match.

`automatic_check` and `check_verdict` are THE check the app shows, stores in exports and counts
in the report: the strict check of core/judging/strict_check.py, which refuses hedged, negated
and wrong-claim answers and gives its reason. `lenient_check` and `matches_reference` are the
old rule, kept so that exports can show how much the choice matters; nothing counts them.

The old rule is the normalised match used for Natural Questions and SQuAD.

`normalize_answer` follows the SQuAD evaluation script (lower case, drop punctuation, drop the
articles "a", "an" and "the", collapse white space), with three additions meant to let two
spellings of the same answer meet:

- hyphens, dashes and slashes separate words ("Jean-Paul" reads as "jean paul"), where SQuAD
  would glue them ("jeanpaul") and so miss "Jean Paul";
- accents are dropped ("São Paulo" reads as "sao paulo");
- whole numbers from zero to ninety-nine written as words become digits: "twenty-one",
  "twenty one" and "21" all read as "21". Nothing else is converted: not "hundred" and larger,
  not ordinals ("first"), not fractions.

Other punctuation is deleted as SQuAD deletes it, so "1,000" reads as "1000" and "U.S." as "us".

`matches_reference` counts an answer as correct when the normalised reference, or any
normalised alias, appears in the normalised answer as a run of whole words: "Canberra" matches
"It is Canberra, of course." but "Paris" does not match "Parisian". This is the lenient rule
the imitation study used for Natural Questions (the short answer appears in the model's answer),
not SQuAD's exact match, because chat answers wrap the fact in a sentence. It credits hedges
("either Sydney or Canberra"), negations and stray mentions: precision 0.54 on the labelled
set in tests/answer_check_cases.py (docs/evaluation.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from imitation_lens.core.judging.strict_check import AnswerVerdict, strict_verdict

_ARTICLES = frozenset({"a", "an", "the"})
# Characters that join two words: read as a space, not deleted, so the words stay apart.
_SEPARATORS = re.compile(r"[-‐‑‒–—―/\\]")
_UNITS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SMALL = {word: value for value, word in enumerate(_UNITS)}


def _without_accents(text: str) -> str:
    if text.isascii():  # the usual case, and a per-character loop is slow on long answers
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Anything neither a letter, a digit nor white space: SQuAD's ASCII list would miss curly
# quotes, "•", "…" and "€". The underscore counts as a word character for `\w`, so it is named.
_PUNCTUATION = re.compile(r"[^\w\s]|_")


def _without_punctuation(text: str) -> str:
    return _PUNCTUATION.sub("", text)


def _numbers_as_digits(words: list[str]) -> list[str]:
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if word in _TENS and following in _SMALL and 0 < _SMALL[following] < 10:
            out.append(str(_TENS[word] + _SMALL[following]))
            index += 2
            continue
        if word in _TENS:
            out.append(str(_TENS[word]))
        elif word in _SMALL:
            out.append(str(_SMALL[word]))
        else:
            out.append(word)
        index += 1
    return out


def normalize_answer(text: str) -> str:
    """Lower case, no accents or punctuation, no articles, numbers 0–99 as digits, single spaces."""
    text = _without_accents(text).casefold()
    text = _SEPARATORS.sub(" ", text)
    text = _without_punctuation(text)
    words = [word for word in text.split() if word not in _ARTICLES]
    return " ".join(_numbers_as_digits(words))


def reference_aliases(reference: str) -> tuple[str, ...]:
    """The accepted answers in a reference field: alternatives may be separated by "|"."""
    return tuple(part.strip() for part in reference.split("|") if part.strip())


def matches_reference(answer: str, reference: str, aliases: Iterable[str] = ()) -> bool:
    """Whether any normalised reference or alias is a run of whole words in the normalised answer.

    A reference that normalises to nothing (say "The") can never be matched: it would match
    every answer.
    """
    haystack = f" {normalize_answer(answer)} "
    for candidate in (reference, *aliases):
        needle = normalize_answer(candidate)
        if needle and f" {needle} " in haystack:
            return True
    return False


def lenient_check(answer: str, reference: str, aliases: Iterable[str] = ()) -> bool | None:
    """The old rule, kept as a second column: None without a reference, else whether the
    reference (or an alternative) appears anywhere in the answer as whole words."""
    accepted = (*reference_aliases(reference), *aliases)
    if not accepted:
        return None
    return matches_reference(answer, accepted[0], accepted[1:])


def check_verdict(
    answer: str,
    reference: str,
    aliases: Iterable[str] = (),
    *,
    question: str = "",
    incorrect: Iterable[str] = (),
) -> AnswerVerdict | None:
    """The strict check (core/judging/strict_check.py) of one answer: None without a
    reference, else a verdict with its reason."""
    accepted = (*reference_aliases(reference), *aliases)
    if not accepted:
        return None
    return strict_verdict(answer, accepted, question=question, incorrect=tuple(incorrect))


def automatic_check(
    answer: str,
    reference: str,
    aliases: Iterable[str] = (),
    *,
    question: str = "",
    incorrect: Iterable[str] = (),
) -> bool | None:
    """THE automatic check: None without a reference, else whether the strict check finds
    the answer correct (see `check_verdict` for the reason)."""
    verdict = check_verdict(answer, reference, aliases, question=question, incorrect=incorrect)
    return None if verdict is None else verdict.correct
