"""A batch killed with SIGKILL at a random point resumes without duplicate or lost answers."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import local_slot, wait_until
from imitation_lens.core.batches.local_at_once import LOCAL_AT_ONCE_ENV
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import LINEUP_SETTING
from imitation_lens.core.storage.store import Store
from test_batch import QUESTIONS

COUNT = 10


def batch_command_line(root: Path, *args: str) -> list[str]:
    """`imitation-lens batch ARGS` on a data folder, as a person would run it."""
    return [sys.executable, "-m", "imitation_lens", "--data-dir", str(root), "batch", *args]


def _rows(database: Path) -> list[dict[str, object]]:
    store = Store(database)
    try:
        return list(
            store.db.query(
                "SELECT r.id, r.status, r.text, r.slot_index, r.extra, i.batch_position, "
                "i.id AS item "
                "FROM responses r JOIN items i ON i.id = r.item_id "
                "ORDER BY i.batch_position, r.slot_index"
            )
        )
    finally:
        store.close()


def _writing(database: Path) -> bool:
    return any(row["status"] in ("thinking", "streaming") for row in _rows(database))


@pytest.mark.slow
@pytest.mark.parametrize(("seed", "at_once"), [(11, 1), (29, 4)])
def test_sigkill_at_a_random_point_then_resume(
    data_paths: DataPaths,
    tmp_path: Path,
    seed: int,
    at_once: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The local columns answer one question at a time, item by item, or 4 at once in one
    # llama.cpp batch each, claimed one by one (core/batches/local_at_once.py).
    monkeypatch.setenv(LOCAL_AT_ONCE_ENV, str(at_once))
    chance = random.Random(seed)
    set_file = tmp_path / "kill-set.jsonl"
    set_file.write_text(
        "".join(
            json.dumps({"prompt": prompt, "reference": reference}) + "\n"
            for prompt, reference in QUESTIONS[:COUNT]
        )
    )
    lineup = [
        local_slot("Base", max_tokens=16),
        local_slot("Imitator", "teacher-style", max_tokens=16),
    ]
    store = Store(data_paths.database)
    store.set_setting(LINEUP_SETTING, [slot.to_dict() for slot in lineup])
    store.close()

    kill_after = chance.randint(1, COUNT - 3)  # questions fully answered before the kill
    mid_answer = chance.random() < 0.5  # kill while a token is being written, or between
    child = subprocess.Popen(
        batch_command_line(data_paths.root, str(set_file)),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert child.stdout is not None
        for line in child.stdout:  # blocks until the child reports progress
            if f": {kill_after}/{COUNT} answered" in line:
                break
        else:
            pytest.fail("the batch ended before the kill")
        if mid_answer:
            wait_until(lambda: _writing(data_paths.database), 120, "an answer being written")
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL

    before = _rows(data_paths.database)
    done_before = {row["id"]: row["text"] for row in before if row["status"] == "done"}
    assert len(done_before) >= 2 * kill_after
    assert len(before) == 2 * COUNT  # every answer row existed from the start

    resumed = subprocess.run(
        batch_command_line(data_paths.root, "--resume"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    assert f"finished: {COUNT}/{COUNT} answered" in resumed.stdout

    after = _rows(data_paths.database)
    assert len(after) == 2 * COUNT, "an answer was duplicated or lost"
    assert {(row["batch_position"], row["slot_index"]) for row in after} == {
        (position, slot) for position in range(1, COUNT + 1) for slot in range(2)
    }
    assert {row["status"] for row in after} == {"done"}
    assert len({row["item"] for row in after}) == COUNT
    made = {json.loads(str(row["extra"] or "{}")).get("questions_at_once", 1) for row in after}
    assert made == {at_once}
    # Answers finished before the kill are kept as they were, not written again.
    assert all(row["text"] == done_before[row["id"]] for row in after if row["id"] in done_before)
    store = Store(data_paths.database)
    try:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [r["state"] for r in store.db.table("batches").rows] == ["finished"]
    finally:
        store.close()
