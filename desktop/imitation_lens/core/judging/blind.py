"""The blind protocol: counterbalanced answer order and answers that give their author away."""

from __future__ import annotations

import random
import re


def shown_order(slot_count: int, item_index: int, seed: int) -> list[int]:
    """The slots in the order an item shows them: position p shows slot `order[p]`.

    Items are taken in cycles of 2 × `slot_count`: each row of a Latin square (the rotations
    of one order), each followed at once by the same row reversed. An order and its reverse
    put every pair of slots once each way round, so over every two items each model has been
    shown before each other model equally often, and over any prefix of a session a pair's two
    ways round differ by at most one (rotations alone would show, with three models, one
    before another in two items of three). Over a full cycle each slot is in each position
    exactly twice; over a prefix the counts differ by at most two. The labels, the rows'
    order and which of a row and its reverse comes first depend on the session's seed and
    nothing else, so an order can be recomputed from (slot count, item index, seed).
    """
    if slot_count < 1:
        return []
    square = random.Random(seed)
    labels = list(range(slot_count))
    square.shuffle(labels)  # which slot plays which part in the square, for this session
    cycle, place = divmod(item_index, 2 * slot_count)
    row_in_cycle, second = divmod(place, 2)
    shuffle = random.Random(f"{seed}:{cycle}")
    rows = list(range(slot_count))
    shuffle.shuffle(rows)
    reverse_first = [shuffle.random() < 0.5 for _ in range(slot_count)]
    row = rows[row_in_cycle]
    order = [labels[(row + position) % slot_count] for position in range(slot_count)]
    return order[::-1] if bool(second) != reverse_first[row_in_cycle] else order


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
