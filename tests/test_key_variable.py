"""A key pasted into "Key variable" (the field naming the environment variable that holds the
key) is refused, never saved and never quoted: a generator of real key shapes from several
providers against the check, both dialogs, and a real server on 127.0.0.1 answering 401."""

from __future__ import annotations

import http.server
import json
import os
import random
import string
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import FAST, close_window
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, FinishedEvent, GenerationRequest, Status
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.servers.connections import (
    VARIABLE_NAME_PROBLEM,
    Connection,
    connections,
    is_variable_name,
    save_connection,
)
from imitation_lens.core.servers.server_runner import ServerRunner
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.slot_dialog import SlotDialog

ALNUM = string.ascii_letters + string.digits


def _random(rng: random.Random, length: int, alphabet: str = ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(length))


def pasted_keys(count_per_shape: int = 20) -> list[str]:
    """Keys as providers issue them (only those a variable name's characters could hold)."""
    rng = random.Random(13)
    shapes: list[Callable[[], str]] = [
        lambda: "gsk_" + _random(rng, 52),  # Groq
        lambda: "hf_" + _random(rng, 34),  # Hugging Face
        lambda: "ghp_" + _random(rng, 36),  # GitHub
        lambda: "github_pat_" + _random(rng, 22) + "_" + _random(rng, 59),
        lambda: "r8_" + _random(rng, 37),  # Replicate
        lambda: "sk_" + _random(rng, 32),
        lambda: "AIza" + _random(rng, 35, ALNUM + "_"),  # Google
        lambda: _random(rng, 32, "0123456789abcdef"),  # a bare hex token
        lambda: _random(rng, 24),  # a short bare token
        lambda: _random(rng, 40),  # Cohere-style
        lambda: _random(rng, 64, "0123456789abcdef"),  # Together-style
    ]
    return [shape() for shape in shapes for _ in range(count_per_shape)]


VARIABLE_NAMES = [
    "OPENAI_API_KEY",
    "GROQ_API_KEY",
    "HF_TOKEN",
    "ANTHROPIC_API_KEY",
    "MY_TEACHER_KEY_2",
    "AzureOpenAIKey",
    "_PRIVATE_KEY",
    "IMITATION_LENS_TEACHER_KEY",
    "OPENAI_KEY_20240101",
    "teacher_key",
    "AzureOpenAIKeyForTeacher",
]


def test_every_pasted_key_is_refused_and_every_variable_name_accepted() -> None:
    keys = pasted_keys()
    accepted = [key for key in keys if is_variable_name(key)]
    assert accepted == [], f"{len(accepted)} of {len(keys)} keys taken for names: {accepted[:3]}"
    assert [name for name in VARIABLE_NAMES if not is_variable_name(name)] == []
    print(f"\nkey variable: {len(keys)} pasted keys tried, {len(keys)} refused")


def test_the_column_dialog_refuses_a_pasted_key_and_keeps_a_name(qtbot: Any) -> None:
    key = pasted_keys(1)[0]
    dialog = SlotDialog(SlotConfig("Teacher", Server("http://127.0.0.1:9/v1", "m", "")))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.key_env.setText(key)
    dialog._accept()
    assert dialog.result() != SlotDialog.DialogCode.Accepted
    assert dialog.key_hint.text() == VARIABLE_NAME_PROBLEM and key not in dialog.key_hint.text()
    dialog.key_env.setText("GROQ_API_KEY")
    dialog._accept()
    assert dialog.result() == SlotDialog.DialogCode.Accepted
    source = dialog.result_slot().source
    assert isinstance(source, Server) and source.api_key_env == "GROQ_API_KEY"


def test_the_connections_dialog_refuses_a_pasted_key_and_saves_nothing(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    key = pasted_keys(1)[0]
    window = open_window(data_paths)
    dialog = window.models_menu.open_connections()
    dialog.name.setText("Groq")
    dialog.base_url.setText("https://api.groq.com/openai/v1")
    dialog.model.setEditText("llama-3.1-8b-instant")
    dialog.key_env.setText(key)
    with qtbot.waitSignal(dialog.told, timeout=5000) as told:
        dialog.save_button.click()
    assert told.args[0] == VARIABLE_NAME_PROBLEM
    close_window(qtbot, window)
    store = Store.open_read_only(data_paths.database)
    try:
        assert not any(key in line for line in store.db.conn.iterdump())
    finally:
        store.close()


class _Refuses(http.server.BaseHTTPRequestHandler):
    """An OpenAI-compatible server that refuses every key, as a real provider does."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = json.dumps({"error": {"message": "Invalid API Key", "type": "invalid_api_key"}})
        self.send_response(401)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def refusing_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Refuses)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def _refused(base_url: str, key_env: str) -> FinishedEvent:
    events: list[Event] = []
    ServerRunner(Server(base_url, "m", key_env), FAST).generate(
        GenerationRequest("r", "What is the capital of Australia?"),
        events.append,
        threading.Event(),
    )
    assert isinstance(events[-1], FinishedEvent)
    return events[-1]


def test_the_401_message_never_quotes_a_key(refusing_server: str) -> None:
    key = pasted_keys(1)[0]  # saved as a variable's name by an earlier version
    value = "gsk_" + "v" * 40
    os.environ[key] = value
    os.environ["GROQ_API_KEY"] = value
    try:
        pasted = _refused(refusing_server, key)
        named = _refused(refusing_server, "GROQ_API_KEY")
    finally:
        del os.environ[key], os.environ["GROQ_API_KEY"]
    assert pasted.status is Status.FAILED and "refused the API key (401)" in pasted.error
    assert key not in pasted.error and value not in pasted.error
    assert "GROQ_API_KEY environment variable" in named.error and value not in named.error


def test_a_key_as_a_variable_name_is_never_stored_nor_read_back(tmp_path: Path) -> None:
    key = pasted_keys(1)[0]
    store = Store(tmp_path / "db.sqlite3")
    try:
        save_connection(store, Connection("", "Groq", "https://api.groq.com/openai/v1", "m", key))
        # …and one saved by an earlier version, which let it through.
        store.db.table("connections").insert(
            {
                "id": "old",
                "name": "Old",
                "base_url": "https://api.groq.com/openai/v1",
                "model": "m",
                "api_key_env": key,
                "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
            }
        )
        assert [c.api_key_env for c in connections(store)] == ["", ""]
        assert sum(key in line for line in store.db.conn.iterdump()) == 1  # the old row only
    finally:
        store.close()
