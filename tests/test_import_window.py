"""Hostile files given to the window: refused on the writer's thread without stopping it."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.file_opening import open_session_file
from session_factory import make_session


def test_a_named_pipe_or_a_broken_lineup_is_refused_and_saving_goes_on(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    colleague = Store(tmp_path / "colleague.sqlite3")
    colleague.set_setting("evaluator_name", "Ana")
    session_id = make_session(colleague, items=2, title="Ana's capitals")
    export = tmp_path / "ana.json"
    export_session(colleague, session_id, export)
    colleague.close()
    broken = json.loads(export.read_text("utf-8"))
    broken["session"]["lineup"][0]["source"] = "/models/x.gguf"  # was a ValueError in a slot
    broken_path = tmp_path / "broken.json"
    broken_path.write_text(json.dumps(broken), "utf-8")
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)  # nothing ever writes to it: a reader that opened it would wait forever

    window = open_window(data_paths)
    shown = window.session_id
    for path, expected in (
        (pipe, "it is not an ordinary file"),
        (broken_path, "what runs there ('source') must be a group of settings"),
    ):
        with qtbot.waitSignal(window.import_refused, timeout=20000):
            open_session_file(window, path)
        message = window.statusBar().currentMessage()
        assert message.startswith(f"{path.name} could not be opened as a session: ")
        assert expected in message and message.endswith("Nothing was changed.")
        assert window.session_id == shown
    # The writer's thread, which every save goes through, is free: the real file opens.
    with qtbot.waitSignal(window.session_opened, timeout=20000) as opened:
        open_session_file(window, export)
    assert opened.args == [session_id]
    assert [slot.role for slot in window.lineup][:2] == ["Base", "Imitator"]
