"""German words the strict check reads (core/judging/answer_words.py): function words read as
their English twins, and numbers written as one word ("einundzwanzig" → 21)."""

from __future__ import annotations

from functools import lru_cache


def _words(text: str) -> list[str]:
    return text.split()


# German function words read as their English twins, so that the rules written for English
# (denials, "X or Y" hedges, "between X and Y", clause breaks at "but") read German too. Only
# words that are no English words: "war" and "man" stay as they are.
GERMAN_FUNCTION_WORDS = {
    "oder": "or",
    "und": "and",
    "entweder": "either",
    "weder": "neither",
    "zwischen": "between",
    "bis": "to",
    "vielleicht": "perhaps",
    "moglicherweise": "possibly",
    "eventuell": "possibly",
    "wahrscheinlich": "probably",
    "vermutlich": "probably",
    "auch": "also",
    "sonst": "else",
    "sogar": "even",
    "manchmal": "sometimes",
    "nicht": "not",
    "nie": "never",
    "niemals": "never",
    "kein": "no",
    "keine": "no",
    "keinen": "no",
    "keinem": "no",
    "keiner": "no",
    "keines": "no",
    "statt": "instead",
    "anstatt": "instead",
    "anstelle": "instead",
    "ausser": "except",
    "gegensatz": "unlike",  # "im Gegensatz zu Sydney"
    "sondern": "but",
    "aber": "but",
    "ist": "is",
    "sind": "are",
    "waren": "were",
    "falschlicherweise": "mistakenly",
    "irrtumlich": "mistakenly",
    "irrtumlicherweise": "mistakenly",
    "falschlich": "mistakenly",
    "verwechselt": "confused",
}
# German numbers are written as one word: "einundzwanzig", "neunzehnhundertneunundachtzig".
_DE_UNITS = {
    w: i + 1 for i, w in enumerate(_words("ein zwei drei vier funf sechs sieben acht neun"))
}
_DE_BELOW_100 = (
    {"null": 0, "eins": 1, "zwo": 2}
    | {w: v for w, v in _DE_UNITS.items() if w != "ein"}
    | {
        w: i + 10
        for i, w in enumerate(
            _words("zehn elf zwolf dreizehn vierzehn funfzehn sechzehn siebzehn achtzehn neunzehn")
        )
    }
)
_DE_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        _words("zwanzig dreissig vierzig funfzig sechzig siebzig achtzig neunzig")
    )
}


def _below_100(word: str) -> int | None:
    if word in _DE_BELOW_100 or word in _DE_TENS:
        return _DE_BELOW_100.get(word, _DE_TENS.get(word))
    unit, _, tens = word.partition("und")
    if unit in _DE_UNITS and tens in _DE_TENS:
        return _DE_UNITS[unit] + _DE_TENS[tens]
    return None


def _below_1000(word: str) -> int | None:
    if not word:
        return None
    before, found, after = word.partition("hundert")
    if not found:
        return _below_100(word)
    # "neunzehnhundert…" is a year said in hundreds: up to 99 hundreds.
    hundreds = 1 if before in ("", "ein") else _below_100(before)
    rest = _below_100(after) if after else 0
    return None if hundreds is None or rest is None else hundreds * 100 + rest


@lru_cache(maxsize=1 << 12)
def german_number(word: str) -> int | None:
    """A German number written as one word (lower case, without umlauts), or None:
    "einundzwanzig" → 21, "zweihundertsechs" → 206, "neunzehnhundertneunundachtzig" → 1989,
    "eintausendvierhundertvierzig" → 1440."""
    before, found, after = word.partition("tausend")
    if not found:
        return _below_1000(word)
    thousands = 1 if before in ("", "ein") else _below_1000(before)
    rest = _below_1000(after) if after else 0
    return None if thousands is None or rest is None else thousands * 1000 + rest
