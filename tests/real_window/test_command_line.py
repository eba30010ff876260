"""The desktop entry's `imitation-lens %f`: started on a session export, the window opens it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from real_app import RunningApp, wait_for
from session_factory import make_session


def test_started_on_a_session_export_the_app_imports_it(
    data_paths: DataPaths, launch: Callable[..., RunningApp], tmp_path: Path
) -> None:
    colleague = Store(tmp_path / "colleague.sqlite3")
    session_id = make_session(colleague, items=2, title="Shared by a colleague")
    export = tmp_path / "shared session.json"
    export_session(colleague, session_id, export)
    colleague.close()
    app = launch(data_paths, str(export))

    def imported() -> bool:
        if not data_paths.database.exists():
            return False
        try:
            with sqlite3.connect(f"file:{data_paths.database}?mode=ro", uri=True) as db:
                found = db.execute("SELECT count(*) FROM items WHERE session_id = ?", [session_id])
                return bool(found.fetchone()[0] == 2)
        except sqlite3.OperationalError:  # the app has not made its tables yet
            return False

    wait_for(imported, 30, "the export to be imported")
    assert app.process.poll() is None, app.output()
    app.seconds_to_exit("Ctrl+Q after opening a file", lambda: app.press("ctrl+q"))
