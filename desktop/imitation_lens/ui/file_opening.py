"""A file given on the command line (the desktop entry's %f): a session export is merged into the
database (or, when already there, just opened) and put on screen; anything else gets a plain
message in the window."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from imitation_lens.core.exports.importer import ImportRefused, ImportResult, import_session
from imitation_lens.core.housekeeping.unexpected import unexpected

if TYPE_CHECKING:
    from imitation_lens.ui.main_window import MainWindow


def open_session_file(window: MainWindow, path: Path) -> None:
    def done(result: ImportResult) -> None:
        def on_opened(session_id: str) -> None:
            if session_id != result.session_id:
                return
            window.session_opened.disconnect(on_opened)
            # After open_session's own "Opened …" message, so this one stays on screen.
            window.statusBar().showMessage(_summary(result, path))

        window.session_opened.connect(on_opened)
        window.open_session(result.session_id)

    def refused(error: Exception) -> None:
        if isinstance(error, ImportRefused):
            reason = str(error).removeprefix(f"{path.name} was not imported: ")
        else:
            reason = unexpected("It was not imported", error)
        # No time-out: the evaluator asked for this file and should see why it did not open.
        window.statusBar().showMessage(f"{path.name} could not be opened as a session: {reason}")
        window.import_refused.emit(reason)

    window.writer.call(lambda store: import_session(store, path), done, refused)


def _summary(result: ImportResult, path: Path) -> str:
    new = result.new
    if not any(new.values()):
        return f"Opened “{result.title}”: everything in {path.name} was already here."
    return (
        f"Imported “{result.title}” from {result.evaluator} ({path.name}): {new['items']} new "
        f"item(s), {new['marks']} new mark(s), {new['verdicts']} new verdict(s)."
    )
