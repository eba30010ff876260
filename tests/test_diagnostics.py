"""Help ▸ About, the log (start line, faults, rotation, no secrets), the crash hooks, and the
test configuration that fails on Qt warnings and on exceptions in background threads."""

from __future__ import annotations

import json
import logging
import os
import platform
import subprocess
import sys
import textwrap
import threading
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import PySide6
import pytest
from PySide6.QtCore import (
    QMessageLogContext,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
    qWarning,
)
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import FAST, wait_idle
from imitation_lens import __version__
from imitation_lens.core.housekeeping import logfile
from imitation_lens.core.housekeeping.about import APP_LICENCE, gather, licences, package_version
from imitation_lens.core.housekeeping.logfile import LOG_FILE_NAME, configure_logging, redact
from imitation_lens.core.housekeeping.paths import DataPaths, resource_path
from imitation_lens.core.running.events import (
    Event,
    FinishedEvent,
    GenerationRequest,
    Runner,
    Status,
)
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.running.slot_worker import SlotWorker
from imitation_lens.ui import app as app_module
from imitation_lens.ui.about_dialog import AboutDialog
from imitation_lens.ui.diagnostics import CrashNotice, install_exception_hooks, log_qt_message

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def app_log(tmp_path: Path) -> Iterator[Path]:
    """The app's own log handler on a temporary folder, taken off the root logger afterwards."""
    before = logging.getLogger().level
    yield tmp_path / "logs"
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_imitation_lens", False)]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(before)


def _flush() -> None:
    for handler in logging.getLogger().handlers:
        handler.flush()


# -- Help ▸ About ----------------------------------------------------------------------------


def test_about_names_versions_licences_and_the_data_folder(tmp_path: Path) -> None:
    paths = DataPaths(tmp_path / "data")
    text = gather(paths, {"Qt": "6.9.9", "PySide6": "6.9.8"}).as_text()
    assert f"Imitation Lens: {__version__}" in text
    assert "Qt: 6.9.9" in text and "PySide6: 6.9.8" in text
    assert f"llama-cpp-python: {package_version('llama_cpp_python')}" in text
    assert f"vendored by llama-cpp-python {package_version('llama_cpp_python')}" in text
    assert "llama.cpp: " in text and "llama.cpp CPU features: CPU : " in text
    assert f"Python: {platform.python_version()}" in text
    assert "Operating system: " in text
    assert str(paths.root) in text and "--data-dir" in text
    by_what = {item.what: item.licence for item in licences()}
    assert by_what["Imitation Lens (this app)"] == "Apache-2.0"
    assert by_what["Built-in demo model, Gemma 3 270M (Google)"] == "Gemma Terms of Use"
    trainable = "Built-in model imitators are made from, SmolLM2 135M Instruct (Hugging Face)"
    assert by_what[trainable] == "Apache-2.0"
    assert by_what["Qt and PySide6"] == "LGPL-3.0" and by_what["llama.cpp"] == "MIT"
    sets = json.loads(resource_path("prompt_sets", "sets.json").read_text("utf-8"))["sets"]
    for entry in sets:
        assert by_what[f"Built-in prompt set “{entry['name']}”"] == entry["licence"]


def test_the_app_licence_shown_is_the_one_in_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == APP_LICENCE


def test_the_gemma_terms_ship_with_the_model_package() -> None:
    where = next(i.where for i in licences() if i.licence == "Gemma Terms of Use")
    assert where.startswith("https://ai.google.dev/gemma/terms")
    copy = where.split("(a copy: ", 1)[1].rstrip(")")
    assert "Gemma Terms of Use" in Path(copy).read_text("utf-8")


def test_help_about_opens_fits_the_screen_and_copies(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Help" and a.menu()
    )
    about = next(a for a in help_menu.actions() if a.text() == "&About Imitation Lens")
    assert about.menuRole() is QAction.MenuRole.AboutRole
    about.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.facts is not None, timeout=30000)
    shown = " ".join(dialog.body.toPlainText().split())
    for words in (
        f"Qt {qVersion()}",
        f"PySide6 {PySide6.__version__}",
        f"llama-cpp-python {package_version('llama_cpp_python')}",
        "llama.cpp ",
        "Gemma Terms of Use",
        "CC0-1.0",
        "LGPL-3.0",
        str(data_paths.root),
    ):
        assert words in shown, words
    # Fits 1366×768 (with room for a panel) and the text can be selected to copy by hand.
    assert dialog.width() <= 1366 and dialog.height() <= 700
    assert dialog.minimumSizeHint().height() <= 700
    assert dialog.body.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"Imitation Lens: {__version__}" in copied
    assert f"Qt: {qVersion()}" in copied and f"PySide6: {PySide6.__version__}" in copied
    assert "llama.cpp: " in copied and str(data_paths.root) in copied
    # Asking again brings back the same dialog rather than stacking a second one.
    about.trigger()
    assert window.findChildren(AboutDialog) == [dialog]
    dialog.close()


