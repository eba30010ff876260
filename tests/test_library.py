"""The model library in the real window: a good file is checked, described and hashed; every
kind of broken file is refused in plain words and the app carries on."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from conftest import close_window, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import SHA256
from imitation_lens.core.model_files.library import check_model_file, facts_record
from imitation_lens.core.model_files.trainable_base import SHA256 as TRAINABLE_SHA256
from test_model_file import BROKEN


def test_the_bundled_model_is_described_from_its_header(bundled_model: Path) -> None:
    facts = check_model_file(bundled_model)  # the header, then llama.cpp in vocab-only mode
    record = facts_record(facts)
    assert record["architecture"] == "gemma3" and record["size_label"] == "270M"
    assert record["parameter_count"] == 268_098_176
    assert record["quantization"] == "Q4_K_M" and record["context_length"] == 32768
    assert record["chat_template"] is False and record["license"] == "gemma"
    assert (record["block_count"], record["head_count_kv"], record["key_length"]) == (18, 1, 256)


def test_a_file_is_added_by_drag_and_drop_and_hashed_in_the_background(
    qtbot: Any, open_window: Any, data_paths: DataPaths, bundled_model: Path, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    copy = tmp_path / "my-gemma.gguf"
    copy.hardlink_to(bundled_model)  # a new path: nothing cached, the hash is really computed
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(copy))])
    # As a real drag does: the window is entered (and says it takes files), then dropped on.
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(library, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPoint(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(library.checked, timeout=30000) as checked:
        QApplication.sendEvent(library, drop)
    assert checked.args == [str(copy), ""]
    with qtbot.waitSignal(library.hashed, timeout=60000):
        pass
    qtbot.waitUntil(lambda: bool(library.models) and bool(library.models[0].sha256))
    qtbot.waitUntil(lambda: library.built_in is not None)
    [model] = library.models
    assert model.sha256 == SHA256
    # The built-in models first (the demo's, the one imitators are made from), then the added.
    assert library.rows == [library.built_in, library.trainable_base, model]
    row = [library.table.item(2, c).text() for c in range(library.table.columnCount())]
    assert row[1:8] == [
        "gemma3",
        "268M",
        "Q4_K_M",
        "253.11 MB",
        QLocale().toString(32768),  # 32,768 as the app sets the locale (C here: 32768)
        "no (base model)",
        "gemma",
    ]
    assert row[8].startswith(SHA256[:16])


@pytest.mark.slow
def test_every_broken_file_is_refused_and_the_app_carries_on(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    tmp_path: Path,
) -> None:
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    variants = dict(BROKEN)
    unknown = tmp_path / "unknown-architecture.gguf"
    data = bytearray(bundled_model.read_bytes())
    at = data.index(b"gemma3", 0, 4096)
    data[at : at + 6] = b"zzzzz9"  # a complete, well-formed file of an architecture nobody knows
    unknown.write_bytes(bytes(data))
    reasons: dict[str, str] = {}
    for variant, (make, _) in sorted(variants.items()):
        broken = make(bundled_model, tmp_path / f"{variant.replace(' ', '-')}.gguf")
        with qtbot.waitSignal(library.checked, timeout=30000) as checked:
            library.add_files([broken])
        reasons[variant] = checked.args[1]
    with qtbot.waitSignal(library.checked, timeout=30000) as checked:
        library.add_files([unknown])
    reasons["unknown architecture"] = checked.args[1]

    for variant, (_, expected) in variants.items():
        assert expected in reasons[variant], (variant, reasons[variant])
    assert "cannot run it (architecture 'zzzzz9')" in reasons["unknown architecture"]
    assert all("Traceback" not in r and "Error" not in r for r in reasons.values())
    assert "Not added:" in library.message_label.text()
    library.refresh()
    qtbot.waitUntil(lambda: library.built_in is not None and not library.models)
    assert library.table.rowCount() == 2  # only the built-in models

    # Still alive: the window runs a comparison after all that.
    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    assert all(c.answer.text for c in window.columns)
    close_window(qtbot, window)


def test_checksums_resume_when_the_library_is_opened_again(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    import threading

    from imitation_lens.core.model_files.file_hash import sha256_of as real_sha256_of
    from imitation_lens.ui import library_dialog

    results: list[str | None] = []
    threads: list[threading.Thread] = []
    hashing = threading.Event()  # the first checksum has read its first block
    closed = threading.Event()  # the test has closed the library

    def held_sha256_of(path: Path, cache_dir: Path, should_stop: Any, on_progress: Any) -> Any:
        first = not results and not hashing.is_set()
        threads.append(threading.current_thread())

        def progress(done: int, total: int) -> None:
            on_progress(done, total)
            if first and not hashing.is_set():
                hashing.set()  # part-way through the file: hold it until the library closes
                closed.wait(30)

        digest = real_sha256_of(path, cache_dir, should_stop, progress)
        results.append(digest)
        return digest

    monkeypatch.setattr(library_dialog, "sha256_of", held_sha256_of)
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    copy = tmp_path / "again.gguf"
    copy.hardlink_to(bundled_model)  # a new path: nothing cached, the hash is really computed
    with qtbot.waitSignal(library.checked, timeout=30000):
        library.add_files([copy])
    qtbot.waitUntil(hashing.is_set, timeout=30000)
    library.close()  # stops the checksum in progress
    closed.set()
    # It stopped part-way, and its thread has ended (so it has said so to the dialog).
    qtbot.waitUntil(lambda: results == [None] and not threads[0].is_alive(), timeout=30000)
    assert not library.models[0].sha256
    with qtbot.waitSignal(library.hashed, timeout=60000):
        library = window.models_menu.open_library()  # resumes it, with no new file added
    qtbot.waitUntil(lambda: bool(library.models) and library.models[0].sha256 == SHA256)
    assert results == [None, SHA256]


def test_the_built_in_model_is_listed_from_the_first_start(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    qtbot.waitUntil(lambda: library.table.rowCount() == 2, timeout=30000)
    assert library.models == []  # nothing added by the user
    assert library.built_in is not None and library.built_in.built_in
    row = [library.table.item(0, c).text() for c in range(library.table.columnCount())]
    # The same words as the columns' headers, and the facts from the file's header.
    assert row[0] == "Gemma 3 270M (base) · Q4_K_M · built in"
    assert row[0] == window.columns[0].model_label.text()
    assert row[1:8] == [
        "gemma3",
        "268M",
        "Q4_K_M",
        "253.11 MB",
        QLocale().toString(32768),  # 32,768 as the app sets the locale (C here: 32768)
        "no (base model)",
        "gemma",
    ]
    assert row[8].startswith(SHA256[:16])  # published with the app: nothing to compute
    # Second, the model imitators are made from (Models ▸ Make an imitator…), from its package.
    row = [library.table.item(1, c).text() for c in range(library.table.columnCount())]
    assert row == [
        "SmolLM2 135M Instruct · Q4_1 · built in",
        "llama",
        "135M",
        "Q4_1",
        "98.36 MB",
        QLocale().toString(8192),
        "yes",
        "apache-2.0",
        f"{TRAINABLE_SHA256[:16]}…",
    ]
    assert library.trainable_base is not None and library.trainable_base.built_in

    library.table.selectRow(0)
    library.remove_selected()
    assert library.message_label.text() == (
        "The built-in model is part of Imitation Lens and stays in the library."
    )
    with qtbot.waitSignal(library.library_changed, timeout=10000):
        library.refresh()
    assert library.rows == [library.built_in, library.trainable_base]  # still there
    close_window(qtbot, window)
