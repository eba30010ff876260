"""Broken and hostile variants of a question file, for the public-set readers
(core/batches/formats.py): each must end in a prompt set or a plain PromptSetError.

Also the public sets as real Parquet files (`parquet_sets`, written with pyarrow in the schema
Hugging Face ships them in) and Parquet's own breakage (`parquet_variants`)."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

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


# -- Parquet: the sets as Hugging Face ships them, and Parquet-specific breakage -------------

FIXTURES = Path(__file__).parent / "data" / "formats"


def _csv(name: str) -> list[dict[str, str]]:
    with (FIXTURES / name).open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def _jsonl(name: str) -> list[dict[str, Any]]:
    lines = (FIXTURES / name).read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _parquet_tables() -> dict[str, Any]:
    """Each public set's fixture rows as a pyarrow table with the schema of its Hugging Face
    Parquet (nested lists and structs typed as they are there, not inferred)."""
    import pyarrow as pa  # optional: only the Parquet tests need it

    text, texts = pa.string(), pa.list_(pa.string())
    trivia_answer = pa.struct(
        [
            ("aliases", texts),
            ("normalized_aliases", texts),
            ("matched_wiki_entity_name", text),
            ("normalized_matched_wiki_entity_name", text),
            ("normalized_value", text),
            ("type", text),
            ("value", text),
        ]
    )
    trivia = [
        {k: row[k] for k in ("question", "question_id", "question_source", "answer")}
        for row in _jsonl("triviaqa_rc_nocontext.jsonl")
    ]
    truthful = [
        {
            "type": row["Type"],
            "category": row["Category"],
            "question": row["Question"],
            "best_answer": row["Best Answer"],
            "correct_answers": [a.strip() for a in row["Correct Answers"].split(";")],
            "incorrect_answers": [a.strip() for a in row["Incorrect Answers"].split(";")],
            "source": row["Source"],
        }
        for row in _csv("TruthfulQA.csv")
    ]
    alpaca = [
        row | {"text": f"### Instruction:\n{row['instruction']}\n\n### Response:\n{row['output']}"}
        for row in json.loads((FIXTURES / "alpaca_data.json").read_text("utf-8"))
    ]
    turn = pa.struct([("from", text), ("value", text)])
    sharegpt = [
        {"id": row.get("id", ""), "conversations": row["conversations"]}
        for row in json.loads((FIXTURES / "sharegpt_conversations.json").read_text("utf-8"))
        if isinstance(row.get("conversations"), list)
    ]
    return {
        "nq_open-validation.parquet": pa.Table.from_pylist(
            _jsonl("nq_open_dev.jsonl"), pa.schema([("question", text), ("answer", texts)])
        ),
        "trivia_qa-rc.nocontext-validation.parquet": pa.Table.from_pylist(
            trivia,
            pa.schema(
                [
                    ("question", text),
                    ("question_id", text),
                    ("question_source", text),
                    ("answer", trivia_answer),
                ]
            ),
        ),
        "simple_qa_test_set.parquet": pa.Table.from_pylist(
            _csv("simple_qa_test_set.csv"),
            pa.schema([("metadata", text), ("problem", text), ("answer", text)]),
        ),
        "truthful_qa-generation-validation.parquet": pa.Table.from_pylist(
            truthful,
            pa.schema(
                [
                    ("type", text),
                    ("category", text),
                    ("question", text),
                    ("best_answer", text),
                    ("correct_answers", texts),
                    ("incorrect_answers", texts),
                    ("source", text),
                ]
            ),
        ),
        "alpaca-train.parquet": pa.Table.from_pylist(
            alpaca,
            pa.schema([("instruction", text), ("input", text), ("output", text), ("text", text)]),
        ),
        "sharegpt-train.parquet": pa.Table.from_pylist(
            sharegpt, pa.schema([("id", text), ("conversations", pa.list_(turn))])
        ),
    }


def parquet_sets(folder: Path) -> list[Path]:
    """The public sets written as real Parquet files into `folder` (needs pyarrow)."""
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, table in _parquet_tables().items():
        pq.write_table(table, folder / name)
        written.append(folder / name)
    return written


def _wrong_types(table: Any) -> Any:
    """Every column replaced by numbers: a file whose fields are named right but hold no text."""
    import pyarrow as pa

    return pa.table({name: pa.array(range(table.num_rows)) for name in table.column_names})


def _huge(table: Any) -> Any:
    """More rows than a set may hold (MAX_ROWS + 1), the fixture's rows repeated: the file
    stays small (Parquet's dictionary encoding) while its footer counts 100,001 rows."""
    import pyarrow as pa

    rows = 100_001
    return table.take(pa.array([n % table.num_rows for n in range(rows)]))


PARQUET_VARIANTS: list[tuple[str, Callable[[Any], Any]]] = [
    ("wrong column types", _wrong_types),
    ("empty table", lambda table: table.slice(0, 0)),
    ("no columns", lambda table: table.select([])),
    ("huge row count", _huge),
]


def parquet_variants(source: Path, folder: Path) -> Iterator[tuple[str, Path]]:
    """Every byte-level variant of a Parquet file (cut short, HTML, garbage… under its .parquet
    name), then the Parquet-specific ones, each written beside it in `folder`."""
    import pyarrow.parquet as pq

    yield from variants(source, folder)
    table = pq.read_table(source)
    for name, change in PARQUET_VARIANTS:
        target = folder / name.replace(" ", "-") / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(change(table), target)
        yield name, target
