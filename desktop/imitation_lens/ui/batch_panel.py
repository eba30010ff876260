"""The strip above the answers that shows a batch run: progress, speed, judging, controls."""

from __future__ import annotations

import html

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.batches.queued import BatchSummary
from imitation_lens.core.batches.run import BatchProgress, time_left
from imitation_lens.core.judging.progress import JudgingProgress
from imitation_lens.ui.plain_text import plain_tip

UNJUDGED_KEY = "Ctrl+U"  # the Batch menu's Next unjudged item
_NAME_SHOWN = 48  # characters of a prompt set's name shown in the bar (all of it in a tooltip)
# The states are keys (stored, compared); their words are translated where they are shown.
_STATE_WORDS: dict[str, str] = {
    "running": QT_TRANSLATE_NOOP("BatchPanel", "Running"),  # type: ignore[dict-item]
    "slowed": QT_TRANSLATE_NOOP("BatchPanel", "Running slower"),  # type: ignore[dict-item]
    "pausing": QT_TRANSLATE_NOOP("BatchPanel", "Pausing…"),  # type: ignore[dict-item]
    "paused": QT_TRANSLATE_NOOP("BatchPanel", "Paused"),  # type: ignore[dict-item]
    "cancelling": QT_TRANSLATE_NOOP("BatchPanel", "Cancelling…"),  # type: ignore[dict-item]
    "cancelled": QT_TRANSLATE_NOOP("BatchPanel", "Cancelled"),  # type: ignore[dict-item]
    "finished": QT_TRANSLATE_NOOP("BatchPanel", "Finished"),  # type: ignore[dict-item]
}


