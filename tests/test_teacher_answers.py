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
import time
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.judging.answer_check import matches_reference, normalize_answer
from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.core.training.plan import MIN_ANSWERS, TrainingError
from imitation_lens.core.training.teacher_answers import (
    MAX_ANSWER_CHARS,
    MAX_ANSWERS,
    answers_from_file,
    answers_from_session,
    built_in_answers,
)
from set_file_variants import VARIANTS, parquet_variants
from teacher_answer_variants import HOSTILE, broken_good_files, good_files, hostile_file, pairs

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
    assert entry["teacher"] == "Claude (Anthropic)"
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
            aliases = probe["aliases"]
            assert isinstance(aliases, list)
            for accepted in (probe["reference"], *aliases):
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


# -- reading teacher answers -----------------------------------------------------------------


def _plain(message: str) -> None:
    """One sentence for a person: no traceback, no errno, no exception name, no file echoed."""
    assert message.endswith("."), message
    assert "\n" not in message and len(message) < 400, message
    for technical in ("Traceback", "Errno", "Error", "Exception", "codec", "char ", "0x"):
        assert technical not in message, message


def test_the_built_in_set_reads_whole_with_its_name_teacher_and_licence() -> None:
    found = built_in_answers()
    rows = _rows()
    assert found.origin == "built in" and found.dropped == 0
    assert found.name == "Teacher answers written by Claude"
    assert found.teacher == "Claude (Anthropic)"
    assert found.licence == "Apache-2.0"
    assert [(a.prompt, a.answer) for a in found.answers] == [
        (row["prompt"], row["answer"]) for row in rows
    ]


GOOD = ("alpaca.json", "alpaca.jsonl", "alpaca.csv", "sharegpt.json", "messages.jsonl", "own.jsonl")


@pytest.mark.parametrize("name", GOOD)
def test_every_kind_of_answer_file_gives_the_same_pairs(name: str, tmp_path: Path) -> None:
    found = answers_from_file(good_files(tmp_path)[name])
    assert [(a.prompt, a.answer) for a in found.answers] == pairs()
    assert (found.name, found.origin, found.dropped, found.teacher) == (name, "file", 0, "")
    # The reader's licence for the format: Alpaca's is known, ShareGPT dumps carry none.
    assert found.licence == ("CC BY-NC 4.0" if name.startswith("alpaca") else "")


