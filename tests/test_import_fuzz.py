"""Thousands of hostile variants of real exports (tests/import_fuzz.py) through the real import:
no traceback, nothing half-written, and whatever is accepted opens, exports and can be run."""

from __future__ import annotations

import json
import os
import re
import shutil
import threading
from collections import Counter
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.exports.formats import FORMATS
from imitation_lens.core.exports.import_checks import PARAMS
from imitation_lens.core.exports.importer import ImportRefused, import_session
from imitation_lens.core.exports.session_json import export_session, session_document
from imitation_lens.core.judging.annotations import item_state
from imitation_lens.core.running.lineup import SamplingParams, SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.store import Store
from import_fuzz import variants
from session_factory import make_session
from test_import import _dump, _judged_session, _store

# More, or other, variants for a longer run (bench scripts): the suite's are fixed.
VARIANTS = int(os.environ.get("IMPORT_FUZZ_VARIANTS", "1000"))
SEED = int(os.environ.get("IMPORT_FUZZ_SEED", "13"))
TABLES = ("sessions", "items", "responses", "marks", "judgements", "verdicts", "item_progress")
# A refusal is one plain sentence about the file: no Python, SQLite or schema words in it.
JARGON = re.compile(
    r"Traceback|Error\b|Exception|UNIQUE|constraint|sqlite|INTEGER|schema|"
    r"Expecting|property name|char \d|\bobject\b|One answer|An error span|One session"
)


def _real_exports(tmp_path: Path) -> list[dict[str, Any]]:
    ann = _store(tmp_path / "ann.sqlite3", "ann")
    documents = []
    for session_id in (
        _judged_session(ann),  # emoji and a line break before a mark
        make_session(ann, 4, answers=3, blind=True, evaluators=("", "carol")),
    ):
        path = tmp_path / f"{session_id}.json"
        export_session(ann, session_id, path)
        documents.append(json.loads(path.read_text("utf-8")))
    return documents


def _templates(tmp_path: Path, documents: list[dict[str, Any]]) -> list[Path]:
    """Databases each variant is imported into, fresh each time: one with an unrelated session
    only, and one that already holds the originals (so variants meet them as conflicts)."""
    empty = tmp_path / "template-empty.sqlite3"
    bob = _store(empty, "bob")
    make_session(bob, 2, evaluators=("", "carol"), seed=99)
    bob.db.conn.close()
    full = tmp_path / "template-full.sqlite3"
    shutil.copy(empty, full)
    bob = Store(full)
    for n, document in enumerate(documents):
        original = tmp_path / f"original-{n}.json"
        original.write_text(json.dumps(document), "utf-8")
        import_session(bob, original)
    bob.db.conn.close()
    return [empty, full]


def _opens_exports_and_runs(store: Store, session_id: str, out: Path) -> None:
    """What the window does with a session: open it (its lineup and each item as the judging
    view loads it), export it in every format, and build each slot's runner (not run it)."""
    session = store.session(session_id)
    slots = [SlotConfig.from_dict(d) for d in session.get("lineup") or []]
    scheduler = LocalScheduler(lambda: slots, out / "models")
    for slot in slots:
        for key, (whole, _, _) in PARAMS.items():
            value = getattr(slot.params, key)
            assert isinstance(value, int if whole else int | float), (key, value)
        assert isinstance(slot.params, SamplingParams) and isinstance(slot.role, str)
        runner_factory(slot, scheduler, out / "models", out / "db.sqlite3")()
    for item_id in store.item_ids(session_id):
        state = item_state(store, item_id)
        for response in state["responses"]:
            for mark in response["marks"]:
                assert response["text"][mark.start : mark.end] == mark.quote or not mark.quote
    # Every mark's quote is the text at its offsets (an empty quote: offsets alone), and every
    # time is a real one: the window draws by offsets, exports find marks by their quote.
    for text, start, end, quote in store.db.execute(
        "SELECT r.text, m.start, m.[end], m.quote FROM marks m JOIN responses r "
        "ON r.id = m.response_id JOIN items i ON i.id = r.item_id WHERE i.session_id = ?",
        [session_id],
    ):
        assert not quote or text[start:end] == quote, (quote, text[start:end])
    for table in TABLES:
        for column in [c for c in store.db.table(table).columns_dict if c.endswith("_at")]:
            for (stamp,) in store.db.execute(f"SELECT [{column}] FROM [{table}]"):
                assert not stamp or datetime.fromisoformat(stamp).tzinfo is not None, stamp
    document = session_document(store, session_id)
    for export_format in FORMATS:
        written = export_format.write(document, out / f"export{export_format.suffix}")
        assert written.stat().st_size > 0


