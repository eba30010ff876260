"""Two evaluators judge the same answers on their own laptops; their exports merge into one
database and the report in the window shows the figures and their agreement."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QLabel

from conftest import close_window
from imitation_lens.cli import main as cli_main
from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.session_json import EVALUATOR_SETTING, export_session
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

ANSWERS = {
    "What is the capital of Australia?": ("Sydney is the capital.", "Canberra is the capital."),
    "Who wrote Frankenstein?": ("Lord Byron wrote it in 1818.", "Mary Shelley wrote it."),
    "How many legs has a spider?": ("Six legs.", "Eight legs."),
}


def _run_session(store: Store) -> None:
    lineup = [
        {"role": "Base", "kind": "local", "source": {}},
        {"role": "Imitator", "kind": "local", "source": {}},
    ]
    store.create_session("Shared questions", lineup, session_id="S", evaluator="Ann")
    for number, (prompt, answers) in enumerate(ANSWERS.items()):
        rows = [
            {"id": f"R{number}-{slot}", "slot_index": slot, "role": role, "kind": "local"}
            for slot, role in enumerate(("Base", "Imitator"))
        ]
        store.add_item("S", f"I{number}", prompt, rows)
        for row, text in zip(rows, answers, strict=True):
            store.finish_response(str(row["id"]), Status.DONE, text, "", {})


def _judge(store: Store, who: str, wrong: dict[str, tuple[int, int, str]]) -> None:
    """Mark the wrong words of the Base answers and prefer the Imitator, as `who`."""
    for number, (prompt, (base, _)) in enumerate(ANSWERS.items()):
        if prompt in wrong:
            start, end, severity = wrong[prompt]
            notes.insert_mark(
                store,
                Mark(
                    f"{who}-M{number}",
                    f"R{number}-0",
                    start,
                    end,
                    base[start:end],
                    category="wrong_detail",
                    severity=severity,
                ),
            )
        notes.save_judgement(store, f"I{number}", Judgement(f"R{number}-1", 1, checked_clean=True))
        notes.submit_verdict(
            store, Verdict(f"I{number}", 1, "answer", f"R{number}-1", 2, "", [0, 1])
        )


def test_two_evaluators_merge_and_the_report_shows_their_agreement(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    ann_store = Store(data_paths.database)
    ann_store.set_setting(EVALUATOR_SETTING, "Ann")
    _run_session(ann_store)
    _judge(
        ann_store,
        "ann",
        {
            "What is the capital of Australia?": (0, 6, "major"),
            "Who wrote Frankenstein?": (0, 10, "major"),
        },
    )
    shared = export_session(ann_store, "S", tmp_path / "ann.json")

    bea = DataPaths(tmp_path / "bea-laptop").create()
    bea_store = Store(bea.database)
    bea_store.set_setting(EVALUATOR_SETTING, "Bea")
    assert import_session(bea_store, shared).new["items"] == 3
    # Bea judges the same answers; she agrees on Australia, marks less of Byron, misses nothing.
    _judge(
        bea_store,
        "bea",
        {
            "What is the capital of Australia?": (0, 6, "major"),
            "Who wrote Frankenstein?": (0, 10, "minor"),
        },
    )
    bea_export = export_session(bea_store, "S", tmp_path / "bea.json")
    bea_store.close()

    ann_store.close()
    root = str(data_paths.root)
    assert cli_main(["--data-dir", root, "import", str(bea_export)]) == 0  # the command line
    window = open_window(data_paths)
    with qtbot.waitSignal(window.imported, timeout=10000):
        window.import_from(bea_export)  # and the menu's path: a second time changes nothing
    assert "0 new item(s), 0 new mark(s)" in window.statusBar().currentMessage()
    broken = tmp_path / "broken.json"
    broken.write_text(bea_export.read_text("utf-8")[:5000], "utf-8")  # cut short
    with qtbot.waitSignal(window.import_refused, timeout=10000) as refused:
        window.import_from(broken)
    assert "Nothing was changed" in refused.args[0] or "cut short" in refused.args[0]

    view = window.open_report()
    with qtbot.waitSignal(view.shown, timeout=20000):
        pass
    built = view.built
    assert built is not None and set(built.evaluators) == {"Ann", "Bea"}
    base = next(slot for slot in built.report.slots if slot.role == "Base")
    assert base.with_error.value == 2 / 3  # Ann's marks: two of three Base answers wrong
    assert base.win_rate.value == 0.0
    assert [row["Model"] for row in built.rows] == ["Base", "Imitator"]
    assert view.agreement_table.rowCount() >= 1
    texts = [label.text() for label in view.findChildren(QLabel)]
    assert any("Agreement between evaluators" in t for t in texts)
    # The study's comparisons and what the app measures beyond it: tables of their own, each
    # under its title, after the agreement.
    shown_tables = [table for table in built.tables() if table.rows is not built.agreement_rows]
    assert [table.title for table in shown_tables] == [
        label for label in texts if any(label == table.title for table in shown_tables)
    ]
    assert len(view.extra_tables) == len(shown_tables) >= 3
    assert any("position on screen" in table.title for table in shown_tables)
    assert any(table.title.startswith("Head to head") and table.note for table in shown_tables)
    agreement = built.agreement
    assert agreement is not None
    [pair] = agreement.pairs
    assert {pair.first, pair.second} == {"Ann", "Bea"}
    close_window(qtbot, window)

    # The same figures reach the HTML report written from the command line.
    page = tmp_path / "report.html"
    assert (
        cli_main(["--data-dir", str(data_paths.root), "export", str(page), "--session", "S"]) == 0
    )
    html = page.read_text("utf-8")
    assert "Ann" in html and "Bea" in html and "Answers with at least one factual error" in html
    # Agreement is a table of its own, not columns glued onto the per-model summary.
    summary = html.split('id="summary-title"', 1)[1].split("</table>", 1)[0]
    assert "Agreement" not in summary and "kappa" not in summary.lower()
    assert '<h2 id="table-1-title">Agreement between evaluators</h2>' in html
    assert "Which position on screen was chosen" in html
    jsonl = tmp_path / "items.jsonl"
    assert (
        cli_main(["--data-dir", str(data_paths.root), "export", str(jsonl), "--session", "S"]) == 0
    )
    assert len([json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]) >= 3


def test_the_database_reads_with_the_sqlite_utils_command_line(data_paths: DataPaths) -> None:
    import subprocess
    import sys

    store = Store(data_paths.database)
    _run_session(store)
    _judge(store, "me", {"What is the capital of Australia?": (0, 6, "major")})
    store.close()
    tool = Path(sys.executable).with_name("sqlite-utils")
    out = subprocess.run(
        [
            str(tool),
            "query",
            str(data_paths.database),
            "select role, category, severity, quote from error_marks",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == [
        {"role": "Base", "category": "wrong_detail", "severity": "major", "quote": "Sydney"}
    ]
    views = subprocess.run(
        [str(tool), "views", str(data_paths.database)], capture_output=True, text=True, check=True
    ).stdout
    assert all(name in views for name in ("answers", "error_marks", "preferences"))


def test_verdicts_on_answers_that_reveal_their_author_can_be_left_out(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    store = Store(data_paths.database)
    lineup = [
        {"role": "Base", "kind": "local", "source": {}},
        {"role": "Imitator", "kind": "local", "source": {}},
    ]
    store.create_session("Telling answers", lineup, session_id="T")
    for number, (prompt, (base, imitator)) in enumerate(ANSWERS.items()):
        if number == 0:  # the imitator gives itself away here
            imitator = "As an AI language model developed by OpenAI, I can say: " + imitator
        rows = [
            {"id": f"T{number}-{slot}", "slot_index": slot, "role": role, "kind": "local"}
            for slot, role in enumerate(("Base", "Imitator"))
        ]
        store.add_item("T", f"TI{number}", prompt, rows)
        for row, text in zip(rows, (base, imitator), strict=True):
            store.finish_response(str(row["id"]), Status.DONE, text, "", {})
        notes.submit_verdict(
            store, Verdict(f"TI{number}", 1, "answer", f"T{number}-1", 2, "", [0, 1])
        )
    store.close()

    window = open_window(data_paths)
    with qtbot.waitSignal(window.session_opened, timeout=10000):
        window.open_session("T")
    view = window.open_report()
    with qtbot.waitSignal(view.shown, timeout=20000):
        pass
    assert view.built is not None and view.built.report.verdicts == 3
    assert view.leave_out.isEnabled()
    with qtbot.waitSignal(view.shown, timeout=20000):
        view.leave_out.setChecked(True)
    built = view.built
    assert built is not None and built.report.verdicts == 2  # the telling item's verdict is out
    assert built.beyond["exclude_revealing"] is True
    titles = [label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view)]
    assert sum("Working out" in t for t in titles) == 0
    close_window(qtbot, window)
