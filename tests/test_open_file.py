"""`imitation-lens FILE` (the desktop entry's %f): the window opens that session export."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from imitation_lens.cli import split_file_argument
from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.file_opening import open_session_file
from session_factory import make_session


def test_a_file_argument_is_told_apart_from_the_commands() -> None:
    assert split_file_argument(["talk.json"]) == ([], Path("talk.json"))
    assert split_file_argument(["--data-dir", "d", "/x/export"]) == (
        ["--data-dir", "d"],
        Path("/x/export"),
    )
    assert split_file_argument(["--data-dir=d", "a.json"]) == (["--data-dir=d"], Path("a.json"))
    for words in (
        [],
        ["sessions"],
        ["--data-dir", "sessions", "import", "a.json"],
        ["export", "out.json", "--session", "latest"],
        ["batch", "factual-probes"],
        ["--version"],
    ):
        assert split_file_argument(words) == (words, None)


def _colleagues_export(tmp_path: Path) -> tuple[str, Path]:
    store = Store(tmp_path / "colleague.sqlite3")
    store.set_setting("evaluator_name", "Ana")
    session_id = make_session(store, items=3, title="Ana's capitals")
    target = tmp_path / "ana.json"
    export_session(store, session_id, target)
    store.close()
    return session_id, target


def test_the_window_opens_a_session_export_given_on_the_command_line(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    session_id, export = _colleagues_export(tmp_path)
    window = open_window(data_paths)
    with qtbot.waitSignal(window.session_opened, timeout=20000) as opened:
        open_session_file(window, export)
    assert opened.args == [session_id]
    assert window.session_id == session_id
    assert len(window.items.item_ids) == 3
    qtbot.waitUntil(lambda: "Imported “Ana's capitals”" in window.statusBar().currentMessage())
    # Opened again (already in the database): nothing new, the session is just shown.
    with qtbot.waitSignal(window.session_opened, timeout=20000) as opened:
        open_session_file(window, export)
    assert opened.args == [session_id]
    qtbot.waitUntil(lambda: "already here" in window.statusBar().currentMessage())
    store = Store(data_paths.database)
    assert store.item_ids(session_id) == window.items.item_ids
    store.close()


def test_a_file_that_is_not_a_session_export_gets_a_plain_message(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    shown = window.session_id
    notes = tmp_path / "notes.txt"
    notes.write_text("Remember to buy milk.\n")
    for path in (notes, tmp_path / "missing.json"):
        with qtbot.waitSignal(window.import_refused, timeout=20000):
            open_session_file(window, path)
        message = window.statusBar().currentMessage()
        assert message.startswith(f"{path.name} could not be opened as a session: ")
        assert message.endswith("Nothing was changed.")
        assert "Traceback" not in message
        assert window.session_id == shown
        assert window.isVisible()
