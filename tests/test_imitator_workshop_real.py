"""Models ▸ Make an imitator… end to end on the real path: the real checks and training process
(llama.cpp's optimizer on SmolLM2 135M), the real library and the Imitator column. Slow: a short
run of 24 answers, one epoch."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.library import TRAINED, LibraryModel, library_models
from imitation_lens.core.model_files.trainable_base import is_trainable_base
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.workshop_services import default_services
from training_plans import style_answers

pytestmark = pytest.mark.slow
TIMEOUT = 20000


def test_a_real_run_from_the_workshop_reaches_the_library_and_the_imitator_column(
    qtbot: Any, open_window: Callable[..., MainWindow], data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    # The real services, but a 24-answer set in place of the built-in 161: the same path, sooner.
    window.models_menu.workshop_services = dataclasses.replace(
        default_services(), built_in_answers=lambda: style_answers(24)
    )
    dialog = window.models_menu.open_workshop()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=120000)
    assert dialog.base is not None and is_trainable_base(dialog.base.path)  # chosen for you
    assert "24" in dialog.estimate_label.text() or "22" in dialog.estimate_label.text()
    dialog.choices.epochs.setValue(1)
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=120000)
    with qtbot.waitSignal(dialog.training_ended, timeout=600000) as ended:
        dialog.start_button.click()
    assert ended.args == ["done"], dialog.problem_label.text()
    assert dialog.result_label.text().startswith("Added to your library:")

    listed: list[list[LibraryModel]] = []
    window.writer.call(library_models, listed.append)
    qtbot.waitUntil(lambda: bool(listed), timeout=TIMEOUT)
    [made] = [m for m in listed[0] if m.origin == TRAINED]
    assert made.provenance["answers"] == 22 and made.provenance["epochs"] == 1
    assert made.provenance["held_out_loss_after"] < made.provenance["held_out_loss_before"]
    assert Path(made.path).parent == data_paths.models

    dialog.imitator_button.click()

    def columns() -> list[str]:
        return [getattr(s.source, "path", "") for s in window.lineup]

    qtbot.waitUntil(lambda: made.path in columns(), timeout=TIMEOUT)
    base, imitator = window.lineup[0], window.lineup[1]
    assert (base.role, imitator.role) == ("Base", "Imitator")
    assert is_trainable_base(getattr(base.source, "path", ""))
    assert getattr(imitator.source, "path", "") == made.path
