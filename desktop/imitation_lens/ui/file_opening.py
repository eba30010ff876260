"""A file given on the command line (the desktop entry's %f): a session export is merged into the
database (or, when already there, just opened) and put on screen; anything else gets a plain
message in the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from imitation_lens.core.exports.importer import ImportRefused, ImportResult, import_session
from imitation_lens.core.housekeeping.unexpected import unexpected

if TYPE_CHECKING:
    from imitation_lens.ui.main_window import MainWindow


class FileOpening(QObject):
    """The texts of opening a file: a class, so that lupdate keeps their plural forms."""

    def not_opened(self, file: str, reason: str) -> str:
        return self.tr("{file} could not be opened as a session: {reason}").format(
            file=file, reason=reason
        )

    def not_imported(self) -> str:
        return self.tr("It was not imported")

    def summary(self, result: ImportResult, path: Path) -> str:
        new = result.new
        if not any(new.values()):
            return self.tr("Opened “{title}”: everything in {file} was already here.").format(
                title=result.title, file=path.name
            )
        return self.tr(
            "Imported “{title}” from {evaluator} ({file}): {items}, {marks}, {verdicts}."
        ).format(
            title=result.title,
            evaluator=result.evaluator,
            file=path.name,
            items=self.tr("%Ln new item(s)", "", new["items"]),
            marks=self.tr("%Ln new mark(s)", "", new["marks"]),
            verdicts=self.tr("%Ln new verdict(s)", "", new["verdicts"]),
        )


def open_session_file(window: MainWindow, path: Path) -> None:
    words = FileOpening()

    def done(result: ImportResult) -> None:
        def on_opened(session_id: str) -> None:
            if session_id != result.session_id:
                return
            window.session_opened.disconnect(on_opened)
            # After open_session's own "Opened …" message, so this one stays on screen.
            window.statusBar().showMessage(words.summary(result, path))

        window.session_opened.connect(on_opened)
        window.open_session(result.session_id)

    def refused(error: Exception) -> None:
        if isinstance(error, ImportRefused):
            reason = str(error).removeprefix(f"{path.name} was not imported: ")
        else:
            reason = unexpected(words.not_imported(), error)
        # No time-out: the evaluator asked for this file and should see why it did not open.
        window.statusBar().showMessage(words.not_opened(path.name, reason))
        window.import_refused.emit(reason)

    window.writer.call(lambda store: import_session(store, path), done, refused)
