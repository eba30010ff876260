"""How long the app takes to end, from the key press (or signal) to the process's exit, in each
situation the issue names: idle, models loading, three answers streaming, a batch running, a
model downloading, a modal dialog open. The app runs as a user starts it (ui/app.run_app) in a
real X window (Xvfb + openbox, as tests/real_window); xdotool presses the keys.

Usage: python bench/quit_times.py [ROUNDS]   (needs xvfb openbox xdotool x11-utils)
"""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent / "tests"
sys.path.insert(0, str(TESTS))

from imitation_lens.core.housekeeping.paths import DataPaths  # noqa: E402
from imitation_lens.core.model_files.bundled_model import SHA256, ensure_bundled_model  # noqa: E402
from imitation_lens.core.model_files.file_hash import remember_sha256  # noqa: E402
from real_app import xdotool  # noqa: E402
from x_display import x_display  # noqa: E402

SITUATIONS = ("idle", "loading", "streaming", "batch", "download", "modal dialog")
WAYS: dict[str, Callable[[subprocess.Popen[str], str], None]] = {
    "Ctrl+Q": lambda app, window: _keys(window, "ctrl+q"),
    "close button": lambda app, window: _keys(window, "alt+F4"),  # openbox's Close
    "Ctrl+C": lambda app, window: app.send_signal(signal.SIGINT),
}
LONG = {"max_tokens": 2000, "temperature": 1.0, "context_length": 2048}


def _keys(window: str, keys: str) -> None:
    xdotool("windowactivate", "--sync", window)
    xdotool("key", "--clearmodifiers", keys)


# -- in the app's process --------------------------------------------------------------------------


def child(root: Path, situation: str) -> None:
    """Start the app; once it is ready, put it in `situation` and print READY."""
    from PySide6.QtCore import Qt, QTimer

    from imitation_lens.ui import main_window
    from imitation_lens.ui.app import run_app

    def ready(window: main_window.MainWindow) -> None:
        def say() -> None:
            print("READY", flush=True)

        if situation in ("loading", "streaming"):
            window.prompt_edit.setPlainText("Write a very long essay about the history of Rome.")
            window.run_prompt()
            if situation == "loading":
                say()  # the three columns are queued or loading their models now
            else:
                window.writer.text_saved.connect(lambda _, n: say() if n > 20 else None)
        elif situation == "batch":
            from imitation_lens.core.batches.prompt_sets import built_in_sets

            window.batches.start(built_in_sets()[0])
            QTimer.singleShot(3000, say)
        elif situation == "download":
            _download(window, root, say)
        elif situation == "modal dialog":
            QTimer.singleShot(0, say)
            window.choose_import_file()  # a modal file dialog, until the quit closes it
        else:
            say()

    original = main_window.MainWindow.__init__

    def opened(
        self: main_window.MainWindow, paths: DataPaths, evaluator: str | None = "Bench"
    ) -> None:
        original(self, paths, evaluator)
        self.ready.connect(lambda: ready(self), Qt.ConnectionType.SingleShotConnection)

    main_window.MainWindow.__init__ = opened  # type: ignore[method-assign]
    run_app(str(root))


def _download(window: object, root: Path, say: Callable[[], None]) -> None:
    from PySide6.QtCore import QTimer

    from hub_stand_in import HubStandIn
    from imitation_lens.core.model_files.catalog import load_catalog
    from imitation_lens.ui.main_window import MainWindow
    from test_catalog_download import BASE, IMITATOR, _preset

    assert isinstance(window, MainWindow)
    data = next((root / "models").glob("*.gguf")).read_bytes()
    hub = HubStandIn(bytes_per_second=4 * 1024 * 1024).start()
    hub.add(*BASE, data)
    hub.add(*IMITATOR, data)
    presets = [_preset("b", "base", *BASE, data), _preset("i", "imitator", *IMITATOR, data)]
    pair = {"id": "p", "title": "P", "base": "b", "imitator": "i", "story": "", "fits_8gb": True}
    catalog = root.parent / "catalog.json"
    catalog.write_text(
        json.dumps(
            {
                "format": "imitation-lens-catalog",
                "format_version": 2,
                "presets": presets,
                "pairs": [pair],
            }
        )
    )
    tab = window.models_menu.open_library(load_catalog(catalog)).catalog_tab
    tab.hub_endpoint, tab.hub_cache = hub.url, root.parent / "hf-cache"
    tab.refresh_local()

    def started() -> None:
        if "MB/s" in tab.status.text():
            say()
        else:
            QTimer.singleShot(50, started)

    def start() -> None:
        tab.download_selected()
        started()

    QTimer.singleShot(1000, start)


# -- the measuring process -------------------------------------------------------------------------


def _data(base: Path, model: Path, name: str, situation: str) -> DataPaths:
    paths = DataPaths(base / name / "data").create()
    os.link(model, paths.models / model.name)
    remember_sha256(paths.models / model.name, SHA256, paths.models)
    if situation in ("loading", "streaming"):
        from imitation_lens.core.running.lineup import LINEUP_SETTING, default_lineup
        from imitation_lens.core.storage.store import Store

        lineup = [slot.to_dict() for slot in default_lineup({})]
        for slot in lineup:
            slot["params"].update(LONG)  # answers long enough to be cut off
        store = Store(paths.database)
        store.set_setting(LINEUP_SETTING, lineup)
        store.close()
    return paths


def measure(paths: DataPaths, situation: str, way: str, display: str) -> float:
    env = os.environ | {"DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, __file__, "--child", str(paths.root), situation],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert app.stdout is not None
    for line in app.stdout:
        if line.startswith("READY"):
            break
    os.environ["DISPLAY"] = display  # for xdotool
    window = xdotool("search", "--onlyvisible", "--name", "^Imitation Lens$").split()[0]
    if situation == "modal dialog":
        window = xdotool("search", "--sync", "--onlyvisible", "--name", "^Import a session$")
    start = time.monotonic()
    WAYS[way](app, window.split()[0])
    try:
        app.wait(timeout=20)
    except subprocess.TimeoutExpired:
        app.kill()
        return float("inf")
    return time.monotonic() - start


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    with tempfile.TemporaryDirectory() as folder, x_display() as display:
        base = Path(folder)
        model = ensure_bundled_model(base / "models")
        print(f"seconds from the key press (or signal) to the process's exit, {rounds} round(s)")
        for situation in SITUATIONS:
            for way in WAYS:
                if situation == "modal dialog" and way == "close button":
                    continue  # the dialog's close button closes the dialog, as it should
                times = []
                for n in range(rounds):
                    paths = _data(base, model, f"{situation}-{way}-{n}", situation)
                    times.append(measure(paths, situation, way, display))
                print(f"{situation:>13} · {way:<12} {statistics.median(times):5.2f} s", flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]), sys.argv[3])
    else:
        main()
