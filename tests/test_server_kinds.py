"""A kind of teacher server is one module: written to a folder of the kinds package's path, it is
offered in the column's settings and the connections dialog, answers in a real window's column
(stored in the database like any teacher's answer) and is listed by Test connection. With only
the OpenAI-compatible kind, nothing about the dialogs or saved settings changes."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import close_window, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.running.lineup import (
    OPENAI_COMPATIBLE,
    LocalModel,
    SamplingParams,
    Server,
    SlotConfig,
)
from imitation_lens.core.servers import kinds
from imitation_lens.core.servers.connections import ConnectionProblem, connections, list_models
from imitation_lens.core.servers.teacher_runner import TeacherRunner
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.slot_dialog import SlotDialog

ANSWER = "Echo here: every question gets this same answer, sent in pieces."
MODELS = ["echo-large", "echo-small"]

# The whole of a new kind, as someone adding one would write it.
ECHO_MODULE = f'''
"""A server that answers every question with a fixed text, streamed a word at a time."""

import threading

from imitation_lens.core.running.events import (
    EmitFn, FactsEvent, FinishedEvent, GenerationRequest, StateEvent, Status, StreamMeter,
)
from imitation_lens.core.running.lineup import SamplingParams, Server
from imitation_lens.core.servers.kinds import ServerKind

ANSWER = {ANSWER!r}


class EchoRunner:
    def __init__(self, server: Server, params: SamplingParams) -> None:
        self._server = server

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        rid = request.response_id
        facts = {{"endpoint_base_url": self._server.base_url, "endpoint_model": self._server.model}}
        emit(FactsEvent(rid, facts))
        emit(StateEvent(rid, Status.STREAMING))
        meter = StreamMeter(rid, emit, interval=0.0)
        words = ANSWER.split(" ")
        for n, word in enumerate(words, 1):
            meter.add(word if n == len(words) else word + " ", n)
        meter.flush()
        emit(FinishedEvent(rid, Status.DONE, meter.text, facts=facts | meter.timings()))

    def close(self) -> None:
        pass


def list_models(server: Server, key: str | None, timeout_s: float) -> list[str]:
    return {MODELS!r}


KIND = ServerKind("echo", "Echo (a fixed answer)", EchoRunner, list_models, order=50)
'''


@pytest.fixture
def echo_kind(tmp_path: Path) -> Iterator[str]:
    """The echo kind, found by discovery in a folder added to the package's path."""
    folder = tmp_path / "more_kinds"
    folder.mkdir()
    (folder / "echo_kind.py").write_text(ECHO_MODULE, "utf-8")
    kinds.__path__.append(str(folder))
    kinds.discover()
    try:
        yield "echo"
    finally:
        kinds.__path__.remove(str(folder))
        kinds.KINDS.remove(kinds.BY_NAME.pop("echo"))
        sys.modules.pop(f"{kinds.__name__}.echo_kind", None)


def _kind_row_shown(dialog: Any) -> bool:
    return bool(dialog.server_kind.isVisibleTo(dialog))


def test_a_lineup_saved_before_kinds_loads_and_saves_as_it_was() -> None:
    saved = {
        "role": "Teacher",
        "kind": "endpoint",
        "source": {"base_url": "http://127.0.0.1:9/v1", "model": "m", "api_key_env": ""},
        "params": {},
        "note": "",
    }
    slot = SlotConfig.from_dict(saved)
    assert isinstance(slot.source, Server) and slot.source.kind == OPENAI_COMPATIBLE
    assert "kind" not in slot.to_dict()["source"]  # saved settings and exports keep their shape
    echo = SlotConfig("Teacher", Server("x", "m", kind="echo"))
    assert echo.to_dict()["source"]["kind"] == "echo"
    assert SlotConfig.from_dict(echo.to_dict()) == echo


