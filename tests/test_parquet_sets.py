"""Parquet question files, read by the real pyarrow reader (core/batches/set_files.py): the
public sets in the schema Hugging Face ships them in (tests/set_file_variants.py writes them),
read with progress and sampling; Parquet broken in every way the generator knows ends in a plain
message; and without pyarrow the import says how to get Parquet support."""

from __future__ import annotations

import itertools
import sys
import time
from pathlib import Path

import pytest

from imitation_lens.core.batches.formats import UnrecognisedFields, read_question_file
from imitation_lens.core.batches.prompt_sets import PromptSetError
from imitation_lens.core.batches.set_files import MAX_ROWS, Sample
from set_file_variants import PARQUET_VARIANTS, VARIANTS, parquet_sets, parquet_variants

pa = pytest.importorskip("pyarrow")  # in the dev extra; an install without it skips these
pq = pytest.importorskip("pyarrow.parquet")

FIXTURES = Path(__file__).parent / "data" / "formats"
# Each Parquet set and the fixture it was made from: both must read as the same questions.
SAME_AS = {
    "nq_open-validation.parquet": "nq_open_dev.jsonl",
    "trivia_qa-rc.nocontext-validation.parquet": "triviaqa_rc_nocontext.jsonl",
    "simple_qa_test_set.parquet": "simple_qa_test_set.csv",
    "truthful_qa-generation-validation.parquet": "TruthfulQA.csv",
    "alpaca-train.parquet": "alpaca_data.json",
    "sharegpt-train.parquet": "sharegpt_conversations.json",
}


