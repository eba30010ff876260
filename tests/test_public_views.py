"""The open-data views count each judgement once, in the phase that stands: the README's own
queries (read from README.md, so the test breaks if the README drifts) give the report's
numbers on a session with a reference item judged before and after the reference was shown."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from collections import Counter
from pathlib import Path

from imitation_lens.core.analysis.evaluator_view import item_view
from imitation_lens.core.analysis.metrics import report
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

README = Path(__file__).resolve().parents[1] / "README.md"
ROLES = ("Base", "Imitator", "Teacher")
TEXT = "Sydney is the capital, founded 1788."


def readme_queries() -> list[str]:
    """The SQL of every `sqlite-utils query` command in the README's open-data block."""
    text = README.read_text("utf-8")
    block = re.search(r"\*\*Open data\.\*\*.*?```sh\n(.*?)```", text, re.S)
    assert block, "the README's open-data commands are gone"
    commands = block.group(1).replace("\\\n", " ")
    queries = []
    for line in commands.splitlines():
        words = shlex.split(line, comments=True)
        if words[:2] == ["sqlite-utils", "query"]:
            queries.append(words[3])
    return queries


def _item(store: Store, number: int, reference: str = "") -> list[str]:
    ids = [f"R{number}-{slot}" for slot in range(3)]
    store.add_item(
        "S",
        f"I{number}",
        f"Question {number}: what is the capital of Australia?",
        [
            {"id": rid, "slot_index": slot, "role": ROLES[slot], "kind": "local"}
            for slot, rid in enumerate(ids)
        ],
        reference=reference,
        shown_order=[0, 1, 2],
    )
    for rid in ids:
        store.finish_response(rid, Status.DONE, TEXT, "", {})
    return ids


def _mark(mark_id: str, response_id: str, severity: str = "major", start: int = 0) -> Mark:
    end = start + 6
    return Mark(mark_id, response_id, start, end, TEXT[start:end], severity=severity)


def _judged_session(store: Store) -> None:
    store.create_session("Study", [], session_id="S")
    # A reference item: judged unaided, then revised once the reference is shown.
    base, imitator, teacher = _item(store, 1, reference="Canberra")
    notes.insert_mark(store, _mark("A", base))
    notes.insert_mark(store, _mark("B", base, start=21))
    notes.insert_mark(store, _mark("C", imitator))
    notes.insert_mark(store, _mark("D", imitator, "minor", start=21))
    notes.save_judgement(store, "I1", Judgement(teacher, 1, checked_clean=True))
    first = notes.submit_verdict(store, Verdict("I1", 1, "answer", imitator, 2, "", [0, 1, 2]))
    assert first["phase"] == 2  # the marks were copied into phase 2
    [copied_minor] = [m for m in notes.marks_for(store, imitator, 2) if m.severity == "minor"]
    notes.delete_mark(store, copied_minor.id)  # revised away after seeing the reference
    notes.save_judgement(store, "I1", Judgement(base, 2, critical=True))
    notes.submit_verdict(store, Verdict("I1", 2, "answer", teacher, 3, "", [0, 1, 2]))
    # An item without a reference: one phase.
    base, imitator, _ = _item(store, 2)
    notes.insert_mark(store, _mark("E", base))
    notes.submit_verdict(store, Verdict("I2", 1, "answer", imitator, 2, "", [0, 1, 2]))
    # A reference item shown its reference but not yet judged again: the unaided verdict and
    # the marks (now in phase 2) stand.
    base, imitator, _ = _item(store, 3, reference="Canberra")
    notes.insert_mark(store, _mark("F", imitator))
    notes.submit_verdict(store, Verdict("I3", 1, "answer", base, 1, "", [0, 1, 2]))


def _query(database: Path, sql: str) -> list[dict[str, object]]:
    """Run a query as the README does, with the sqlite-utils command line."""
    tool = Path(sys.executable).with_name("sqlite-utils")
    out = subprocess.run(
        [str(tool), "query", str(database), sql], capture_output=True, text=True, check=True
    ).stdout
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def test_the_readme_queries_give_the_reports_numbers(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    store = Store(database)
    _judged_session(store)
    document = session_document(store, "S")
    store.close()
    result = report([document])
    slots = {slot.role: slot for slot in result.slots}
    local = str(document["evaluator"])
    views = [item_view(item, local, local) for item in document["items"]]
    majors = Counter(
        answer.role
        for view in views
        for answer in view.answers
        for span in answer.spans
        if span.severity == "major"
    )

    major_sql, errors_sql, preferred_sql = readme_queries()
    by_role = {row["role"]: row["count(*)"] for row in _query(database, major_sql)}
    # Each mark once: Base 2 + 1, Imitator 1 + 1 (not 4 + 1 and 2 + 2, a row per phase).
    assert by_role == {"Base": 3, "Imitator": 2} == dict(majors)

    errors = {row["role"]: row["sum(errors)"] for row in _query(database, errors_sql)}
    assert errors == {role: slots[role].errors for role in ROLES}
    assert errors == {"Base": 2 + 1 + 1, "Imitator": 1 + 1, "Teacher": 0}  # + Base's critical

    chosen = {row["preferred_role"]: row["count(*)"] for row in _query(database, preferred_sql)}
    wins = {
        role: round((slots[role].win_rate.value or 0) * slots[role].win_rate.count)
        for role in ROLES
    }
    assert chosen == {role: n for role, n in wins.items() if n}
    assert chosen == {"Teacher": 1, "Imitator": 1, "Base": 1}  # I1's phase-1 vote is replaced
    assert len(_query(database, "select * from preferences")) == result.verdicts == 3


def test_each_view_says_which_phase_stands(tmp_path: Path) -> None:
    database = tmp_path / "db.sqlite3"
    store = Store(database)
    _judged_session(store)
    store.close()
    marks = _query(database, "select item, role, phase, severity from error_marks order by item")
    assert {(m["item"], m["phase"]) for m in marks} == {(1, 2), (2, 1), (3, 2)}
    assert not any(m["severity"] == "minor" for m in marks)  # deleted in phase 2
    answers = _query(
        database, "select item, phase, marks, critical from answers where role = 'Base'"
    )
    assert [(a["item"], a["phase"], a["marks"], a["critical"]) for a in answers] == [
        (1, 2, 2, 1),
        (2, 1, 1, 0),
        (3, 2, 0, 0),
    ]
    verdicts = _query(database, "select item, phase, preferred_role from preferences order by item")
    assert [(v["item"], v["phase"], v["preferred_role"]) for v in verdicts] == [
        (1, 2, "Teacher"),
        (2, 1, "Imitator"),
        (3, 1, "Base"),
    ]
