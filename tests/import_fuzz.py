"""Hostile variants of a real session export, for tests/test_import_fuzz.py and benchmarks.

`variants(document, count, seed)` yields (name, bytes) pairs: the export's JSON with one or a
few mutations each, of every kind an import meets in the wild or from a hostile colleague:

- types: any field, however deep, replaced by text, a list, an object, null, true, a huge number;
- ranges: numbers past SQLite's 64 bits, negative counts, 2^53 + 1, 1e308;
- offsets and quotes: marks counted in UTF-16 units (over emoji), shifted, swapped, past the end;
  quotes in NFD, of the neighbouring text, empty;
- timestamps: month 13, hour 99, trailing garbage, no time zone, the year 9999 or 0001;
- lineups: a source that is text, "max_tokens": "lots", NaN-like and negative settings, unknown
  kinds, prompt modes and replay modes, slots that are not objects;
- duplicates: item, answer and mark ids, batch positions, judgements, verdicts;
- damage: truncations, flipped bytes, deep nesting, a wrong format or version.

Some variants are harmless (new ids, another title, a valid setting): an importer that refused
everything would be caught by the accepted count. Everything follows from `seed`.
"""

from __future__ import annotations

import copy
import json
import random
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

Document = dict[str, Any]
Mutation = Callable[[random.Random, Document], str]

HUGE = (2**63, 2**64, -(2**63) - 1, 10**30, 2**53 + 1)
ODD_NUMBERS = (-1, -(10**6), 1e308, -1e308, 0.5, 10**18)
ODD_VALUES: tuple[Any, ...] = ("lots", "", None, True, [], {}, [1, 2], {"a": 1}, "1e9", "0")
BAD_TIMES = (
    "2026-13-45T99:99:99garbage",
    "2026-13-01T00:00:00+00:00",
    "2026-02-30T10:00:00+00:00",
    "2026-11-29T24:61:00+00:00",
    "2026-11-29T10:00:00",
    "2026-11-29T10:00:00.000+00:00 and more",
    "9999-12-31T23:59:59+00:00",
    "0001-01-01T00:00:00+00:00",
    "2026-11-29T10:00:00+99:00",
    "2026-11-29T10:00:00Z!",
)
GOOD_TIMES = ("2026-11-29T10:00:00.000+00:00", "2026-01-01T00:00:00+02:00")


