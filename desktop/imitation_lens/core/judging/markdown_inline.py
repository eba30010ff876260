"""Inline Markdown in one line: which characters are markup and how the others are styled.

Inline Markdown only ever hides characters (the `**` around bold words, backticks, a link's
brackets and address) and styles the rest, so every character shown is one character of the
model's text: that is what lets marks stay offsets into the raw text.

Every step is a single pass with stacks or precomputed "next" tables, so hostile input (ten
thousand asterisks, a thousand brackets) costs linear time. The rules are CommonMark's where
chat models rely on them (flanking runs, `_` not inside words, code spans before emphasis) and
simpler where they don't (emphasis does not cross line breaks or other emphasis' delimiters).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

BOLD = 1
ITALIC = 2
CODE = 4
STRIKE = 8
LINK = 16
FLAGS = (BOLD, ITALIC, CODE, STRIKE, LINK)

Styler = Callable[[int, int, int], None]  # (flag, begin, end)

MARKUP = "*_~`[\\"
ESCAPABLE = frozenset("\\`*_{}[]()#+-.!|~<>\"'")


def parse_inline(line: str, close_at_end: bool = False) -> tuple[list[int], list[int]]:
    """The indices of `line` that are shown, and each shown character's style flags.

    close_at_end: the line is still being written, so bold, italics or code opened and not yet
    closed are shown styled to its end (as chat apps do) instead of as bare `**` that would
    vanish a moment later."""
    n = len(line)
    if not any(char in line for char in MARKUP):  # most lines: nothing to do
        return list(range(n)), [0] * n
    hidden = bytearray(n)
    literal = bytearray(n)  # escaped or inside code: never markup
    starts: dict[int, list[int]] = {}  # per style: +1 where it begins, -1 where it ends

    def style(flag: int, begin: int, end: int) -> None:
        if begin < end:
            counts = starts.setdefault(flag, [0] * (n + 1))
            counts[begin] += 1
            counts[end] -= 1

    _code_and_escapes(line, hidden, literal, style, close_at_end)
    _links(line, hidden, literal, style)
    still_open = _emphasis(line, hidden, literal, style)
    if close_at_end:
        for char, openers in still_open.items():
            for start, length in openers:
                used = 2 if char == "~" or length >= 2 else 1
                flag = STRIKE if char == "~" else BOLD if used == 2 else ITALIC
                for position in range(start + length - used, start + length):
                    hidden[position] = 1
                style(flag, start + length, n)

    shown: list[int] = []
    flags: list[int] = []
    depth = dict.fromkeys(starts, 0)
    for index in range(n):
        value = 0
        for flag, counts in starts.items():
            depth[flag] += counts[index]
            if depth[flag] > 0:
                value |= flag
        if not hidden[index]:
            shown.append(index)
            flags.append(value)
    return shown, flags


def _code_and_escapes(
    line: str, hidden: bytearray, literal: bytearray, style: Styler, close_at_end: bool
) -> None:
    n = len(line)
    runs: dict[int, list[int]] = {}  # backtick run length -> where such runs start, in order
    index = 0
    while index < n:
        if line[index] == "`":
            end = index
            while end < n and line[end] == "`":
                end += 1
            runs.setdefault(end - index, []).append(index)
            index = end
        else:
            index += 1
    seen = dict.fromkeys(runs, 0)  # per length: runs already passed (the scan only moves on)
    index = 0
    while index < n:
        char = line[index]
        if char == "\\" and index + 1 < n and line[index + 1] in ESCAPABLE:
            hidden[index] = 1
            literal[index + 1] = 1
            index += 2
            continue
        if char != "`":
            index += 1
            continue
        end = index
        while end < n and line[end] == "`":
            end += 1
        length = end - index
        candidates = runs.get(length, [])  # a run an escape shortened was not counted
        seen.setdefault(length, 0)
        while seen[length] < len(candidates) and candidates[seen[length]] <= index:
            seen[length] += 1
        if seen[length] < len(candidates):
            close = candidates[seen[length]]
            for position in range(index, close + length):
                literal[position] = 1
            for position in (*range(index, end), *range(close, close + length)):
                hidden[position] = 1
            style(CODE, end, close)
            index = close + length
        elif close_at_end:  # code still being written: code to the end of the line
            for position in range(index, n):
                literal[position] = 1
            for position in range(index, end):
                hidden[position] = 1
            style(CODE, end, n)
            index = n
        else:  # no closing run: the backticks are just backticks
            for position in range(index, end):
                literal[position] = 1
            index = end


def _links(line: str, hidden: bytearray, literal: bytearray, style: Styler) -> None:
    """[text](address) and ![alt](address) show only their text."""
    n = len(line)
    next_paren = [n] * (n + 1)
    for index in range(n - 1, -1, -1):
        is_close = line[index] == ")" and not literal[index]
        next_paren[index] = index if is_close else next_paren[index + 1]
    opens: list[int] = []
    index = 0
    while index < n:
        char = line[index]
        if literal[index] or char not in "[]":
            index += 1
            continue
        if char == "[":
            opens.append(index)
            index += 1
            continue
        if not opens or index + 1 >= n or line[index + 1] != "(":
            if opens:
                opens.pop()
            index += 1
            continue
        close = next_paren[index + 2]
        address = line[index + 2 : close]
        if close >= n or (any(c.isspace() for c in address.strip()) and '"' not in address):
            opens.pop()
            index += 1
            continue
        start = opens.pop()
        opens.clear()  # a link holds no link: earlier brackets stay text
        hidden[start] = 1
        if start > 0 and line[start - 1] == "!" and not literal[start - 1]:
            hidden[start - 1] = 1
        for position in range(index, close + 1):
            hidden[position] = 1
            literal[position] = 1
        style(LINK, start + 1, index)
        index = close + 1


def _emphasis(
    line: str, hidden: bytearray, literal: bytearray, style: Styler
) -> dict[str, list[list[int]]]:
    """Pairs delimiter runs into styles; returns the openers left unclosed, per character."""
    n = len(line)
    openers: dict[str, list[list[int]]] = {"*": [], "_": [], "~": []}  # [start, length left]
    index = 0
    while index < n:
        char = line[index]
        if char not in "*_~" or literal[index] or hidden[index]:
            index += 1
            continue
        end = index
        while end < n and line[end] == char and not literal[end] and not hidden[end]:
            end += 1
        before = line[index - 1] if index > 0 else " "
        after = line[end] if end < n else " "
        can_open, can_close = _flanking(char, before, after)
        if char == "~" and end - index != 2:
            can_open = can_close = False
        closer = [index, end - index]
        stack = openers[char]
        if can_close:
            while closer[1] > 0 and stack:
                opener = stack[-1]
                used = 2 if opener[1] >= 2 and closer[1] >= 2 else 1
                inner_start = opener[0] + opener[1]
                flag = STRIKE if char == "~" else BOLD if used == 2 else ITALIC
                style(flag, inner_start, closer[0])
                for position in (
                    *range(inner_start - used, inner_start),
                    *range(closer[0], closer[0] + used),
                ):
                    hidden[position] = 1
                opener[1] -= used
                closer[0] += used
                closer[1] -= used
                if opener[1] == 0:
                    stack.pop()
        if closer[1] > 0 and can_open:
            stack.append(closer)
        index = end
    return openers


def _flanking(char: str, before: str, after: str) -> tuple[bool, bool]:
    left = not after.isspace() and (
        not _punctuation(after) or before.isspace() or _punctuation(before)
    )
    right = not before.isspace() and (
        not _punctuation(before) or after.isspace() or _punctuation(after)
    )
    if char == "_":  # snake_case_names stay as they are
        return left and (not right or _punctuation(before)), right and (
            not left or _punctuation(after)
        )
    return left, right


def _punctuation(char: str) -> bool:
    return unicodedata.category(char).startswith(("P", "S"))
