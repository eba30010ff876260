"""ui/tasks.py, the one background-task helper, and every dialog's job going through it.

Each dialog test holds the dialog's job on an event the test controls (the core function the job
calls is replaced by one that waits), closes the dialog while the job runs, lets the job go and
waits until no task is left. An exception in any thread fails the test (pyproject.toml's
filterwarnings; pytest-qt for the GUI thread), so these tests see that none is raised, and they
check what the closed dialog shows afterwards.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.bundled_model import SHA256
from imitation_lens.core.model_files.catalog import Pair, load_catalog
from imitation_lens.core.model_files.downloads import DownloadCancelled
from imitation_lens.core.model_files.file_hash import sha256_of
from imitation_lens.core.servers.connections import connections
from imitation_lens.ui import tasks
from imitation_lens.ui.about_dialog import AboutDialog
from imitation_lens.ui.connections_dialog import ConnectionsDialog
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.library_dialog import LibraryDialog
from imitation_lens.ui.report_view import ReportView
from imitation_lens.ui.tasks import Task, run_task, running_tasks
from session_factory import make_session

WAIT_MS = 30000
QDialogT = TypeVar("QDialogT", bound=QDialog)


class Hold:
    """Replaces `module.name` by a function that says it started, then waits for `release`."""

    def __init__(
        self,
        monkeypatch: pytest.MonkeyPatch,
        module: Any,
        name: str,
        then: Callable[..., Any] | None = None,
    ) -> None:
        self.started = threading.Event()
        self.release = threading.Event()
        self.calls: list[tuple[Any, ...]] = []
        original = getattr(module, name)

        def held(*args: Any, **kwargs: Any) -> Any:
            self.calls.append(args)
            self.started.set()
            if not self.release.wait(WAIT_MS / 1000):
                raise TimeoutError("the test never let the job go")
            return (then or original)(*args, **kwargs)

        monkeypatch.setattr(module, name, held)


@pytest.fixture
def hold(monkeypatch: pytest.MonkeyPatch, qtbot: Any) -> Iterator[Callable[..., Hold]]:
    """Makes holds; afterwards lets every job go and waits until no task is left."""
    made: list[Hold] = []

    def make(module: Any, name: str, then: Callable[..., Any] | None = None) -> Hold:
        made.append(Hold(monkeypatch, module, name, then))
        return made[-1]

    yield make
    for each in made:
        each.release.set()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=WAIT_MS)


@pytest.fixture
def writer(qtbot: Any, tmp_path: Path) -> Iterator[GuiWriter]:
    """The database writer the dialogs are given, on a database of its own."""
    gui_writer = GuiWriter(tmp_path / "tasks.sqlite")
    yield gui_writer
    with qtbot.waitSignal(gui_writer.closed, timeout=WAIT_MS):
        gui_writer.close()


def writer_idle(qtbot: Any, writer: GuiWriter) -> None:
    """What the writer was asked before this has been answered."""
    answered: list[None] = []
    writer.call(lambda _: None, answered.append)
    qtbot.waitUntil(lambda: bool(answered), timeout=WAIT_MS)


def wait_tasks_over(qtbot: Any) -> None:
    qtbot.waitUntil(lambda: not running_tasks(), timeout=WAIT_MS)


def opened(qtbot: Any, dialog: QDialogT) -> QDialogT:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def shown(
    qtbot: Any, writer: GuiWriter, hold: Callable[..., Hold]
) -> Iterator[Callable[[QDialogT], QDialogT]]:
    """Shows a dialog that reads through the writer; at the end, once the writer has answered
    (its answers are not tasks and would reach a deleted dialog), deletes it."""
    made: list[QDialog] = []

    def show(dialog: QDialogT) -> QDialogT:
        made.append(dialog)
        dialog.show()
        return dialog

    yield show
    writer_idle(qtbot, writer)
    for dialog in made:
        if shiboken6.isValid(dialog):
            shiboken6.delete(dialog)


# -- run_task ------------------------------------------------------------------------------------


def test_the_result_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    owner = QObject()
    got: list[tuple[int, int]] = []
    gui = threading.get_ident()
    run_task(
        owner, lambda _: threading.get_ident(), lambda t: got.append((t, threading.get_ident()))
    )
    qtbot.waitUntil(lambda: bool(got), timeout=WAIT_MS)
    worker, delivered_on = got[0]
    assert worker != gui and delivered_on == gui
    wait_tasks_over(qtbot)


def test_an_error_comes_back_on_the_gui_thread(qtbot: Any) -> None:
    owner = QObject()
    errors: list[tuple[Exception, int]] = []

    def work(_: Task[None]) -> None:
        raise ValueError("broken on purpose")

    run_task(owner, work, on_error=lambda e: errors.append((e, threading.get_ident())))
    qtbot.waitUntil(lambda: bool(errors), timeout=WAIT_MS)
    assert isinstance(errors[0][0], ValueError) and errors[0][1] == threading.get_ident()
    wait_tasks_over(qtbot)


def test_an_error_nobody_asked_for_is_logged(qtbot: Any, caplog: pytest.LogCaptureFixture) -> None:
    def work(_: Task[None]) -> None:
        raise ValueError("broken on purpose")

    run_task(QObject(), work, name="unheard")
    wait_tasks_over(qtbot)
    assert any("unheard" in r.getMessage() and r.exc_info for r in caplog.records)


def test_a_result_is_dropped_once_the_owner_is_deleted(qtbot: Any) -> None:
    owner = QObject()
    go = threading.Event()
    seen: list[object] = []

    def work(task: Task[str]) -> str:
        assert go.wait(WAIT_MS / 1000)
        task.post(lambda: seen.append("posted"))
        return "late"

    task = run_task(owner, work, seen.append, seen.append, name="orphan")
    shiboken6.delete(owner)
    assert task.cancelled.is_set()
    go.set()
    wait_tasks_over(qtbot)
    assert seen == []


def test_closing_a_dialog_cancels_its_tasks_unless_asked_not_to(qtbot: Any) -> None:
    dialog = opened(qtbot, QDialog())
    go = threading.Event()
    seen: list[str] = []

    def work(task: Task[str]) -> str:
        assert go.wait(WAIT_MS / 1000)
        return task.name

    shown_only = run_task(dialog, work, seen.append, name="shown only")
    asked_for = run_task(dialog, work, seen.append, name="asked for", cancel_on_close=False)
    dialog.close()
    assert shown_only.cancelled.is_set() and not asked_for.cancelled.is_set()
    go.set()
    wait_tasks_over(qtbot)
    assert seen == ["asked for"]  # the hidden dialog still hears how the save went
    shiboken6.delete(dialog)
    assert asked_for.cancelled.is_set()  # the owner's end cancels every task


def test_a_task_is_listed_until_its_result_has_been_handed_over(qtbot: Any) -> None:
    owner = QObject()
    seen: list[str] = []
    go = threading.Event()
    run_task(
        owner, lambda _: "done" if go.wait(WAIT_MS / 1000) else "", seen.append, name="handover"
    )
    worker = next(t for t in threading.enumerate() if t.name == "handover")
    go.set()
    worker.join(WAIT_MS / 1000)  # the GUI thread delivers nothing meanwhile
    assert not worker.is_alive()
    assert running_tasks() == ["handover"] and seen == []
    wait_tasks_over(qtbot)
    assert seen == ["done"]  # off the list: nothing more will come from it


def test_a_task_outliving_the_courier_ends_quietly(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """At quitting the application, and its courier, may go before a worker ends."""
    owner = QObject()
    go = threading.Event()
    seen: list[object] = []

    def work(task: Task[str]) -> str:
        assert go.wait(WAIT_MS / 1000)
        task.post(lambda: seen.append("posted"))
        return "late"

    run_task(owner, work, seen.append, seen.append, name="after the courier")
    worker = next(t for t in threading.enumerate() if t.name == "after the courier")
    assert tasks._courier is not None
    shiboken6.delete(tasks._courier)
    go.set()
    worker.join(WAIT_MS / 1000)  # an exception in it is raised within this test
    wait_tasks_over(qtbot)
    assert seen == [] and not [r for r in caplog.records if r.levelname == "ERROR"]
    run_task(owner, lambda _: "again", seen.append)  # a new courier carries the next ones
    qtbot.waitUntil(lambda: seen == ["again"], timeout=WAIT_MS)
    wait_tasks_over(qtbot)


# -- Help ▸ About ----------------------------------------------------------------------------------


def test_about_closed_while_looking_up_shows_nothing_late_and_asks_again(
    qtbot: Any, hold: Callable[..., Hold], tmp_path: Path
) -> None:
    from imitation_lens.ui import about_dialog

    lookup = hold(about_dialog, "gather")
    dialog = opened(qtbot, AboutDialog(DataPaths(tmp_path / "data")))
    loaded: list[bool] = []
    dialog.loaded.connect(lambda: loaded.append(True))
    qtbot.waitUntil(lookup.started.is_set, timeout=WAIT_MS)
    dialog.close()
    lookup.release.set()
    wait_tasks_over(qtbot)
    assert loaded == [] and dialog.facts is None
    assert dialog.body.toPlainText() == "Looking up the versions…"
    assert not dialog.copy_button.isEnabled()

    with qtbot.waitSignal(dialog.loaded, timeout=WAIT_MS):
        dialog.show()  # opening it again looks the versions up again
    assert dialog.facts is not None and len(lookup.calls) == 2


def a_session(qtbot: Any, writer: GuiWriter) -> str:
    made: list[str] = []
    writer.call(lambda store: make_session(store, items=3), made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=WAIT_MS)
    return made[0]


# -- the report ------------------------------------------------------------------------------------


def test_the_report_closed_while_computing_gets_no_figures(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter, shown: Any, tmp_path: Path
) -> None:
    from imitation_lens.ui import report_view

    session_id = a_session(qtbot, writer)
    figures = hold(report_view, "build_session_report")
    view = shown(ReportView(writer, session_id))
    seen: list[str] = []
    view.shown.connect(lambda: seen.append("shown"))
    view.failed.connect(seen.append)
    qtbot.waitUntil(figures.started.is_set, timeout=WAIT_MS)
    view.close()
    figures.release.set()
    wait_tasks_over(qtbot)
    assert seen == [] and view.built is None
    assert view.heading.text() == "Working out the figures…"


def test_the_report_deleted_while_computing_raises_nothing(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter, tmp_path: Path
) -> None:
    """As the window does it: the report is deleted once closed."""
    from imitation_lens.ui import report_view

    session_id = a_session(qtbot, writer)
    figures = hold(report_view, "build_session_report")
    view = ReportView(writer, session_id)
    view.finished.connect(view.deleteLater)
    view.show()
    qtbot.waitUntil(figures.started.is_set, timeout=WAIT_MS)
    view.close()
    qtbot.waitUntil(lambda: not shiboken6.isValid(view), timeout=WAIT_MS)
    figures.release.set()
    wait_tasks_over(qtbot)


# -- teacher connections ---------------------------------------------------------------------------


def test_connections_closed_while_testing_drop_the_answer_and_give_the_button_back(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter, shown: Any
) -> None:
    from imitation_lens.ui import connections_dialog

    asking = hold(connections_dialog, "list_models", then=lambda *_: ["a-model"])
    dialog = shown(ConnectionsDialog(writer))
    tested: list[bool] = []
    dialog.tested.connect(lambda ok, _: tested.append(ok))
    dialog.base_url.setText("http://127.0.0.1:9/v1")
    dialog.test_button.click()
    qtbot.waitUntil(asking.started.is_set, timeout=WAIT_MS)
    assert not dialog.test_button.isEnabled()
    dialog.close()
    assert dialog.test_button.isEnabled() and dialog.result_label.text() == ""
    asking.release.set()
    wait_tasks_over(qtbot)
    assert tested == [] and dialog.model.count() == 0 and dialog.result_label.text() == ""


def test_connections_closed_while_keeping_the_key_still_save(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter, shown: Any
) -> None:
    """Saving is what the user asked for: the dialog, only hidden, hears that it is done."""
    from imitation_lens.ui import connections_dialog

    keychain = hold(connections_dialog, "store_api_key", then=lambda *_: True)
    dialog = shown(ConnectionsDialog(writer))
    dialog.name.setText("Local")
    dialog.base_url.setText("http://127.0.0.1:9/v1")
    dialog.model.setEditText("a-model")
    dialog.key.setText("sk-test-not-a-real-key")
    dialog.save_button.click()
    qtbot.waitUntil(keychain.started.is_set, timeout=WAIT_MS)
    dialog.close()
    with qtbot.waitSignal(dialog.saved, timeout=WAIT_MS):
        keychain.release.set()
    wait_tasks_over(qtbot)
    assert dialog.save_button.isEnabled() and dialog.key.text() == ""
    found: list[list[str]] = []
    writer.call(lambda store: [c.name for c in connections(store)], found.append)
    qtbot.waitUntil(lambda: found == [["Local"]], timeout=WAIT_MS)


def test_connections_deleted_while_keeping_the_key_raise_nothing(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter
) -> None:
    from imitation_lens.ui import connections_dialog

    keychain = hold(connections_dialog, "store_api_key", then=lambda *_: True)
    dialog = ConnectionsDialog(writer)
    dialog.show()
    dialog.name.setText("Local")
    dialog.base_url.setText("http://127.0.0.1:9/v1")
    dialog.model.setEditText("a-model")
    dialog.key.setText("sk-test-not-a-real-key")
    dialog.save_button.click()
    qtbot.waitUntil(keychain.started.is_set, timeout=WAIT_MS)
    writer_idle(qtbot, writer)  # the dialog's own reads are in (the writer is not a task)
    shiboken6.delete(dialog)
    keychain.release.set()
    wait_tasks_over(qtbot)


# -- the model library -----------------------------------------------------------------------------


def test_library_closed_while_listing_the_built_in_model_lists_it_when_opened_again(
    qtbot: Any, hold: Callable[..., Hold], writer: GuiWriter, shown: Any, data_paths: DataPaths
) -> None:
    from imitation_lens.ui import library_dialog

    listing = hold(library_dialog, "built_in_model")
    dialog = shown(LibraryDialog(writer, data_paths))
    qtbot.waitUntil(listing.started.is_set, timeout=WAIT_MS)
    dialog.close()
    listing.release.set()
    wait_tasks_over(qtbot)
    assert dialog.built_in is None and dialog.table.rowCount() == 0

    dialog.show()
    qtbot.waitUntil(lambda: dialog.built_in is not None, timeout=WAIT_MS)
    # The demo model and the one imitators are made from.
    assert dialog.table.rowCount() == 2 and len(listing.calls) == 2


def test_library_closed_while_checking_an_added_file_still_adds_it_and_hashes_on_reopening(
    qtbot: Any,
    hold: Callable[..., Hold],
    writer: GuiWriter,
    shown: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    tmp_path: Path,
) -> None:
    """Adding is what the user asked for; the checksum waits for the library to open again."""
    from imitation_lens.ui import library_dialog

    copy = tmp_path / "added.gguf"
    copy.hardlink_to(bundled_model)  # a new path: nothing cached, the hash is really computed
    checking = hold(library_dialog, "check_model_file")
    dialog = shown(LibraryDialog(writer, data_paths))
    qtbot.waitUntil(lambda: dialog.built_in is not None, timeout=WAIT_MS)
    dialog.add_files([copy])
    qtbot.waitUntil(checking.started.is_set, timeout=WAIT_MS)
    dialog.close()
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS) as checked:
        checking.release.set()
    assert checked.args == [str(copy), ""]
    qtbot.waitUntil(lambda: len(dialog.models) == 1, timeout=WAIT_MS)
    wait_tasks_over(qtbot)
    assert "checksum" not in running_tasks() and not dialog.models[0].sha256

    with qtbot.waitSignal(dialog.hashed, timeout=60000):
        dialog.show()
        dialog.refresh()  # as Models ▸ Model library does
    qtbot.waitUntil(lambda: dialog.models[0].sha256 == SHA256, timeout=WAIT_MS)


def test_library_closed_while_hashing_stops_and_resumes_when_opened_again(
    qtbot: Any,
    hold: Callable[..., Hold],
    writer: GuiWriter,
    shown: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    tmp_path: Path,
) -> None:
    from imitation_lens.ui import library_dialog

    copy = tmp_path / "hashed.gguf"
    copy.hardlink_to(bundled_model)
    stopped: list[str | None] = []
    real_sha256_of = sha256_of

    def then(*args: Any) -> str | None:
        stopped.append(real_sha256_of(*args))
        return stopped[-1]

    hashing = hold(library_dialog, "sha256_of", then=then)
    dialog = shown(LibraryDialog(writer, data_paths))
    hashed: list[str] = []
    dialog.hashed.connect(hashed.append)
    with qtbot.waitSignal(dialog.checked, timeout=WAIT_MS):
        dialog.add_files([copy])
    qtbot.waitUntil(hashing.started.is_set, timeout=WAIT_MS)
    dialog.close()
    hashing.release.set()
    wait_tasks_over(qtbot)
    assert stopped == [None]  # closing stopped the checksum part-way
    assert hashed == [] and not dialog.models[0].sha256

    with qtbot.waitSignal(dialog.hashed, timeout=60000):
        dialog.show()
        dialog.refresh()
    assert stopped == [None, SHA256]
    qtbot.waitUntil(lambda: dialog.models[0].sha256 == SHA256, timeout=WAIT_MS)


# -- the catalog tab -------------------------------------------------------------------------------


def first_pair() -> Pair:
    return next(p for p in load_catalog().pairs if not p.base.is_built_in)


def test_library_deleted_while_looking_for_catalog_files_raises_nothing(
    qtbot: Any,
    hold: Callable[..., Hold],
    monkeypatch: pytest.MonkeyPatch,
    writer: GuiWriter,
    data_paths: DataPaths,
) -> None:
    from imitation_lens.ui import catalog_tab

    looking = hold(catalog_tab, "cached_path", then=lambda *_: None)
    shown_late: list[object] = []
    real_show_local = catalog_tab.CatalogTab._show_local

    def show_local(tab: catalog_tab.CatalogTab, found: dict[str, Path]) -> None:
        shown_late.append(found)
        real_show_local(tab, found)

    monkeypatch.setattr(catalog_tab.CatalogTab, "_show_local", show_local)
    dialog = LibraryDialog(writer, data_paths)
    dialog.show()
    qtbot.waitUntil(looking.started.is_set, timeout=WAIT_MS)
    writer_idle(qtbot, writer)  # the dialog's own reads are in (the writer is not a task)
    shiboken6.delete(dialog)
    looking.release.set()
    wait_tasks_over(qtbot)
    assert shown_late == []


def fake_download(model: Path) -> Callable[..., Path]:
    """Ends as the real one does: cancelled if the flag is set, else with the file."""

    def download(file: Any, on_progress: Any, cancel: threading.Event, *_: Any) -> Path:
        if cancel.is_set():
            raise DownloadCancelled
        return model

    return download


@pytest.mark.parametrize("how", ["closed", "cancelled"])
def test_a_download_goes_on_when_the_library_is_closed_and_stops_on_cancel(
    qtbot: Any,
    hold: Callable[..., Hold],
    writer: GuiWriter,
    shown: Any,
    data_paths: DataPaths,
    bundled_model: Path,
    how: str,
) -> None:
    """As before tasks: closing only hides the library; the Cancel button stops a download."""
    from imitation_lens.ui import catalog_tab

    downloading = hold(catalog_tab, "download", then=fake_download(bundled_model))
    dialog = shown(LibraryDialog(writer, data_paths))
    tab = dialog.catalog_tab
    pair = first_pair()
    tab.table.selectRow(tab.pairs.index(pair))
    tab.download_selected()
    qtbot.waitUntil(downloading.started.is_set, timeout=WAIT_MS)
    dialog.close()
    if how == "cancelled":
        tab.cancel_button.click()
    with qtbot.waitSignal(tab.finished, timeout=WAIT_MS) as finished:
        downloading.release.set()
    wait_tasks_over(qtbot)
    if how == "closed":
        assert finished.args == [pair.id, ""]
        assert "both models are on this computer" in tab.status.text()
    else:
        assert finished.args[0] == pair.id and finished.args[1].startswith("Download cancelled.")
        assert tab.status.text().startswith("Download cancelled.")
    assert not tab.cancel_button.isEnabled()


def test_library_deleted_while_downloading_stops_the_download_and_raises_nothing(
    qtbot: Any,
    hold: Callable[..., Hold],
    writer: GuiWriter,
    data_paths: DataPaths,
    bundled_model: Path,
) -> None:
    from imitation_lens.ui import catalog_tab

    downloading = hold(catalog_tab, "download", then=fake_download(bundled_model))
    dialog = LibraryDialog(writer, data_paths)
    dialog.show()
    dialog.catalog_tab.download_selected()
    qtbot.waitUntil(downloading.started.is_set, timeout=WAIT_MS)
    cancel: threading.Event = downloading.calls[0][2]
    writer_idle(qtbot, writer)  # the dialog's own reads are in (the writer is not a task)
    shiboken6.delete(dialog)
    assert cancel.is_set()  # the tab is gone: its download stops
    downloading.release.set()
    wait_tasks_over(qtbot)


def test_widgets_are_owners_too(qtbot: Any) -> None:
    """A plain widget's task is cancelled with the widget, not before."""
    widget = QWidget()
    task = run_task(widget, lambda _: None)
    wait_tasks_over(qtbot)
    assert not task.cancelled.is_set()
    shiboken6.delete(widget)
    assert task.cancelled.is_set()


def test_the_writers_answer_to_a_deleted_dialog_is_dropped(qtbot: Any, writer: GuiWriter) -> None:
    """A dialog closed and deleted before the database answered: nothing runs, nothing raises."""
    release = threading.Event()
    shown: list[object] = []

    class Asker(QDialog):
        def ask(self) -> None:
            writer.call(lambda _store: release.wait(WAIT_MS / 1000), self.answered)
            writer.call(lambda _store: "late", lambda value: shown.append(value), owner=self)

        def answered(self, value: object) -> None:
            shown.append(value)

    asker = Asker()
    asker.ask()
    asker.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(asker), timeout=WAIT_MS)
    release.set()
    writer_idle(qtbot, writer)
    assert shown == []
