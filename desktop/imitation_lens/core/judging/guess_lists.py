"""Lists of guesses: an answer that names the reference as one of several candidates.

The strict check (strict_check.py) calls an answer *hedged* when its answer is one item of an
enumeration whose other items are not accepted answers — a numbered or bulleted list judged by
each item's first part, or a run of short candidates in one sentence ("Hindi, Tamil, Telugu and
Malayalam") — because a shotgun answer must not be credited for the guess that happened to be
right. A list made only of accepted answers is not a hedge. These functions give the other
candidates (up to three, as the reason names them), or None when the answer is not such a list.
"""

from __future__ import annotations

from imitation_lens.core.judging.answer_reading import Hit, Reading, label_of


def _words(text: str) -> list[str]:
    return text.split()


# Words that make a stretch of an answer a statement rather than a listed candidate.
_STATEMENT_WORDS = frozenset(
    _words(
        "is are was were be been being has have had do does did can could will would may "
        "might shall should include includes including consist consists contain contains "
        "called known means not never"
    )
)
_MOST_LISTED_WORDS = 4
_PREPOSITIONS = frozenset(
    _words("in on at by from with for to of after before since during near about around like")
)


def _candidate(reading: Reading, piece: list[int]) -> bool:
    """A short stretch that names something rather than states something: "Shah Rukh Khan",
    "natural gas" — not "It became the capital in 1913"."""
    words = reading.words
    return (
        0 < len(piece) <= _MOST_LISTED_WORDS
        and words[piece[0]].text not in _PREPOSITIONS  # "in 1969", "by Buzz Aldrin"
        and not any(words[i].text in _STATEMENT_WORDS or words[i].value is not None for i in piece)
    )


def numbered_list(reading: Reading, first: Hit, refs: list[Hit]) -> str | None:
    """ "1. Amitabh Bachchan 2. Shah Rukh Khan 3. …": the answer leads a numbered or bulleted
    list whose other items are not accepted answers — a shotgun of guesses. An item's head is
    its first clause ("Shah Rukh Khan: the actor who…" lists Shah Rukh Khan); an item that
    states something ("- It became the capital in 1913") is a note, not another guess."""
    words = reading.words
    listed = words[first.start].listed
    if words[first.start].item < 0:
        return None
    heads: dict[int, list[int]] = {}
    for index, word in enumerate(words):
        if word.listed != listed or word.item < 0:
            continue
        head = heads.setdefault(word.item, [index])
        if index != head[0] and word.clause == words[head[0]].clause:
            head.append(index)
    own = heads.get(words[first.start].item, [])
    if first.start not in own:
        return None  # the accepted answer is in an item's detail, not its head
    starts = {h.start for h in refs if not h.negated}
    labels = []
    for head in heads.values():
        if not any(i in starts for i in head) and _candidate(reading, head):
            labels.append(label_of(words, head[0], head[-1] + 1))
    if not labels:
        return None
    return ", ".join(labels[:3])


def _segments(reading: Reading, sentence: int, refs: list[Hit]) -> list[tuple[str, list[int]]]:
    """The sentence cut at commas (clauses), "and" and "or", an accepted answer kept whole:
    each piece with the word that joined it to the one before: "," for a comma, "and",
    "or", or "|" for any other break (a colon, a bracket, the sentence's start), which no
    list runs across."""
    inside = {i for h in refs for i in range(h.start + 1, h.end)}
    pieces: list[tuple[str, list[int]]] = []
    current: list[int] = []
    joiner, clause = ",", -1
    for index, word in enumerate(reading.words):
        if word.sentence != sentence:
            continue
        if index not in inside and (word.clause != clause or word.text in ("and", "or")):
            if current:
                pieces.append((joiner, current))
                joiner, current = ",", []
            if word.clause != clause:
                clause = word.clause
                # Only a comma continues a list: "dura mater (outer layer)" or "Fuel: gas"
                # are a thing and its gloss, not two candidates.
                joiner = "," if word.mark == "," else "|"
            if word.text in ("and", "or"):
                joiner = word.text
                continue
        current.append(index)
    if current:
        pieces.append((joiner, current))
    return pieces


def inline_list(reading: Reading, first: Hit, refs: list[Hit]) -> str | None:
    """ "Hindi, Tamil, Telugu and Malayalam" (only some accepted): the asserted answer is one
    of three or more candidates listed in one breath — a shotgun, not an answer. A list made
    only of accepted answers stands ("Jefferson, Madison and Adams" when all three are).
    Commas that are not a list are left alone: "Paris, France" has two pieces, and in
    "Canberra, the capital, has 400,000 people" the last piece is a statement."""
    words = reading.words
    sentence = words[first.start].sentence
    pieces = _segments(reading, sentence, refs)
    where = next((n for n, (_, piece) in enumerate(pieces) if first.start in piece), None)
    if where is None:
        return None

    def item(piece: list[int]) -> bool:
        return _candidate(reading, piece)

    def statement_split(piece: list[int], tail: bool) -> list[int]:
        """The candidate glued to a statement: "spoken are Hindi" → Hindi (tail), "Malayalam
        are spoken" → Malayalam (head)."""
        verbs = [n for n, i in enumerate(piece) if words[i].text in _STATEMENT_WORDS]
        if not verbs:
            return []
        part = piece[verbs[-1] + 1 :] if tail else piece[: verbs[0]]
        return part if item(part) else []

    own = pieces[where][1]
    introduced = False
    if not item(own):
        own = statement_split(own, tail=True)
        if first.start not in own:
            return None
        introduced = True
    run = [own]
    joiners: list[str] = []
    left = where - 1
    while not introduced and left >= 0 and pieces[left + 1][0] != "|":
        piece = pieces[left][1]
        if item(piece):
            run.insert(0, piece)
        else:
            part = statement_split(piece, tail=True)
            if part:
                run.insert(0, part)
                introduced = True
            break
        left -= 1
    right = where + 1
    closed = False
    while right < len(pieces):
        joiner, piece = pieces[right]
        if joiner == "|":
            closed = True
            break
        if not item(piece):
            part = statement_split(piece, tail=False)
            if part:
                run.append(part)
                joiners.append(joiner)
            closed = True
            break
        run.append(piece)
        joiners.append(joiner)
        right += 1
    if len(run) < 3:
        return None
    last_joiner = joiners[-1] if joiners else pieces[where][0]
    joined = last_joiner in ("and", "or")
    # Commas alone make a list only with four or more pieces: three are as often an address
    # ("Canberra, ACT, Australia") as a list.
    whole = not introduced and left < 0 and not closed and (joined or len(run) >= 4)
    if not (introduced or whole or joined):
        return None
    # Candidates of one kind: all names or all common words, like the answer itself. In
    # "Mercury, the smallest planet, and the closest to the Sun" the other pieces describe it.
    own_word = words[first.start]
    if own_word.opens_sentence and own_word.capital:  # the capital says nothing here
        named = [w for w in first.label.split() if w.casefold() not in ("a", "an", "the")]
        kind = bool(named) and named[0][:1].isupper()
    else:
        kind = own_word.capital
    for piece in run:
        if not words[piece[0]].opens_sentence and words[piece[0]].capital != kind:
            return None
    starts = {h.start for h in refs if not h.negated}
    others = [p for p in run if not any(i in starts for i in p)]
    if not others:
        return None
    return ", ".join(label_of(words, p[0], p[-1] + 1) for p in others[:3])