# -- the log ---------------------------------------------------------------------------------


def test_the_log_starts_with_the_versions_and_the_data_folder(
    app_log: Path, tmp_path: Path
) -> None:
    paths = DataPaths(tmp_path)
    previous = qInstallMessageHandler(None)
    try:
        log_file = app_module.start_log(paths)
        qWarning("a Qt warning for the log")  # Qt's own messages land in the same file
    finally:
        qInstallMessageHandler(previous)
    assert log_file == paths.logs / LOG_FILE_NAME
    _flush()
    first = log_file.read_text("utf-8").splitlines()[0]
    assert f"Imitation Lens {__version__} starting" in first
    assert f"Qt {qVersion()}" in first and f"PySide6 {PySide6.__version__}" in first
    assert f"llama-cpp-python {package_version('llama_cpp_python')}" in first
    assert f"Python {platform.python_version()}" in first
    assert platform.system() in first and f"data folder {paths.root}" in first
    assert "WARNING MainThread qt: a Qt warning for the log" in log_file.read_text("utf-8")


def test_the_command_line_batch_logs_to_the_same_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = subprocess.run(
        [sys.executable, "-m", "imitation_lens", "--data-dir", str(data), "batch", "no-such-set"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "No prompt set called 'no-such-set'" in result.stderr
    first = (data / "logs" / LOG_FILE_NAME).read_text("utf-8").splitlines()[0]
    assert f"Imitation Lens {__version__} starting" in first and "command line batch" in first


def test_the_log_rotates(app_log: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logfile, "MAX_BYTES", 2000)
    configure_logging(app_log)
    for n in range(400):
        logging.getLogger("imitation_lens.test").info("line %d %s", n, "x" * 40)
    _flush()
    names = sorted(p.name for p in app_log.iterdir())
    assert names == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, 6)]
    assert all(p.stat().st_size <= 2100 for p in app_log.iterdir())
    assert "line 399" in (app_log / LOG_FILE_NAME).read_text("utf-8")


def test_the_log_never_holds_an_api_key(app_log: Path) -> None:
    configure_logging(app_log)
    secret = "sk-proj-Abc123Def456Ghi789"
    log = logging.getLogger("imitation_lens.test")
    log.warning("The teacher refused: Incorrect API key provided: %s", secret)
    log.warning("headers {'Authorization': 'Bearer %s'}", "plainsecretvalue99")
    try:
        raise ValueError(f"api_key={secret}")
    except ValueError:
        log.exception("a traceback quoting the key")
    _flush()
    written = (app_log / LOG_FILE_NAME).read_text("utf-8")
    assert secret not in written and "plainsecretvalue99" not in written
    assert written.count("[hidden]") >= 4
    assert redact("nothing secret in a task-oriented risk-free answer") == (
        "nothing secret in a task-oriented risk-free answer"
    )