def test_pairs_are_stripped_and_empty_repeated_and_overlong_ones_are_left_out_and_counted(
    tmp_path: Path,
) -> None:
    rows = [{"instruction": f"  {p}\n", "input": "", "output": f"\n{a}  "} for p, a in pairs()]
    rows += [{"instruction": "Say nothing", "output": "   "}]  # no answer
    rows += [{"instruction": pairs()[0][0], "output": pairs()[0][1]}]  # the same pair again
    rows += [{"instruction": "Write a book", "output": "word " * (MAX_ANSWER_CHARS // 4)}]
    rows += [{"instruction": "", "output": "An answer to nothing"}]  # no question
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(rows), "utf-8")
    found = answers_from_file(path)
    assert [(a.prompt, a.answer) for a in found.answers] == pairs()
    assert found.dropped == 4


def test_a_file_larger_than_a_run_takes_gives_the_same_random_sample_every_time(
    tmp_path: Path,
) -> None:
    rows = pairs(MAX_ANSWERS + 300)
    path = tmp_path / "big.jsonl"
    path.write_text("".join(json.dumps({"prompt": p, "answer": a}) + "\n" for p, a in rows))
    first, second = answers_from_file(path), answers_from_file(path)
    assert len(first.answers) == MAX_ANSWERS and first.dropped == 300
    assert first.answers == second.answers
    # A sample, not the head of the file, and kept in file order.
    order = {pair: n for n, pair in enumerate(rows)}
    taken = [order[(a.prompt, a.answer)] for a in first.answers]
    assert taken == sorted(taken) and taken[-1] > MAX_ANSWERS


def test_too_few_answers_are_refused_with_the_count_and_the_least_a_run_needs(
    tmp_path: Path,
) -> None:
    path = tmp_path / "three.json"
    path.write_text(json.dumps([{"instruction": p, "output": a} for p, a in pairs(3)]))
    with pytest.raises(TrainingError) as refused:
        answers_from_file(path)
    assert str(refused.value).startswith(
        f"three.json has 3 answers; a run needs at least {MIN_ANSWERS}"
    )
    _plain(str(refused.value))


@pytest.mark.parametrize("name", list(HOSTILE))
def test_every_hostile_file_ends_in_a_plain_refusal(name: str, tmp_path: Path) -> None:
    path, says = hostile_file(name, tmp_path)
    started = time.monotonic()
    with pytest.raises(TrainingError) as refused:
        answers_from_file(path)
    assert time.monotonic() - started < 30, "reading it took far too long"
    message = str(refused.value)
    _plain(message)
    assert says in message, message
    assert path.name in message, message  # it says which file


def test_a_missing_file_and_a_folder_are_refused_plainly(tmp_path: Path) -> None:
    for path in (tmp_path / "gone.jsonl", tmp_path / "folder.json"):
        if path.suffix == ".json":
            path.mkdir()
        with pytest.raises(TrainingError) as refused:
            answers_from_file(path)
        _plain(str(refused.value))


def test_broken_copies_of_good_files_end_plainly_or_give_only_the_files_own_pairs(
    tmp_path: Path,
) -> None:
    outcomes: dict[str, str] = {}
    honest = set(pairs())
    for name, path in broken_good_files(tmp_path):
        try:
            found = answers_from_file(path)
        except TrainingError as refused:
            _plain(str(refused))
            outcomes[name] = "refused"
        else:
            # Never a fake success: every pair is one the file really holds, whole.
            assert {(a.prompt, a.answer) for a in found.answers} <= honest, name
            assert len(found.answers) >= MIN_ANSWERS, name
            outcomes[name] = "read"
    assert len(outcomes) == len(GOOD) * len(VARIANTS)
    for name in GOOD:
        for surely_refused in ("empty", "html instead", "binary garbage"):
            assert outcomes[f"{name}: {surely_refused}"] == "refused", (name, surely_refused)


# -- a session's teacher answers -------------------------------------------------------------


def _answer(role: str, slot: int, status: str, text: str, **facts: Any) -> dict[str, Any]:
    row = {"id": new_id(), "role": role, "slot_index": slot, "status": status, "text": text}
    return row | {"kind": "endpoint"} | facts


def test_a_sessions_finished_teacher_answers_are_read_in_question_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite")
    try:
        session_id = store.create_session("Monday demo", [])
        for n, (prompt, answer) in enumerate(pairs(10), start=1):
            model = "gpt-4o" if n <= 7 else "gpt-4o-mini"
            store.add_item(session_id, new_id(), prompt, [
                _answer("Base", 0, "done", "a base answer", kind="local"),
                _answer("teacher", 1, "done", f"  {answer}\n", endpoint_model=model),
            ])  # fmt: skip
        for status, text in (("failed", "half"), ("streaming", "half an"), ("done", "   ")):
            store.add_item(session_id, new_id(), f"Unfinished {status}?", [
                _answer("Teacher", 0, status, text, endpoint_model="gpt-4o"),
            ])  # fmt: skip
        found = answers_from_session(store, session_id)
    finally:
        store.close()
    assert [(a.prompt, a.answer) for a in found.answers] == pairs(10)
    assert (found.name, found.origin, found.licence) == ("Session “Monday demo”", "session", "")
    assert found.teacher == "gpt-4o, gpt-4o-mini"  # the model of most answers first
    assert found.dropped == 0


def test_answers_an_imported_set_gave_the_teacher_column_are_read_with_its_licence(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "db.sqlite")
    try:
        prompt_set = read_question_file(good_files(tmp_path)["alpaca.json"])
        lineup = list(default_lineup({}))
        session_id = store.create_session("Alpaca", [slot.to_dict() for slot in lineup])
        create_batch(store, session_id, prompt_set, lineup)  # the file's answers: done at once
        found = answers_from_session(store, session_id)
    finally:
        store.close()
    assert [(a.prompt, a.answer) for a in found.answers] == pairs()
    assert found.licence == "CC BY-NC 4.0" and found.teacher == ""


def test_a_session_without_enough_finished_teacher_answers_is_refused_plainly(
    tmp_path: Path,
) -> None:
    store = Store(tmp_path / "db.sqlite")
    try:
        empty = store.create_session("Empty", [])
        few = store.create_session("Few", [])
        for prompt, answer in pairs(3):
            store.add_item(few, new_id(), prompt, [_answer("Teacher", 0, "done", answer)])
        refusals = {}
        for session_id in (empty, few, "no-such-session"):
            with pytest.raises(TrainingError) as refused:
                answers_from_session(store, session_id)
            refusals[session_id] = str(refused.value)
    finally:
        store.close()
    for message in refusals.values():
        _plain(message)
    assert "Session “Empty” has no finished answers in its Teacher column" in refusals[empty]
    assert refusals[few].startswith(
        f"Session “Few” has 3 answers; a run needs at least {MIN_ANSWERS}"
    )
    assert "no longer there" in refusals["no-such-session"]


def test_parquet_answer_files_read_and_their_breakage_ends_plainly(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    parquet = pytest.importorskip("pyarrow.parquet")
    rows = [{"instruction": p, "input": "", "output": a} for p, a in pairs()]
    source = tmp_path / "alpaca-train.parquet"
    parquet.write_table(pa.Table.from_pylist(rows), source)
    found = answers_from_file(source)
    assert [(a.prompt, a.answer) for a in found.answers] == pairs()
    assert found.licence == "CC BY-NC 4.0"
    for name, path in parquet_variants(source, tmp_path / "broken"):
        try:
            read = answers_from_file(path)
        except TrainingError as refused:
            _plain(str(refused))
        else:
            assert {(a.prompt, a.answer) for a in read.answers} <= set(pairs()), name
