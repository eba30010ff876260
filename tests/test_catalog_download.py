"""Picking a catalog pair in the real window: download from a stand-in Hub on 127.0.0.1 (with
progress, cancel and resume), into the library, into the lineup, and a comparison with it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from huggingface_hub import constants

from conftest import close_window, wait_idle
from hub_stand_in import HubStandIn
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.catalog import load_catalog
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import LocalModel
from imitation_lens.core.storage.store import Store

BASE = ("stand-in/tiny-base-GGUF", "tiny-base.Q4_K_M.gguf")
IMITATOR = ("stand-in/tiny-chat-GGUF", "tiny-chat.Q4_K_M.gguf")


def _preset(preset_id: str, role: str, repo: str, file: str, data: bytes) -> dict[str, Any]:
    return {
        "id": preset_id,
        "role": role,
        "name": f"Tiny {role}",
        "family": "Gemma 3 270M",
        "source": {"hf_repo": repo, "file": file, "revision": "main"},
        "size_bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "licence": "gemma",
        "parameters": "270M",
        "quantization": "Q4_K_M",
        "fits_8gb": True,
        "trained_on": None if role == "base" else "answers written by a stronger model",
        "teacher": None if role == "base" else "ChatGPT",
        "facts_from": ["the test"],
    }


@pytest.fixture
def offline_ready(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HF_HUB_OFFLINE", "HF_TOKEN", "HF_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", "/nonexistent/hf-token")


@pytest.fixture
def hub(bundled_model: Path) -> Iterator[HubStandIn]:
    data = bundled_model.read_bytes()  # a real model, so the downloaded pair really runs
    with HubStandIn() as stand_in:
        stand_in.add(*BASE, data)
        stand_in.add(*IMITATOR, data)
        yield stand_in


@pytest.mark.slow
def test_a_catalog_pair_is_downloaded_used_and_found_again_offline(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    hub: HubStandIn,
    bundled_model: Path,
    tmp_path: Path,
    offline_ready: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = bundled_model.read_bytes()
    catalog_file = tmp_path / "catalog.json"
    catalog_file.write_text(
        json.dumps(
            {
                "format": "imitation-lens-catalog",
                "format_version": 2,
                "presets": [
                    _preset("tiny-base", "base", *BASE, data),
                    _preset("tiny-chat", "imitator", *IMITATOR, data),
                ],
                "pairs": [
                    {
                        "id": "tiny",
                        "title": "Tiny base → Tiny chat",
                        "base": "tiny-base",
                        "imitator": "tiny-chat",
                        "story": "The chat model learned from ChatGPT's answers.",
                        "fits_8gb": True,
                    }
                ],
            }
        ),
        "utf-8",
    )
    window = open_window(data_paths)
    library = window.models_menu.open_library(load_catalog(catalog_file))
    tab = library.catalog_tab
    library.tabs.setCurrentWidget(tab)
    tab.hub_endpoint, tab.hub_cache = hub.url, tmp_path / "hf-cache"
    tab.refresh_local()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "not yet", timeout=5000)

    # Slowly, so the download can be watched and cancelled part-way.
    hub.bytes_per_second = 8 * 1024 * 1024
    tab.download_selected()
    qtbot.waitUntil(lambda: "MB/s" in tab.status.text(), timeout=20000)
    assert "left" in tab.status.text() and tab.progress.isVisible()
    with qtbot.waitSignal(tab.finished, timeout=10000) as cancelled:
        tab.cancel_button.click()
    assert "continues it" in cancelled.args[1]

    hub.bytes_per_second = None
    with qtbot.waitSignal(tab.finished, timeout=120000) as finished:
        tab.download_selected()
    assert finished.args == ["tiny", ""]
    ranges = [s.range for s in hub.seen if s.method == "GET"]
    assert ranges[0] is None and ranges[1] and ranges[1].startswith("bytes=")  # resumed
    assert ranges[1] != "bytes=0-"
    qtbot.waitUntil(lambda: tab.use_button.isEnabled(), timeout=10000)
    qtbot.waitUntil(lambda: len(library.models) == 2, timeout=10000)
    assert {m.origin for m in library.models} == {"hub"}
    assert {m.hf_repo for m in library.models} == {BASE[0], IMITATOR[0]}

    tab.use_button.click()
    assert [s.role for s in window.lineup] == ["Base", "Imitator", "Teacher"]
    base_source = window.lineup[0].source
    assert isinstance(base_source, LocalModel)
    assert Path(base_source.path).is_relative_to((tmp_path / "hf-cache").resolve())
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    assert [c.state for c in window.columns] == [Status.DONE] * 3
    close_window(qtbot, window)
    store = Store(data_paths.database)
    try:
        [item_id] = store.item_ids(str(store.latest_session_id()))
        base_row = store.item(item_id)["responses"][0]
        assert base_row["model_sha256"] == hashlib.sha256(data).hexdigest()
        assert base_row["model_file"] == BASE[1]
    finally:
        store.close()

    # Offline, with the Hub gone: what is here is still listed; a download says so at once.
    hub_url = hub.url
    hub.stop()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    again = open_window(data_paths)
    tab = again.models_menu.open_library(load_catalog(catalog_file)).catalog_tab
    tab.hub_endpoint, tab.hub_cache = hub_url, tmp_path / "hf-cache"
    tab.refresh_local()
    qtbot.waitUntil(lambda: tab.table.item(0, 3).text() == "both", timeout=5000)
    assert tab.use_button.isEnabled() and not tab.download_button.isEnabled()
