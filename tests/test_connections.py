"""A teacher is connected without a terminal: Test connection, key in the keychain, the lineup
editor, and a comparison that uses it. The key is found nowhere in the app's files."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from typing import Any

import keyring
import pytest
from keyring.backend import KeyringBackend

from conftest import close_window, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import LocalModel, Server
from imitation_lens.core.servers.secrets import KEYRING_SERVICE

KEY = "test-key-123"  # what the session's llama.cpp server demands


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS keychain, which this headless machine does not have."""

    priority = 1
    viable = False  # keyring must never pick it on its own: only the fixture sets it
    saved: dict[tuple[str, str], str]

    def get_password(self, service: str, username: str) -> str | None:
        return self.saved.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.saved[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.saved.pop((service, username), None)


@pytest.fixture
def keychain() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()  # type: ignore[no-untyped-call]
    memory.saved = {}
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


@pytest.mark.slow
def test_connect_a_teacher_choose_it_in_the_lineup_and_compare(
    qtbot: Any, open_window: Any, data_paths: DataPaths, teacher_server: str, keychain: Any
) -> None:
    window = open_window(data_paths)
    dialog = window.models_menu.open_connections()
    dialog.preset.setCurrentIndex(2)  # llama.cpp server on this computer
    assert dialog.name.text() == "llama.cpp server"
    dialog.base_url.setText(teacher_server)
    dialog.key.setText(KEY)
    with qtbot.waitSignal(dialog.tested, timeout=20000) as tested:
        dialog.test_button.click()
    assert tested.args[0] is True and "offers 1 model" in tested.args[1]
    model = dialog.model.currentText()
    assert model
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert keychain.saved == {(KEYRING_SERVICE, teacher_server.rstrip("/")): KEY}
    assert dialog.key.text() == ""  # gone from the form once it is in the keychain
    dialog.close()

    lineup = window.models_menu.open_lineup()
    qtbot.waitUntil(lambda: bool(lineup.choices), timeout=5000)
    labels = [choice.label for choice in lineup.choices]
    teacher_choice = next(i for i, label in enumerate(labels) if label.startswith("Teacher:"))
    combo = lineup.grid.itemAtPosition(2, 2).widget()
    combo.setCurrentIndex(teacher_choice)
    with qtbot.waitSignal(lineup.finished, timeout=5000):
        lineup.buttons.button(lineup.buttons.StandardButton.Ok).click()
    assert [type(s.source) for s in window.lineup] == [LocalModel, LocalModel, Server]
    assert window.columns[2].model_label.text() == f"{model} via {teacher_server}"

    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    assert window.columns[2].state == Status.DONE and window.columns[2].answer.text
    close_window(qtbot, window)
    for path in data_paths.root.rglob("*"):
        if path.is_file() and path.suffix != ".gguf":
            assert KEY.encode() not in path.read_bytes(), path


@pytest.mark.slow
def test_connection_problems_are_told_in_plain_words(
    qtbot: Any, open_window: Any, data_paths: DataPaths, teacher_server: str, keychain: Any
) -> None:
    window = open_window(data_paths)
    dialog = window.models_menu.open_connections()
    for url, key, expected in (
        (teacher_server, "wrong-key", "refused the API key"),
        ("http://127.0.0.1:9/v1", "", "Can't reach the teacher"),
        ("ftp://example.org", "", "must start with http"),
    ):
        dialog.base_url.setText(url)
        dialog.key.setText(key)
        with qtbot.waitSignal(dialog.tested, timeout=20000) as tested:
            dialog.test_button.click()
        assert tested.args[0] is False and expected in tested.args[1]
        assert "wrong-key" not in tested.args[1]


@pytest.mark.slow
def test_without_a_keychain_the_key_is_read_from_an_environment_variable(
    qtbot: Any, open_window: Any, data_paths: DataPaths, teacher_server: str
) -> None:
    window = open_window(data_paths)  # this machine has no keychain: keyring's fail backend
    dialog = window.models_menu.open_connections()
    dialog.name.setText("Teacher")
    dialog.base_url.setText(teacher_server)
    dialog.model.setEditText("gemma")
    dialog.key.setText(KEY)
    with qtbot.waitSignal(dialog.told, timeout=5000) as told:
        dialog.save_button.click()
    assert "no keychain" in told.args[0]
    assert dialog.key.text() == KEY  # nothing saved: the form keeps what was typed
    dialog.key_env.setText("IMITATION_LENS_TEACHER_KEY")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save_button.click()
    assert "read from the variable" in dialog.result_label.text()


def test_the_lineup_keeps_two_to_six_columns_and_reorders(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    lineup = window.models_menu.open_lineup()
    qtbot.waitSignal(lineup.ready, timeout=5000)
    qtbot.waitUntil(lambda: bool(lineup.choices), timeout=5000)
    while len(lineup.rows) < 6:
        lineup.add_row()
    assert not lineup.add_button.isEnabled()
    lineup._move(0, 1)
    assert [role for role, _ in lineup.rows[:2]] == ["Imitator", "Base"]
    while len(lineup.rows) > 2:
        lineup._remove(0)
    lineup._remove(0)
    assert len(lineup.rows) == 2 and "at least 2" in lineup.problem.text()
    with qtbot.waitSignal(lineup.finished, timeout=5000):
        lineup.buttons.button(lineup.buttons.StandardButton.Ok).click()
    assert len(window.columns) == 2 and len(window.lineup) == 2
    close_window(qtbot, window)
    reopened = open_window(data_paths)  # the lineup is saved
    assert [s.role for s in reopened.lineup] == [role for role, _ in lineup.rows]


class _NotAnApi(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"<html><body>Welcome to my blog</body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


def test_a_server_that_is_not_an_api_and_a_pasted_key_are_refused_plainly(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotAnApi)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        window = open_window(data_paths)
        dialog = window.models_menu.open_connections()
        dialog.base_url.setText(f"http://127.0.0.1:{server.server_address[1]}/v1")
        with qtbot.waitSignal(dialog.tested, timeout=20000) as tested:
            dialog.test_button.click()
        assert tested.args[0] is False and "does not understand" in tested.args[1]
        assert dialog.test_button.isEnabled()  # back, ready for another try
    finally:
        server.shutdown()
        server.server_close()
    dialog.name.setText("Teacher")
    dialog.model.setEditText("gpt-4o-mini")
    dialog.key_env.setText("sk-proj-abc123def456")  # a key pasted in the variable's place
    with qtbot.waitSignal(dialog.told, timeout=5000) as told:
        dialog.save_button.click()
    assert "not the name of an environment variable" in told.args[0]
