"""Who is judging: asked once on first start, shown in the window, and the one name every list,
report and export uses for this computer's work (stored as evaluator "" in the database)."""

from __future__ import annotations

import csv
import getpass
import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from conftest import close_window, local_slot, wait_idle
from imitation_lens.cli import main as cli_main
from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.session_json import (
    EVALUATOR_SETTING,
    clean_name,
    default_evaluator,
    export_session,
    local_evaluator,
    session_document,
)
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.sessions import session_summaries
from imitation_lens.core.storage.store import Store


def test_the_name_offered_is_the_accounts_full_name_else_the_login_never_empty(
    monkeypatch: Any,
) -> None:
    import pwd

    class Entry:
        pw_gecos = "Ana Lima,Room 4,555-0100,"

    monkeypatch.setattr(getpass, "getuser", lambda: "ana")
    monkeypatch.setattr(pwd, "getpwnam", lambda login: Entry())
    assert default_evaluator() == "Ana Lima"
    Entry.pw_gecos = ""
    assert default_evaluator() == "ana"

    def no_login() -> str:
        raise OSError("no login name")

    monkeypatch.setattr(getpass, "getuser", no_login)
    assert default_evaluator() == "evaluator"
    assert clean_name("  Ana\tLima\x00 ") == "Ana Lima" and len(clean_name("x" * 300)) == 200


def test_every_export_and_list_names_the_local_evaluator_and_a_colleague_stays_apart(
    tmp_path: Path,
) -> None:
    ana = Store(tmp_path / "ana.sqlite3")
    ana.set_setting(EVALUATOR_SETTING, "Ana")
    session_id = ana.create_session("Capitals", [{"role": "Base"}])
    assert [s.evaluator for s in session_summaries(ana)] == ["Ana"]  # not "me"
    document = session_document(ana, session_id)
    assert document["evaluator"] == "Ana" and document["session"]["evaluator"] == "Ana"
    export_session(ana, session_id, tmp_path / "ana.json")

    # The same demo laptop, another evaluator: the imported session keeps Ana's name.
    bea = Store(tmp_path / "bea.sqlite3")
    bea.set_setting(EVALUATOR_SETTING, "Bea")
    bea.create_session("Bea's own", [{"role": "Base"}])
    result = import_session(bea, tmp_path / "ana.json")
    assert result.evaluator == "Ana" and sum(result.conflict_counts.values()) == 0
    names = {s.title: s.evaluator for s in session_summaries(bea)}
    assert names == {"Capitals": "Ana", "Bea's own": "Bea"}
    assert session_document(bea, session_id)["session"]["evaluator"] == "Ana"
    # Ana's own export coming back is hers again: "" in her database, no conflict.
    again = import_session(ana, tmp_path / "ana.json")
    assert sum(again.conflict_counts.values()) == 0
    row = ana.db.execute("SELECT evaluator FROM sessions WHERE id = ?", [session_id]).fetchone()
    assert row[0] == ""
    for store in (ana, bea):
        store.close()


def test_first_start_asks_the_name_once_and_it_reaches_the_window_and_every_export(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths, [local_slot("Base", max_tokens=4)], evaluator=None)
    qtbot.waitUntil(lambda: window.evaluator.prompt is not None, timeout=10000)
    prompt = window.evaluator.prompt
    assert prompt.isVisible() and not prompt.isModal()  # the window is not blocked
    assert prompt.name_edit.text() == default_evaluator() != ""
    assert window.evaluator.label.text() == f"Evaluator: {default_evaluator()}"
    prompt.name_edit.clear()
    qtbot.keyClicks(prompt.name_edit, "Ana Lima")
    ok = prompt.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(window.evaluator.changed, timeout=5000) as changed:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert changed.args == ["Ana Lima"]
    assert window.evaluator.label.isVisible()
    assert window.evaluator.label.text() == "Evaluator: Ana Lima"

    window.prompt_edit.setPlainText("What is the capital of France?")
    window.run_prompt()
    wait_idle(qtbot, window)
    bar = window.judging_bar
    bar.choice_box.setCurrentIndex(1)
    with qtbot.waitSignal(window.items.verdict_saved, timeout=5000):
        qtbot.mouseClick(bar.submit_button, Qt.MouseButton.LeftButton)
    exported: dict[str, Path] = {}
    formats = (
        ("json", ".json"),
        ("csv-answers", ".csv"),
        ("md", ".md"),
        ("html", ".html"),
        ("jsonl", ".jsonl"),
    )
    for name, suffix in formats:
        with qtbot.waitSignal(window.exported, timeout=10000) as written:
            window.export_to(tmp_path / f"out{suffix}", name)
        exported[name] = Path(written.args[0])
    document = json.loads(exported["json"].read_text("utf-8"))
    assert document["evaluator"] == "Ana Lima"
    assert document["session"]["evaluator"] == "Ana Lima"
    assert {v["evaluator"] for v in document["items"][0]["verdicts"]} == {"Ana Lima"}
    with exported["csv-answers"].open(encoding="utf-8") as stream:
        assert {row["evaluator"] for row in csv.DictReader(stream)} == {"Ana Lima"}
    assert "Evaluator: Ana Lima" in exported["md"].read_text("utf-8")
    assert "Ana Lima" in exported["html"].read_text("utf-8")
    lines = exported["jsonl"].read_text("utf-8").splitlines()
    assert lines and all("Ana Lima" in line for line in lines)

    browser = window.open_session_browser()
    qtbot.waitSignal(browser.listed, timeout=5000).wait()
    assert browser.table.item(0, 1).text() == "Ana Lima"
    browser.close()
    view = window.open_report()
    assert view is not None
    qtbot.waitSignal(view.shown, timeout=20000).wait()
    assert view.built is not None and view.built.evaluator == "Ana Lima"
    view.close()
    close_window(qtbot, window)

    # Asked once: the next start uses the saved name without asking.
    again = open_window(data_paths, evaluator=None)
    qtbot.waitUntil(lambda: again.evaluator.label.text() == "Evaluator: Ana Lima", timeout=5000)
    assert again.evaluator.prompt is None
    # Preferences (Ctrl+,) change it for everything from then on.
    again.activateWindow()
    qtbot.keyClick(again, Qt.Key.Key_Comma, Qt.KeyboardModifier.ControlModifier)
    dialog = again.preferences
    assert dialog.isVisible() and dialog.name_edit.text() == "Ana Lima"
    dialog.name_edit.setText("Ana L.")
    with qtbot.waitSignal(again.evaluator.changed, timeout=5000):
        dialog.accept()
    assert again.evaluator.label.text() == "Evaluator: Ana L."
    close_window(qtbot, again)

    # The command line exports under the saved name too.
    target = tmp_path / "cli.json"
    assert cli_main(["--data-dir", str(data_paths.root), "export", str(target)]) == 0
    assert json.loads(target.read_text("utf-8"))["evaluator"] == "Ana L."
    store = Store(data_paths.database)
    assert local_evaluator(store) == "Ana L."
    assert store.db.execute("SELECT DISTINCT evaluator FROM verdicts").fetchall() == [("",)]
    store.close()
