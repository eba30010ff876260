"""Run by test_read_only.py as a non-root user: the real start of the window on a folder it
can't write to, with the dialog's text printed instead of waiting for a click."""

from __future__ import annotations

import os
import sys
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QMessageBox

from imitation_lens.ui.app import run_app


def _print_dialog(_parent: Any, _title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
    # Message boxes get data escaped into rich text (ui/plain_text.as_html): print what it reads.
    shown = QTextDocumentFragment.fromHtml(text).toPlainText()
    print(f"DIALOG {shown}", flush=True)
    return QMessageBox.StandardButton.Ok


if __name__ == "__main__":
    QMessageBox.critical = _print_dialog  # type: ignore[assignment]
    QMessageBox.information = _print_dialog  # type: ignore[assignment]
    sys.exit(run_app(sys.argv[1]))
