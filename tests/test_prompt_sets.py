"""Prompt sets: the built-in ones, reading JSONL and CSV, refusing malformed files by line."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from imitation_lens.core.batches.prompt_sets import (
    MAX_PROBLEMS,
    PromptSetError,
    SetItem,
    built_in_sets,
    find_prompt_set,
    parse_prompt_set,
    prompt_sets,
    read_prompt_set_file,
    remove_prompt_set,
    save_prompt_set,
)
from imitation_lens.core.judging.answer_check import automatic_check, matches_reference
from imitation_lens.core.storage.store import Store

TOPICS = {"geography", "science", "history", "arts", "people", "numbers-and-dates"}


def test_the_factual_probe_set_has_150_referenced_sourced_questions_over_six_topics() -> None:
    probes = next(s for s in built_in_sets() if s.id == "built-in:factual-probes")
    assert len(probes.items) >= 150
    assert probes.licence == "CC0-1.0" and probes.description
    prompts = [item.prompt for item in probes.items]
    assert len(set(prompts)) == len(prompts), "a question appears twice"
    counts = probes.tag_counts()
    assert set(counts) == TOPICS and min(counts.values()) >= 20, counts
    for item in probes.items:
        assert item.reference, item.prompt
        assert len(item.tags) == 1 and item.tags[0] in TOPICS
        source = urlparse(item.source)
        assert source.scheme == "https" and source.netloc, item.source
        # An answer that only repeats the question must not pass the check.
        assert not matches_reference(item.prompt, item.reference, item.aliases), item.prompt
        assert automatic_check(item.reference, item.reference, item.aliases) is True
        assert automatic_check(item.reference, item.reference, item.aliases, question=item.prompt)
        assert not automatic_check(item.prompt, item.reference, item.aliases, question=item.prompt)


def test_the_open_ended_set_has_instructions_without_references() -> None:
    open_ended = next(s for s in built_in_sets() if s.id == "built-in:open-ended")
    assert len(open_ended.items) >= 20
    assert all(not item.reference and item.tags for item in open_ended.items)


def test_jsonl_with_lists_or_separated_strings() -> None:
    data = (
        b'{"prompt": "Capital of Australia?", "reference": "Canberra", '
        b'"aliases": ["Canberra, ACT"], "source": "https://example.org", "tags": ["geo"]}\n'
        b"\n"  # blank lines are skipped
        b'{"prompt": " Who wrote Hamlet? ", "reference": "Shakespeare", '
        b'"aliases": "William Shakespeare | the Bard", "tags": "arts, people"}\n'
        b'{"prompt": "Write a haiku about rain."}\n'
    )
    items = parse_prompt_set(data, "set.jsonl", ".jsonl")
    assert items == [
        SetItem(
            "Capital of Australia?",
            "Canberra",
            ("Canberra, ACT",),
            "https://example.org",
            ("geo",),
            1,
        ),
        SetItem(
            "Who wrote Hamlet?",
            "Shakespeare",
            ("William Shakespeare", "the Bard"),
            "",
            ("arts", "people"),
            3,
        ),
        SetItem("Write a haiku about rain.", line=4),
    ]


def test_csv_from_a_spreadsheet_with_bom_semicolons_and_a_multiline_cell() -> None:
    data = (
        "\ufeffPrompt;Reference;Aliases;Source;Tags\r\n"
        "What is the capital of Peru?;Lima;;https://en.wikipedia.org/wiki/Lima;geography\r\n"
        '"A question\r\non two lines?";Yes;;;\r\n'
        "Who painted the Mona Lisa?;Leonardo da Vinci;da Vinci|Leonardo;;arts,people\r\n"
    ).encode()
    items = parse_prompt_set(data, "set.csv", ".csv")
    assert [item.line for item in items] == [2, 3, 5]
    assert items[1].prompt == "A question\r\non two lines?"
    assert items[2].aliases == ("da Vinci", "Leonardo") and items[2].tags == ("arts", "people")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "set.jsonl",
            '{"prompt": "ok"}\n{"prompt": "broken",\n{"prompt": "ok"}\n',
            ["Line 2: not valid JSON"],
        ),
        ("set.jsonl", '{"prompt": ""}\n', ["Line 1: the prompt is missing or empty"]),
        ("set.jsonl", '{"reference": "x"}\n', ["Line 1: the prompt is missing or empty"]),
        ("set.jsonl", '["a list"]\n', ["Line 1: each line must be a JSON object"]),
        ("set.jsonl", '{"promt": "typo"}\n', ["Line 1: unknown field 'promt'"]),
        ("set.jsonl", '{"prompt": "q", "aliases": [1, 2]}\n', ["Line 1: aliases must be"]),
        ("set.jsonl", '{"prompt": "q", "reference": 42}\n', ["Line 1: reference must be text"]),
        ("set.jsonl", '{"prompt": "q", "aliases": "x"}\n', ["Line 1: there are aliases but no"]),
        ("set.jsonl", '{"prompt": "q", "tags": {"a": 1}}\n', ["Line 1: tags must be"]),
        (
            "set.jsonl",
            '{"prompt": "ok"}\n\n{"prompt": 5}\n{"prompt": "ok", "x": 1}\n',
            ["Line 3: the prompt", "Line 4: unknown field 'x'", "2 lines need fixing"],
        ),
        ("set.csv", "question,answer\nWhat?,That\n", ["Line 1: the first row must name"]),
        (
            "set.csv",
            'prompt,reference\n"two\nlines",x\nok,fine,extra\n',
            ["Line 4: 3 cells, but the header names 2 columns"],
        ),
        ("set.csv", "prompt,reference\n,orphan\n", ["Line 2: the prompt is missing"]),
        (
            "set.csv",
            "prompt,reference,notes\nq1,a,x\nq2,b,y\n",
            ["1 line needs fixing", "Line 1: unknown column 'notes'"],
        ),
        (
            "set.csv",
            'prompt,reference\nok,fine\n"never closed,x\nq,a\n',
            ["Line 3: the row could not be read"],
        ),
        ("set.csv", "prompt\n", ["it has no questions in it"]),
        ("set.jsonl", "\n\n", ["it has no questions in it"]),
        ("set.txt", "prompt\nq\n", ["prompt sets are .jsonl or .csv files"]),
    ],
)
def test_malformed_sets_are_refused_with_line_numbers(
    name: str, content: str, expected: list[str]
) -> None:
    with pytest.raises(PromptSetError) as refused:
        parse_prompt_set(content.encode(), name, Path(name).suffix)
    message = str(refused.value)
    assert message.startswith(f"{name} ")
    for part in expected:
        assert part in message, message


def test_quotes_doubled_inside_csv_cells_and_line_separators_inside_jsonl_strings() -> None:
    data = b'prompt,reference\n"Who said ""hi""?",Ann\n'
    [item] = parse_prompt_set(data, "quotes.csv", ".csv")
    assert item.prompt == 'Who said "hi"?'
    data = '{"prompt": "one\u2028two"}\n{"prompt": "three"}\n'.encode()
    items = parse_prompt_set(data, "raw.jsonl", ".jsonl")
    assert [(item.prompt, item.line) for item in items] == [("one\u2028two", 1), ("three", 2)]


def test_text_that_is_not_utf8_is_refused_with_its_line() -> None:
    data = b'{"prompt": "fine"}\n{"prompt": "caf' + b"\xe9" + b'"}\n'
    with pytest.raises(PromptSetError, match=r"line 2 is not UTF-8 text"):
        parse_prompt_set(data, "latin1.jsonl", ".jsonl")


def test_many_problems_are_listed_up_to_a_limit() -> None:
    data = "".join("not json\n" for _ in range(MAX_PROBLEMS + 5)).encode()
    with pytest.raises(PromptSetError) as refused:
        parse_prompt_set(data, "junk.jsonl", ".jsonl")
    message = str(refused.value)
    assert f"Line {MAX_PROBLEMS}:" in message and f"Line {MAX_PROBLEMS + 1}:" not in message
    assert "… and 5 more." in message


def test_an_imported_set_is_kept_in_the_database_and_can_be_removed(tmp_path: Path) -> None:
    source = tmp_path / "my_quiz-set.csv"
    source.write_text("prompt,reference,aliases\nHighest mountain?,Everest,Mount Everest\n")
    store = Store(tmp_path / "db.sqlite3")
    imported = read_prompt_set_file(source)
    assert imported.name == "My quiz set" and imported.file_name == "my_quiz-set.csv"
    save_prompt_set(store, imported)
    source.unlink()  # the set no longer depends on the file
    store.close()
    store = Store(tmp_path / "db.sqlite3")
    found = find_prompt_set(store, imported.id)
    assert found is not None and not found.built_in
    assert found.items == (SetItem("Highest mountain?", "Everest", ("Mount Everest",)),)
    assert [s.id for s in prompt_sets(store)][: len(built_in_sets())] == [
        s.id for s in built_in_sets()
    ]
    remove_prompt_set(store, imported.id)
    assert find_prompt_set(store, imported.id) is None
    assert store.db.table("prompt_set_items").count == 0
    store.close()


def test_a_missing_file_is_explained(tmp_path: Path) -> None:
    with pytest.raises(PromptSetError, match="could not be read"):
        read_prompt_set_file(tmp_path / "gone.jsonl")


@pytest.mark.parametrize(
    ("answer", "reference", "aliases", "expected"),
    [
        ("The answer is the Nile.", "Nile", (), True),  # articles and punctuation dropped
        ("It's the NILE!", "the Nile", (), True),
        ("Nine planets? No: eight.", "8", (), True),  # numbers written as words
        ("There were twenty-one of them.", "21", (), True),
        ("It has 206 bones.", "two hundred and six", ("206",), True),  # an alias counts
        ("J. K. Rowling wrote it.", "J.K. Rowling", ("Rowling",), True),
        ("Written by J. K. Rowling.", "J.K. Rowling", (), False),  # "jk" ≠ "j k": alias needed
        ("Mount Everest", "Everest|Chomolungma", (), True),  # "|" separates alternatives
        ("Chomolungma", "Everest|Chomolungma", (), True),
        ("K2", "Everest|Chomolungma", (), False),
        ("Elizabeth II", "Elizabeth I", (), False),  # a longer name is a different answer
        ("Anything", "", (), None),  # no reference: nothing to check
    ],
)
def test_automatic_check_on_tricky_answers(
    answer: str, reference: str, aliases: tuple[str, ...], expected: bool | None
) -> None:
    assert automatic_check(answer, reference, aliases) is expected