@pytest.fixture(scope="module")
def sets(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {path.name: path for path in parquet_sets(tmp_path_factory.mktemp("parquet"))}


@pytest.mark.parametrize("name", sorted(SAME_AS))
def test_each_public_set_as_parquet_reads_as_its_original_file(
    name: str, sets: dict[str, Path]
) -> None:
    from_parquet = read_question_file(sets[name])
    original = read_question_file(FIXTURES / SAME_AS[name])
    assert from_parquet.items == original.items
    assert from_parquet.licence == original.licence
    assert from_parquet.description.startswith(original.description.split(":")[0])


def test_parquet_nested_answers_come_through_as_the_reference_aliases_and_wrong_answers(
    sets: dict[str, Path],
) -> None:
    # TriviaQA's answer is a struct with list fields; NQ's a list; TruthfulQA's two lists.
    assert pq.read_schema(sets["trivia_qa-rc.nocontext-validation.parquet"]).field(
        "answer"
    ).type == pa.struct(
        [
            ("aliases", pa.list_(pa.string())),
            ("normalized_aliases", pa.list_(pa.string())),
            ("matched_wiki_entity_name", pa.string()),
            ("normalized_matched_wiki_entity_name", pa.string()),
            ("normalized_value", pa.string()),
            ("type", pa.string()),
            ("value", pa.string()),
        ]
    )
    trivia = read_question_file(sets["trivia_qa-rc.nocontext-validation.parquet"]).items[0]
    assert trivia.reference == "Sinclair Lewis" and "Harry Sinclair Lewis" in trivia.aliases
    nq = read_question_file(sets["nq_open-validation.parquet"]).items[0]
    assert (nq.reference, nq.aliases) == ("14 December 1972 UTC", ("December 1972",))
    truthful = read_question_file(sets["truthful_qa-generation-validation.parquet"])
    assert truthful.items[0].incorrect[0] == "You grow watermelons in your stomach"
    assert "Read as TruthfulQA" in truthful.description
    alpaca = read_question_file(sets["alpaca-train.parquet"]).items[2]
    assert alpaca.teacher_answer == "Telegram"


def test_a_large_parquet_file_reads_in_batches_with_progress_and_samples_by_seed(
    tmp_path: Path,
) -> None:
    path = tmp_path / "nq_open-large.parquet"
    rows = {
        "question": [f"question {n}" for n in range(5_000)],
        "answer": [[str(n), f"n{n}"] for n in range(5_000)],
    }
    schema = pa.schema([("question", pa.string()), ("answer", pa.list_(pa.string()))])
    pq.write_table(pa.table(rows, schema=schema), path, row_group_size=2_000)
    seen: list[tuple[int, float]] = []
    whole = read_question_file(path, progress=lambda *p: seen.append(p))
    assert len(whole.items) == 5_000 and whole.licence == "CC BY-SA 3.0"
    assert whole.items[7].reference == "7" and whole.items[7].aliases == ("n7",)
    assert seen[0][1] < 0.5 and seen[-1] == (5_000, 1.0) and len(seen) >= 5
    assert all(a[0] <= b[0] and a[1] <= b[1] for a, b in itertools.pairwise(seen))
    first = read_question_file(path, sample=Sample(40, seed=3))
    again = read_question_file(path, sample=Sample(40, seed=3))
    other = read_question_file(path, sample=Sample(40, seed=4))
    assert len(first.items) == 40 and first.items == again.items != other.items
    numbers = [int(item.reference) for item in first.items]
    assert numbers == sorted(numbers) and numbers[-1] > 2_500  # spread, in file order
    assert "sample of 40, seed 3" in first.name


def test_more_rows_than_a_set_may_hold_is_refused_from_the_footer_or_sampled(
    tmp_path: Path,
) -> None:
    path = tmp_path / "huge.parquet"
    count = MAX_ROWS + 1
    table = pa.table({"question": [f"q{n % 97}" for n in range(count)], "answer": [["a"]] * count})
    pq.write_table(table, path)
    started = time.perf_counter()
    with pytest.raises(PromptSetError, match="more than 100,000 questions") as refused:
        read_question_file(path)
    # The footer's count refuses it without reading the rows (reading them takes ~1 s).
    assert time.perf_counter() - started < 0.5
    assert "Take a random sample" in str(refused.value)
    sampled = read_question_file(path, sample=Sample(25, seed=1))
    assert len(sampled.items) == 25 and "sample of 25, seed 1" in sampled.name


@pytest.mark.parametrize("name", sorted(SAME_AS))
def test_every_broken_parquet_variant_ends_plainly(
    name: str, sets: dict[str, Path], tmp_path: Path
) -> None:
    outcomes: dict[str, str] = {}
    for variant, path in parquet_variants(sets[name], tmp_path):
        try:
            read = read_question_file(path)
        except PromptSetError as refused:
            message = str(refused)
            assert message and "Traceback" not in message, variant
            assert len(message) < 2_000, variant
            assert "thrift" not in message and "footer" not in message, (variant, message)
            outcomes[variant] = message
        else:
            assert read.items and all(item.prompt.strip() for item in read.items), variant
            outcomes[variant] = "read"
    assert len(outcomes) == len(VARIANTS) + len(PARQUET_VARIANTS)
    for not_parquet in ("empty", "cut mid-way", "cut one byte short", "html instead"):
        assert "not a Parquet file, or it is damaged or cut short" in outcomes[not_parquet]
    assert outcomes["binary garbage"] != "read"
    assert "has no questions in it" in outcomes["empty table"]
    assert "has no questions in it" in outcomes["no columns"]
    assert "more than 100,000 questions" in outcomes["huge row count"]


def test_wrong_column_types_go_to_the_field_mapping_with_the_rows(
    sets: dict[str, Path], tmp_path: Path
) -> None:
    variant = dict(parquet_variants(sets["nq_open-validation.parquet"], tmp_path))
    with pytest.raises(UnrecognisedFields) as unknown:
        read_question_file(variant["wrong column types"])
    assert unknown.value.fields == ["question", "answer"]
    assert unknown.value.rows[1] == {"question": 1, "answer": 1}


def test_without_pyarrow_the_import_says_how_to_get_parquet_support(
    sets: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # None in sys.modules makes `import pyarrow.parquet` raise ImportError, as if not installed.
    for module in [name for name in sys.modules if name.split(".")[0] == "pyarrow"]:
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(PromptSetError) as refused:
        read_question_file(sets["nq_open-validation.parquet"])
    message = str(refused.value)
    assert "reading Parquet needs the optional pyarrow package, which is not installed" in message
    assert "pip install 'imitation-lens[parquet]'" in message
    assert "save the set as JSON Lines or CSV" in message
