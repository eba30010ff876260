"""Sessions in and out of the main window: export to a file (any format), import a colleague's.

The session is read on the writer thread; an export file is written by a task tied to the
window, so a slow disk never holds the window up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from imitation_lens import APP_NAME
from imitation_lens.core.exports.formats import BY_NAME, format_for, write_document
from imitation_lens.core.exports.importer import ImportRefused, ImportResult, import_session
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.plain_text import as_html
from imitation_lens.ui.tasks import run_task


class _ImportCounts(QObject):
    """What an import brought: lupdate keeps the plural forms of self.tr(text, "", n) only."""

    def items(self, count: int) -> str:
        return self.tr("%n new item(s)", "", count)

    def marks(self, count: int) -> str:
        return self.tr("%n new mark(s)", "", count)

    def verdicts(self, count: int) -> str:
        return self.tr("%n new verdict(s)", "", count)

    def conflicts(self, count: int) -> str:
        return self.tr("; %n conflict(s) kept as they were here", "", count)


def choose_export_target(parent: QWidget, name: str) -> Path | None:
    export_format = BY_NAME[name]
    # The file's name stays language-neutral, as the data in it: a colleague's app reads it.
    stem = f"imitation-lens-session-{datetime.now():%Y%m%d-%H%M}"
    suggested = str(Path.home() / f"{stem}{export_format.suffix}")
    path, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("WindowExport", "Export session"),
        suggested,
        f"{export_format.label} (*{export_format.suffix})",
    )
    return Path(path) if path else None


def export_session(
    owner: QWidget,
    writer: GuiWriter,
    session_id: str,
    target: Path,
    name: str | None,
    on_written: Callable[[str], None],
) -> None:
    """Read the session on the writer thread, write the file in a task of `owner`'s."""
    export_format = format_for(target, name)

    def failed(error: Exception) -> None:
        reason = getattr(error, "strerror", None) or str(error)
        QMessageBox.warning(
            owner,
            APP_NAME,
            as_html(
                shown_fault(
                    QCoreApplication.translate(
                        "WindowExport",
                        "The export could not be written to {target}:\n{reason}\n\n"
                        "Your session is safe; choose another place and try again.",
                    ).format(target=target, reason=reason)
                )
            ),
        )

    def write(document: dict[str, Any]) -> None:
        run_task(
            owner,
            lambda _task: write_document(export_format, document, target),
            lambda written: on_written(str(written)),
            failed,
            name="export",
        )

    writer.call(lambda store: session_document(store, session_id), write, failed)


def choose_import_source(parent: QWidget) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("WindowExport", "Import a session"),
        str(Path.home()),
        QCoreApplication.translate("WindowExport", "Imitation Lens session (*.json)"),
    )
    return Path(path) if path else None


def import_session_file(
    writer: GuiWriter,
    source: Path,
    say: Callable[[str], None],
    on_imported: Callable[[str], None],
    on_refused: Callable[[str], None],
) -> None:
    """Merge a colleague's JSON export: all of it, or (with the reason) nothing."""

    def done(result: ImportResult) -> None:
        new, counts = result.new, _ImportCounts()
        conflicts = counts.conflicts(len(result.conflicts)) if result.conflicts else ""
        say(
            QCoreApplication.translate(
                "WindowExport",
                "Imported “{title}” from {evaluator}: {items}, {marks}, {verdicts}{conflicts}. "
                "File ▸ Sessions opens it.",
            ).format(
                title=result.title,
                evaluator=result.evaluator,
                items=counts.items(new["items"]),
                marks=counts.marks(new["marks"]),
                verdicts=counts.verdicts(new["verdicts"]),
                conflicts=conflicts,
            )
        )
        on_imported(result.session_id)

    def refused(error: Exception) -> None:
        if isinstance(error, ImportRefused):
            message = str(error)
        else:
            message = unexpected(
                QCoreApplication.translate("WindowExport", "{file} could not be read").format(
                    file=source.name
                ),
                error,
            )
        say(
            shown_fault(
                QCoreApplication.translate(
                    "WindowExport", "Nothing was imported. {message}"
                ).format(message=message)
            )
        )
        on_refused(message)

    writer.call(lambda store: import_session(store, source), done, refused)
