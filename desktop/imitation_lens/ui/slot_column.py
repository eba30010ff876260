"""One column of the comparison: who answers, what state it is in, and the answer itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from imitation_lens.core.judging.annotations import Judgement, Mark
from imitation_lens.core.judging.blind import identity_clues
from imitation_lens.core.judging.taxonomy import key_range
from imitation_lens.core.running.events import (
    FINAL_STATUSES,
    Event,
    FactsEvent,
    FinishedEvent,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.ui.answer_pane import AnswerPane
from imitation_lens.ui.column_words import (
    STATE_STYLE,
    describe_source,
    model_words,
    speed_words,
    state_words,
)
from imitation_lens.ui.flow_layout import flow_row
from imitation_lens.ui.plain_text import make_plain
from imitation_lens.ui.raw_text import RawTextButton

_FINAL = {status.value for status in FINAL_STATUSES}


class SlotColumn(QFrame):
    stop_requested = Signal(str)  # response id
    settings_requested = Signal()
    action = Signal(str)  # an annotation action asked for in this column (see AnswerPane)

    def __init__(self, index: int, slot: SlotConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.slot = slot
        self.response_id: str | None = None
        self.state: str = "idle"
        self.judgement = Judgement("")
        self.position = index + 1  # where it is shown, counted from 1
        self.blind = False
        self.revealed = True
        self.identity_clues: list[str] = []
        self._error = ""
        self._shown_role = ""  # the role saved with a response from an earlier lineup
        self._shown_note: str | None = None
        self.batch_driven = False  # a batch writes this answer: not this window's to stop
        self.setObjectName("slotColumn")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.role_label = QLabel()
        self.role_label.setObjectName("roleLabel")
        self.state_label = QLabel()
        self.state_label.setObjectName("stateLabel")
        self.speed_label = QLabel()
        self.speed_label.setObjectName("speedLabel")
        self.model_label = QLabel()
        self.model_label.setObjectName("modelLabel")
        self.model_label.setWordWrap(True)
        self.note_label = QLabel()
        self.note_label.setObjectName("noteLabel")
        self.note_label.setWordWrap(True)
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setToolTip(self.tr("Stop this column's answer"))
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setToolTip(self.tr("Choose the model or teacher and its settings"))
        self.settings_button.clicked.connect(self.settings_requested)
        self.mark_button = QPushButton(self.tr("Mark error (E)"))
        self.mark_button.setToolTip(
            self.tr(
                "Select wrong words in the answer, then press {keys} for the kind of error, "
                "or E (or this button) for the full form"
            ).format(keys=key_range())
        )
        self.mark_button.clicked.connect(lambda: self.action.emit("edit"))
        self.identity_label = QLabel()
        self.identity_label.setObjectName("identityLabel")
        self.identity_label.setWordWrap(True)
        self.identity_label.hide()
        make_plain(self.role_label, self.model_label, self.note_label, self.identity_label)
        self.clean_box = QCheckBox(self.tr("Checked: no errors (C)"))
        self.clean_box.setToolTip(self.tr("You checked this answer and found no factual errors"))
        self.clean_box.clicked.connect(lambda: self.action.emit("clean"))
        self.off_topic_box = QCheckBox(self.tr("Misses the question (O)"))
        self.off_topic_box.setToolTip(self.tr("The answer does not answer what was asked"))
        self.off_topic_box.clicked.connect(lambda: self.action.emit("off_topic"))
        self.critical_box = QCheckBox(self.tr("Wrong as a whole (X)"))
        self.critical_box.setToolTip(
            self.tr("Critical: the answer is wrong as a whole (weight 25)")
        )
        self.critical_box.clicked.connect(lambda: self.action.emit("critical"))
        self.marks_label = QLabel()
        self.marks_label.setObjectName("marksLabel")
        self.check_label = QLabel()
        self.check_label.setObjectName("checkLabel")
        self.check_label.setWordWrap(True)
        self.check_label.hide()
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        make_plain(self.error_label, self.marks_label, self.check_label, self.state_label)
        self.answer = AnswerPane()
        self.answer.action.connect(self.action)
        self.answer.marks_changed.connect(self._show_marks_summary)
        self.raw_button = RawTextButton()  # one switch for all answers (ui.raw_text)

        top = QHBoxLayout()
        top.addWidget(self.role_label)
        top.addStretch(1)
        top.addWidget(self.state_label)
        # Rows that wrap: the column is as narrow as readable, not as wide as its longest row.
        buttons = flow_row(
            self.speed_label,
            self.raw_button,
            self.mark_button,
            self.stop_button,
            self.settings_button,
        )
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.model_label)
        layout.addWidget(self.note_label)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(self.identity_label)
        layout.addWidget(self.answer, 1)
        layout.addLayout(flow_row(self.clean_box, self.off_topic_box, self.critical_box))
        layout.addWidget(self.marks_label)
        layout.addWidget(self.check_label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        # Readable lines: four columns fit a laptop screen, more scroll sideways in the window.
        self.setMinimumWidth(50 * self.fontMetrics().averageCharWidth())
        self.set_slot(slot)
        self._set_state("idle")

    # -- configuration ---------------------------------------------------------------------------

    def set_slot(self, slot: SlotConfig) -> None:
        self.slot = slot
        self.model_label.setText(describe_source(slot))
        self.note_label.setText(slot.note)
        self._present()

    def set_presentation(self, position: int, blind: bool, revealed: bool) -> None:
        """Where the column is shown and whether its identity is hidden (blind, before the verdict)."""
        self.position = position
        self.blind = blind
        self.revealed = revealed
        self._present()

    @property
    def hidden(self) -> bool:
        return self.blind and not self.revealed

    @property
    def role(self) -> str:
        """Who wrote the answer on screen: the role saved with it, else the slot's."""
        return self._shown_role or self.slot.role

    @property
    def display_name(self) -> str:
        if not self.blind:
            return self.role
        if self.hidden:
            return self.tr("Answer {position}").format(position=self.position)
        return self.tr("Answer {position} · {role}").format(position=self.position, role=self.role)

    def focus_chain(self) -> list[QWidget]:
        """The column's controls in the order Tab should visit them."""
        return [
            self.answer,
            self.clean_box,
            self.off_topic_box,
            self.critical_box,
            self.mark_button,
            self.stop_button,
            self.settings_button,
        ]

    def _present(self) -> None:
        name = self.display_name
        self.role_label.setText(name)
        for widget in (self.model_label, self.speed_label, self.settings_button):
            widget.setVisible(not self.hidden)
        note = self.slot.note if self._shown_note is None else self._shown_note
        self.note_label.setText(note)
        self.note_label.setVisible(bool(note) and not self.hidden)
        self._show_error(self._error)
        self._show_identity_clues()
        self.answer.setAccessibleName(self.tr("{name} answer").format(name=name))
        self.answer.setAccessibleDescription(
            self.tr(
                "The answer text. Select wrong words with Shift and the arrow keys, press {keys} "
                "for the kind of error, m or Shift+M for its severity. F1 lists every key."
            ).format(keys=key_range())
        )
        self.stop_button.setAccessibleName(self.tr("Stop {name}").format(name=name))
        self.stop_button.setAccessibleDescription(self.tr("Stop writing this answer"))
        self.settings_button.setAccessibleName(self.tr("{name} settings").format(name=name))
        self.settings_button.setAccessibleDescription(
            self.tr("Choose the model or API for this column")
        )
        self.mark_button.setAccessibleName(self.tr("Mark an error in {name}").format(name=name))
        self.mark_button.setAccessibleDescription(
            self.tr("Open the form for the selected words or mark")
        )
        for box, description in (
            (self.clean_box, self.tr("You checked this answer and found no factual errors")),
            (self.off_topic_box, self.tr("The answer does not answer the question")),
            (self.critical_box, self.tr("Critical: the answer is wrong as a whole")),
        ):
            box.setAccessibleName(
                self.tr("{name}: {what}").format(name=name, what=box.text().replace("&", ""))
            )
            box.setAccessibleDescription(description)
        self.state_label.setAccessibleName(
            self.tr("{name} state: {state}").format(name=name, state=self.state_label.text())
        )

    # -- one answer ------------------------------------------------------------------------------

    def begin(self, response_id: str) -> None:
        """Clear the column for a new answer, queued to be written."""
        self._clear(response_id, Status.QUEUED)

    def begin_empty(self) -> None:
        """Clear the column with no answer in it (a new session)."""
        self._clear(None, "idle")

    def _clear(self, response_id: str | None, state: str) -> None:
        self.response_id = response_id
        self.batch_driven = False
        self.show_auto_check(None)
        self.answer.set_text("")
        self.answer.set_marks([])
        self.set_judgement(Judgement(response_id or ""))
        self.identity_clues = []
        self._show_error("")
        self._show_identity_clues()
        self.speed_label.setText("")
        self.model_label.setText(describe_source(self.slot))
        self.model_label.setToolTip("")
        self._shown_role = ""
        self._shown_note = None
        self._present()
        self._set_state(state)

    def show_response(self, response: dict[str, Any], batch_driven: bool = False) -> None:
        """Show a saved answer with this phase's marks and judgement."""
        self.response_id = response["id"]
        self.batch_driven = batch_driven
        self.answer.set_text(response.get("text") or "")
        self.answer.set_marks(list(response.get("marks", [])))
        self.set_judgement(response.get("judgement") or Judgement(response["id"]))
        self.identity_clues = list(response.get("identity_clues") or [])
        self._shown_role = response.get("role") or ""
        extra = response.get("extra") or {}
        self._shown_note = extra.get("replay_note") or response.get("note") or ""
        self.model_label.setText("")
        self.model_label.setToolTip("")
        self.speed_label.setText("")
        self._present()
        self._show_facts(response)
        self._show_speed(response.get("tokens_per_second"), response.get("tokens_out"))
        self._show_error(response.get("error") or "")
        self._show_identity_clues()
        self._set_state(Status(response["status"]))

    def set_judgement(self, judgement: Judgement) -> None:
        self.judgement = judgement
        self.clean_box.setChecked(judgement.checked_clean)
        self.off_topic_box.setChecked(judgement.off_topic)
        self.critical_box.setChecked(judgement.critical)
        self._show_marks_summary()

    def _show_marks_summary(self) -> None:
        marks: list[Mark] = self.answer.marks
        parts = []
        if marks:
            major = sum(1 for m in marks if m.severity == "major")
            parts.append(self._marks_words(len(marks), major))
        elif self.judgement.checked_clean:
            parts.append(self.tr("Checked: no errors found"))
        self.marks_label.setText(" · ".join(parts))

    def _marks_words(self, count: int, major: int) -> str:
        locale = QLocale()
        numbers = {"major": locale.toString(major), "minor": locale.toString(count - major)}
        # Two source texts, so English reads "1 mark" / "2 marks" without a catalogue.
        if count == 1:
            return self.tr("%n mark ({major} Major, {minor} Minor)", "", count).format(**numbers)
        return self.tr("%n marks ({major} Major, {minor} Minor)", "", count).format(**numbers)

    def apply(self, event: Event) -> None:
        if event.response_id != self.response_id or self.is_final:
            return
        if isinstance(event, StateEvent):
            if self.state != "stopping":
                self._set_state(event.status)
        elif isinstance(event, FactsEvent):
            self._show_facts(event.facts)
        elif isinstance(event, TextEvent):
            self.answer.append_text(event.text)
            self._show_speed(event.tokens_per_second, event.tokens_out)
        elif isinstance(event, FinishedEvent):
            self.answer.finish(event.text)
            self._show_speed(event.facts.get("tokens_per_second"), event.facts.get("tokens_out"))
            self._show_error(event.error)
            self.identity_clues = identity_clues(event.text)
            self._show_identity_clues()
            self._set_state(event.status)

    @property
    def is_final(self) -> bool:
        return self.state in _FINAL

    @property
    def is_busy(self) -> bool:
        """Writing an answer this window started (a batch's answers are the batch's)."""
        return self.state != "idle" and not self.is_final and not self.batch_driven

    def show_auto_check(self, correct: bool | None, reason: str = "") -> None:
        """The automatic check against the reference (None: not shown), apart from the marks;
        `reason` says why in plain words ("offers both Sydney and Canberra")."""
        if correct is None:
            self.check_label.hide()
            return
        if correct:
            text = self.tr("✓ Automatic check: correct")
        else:
            text = self.tr("✗ Automatic check: not counted as correct")
        if reason:  # the check's own words (core)
            text = self.tr("{check} ({reason})").format(check=text, reason=reason)
        self.check_label.setText(text)
        self.check_label.setProperty("correct", correct)
        self.check_label.style().unpolish(self.check_label)
        self.check_label.style().polish(self.check_label)
        self.check_label.setAccessibleName(
            self.tr("{name}: {what}").format(name=self.display_name, what=text)
        )
        self.check_label.show()

    def _on_stop_clicked(self) -> None:
        if self.response_id is not None and self.is_busy:
            self.stop_requested.emit(self.response_id)

    def show_stopping(self) -> None:
        self._set_state("stopping")

    def finish_locally(self, status: Status, message: str = "") -> None:
        """End the answer on screen now (a stop before any text, or a worker that is gone)."""
        self.answer.finish(self.answer.text)
        self._show_error(message)
        self._set_state(status)

    # -- drawing ---------------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        self.state = state
        # Only local models load; in a blind column that would tell them from an API.
        shown = Status.QUEUED if state == Status.LOADING and self.hidden else state
        _, background, colour = STATE_STYLE[shown]
        label = state_words(shown)
        self.state_label.setText(label)
        self.state_label.setStyleSheet(
            f"background:{background}; color:{colour}; border-radius:8px; padding:2px 8px;"
        )
        self.state_label.setAccessibleName(
            self.tr("{name} state: {state}").format(name=self.display_name, state=label)
        )
        stoppable = self.is_busy and state != "stopping"
        if not stoppable and self.stop_button.hasFocus():
            # A disabled button hands focus on to the next control (Settings…): keep it here.
            self.answer.setFocus()
        self.stop_button.setEnabled(stoppable)

    def _show_facts(self, facts: dict[str, Any]) -> None:
        if facts.get("replay_note"):  # a recorded teacher answer stands in: say so, with its date
            self._shown_note = str(facts["replay_note"])
            self._present()
        model = model_words(facts)
        if model is not None:
            text, tip = model
            self.model_label.setText(text)
            if tip is not None:
                self.model_label.setToolTip(tip)

    def _show_speed(self, tokens_per_second: float | None, tokens_out: int | None) -> None:
        text = speed_words(tokens_per_second, tokens_out)
        if text:
            self.speed_label.setText(text)

    def _show_error(self, message: str) -> None:
        self._error = message
        if message and self.hidden:  # the message could name the model or its address
            message = self.tr(
                "This answer could not be produced. The reason is shown after your verdict."
            )
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))

    def _show_identity_clues(self) -> None:
        clues = self.identity_clues if self.blind else []
        quoted = ", ".join(self.tr("“{clue}”").format(clue=clue) for clue in clues[:3])
        self.identity_label.setText(
            self.tr(
                "This answer may give away which model wrote it ({clues}); it is flagged in the "
                "data."
            ).format(clues=quoted)
            if clues
            else ""
        )
        self.identity_label.setVisible(bool(clues))
