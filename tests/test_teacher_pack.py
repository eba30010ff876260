"""The recorded teacher (Claude's answers to both built-in sets) imports and covers every question."""

from __future__ import annotations

import importlib.util
import json
import sys
import threading
from pathlib import Path
from types import ModuleType

from imitation_lens.core.analysis.text_style import word_count
from imitation_lens.core.batches.prompt_sets import built_in_sets
from imitation_lens.core.judging.answer_check import automatic_check
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.servers.replay import find_recording, import_demo_pack
from imitation_lens.core.servers.teacher_runner import TeacherRunner
from imitation_lens.core.storage.store import Store

BENCH = Path(__file__).resolve().parents[1] / "bench"


def study_module() -> ModuleType:
    """bench/imitation_doc.py; bench/ joins the import path, as when the bench runs, so its
    modules import one another the same way here."""
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("imitation_doc")


def test_every_question_of_both_built_in_sets_has_a_recorded_teacher_answer(
    tmp_path: Path,
) -> None:
    doc = study_module()
    store = Store(tmp_path / "data.sqlite")
    try:
        assert import_demo_pack(store, doc.TEACHER_PACK) == 205
        assert import_demo_pack(store, doc.TEACHER_PACK) == 0  # the same pack twice adds nothing
    finally:
        store.close()
    sets = {s.id.removeprefix("built-in:"): s for s in built_in_sets()}
    missing = [
        item.prompt
        for name in doc.SETS
        for item in sets[name].items
        if find_recording(
            tmp_path / "data.sqlite", item.prompt, doc.TEACHER_MODEL, doc.STUDY_PARAMS
        )
        is None
    ]
    assert missing == []
    assert len(sets["factual-probes"].items) == 181 and len(sets["open-ended"].items) == 24


def test_the_recorded_answers_are_right_and_the_sizes_asked_for() -> None:
    doc = study_module()
    pack = json.loads(doc.TEACHER_PACK.read_text("utf-8"))
    assert pack["licence"] == "Apache-2.0" and "Claude" in pack["teacher"]
    texts = {r["prompt"]: r["text"] for r in pack["recordings"]}
    sets = {s.id.removeprefix("built-in:"): s for s in built_in_sets()}
    factual = sets["factual-probes"].items
    right = [
        automatic_check(texts[i.prompt], i.reference, i.aliases, question=i.prompt) for i in factual
    ]
    # One answer is right but beyond the strict check (it names Plato in passing): kept as
    # written, so the Teacher column's figure shows the check's own misses too.
    assert right.count(True) >= 180
    assert all(word_count(texts[i.prompt]) <= 60 for i in factual)
    assert all(80 <= word_count(texts[i.prompt]) <= 215 for i in sets["open-ended"].items)


def test_the_study_teacher_column_replays_the_pack_offline(tmp_path: Path) -> None:
    doc = study_module()
    database = tmp_path / "data.sqlite"
    store = Store(database)
    try:
        import_demo_pack(store, doc.TEACHER_PACK)
    finally:
        store.close()
    teacher = doc.study_lineup("base.gguf", "imitator.gguf")[2]
    runner = TeacherRunner(teacher.source, teacher.params, database)
    events: list[Event] = []
    runner.generate(
        GenerationRequest("r1", "What is the capital of Australia?"),
        events.append,
        threading.Event(),
    )
    runner.close()
    finished = [e for e in events if isinstance(e, FinishedEvent)]
    assert finished[-1].status is Status.DONE
    assert "Canberra" in finished[-1].text
