"""Changing the main window's lineup: a whole new one, one column's settings, saving it, and
keeping a key typed for a teacher server.

The columns and their workers are rebuilt here; items already answered keep their lineup.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSplitter, QStatusBar, QWidget

from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.running.lineup import LINEUP_SETTING, Server, SlotConfig
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.servers.secrets import store_api_key
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.prompt_run import PromptRun
from imitation_lens.ui.slot_column import SlotColumn
from imitation_lens.ui.slot_dialog import SlotDialog
from imitation_lens.ui.tasks import run_task
from imitation_lens.ui.window_banner import Banner
from imitation_lens.ui.window_state import WindowState


class LineupHost(Protocol):
    """What changing the lineup touches in the window."""

    columns: list[SlotColumn]
    lineup: list[SlotConfig]
    session_id: str | None
    blind: bool
    writer: GuiWriter
    scheduler: LocalScheduler
    splitter: QSplitter
    annotator: Annotator
    items: ItemFlow
    window_state: WindowState
    banner: Banner
    prompt_run: PromptRun

    @property
    def batch_running(self) -> bool: ...

    def say(self, message: str) -> None: ...

    def statusBar(self) -> QStatusBar: ...


def set_lineup(
    host: LineupHost, lineup: list[SlotConfig], edit_slot: Callable[[int], None]
) -> None:
    """New columns and workers for `lineup`; `edit_slot(index)` opens a column's settings."""
    run = host.prompt_run
    run.shutdown()
    for column in host.columns:
        column.setParent(None)
        column.deleteLater()
    host.lineup = list(lineup)
    host.scheduler.reset()
    host.columns = []
    for index, slot in enumerate(host.lineup):
        column = SlotColumn(index, slot)
        column.stop_requested.connect(partial(run.stop_column, index))
        column.settings_requested.connect(partial(edit_slot, index))
        column.action.connect(partial(host.annotator.handle, column))
        host.splitter.addWidget(column)
        host.columns.append(column)
    run.new_workers(host.lineup)
    host.window_state.restore_splitter("columns")
    host.annotator.set_item(None, 1)
    host.items.item = None
    host.banner.show_lineup(host.lineup, host.blind)


def edit_slot(host: LineupHost, parent: QWidget, index: int) -> None:
    if host.batch_running:
        host.say(
            QCoreApplication.translate(
                "WindowLineup",
                "Pause the batch before changing a column: it runs with this lineup.",
            )
        )
        return
    if host.columns[index].is_busy:
        host.statusBar().showMessage(
            QCoreApplication.translate(
                "WindowLineup", "Stop this column before changing its settings."
            ),
            5000,
        )
        return
    dialog = SlotDialog(host.lineup[index], parent)
    if dialog.exec() != SlotDialog.DialogCode.Accepted:
        return
    slot = dialog.result_slot()
    key = dialog.typed_key()
    if key and isinstance(slot.source, Server):
        keep_key(parent, slot.source, key, host.say)
    host.lineup[index] = slot
    host.scheduler.reset()
    host.prompt_run.replace_worker(index, slot)
    host.columns[index].set_slot(slot)
    host.banner.show_lineup(host.lineup, host.blind)
    save_lineup(host)


def keep_key(owner: QWidget, server: Server, key: str, say: Callable[[str], None]) -> None:
    """Put a typed key in the keychain in a task; say so if it could not be kept."""

    def kept(done: bool) -> None:
        if done:
            return
        if server.api_key_env:
            message = QCoreApplication.translate(
                "WindowLineup",
                "This computer has no keychain, so the key typed for {address} was not kept. "
                "Put it in the environment variable {variable} and start the app again.",
            )
        else:
            message = QCoreApplication.translate(
                "WindowLineup",
                "This computer has no keychain, so the key typed for {address} was not kept. "
                "Put it in an environment variable named in the column's settings and start "
                "the app again.",
            )
        say(shown_fault(message.format(address=server.base_url, variable=server.api_key_env)))

    run_task(owner, lambda _task: store_api_key(server.base_url, key), kept, name="keep key")


def apply_lineup(
    host: LineupHost, lineup: list[SlotConfig], edit_slot: Callable[[int], None]
) -> None:
    """Use a new lineup from now on (the items already answered keep theirs)."""
    if any(c.is_busy for c in host.columns):
        host.say(
            QCoreApplication.translate(
                "WindowLineup", "Stop the answers being written (Esc) before changing the lineup."
            )
        )
        return
    if host.batch_running:
        host.say(
            QCoreApplication.translate(
                "WindowLineup", "Pause the batch before changing the lineup: it runs with this one."
            )
        )
        return
    set_lineup(host, lineup, edit_slot)
    host.items.show_new()
    save_lineup(host)
    if host.blind:  # who is in the lineup is shown with the first verdict, not before
        host.say(
            QCoreApplication.translate(
                "WindowLineup", "Lineup changed. Ask a question to compare the answers."
            )
        )
    else:
        roles = ", ".join(s.role for s in lineup)
        host.say(
            QCoreApplication.translate(
                "WindowLineup", "Lineup: {roles}. Ask a question to compare."
            ).format(roles=roles)
        )


def save_lineup(host: LineupHost) -> None:
    lineup = [s.to_dict() for s in host.lineup]
    session_id = host.session_id

    def save(store: Store) -> None:
        store.set_setting(LINEUP_SETTING, lineup)
        if session_id:
            store.set_session_lineup(session_id, lineup)

    host.writer.call(save)
