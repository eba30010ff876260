"""The words of an answer as the strict check (core/judging/answer_check.py) reads them.

`read_words` turns a text into `Word`s: lower case, no accents, articles dropped, numbers
written as words made digits ("Nineteen sixty-nine" → 1969, "two hundred and six" → 206),
"7.0" → 7, "1,440" → 1440, "212°F" → 212 degrees f, ordinals one form ("first", "1st" and a
regnal "I" after a name all read as "1th"), possessives cut ("Hadrian's" → hadrian). Each word
keeps where it stood — its sentence and clause, whether it was written with a capital, whether
it opened its sentence — because the strict check weighs what the answer asserts clause by
clause. Punctuation that ends a clause (, ; : ( ) and "but") starts a new clause; . ! ? ; and
a line break start a new sentence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from imitation_lens.core.judging.german_words import GERMAN_FUNCTION_WORDS, german_number


def _words(text: str) -> list[str]:
    return text.split()


_SMALL = {
    w: i
    for i, w in enumerate(
        _words(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
_TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
}
_SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        _words(
            "first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
            "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
            "nineteenth"
        )
    )
} | {w[:-1] + "ieth": v for w, v in _TENS.items()}
_ROMAN = {
    r: i + 1
    for i, r in enumerate(
        _words("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII")
    )
}
_ARTICLES = frozenset({"a", "an", "the"})
# German articles are read like "the" and "a": "der Rhein" is "Rhein".
_ARTICLES |= frozenset(_words("der die das den dem des ein eine einen einem einer eines"))
_GERMAN_ARTICLES = _ARTICLES - {"a", "an", "the"}
_GERMAN_DETERMINERS = frozenset(
    stem + ending
    for stem in ("unser", "sein", "ihr", "mein", "dein", "dies", "jen", "jed")
    for ending in ("", "e", "em", "en", "er", "es")
) - {"dies", "jen", "jed", "ihr"}
# German adjectives inflect: "den ersten Schritt", "des modernen Buchdrucks".
_GERMAN_ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
_GERMAN_NOUN_ENDINGS = ("ung", "heit", "keit", "schaft", "tum")
_UNITS = {"fahrenheit": "f", "celsius": "c", "centigrade": "c"}
# Words that start a sentence with a capital without naming anything; also titles before names.
COMMON_CAPITALS = frozenset(
    _words(
        "i the a an it its this that these those he she they we you yes no not in on at "
        "of for to from by with during however although though while also and but so as "
        "his her their our my your sure well actually according after before since when "
        "where which who whom whose what why how if there here some many most both either "
        "neither one two three four five six seven eight nine ten first second third then "
        "thus therefore hence because indeed note yet still now today answer correct "
        "certainly definitely probably perhaps maybe possibly fun fact historically "
        "overall generally typically usually in great good okay ok hmm let me mr mrs ms "
        "dr sir saint st king queen president prince princess lord lady general captain "
        "professor prof pope emperor january february march april may june july august "
        "september october november december monday tuesday wednesday thursday friday "
        "saturday sunday ad bc bce ce north south east west central northern southern "
        "eastern western mount mt lake river cape gulf bay strait isle island desert fort "
        "canal sea ocean"
    )
)
# German capitalises every noun: the nouns and openers a German answer wraps its answer in are
# no rival names ("Die Antwort ist Canberra", "Die Hauptstadt ist Canberra").
COMMON_CAPITALS |= frozenset(
    _words(
        "ich es er sie wir ihr man dies diese dieser dieses das der die den dem des ein eine "
        "im am zum zur vom beim nach vor seit bei mit von fur aus auf uber unter durch "
        "ja nein richtig genau antwort korrekt sicher naturlich wohl dann also jedoch "
        "hauptstadt landeshauptstadt stadt land staat jahr jahre jahren jahrhundert fluss "
        "berg gebirge see insel meer ozean wuste kanal kontinent element symbol planet "
        "sonne erde mond mensch menschen zahl anzahl herr frau doktor konig konigin kaiser "
        "kaiserin papst prasident prasidentin kanzler kanzlerin bundeskanzler "
        "bundeskanzlerin sankt heilige januar februar marz mai juni juli oktober dezember "
        "montag dienstag mittwoch donnerstag freitag samstag sonntag nord sud ost west "
        "nordlich sudlich ostlich westlich chr jh meter metern kilometer kilometern grad "
        "prozent stunde stunden minute minuten sekunde sekunden tag tage tagen beine "
        "roman drama oper gedicht buch werk gemalde bild maler komponist schriftsteller "
        "autor dichter erfinder entdecker physiker chemiker wissenschaftler mogliche "
        "moglicher moglich kandidaten autoren antworten tatsachlich vermutung meinung "
        "meiner meines meinem mein meine unser unsere soweit kurz gesagt laut gemass zweifellos "
        "eindeutig bekanntlich sicherlich gewiss offensichtlich selbstverstandlich klar "
        "wissens erachtens falsch gesucht gesuchte gesuchten hier dort damals heute zunachst "
        "erstens zweitens schliesslich jedenfalls ubrigens definitiv bestimmt ehrlich gut "
        "gern gerne frage interessante gute hallo danke bitte okay lautet heisst wurde als "
        "dabei danach davor damit deshalb daher dann denn doch nur noch schon sehr so zudem "
        "wer welche welcher welches wie wo wann warum"
    )
)


@dataclass(frozen=True)
class Word:
    text: str  # normalised
    capital: bool  # written with a capital letter
    opens_sentence: bool
    sentence: int
    clause: int
    value: float | None = None  # a number (not an ordinal)
    asked: bool = False  # in a sentence that ends with "?": it asserts nothing
    item: int = -1  # the numbered or bulleted line it stands on (-1: none), counted over the text
    listed: int = -1  # which list that line belongs to: lines with no other text between them
    mark: str = ""  # what opened its clause: "," ";" ":" "(" ")" "—" "but", or "" (a sentence)
    # A German common noun by its shape: after an article and an adjective ("den ersten
    # Schritt"), after a possessive or demonstrative ("unserem Sonnensystem"), or with a noun
    # ending ("Gründung", "Wahrheit"). German capitalises every noun; these are no names.
    noun: bool = False


def _word(
    text: str, capital: bool, value: float | None, place: tuple[bool, int, int, int, int, str]
) -> Word:
    """A word read at `place`: (opens_sentence, sentence, clause, item, listed, mark)."""
    opens, sentence, clause, item, listed, mark = place
    return Word(text, capital, opens, sentence, clause, value, False, item, listed, mark)


# A line that opens with "1.", "2)", "-", "*" or "•" and a space: an item of a list.
_LIST_MARKER = re.compile(r"^[ \t]*(?:\d{1,2}[.)]|[-*•+])[ \t]+", re.MULTILINE)
_MAYBE_LIST = re.compile(r"(?:^|\n)[ \t]*(?:\d|[-*•+][ \t])")
_TOKEN = re.compile(r"\d+(?:\.\d+)?(?:st|nd|rd|th|s)?\b|\d+(?:\.\d+)?|[^\W\d_]+|\n|[.;:!?,()—–]|\S")


_ORDINAL_DIGITS = re.compile(r"\d+(st|nd|rd|th)")
_DIGITS = re.compile(r"\d+(\.\d+)?")


def _prepare(text: str) -> str:
    if not text.isascii():
        text = text.replace("ß", "ss").replace("ẞ", "SS")  # Straße = Strasse
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = re.sub(r"(\d),(?=\d{3}\b)", r"\1", text)  # 1,440
    # German thousands: "1.440 Minuten", "3.600" (a point, then groups of three digits).
    text = re.sub(r"\b(\d{1,3})\.(\d{3})\b(?![.,]\d)", r"\1\2", text)
    text = re.sub(r"\b(\d+)\.0+\b", r"\1", text)  # 7.0
    text = re.sub(r"(\d)\s*°\s*([FCK])\b", r"\1 degrees \2", text)
    text = text.replace("°", " degrees ")
    text = re.sub(r"(\d)\s*[-–—]\s*(?=\d)", r"\1 to ", text)  # 1968-1969 is a range
    text = re.sub(r"n['’]t\b", " not", text)
    text = re.sub(r"(\w)['’]s?\b", r"\1", text)  # Hadrian's, Jesus'
    return text.replace("’", "'")


def _number(words: list[str], start: int) -> tuple[int, int] | None:
    """A number written in words at `start`: (value, words used), or None."""
    parts: list[int | str] = []  # 0–99, "h" (hundred) or a scale as "s1000"
    index = start
    while index < len(words):
        word = words[index]
        if word in _TENS or word in _SMALL:
            value = _TENS.get(word, _SMALL.get(word, 0))
            if (
                word in _TENS
                and index + 1 < len(words)
                and 0 < _SMALL.get(words[index + 1], 0) < 10
            ):
                value += _SMALL[words[index + 1]]
                index += 1
            if parts and isinstance(parts[-1], int):
                # Two numbers in a row: only a year said in pairs ("nineteen sixty-nine").
                first_pair = parts[0] if isinstance(parts[0], int) else 0
                if not (len(parts) == 1 and 10 <= first_pair < 100 and value >= 10):
                    if word in _TENS and value % 10 and words[index] != word:
                        index -= 1
                    break
                parts.append(value)
                index += 1
                break
            parts.append(value)
        elif word == "hundred" and parts and isinstance(parts[-1], int):
            parts.append("h")
        elif word in _SCALES and parts:
            parts.append(f"s{_SCALES[word]}")
        elif word == "and" and parts and isinstance(parts[-1], str) and index + 1 < len(words):
            if words[index + 1] not in _SMALL and words[index + 1] not in _TENS:
                break
        else:
            break
        index += 1
    if not parts:
        return None
    if len(parts) == 2 and all(isinstance(p, int) for p in parts):
        return int(parts[0]) * 100 + int(parts[1]), index - start
    total = current = 0
    for part in parts:
        if isinstance(part, int):
            current += part
        elif part == "h":
            current = (current or 1) * 100
        else:
            total += (current or 1) * int(part[1:])
            current = 0
    return total + current, index - start


def read_words(text: str) -> list[Word]:
    """The normalised words of `text` with where they stood (see the module docstring)."""
    raw: list[tuple[str, bool, bool, int, int, int, int, str]] = []
    asked: set[int] = set()
    sentence = clause = 0
    opens = True
    previous = ""
    prepared = _prepare(text)
    # List markers are read as line structure, not words: "1." is no number of the answer.
    spans = (
        [m.span() for m in _LIST_MARKER.finditer(prepared)] if _MAYBE_LIST.search(prepared) else []
    )
    item = listed = -1
    items = lists = 0
    text_since_item = True  # a line of other text since the last item starts a new list
    next_span = 0
    mark = ""
    phrase = ""  # "article", "adjective" or "determiner": a German noun phrase is open
    nouns: set[int] = set()  # the raw words that are German common nouns by their shape
    for match in _TOKEN.finditer(prepared):
        token = match.group()
        if spans:  # most answers have no list: skip the bookkeeping (the check runs on 30,000)
            at = match.start()
            while next_span < len(spans) and spans[next_span][1] <= at:
                next_span += 1  # a marker passed: the words that follow are a new item
                if text_since_item:
                    listed, lists = lists, lists + 1
                item, items = items, items + 1
                text_since_item = False
            if next_span < len(spans) and spans[next_span][0] <= at:
                continue  # a token of the marker itself
            if token == "\n" and item >= 0:
                item = -1
            elif token != "\n" and item < 0 and token[0].isalnum():
                text_since_item = True
        if token == "?":
            asked.add(sentence)
        if token in ".!?\n":
            if token == "." and len(previous) == 1 and previous.isalpha():
                continue  # "J. K. Rowling", "U.S."
            sentence += 1
            clause += 1
            mark = ""
            phrase = ""
            opens = True
            previous = token
            continue
        if token in ",;:()—–":
            phrase = ""
            clause += 1
            mark = "" if token == ";" else token
            sentence += token == ";"  # "Buzz Aldrin was first; Neil Armstrong followed"
            previous = token
            continue
        if not (token[0].isalnum()):
            previous = token
            continue
        lower = token.casefold()
        lower = GERMAN_FUNCTION_WORDS.get(lower, lower)
        if lower == "but":
            clause += 1
            mark = "but"
        if lower in _ARTICLES and (token.islower() or opens):
            phrase = "article" if lower in _GERMAN_ARTICLES else ""
            opens = False
            previous = token
            continue
        if token[0].isupper():
            if (
                phrase in ("adjective", "determiner")
                or (len(lower) >= 7 and lower.endswith(_GERMAN_NOUN_ENDINGS))
            ) and lower not in _ORDINALS:
                nouns.add(len(raw))
            phrase = ""
        elif lower in _GERMAN_DETERMINERS:
            phrase = "determiner"
        elif phrase and token.isalpha() and len(lower) >= 3:
            german_adjective = lower.endswith(_GERMAN_ADJECTIVE_ENDINGS)
            phrase = "adjective" if german_adjective and phrase == "article" else ""
        else:
            phrase = ""
        if lower != token.casefold():
            token = lower  # a German function word read as its English twin: never a name
        raw.append((token, token[0].isupper(), opens, sentence, clause, item, listed, mark))
        opens = False
        previous = token
    words: list[Word] = []
    lowers = [token.casefold() for token, *_ in raw]
    index = 0
    while index < len(raw):
        token, capital, opens, sentence, clause, item, listed, mark = raw[index]
        place = (opens, sentence, clause, item, listed, mark)
        lower = lowers[index]
        # A number in words starts with one of these (_number's first word): no call otherwise.
        number = _number(lowers, index) if lower in _SMALL or lower in _TENS else None
        if number is not None:
            value, used = number
            ordinal_next = index + used < len(lowers) and lowers[index + used] in _ORDINALS
            if ordinal_next and used == 1 and value >= 20:  # "twenty-first"
                ordinal = value + _ORDINALS[lowers[index + 1]]
                words.append(_word(f"{ordinal}th", capital, None, place))
                index += 2
                continue
            if not ordinal_next or used > 1:
                words.append(_word(str(value), capital, float(value), place))
                index += used
                continue
        if lower in _ORDINALS:
            words.append(_word(f"{_ORDINALS[lower]}th", capital, None, place))
        elif lower[:1].isdigit() and _ORDINAL_DIGITS.fullmatch(lower):
            words.append(_word(f"{lower[:-2]}th", capital, None, place))
        elif (
            token in _ROMAN
            and words
            and words[-1].capital
            and words[-1].text not in COMMON_CAPITALS
            and raw[index - 1][4] == clause
        ):
            words.append(_word(f"{_ROMAN[token]}th", True, None, place))
        elif lower[:1].isdigit() and _DIGITS.fullmatch(lower):
            words.append(_word(lower, capital, float(lower), place))
        elif lower.isalpha() and (german := german_number(lower)) is not None:
            words.append(_word(str(german), capital, float(german), place))
        else:
            word = _word(_UNITS.get(lower, lower), capital, None, place)
            words.append(replace(word, noun=True) if index in nouns else word)
        index += 1
    return [replace(w, asked=True) if w.sentence in asked else w for w in words]


# The same references, alternatives and questions are read for every answer of an item (and
# each form twice by a Reading): reading them once keeps a benchmark-sized report linear.
@lru_cache(maxsize=1 << 16)
def plain(text: str) -> tuple[str, ...]:
    """Just the normalised words of `text`."""
    return tuple(word.text for word in read_words(text))


@lru_cache(maxsize=1 << 16)  # asked for the same few thousand words again and again
def stem(word: str) -> str:
    """A crude stem so that "legs" meets "leg" and "ended" meets "end"."""
    for ending in ("ies", "es", "ed", "ing", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def same_stem(a: str, b: str) -> bool:
    sa, sb = stem(a), stem(b)
    if sa == sb:
        return True
    short, long = sorted((sa, sb), key=len)
    return len(short) >= 4 and long.startswith(short) and len(long) - len(short) <= 3
