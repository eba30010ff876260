"""Good, broken and hostile files of teacher answers, for core/training/teacher_answers.py.

`good_files` writes the same pairs as Alpaca (JSON, JSON Lines, CSV), ShareGPT (JSON, and
chat "messages"), and the app's own prompt/answer JSON Lines. `hostile_files` writes files that
must each end in a TrainingError with a plain message: cut short, wrong types, a web page
saved as JSON, binary or non-UTF-8 bytes, empty, questions without answers, one endless line,
a huge file, too few answers. The byte-level breakage of question files
(tests/set_file_variants.py) is applied to the good files as well (`broken_good_files`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from set_file_variants import variants

PAIRS = 12  # more than plan.MIN_ANSWERS, so a good file trains
HUGE_ROWS = 120_000  # more than a question file may hold (set_files.MAX_ROWS)
ENDLESS_BYTES = 9 * 1024 * 1024  # past teacher_answers.MAX_LINE_BYTES


def pairs(count: int = PAIRS, tag: str = "") -> list[tuple[str, str]]:
    """Distinct prompt and answer pairs, each answer as a chat assistant lays one out."""
    return [
        (
            f"How do I look after plant number {n}{tag}?",
            f"Water plant {n} weekly.\n\n- **Light:** bright, indirect.\n- **Soil:** well drained.",
        )
        for n in range(1, count + 1)
    ]


def _alpaca(rows: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [{"instruction": p, "input": "", "output": a} for p, a in rows]


def _sharegpt(rows: list[tuple[str, str]]) -> list[dict[str, Any]]:
    return [
        {
            "id": f"c{n}",
            "conversations": [{"from": "human", "value": p}, {"from": "gpt", "value": a}],
        }
        for n, (p, a) in enumerate(rows)
    ]


def _jsonl(records: list[Any]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def _json(records: Any) -> bytes:
    return json.dumps(records, ensure_ascii=False, indent=1).encode()


def _csv(records: list[dict[str, Any]]) -> bytes:
    lines: list[str] = []

    class _Lines:
        def write(self, text: str) -> int:
            lines.append(text)
            return len(text)

    writer = csv.DictWriter(_Lines(), fieldnames=list(records[0]))
    writer.writeheader()
    writer.writerows(records)
    return "".join(lines).encode()


def _write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data)
    return path


def good_files(folder: Path) -> dict[str, Path]:
    """The same PAIRS pairs in every format a teacher-answer file may come in."""
    rows = pairs()
    messages = [
        {"messages": [{"role": "user", "content": p}, {"role": "assistant", "content": a}]}
        for p, a in rows
    ]
    made = {
        "alpaca.json": _json(_alpaca(rows)),
        "alpaca.jsonl": _jsonl(_alpaca(rows)),
        "alpaca.csv": _csv(_alpaca(rows)),
        "sharegpt.json": _json(_sharegpt(rows)),
        "messages.jsonl": _jsonl(messages),
        "own.jsonl": _jsonl([{"prompt": p, "answer": a} for p, a in rows]),
    }
    return {name: _write(folder, name, data) for name, data in made.items()}


def broken_good_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every byte-level variant of set_file_variants.py, applied to each good file."""
    for name, source in good_files(folder / "good").items():
        for variant, path in variants(source, folder / name.replace(".", "-")):
            yield f"{name}: {variant}", path


def _endless(_: Path) -> bytes:
    return b'{"prompt": "' + b"a" * ENDLESS_BYTES


def _huge_questions(_: Path) -> bytes:
    return _jsonl([{"instruction": f"Question {n}?", "output": ""} for n in range(HUGE_ROWS)])


HostileMaker = Callable[[Path], bytes]
# name: (file name, contents, words the refusal must contain)
HOSTILE: dict[str, tuple[str, HostileMaker, str]] = {
    "empty": ("empty.jsonl", lambda _: b"", "empty"),
    "blank lines only": ("blank.json", lambda _: b"\n \n\t\n", "empty"),
    "truncated json": ("cut.json", lambda _: _json(_alpaca(pairs()))[:-40], "not valid JSON"),
    "cut mid-line": ("cut.jsonl", lambda _: _jsonl(_alpaca(pairs()))[:-25], "not valid JSON"),
    "html served as json": (
        "alpaca.json",
        lambda _: b"\n<!DOCTYPE html><html><head><title>alpaca_data.json</title></head></html>",
        "web page",
    ),
    "html served as jsonl": ("train.jsonl", lambda _: b"<html><body>Sign in</body></html>", "web"),
    "binary": ("data.json", lambda _: bytes(range(256)) * 64, "not text"),
    "binary jsonl": ("data.jsonl", lambda _: b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not"),
    "latin-1 text": (
        "latin.jsonl",
        lambda _: _jsonl(_alpaca(pairs())).replace(b"plant", "caf\xe9".encode("latin-1")),
        "not text",
    ),
    "numbers for text": (
        "numbers.json",
        lambda _: _json([{"instruction": n, "input": "", "output": n * 7} for n in range(20)]),
        "pairs",
    ),
    "lists for text": (
        "lists.jsonl",
        lambda _: _jsonl(
            [{"instruction": [f"q{n}"], "output": ["a", {"b": n}]} for n in range(20)]
        ),
        "pairs",
    ),
    "turns that are not turns": (
        "turns.json",
        lambda _: _json([{"conversations": [n, "gpt", None]} for n in range(20)]),
        "pairs",
    ),
    "conversations as text": (
        "text.json",
        lambda _: _json([{"conversations": "human: hi gpt: hello"} for _ in range(20)]),
        "knows",
    ),
    "only prompts (alpaca)": (
        "prompts.json",
        lambda _: _json([{"instruction": p, "input": "", "output": ""} for p, _ in pairs()]),
        "no answers",
    ),
    "only prompts (sharegpt)": (
        "asked.json",
        lambda _: _json([{"conversations": [{"from": "human", "value": p}]} for p, _ in pairs()]),
        "no answers",
    ),
    "only prompts (own)": (
        "prompts.jsonl",
        lambda _: _jsonl([{"prompt": p} for p, _ in pairs()]),
        "no answers",
    ),
    "a question set": (
        "nq.jsonl",
        lambda _: _jsonl([{"question": p, "answer": ["x"]} for p, _ in pairs()]),
        "question set",
    ),
    "unknown fields": ("odd.jsonl", lambda _: _jsonl([{"foo": 1, "bar": 2}] * 20), "knows"),
    "a json scalar": ("scalar.json", lambda _: b'"just a string"', ""),
    "deep nesting": ("deep.json", lambda _: b"[" * 100_000 + b"]" * 100_000, ""),
    "one endless line": ("endless.jsonl", _endless, "longer than"),
    "a huge file of questions only": ("huge.jsonl", _huge_questions, "120,000 questions"),
    "too few answers": ("few.json", lambda _: _json(_alpaca(pairs(3))), "3 answers"),
    "one pair repeated": ("same.jsonl", lambda _: _jsonl(_alpaca(pairs(1)) * 40), "39 more"),
    "absurdly long answers": (
        "long.jsonl",
        lambda _: _jsonl([{"instruction": p, "output": a * 400} for p, a in pairs()]),
        "far too long",
    ),
    "not a data file": ("answers.txt", lambda _: b"Q: hi\nA: hello\n", "choose a .json"),
}


def hostile_file(name: str, folder: Path) -> tuple[Path, str]:
    """The hostile file `name` written into `folder`, and words its refusal contains."""
    file_name, make, says = HOSTILE[name]
    target = folder / name.replace(" ", "-").replace("(", "").replace(")", "")
    return _write(target, file_name, make(target)), says
