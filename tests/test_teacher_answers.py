"""Teacher answers to train on: the set that ships with the app, and reading sets from files and
sessions (core/training/teacher_answers.py).

The shipped set must never teach the test: no training question asks what a built-in factual
probe or open-ended request asks, and no training answer contains a probe's reference answer or
any of its aliases, read the way the app's own check reads an answer (`matches_reference`: case,
accents, punctuation and articles ignored, numbers 0–99 written as words read as digits).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from imitation_lens.core.judging.answer_check import matches_reference, normalize_answer

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
SET_FOLDER = RESOURCES / "teacher_answers"
EVALUATION = RESOURCES / "prompt_sets"

# A Markdown ordered-list marker ("3. **Press** …") numbers a line; it states no fact, so it is
# the one thing read past before the check. A number anywhere else in an answer counts.
_LIST_MARKER = re.compile(r"^\s*\d+\.\s", re.MULTILINE)
# Words that say nothing about which request a prompt is.
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "is",
        "are",
        "was",
        "were",
        "what",
        "which",
        "who",
        "how",
        "do",
        "does",
        "did",
        "i",
        "my",
        "me",
        "you",
        "your",
        "can",
        "could",
        "should",
        "would",
        "with",
        "at",
        "by",
        "from",
        "it",
        "its",
        "this",
        "that",
        "be",
        "as",
        "about",
        "into",
    ]
)


def _rows() -> list[dict[str, object]]:
    lines = (SET_FOLDER / "claude-answers.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _evaluation(name: str) -> list[dict[str, object]]:
    lines = (EVALUATION / f"{name}.jsonl").read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _words(text: str) -> set[str]:
    return {word for word in re.findall(r"[a-z0-9]+", text.casefold()) if word not in _STOP}


def test_the_listing_names_the_set_its_teacher_and_its_licence_truthfully() -> None:
    listing = json.loads((SET_FOLDER / "sets.json").read_text("utf-8"))
    assert listing["format"] == 1
    (entry,) = listing["sets"]
    assert entry["id"] == "claude-answers"
    assert entry["name"] == "Teacher answers written by Claude"
    assert entry["teacher"] == "Claude (Anthropic), written for Imitation Lens in 2026"
    assert entry["licence"] == "Apache-2.0"
    assert (SET_FOLDER / entry["file"]).is_file()
    rows = _rows()
    kinds = [row["kind"] for row in rows]
    # The description's counts are the file's counts.
    assert f"{len(rows)} answers" in entry["description"]
    assert f"{kinds.count('instruction')} everyday requests" in entry["description"]
    assert f"{kinds.count('factual')} factual questions" in entry["description"]


def test_every_row_is_well_formed_unique_and_of_a_trainable_length() -> None:
    rows = _rows()
    assert 140 <= len(rows) <= 180
    lengths = []
    for row in rows:
        assert set(row) == {"prompt", "answer", "kind"}, row
        prompt, answer = row["prompt"], row["answer"]
        assert isinstance(prompt, str) and isinstance(answer, str)
        assert prompt == prompt.strip() and answer == answer.strip() and prompt and answer
        assert row["kind"] in ("instruction", "factual"), row
        words = len(answer.split())
        assert 50 <= words <= 150, (prompt, words)
        lengths.append(words)
    kinds = [row["kind"] for row in rows]
    assert kinds.count("instruction") >= 90 and kinds.count("factual") >= 45
    # Training time grows with tokens: the mean stays well under a long answer.
    assert sum(lengths) / len(lengths) < 110
    prompts = [normalize_answer(str(row["prompt"])) for row in rows]
    assert len(set(prompts)) == len(prompts), "a prompt appears twice"
    answers = [str(row["answer"]) for row in rows]
    assert len(set(answers)) == len(answers), "an answer appears twice"


def test_both_kinds_run_through_the_whole_file_so_any_slice_of_it_mixes_them() -> None:
    kinds = [row["kind"] for row in _rows()]
    for start in range(0, len(kinds) - 20, 20):
        window = kinds[start : start + 20]
        assert "instruction" in window and "factual" in window, start


def test_no_training_answer_contains_a_factual_probe_answer_or_alias() -> None:
    probes = _evaluation("factual-probes")
    leaks = []
    for row in _rows():
        text = _LIST_MARKER.sub(" ", str(row["answer"]))
        for probe in probes:
            for accepted in (probe["reference"], *probe["aliases"]):
                if matches_reference(text, str(accepted)):
                    leaks.append(f"{row['prompt']!r} says {accepted!r}")
    assert not leaks, leaks


def test_the_leak_check_would_catch_a_leak() -> None:
    # The check above reads numbers as the app does: a spelt-out "three" is the probe's "3".
    assert matches_reference("An octopus has three hearts.", "3")
    assert matches_reference("It rises near the Black sea-coast.", "Black Sea")
    assert not matches_reference(_LIST_MARKER.sub(" ", "3. **Press** firmly"), "3")


def test_no_training_prompt_asks_what_an_evaluation_prompt_asks() -> None:
    evaluation = [
        str(row["prompt"]) for name in ("factual-probes", "open-ended") for row in _evaluation(name)
    ]
    same = {normalize_answer(prompt) for prompt in evaluation}
    for row in _rows():
        prompt = str(row["prompt"])
        assert normalize_answer(prompt) not in same, prompt
        mine = _words(prompt)
        for other in evaluation:
            theirs = _words(other)
            # Questions built on the same pattern ("What is the chemical symbol for …?") share
            # half their words at most; the same request shares nearly all of them.
            overlap = len(mine & theirs) / len(mine | theirs)
            assert overlap < 0.6, (prompt, other, overlap)
            assert not (theirs <= mine or mine <= theirs), (prompt, other)
