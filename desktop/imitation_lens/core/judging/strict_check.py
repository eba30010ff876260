"""The strict automatic check: does the answer assert the reference, and only the reference?

The old rule (core/judging/answer_check.py `matches_reference`) passed an answer when the
reference appeared anywhere in it, so it credited exactly the habits that separate imitators
from base models: hedging between answers, listing candidates, and burying a name in a long
answer that claims something else. This check reads the answer sentence by sentence
(core/judging/answer_reading.py, answer_words.py) and gives an `AnswerVerdict`:

- empty: no answer;
- negated: the reference appears only denied ("It is not Canberra", "unlike Canberra",
  "many people mistakenly think Canberra");
- hedged: the reference is offered beside another answer ("Sydney or Canberra", "1968 or
  1969", "between 6 and 8", "Neil Armstrong and Buzz Aldrin"), beside the other option the
  question offered ("Europe or North America"), or as one of a list of guesses whose other
  items are not accepted ("Hindi, Tamil, Telugu and Malayalam"; "1. Amitabh Bachchan
  2. Shah Rukh Khan …"). A list made only of accepted answers is correct;
- wrong: another answer is what the answer asserts. The asserted answer is the first
  candidate in the sentence that shares most words with the question (the first sentence with
  a candidate wins a tie and gets a small head start, because answers lead with their answer):
  "Buzz Aldrin was first; Neil Armstrong followed" asserts Aldrin (a semicolon ends a sentence
  here). Candidates are names (runs of capitalised words not in
  the question), an item's known wrong answers, and for a numeric reference other numbers of
  the same kind (years for a year question; for "How many legs…", numbers counting legs, so
  "six legs and eight eyes" says 6; for "…in degrees Fahrenheit", a number in °C is no rival).
  A surname alone does not stand for a longer name: "Louis Armstrong" is not "Armstrong".
- not found: the reference is not in the answer;
- correct: otherwise, when the reference is the asserted answer.

A one- or two-letter reference ("K", "Au") must be written with its capital, so the French
"au" or a stray "k" is not it, and "Au is silver" (the reference said to be something the
question did not ask about) is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass

from imitation_lens.core.housekeeping.translation import N_, _
from imitation_lens.core.judging.answer_reading import (
    LINKS,
    STOP,
    Hit,
    Reading,
    is_denied,
)
from imitation_lens.core.judging.answer_words import plain, read_words, same_stem
from imitation_lens.core.judging.guess_lists import inline_list, numbered_list

CORRECT, WRONG, HEDGED, NEGATED, NOT_FOUND, EMPTY = (
    "correct",
    "wrong",
    "hedged",
    "negated",
    "not found",
    "empty",
)
VERDICTS = (CORRECT, WRONG, HEDGED, NEGATED, NOT_FOUND, EMPTY)


@dataclass(frozen=True)
class AnswerVerdict:
    code: str  # one of VERDICTS
    # Plain English words, e.g. "offers both Canberra and Sydney": exports keep these, so
    # sessions checked in either language read the same.
    reason: str
    # The reason's message and its filled-in words, for `shown_reason` in the chosen language.
    message: str = ""
    values: tuple[tuple[str, str], ...] = ()

    @property
    def correct(self) -> bool:
        return self.code == CORRECT

    def shown_reason(self) -> str:
        """The reason in the chosen language, for people to read."""
        if not self.message:
            return self.reason
        return _(self.message).format(**dict(self.values))


def _said(code: str, message: str, **values: str) -> AnswerVerdict:
    """A verdict whose reason is `message` (marked N_ where written) with `values` filled in."""
    return AnswerVerdict(code, message.format(**values), message, tuple(sorted(values.items())))


_PART_WORDS = frozenset({"including", "includes", "plus", "excluding", "besides"})
_TOTAL_AFTER = frozenset({("in", "all"), ("in", "total"), ("altogether",), ("total",)})
_FINE_PREDICATES = frozenset({"correct", "right", "answer", "true", "it", "one", "famous"})


def _predicate_mismatch(reading: Reading, hit: Hit) -> str | None:
    """ "Au is silver": the reference said to be one thing the question did not ask about."""
    words = reading.words
    rest = [w for w in words[hit.end :] if w.clause == hit.clause]
    if len(rest) == 2 and rest[0].text in {"is", "was", "are"}:
        thing = rest[1].text
        if (
            thing not in _FINE_PREDICATES
            and not reading.in_question(thing)
            # "Freud was a psychoanalyst" for "the founder of psychoanalysis": the same word
            # family as the question's, so it says what was asked, not something else.
            and not any(len(thing) >= 7 and q[:7] == thing[:7] for q in reading.question_words)
            and rest[1].value is None
        ):
            return thing
    return None


def _hedge(
    reading: Reading,
    refs: list[Hit],
    rivals: list[Hit],
    numeric: bool,
    top: set[int] | None = None,
) -> AnswerVerdict | None:
    """The reference offered beside another answer: "Sydney or Canberra", "6 to 8". With
    `top`, only pairs with one side in the asserting clause."""
    for ref in refs:
        for rival in rivals:
            if top is not None and ref.clause not in top and rival.clause not in top:
                continue
            different = rival.value is None or rival.value != ref.value
            if different and reading.linked(ref, rival, numeric):
                return _said(
                    HEDGED,
                    N_("offers both {answer} and {other}"),
                    answer=ref.label,
                    other=rival.label,
                )
        if numeric or (top is not None and ref.clause not in top):
            continue
        # "iron or lead": a lower-case alternative is still an alternative.
        before = reading.words[max(0, ref.start - 2) : ref.start]
        after = reading.words[ref.end : ref.end + 2]
        for pair, other in ((after, after[1:2]), (before, before[:1])):
            if len(pair) == 2 and "or" in [w.text for w in pair] and other:
                word = other[0]
                if (
                    word.text not in STOP
                    and word.text not in reading.accepted_words
                    and (
                        not reading.in_question(word.text)
                        or word.text in reading.question_options  # "Europe or North America"
                    )
                    and word.text not in LINKS
                    and word.value is None
                ):
                    other_label = word.text.title() if word.capital else word.text
                    return _said(
                        HEDGED,
                        N_("offers both {answer} and {other}"),
                        answer=ref.label,
                        other=other_label,
                    )
    return None


def _verdict_from(
    reading: Reading, refs: list[Hit], others: list[Hit], numeric: bool
) -> AnswerVerdict:
    asserted = [h for h in refs if not h.negated]
    rivals = [h for h in others if not h.negated]
    name = refs[0].label if refs else ""
    if not asserted:
        if refs and all(reading.words[h.start].asked for h in refs):
            if rivals:
                return _said(
                    WRONG,
                    N_("answers {answer}; it only asks about {reference}"),
                    answer=rivals[0].label,
                    reference=name,
                )
            return _said(NOT_FOUND, N_("only asks whether it is {reference}"), reference=name)
        if refs:
            return _said(NEGATED, N_("says it is not {reference}"), reference=name)
        if rivals:
            return _said(WRONG, N_("answers {answer}"), answer=rivals[0].label)
        return _said(NOT_FOUND, N_("does not give the reference answer"))
    sentence = reading.top_sentence([*asserted, *rivals])
    in_top = sorted(
        (h for h in [*asserted, *rivals] if reading.words[h.start].sentence == sentence),
        key=lambda h: h.start,
    )
    first = in_top[0]
    top = {h.clause for h in in_top}
    hedge = _hedge(reading, asserted, rivals, numeric, top)
    if hedge is not None:
        return hedge
    if not first.is_reference:
        return _said(
            WRONG,
            N_("answers {answer}; {reference} only comes up in passing"),
            answer=first.label,
            reference=name,
        )
    hedge = _hedge(reading, asserted, rivals, numeric)
    if hedge is None and not numeric:
        listed = numbered_list(reading, first, refs) or inline_list(reading, first, refs)
        hedge = (
            _said(
                HEDGED,
                N_("lists {answer} among other answers: {others}"),
                answer=first.label,
                others=listed,
            )
            if listed
            else None
        )
    if hedge is not None:
        return hedge
    if not numeric:
        thing = _predicate_mismatch(reading, first)
        if thing is not None:
            return _said(WRONG, N_("says {answer} is {thing}"), answer=first.label, thing=thing)
    return _said(CORRECT, N_("gives {answer}"), answer=first.label)


def _number_label(value: float) -> str:
    return str(int(value)) if value.is_integer() else str(value)


def _numeric_verdict(reading: Reading, values: set[float], question: str) -> AnswerVerdict:
    asked = [w.text for w in read_words(question)]
    target = ""
    for i in range(len(asked) - 2):
        if asked[i] == "how" and asked[i + 1] in ("many", "much"):
            target = asked[i + 2]
    unit = "f" if "f" in asked else "c" if "c" in asked else ""
    year = "year" in asked or all(v.is_integer() and 1000 <= v <= 2100 for v in values)
    words, hits, attached, totals = reading.words, [], [], []
    for i, word in enumerate(words):
        value = word.value
        if value is None or value in reading.question_values:
            continue
        if year and not (value.is_integer() and 100 <= value <= 2100):
            continue
        following = [w for w in words[i + 1 : i + 4] if w.clause == word.clause]
        texts = [w.text for w in following]
        written_unit = ""
        if texts[:1] in (["f"], ["c"]):
            written_unit = texts[0]
        elif texts[:1] == ["degrees"] and texts[1:2] in (["f"], ["c"]):
            written_unit = texts[1]
        if unit and written_unit and written_unit != unit:
            continue  # 100 °C beside 212 °F: the same fact in another unit
        counts_target = False
        if target:
            between = i > 0 and words[i - 1].text == "between"
            links = (["to"], ["or"], ["and"]) if between else (["to"], ["or"])
            if texts[:1] in links and len(following) > 1 and following[1].value is not None:
                following = words[i + 3 : i + 6]  # "6 to 8 legs": both numbers count legs
            for w in following:
                if w.value is not None or w.clause != word.clause:
                    break
                if same_stem(w.text, target):
                    counts_target = True
                    break
        before = [w.text for w in words[max(0, i - 3) : i] if w.clause == word.clause]
        if any(w in _PART_WORDS for w in before):
            continue  # "including 4 wisdom teeth": a part of the count, not the count
        negated = is_denied(words, i, i + 1, reading.mistaken)
        hits.append(
            Hit(i, i + 1, word.clause, _number_label(value), value in values, negated, value)
        )
        attached.append(counts_target or bool(unit and written_unit == unit))
        totals.append(
            tuple(texts[:2]) in _TOTAL_AFTER
            or tuple(texts[:1]) in _TOTAL_AFTER
            or "total" in before[-2:]
        )
    if any(t and not h.negated for h, t in zip(hits, totals, strict=True)):
        hits = [h for h, t in zip(hits, totals, strict=True) if t]  # "11 in all"
    elif any(a and not h.negated for h, a in zip(hits, attached, strict=True)):
        hits = [h for h, a in zip(hits, attached, strict=True) if a]
    refs = [h for h in hits if h.is_reference]
    others = [h for h in hits if not h.is_reference]
    return _verdict_from(reading, refs, others, numeric=True)


def _same_person(reading: Reading, other: Hit, refs: list[Hit]) -> bool:
    """ "Mohandas Karamchand Gandhi, known as Mahatma Gandhi": a longer name ending in the
    reference's surname, in the sentence that also gives the reference and not offered as an
    alternative to it ("Louis Armstrong or Neil Armstrong"), is the same person named twice."""
    words = reading.words
    surname = words[other.end - 1].text
    return any(
        not ref.negated
        and words[ref.end - 1].text == surname
        and words[ref.start].sentence == words[other.start].sentence
        and not reading.linked(ref, other, numeric=False)
        for ref in refs
    )


def _text_verdict(reading: Reading, incorrect: tuple[str, ...]) -> AnswerVerdict:
    found = reading.find(reading.forms, True)
    known = reading.find([(x, plain(x)) for x in incorrect if plain(x)], False)
    covered = {i for hit in known for i in range(hit.start, hit.end)}
    refs = [h for h in found if h.is_reference and h.start not in covered]
    others = known + [
        h
        for h in found
        if not h.is_reference and h.start not in covered and not _same_person(reading, h, refs)
    ]
    taken = covered | {i for hit in found for i in range(hit.start, hit.end)}
    return _verdict_from(reading, refs, others + reading.names(taken), numeric=False)


def strict_verdict(
    answer: str, accepted: tuple[str, ...], *, question: str = "", incorrect: tuple[str, ...] = ()
) -> AnswerVerdict:
    """The strict verdict on `answer` against the accepted answers (the reference first)."""
    if not answer.strip():
        return _said(EMPTY, N_("no answer to check"))
    reading = Reading(answer, accepted, question)
    if not reading.words:
        return _said(EMPTY, N_("no words to check"))
    if not reading.forms:
        return _said(NOT_FOUND, N_("the reference answer has no words to look for"))
    numbers = [form for _unused, form in reading.forms if len(form) == 1 and _is_number(form[0])]
    texts = [(label, form) for label, form in reading.forms if form not in numbers]
    if not numbers:
        return _text_verdict(reading, incorrect)
    verdict = _numeric_verdict(reading, {float(f[0]) for f in numbers}, question)
    if verdict.correct or not texts:
        return verdict
    reading.forms = texts
    by_text = _text_verdict(reading, incorrect)
    return by_text if by_text.correct else verdict


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True