def test_an_unwritable_log_folder_falls_back_to_the_terminal(
    app_log: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    log_file, problem = configure_logging(blocker / "logs")
    assert log_file is None and problem
    assert "It goes to this terminal instead" in capsys.readouterr().err


def test_an_uncreatable_data_folder_is_explained_not_a_traceback(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    assert app_module.create_data_folder(DataPaths(blocker / "data")) is False
    assert len(shown) == 1 and "can't be created" in shown[0] and "--data-dir" in shown[0]
    assert "Traceback" not in shown[0]
    assert any("can't be created" in r.getMessage() for r in caplog.records)


def test_faults_the_user_sees_are_logged(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO)
    nobody = SlotConfig("Teacher", Server("http://127.0.0.1:9/v1", "x", ""), FAST)
    window = open_window(data_paths, [nobody])
    window.prompt_edit.setPlainText("What is the capital of France?")
    window.run_prompt()
    wait_idle(qtbot, window)
    shown_error = window.columns[0].error_label.text()
    assert "Can't reach the teacher" in shown_error

    def failed_answers() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name == "imitation_lens.core.storage.store"]

    # Logged when the writer's thread stores the answer, which may be just after it is shown.
    qtbot.waitUntil(lambda: bool(failed_answers()), timeout=10000)
    failed = failed_answers()
    assert failed[0].levelno == logging.WARNING
    assert (
        "Teacher" in failed[0].getMessage() and "Can't reach the teacher" in failed[0].getMessage()
    )

    bad = tmp_path / "not-a-session.json"
    bad.write_text("{ not json")
    with qtbot.waitSignal(window.import_refused, timeout=10000) as refused:
        window.import_from(bad)
    logged = [r.getMessage() for r in caplog.records if r.name == "imitation_lens.shown"]
    assert any(refused.args[0] in message for message in logged)
    assert window.statusBar().currentMessage().startswith("Nothing was imported.")

    window.writer.storage_failed.emit("The disk is full, so new answers can't be saved yet.")
    assert window.banner.isVisible()
    assert any(
        r.name == "imitation_lens.shown" and "The disk is full" in r.getMessage()
        for r in caplog.records
    )


def test_a_runner_bug_is_logged_with_its_traceback(caplog: pytest.LogCaptureFixture) -> None:
    finished: list[Event] = []
    done = threading.Event()

    def broken_runner() -> Runner:
        raise AttributeError("a bug in a runner")

    def on_event(event: Event) -> None:
        finished.append(event)
        done.set()

    worker = SlotWorker(broken_runner, on_event, "broken")
    worker.submit(GenerationRequest("r1", "What is the capital of France?"))
    assert done.wait(30)
    worker.shutdown()
    assert worker.join(30)
    event = finished[0]
    assert isinstance(event, FinishedEvent) and event.status is Status.FAILED
    assert "Something went wrong inside the app" in event.error  # what the column shows
    record = next(r for r in caplog.records if r.name == "imitation_lens.core.running.slot_worker")
    assert record.exc_info is not None and record.exc_info[0] is AttributeError


# -- crash hooks and Qt's messages -----------------------------------------------------------


def test_an_uncaught_exception_is_logged_and_said_plainly(
    qtbot: Any, app_log: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    QApplication.instance() or QApplication([])
    log_file, _ = configure_logging(app_log)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    notice = CrashNotice(log_file)
    install_exception_hooks(notice.report)

    def explode() -> None:
        raise RuntimeError("boom in a worker")

    worker = threading.Thread(target=explode, name="doomed")
    worker.start()
    worker.join()

    def broken_slot() -> None:
        raise KeyError("boom on the GUI thread")

    QTimer.singleShot(0, broken_slot)  # PySide6 hands a slot's exception to sys.excepthook
    qtbot.waitUntil(lambda: notice.box is not None and notice.box.isVisible(), timeout=5000)
    box = notice.box
    assert box is not None
    assert box.icon() is QMessageBox.Icon.Warning
    assert "Something went wrong inside the app" in box.text() and str(log_file) in box.text()
    assert "Traceback" not in box.text() and "boom" not in box.text()
    assert notice.count == 2
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    assert [b for b in boxes if b.isVisible()] == [box]  # one box for both faults
    _flush()
    written = (app_log / LOG_FILE_NAME).read_text("utf-8")
    assert "Uncaught exception in thread doomed" in written
    assert (
        "RuntimeError: boom in a worker" in written
        and "KeyError: 'boom on the GUI thread'" in written
    )
    box.accept()
    qtbot.waitUntil(lambda: notice.box is None)


def test_qt_warnings_go_to_the_log(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="qt")
    log_qt_message(QtMsgType.QtWarningMsg, QMessageLogContext(), "QFont::setPointSize: <= 0")
    record = caplog.records[-1]
    assert record.name == "qt" and record.levelno == logging.WARNING
    assert record.getMessage() == "QFont::setPointSize: <= 0"


# -- the test configuration bites ------------------------------------------------------------

_STRICT_PROBES = """
import threading

from PySide6.QtCore import qWarning


def test_qt_warning(qtbot):
    qWarning("a real Qt warning")


def test_thread_exception():
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()


def test_offscreen_noise_is_ignored(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")
"""


def test_the_suite_fails_on_qt_warnings_and_thread_exceptions(tmp_path: Path) -> None:
    probes = tmp_path / "test_probes.py"
    probes.write_text(textwrap.dedent(_STRICT_PROBES), "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-c",
            str(ROOT / "pyproject.toml"),
            "--rootdir",
            str(tmp_path),
            "-p",
            "no:cacheprovider",
            "-q",
            "-rA",
            probes.name,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    out = result.stdout + result.stderr
    assert "FAILED test_probes.py::test_qt_warning" in out, out
    assert "a real Qt warning" in out
    assert "FAILED test_probes.py::test_thread_exception" in out and "ZeroDivisionError" in out
    assert "PASSED test_probes.py::test_offscreen_noise_is_ignored" in out, out
    assert result.returncode == 1
