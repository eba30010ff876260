"""The blind protocol: counterbalanced answer order and answers that give their author away."""

from __future__ import annotations

import random
import re


def shown_order(slot_count: int, item_index: int, seed: int) -> list[int]:
    """The slots in the order an item shows them: position p shows slot `order[p]`.

    Items are taken in cycles of `slot_count`; each cycle uses every row of a Latin square
    once, in a shuffled order, so after every full cycle each slot has been in each position
    exactly once, and at any point the counts differ by at most one. The square's rows and
    their order depend on the session's seed and nothing else, so an order can be recomputed.
    """
    if slot_count < 1:
        return []
    square = random.Random(seed)
    labels = list(range(slot_count))
    square.shuffle(labels)  # which slot plays which part in the square, for this session
    cycle, row_in_cycle = divmod(item_index, slot_count)
    rows = list(range(slot_count))
    random.Random(f"{seed}:{cycle}").shuffle(rows)
    row = rows[row_in_cycle]
    return [labels[(row + position) % slot_count] for position in range(slot_count)]


# Phrases by which an answer names its maker or itself; FastChat voids a vote on such answers.
_IDENTITY_PATTERNS = [
    r"\bas an? (?:ai|artificial intelligence)(?: language)?(?: model| assistant)?\b",
    r"\b(?:i am|i'm) (?:an? )?(?:ai|language model|large language model|chatbot)\b",
    r"\b(?:developed|created|trained|built|made) by (?:openai|google|anthropic|meta|mistral"
    r"|microsoft|deepmind|alibaba|deepseek)\b",
    r"\b(?:chatgpt|gpt-?[345](?:\.\d)?o?|claude|gemini|gemma|llama|vicuna|alpaca|koala|mistral"
    r"|qwen|bard|copilot)\b",
    r"\bmy (?:training data|knowledge cutoff|training cut-?off)\b",
]
_IDENTITY = re.compile("|".join(f"(?:{p})" for p in _IDENTITY_PATTERNS), re.IGNORECASE)


def identity_clues(text: str) -> list[str]:
    """The phrases in an answer that may reveal which model wrote it, in order, without repeats."""
    seen: list[str] = []
    for match in _IDENTITY.finditer(text):
        phrase = match.group(0)
        if phrase.lower() not in (s.lower() for s in seen):
            seen.append(phrase)
    return seen
