"""The Models menu: the model library, the lineup, teacher connections and demo packs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from imitation_lens import APP_NAME
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.core.model_files.catalog import Catalog, Pair
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import LibraryModel
from imitation_lens.core.model_files.trained_models import add_trained_model
from imitation_lens.core.running.lineup import LocalModel, Server, SlotConfig
from imitation_lens.core.running.made_lineup import made_lineup
from imitation_lens.core.servers.replay import DemoPackError, export_demo_pack, import_demo_pack
from imitation_lens.core.training.plan import TrainedModel
from imitation_lens.ui.connections_dialog import ConnectionsDialog
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.imitator_workshop import ImitatorWorkshop
from imitation_lens.ui.library_dialog import LibraryDialog
from imitation_lens.ui.lineup_dialog import LineupDialog
from imitation_lens.ui.plain_text import as_html
from imitation_lens.ui.tasks import run_task
from imitation_lens.ui.workshop_services import WorkshopServices, default_services


class ModelsHost(Protocol):
    """What the Models menu needs from the window."""

    writer: GuiWriter
    paths: DataPaths
    lineup: list[SlotConfig]
    session_id: str | None

    @property
    def closing(self) -> SignalInstance: ...  # the window went away

    def apply_lineup(self, lineup: list[SlotConfig]) -> None: ...

    def say(self, message: str) -> None: ...


class ModelsMenu(QObject):
    def __init__(self, host: ModelsHost, parent: QWidget, menu: QMenu) -> None:
        """`parent`: the window, for the dialogs and the menu's actions."""
        super().__init__(parent)
        self.host = host
        self._parent = parent
        self.library: LibraryDialog | None = None
        self.lineup: LineupDialog | None = None
        self.connections: ConnectionsDialog | None = None
        self.workshop: ImitatorWorkshop | None = None
        # The core functions the workshop calls; tests give it a scripted training run.
        self.workshop_services: WorkshopServices = default_services()
        host.closing.connect(self._window_closing)
        for label, shortcut, slot in (
            (self.tr("Model &library…"), "Ctrl+L", self.open_library),
            (self.tr("&Lineup…"), "Ctrl+Shift+L", self.open_lineup),
            (self.tr("&Teacher connections…"), "Ctrl+Shift+T", self.open_connections),
            (None, None, None),
            (self.tr("&Make an imitator…"), "", self.open_workshop),
            (None, None, None),
            (self.tr("&Export demo pack…"), "", self.choose_pack_to_export),
            (self.tr("&Import demo pack…"), "", self.choose_pack_to_import),
        ):
            if label is None:
                menu.addSeparator()
                continue
            action = QAction(label, parent)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            menu.addAction(action)

    def open_library(self, catalog: Catalog | None = None) -> LibraryDialog:
        if self.library is None:
            self.library = LibraryDialog(self.host.writer, self.host.paths, self._parent, catalog)
            self.library.catalog_tab.use_pair.connect(self.use_pair)
            self.library.use_imitator.connect(self.use_made_imitator)
        self.library.show()
        self.library.refresh()
        return self.library

    def use_pair(self, pair: Pair, base_path: str, imitator_path: str) -> None:
        """Base and Imitator columns from a catalog pair; the teacher column stays as it is."""
        current = self.host.lineup
        teacher = next((s for s in current if isinstance(s.source, Server)), None)
        teacher = teacher or next((s for s in current if s.role == "Teacher"), None)
        lineup = [
            SlotConfig("Base", LocalModel(base_path, "completion"), note=pair.base.name),
            SlotConfig(
                "Imitator",
                LocalModel(imitator_path, "auto"),
                note=f"{pair.imitator.name}: learned from {pair.imitator.teacher or 'a teacher'}",
            ),
        ]
        self.host.apply_lineup(lineup + ([teacher] if teacher else []))

    # -- models made here (Models ▸ Make an imitator…) -------------------------------------------

    def add_made_model(
        self,
        trained: TrainedModel,
        use: bool = True,
        on_added: Callable[[LibraryModel], None] | None = None,
    ) -> None:
        """Put a model a training run made in the library, with where it came from; with `use`,
        then compare it with its base (use_made_imitator). `on_added(model)` once it is in."""

        def added(model: LibraryModel) -> None:
            if self.library is not None:
                self.library.refresh()
            if on_added is not None:
                on_added(model)
            if use:
                self.use_made_imitator(model)

        def failed(error: Exception) -> None:
            if not isinstance(error, (ModelFileError, OSError)):
                raise error
            self.host.say(
                shown_fault(
                    self.tr("The model made could not be added to the library: {error}").format(
                        error=error
                    )
                )
            )

        self.host.writer.call(lambda store: add_trained_model(store, trained), added, failed)

    def use_made_imitator(self, model: LibraryModel) -> None:
        """A lineup comparing a made model with the model it was made from: Base = its base,
        asked the same way, Imitator = the made model, Teacher as it is now. The files are
        looked at in a task; the window says in plain words if one is gone."""
        current = list(self.host.lineup)

        def failed(error: Exception) -> None:
            if not isinstance(error, ModelFileError):
                raise error
            self.host.say(shown_fault(str(error)))

        run_task(
            self._parent,
            lambda _task: made_lineup(current, model),
            self.host.apply_lineup,
            failed,
            name="made lineup",
        )

    def open_connections(self) -> ConnectionsDialog:
        if self.connections is None:
            self.connections = ConnectionsDialog(self.host.writer, self._parent)
        self.connections.show()
        self.connections.refresh()
        return self.connections

    def open_lineup(self) -> LineupDialog:
        dialog = LineupDialog(self.host.lineup, self.host.writer, self._parent)
        self.lineup = dialog

        def finished(result: int) -> None:
            if result == QDialog.DialogCode.Accepted:
                self.host.apply_lineup(dialog.result_lineup())
            dialog.deleteLater()
            self.lineup = None

        dialog.finished.connect(finished)
        dialog.open()
        return dialog

    def open_workshop(self) -> ImitatorWorkshop:
        """One workshop at a time: opening it again shows the one that is open (it may be
        training); a closed one is deleted, and the next opens fresh."""
        if self.workshop is None:
            workshop = ImitatorWorkshop(self.host, self.workshop_services, self._parent)
            workshop.use_imitator.connect(self.use_made_imitator)
            self.workshop = workshop

            def finished(_: int) -> None:
                workshop.deleteLater()
                if self.workshop is workshop:
                    self.workshop = None

            workshop.finished.connect(finished)
        self.workshop.show()
        self.workshop.raise_()
        return self.workshop

    def _window_closing(self) -> None:
        """Quitting stops a training run without asking: nothing of it is kept."""
        if self.workshop is not None:
            self.workshop.stop()

    # -- demo packs ------------------------------------------------------------------------------

    def choose_pack_to_export(self) -> None:
        suggested = Path.home() / f"imitation-lens-demo-pack-{datetime.now():%Y%m%d}.json"
        path, _ = QFileDialog.getSaveFileName(
            self._parent,
            self.tr("Export demo pack"),
            str(suggested),
            self.tr("Demo pack (*.json)"),
        )
        if path:
            self.export_pack(Path(path))

    def export_pack(self, target: Path) -> None:
        """Recorded teacher answers of this session's questions, for another laptop."""
        session_id = self.host.session_id

        def done(count: int) -> None:
            self.host.say(
                self.tr(
                    "Demo pack written to {target}: %n recorded teacher answer(s).", "", count
                ).format(target=target)
                if count
                else self.tr(
                    "There are no recorded teacher answers in this session yet: connect a "
                    "teacher and ask the questions once, then export."
                )
            )

        def failed(error: Exception) -> None:
            reason = getattr(error, "strerror", None) or str(error)
            self.host.say(
                shown_fault(
                    self.tr("The demo pack could not be written to {target}: {reason}").format(
                        target=target, reason=reason
                    )
                )
            )

        self.host.writer.call(
            lambda store: export_demo_pack(store, target, session_id), done, failed
        )

    def choose_pack_to_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._parent,
            self.tr("Import demo pack"),
            str(Path.home()),
            self.tr("Demo pack (*.json)"),
        )
        if path:
            self.import_pack(Path(path))

    def import_pack(self, source: Path) -> None:
        def done(count: int) -> None:
            self.host.say(
                self.tr(
                    "Imported %n recorded teacher answer(s) from {file}. In a teacher "
                    "column they stand in when the teacher can't be reached.",
                    "",
                    count,
                ).format(file=source.name)
            )

        def failed(error: Exception) -> None:
            if isinstance(error, DemoPackError):
                message = str(error)
            else:
                message = unexpected(
                    self.tr("{file} could not be read").format(file=source.name), error
                )
            QMessageBox.warning(
                self._parent,
                APP_NAME,
                as_html(
                    shown_fault(self.tr("Nothing was imported. {reason}").format(reason=message))
                ),
            )

        self.host.writer.call(lambda store: import_demo_pack(store, source), done, failed)
