"""The strip under the answers: the item's verdict, its reference answer, moving between items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.ui.mark_style import legend_html
from imitation_lens.ui.plain_text import escaped


@dataclass(frozen=True)
class Choice:
    label: str
    preferred: str  # answer | tie | all_bad
    response_id: str | None = None
    position: int | None = None


# Keys are never translated.
PREVIOUS_KEYS = "Ctrl+Page Up"
NEXT_KEYS = "Ctrl+Page Down"
CHOOSE: str = QT_TRANSLATE_NOOP("JudgingBar", "— choose —")  # type: ignore[assignment]


class JudgingBar(QFrame):
    submit_requested = Signal(object, str)  # Choice, reason
    previous_requested = Signal()
    next_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgingBar")
        self._choices: list[Choice] = []

        self.reference_label = QLabel()
        self.reference_label.setObjectName("referenceLabel")
        self.reference_label.setWordWrap(True)
        self.reference_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.reference_label.setAccessibleName(self.tr("Reference answer"))
        self.reference_label.hide()

        self.previous_button = QPushButton(self.tr("◀ Previous item"))
        self.previous_button.setToolTip(PREVIOUS_KEYS)
        self.previous_button.setAccessibleName(self.tr("Previous item"))
        self.previous_button.setAccessibleDescription(
            self.tr("Show the item before this one (Ctrl+Page Up)")
        )
        self.previous_button.clicked.connect(self.previous_requested)
        self.item_label = QLabel()
        self.item_label.setObjectName("itemLabel")
        self.next_button = QPushButton(self.tr("Next item ▶"))
        self.next_button.setToolTip(NEXT_KEYS)
        self.next_button.setAccessibleName(self.tr("Next item"))
        self.next_button.setAccessibleDescription(
            self.tr("Show the next item, or start a new question after the last (Ctrl+Page Down)")
        )
        self.next_button.clicked.connect(self.next_requested)
        self.legend_label = QLabel(legend_html())
        self.legend_label.setObjectName("legendLabel")
        # The key is long: it wraps onto a second line rather than widening the window.
        self.legend_label.setWordWrap(True)
        self.legend_label.setAccessibleName(self.tr("Mark colours"))
        self.legend_label.setAccessibleDescription(
            self.tr("Keys 1 to 6 mark a kind of error; m and Shift+M set Minor or Major")
        )

        self.choice_box = QComboBox()
        self.choice_box.setObjectName("choiceBox")
        # As wide as a usual choice; a long model name shows whole in the open list instead of
        # widening the window.
        self.choice_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.choice_box.setMinimumContentsLength(22)
        self.choice_box.setAccessibleName(self.tr("Preferred answer"))
        self.choice_box.setAccessibleDescription(
            self.tr("Which answer is better overall: one of them, a tie, or all bad (Ctrl+J)")
        )
        prefer_label = QLabel(self.tr("&Which answer is better?"))
        prefer_label.setBuddy(self.choice_box)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("Why? (optional)"))
        self.reason_edit.setAccessibleName(self.tr("Reason for the verdict"))
        self.reason_edit.setAccessibleDescription(self.tr("Optional; Enter submits the verdict"))
        self.reason_edit.returnPressed.connect(self._submit)
        self.submit_button = QPushButton(self.tr("&Submit verdict"))
        self.submit_button.setObjectName("submitButton")
        self.submit_button.setAccessibleName(self.tr("Submit verdict"))
        self.submit_button.setAccessibleDescription(
            self.tr(
                "Save your verdict for this item; a blind item then shows who wrote each answer"
            )
        )
        self.submit_button.clicked.connect(self._submit)
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.setTextFormat(Qt.TextFormat.PlainText)

        navigation = QHBoxLayout()
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.item_label)
        navigation.addWidget(self.next_button)
        navigation.addSpacing(16)
        navigation.addWidget(self.legend_label, 1)
        verdict = QHBoxLayout()
        verdict.addWidget(prefer_label)
        verdict.addWidget(self.choice_box)
        verdict.addWidget(self.reason_edit, 1)
        verdict.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.reference_label)
        layout.addLayout(verdict)
        layout.addWidget(self.verdict_label)
        layout.addLayout(navigation)

    # -- what the window tells it ----------------------------------------------------------------

    def set_choices(self, choices: list[Choice]) -> None:
        previous = self.choice_box.currentIndex()
        self._choices = list(choices)
        self.choice_box.clear()
        self.choice_box.addItem(self.tr(CHOOSE))
        for choice in choices:
            self.choice_box.addItem(choice.label)
        if 0 <= previous <= len(choices):
            self.choice_box.setCurrentIndex(previous)

    def show_verdict(self, verdict: dict[str, Any] | None, message: str = "") -> None:
        """Fill in a saved verdict (or clear the form) and say where the item stands."""
        self.choice_box.setCurrentIndex(0)
        self.reason_edit.clear()
        if verdict is not None:
            for index, choice in enumerate(self._choices, start=1):
                same_answer = choice.response_id == verdict.get("preferred_response_id")
                if choice.preferred == verdict["preferred"] and (
                    choice.preferred != "answer" or same_answer
                ):
                    self.choice_box.setCurrentIndex(index)
            reason = verdict.get("reason") or ""
            self.reason_edit.setText(reason)
        self.verdict_label.setText(message)
        self.verdict_label.setVisible(bool(message))

    def set_enabled_for_item(self, enabled: bool) -> None:
        for widget in (self.choice_box, self.reason_edit, self.submit_button):
            widget.setEnabled(enabled)

    def set_reference(
        self,
        state: str,
        text: str = "",
        source: str = "",
        accepted: Sequence[str] = (),
        wrong: Sequence[str] = (),
    ) -> None:
        """state: none, hidden (phase 1) or shown (phase 2). With the reference come the other
        forms the check accepts and the answers the set calls wrong (TruthfulQA's), all in
        phase 2 only: phase 1 is judged unaided."""
        if state == "hidden":
            self.reference_label.setText(
                self.tr(
                    "<b>This item has a reference answer.</b> It stays hidden until you submit "
                    "your first verdict; then you may revise your marks and verdict."
                )
            )
        elif state == "shown":
            source_html = (
                " " + self.tr("<i>Source: {source}</i>").format(source=escaped(source))
                if source
                else ""
            )
            accepted_html = (
                "<br>"
                + self.tr("<b>Also accepted:</b> {answers}").format(
                    answers=escaped("; ".join(accepted))
                )
                if accepted
                else ""
            )
            wrong_html = (
                "<br>"
                + self.tr("<b>Known to be wrong</b> (listed by the set): {answers}").format(
                    answers=escaped("; ".join(wrong))
                )
                if wrong
                else ""
            )
            revise = self.tr(
                "<b>Reference answer:</b> {reference}{source} — revise your marks and verdict "
                "if needed, then submit again."
            )
            self.reference_label.setText(
                revise.format(reference=escaped(text), source=source_html)
                + accepted_html
                + wrong_html
            )
        self.reference_label.setProperty("revealed", state == "shown")
        self.reference_label.style().unpolish(self.reference_label)
        self.reference_label.style().polish(self.reference_label)
        self.reference_label.setVisible(state != "none")
        self.reference_label.setAccessibleDescription(self.reference_label.text())

    def set_navigation(self, position: int, count: int) -> None:
        """position counts from 1; position count + 1 is a new item not yet asked."""
        locale = QLocale()
        if position > count:
            self.item_label.setText(
                self.tr("New item ({count} so far)").format(count=locale.toString(count))
            )
        else:
            self.item_label.setText(
                self.tr("Item {position} of {count}").format(
                    position=locale.toString(position), count=locale.toString(count)
                )
            )
        self.item_label.setAccessibleName(self.item_label.text())
        self.previous_button.setEnabled(position > 1)
        self.next_button.setEnabled(position <= count)

    def focus_chain(self) -> list[QWidget]:
        """The bar's controls in the order Tab should visit them."""
        return [
            self.choice_box,
            self.reason_edit,
            self.submit_button,
            self.previous_button,
            self.next_button,
        ]

    def focus_verdict(self) -> None:
        self.choice_box.setFocus()

    # -- user input --------------------------------------------------------------------------------

    def _submit(self) -> None:
        index = self.choice_box.currentIndex()
        choice = self._choices[index - 1] if 1 <= index <= len(self._choices) else None
        self.submit_requested.emit(choice, self.reason_edit.text().strip())