def test_with_one_kind_the_dialogs_offer_no_choice(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    assert [kind.name for kind in kinds.KINDS] == [OPENAI_COMPATIBLE]
    dialog = SlotDialog(SlotConfig("Teacher", Server("http://127.0.0.1:9/v1", "m", "")))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.base_url.isVisibleTo(dialog) and not _kind_row_shown(dialog)
    window = open_window(data_paths)
    connections_dialog = window.models_menu.open_connections()
    assert not _kind_row_shown(connections_dialog)
    assert connections_dialog.preset.accessibleName() == "Kind of server"  # as before kinds


def test_an_unknown_kind_fails_in_plain_words(tmp_path: Path) -> None:
    events: list[Event] = []
    server = Server("http://127.0.0.1:9/v1", "m", "", replay="never", kind="gone")
    runner = TeacherRunner(server, SamplingParams(), tmp_path / "none.sqlite")
    runner.generate(GenerationRequest("r", "Hello?"), events.append, threading.Event())
    finished = events[-1]
    assert isinstance(finished, FinishedEvent) and finished.status is Status.FAILED
    assert "does not know" in finished.error and "“gone”" in finished.error
    with pytest.raises(ConnectionProblem, match="does not know"):
        list_models("http://127.0.0.1:9/v1", kind="gone")


def test_a_kind_in_one_module_is_offered_answers_and_lists_its_models(
    qtbot: Any, open_window: Any, data_paths: DataPaths, echo_kind: str
) -> None:
    # The column's settings offer it, and a column set up with it talks to it.
    dialog = SlotDialog(SlotConfig("Teacher", LocalModel()))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.source.setCurrentIndex(2)  # An online or local API
    assert _kind_row_shown(dialog)
    offered = [dialog.server_kind.itemData(i) for i in range(dialog.server_kind.count())]
    assert offered == [OPENAI_COMPATIBLE, echo_kind]
    dialog.server_kind.setCurrentIndex(1)
    dialog.base_url.setText("http://echo.invalid/v1")
    dialog.model.setText("echo-large")
    slot = dialog.result_slot()
    assert isinstance(slot.source, Server) and slot.source.kind == echo_kind

    window = open_window(data_paths, [slot])
    column = window.columns[0]
    window.prompt_edit.setPlainText("Are you there?")
    window.run_prompt()
    qtbot.waitUntil(lambda: column.is_busy or column.state.is_final, timeout=10000)
    wait_idle(qtbot, window, timeout=20000)
    assert column.state == Status.DONE and column.answer.text == ANSWER

    # Test connection asks the echo kind; the saved connection keeps its kind.
    connections_dialog = window.models_menu.open_connections()
    assert _kind_row_shown(connections_dialog)
    connections_dialog.server_kind.setCurrentIndex(1)
    assert not connections_dialog.preset.isVisibleTo(connections_dialog)  # OpenAI-compatible ones
    connections_dialog.name.setText("Echo")
    connections_dialog.base_url.setText("http://echo.invalid/v1")
    with qtbot.waitSignal(connections_dialog.tested, timeout=10000) as tested:
        connections_dialog.test_button.click()
    assert tested.args[0] is True and "offers 2 model(s)" in tested.args[1]
    listed = connections_dialog.model
    assert [listed.itemText(i) for i in range(listed.count())] == MODELS
    with qtbot.waitSignal(connections_dialog.saved, timeout=5000):
        connections_dialog.save_button.click()
    connections_dialog.close()
    close_window(qtbot, window)

    store = Store(data_paths.database)
    try:
        rows = list(store.db.query("SELECT * FROM responses"))
        saved = connections(store)
    finally:
        store.close()
    assert len(rows) == 1
    row = rows[0]
    assert (row["status"], row["text"], row["kind"]) == ("done", ANSWER, "endpoint")
    assert row["endpoint_model"] == "echo-large"
    assert '"server_kind": "echo"' in row["extra"]
    assert [(c.name, c.model, c.kind) for c in saved] == [("Echo", MODELS[0], echo_kind)]
