"""The catalog tab of the model library: real base/imitator pairs, downloaded with progress.

Downloads run on a worker thread through huggingface_hub into its own cache; the window only
hears about progress. Whether a file is already on this computer is looked up without the
network, so the tab works offline and shows what can be used there.
"""

from __future__ import annotations

import html
import os
import threading
import time
from pathlib import Path
from urllib.parse import unquote

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.model_files.catalog import Catalog, Pair, Preset, load_catalog
from imitation_lens.core.model_files.downloads import (
    DownloadCancelled,
    DownloadError,
    Progress,
    cached_path,
    download,
)
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.core.model_files.library import add_model, check_model_file
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.plain_text import escaped
from imitation_lens.ui.table_fit import fit_columns
from imitation_lens.ui.tasks import Task, run_task


def _number(value: float, decimals: int) -> str:
    """A number as the interface's language writes it (1,234.5 / 1.234,5)."""
    return QLocale().toString(float(value), "f", decimals)


def _size(count: int | None) -> str:
    if not count:
        return QCoreApplication.translate("CatalogTab", "size unknown")
    return QCoreApplication.translate("CatalogTab", "{size} GB").format(
        size=_number(count / 1e9, 2)
    )


# The pair's title and story come from the catalog (core); only the facts line is translated.
_DETAILS = "<b>{title}</b><br>{story}<br>{facts}"

# Q4_K_M stores about 4.85 bits per weight: for a size the catalog does not publish.
_Q4_K_M_BYTES_PER_PARAMETER = 0.61


def _parameters(label: str) -> float:
    units = {"B": 1e9, "M": 1e6}
    try:
        return float(label[:-1]) * units[label[-1].upper()]
    except (ValueError, KeyError, IndexError):
        return 0.0


def download_size(pair: Pair) -> str:
    sizes = [p.size_bytes for p in (pair.base, pair.imitator)]
    if all(sizes):
        return _size(sum(s or 0 for s in sizes))
    estimate = sum(
        p.size_bytes or _parameters(p.parameters) * _Q4_K_M_BYTES_PER_PARAMETER
        for p in (pair.base, pair.imitator)
    )
    if not estimate:
        return QCoreApplication.translate("CatalogTab", "size not published")
    return QCoreApplication.translate("CatalogTab", "about {size} GB").format(
        size=_number(estimate / 1e9, 1)
    )


def source_html(entry: str) -> str:
    """One of a preset's sources as HTML: the address shown as people type it (the catalog keeps
    it percent-encoded, as the Hub's links are, and the link still uses that), then its note."""
    address, _, note = entry.partition(" ")
    if not address.startswith(("https://", "http://")):
        return html.escape(entry)
    link = f'<a href="{html.escape(address, quote=True)}">{html.escape(unquote(address))}</a>'
    return f"{link} {html.escape(note)}" if note else link


def sources_html(pair: Pair) -> str:
    heading = QCoreApplication.translate("CatalogTab", "Where these facts come from")
    parts = [f"<b>{html.escape(heading)}</b>"]
    for preset in (pair.base, pair.imitator):
        if preset.facts_from:
            links = "<br>".join(source_html(entry) for entry in preset.facts_from)
            parts.append(f"<i>{html.escape(preset.name)}:</i><br>{links}")
    return "<br>".join(parts) if len(parts) > 1 else ""


def describe_progress(progress: Progress) -> str:
    done = _number(progress.done_bytes / 1e6, 0)
    if progress.total_bytes:
        parts = [
            QCoreApplication.translate("CatalogTab", "{done} of {total} MB").format(
                done=done, total=_number(progress.total_bytes / 1e6, 0)
            )
        ]
    else:
        parts = [QCoreApplication.translate("CatalogTab", "{done} MB").format(done=done)]
    if progress.bytes_per_second:
        speed = _number(progress.bytes_per_second / 1e6, 1)
        parts.append(QCoreApplication.translate("CatalogTab", "{speed} MB/s").format(speed=speed))
    if progress.seconds_left is not None and progress.seconds_left > 0:
        minutes, seconds = divmod(int(progress.seconds_left + 0.5), 60)
        if minutes:
            left = QCoreApplication.translate("CatalogTab", "about {minutes} min {seconds} s left")
        else:
            left = QCoreApplication.translate("CatalogTab", "about {seconds} s left")
        parts.append(left.format(minutes=minutes, seconds=seconds))
    return " · ".join(parts)