@pytest.mark.slow
def test_a_thousand_hostile_variants_are_refused_plainly_or_work_everywhere(
    tmp_path: Path,
) -> None:
    documents = _real_exports(tmp_path)
    templates = _templates(tmp_path, documents)
    pristine = [_dump(Store(t)) for t in templates]
    outcomes: Counter[str] = Counter()
    failures: list[str] = []
    cases = [*variants(documents[0], VARIANTS // 2, seed=SEED)]
    cases += [*variants(documents[1], VARIANTS - len(cases), seed=SEED + 18)]
    for n, (name, raw) in enumerate(cases):
        database = tmp_path / "db.sqlite3"
        shutil.copy(templates[n % 2], database)
        store = Store(database)
        path = tmp_path / "variant.json"
        path.write_bytes(raw)
        try:
            result = import_session(store, path)
        except ImportRefused as refused:
            outcomes["refused"] += 1
            message = str(refused)
            if JARGON.search(message) or "\n" in message:
                failures.append(f"{name}: jargon in “{message}”")
            if _dump(store) != pristine[n % 2]:
                failures.append(f"{name}: refused but the database changed")
        except Exception as error:  # counting tracebacks is the point
            outcomes["traceback"] += 1
            failures.append(f"{name}: {type(error).__name__}: {error}")
        else:
            outcomes["accepted"] += 1
            try:
                _opens_exports_and_runs(store, result.session_id, tmp_path)
            except Exception as error:
                failures.append(f"{name}: accepted, then {type(error).__name__}: {error}")
        finally:
            store.db.conn.close()
    print(f"\nimport fuzz: {len(cases)} variants, {dict(outcomes)}, {len(failures)} failures")
    assert failures == [], "\n".join(failures[:80])
    assert sum(outcomes.values()) == len(cases) >= 1000
    # Both sides are exercised: a checker refusing everything, or nothing, would fail here.
    assert outcomes["refused"] > VARIANTS * 0.3 and outcomes["accepted"] > VARIANTS * 0.1


@pytest.mark.parametrize("kind", ["named pipe", "folder", "device", "link to a pipe"])
def test_a_special_file_is_refused_at_once_without_reading_it(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "session.json"
    if kind == "named pipe":
        os.mkfifo(target)
    elif kind == "folder":
        target.mkdir()
    elif kind == "device":
        target = Path("/dev/zero")  # endless: reading it would fill memory
    else:
        os.mkfifo(tmp_path / "pipe")
        target.symlink_to(tmp_path / "pipe")
    store = _store(tmp_path / "bob.sqlite3", "bob")
    before = _dump(store)
    outcome: list[BaseException | None] = []

    def attempt() -> None:
        try:
            import_session(store, target)
            outcome.append(None)
        except BaseException as error:  # carried to the test's thread
            outcome.append(error)

    # On a thread: a reader that opened the pipe would wait for a writer forever.
    worker = threading.Thread(target=attempt, daemon=True)
    worker.start()
    worker.join(timeout=10)
    assert not worker.is_alive(), "the import waited on a special file"
    assert isinstance(outcome[0], ImportRefused)
    expected = "is a folder" if kind == "folder" else "is not an ordinary file"
    assert expected in str(outcome[0]) and str(outcome[0]).endswith("Nothing was changed.")
    assert _dump(store) == before
