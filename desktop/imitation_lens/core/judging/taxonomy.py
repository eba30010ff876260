"""The error taxonomy and severities. Stored as codes, so the list can grow without migrations."""

from __future__ import annotations

from dataclasses import dataclass

from imitation_lens.core.housekeeping.translation import N_, _


@dataclass(frozen=True)
class Category:
    key: str  # the number key that marks a selection with it
    code: str
    label: str
    meaning: str
    # Its colour wherever marks are drawn (the window, the HTML report): from the Okabe–Ito
    # palette, which stays distinct under the common colour-vision deficiencies.
    colour: tuple[int, int, int]
    needs_note: bool = False

    # `label` and `meaning` are the English source (N_): exports keep them; people see these.
    def shown_label(self) -> str:
        """The label in the chosen language."""
        return _(self.label)

    def shown_meaning(self) -> str:
        return _(self.meaning)


# The one list of error categories: the mark form, the keys, the colour key, the shortcut
# sheet, the exports and the report all read it (through the functions below, when they are
# used, so a category added here, or by a test, is met everywhere). Codes are stored, so the
# list can grow without a migration; a code this version does not know is kept and shown as
# itself, in OTHER_COLOUR.
CATEGORIES: tuple[Category, ...] = (
    Category(
        "1",
        "wrong_detail",
        N_("Wrong detail"),
        N_("a name, number, date or place is wrong"),
        (230, 159, 0),  # orange
    ),
    Category(
        "2",
        "wrong_claim",
        N_("Wrong claim"),
        N_("a statement or relationship is false"),
        (213, 94, 0),  # vermillion
    ),
    Category(
        "3",
        "invented",
        N_("Made up"),
        N_("a person, work, quote, source or URL that does not exist"),
        (204, 121, 167),  # reddish purple
        needs_note=True,
    ),
    Category(
        "4",
        "unverifiable",
        N_("Can't be checked"),
        N_("stated as fact, but nothing could confirm it"),
        (86, 180, 233),  # sky blue
        needs_note=True,
    ),
    Category(
        "5",
        "overclaim",
        N_("Stated too strongly"),
        N_("opinion or guess presented as settled fact"),
        (240, 228, 66),  # yellow
    ),
    Category(
        "6",
        "reasoning",
        N_("Reasoning error"),
        N_("a step of reasoning or arithmetic is wrong"),
        (0, 158, 115),  # bluish green
    ),
)
OTHER_COLOUR = (150, 150, 150)  # a category this version does not know

# CATEGORIES indexed by code and by key, rebuilt when CATEGORIES is another tuple.
_indexed: tuple[tuple[Category, ...], dict[str, Category], dict[str, Category]] = ((), {}, {})


def _index() -> tuple[dict[str, Category], dict[str, Category]]:
    global _indexed
    if _indexed[0] is not CATEGORIES:
        _indexed = (
            CATEGORIES,
            {c.code: c for c in CATEGORIES},
            {c.key: c for c in CATEGORIES},
        )
    return _indexed[1], _indexed[2]


def categories() -> tuple[Category, ...]:
    """Every error category, in the order of their keys."""
    return CATEGORIES


def category_of(code: str) -> Category | None:
    """The category stored as `code`; None for one this version does not know."""
    return _index()[0].get(code)


def category_for_key(key: str) -> Category | None:
    """The category a typed key marks a selection with; None if the key marks nothing."""
    return _index()[1].get(key)


def category_colour(code: str) -> tuple[int, int, int]:
    found = category_of(code)
    return found.colour if found is not None else OTHER_COLOUR


def needing_a_note() -> list[Category]:
    return [c for c in CATEGORIES if c.needs_note]


def key_range() -> str:
    """The keys that mark a selection, as help text says them: "1–6"."""
    return f"{CATEGORIES[0].key}–{CATEGORIES[-1].key}"


OFF_TOPIC = "off_topic"  # "Misses the question": a whole-answer flag, not a span


@dataclass(frozen=True)
class Severity:
    code: str
    label: str
    weight: int  # MQM weights as used in WMT human evaluation
    meaning: str

    def shown_label(self) -> str:
        """The label in the chosen language (`label` is the English source)."""
        return _(self.label)

    def shown_meaning(self) -> str:
        return _(self.meaning)


MINOR = Severity("minor", N_("Minor"), 1, N_("a flaw that leaves the answer useful"))
MAJOR = Severity("major", N_("Major"), 5, N_("misleads on a point that matters"))
CRITICAL = Severity("critical", N_("Critical"), 25, N_("the answer is wrong as a whole"))
SEVERITIES = {s.code: s for s in (MINOR, MAJOR, CRITICAL)}
SPAN_SEVERITIES = (MINOR, MAJOR)  # critical belongs to a whole answer


def category_label(code: str) -> str:
    """The label shown for a code in the chosen language, or the code itself for one this
    version does not know."""
    found = category_of(code)
    return found.shown_label() if found else code


def english_category_label(code: str) -> str:
    """The label in English whatever the language: exported data stays language-neutral."""
    found = category_of(code)
    return found.label if found else code


def severity_label(code: str) -> str:
    """The severity's label in the chosen language, or the code for one this version does not
    know."""
    severity = SEVERITIES.get(code)
    return severity.shown_label() if severity else code
