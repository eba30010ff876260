"""Models ▸ Make an imitator… in the real window, with a scripted training run
(tests/scripted_training.py) in place of llama.cpp: the plan is checked before anything starts,
progress and losses are shown as they come, Cancel leaves nothing, an error is said plainly, and
the made model reaches the library and the Imitator column."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from conftest import close_window
from gguf_variants import write_model
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.model_files.library import LibraryModel, facts_record, library_models
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.plan import TeacherAnswers, TrainedModel, TrainingError
from imitation_lens.ui.imitator_workshop import STOPPED, ImitatorWorkshop
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.workshop_services import default_services
from scripted_training import UNTRAINABLE, ScriptedTraining, check_plan, teacher_answers
from test_screen_fit import _check

TIMEOUT = 20000


@pytest.fixture
def tiny_base(tmp_path: Path) -> LibraryModel:
    """A real llama-architecture GGUF, offered as a base that ships with the app."""
    path = write_model(tmp_path / "tiny-llama.gguf")
    facts = inspect_model_file(path)
    return LibraryModel(
        "shipped:tiny",
        str(path),
        facts.file_name,
        facts.size_bytes,
        "",
        facts_record(facts),
        origin="package",
    )


@dataclasses.dataclass
class Workshop:
    window: MainWindow
    dialog: ImitatorWorkshop
    training: ScriptedTraining
    added: list[TrainedModel]
    session_reads: list[str]


@pytest.fixture
def workshop(
    qtbot: Any,
    open_window: Callable[..., MainWindow],
    data_paths: DataPaths,
    tiny_base: LibraryModel,
) -> Callable[..., Workshop]:
    def open_(shipped_late: threading.Event | None = None, **changes: Any) -> Workshop:
        """`shipped_late`: the shipped bases are listed only once it is set."""
        window = open_window(data_paths)
        training = ScriptedTraining(source=Path(tiny_base.path), **changes)
        added: list[TrainedModel] = []
        session_reads: list[str] = []
        real = default_services()

        def add(store: Store, trained: TrainedModel) -> LibraryModel:
            added.append(trained)
            return real.add_trained_model(store, trained)

        def from_session(store: Store, session_id: str) -> TeacherAnswers:
            session_reads.append(session_id)
            raise TrainingError("This session has no teacher answers yet.")

        window.models_menu.workshop_services = dataclasses.replace(
            real,
            check_plan=check_plan,
            make_run=training.make_run,
            built_in_answers=teacher_answers,
            answers_from_file=lambda path: teacher_answers(3, name=path.name),
            answers_from_session=from_session,
            add_trained_model=add,
            shipped_bases=lambda _: (
                [tiny_base] if shipped_late is None or shipped_late.wait() else []
            ),
        )
        dialog = window.models_menu.open_workshop()
        if shipped_late is not None:
            return Workshop(window, dialog, training, added, session_reads)
        qtbot.waitUntil(lambda: len(dialog.bases) == 2, timeout=TIMEOUT)  # tiny, built-in
        qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=TIMEOUT)
        return Workshop(window, dialog, training, added, session_reads)

    return open_


def text(dialog: ImitatorWorkshop) -> str:
    view = dialog.view
    return "\n".join(
        label.text()
        for label in (
            dialog.estimate_label,
            view.phase_label,
            view.loss_label,
            view.time_label,
            dialog.problem_label,
            dialog.result_label,
        )
    )


def gguf_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".gguf" in p.name)


def test_the_plan_is_shown_before_anything_starts(qtbot: Any, workshop: Any) -> None:
    dialog = workshop().dialog
    assert dialog.choices.epochs.value() == 2 and dialog.choices.seed.value() == 42
    assert not dialog.choices.learning_rate.isVisible()  # behind "Advanced"
    dialog.choices.advanced.click()
    assert dialog.choices.learning_rate.isVisible()
    assert dialog.base is not None and dialog.base.id == "shipped:tiny"  # a trainable one first
    assert dialog.choices.answers_note.text() == (
        "20 answers from “Teacher answers written by Claude” · written by Claude · "
        "licence: CC BY 4.0"
    )
    assert dialog.estimate_label.text() == (
        "20 answers to learn from; 2 of them are kept aside to measure how well it learns. "
        "Training takes about 6 min and needs about 900 MB of memory and 150 MB of disk."
    )
    with qtbot.waitSignal(dialog.answers_read, timeout=TIMEOUT):
        dialog.use_file(Path("/somewhere/alpaca-three.json"))
    assert dialog.choices.answers_note.text().startswith("3 answers from “alpaca-three.json”")
    qtbot.waitUntil(lambda: "too few" in dialog.estimate_label.text(), timeout=TIMEOUT)
    assert not dialog.start_button.isEnabled()
    assert _check(dialog, qtbot) == []  # fits a 1366×768 screen


def test_the_built_in_gemma_cannot_be_trained_and_says_why(qtbot: Any, workshop: Any) -> None:
    dialog = workshop().dialog
    gemma = next(m for m in dialog.bases if m.built_in)
    with qtbot.waitSignal(dialog.estimated, timeout=TIMEOUT):
        dialog.choose_base(gemma.path)
    assert dialog.estimate_label.text() == UNTRAINABLE
    assert not dialog.start_button.isEnabled()


def test_a_trainable_base_is_offered_first_whatever_is_listed_first(
    qtbot: Any, workshop: Any, tiny_base: LibraryModel
) -> None:
    shipped_late = threading.Event()
    dialog = workshop(shipped_late=shipped_late).dialog
    qtbot.waitUntil(lambda: [m.built_in for m in dialog.bases] == [True], timeout=TIMEOUT)
    qtbot.waitUntil(lambda: dialog.estimate_label.text() == UNTRAINABLE, timeout=TIMEOUT)
    shipped_late.set()
    qtbot.waitUntil(lambda: dialog.start_button.isEnabled(), timeout=TIMEOUT)
    assert dialog.base is not None and dialog.base.path == tiny_base.path
    # Once the person picks a base, a list coming in later does not change it.
    gemma = next(m for m in dialog.bases if m.built_in)
    with qtbot.waitSignal(dialog.estimated, timeout=TIMEOUT):
        dialog.choose_base(gemma.path)
    dialog._listed_some("shipped", [tiny_base])
    assert dialog.base is not None and dialog.base.built_in


def test_this_sessions_answers_are_read_through_the_writer(qtbot: Any, workshop: Any) -> None:
    opened = workshop()
    dialog = opened.dialog
    qtbot.waitUntil(lambda: opened.window.session_id is not None, timeout=TIMEOUT)
    with qtbot.waitSignal(dialog.answers_read, timeout=TIMEOUT):
        dialog.choices.session_radio.click()
    assert opened.session_reads == [opened.window.session_id]
    assert dialog.choices.answers_note.text() == "This session has no teacher answers yet."
    assert not dialog.start_button.isEnabled()


def test_progress_then_done_adds_the_model_and_fills_the_imitator_column(
    qtbot: Any, workshop: Any, data_paths: DataPaths
) -> None:
    opened = workshop()
    dialog, training = opened.dialog, opened.training
    dialog.start_button.click()
    assert dialog.stop_button.isVisible() and not dialog.choices.base_box.isEnabled()
    training.allow(3)  # preparing, steps 1 and 2
    qtbot.waitUntil(lambda: "step 2 of 4" in dialog.view.phase_label.text(), timeout=TIMEOUT)
    assert (dialog.view.bar.value(), dialog.view.bar.maximum()) == (2, 4)
    assert dialog.view.loss_label.text() == (
        "Training loss 1.600 · held-out loss 1.900, 2.500 before training (lower is better for "
        "both)"
    )
    assert dialog.view.time_label.text() == "About 2 min left"
    assert _check(dialog, qtbot) == []  # training, it still fits a 1366×768 screen
    with qtbot.waitSignal(dialog.training_ended, timeout=TIMEOUT) as ended:
        training.allow_all()
    assert ended.args == ["done"]
    [trained] = opened.added
    assert dialog.result_label.text() == (
        f"Added to your library: {dialog.made.title if dialog.made else '?'}\n"
        "Made from tiny hostile test model with 20 answers from “Teacher answers written by "
        "Claude”, 2 epochs, seed 42."
    )
    assert gguf_files(data_paths.models) == sorted(["imitator-42.gguf", *gguf_files_before()])
    listed: list[list[LibraryModel]] = []
    opened.window.writer.call(library_models, listed.append)
    qtbot.waitUntil(lambda: bool(listed), timeout=TIMEOUT)
    assert [m.path for m in listed[0]] == [str(Path(trained.path).resolve())]
    assert dialog.imitator_button.isVisible()
    dialog.imitator_button.click()

    def imitator() -> list[str | None]:
        return [
            getattr(s.source, "path", None) for s in opened.window.lineup if s.role == "Imitator"
        ]

    qtbot.waitUntil(lambda: imitator() == [listed[0][0].path], timeout=TIMEOUT)
    assert not dialog.imitator_button.isEnabled()
    assert _check(dialog, qtbot) == []  # and done


def gguf_files_before() -> list[str]:
    from imitation_lens.core.model_files.bundled_model import FILE_NAME

    return [FILE_NAME]


def test_cancel_leaves_nothing_and_says_so(
    qtbot: Any, workshop: Any, data_paths: DataPaths
) -> None:
    opened = workshop()
    dialog, training = opened.dialog, opened.training
    before = gguf_files(data_paths.models)
    dialog.start_button.click()
    training.allow(6)  # up to "saving": the partial file is on disk
    qtbot.waitUntil(lambda: "Saving" in dialog.view.phase_label.text(), timeout=TIMEOUT)
    assert gguf_files(data_paths.models) == sorted([*before, "imitator-42.gguf.part"])
    with qtbot.waitSignal(dialog.training_ended, timeout=TIMEOUT) as ended:
        dialog.stop_button.click()
    assert ended.args == ["stopped"]
    assert dialog.view.phase_label.text() == STOPPED
    assert gguf_files(data_paths.models) == before
    assert opened.added == [] and not dialog.imitator_button.isVisible()
    assert dialog.start_button.isEnabled() and dialog.choices.base_box.isEnabled()


def test_an_error_is_shown_in_plain_words(qtbot: Any, workshop: Any, data_paths: DataPaths) -> None:
    opened = workshop(fail_at=3)
    dialog = opened.dialog
    before = gguf_files(data_paths.models)
    dialog.start_button.click()
    with qtbot.waitSignal(dialog.training_ended, timeout=TIMEOUT) as ended:
        opened.training.allow_all()
    assert ended.args == ["failed"]
    assert dialog.problem_label.isVisible()
    assert dialog.problem_label.text() == opened.training.error
    assert gguf_files(data_paths.models) == before and opened.added == []
    assert dialog.start_button.isEnabled()


def test_closing_while_training_asks_first(qtbot: Any, workshop: Any) -> None:
    opened = workshop()
    dialog, training = opened.dialog, opened.training
    dialog.start_button.click()
    training.allow(2)
    qtbot.waitUntil(lambda: "step 1 of 4" in dialog.view.phase_label.text(), timeout=TIMEOUT)
    dialog.close()
    box = dialog.findChild(QMessageBox, "stopTrainingBox")
    assert box is not None and dialog.isVisible()
    box.button(QMessageBox.StandardButton.No).click()  # keep training
    assert dialog.isVisible() and not training.runs[0].cancelled.is_set()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    box = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    box.button(QMessageBox.StandardButton.Yes).click()  # stop and close
    assert training.runs[0].cancelled.is_set()
    qtbot.waitUntil(lambda: training.runs[0].ended.is_set(), timeout=TIMEOUT)
    qtbot.waitUntil(lambda: opened.window.models_menu.workshop is None, timeout=TIMEOUT)
    QApplication.processEvents()


def test_closing_the_window_stops_the_training_and_keeps_nothing(
    qtbot: Any, workshop: Any, data_paths: DataPaths
) -> None:
    opened = workshop()
    dialog, training = opened.dialog, opened.training
    before = gguf_files(data_paths.models)
    dialog.start_button.click()
    training.allow(6)
    qtbot.waitUntil(lambda: "Saving" in dialog.view.phase_label.text(), timeout=TIMEOUT)
    close_window(qtbot, opened.window)  # quitting asks nothing
    qtbot.waitUntil(lambda: training.runs[0].ended.is_set(), timeout=TIMEOUT)
    assert training.runs[0].cancelled.is_set()
    assert gguf_files(data_paths.models) == before and opened.added == []


def test_a_model_made_but_not_added_says_where_it_is(
    qtbot: Any, workshop: Any, data_paths: DataPaths
) -> None:
    opened = workshop()
    dialog = opened.dialog

    def refuse(store: Store, trained: TrainedModel) -> LibraryModel:
        raise ModelFileError("The file ends before its header does.")

    dialog.services = dataclasses.replace(dialog.services, add_trained_model=refuse)
    dialog.start_button.click()
    with qtbot.waitSignal(dialog.training_ended, timeout=TIMEOUT) as ended:
        opened.training.allow_all()
    assert ended.args == ["failed"] and not dialog.imitator_button.isVisible()
    made = data_paths.models / "imitator-42.gguf"
    assert dialog.problem_label.text() == (
        f"The imitator was made ({made}) but not added to your library. The file ends before "
        "its header does. You can add the file yourself in Models ▸ Model library."
    )
