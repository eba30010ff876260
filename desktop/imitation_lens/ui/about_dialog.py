"""Help ▸ About: versions, licences and where the data is, selectable and copyable."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from imitation_lens import APP_NAME, __version__
from imitation_lens.core.housekeeping.about import AboutFacts, gather
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.ui.diagnostics import qt_versions
from imitation_lens.ui.tasks import Task, run_task


def _link(where: str) -> str:
    if where.startswith("https://"):
        url = where.split(" ", 1)[0]
        rest = where[len(url) :]
        return f'<a href="{escape(url)}">{escape(url)}</a>{escape(rest)}'
    return escape(where)


class AboutDialog(QDialog):
    loaded = Signal()  # the facts are shown (loading llama.cpp to ask its build takes a moment)

    def __init__(self, paths: DataPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setWindowTitle(self.tr("About {app}").format(app=APP_NAME))
        self.facts: AboutFacts | None = None
        self._lookup: Task[AboutFacts] | None = None

        title = QLabel(f"<b>{escape(APP_NAME)}</b> {escape(__version__)}")
        title.setObjectName("aboutTitle")
        intro = QLabel(
            self.tr(
                "See side by side how a model fine-tuned on a stronger model's answers copies "
                "its style but not its knowledge."
            )
        )
        intro.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setOpenExternalLinks(True)
        self.body.setAccessibleName(self.tr("Versions, licences and data folder"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("&Copy versions"))
        self.copy_button.setToolTip(
            self.tr("Put the versions and licences on the clipboard, as text")
        )
        self.copy_button.setEnabled(False)
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.body, 1)
        layout.addWidget(buttons)
        # Fits a 1366×768 screen with room for the taskbar; the text scrolls inside.
        self.resize(680, 560)
        self.body.setPlainText(self.tr("Looking up the versions…"))
        self._look_up()

    def _look_up(self) -> None:
        paths, qt = self.paths, qt_versions()
        self._lookup = run_task(self, lambda _: gather(paths, qt), self._show, name="about")

    def showEvent(self, event: QShowEvent) -> None:
        # Closing before the versions came cancelled the lookup; opening again asks anew.
        if self.facts is None and self._lookup is not None and self._lookup.cancelled.is_set():
            self._look_up()
        super().showEvent(event)

    def _show(self, facts: AboutFacts) -> None:
        self.facts = facts
        version_rows = "".join(
            f"<tr><td><b>{escape(name)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"
            for name, value in facts.versions
        )
        licence_rows = "".join(
            f"<li><b>{escape(item.what)}</b>: {escape(item.licence)}<br>{_link(item.where)}</li>"
            for item in facts.licences
        )
        # Translated outside the f-string: lupdate does not look inside one.
        versions, licences, data = self.tr("Versions"), self.tr("Licences"), self.tr("Your data")
        self.body.setHtml(
            f"<h3>{escape(versions)}</h3><table>{version_rows}</table>"
            f"<h3>{escape(licences)}</h3><ul>{licence_rows}</ul>"
            f"<h3>{escape(data)}</h3><p>{escape(facts.data_folder)}</p>"
        )
        self.copy_button.setEnabled(True)
        self.loaded.emit()

    def text(self) -> str:
        return "" if self.facts is None else self.facts.as_text()

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))


def show_about(parent: QWidget, paths: DataPaths) -> AboutDialog:
    """Open About, or bring back the one already open."""
    dialog = parent.findChild(AboutDialog)
    if dialog is None:
        dialog = AboutDialog(paths, parent)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
