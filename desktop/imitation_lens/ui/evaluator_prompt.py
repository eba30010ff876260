"""Who is judging: asked once on first start, shown in the window, changed in Preferences.

The name is a setting (core/exports/session_json.py); this computer's annotations keep evaluator "" in the
database and every export, report and list shows this name for them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.exports.session_json import (
    MAX_NAME,
    clean_name,
    default_evaluator,
    saved_evaluator,
    set_evaluator,
)
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.gui_writer import GuiWriter


def name_field(name: str) -> QLineEdit:
    field = QLineEdit(name)
    field.setObjectName("evaluatorNameEdit")
    field.setMaxLength(MAX_NAME)
    field.setAccessibleName(QCoreApplication.translate("EvaluatorPrompt", "Your name"))
    field.setAccessibleDescription(
        QCoreApplication.translate(
            "EvaluatorPrompt",
            "Shown with your marks and verdicts in every export and report, so your work stays "
            "apart from a colleague's when sessions are merged",
        )
    )
    field.selectAll()
    return field


class EvaluatorPrompt(QDialog):
    """The first-start question. Not modal: the window can be used (and closed) meanwhile."""

    def __init__(self, name: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("evaluatorPrompt")
        self.setWindowTitle(self.tr("Who is judging?"))
        self.setModal(False)
        intro = QLabel(
            self.tr(
                "Your name goes with your marks and verdicts in every export and report, so your "
                "work stays apart from a colleague's when sessions are merged. You can change it "
                "later in Edit ▸ Preferences (Ctrl+,)."
            )
        )
        intro.setWordWrap(True)
        self.name_edit = name_field(name)
        form = QFormLayout()
        form.addRow(self.tr("&Your name:"), self.name_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Use this name"))
        ok.setAccessibleName(ok.text())
        ok.setAccessibleDescription(self.tr("Keep the name typed above as the evaluator's"))
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())
        # A dialog of its own is not hidden with the window: it would keep the app running.
        parent.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        closing = event.type() == QEvent.Type.Hide and not event.spontaneous()  # not minimized
        if watched is self.parent() and closing:
            self.done(QDialog.DialogCode.Rejected)
        return False


class Evaluator(QObject):
    """The local evaluator's name in the window: the status-bar label, the question, changes."""

    changed = Signal(str)  # the name, once it is saved

    def __init__(self, writer: GuiWriter, window: QWidget, preset: str | None = None) -> None:
        super().__init__(window)
        self.writer = writer
        self.window = window
        self.name = default_evaluator()
        self.prompt: EvaluatorPrompt | None = None
        self.label = QLabel()
        self.label.setObjectName("evaluatorLabel")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setToolTip(self.tr("Who is judging. Edit ▸ Preferences (Ctrl+,) changes it."))
        self._show(self.name)
        self.writer.call(lambda store: self._load(store, preset), self._loaded, owner=self)

    @staticmethod
    def _load(store: Store, preset: str | None) -> tuple[str | None, str]:
        saved = saved_evaluator(store)
        if saved is None and preset is not None:
            saved = set_evaluator(store, preset)
        return saved, default_evaluator()

    def _loaded(self, state: tuple[str | None, str]) -> None:
        saved, offered = state
        self._show(saved or offered)
        if saved is None and not self._closing():
            self.ask(offered)

    def _closing(self) -> bool:
        """Hidden after it was shown: the window is closing (before its first show it is not)."""
        shown_before = self.window.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
        return self.window.isHidden() and shown_before

    def ask(self, offered: str) -> EvaluatorPrompt:
        prompt = EvaluatorPrompt(offered, self.window)
        # Closed without an answer (Esc), the name offered counts: the question is asked once.
        prompt.finished.connect(lambda _: self.set_name(prompt.name_edit.text() or offered))
        prompt.finished.connect(prompt.deleteLater)
        prompt.show()
        prompt.raise_()
        prompt.activateWindow()
        prompt.name_edit.setFocus()
        self.prompt = prompt
        return prompt

    def set_name(self, name: str) -> None:
        if self._closing() and self.prompt is not None:
            return  # the app is closing: nothing was answered
        wanted = clean_name(name)
        self.prompt = None

        def saved(kept: str) -> None:
            self._show(kept)
            self.changed.emit(kept)

        self.writer.call(lambda store: set_evaluator(store, wanted), saved, owner=self)

    def _show(self, name: str) -> None:
        self.name = name
        self.label.setText(self.tr("Evaluator: {name}").format(name=name))
        self.label.setAccessibleName(self.label.text())
