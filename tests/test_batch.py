"""Batch runs on the real bundled model and real HTTP servers on 127.0.0.1, with a real SQLite
file: a whole set through two local slots and a teacher, pause and resume, cancel, retry, and
a teacher that rate-limits."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from conftest import local_slot
from imitation_lens.core.analysis.evaluator_view import item_view
from imitation_lens.core.analysis.metrics import report
from imitation_lens.core.batches.prompt_sets import PromptSet, SetItem
from imitation_lens.core.batches.queued import batch_summary, create_batch, interrupted_batches
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.exports.csv_tables import answer_rows
from imitation_lens.core.exports.import_reading import check_export
from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.session_json import export_session, session_document
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Judgement, item_state, save_judgement
from imitation_lens.core.judging.progress import judging_progress, next_unjudged
from imitation_lens.core.judging.strict_check import VERDICTS
from imitation_lens.core.running.events import Runner, Status
from imitation_lens.core.running.lineup import SamplingParams, Server, SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.store import Store
from scripted_runner import ScriptedModels

QUESTIONS = [
    ("What is the capital of France?", "Paris"),
    ("What is the capital of Italy?", "Rome"),
    ("What is the capital of Japan?", "Tokyo"),
    ("Which planet is closest to the Sun?", "Mercury"),
    ("What is the chemical symbol for gold?", "Au"),
    ("Who wrote Romeo and Juliet?", "Shakespeare"),
    ("How many legs does a spider have?", "8"),
    ("What is the largest ocean on Earth?", "Pacific"),
    ("What gas do plants take in from the air?", "carbon dioxide"),
    ("In which country are the pyramids of Giza?", "Egypt"),
    ("What is the boiling point of water in Celsius?", "100"),
    ("Who painted the Mona Lisa?", "Leonardo da Vinci"),
    ("What is the capital of Spain?", "Madrid"),
    ("What is the freezing point of water in Celsius?", "0"),
    ("How many continents are there?", "7"),
    ("What is the capital of Germany?", "Berlin"),
    ("What is the tallest mountain on Earth?", "Everest"),
    ("Which animal is known as the king of the jungle?", "lion"),
    ("What colour is the sky on a clear day?", "blue"),
    ("What is the capital of Egypt?", "Cairo"),
]


def question_set(count: int, name: str = "Probe test") -> PromptSet:
    items = tuple(
        SetItem(prompt, reference, tags=("test",)) for prompt, reference in QUESTIONS[:count]
    )
    return PromptSet(f"test-{name}", name, items)


@dataclass
class Watcher:
    """Collects a run's progress reports; tests wait on conditions over them."""

    reports: list[BatchProgress] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)
    ended: threading.Event = field(default_factory=threading.Event)

    def __call__(self, progress: BatchProgress) -> None:
        with self.changed:
            self.reports.append(progress)
            self.changed.notify_all()

    def wait_for(self, condition: Callable[[BatchProgress], bool], timeout: float = 300) -> None:
        with self.changed:
            met = self.changed.wait_for(
                lambda: any(condition(p) for p in self.reports), timeout=timeout
            )
        assert met, f"no progress report met the condition; last: {self.reports[-1:]}"

    @property
    def last(self) -> BatchProgress:
        return self.reports[-1]


def start_run(
    paths: DataPaths,
    batch_id: str,
    lineup: list[SlotConfig],
    watcher: Watcher,
    **options: Any,
) -> BatchRun:
    scheduler = LocalScheduler(lambda: lineup, paths.models)

    def make_runner(index: int) -> Callable[[], Runner]:
        return runner_factory(lineup[index], scheduler, paths.models, paths.database)

    run = BatchRun(
        paths.database, batch_id, lineup, make_runner, watcher, on_end=watcher.ended.set, **options
    )
    run.start()
    return run


def finish(run: BatchRun, watcher: Watcher, timeout: float = 600) -> None:
    assert watcher.ended.wait(timeout), f"the batch did not end; last: {watcher.reports[-1:]}"
    assert run.join(30)


def answers(store: Store, batch_id: str) -> list[dict[str, Any]]:
    return list(
        store.db.query(
            "SELECT r.*, i.batch_position FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.batch_id = ? ORDER BY i.batch_position, r.slot_index",
            [batch_id],
        )
    )


