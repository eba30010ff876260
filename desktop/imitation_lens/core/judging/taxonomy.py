"""The error taxonomy and severities. Stored as codes, so the list can grow without migrations."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Category:
    key: str  # the number key that marks a selection with it
    code: str
    label: str
    meaning: str
    needs_note: bool = False


CATEGORIES: tuple[Category, ...] = (
    Category("1", "wrong_detail", "Wrong detail", "a name, number, date or place is wrong"),
    Category("2", "wrong_claim", "Wrong claim", "a statement or relationship is false"),
    Category(
        "3",
        "invented",
        "Made up",
        "a person, work, quote, source or URL that does not exist",
        needs_note=True,
    ),
    Category(
        "4",
        "unverifiable",
        "Can't be checked",
        "stated as fact, but nothing could confirm it",
        needs_note=True,
    ),
    Category("5", "overclaim", "Stated too strongly", "opinion or guess presented as settled fact"),
    Category("6", "reasoning", "Reasoning error", "a step of reasoning or arithmetic is wrong"),
)
BY_CODE = {category.code: category for category in CATEGORIES}
BY_KEY = {category.key: category for category in CATEGORIES}

# One colour per category wherever marks are drawn (the window, the HTML report): the
# Okabe–Ito palette, which stays distinct under the common colour-vision deficiencies.
CATEGORY_COLOURS: dict[str, tuple[int, int, int]] = {
    "wrong_detail": (230, 159, 0),  # orange
    "wrong_claim": (213, 94, 0),  # vermillion
    "invented": (204, 121, 167),  # reddish purple
    "unverifiable": (86, 180, 233),  # sky blue
    "overclaim": (240, 228, 66),  # yellow
    "reasoning": (0, 158, 115),  # bluish green
}
OTHER_COLOUR = (150, 150, 150)  # a category this version does not know

OFF_TOPIC = "off_topic"  # "Misses the question": a whole-answer flag, not a span


@dataclass(frozen=True)
class Severity:
    code: str
    label: str
    weight: int  # MQM weights as used in WMT human evaluation
    meaning: str


MINOR = Severity("minor", "Minor", 1, "a flaw that leaves the answer useful")
MAJOR = Severity("major", "Major", 5, "misleads on a point that matters")
CRITICAL = Severity("critical", "Critical", 25, "the answer is wrong as a whole")
SEVERITIES = {s.code: s for s in (MINOR, MAJOR, CRITICAL)}
SPAN_SEVERITIES = (MINOR, MAJOR)  # critical belongs to a whole answer


def category_label(code: str) -> str:
    """The label shown for a code, or the code itself for one this version does not know."""
    category = BY_CODE.get(code)
    return category.label if category else code


def severity_label(code: str) -> str:
    severity = SEVERITIES.get(code)
    return severity.label if severity else code