class CatalogTab(QWidget):
    finished = Signal(str, str)  # pair id, and why it did not finish ("" when it did)
    use_pair = Signal(object, str, str)  # the Pair, the base's path, the imitator's path

    def __init__(
        self, writer: GuiWriter, catalog: Catalog | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.writer = writer
        self.catalog = catalog or load_catalog()
        self.pairs = [p for p in self.catalog.pairs if not p.base.is_built_in]
        # Read when a download starts, so a test or a mirror can point elsewhere.
        self.hub_endpoint: str | None = os.environ.get("HF_ENDPOINT") or None
        self.hub_cache: Path | None = None
        self.local_paths: dict[str, Path] = {}  # preset id -> file on this computer
        self._cancel = threading.Event()  # the Cancel button, or the tab's end, stops a download
        self.destroyed.connect(self._cancel.set)
        self._running: str | None = None

        self.table = QTableWidget(len(self.pairs), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Pair"), self.tr("Fits an 8 GB laptop"), self.tr("Download"), self.tr("Here")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        fit_columns(self.table)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(self.tr("Model pairs"))
        self.table.setAccessibleDescription(
            self.tr("Real base models next to imitators trained on a stronger model's answers")
        )
        self.table.currentCellChanged.connect(lambda row, *_: self._show_details(row))
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setObjectName("pairDetails")
        # Addresses are long and unbroken: a browser wraps them anywhere, and scrolls.
        self.sources = QTextBrowser()
        self.sources.setObjectName("pairSources")
        self.sources.setOpenExternalLinks(True)
        self.sources.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        margins = 2 * (self.sources.frameWidth() + int(self.sources.document().documentMargin()))
        self.sources.setMaximumHeight(self.sources.fontMetrics().lineSpacing() * 5 + margins)
        self.sources.setAccessibleName(self.tr("Sources"))
        self.sources.setAccessibleDescription(
            self.tr("The pages the facts about this pair were read from")
        )
        self.download_button = QPushButton(self.tr("&Download pair"))
        self.download_button.setAccessibleName(self.tr("Download pair"))
        self.download_button.setAccessibleDescription(
            self.tr("Download both models of the chosen pair")
        )
        self.download_button.clicked.connect(self.download_selected)
        self.cancel_button = QPushButton(self.tr("&Cancel download"))
        self.cancel_button.setAccessibleName(self.tr("Cancel download"))
        self.cancel_button.setAccessibleDescription(
            self.tr("Stop; the next download continues from here")
        )
        self.cancel_button.clicked.connect(self._cancel.set)
        self.cancel_button.setEnabled(False)
        self.use_button = QPushButton(self.tr("&Use in lineup"))
        self.use_button.setAccessibleName(self.tr("Use in lineup"))
        self.use_button.setAccessibleDescription(
            self.tr("Put this pair in the Base and Imitator columns")
        )
        self.use_button.clicked.connect(self._use_selected)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Download progress"))
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("problemLabel")
        self.status.setProperty("problem", False)  # a problem's tint only with a problem
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        buttons.addWidget(self.download_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.sources)
        layout.addLayout(buttons)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        for row, pair in enumerate(self.pairs):
            values = [
                pair.title,
                self.tr("yes") if pair.fits_8gb else self.tr("no (7B: 16 GB advised)"),
                download_size(pair),
                "…",
            ]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
        if self.pairs:
            self.table.selectRow(0)
        self.refresh_local()

    # -- what is here ------------------------------------------------------------------------------

    def refresh_local(self) -> None:
        """Look in the cache on a worker thread (no network), then show it."""
        presets = {p.id: p for pair in self.pairs for p in (pair.base, pair.imitator)}
        cache = self.hub_cache

        def look(_: Task[dict[str, Path]]) -> dict[str, Path]:
            found = {}
            for preset in presets.values():
                path = cached_path(preset.hub_file(), cache)
                if path is not None:
                    found[preset.id] = path
            return found

        run_task(self, look, self._show_local, name="look for local files")

    def _show_local(self, found: dict[str, Path]) -> None:
        self.local_paths = found
        for row, pair in enumerate(self.pairs):
            here = [p.id in found for p in (pair.base, pair.imitator)]
            if all(here):
                text = self.tr("both")
            else:
                text = self.tr("one of two") if any(here) else self.tr("not yet")
            self.table.setItem(row, 3, QTableWidgetItem(text))
        self._show_details(self.table.currentRow())

    def selected(self) -> Pair | None:
        row = self.table.currentRow()
        return self.pairs[row] if 0 <= row < len(self.pairs) else None

    def _show_details(self, row: int) -> None:
        if not 0 <= row < len(self.pairs):
            return
        pair = self.pairs[row]
        imitator = pair.imitator
        not_stated = self.tr("not stated")
        facts = self.tr(
            "<i>Imitator trained on:</i> {trained_on} <i>Teacher:</i> {teacher}. "
            "<i>Licences:</i> {base_licence}; {imitator_licence}."
        ).format(
            trained_on=escaped(imitator.trained_on or not_stated),
            teacher=escaped(imitator.teacher or not_stated),
            base_licence=escaped(pair.base.licence),
            imitator_licence=escaped(imitator.licence),
        )
        self.details.setText(
            _DETAILS.format(title=escaped(pair.title), story=escaped(pair.story), facts=facts)
        )
        self.sources.setHtml(sources_html(pair))
        self.sources.setVisible(bool(self.sources.toPlainText()))
        both_here = all(p.id in self.local_paths for p in (pair.base, pair.imitator))
        self.use_button.setEnabled(both_here and self._running is None)
        self.download_button.setEnabled(not both_here and self._running is None)

    # -- downloading -------------------------------------------------------------------------------

    def download_selected(self) -> None:
        pair = self.selected()
        if pair is None or self._running is not None:
            return
        self._running = pair.id
        self._cancel.clear()
        self.download_button.setEnabled(False)
        self.use_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setValue(0)
        self.progress.show()
        endpoint, cache = self.hub_endpoint, self.hub_cache
        # The tab's task: closing the library only hides the tab, so the download goes on and
        # is seen when it opens again; the Cancel button, or the tab's end, stops it.
        run_task(
            self,
            lambda task: self._download(task, pair, endpoint, cache),
            lambda problem: self._done(pair, problem),
            name="download",
        )

    def _download(
        self, task: Task[str], pair: Pair, endpoint: str | None, cache: Path | None
    ) -> str:  # worker: why the download did not finish, "" when it did
        stop = self._cancel
        try:
            for preset in (pair.base, pair.imitator):
                self._fetch(task, stop, preset, endpoint, cache)
        except DownloadCancelled:
            return self.tr(
                "Download cancelled. What arrived is kept: the next download continues it."
            )
        except (DownloadError, ModelFileError) as error:
            return str(error)
        except Exception as error:  # never leave the tab stuck "downloading"
            return self.tr("The download failed unexpectedly ({error}); try again.").format(
                error=type(error).__name__
            )
        return ""

    def _fetch(
        self,
        task: Task[str],
        stop: threading.Event,
        preset: Preset,
        endpoint: str | None,
        cache: Path | None,
    ) -> None:  # worker
        """Download one model (or find it in the cache), check it and add it to the library."""
        last = 0.0

        def report(progress: Progress) -> None:
            nonlocal last
            now = time.monotonic()
            if now - last >= 0.1 or progress.seconds_left == 0:
                last = now
                task.post(lambda: self._show_progress(preset, progress))

        path = download(preset.hub_file(), report, stop, cache, endpoint)
        facts = check_model_file(path)
        self.writer.call(
            lambda store: add_model(
                store, facts, "hub", preset.hf_repo, preset.file, preset.id, preset.sha256 or ""
            ),
            owner=self,
        )
        task.post(lambda: self.local_paths.update({preset.id: path}))

    def _show_progress(self, preset: Preset, progress: Progress) -> None:
        if progress.total_bytes:
            self.progress.setValue(int(100 * progress.done_bytes / progress.total_bytes))
        self.status.setProperty("problem", False)
        self.status.setText(
            self.tr("{model}: {progress}").format(
                model=preset.name, progress=describe_progress(progress)
            )
        )

    def _done(self, pair: Pair, problem: str) -> None:
        self._running = None
        self.cancel_button.setEnabled(False)
        self.progress.setVisible(not problem)
        self.status.setProperty("problem", bool(problem))
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.setText(
            (problem and shown_fault(problem))
            or self.tr("{pair}: both models are on this computer and in your library.").format(
                pair=pair.title
            )
        )
        self.refresh_local()
        self.finished.emit(pair.id, problem)

    def _use_selected(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        base, imitator = (self.local_paths.get(p.id) for p in (pair.base, pair.imitator))
        if base is None or imitator is None:
            self.status.setText(self.tr("Download the pair first."))
            return
        self.use_pair.emit(pair, str(base), str(imitator))
