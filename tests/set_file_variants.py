"""Broken and hostile variants of a question file, for the public-set readers
(core/batches/formats.py): each must end in a prompt set or a plain PromptSetError."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

Variant = tuple[str, Callable[[bytes], bytes]]


def _first_line_as(value: object) -> Callable[[bytes], bytes]:
    """The first row of a JSONL file with every field replaced by `value` (a wrong type)."""

    def change(data: bytes) -> bytes:
        first, _, rest = data.partition(b"\n")
        try:
            row = json.loads(first)
        except ValueError:
            return data
        if isinstance(row, dict):
            row = {key: value for key in row}
        return json.dumps(row).encode() + b"\n" + rest

    return change


VARIANTS: list[Variant] = [
    ("empty", lambda _: b""),
    ("cut mid-way", lambda data: data[: max(1, len(data) // 2)]),
    ("cut one byte short", lambda data: data[:-1]),
    ("html instead", lambda _: b"<!DOCTYPE html><html><body><h1>404 Not Found</h1></body></html>"),
    ("not utf-8", lambda data: b"\xff\xfe\xfa" + data),
    ("a utf-8 bom", lambda data: b"\xef\xbb\xbf" + data),
    ("nul bytes", lambda data: data.replace(b"\n", b"\x00\n", 3)),
    ("binary garbage", lambda _: bytes(range(256)) * 8),
    ("one endless line", lambda _: b"{" + b'"question": "' + b"a" * 2_000_000),
    ("numbers for text", _first_line_as(12345)),
    ("lists for text", _first_line_as(["a", ["b"], {"c": 1}])),
    ("nulls for text", _first_line_as(None)),
    ("deep nesting", lambda _: b"[" * 50_000 + b"]" * 50_000),
    ("a json scalar", lambda _: b'"just a string"'),
]


def variants(source: Path, folder: Path) -> Iterator[tuple[str, Path]]:
    """Each variant of `source` written beside it in `folder`, with the same name."""
    data = source.read_bytes()
    for name, change in VARIANTS:
        target = folder / name.replace(" ", "-") / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(change(data))
        yield name, target