@pytest.fixture
def store(data_paths: DataPaths) -> Iterator[Store]:
    opened = Store(data_paths.database)
    yield opened
    opened.close()


def new_batch(store: Store, lineup: list[SlotConfig], prompt_set: PromptSet) -> str:
    session_id = store.create_session("batch test", [s.to_dict() for s in lineup])
    return create_batch(store, session_id, prompt_set, lineup)


@pytest.mark.slow
def test_twenty_items_through_two_local_slots_and_the_teacher_server(
    data_paths: DataPaths, store: Store, teacher_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BATCH_TEACHER_KEY", "test-key-123")
    teacher = SlotConfig(
        "Teacher",
        Server(teacher_server, "bundled", api_key_env="BATCH_TEACHER_KEY"),
        SamplingParams(max_tokens=12, temperature=0.0),
    )
    lineup = [
        local_slot("Base", max_tokens=12),
        local_slot("Imitator", "teacher-style", max_tokens=12),
        teacher,
    ]
    batch_id = new_batch(store, lineup, question_set(20))
    watcher = Watcher()
    run = start_run(data_paths, batch_id, lineup, watcher)
    finish(run, watcher)

    assert watcher.last.state == "finished"
    assert (watcher.last.answered, watcher.last.total, watcher.last.failed) == (20, 20, 0)
    answered = [p.answered for p in watcher.reports]
    assert answered == sorted(answered), "progress went backwards"
    assert any(p.seconds_left is not None for p in watcher.reports)
    speeds = {s.role: s.tokens_per_second for s in watcher.last.speeds}
    assert set(speeds) == {"Base", "Imitator", "Teacher"} and all(speeds.values())
    rows = answers(store, batch_id)
    assert len(rows) == 60 and {r["status"] for r in rows} == {"done"}
    assert {(r["batch_position"], r["slot_index"]) for r in rows} == {
        (p, s) for p in range(1, 21) for s in range(3)
    }
    assert all(r["tokens_out"] for r in rows)
    teacher_rows = [r for r in rows if r["slot_index"] == 2]
    assert all(r["endpoint_base_url"] == teacher_server for r in teacher_rows)
    # Every finished teacher answer is recorded for offline replay.
    assert store.db.table("teacher_recordings").count == 20
    summary = batch_summary(store, batch_id)
    assert (summary.state, summary.answered, summary.pending) == ("finished", 20, 0)

    # The automatic check reaches the report: accuracy per slot over the 20 referenced items.
    document = session_document(store, summary.session_id)
    views = [item_view(item, document["evaluator"]) for item in document["items"]]
    assert all(view.aliases and not view.judged for view in views)
    result = report([document])
    assert result.items == 0  # nobody judged anything yet, and still:
    assert [s.accuracy.count for s in result.slots] == [20, 20, 20]
    assert all(s.accuracy.value is not None for s in result.slots)
    # The answers' CSV carries the same check, per answer, beside the evaluator's counts.
    checks = [(row["role"], row["automatic_check"]) for row in answer_rows(document)]
    assert {check for _, check in checks} <= set(VERDICTS) and len(checks) == 60
    for slot in result.slots:
        right = sum(1 for role, check in checks if role == slot.role and check == "correct")
        assert slot.accuracy.value == right / 20
    assert judging_progress(store, summary.session_id).ready == 20


def test_pause_stops_at_once_and_resume_answers_each_question_once(
    inference: Any, data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base", max_tokens=40), local_slot("Imitator", max_tokens=40)]
    batch_id = new_batch(store, lineup, question_set(5))
    watcher = Watcher()
    run = start_run(data_paths, batch_id, lineup, watcher)
    watcher.wait_for(lambda p: p.current == 2)  # item 1 is done, item 2 is being answered
    run.pause()
    watcher.wait_for(lambda p: p.state == "paused")
    # Paused: nothing is being written, the cut-off answers wait to start again.
    statuses = {r["batch_position"]: r["status"] for r in answers(store, batch_id)}
    assert statuses[1] == "done"
    assert {s for p, s in statuses.items() if p > 1} == {"queued"}
    assert all(r["text"] == "" for r in answers(store, batch_id) if r["status"] == "queued")
    assert batch_summary(store, batch_id).state == "paused"
    first = {r["id"]: r["text"] for r in answers(store, batch_id) if r["status"] == "done"}
    finish(run, watcher)  # pausing ends the run; a new one resumes the batch
    resumed = Watcher()
    run = start_run(data_paths, batch_id, lineup, resumed)
    finish(run, resumed)
    watcher.reports += resumed.reports
    rows = answers(store, batch_id)
    assert len(rows) == 10 and {r["status"] for r in rows} == {"done"}
    assert all(row["text"] == first[row["id"]] for row in rows if row["id"] in first)
    states = [p.state for p in watcher.reports]
    assert states.index("paused") < states.index("finished")


def test_cancel_removes_questions_not_yet_asked_and_keeps_answers(
    inference: Any, data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base"), local_slot("Imitator")]
    batch_id = new_batch(store, lineup, question_set(6))
    watcher = Watcher()
    run = start_run(data_paths, batch_id, lineup, watcher)
    watcher.wait_for(lambda p: p.answered >= 1)
    run.cancel()
    finish(run, watcher)
    assert watcher.last.state == "cancelled"
    summary = batch_summary(store, batch_id)
    assert summary.state == "cancelled" and not summary.resumable
    rows = answers(store, batch_id)
    positions = {r["batch_position"] for r in rows}
    assert 1 in positions and 6 not in positions  # asked ones kept, never-asked ones gone
    assert {r["status"] for r in rows} <= {"done", "stopped"}
    assert store.db.table("batches").get(batch_id)["item_count"] == len(positions)


def test_a_rate_limited_teacher_slows_the_batch_instead_of_failing_it(
    inference: Any,
    data_paths: DataPaths,
    store: Store,
    flaky_teacher: Callable[..., tuple[str, Any]],
) -> None:
    url, server = flaky_teacher(["Paris", " is the answer."], failures=3, retry_after=0)
    teacher = SlotConfig("Teacher", Server(url, "scripted"), SamplingParams(max_tokens=8))
    lineup = [local_slot("Base", max_tokens=4), teacher]
    batch_id = new_batch(store, lineup, question_set(2))
    watcher = Watcher()
    run = start_run(data_paths, batch_id, lineup, watcher, min_wait_s=0.05)
    finish(run, watcher)
    assert watcher.last.state == "finished" and watcher.last.failed == 0
    slowed = [p for p in watcher.reports if p.state == "slowed"]
    assert len(slowed) == 3 and "429" in slowed[0].message
    assert server.requests == 5  # three refusals, then one request per question
    teacher_rows = [r for r in answers(store, batch_id) if r["slot_index"] == 1]
    assert [r["text"] for r in teacher_rows] == ["Paris is the answer."] * 2


def test_failed_answers_are_kept_and_can_be_retried(
    inference: Any,
    data_paths: DataPaths,
    store: Store,
    flaky_teacher: Callable[..., tuple[str, Any]],
) -> None:
    url, server = flaky_teacher(["Rome"], failures=2, status=500)
    teacher = SlotConfig("Teacher", Server(url, "scripted"), SamplingParams(max_tokens=8))
    lineup = [local_slot("Base", max_tokens=4), teacher]
    batch_id = new_batch(store, lineup, question_set(2))
    watcher = Watcher()
    finish(start_run(data_paths, batch_id, lineup, watcher), watcher)
    assert (watcher.last.state, watcher.last.failed) == ("finished", 2)
    failed = [r for r in answers(store, batch_id) if r["status"] == "failed"]
    assert len(failed) == 2 and all("server had an error (500)" in r["error"] for r in failed)

    # A failed answer the evaluator already judged is evidence: Retry leaves it as it is.
    judged = failed[1]
    save_judgement(store, judged["item_id"], Judgement(judged["id"], 1, critical=True))
    retry = Watcher()
    finish(start_run(data_paths, batch_id, lineup, retry, retry_failed=True), retry)
    assert (retry.last.state, retry.last.failed, retry.last.answered) == ("finished", 1, 2)
    rows = answers(store, batch_id)
    assert len(rows) == 4
    assert {r["id"]: r["status"] for r in rows if r["slot_index"] == 1} == {
        failed[0]["id"]: "done",
        judged["id"]: "failed",
    }
    assert server.requests == 3


def test_a_batch_left_running_is_paused_at_start_up_and_next_unjudged_skips_waiting_items(
    data_paths: DataPaths, store: Store
) -> None:
    lineup = [local_slot("Base"), local_slot("Imitator")]
    batch_id = new_batch(store, lineup, question_set(3))
    store.db.execute("UPDATE batches SET state = 'running'")
    # The app died while item 1 was being written and before item 2 was asked.
    rows = answers(store, batch_id)
    store.db.execute(
        "UPDATE responses SET status = 'streaming', text = 'Par' WHERE id = ?", [rows[0]["id"]]
    )
    store.db.execute(
        "UPDATE responses SET status = 'done', text = 'Rome' WHERE item_id = ?",
        [rows[2]["item_id"]],
    )
    store.db.conn.commit()
    # The batch's rows are the batch's: start-up leaves them for Resume to write again.
    assert store.mark_unfinished_interrupted() == 0
    assert interrupted_batches(store) == 1
    summary = batch_summary(store, batch_id)
    assert (summary.state, summary.answered, summary.pending, summary.resumable) == (
        "paused",
        1,
        4,
        True,
    )
    assert [slot.role for slot in summary.lineup] == ["Base", "Imitator"]
    session_id = summary.session_id
    progress = judging_progress(store, session_id)
    assert (progress.judged, progress.ready, progress.total) == (0, 1, 3)
    assert next_unjudged(store, session_id, None) == rows[2]["item_id"]
    assert next_unjudged(store, session_id, rows[2]["item_id"]) is None


def test_a_batch_session_exports_and_imports_with_its_aliases_and_tags(
    data_paths: DataPaths, store: Store, tmp_path: Path
) -> None:
    lineup = [local_slot("Base"), local_slot("Imitator")]
    prompt_set = PromptSet(
        "test-aliases",
        "Aliases",
        (
            SetItem(
                "Who painted the Mona Lisa?",
                "Leonardo da Vinci",
                ("da Vinci",),
                "https://en.wikipedia.org/wiki/Mona_Lisa",
                ("arts", "people"),
            ),
        ),
    )
    batch_id = new_batch(store, lineup, prompt_set)
    for row in answers(store, batch_id):
        store.finish_response(row["id"], Status.DONE, "It was da Vinci.", "", {})
    session_id = batch_summary(store, batch_id).session_id
    target = export_session(store, session_id, tmp_path / "batch.json")
    check_export(json.loads(target.read_text()))
    other = Store(tmp_path / "other.sqlite3")
    try:
        import_session(other, target)
        [item_id] = other.item_ids(session_id)
        item = item_state(other, item_id)
        assert item["aliases"] == ["da Vinci"] and item["tags"] == ["arts", "people"]
        assert item["batch_id"] == batch_id and item["batch_position"] == 1
        assert [r["auto_check"] for r in item["responses"]] == [True, True]
    finally:
        other.close()


def test_one_batch_runs_at_a_time_per_data_folder_and_start_up_leaves_it_alone(
    scripted_models: ScriptedModels, data_paths: DataPaths, store: Store
) -> None:
    # What is checked is who may run a batch, not what a model writes: scripted models that
    # write until stopped keep the first batch running until the test pauses it (a real model
    # could finish its short answers, or be loading, when the pause comes).
    scripted_models.script.endless = True
    lineup = [local_slot("Base", max_tokens=40), local_slot("Imitator", max_tokens=40)]
    first_id = new_batch(store, lineup, question_set(3))
    second_id = new_batch(store, lineup, question_set(2))
    first = Watcher()
    run = start_run(data_paths, first_id, lineup, first)
    first.wait_for(lambda p: p.state == "running")
    # Another window or `imitation-lens batch` starting meanwhile: neither recovery nor a
    # second run touches the running batch.
    assert interrupted_batches(store) == 0
    assert store.mark_unfinished_interrupted() == 0
    second = Watcher()
    refused = start_run(data_paths, second_id, lineup, second)
    assert second.ended.wait(30) and refused.join(30)
    assert "Another Imitation Lens" in refused.error and second.reports == []
    assert batch_summary(store, second_id).state == "paused"
    run.pause()
    finish(run, first)
    assert first.last.state == "paused"
