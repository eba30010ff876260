"""What an answer says, as the strict check (core/judging/strict_check.py) weighs it.

`Reading` holds an answer's words (core/judging/answer_words.py) with the question's, and finds
the candidates in it — `Hit`s: the reference and its accepted forms, other names (runs of
capitalised words that are not in the question and not common words), known wrong answers — each
with whether it is denied (`is_denied`), in which clause and sentence it stands, and which
sentence answers the question best.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from imitation_lens.core.judging.answer_words import (
    COMMON_CAPITALS,
    Word,
    plain,
    read_words,
    same_stem,
)


def _words(text: str) -> list[str]:
    return text.split()


STOP = frozenset(
    _words(
        "what which who whom whose when where why how is are was were do does did a an "
        "the of in on to for by with and or from at as that this it its be been being has "
        "have had many much year name called known there their his her after before into "
        "than then about most one first"
    )
)
# The German question words that carry no meaning (only words that are no English words).
STOP |= frozenset(
    _words(
        "welche welcher welches welchem welchen wer wen wem wessen wie wo wann warum wieso "
        "wieviel viele is are were wird wurde wurden haben hatte von im am auf aus mit zu "
        "zum zur fur bei nach vor heisst nennt es sich"
    )
)
_NEGATORS = frozenset({"not", "never", "nor", "neither", "unlike", "except", "instead"})
_NEGATING_PAIRS = frozenset({("rather", "than"), ("other", "than"), ("instead", "of")})
_MISTAKE_WORDS = frozenset(
    _words(
        "mistakenly misconception misconceptions wrongly incorrectly erroneously myth "
        "confused confuse misattributed mistaken"
    )
)
_MISTAKE_PAIRS = frozenset(
    {
        ("people", "think"),
        ("people", "believe"),
        ("people", "assume"),
        ("often", "thought"),
        ("commonly", "thought"),
        ("commonly", "believed"),
        ("some", "say"),
        ("some", "claim"),
        # German: "viele glauben", "oft angenommen"
        ("viele", "glauben"),
        ("viele", "denken"),
        ("viele", "halten"),
        ("manche", "glauben"),
        ("oft", "angenommen"),
        ("haufig", "angenommen"),
    }
)
# German puts a comma before what is mistakenly believed ("Viele glauben, dass es Sydney ist"):
# a clause opening with these after a clause of mistake reports the mistake too.
_REPORTED_OPENERS = frozenset({"dass", "es", "sie", "er"})
_AUXILIARIES = frozenset({"is", "was", "are", "were", "does", "did", "has", "had", "do"})
_AUXILIARIES |= {"war", "hat", "hatte", "wurde"}  # German: "Sydney war nicht …"
LINKS = frozenset({"or", "either", "and", "to", "between", "possibly", "perhaps", "maybe"})
LINKS |= {"probably", "else", "also", "even", "sometimes", "say"}
_DOUBTS = frozenset({"perhaps", "maybe", "possibly"})
_ORIGIN_ENDINGS = ("ian", "ean", "ese", "ish", "can", "ern")
_ORIGINS = frozenset(
    _words(
        "soviet french german dutch greek swiss english roman thai arab arabic czech "
        "british irish welsh scottish danish polish turkish spanish swedish finnish "
        "norwegian nordic latin catholic protestant muslim christian jewish hindu buddhist"
    )
)


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    clause: int
    label: str
    is_reference: bool
    negated: bool
    value: float | None = None


def _mistaken_clauses(words: list[Word]) -> frozenset[int]:
    """Clauses that report a mistake ("many people mistakenly think…"): they assert nothing."""
    texts: dict[int, list[str]] = {}
    for word in words:
        texts.setdefault(word.clause, []).append(word.text)
    mistaken = {
        clause
        for clause, same in texts.items()
        if any(w in _MISTAKE_WORDS for w in same)
        or any(pair in _MISTAKE_PAIRS for pair in itertools.pairwise(same))
    }
    reported = {
        clause + 1
        for clause in mistaken
        if texts.get(clause + 1, [""])[0] in _REPORTED_OPENERS
        and _same_sentence(words, clause, clause + 1)
    }
    return frozenset(mistaken | reported)


def _same_sentence(words: list[Word], first: int, second: int) -> bool:
    sentences = {w.sentence for w in words if w.clause in (first, second)}
    return len(sentences) == 1


def is_denied(words: list[Word], start: int, end: int, mistaken: frozenset[int]) -> bool:
    if words[start].asked:
        return True  # "Nine planets? No: eight."
    clause = words[start].clause
    before = [w.text for w in words[max(0, start - 3) : start] if w.clause == clause]
    if any(w in _NEGATORS for w in before) or (before and before[-1] == "no"):
        return True
    if any(pair in _NEGATING_PAIRS for pair in itertools.pairwise(before)):
        return True
    after = [w.text for w in words[end : end + 2] if w.clause == clause]
    if after[:1] and after[0] in _AUXILIARIES and after[1:2] in (["not"], ["never"]):
        return True
    return clause in mistaken


def _common(word: Word) -> bool:
    """A capitalised word that names nothing: a common sentence opener or title, an adverb
    opening the sentence ("Obviously Canberra"), or an adjective of origin ("the Italian
    artist", "a Soviet cosmonaut"), which describes the answer and is no rival to it."""
    text = word.text
    return (
        word.noun
        or text in COMMON_CAPITALS
        or text in _ORIGINS
        or (len(text) >= 6 and text.endswith(_ORIGIN_ENDINGS))
        or (word.opens_sentence and len(text) >= 6 and text.endswith(_ADVERB_ENDINGS))
    )


# Adverbs that open a sentence: English "Obviously", German "Natürlich", "Glücklicherweise".
_ADVERB_ENDINGS = ("ly", "lich", "weise")


def label_of(words: list[Word], start: int, end: int) -> str:
    return " ".join(w.text.title() if w.capital else w.text for w in words[start:end])


_label = label_of


@lru_cache(maxsize=1 << 14)
def _question_words(question: str) -> tuple[Word, ...]:
    """The question's words that carry meaning; each answer to an item asks for them again.
    Words are frozen, so the readings can share them."""
    return tuple(w for w in read_words(question) if w.text not in STOP)


@lru_cache(maxsize=1 << 14)
def number_forms(word: str) -> frozenset[str]:
    """A word with its plain English plural or singular: "cell" and "cells", "box" and
    "boxes", "city" and "cities", "leaf" and "leaves". Only these endings, so "cells" never
    meets "cellist"."""
    forms = {word}
    if not word.isalpha() or len(word) < 3:
        return frozenset(forms)
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith("ves") and len(word) > 4:  # leaves, knives
        forms.update((word[:-3] + "f", word[:-3] + "fe"))
    elif word.endswith(("ses", "xes", "zes", "ches", "shes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        forms.add(word[:-1])
    else:
        if word.endswith("y") and word[-2] not in "aeiou":
            forms.add(word[:-1] + "ies")
        elif word.endswith(("f", "fe")):
            forms.update((word.removesuffix("e")[:-1] + "ves", word + "s"))
        elif word.endswith(("s", "x", "z", "ch", "sh")):
            forms.add(word + "es")
        else:
            forms.add(word + "s")
    return frozenset(forms)


def _common_noun(label: str) -> bool:
    """A reference ending in a lower-case word ("cells", "the aorta"): a name ("Williams")
    keeps its exact form, so "Prince William" is not "Williams"."""
    last = label.split()[-1] if label.split() else ""
    return last[:1].islower()


@lru_cache(maxsize=1 << 14)
def question_options(question: str) -> frozenset[str]:
    """The words beside "or" in a question that offers a choice ("is Greenland part of Europe
    or North America"): an answer that repeats both options has not chosen."""
    words = [w.text for w in read_words(question)]
    return frozenset(
        words[i + step]
        for i, text in enumerate(words)
        if text == "or"
        for step in (-1, 1)
        if 0 <= i + step < len(words) and words[i + step] not in STOP
    )


_BRACKETED = re.compile(r"\s*\([^()]*\)")


@lru_cache(maxsize=1 << 14)
def _with_plain_forms(accepted: tuple[str, ...]) -> tuple[str, ...]:
    """The accepted answers, and each without its bracketed gloss: "cytosine (C)" is
    also given as plain "Cytosine"."""
    extra = []
    for form in accepted:
        if "(" in form:
            bare = _BRACKETED.sub("", form).strip()
            if bare and bare not in accepted and bare not in extra:
                extra.append(bare)
    # German umlauts may be written out: "Müller" is also "Mueller" (and, read without its
    # dots, "Muller" — answer_words drops accents).
    for form in (*accepted, *extra):
        if any(c in form for c in "äöüÄÖÜ"):
            spelled = form.translate(_UMLAUTS)
            if spelled not in accepted and spelled not in extra:
                extra.append(spelled)
    return (*accepted, *extra)


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


class Reading:
    def __init__(self, answer: str, accepted: tuple[str, ...], question: str) -> None:
        self.words = read_words(answer)
        self.texts = [word.text for word in self.words]
        self.mistaken = _mistaken_clauses(self.words)
        self.clause_texts: dict[int, set[str]] = {}
        for word in self.words:
            self.clause_texts.setdefault(word.clause, set()).add(word.text)
        self.forms = [(form, plain(form)) for form in _with_plain_forms(accepted) if plain(form)]
        self.accepted_words = {w for _, form in self.forms for w in form}
        self.question = list(_question_words(question))
        self.question_words = {w.text for w in self.question}
        self.question_values = {w.value for w in self.question if w.value is not None}
        self.question_options = question_options(question)
        self._in_question: dict[str, bool] = {}  # names() asks again for each capital word

    def in_question(self, text: str) -> bool:
        known = self._in_question.get(text)
        if known is None:
            known = text in self.question_words or any(
                same_stem(text, q) for q in self.question_words
            )
            self._in_question[text] = known
        return known

    def relevance(self, clause: int) -> int:
        texts = self.clause_texts.get(clause, set())
        return sum(1 for q in self.question_words if any(same_stem(q, t) for t in texts))

    def top_sentence(self, hits: list[Hit]) -> int:
        """The sentence that answers: most words shared with the question, the first one
        with a candidate given a head start (answers lead with their answer)."""
        sentences = sorted({self.words[hit.start].sentence for hit in hits})
        texts: dict[int, set[str]] = {}
        for word in self.words:
            texts.setdefault(word.sentence, set()).add(word.text)

        def score(sentence: int) -> float:
            shared = sum(
                1 for q in self.question_words if any(same_stem(q, t) for t in texts[sentence])
            )
            return shared + (0.5 if sentence == sentences[0] else 0)

        return max(sentences, key=lambda s: (score(s), -s))

    def find(self, forms: list[tuple[str, tuple[str, ...]]], is_reference: bool) -> list[Hit]:
        words, hits = self.words, []
        texts = self.texts
        for label, form in forms:
            short = len(form) == 1 and len(form[0]) <= 2 and form[0].isalpha()
            lasts = number_forms(form[-1]) if is_reference and _common_noun(label) else {form[-1]}
            body, size = form[:-1], len(form)
            for i in range(len(words) - size + 1):
                if texts[i + size - 1] not in lasts:
                    continue  # the cheap test first: the check runs on benchmark-sized sets
                if body and tuple(texts[i : i + size - 1]) != body:
                    continue
                if short and not words[i].capital:
                    continue
                end = i + len(form)
                if is_reference and self._other_name_before(i):
                    start = i - 1  # the whole other name: "Mohandas Karamchand Gandhi"
                    while start > 0 and self._other_name_before(start):
                        start -= 1
                    negated = is_denied(words, start, end, self.mistaken)
                    other = Hit(
                        start, end, words[i].clause, _label(words, start, end), False, negated
                    )
                    hits.append(other)
                    continue
                negated = is_denied(words, i, end, self.mistaken)
                hits.append(Hit(i, end, words[i].clause, label, is_reference, negated))
        # The longest of overlapping hits stands ("Neil Armstrong" over "Armstrong").
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        kept: list[Hit] = []
        for hit in hits:
            if not kept or hit.start >= kept[-1].end:
                kept.append(hit)
        return kept

    def _other_name_before(self, index: int) -> bool:
        """ "Louis Armstrong" for "Armstrong": a capitalised name word right before the match."""
        if index == 0:
            return False
        previous, word = self.words[index - 1], self.words[index]
        return (
            previous.clause == word.clause
            and previous.capital
            and word.capital
            and previous.value is None
            and not _common(previous)
            and previous.text not in self.accepted_words
            and not self.in_question(previous.text)
            and not previous.text[:1].isdigit()
        )

    def _leads_name(self, index: int) -> bool:
        """A word of the question that opens another name: "Paul" in "Paul Zimmermann" when
        the question names "Paul Allen" — the name is a rival, not a word of the question."""
        if index + 1 >= len(self.words):
            return False
        word, after = self.words[index], self.words[index + 1]
        return (
            after.clause == word.clause
            and after.capital
            and after.value is None
            and not _common(after)
            and after.text not in self.accepted_words
            and not self.in_question(after.text)
        )

    def names(self, taken: set[int]) -> list[Hit]:
        """Runs of capitalised words that are not the question, the reference or common words."""
        words, hits, index = self.words, [], 0
        while index < len(words):
            start = index
            while (
                index < len(words)
                and index not in taken
                and words[index].capital
                and words[index].value is None
                and not words[index].text[:1].isdigit()
                and not _common(words[index])
                and words[index].text not in self.accepted_words
                and (not self.in_question(words[index].text) or self._leads_name(index))
                and words[index].clause == words[start].clause
            ):
                index += 1
            # "U.S." or "U.K." (letters only) is an abbreviation in passing, not a rival name.
            initials = index - start >= 2 and all(len(w.text) == 1 for w in words[start:index])
            if index > start and not initials:
                negated = is_denied(words, start, index, self.mistaken)
                hits.append(
                    Hit(
                        start,
                        index,
                        words[start].clause,
                        _label(words, start, index),
                        False,
                        negated,
                    )
                )
            else:
                index += 1
        return hits

    def linked(self, first: Hit, second: Hit, numeric: bool) -> bool:
        """Offered as alternatives: "X or Y", "X, or possibly Y", "between X and Y", "X to Y"."""
        a, b = sorted((first, second), key=lambda h: h.start)
        if not 0 < b.start - a.end <= 4:
            return False  # adjacent, overlapping or far apart: not offered as alternatives
        gap = [w.text for w in self.words[a.end : b.start]]
        # "perhaps, but also Y" ("vielleicht aber auch Y") still offers Y as a second guess.
        doubt = any(w in _DOUBTS for w in gap)
        if not gap or any(w not in LINKS and not (doubt and w == "but") for w in gap):
            return False
        # "Canberra, perhaps Melbourne" ("vielleicht auch Melbourne") offers a second guess.
        if "or" in gap or (numeric and "to" in gap) or any(w in _DOUBTS for w in gap):
            return True
        before = self.words[a.start - 1].text if a.start > 0 else ""
        return "and" in gap and (before == "between" or not numeric)
