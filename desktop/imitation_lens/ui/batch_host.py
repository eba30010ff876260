"""What the batch screens (BatchFlow, BatchWatch) need from the window, and nothing more.

A small interface instead of the whole MainWindow keeps batches out of the window's import
circle and says, in one place, what a batch may touch on screen.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import SignalInstance

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.item_flow import ItemFlow
from imitation_lens.ui.slot_column import SlotColumn


class BatchHost(Protocol):
    """The window as batches see it."""

    session_id: str | None  # the session on screen
    blind: bool
    columns: list[SlotColumn]
    lineup: list[SlotConfig]
    paths: DataPaths
    writer: GuiWriter
    items: ItemFlow

    @property
    def session_opened(self) -> SignalInstance: ...  # a session (by id) is on screen

    def say(self, message: str) -> None: ...

    def open_session(self, session_id: str) -> None: ...

    def set_running_batch(self, running: bool) -> None: ...

    def release_models(self) -> None: ...
