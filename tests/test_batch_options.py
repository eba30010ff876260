"""`imitation-lens batch FILE --sample N --seed S --max-tokens M`: a seeded sample of a public
set, asked with a shorter longest answer, without the window; bad values refused plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import local_slot
from imitation_lens.cli import main
from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.set_files import Sample
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import LINEUP_SETTING
from imitation_lens.core.storage.store import Store
from scripted_runner import ScriptedModels

NQ_DEV = Path(__file__).resolve().parents[1] / "bench" / "data" / "NQ-open.dev.jsonl"


def _batch_rows(database: Path) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    store = Store(database)
    try:
        items = list(store.db.query("SELECT id, prompt, reference FROM items ORDER BY rowid"))
        responses = list(
            store.db.query("SELECT item_id, slot_index, status, params, tokens_out FROM responses")
        )
    finally:
        store.close()
    return items, responses


def test_the_real_nq_open_dev_file_is_read_whole() -> None:
    whole = read_question_file(NQ_DEV)
    assert len(whole.items) == whole.with_reference == 3610
    assert "CC BY-SA 3.0" in whole.licence
    first = whole.items[0]
    assert first.prompt == "when was the last time anyone was on the moon"
    assert (first.reference, *first.aliases) == ("14 December 1972 UTC", "December 1972")


def test_a_seeded_sample_of_the_nq_open_file_runs_with_shorter_answers(
    data_paths: DataPaths, inference: ScriptedModels | None, capsys: pytest.CaptureFixture[str]
) -> None:
    saved = [local_slot("Base", max_tokens=40), local_slot("Imitator", "teacher-style")]
    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [slot.to_dict() for slot in saved])
    store.close()

    code = main(
        [
            "--data-dir",
            str(data_paths.root),
            "batch",
            str(NQ_DEV),
            "--sample",
            "3",
            "--seed",
            "7",
            "--max-tokens",
            "6",
        ]
    )

    assert code == 0, capsys.readouterr()
    items, responses = _batch_rows(data_paths.database)
    # The same questions the window's import takes for that sample and seed, in file order.
    expected = read_question_file(NQ_DEV, sample=Sample(3, 7)).items
    assert [(i["prompt"], i["reference"]) for i in items] == [
        (e.prompt, e.reference) for e in expected
    ]
    assert len(responses) == 6 and {r["status"] for r in responses} == {"done"}
    # Every answer was asked for at most 6 tokens; the saved lineup keeps its own settings.
    assert {json.loads(str(r["params"]))["max_tokens"] for r in responses} == {6}
    store = Store(data_paths.database)
    try:
        kept = store.get_setting(LINEUP_SETTING)
        name = store.db.execute("SELECT set_name FROM batches").fetchone()[0]
    finally:
        store.close()
    assert [slot["params"]["max_tokens"] for slot in kept] == [40, 24]
    assert name == "NQ open.dev (sample of 3, seed 7)"
    # The limit reached the model: no answer is longer (the scripted one writes up to it).
    written = [int(str(r["tokens_out"])) for r in responses]
    assert max(written) <= 6
    if inference is not None:
        assert written == [6] * 6


def test_another_seed_takes_another_sample_and_a_saved_set_can_be_sampled(
    data_paths: DataPaths, scripted_models: ScriptedModels
) -> None:
    first = read_question_file(NQ_DEV, sample=Sample(5, 1)).items
    second = read_question_file(NQ_DEV, sample=Sample(5, 2)).items
    assert [i.prompt for i in first] != [i.prompt for i in second]

    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [local_slot("Base", max_tokens=4).to_dict()])
    store.close()
    root = str(data_paths.root)
    assert main(["--data-dir", root, "batch", "factual-probes", "--sample", "4"]) == 0
    assert main(["--data-dir", root, "batch", "factual-probes", "--sample", "4"]) == 0
    items, _ = _batch_rows(data_paths.database)
    # Seed 0 unless told: the same four questions both times, four of the built-in set.
    assert len(items) == 8
    assert [i["prompt"] for i in items[:4]] == [i["prompt"] for i in items[4:]]
    store = Store(data_paths.database)
    try:
        batches = store.db.execute("SELECT set_id, set_name, item_count FROM batches").fetchall()
    finally:
        store.close()
    assert {tuple(row) for row in batches} == {
        ("built-in:factual-probes", "Factual probes (sample of 4, seed 0)", 4)
    }


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["--sample", "0"], "--sample takes a whole number of 1 or more, not “0”."),
        (["--sample", "many"], "--sample takes a whole number of 1 or more, not “many”."),
        (["--sample", "2.5"], "--sample takes a whole number of 1 or more, not “2.5”."),
        (["--sample", "3", "--seed", "-1"], "--seed takes a whole number of 0 or more"),
        (["--max-tokens", "0"], "--max-tokens takes a whole number from 1 to 32,768, not “0”."),
        (["--max-tokens", "40000"], "--max-tokens takes a whole number from 1 to 32,768"),
        (["--seed", "3"], "--seed chooses which sample --sample takes; give --sample N as well."),
    ],
)
def test_bad_values_are_refused_plainly_with_exit_code_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str], said: str
) -> None:
    root = tmp_path / "data"
    with pytest.raises(SystemExit) as ended:
        code = main(["--data-dir", str(root), "batch", str(NQ_DEV), *words])
        raise SystemExit(code)
    assert ended.value.code == 2
    error = capsys.readouterr().err
    assert said in error and "Traceback" not in error
    assert not (root / "imitation-lens.sqlite3").exists()  # nothing was started


@pytest.mark.parametrize("going_on", ["--resume", "--retry-failed"])
def test_sample_and_max_tokens_do_not_change_a_batch_that_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], going_on: str
) -> None:
    code = main(
        ["--data-dir", str(tmp_path), "batch", going_on, "--sample", "5", "--max-tokens", "9"]
    )
    assert code == 2
    assert capsys.readouterr().err.strip() == (
        f"imitation-lens batch: --sample and --max-tokens shape a new batch; {going_on} goes "
        "on with one as it was started."
    )
