"""What the main window says and does as it opens: the bundled model made ready in the
background, the message about what the last run of the app left, and a start that failed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from imitation_lens import APP_NAME
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.unexpected import unexpected
from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.model_files.gguf_header import ModelFileError
from imitation_lens.ui.plain_text import as_html
from imitation_lens.ui.tasks import Task


def prepare_bundled_model(models: Path, _task: Task[str | None]) -> str | None:
    """Assemble the bundled model (a worker's job); what to tell the evaluator if it failed."""
    try:
        ensure_bundled_model(models)
    except ModelFileError as error:
        return shown_fault(str(error))
    return None


class _StartupCounts(QObject):
    """lupdate keeps the plural forms of self.tr(text, "", n) only."""

    def interrupted(self, count: int) -> str:
        return self.tr(
            "%n answer(s) were cut off when the app last closed; their text so far is kept and "
            "marked Interrupted.",
            "",
            count,
        )


def startup_message(state: dict[str, Any]) -> str:
    """The status line once the saved state is on screen (see load_startup)."""
    if state.get("cut_off_batches"):
        return QCoreApplication.translate(
            "WindowStartup",
            "A batch was cut off when the app last closed. It is paused: open its session "
            "(File ▸ Sessions…) and press Resume in the batch bar to go on where it stopped.",
        )
    if state["interrupted"]:
        return _StartupCounts().interrupted(state["interrupted"])
    return QCoreApplication.translate("WindowStartup", "Ready. F1 lists the keys.")


def show_startup_failed(parent: QWidget, root: Path, error: Exception) -> None:
    QMessageBox.critical(
        parent,
        APP_NAME,
        as_html(
            shown_fault(
                unexpected(
                    QCoreApplication.translate(
                        "WindowStartup", "Your saved work in {folder} could not be read"
                    ).format(folder=root),
                    error,
                )
            )
        ),
    )