class BatchPanel(QFrame):
    pause_requested = Signal()
    resume_requested = Signal()
    cancel_requested = Signal()
    retry_requested = Signal()
    unjudged_requested = Signal()
    watch_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchPanel")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # holds focus while Pause is disabled
        self.setAccessibleName(self.tr("Batch"))
        self.setAccessibleDescription(
            self.tr("The batch run: progress, time left, judging, controls")
        )
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.state = ""
        self._holding_focus = False
        self.title = QLabel()
        self.title.setObjectName("batchTitle")
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Batch progress"))
        self.bar.setTextVisible(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Batch details"))
        self.judging = QLabel()
        self.judging.setWordWrap(True)
        self.judging.setAccessibleName(self.tr("Judging progress"))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.judging.setTextFormat(Qt.TextFormat.PlainText)
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setAccessibleDescription(
            self.tr("Pause the batch: the answer being written starts again when you resume")
        )
        self.pause_button.clicked.connect(self._on_pause_clicked)
        self.cancel_button = QPushButton(self.tr("Cancel batch"))
        self.cancel_button.setAccessibleDescription(
            self.tr("End the batch; questions not yet asked are removed, answers written are kept")
        )
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.retry_button = QPushButton(self.tr("Retry failed"))
        self.retry_button.setAccessibleDescription(self.tr("Ask again the answers that failed"))
        self.retry_button.clicked.connect(self.retry_requested)
        self.watch_button = QPushButton(self.tr("Watch"))
        self.watch_button.setAccessibleDescription(self.tr("Show the question being answered now"))
        self.watch_button.clicked.connect(self.watch_requested)
        # The key is the same in every language; Qt names it as the keyboard does (Strg+U).
        key = QKeySequence(UNJUDGED_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.unjudged_button = QPushButton(self.tr("Next unjudged  ({key})").format(key=key))
        self.unjudged_button.setAccessibleDescription(
            self.tr("Go to the next item you have not judged")
        )
        self.unjudged_button.clicked.connect(self.unjudged_requested)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.bar, 1)
        for button in (self.pause_button, self.cancel_button, self.retry_button, self.watch_button):
            top.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.details, 2)
        bottom.addWidget(self.judging, 1)
        bottom.addWidget(self.unjudged_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addLayout(bottom)
        self.setVisible(False)

    def _on_pause_clicked(self) -> None:
        if self.state in ("paused", "cancelled", "finished"):
            self.resume_requested.emit()
        else:
            self.pause_requested.emit()

    def show_summary(self, summary: BatchSummary) -> None:
        """A batch that is not running now (paused, cut off, finished or cancelled)."""
        state = summary.state if not summary.resumable else "paused"
        self._show(summary.set_name, state, summary.answered, summary.total, summary.failed)
        if summary.resumable:
            self.details.setText(
                self.tr(
                    "%Ln question(s) still to answer. Press Resume to go on where it stopped.",
                    "",
                    summary.total - summary.answered,
                )
            )
        else:
            self.details.setText("")

    def show_progress(self, name: str, progress: BatchProgress, blind: bool = False) -> None:
        self._show(name, progress.state, progress.answered, progress.total, progress.failed)
        parts = []
        if progress.state in ("running", "slowed"):
            parts.append(time_left(progress.seconds_left))
            speeds = [s for s in progress.speeds if s.tokens_per_second]
            if blind and speeds:  # per column, speed would tell a local model from an API
                total = sum(s.tokens_per_second or 0.0 for s in speeds)
                parts.append(self.tr("{speed} tokens/s in all").format(speed=_one_decimal(total)))
            else:
                # The role is the evaluator's own label for the column: shown as it was typed.
                parts.extend(
                    self.tr("{role} {speed} tokens/s").format(
                        role=s.role, speed=_one_decimal(s.tokens_per_second or 0.0)
                    )
                    for s in speeds
                )
        if progress.message:
            parts.append(progress.message)
        self.details.setText(" · ".join(parts))

    def show_elsewhere(self, name: str, progress: BatchProgress) -> None:
        """A batch another process runs: followed here, paused or cancelled there."""
        self._show(name, "running", progress.answered, progress.total, progress.failed)
        self.details.setText(progress.message)
        self.pause_button.setEnabled(False)
        self.cancel_button.setEnabled(False)

    def _show(self, name: str, state: str, answered: int, total: int, failed: int) -> None:
        self.state = state
        # A set's name comes from a file: escaped, and shortened so the bar keeps one line.
        shown = name if len(name) <= _NAME_SHOWN else name[: _NAME_SHOWN - 1].rstrip() + "…"
        words = self.tr(_STATE_WORDS[state]) if state in _STATE_WORDS else state
        self.title.setText(
            self.tr("<b>Batch: {name}</b> — {state}").format(
                name=html.escape(shown), state=html.escape(words)
            )
        )
        self.title.setToolTip(plain_tip(name) if shown != name else "")
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(answered)
        numbers = {"answered": QLocale().toString(answered), "total": QLocale().toString(total)}
        self.bar.setFormat(self.tr("{answered} of {total} answered").format(**numbers))
        self.bar.setAccessibleDescription(
            self.tr("{answered} of {total} questions answered").format(**numbers)
        )
        active = state in ("running", "slowed", "pausing", "cancelling")
        resumable = state == "paused" and answered < total
        self.pause_button.setText(self.tr("Pause") if active else self.tr("Resume"))
        enabled = (active and state != "pausing") or resumable
        if not enabled and self.pause_button.hasFocus():
            # Disabled while pausing, the button would pass focus on to Cancel batch: the panel
            # keeps it until the button comes back as Resume.
            self.setFocus(Qt.FocusReason.OtherFocusReason)
            self._holding_focus = True
        self.pause_button.setEnabled(enabled)
        if enabled and self._holding_focus and self.hasFocus():
            self.pause_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._holding_focus = self._holding_focus and not enabled
        self.cancel_button.setEnabled(active or resumable)
        self.retry_button.setText(
            self.tr("Retry %Ln failed", "", failed) if failed else self.tr("Retry failed")
        )
        self.retry_button.setVisible(bool(failed))
        self.retry_button.setEnabled(bool(failed) and not active)
        self.watch_button.setVisible(active)
        self.setVisible(True)

    def show_judging(self, progress: JudgingProgress) -> None:
        self.judging.setText(progress.describe())
        self.unjudged_button.setEnabled(progress.judged < progress.ready)


def _one_decimal(value: float) -> str:
    return QLocale().toString(float(value), "f", 1)
