"""Text from models, teachers, files and other evaluators, shown exactly as it was written.

Qt reads a label's or a tooltip's text as HTML whenever it looks like HTML (Qt.mightBeRichText),
so "<b>x</b>" would lose its tags and "<img src=x>" would vanish. Every place that shows such
text goes through one of these helpers.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally, whatever it contains."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def make_plain(*labels: QLabel) -> None:
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str) -> str:
    """A tooltip that shows the text literally; an empty text means no tooltip at all. Qt takes a
    tooltip for HTML by the same test, so text that passes it is left as it is."""
    return as_html(text) if QtGui.Qt.mightBeRichText(text) else text


def as_html(text: str) -> str:
    """Rich text that reads as the given text, for places that take no text format (QMessageBox's
    static functions), where a file name such as "<b>.gguf" would otherwise be read as HTML."""
    # Qt.convertFromPlainText does the same but is missing from the type stubs.
    body = html.escape(text, quote=False).replace("\n", "<br>")
    return f"<p style='white-space:pre-wrap'>{body}</p>"


def escaped(text: object) -> str:
    """Data to put inside our own markup (a bold heading that names a model, say), with its
    spaces, tabs and line breaks kept as written."""
    body = html.escape(str(text), quote=False).replace("\n", "<br>")
    return f"<span style='white-space:pre-wrap'>{body}</span>"