def _containers(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key) pair in a document, keys of lists included."""
    pairs: list[tuple[Any, Any]] = []
    stack = [document]
    while stack:
        value = stack.pop()
        keys = list(value) if isinstance(value, dict) else range(len(value))
        for key in keys:
            pairs.append((value, key))
            child = value[key]
            if isinstance(child, dict | list):
                stack.append(child)
    return pairs


def _answers(d: Document) -> list[dict[str, Any]]:
    return [r for item in d["items"] for r in item["responses"]]


def _marks(d: Document) -> list[dict[str, Any]]:
    return [m for r in _answers(d) for m in r["marks"]]


def _mark_with_answer(rng: random.Random, d: Document) -> tuple[dict[str, Any], dict[str, Any]]:
    pairs = [(m, r) for r in _answers(d) for m in r["marks"]]
    return rng.choice(pairs)


# -- mutations: each changes the document and says what it did ---------------------------------


def any_type(rng: random.Random, d: Document) -> str:
    container, key = rng.choice(_containers(d))
    container[key] = rng.choice([*ODD_VALUES, *HUGE, *ODD_NUMBERS])
    return f"type of {key}"


def number_range(rng: random.Random, d: Document) -> str:
    numbers = [
        (c, k)
        for c, k in _containers(d)
        if isinstance(c[k], int | float) and not isinstance(c[k], bool)
    ]
    container, key = rng.choice(numbers)
    container[key] = rng.choice([*HUGE, *ODD_NUMBERS])
    return f"range of {key}"


def answer_number(rng: random.Random, d: Document) -> str:
    answer = rng.choice(_answers(d))
    key = rng.choice(
        ("tokens_per_second", "ttft_ms", "tokens_in", "tokens_out", "seed", "model_size_bytes")
    )
    answer[key] = rng.choice([*HUGE, *ODD_NUMBERS, *ODD_VALUES, 2**63, 2**63, -1.5])
    return f"answer's {key}"


def utf16_offsets(rng: random.Random, d: Document) -> str:
    mark, answer = _mark_with_answer(rng, d)
    text = answer["text"]

    def units(offset: int) -> int:
        return len(text[:offset].encode("utf-16-le")) // 2

    mark["start"], mark["end"] = units(mark["start"]), units(mark["end"])
    return "UTF-16 offsets"


def shifted_offsets(rng: random.Random, d: Document) -> str:
    mark, answer = _mark_with_answer(rng, d)
    shift = rng.choice((-3, -1, 1, 2, 5))
    mark["start"] = max(0, mark["start"] + shift)
    mark["end"] = max(mark["start"] + 1, mark["end"] + shift)
    if rng.random() < 0.3:
        mark["start"], mark["end"] = mark["end"], mark["start"]
    if rng.random() < 0.2:
        mark["end"] = len(answer["text"]) + rng.randint(1, 50)
    return "shifted offsets"


def other_quote(rng: random.Random, d: Document) -> str:
    mark, answer = _mark_with_answer(rng, d)
    quote = mark["quote"]
    choice = rng.randrange(5)
    if choice == 0:
        mark["quote"] = unicodedata.normalize("NFD", quote + " é")
        return "NFD quote"
    if choice == 1:
        mark["quote"] = quote.upper() if quote.upper() != quote else quote + "x"
        return "another quote"
    if choice == 2:
        mark["quote"] = ""
        return "empty quote"  # offsets alone: may be accepted
    if choice == 3:
        text = answer["text"]
        mark["quote"] = text[mark["start"] + 1 : mark["end"] + 1] or "?"
        return "neighbouring quote"
    # text and quote both NFD: consistent, so it may be accepted
    text = unicodedata.normalize("NFD", answer["text"] + " café")
    answer["text"] = text
    for m in answer["marks"]:
        m["quote"] = text[m["start"] : m["end"]]
    return "NFD text and quotes"


def timestamp(rng: random.Random, d: Document) -> str:
    times = [
        (c, k)
        for c, k in _containers(d)
        if isinstance(k, str) and (k.endswith("_at")) and isinstance(c, dict)
    ]
    container, key = rng.choice(times)
    container[key] = rng.choice(BAD_TIMES + GOOD_TIMES)
    return f"time {key}"


def lineup(rng: random.Random, d: Document) -> str:
    slots = d["session"]["lineup"]
    if not slots:
        slots.append({"role": "Base"})
    slot = rng.choice(slots)
    choice = rng.randrange(9)
    if choice == 0:
        slot["source"] = rng.choice(("/models/x.gguf", 7, ["a"], None))
        return "lineup source"
    if choice == 1:
        slot.setdefault("params", {})
        key = rng.choice(
            (
                "max_tokens",
                "temperature",
                "top_p",
                "top_k",
                "seed",
                "repeat_penalty",
                "context_length",
                "threads",
            )
        )
        slot["params"][key] = rng.choice([*ODD_VALUES, *HUGE, *ODD_NUMBERS, 3, 0.2])
        return f"lineup {key}"
    if choice == 2:
        slot["params"] = rng.choice(("fast", [], 1, None, {"max_tokens": 64}))
        return "lineup params"
    if choice == 3:
        slot["kind"] = rng.choice(("endpoint", "local", "cloud", 1, None))
        return "lineup kind"
    if choice == 4:
        slot.setdefault("source", {})
        if isinstance(slot["source"], dict):
            key = rng.choice(("prompt_mode", "replay", "path", "base_url", "model"))
            slot["source"][key] = rng.choice(("chat", "always", "sometimes", 3, None, "x"))
        return "lineup source field"
    if choice == 5:
        slots[slots.index(slot)] = rng.choice(("Base", 1, None, []))
        return "lineup slot not an object"
    if choice == 6:
        slot["role"] = rng.choice((None, 5, "Teacher", ""))
        return "lineup role"
    if choice == 7:
        slot["note"] = rng.choice((None, 5, "a note"))
        return "lineup note"
    d["session"]["lineup"] = [copy.deepcopy(slot) for _ in range(rng.choice((2, 7, 200)))]
    return "lineup length"


def duplicate(rng: random.Random, d: Document) -> str:
    items = d["items"]
    choice = rng.randrange(5)
    if choice == 0 and len(items) > 1:
        items[1]["id"] = items[0]["id"]
        return "duplicate item id"
    if choice == 1:
        for item in items:
            item["batch_id"] = "B"
        items[-1]["batch_position"] = items[0]["batch_position"] = rng.choice((1, 2))
        return "duplicate batch position"
    if choice == 2:
        answers = _answers(d)
        answers[-1]["id"] = answers[0]["id"]
        return "duplicate answer id"
    if choice == 3:
        marks = _marks(d)
        if len(marks) > 1:
            marks[-1]["id"] = marks[0]["id"]
        return "duplicate mark id"
    item = rng.choice(items)
    if item["verdicts"]:
        item["verdicts"].append(copy.deepcopy(item["verdicts"][0]))
    return "duplicate verdict"


def new_ids(rng: random.Random, d: Document) -> str:
    """Harmless: every id renamed consistently, so the whole session is new."""
    tag = f"-{rng.getrandbits(32):x}"
    text = json.dumps(d)
    ids = {d["session"]["id"]}
    for item in d["items"]:
        ids.add(item["id"])
        for r in item["responses"]:
            ids.add(r["id"])
            ids.update(m["id"] for m in r["marks"])
    for old in sorted(ids, key=len, reverse=True):
        text = text.replace(json.dumps(old), json.dumps(old + tag))
    d.clear()
    d.update(json.loads(text))
    return "new ids"


def harmless(rng: random.Random, d: Document) -> str:
    choice = rng.randrange(4)
    if choice == 0:
        d["session"]["title"] = rng.choice(("Renamed", "", "<b>bold</b> 😀", "a" * 5000))
        return "title"
    if choice == 1:
        for slot in d["session"]["lineup"]:
            slot.setdefault("params", {})["max_tokens"] = rng.choice((1, 64, 32768))
        return "valid max_tokens"
    if choice == 2:
        for n, item in enumerate(d["items"], 1):
            item["batch_id"], item["batch_position"] = "B", n
        return "valid batch places"
    rng.choice(_answers(d))["extra"] = {"future_fact": rng.choice((1, "x", [1], {"a": None}))}
    return "unknown fact"


def deep(rng: random.Random, d: Document) -> str:
    depth = rng.choice((40, 70, 500))
    value: Any = 1
    for _ in range(depth):
        value = [value] if rng.random() < 0.5 else {"a": value}
    rng.choice(_answers(d))["params"] = {"nested": value}
    return f"nested {depth} deep"


def version(rng: random.Random, d: Document) -> str:
    key = rng.choice(("format", "format_version", "evaluator", "session", "items"))
    d[key] = rng.choice((*ODD_VALUES, 2, 4, "imitation-lens-session"))
    return f"top-level {key}"


MUTATIONS: list[tuple[Mutation, int]] = [
    (any_type, 6),
    (number_range, 3),
    (answer_number, 3),
    (utf16_offsets, 2),
    (shifted_offsets, 2),
    (other_quote, 3),
    (timestamp, 3),
    (lineup, 6),
    (duplicate, 3),
    (new_ids, 2),
    (harmless, 3),
    (deep, 1),
    (version, 1),
]


def _encoded(rng: random.Random, d: Document) -> tuple[str, bytes]:
    raw = json.dumps(d, ensure_ascii=rng.random() < 0.5).encode()
    roll = rng.random()
    if roll < 0.04:
        return "truncated", raw[: rng.randrange(len(raw))]
    if roll < 0.07:
        flipped = bytearray(raw)
        for _ in range(rng.randint(1, 4)):
            flipped[rng.randrange(len(flipped))] = rng.randrange(256)
        return "flipped bytes", bytes(flipped)
    return "", raw


def variants(document: Document, count: int, seed: int = 13) -> Iterator[tuple[str, bytes]]:
    rng = random.Random(seed)
    mutations, weights = zip(*MUTATIONS, strict=True)
    original = json.dumps(document)  # parsed again for each variant: far faster than deepcopy
    for _ in range(count):
        d = json.loads(original)
        names = []
        for mutation in rng.choices(mutations, weights, k=rng.choice((1, 1, 1, 2, 3))):
            try:
                names.append(mutation(rng, d))
            except (IndexError, KeyError, TypeError, AttributeError, ValueError):
                names.append(f"{mutation.__name__} (no target)")  # an earlier one broke its way
        damage, raw = _encoded(rng, d)
        yield " + ".join([*names, damage] if damage else names), raw
