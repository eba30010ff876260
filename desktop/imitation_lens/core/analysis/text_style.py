"""What an answer's text looks like, apart from its errors: words, lists and hedging.

Counted the same way everywhere (the per-model figures, the answers table, the HTML report):
words are white-space separated and list markers and lone punctuation are not words.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Hedging phrases (after Hyland's hedges, kept to unambiguous ones: bare "may" would catch the
# month, bare "about" and "around" their spatial senses).
HEDGES: tuple[str, ...] = (
    "maybe",
    "perhaps",
    "possibly",
    "probably",
    "likely",
    "unlikely",
    "might",
    "may be",
    "may have",
    "could be",
    "i think",
    "i believe",
    "i guess",
    "i'm not sure",
    "i am not sure",
    "not sure",
    "not certain",
    "unsure",
    "uncertain",
    "unclear",
    "it seems",
    "seems to",
    "appears to",
    "as far as i know",
    "to my knowledge",
    "i don't know",
    "approximately",
    "roughly",
)
# The per-model figures, the style figures and the exports each ask about every answer: a
# benchmark-sized report asks three times about each of 30,000 answers. Answered once each.
_MEMO = 1 << 16
_HEDGE = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in HEDGES) + r")\b")
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*•]|\d{1,3}[.)])(?=[ \t])", re.MULTILINE)
_WORD = re.compile(r"\S*[^\W_]\S*")  # a run without spaces holding a letter or digit


@lru_cache(maxsize=_MEMO)
def uses_list(text: str) -> bool:
    return _LIST_LINE.search(text) is not None


@lru_cache(maxsize=_MEMO)
def is_hedged(text: str) -> bool:
    return _HEDGE.search(text.casefold().replace("’", "'")) is not None


@lru_cache(maxsize=_MEMO)
def word_count(text: str) -> int:
    """Words separated by white space; list markers and lone punctuation are not words."""
    return len(_WORD.findall(_LIST_MARKER.sub("", text)))
