"""Which item is on screen, moving between items, and the verdict that moves an item on.

An item is shown in its stored order (shuffled in a blind session) with the judging bar set for
its phase. Replies from the writer for a view the evaluator has already left are dropped.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import QDateTime, QLocale, QObject, Signal
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QSplitter, QWidget

from imitation_lens.core.batches.queued import PENDING
from imitation_lens.core.housekeeping.fault_log import shown_fault
from imitation_lens.core.housekeeping.unexpected import storage_fault
from imitation_lens.core.judging.annotations import Verdict, item_state, submit_verdict
from imitation_lens.core.running.events import utc_now
from imitation_lens.ui.annotator import Annotator
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.judging_bar import Choice, JudgingBar
from imitation_lens.ui.slot_column import SlotColumn


class ItemHost(Protocol):
    """What the item flow needs from the window."""

    columns: list[SlotColumn]
    blind: bool
    writer: GuiWriter
    annotator: Annotator
    judging_bar: JudgingBar
    prompt_edit: QPlainTextEdit
    source_edit: QLineEdit
    splitter: QSplitter

    def say(self, message: str) -> None: ...


class ItemFlow(QObject):
    item_shown = Signal(str)  # an item (by id) is on screen with its annotations
    verdict_saved = Signal(str)  # item id

    def __init__(self, host: ItemHost, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.item_ids: list[str] = []  # the session's items, in order
        self.item: dict[str, Any] | None = None  # the item on screen; None for a new question
        self._view = 0  # which view is current (see new_view)

    # -- items -----------------------------------------------------------------------------------

    def columns_in_order(self) -> list[SlotColumn]:
        """The columns as shown, left to right."""
        return sorted(self.host.columns, key=lambda column: column.position)

    def present(self, item: dict[str, Any] | None) -> None:
        """Arrange the columns and the judging bar for an item (None: a new question)."""
        self.item = item
        order = list(range(len(self.host.columns)))
        if item is not None and item.get("shown_order"):
            saved = [i for i in item["shown_order"] if i < len(self.host.columns)]
            order = saved + [i for i in order if i not in saved]
        # A new question in a blind session is as hidden as an asked one: its columns would
        # otherwise name their models until the first Run, in an order the answers then leave.
        revealed = item is not None and bool(item.get("revealed_at"))
        for position, index in enumerate(order):
            column = self.host.columns[index]
            column.set_presentation(position + 1, self.host.blind, revealed or not self.host.blind)
        self._arrange_columns(order)
        phase = int(item["phase"]) if item is not None else 1
        self.host.annotator.set_item(item["id"] if item else None, phase)
        bar = self.host.judging_bar
        choices = [
            Choice(column.display_name, "answer", column.response_id, column.position)
            for column in self.columns_in_order()
            if column.response_id is not None
        ]
        bar.set_choices(
            [
                *choices,
                Choice(self.tr("Tie: equally good"), "tie"),
                Choice(self.tr("All bad"), "all_bad"),
            ]
        )
        if item is None:
            bar.set_reference("none")
            bar.show_verdict(None)
            bar.set_enabled_for_item(False)
        else:
            has_reference = bool(item.get("reference"))
            reference_state = "none" if not has_reference else ("shown" if phase == 2 else "hidden")
            bar.set_reference(
                reference_state,
                item["reference"],
                item.get("reference_source", ""),
                [str(a) for a in item.get("aliases") or []],
                [str(a) for a in item.get("incorrect_answers") or []],
            )
            verdict = item["verdicts"].get(phase)
            unshown = [
                r for r in item.get("responses", []) if r["slot_index"] >= len(self.host.columns)
            ]
            waiting = bool(item.get("batch_id")) and any(
                r["status"] in PENDING for r in item.get("responses", [])
            )
            if unshown:
                # A verdict over some of the answers would misstate the comparison.
                bar.show_verdict(
                    verdict,
                    self.tr(
                        "This item has %Ln answers but the lineup shows {columns}, so it can't be "
                        "judged here; its marks and verdict are kept.",
                        "",
                        len(item["responses"]),
                    ).format(columns=QLocale().toString(len(self.host.columns))),
                )
            elif waiting:
                bar.show_verdict(
                    verdict,
                    self.tr(
                        "The batch has not written every answer to this question yet; judge it "
                        "once they are in."
                    ),
                )
            else:
                # Phase 2 starts from the phase-1 verdict: revising it, not judging from scratch.
                preset = verdict if verdict is not None or phase != 2 else item["verdicts"].get(1)
                bar.show_verdict(preset, self._verdict_message(item, verdict))
            bar.set_enabled_for_item(not unshown and not waiting)
        count = len(self.item_ids)
        position = count + 1 if item is None else self.item_ids.index(item["id"]) + 1
        bar.set_navigation(position, count)

    def _arrange_columns(self, order: list[int]) -> None:
        """Put the columns in the shown order: on screen, for Tab, and for screen readers."""
        columns = [self.host.columns[index] for index in order]
        if [self.host.splitter.indexOf(c) for c in columns] != list(range(len(columns))):
            focused = QApplication.focusWidget()
            for position, column in enumerate(columns):
                # Re-inserting (not just moving) also puts the accessibility tree in this order.
                column.setParent(None)
                self.host.splitter.insertWidget(position, column)
                column.show()
            if focused is not None and focused.isVisible():
                focused.setFocus()
        chain: list[QWidget] = [self.host.source_edit]
        for column in columns:
            chain.extend(column.focus_chain())
        chain.extend(self.host.judging_bar.focus_chain())
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _verdict_message(self, item: dict[str, Any], verdict: dict[str, Any] | None) -> str:
        if verdict is None:
            if item["phase"] == 2:
                return self.tr(
                    "Phase 2 of 2: the reference is shown. Revise if needed, then submit."
                )
            return ""
        stamp = str(verdict.get("updated_at") or verdict.get("submitted_at") or "")
        if not stamp:
            return self.tr("Verdict saved. Ctrl+Page Down: next item.")
        return self.tr("Verdict saved at {time}. Ctrl+Page Down: next item.").format(
            time=_clock(stamp)
        )

    def display_saved(self, state: dict[str, Any]) -> None:
        by_slot = {r["slot_index"]: r for r in state["responses"]}
        reference_shown = int(state.get("phase") or 1) == 2
        for column in self.host.columns:
            if column.index in by_slot:
                response = by_slot[column.index]
                column.show_response(response, batch_driven=bool(state.get("batch_id")))
                # Shown with the reference, never before: phase 1 is judged unaided.
                column.show_auto_check(
                    response.get("auto_check") if reference_shown else None,
                    str(response.get("auto_check_reason") or ""),
                )
            else:
                column.begin_empty()
        self.host.prompt_edit.setPlainText(state["prompt"])
        self.present(state)
        self.item_shown.emit(state["id"])

    def show_new(self) -> None:
        self.new_view()
        for column in self.host.columns:
            column.begin_empty()
        self.present(None)

    def new_view(self) -> int:
        """Count what the window shows, so a late reply for an earlier view is dropped."""
        self._view += 1
        return self._view

    def _load_item(self, item_id: str, then: Callable[[], None] | None = None) -> None:
        view = self.new_view()

        def loaded(state: dict[str, Any]) -> None:
            if view == self._view and state["id"] in self.item_ids:
                self.display_saved(state)
            if then is not None:
                then()

        def missing(_error: Exception) -> None:  # removed meanwhile (a cancelled batch)
            if then is not None:
                then()

        self.host.writer.call(lambda store: item_state(store, item_id), loaded, missing)

    def reload(self, then: Callable[[], None]) -> None:
        """Show the item on screen again as saved (a batch wrote to it); then call `then`."""
        if self.item is None:
            then()
            return
        self._load_item(self.item["id"], then)

    def show_item(self, item_id: str) -> None:
        if any(c.is_busy for c in self.host.columns):
            self.host.say(
                self.tr("Wait for the answers to finish, or stop them (Esc), before moving on.")
            )
            return
        self._load_item(item_id)

    def next_item(self) -> None:
        if self.item is None:
            return
        position = self.item_ids.index(self.item["id"])
        if position + 1 < len(self.item_ids):
            self.show_item(self.item_ids[position + 1])
            return
        if any(c.is_busy for c in self.host.columns):
            self.host.say(
                self.tr("Wait for the answers to finish, or stop them (Esc), before moving on.")
            )
            return
        self.show_new()
        self.host.prompt_edit.clear()
        self.host.prompt_edit.setFocus()
        self.host.say(self.tr("Type the next question and press Ctrl+Enter."))

    def previous_item(self) -> None:
        if not self.item_ids:
            return
        if self.item is None:
            self.show_item(self.item_ids[-1])
            return
        position = self.item_ids.index(self.item["id"])
        if position > 0:
            self.show_item(self.item_ids[position - 1])

    def focus_answer(self, position: int) -> None:
        columns = self.columns_in_order()
        if position <= len(columns):
            columns[position - 1].answer.setFocus()

    def focus_verdict(self) -> None:
        if self.item is None:
            self.host.say(self.tr("Ask a question first; then choose which answer is better."))
            return
        self.host.judging_bar.focus_verdict()

    # -- verdicts --------------------------------------------------------------------------------

    def submit_verdict(self, choice: Choice | None, reason: str) -> None:
        item = self.item
        if item is None:
            self.host.say(self.tr("Ask a question first; then choose which answer is better."))
            return
        if any(c.is_busy for c in self.host.columns):
            self.host.say(
                self.tr("Wait until every answer has finished (or stop them) before the verdict.")
            )
            return
        if choice is None:
            self.host.say(
                self.tr("Choose which answer is better first (Ctrl+J, then the arrow keys).")
            )
            self.host.judging_bar.focus_verdict()
            return
        verdict = Verdict(
            item_id=item["id"],
            phase=int(item["phase"]),
            preferred=choice.preferred,
            preferred_response_id=choice.response_id,
            preferred_position=choice.position,
            reason=reason,
            shown_order=[c.index for c in self.columns_in_order()],
            blind=self.host.blind,
        )
        self.host.judging_bar.set_enabled_for_item(False)  # until it is saved
        # Marks made now would land in a phase that is about to be copied: wait for the save.
        self.host.annotator.freeze(self.tr("Saving your verdict… marking works again in a moment."))
        self.host.writer.call(
            lambda store: submit_verdict(store, verdict),
            partial(self._on_verdict_saved, verdict),
            self._on_verdict_failed,
        )

    def _on_verdict_saved(self, verdict: Verdict, progress: dict[str, Any]) -> None:
        item_id, phase = verdict.item_id, verdict.phase
        if self.item is None or self.item["id"] != item_id:
            self.verdict_saved.emit(item_id)
            return
        if progress["phase"] != phase:  # the reference is revealed: reload the copied marks
            self._load_item(item_id)
            self.host.say(
                self.tr(
                    "Verdict saved. The reference answer is shown: revise if needed, submit again."
                )
            )
        else:
            newly_revealed = self.host.blind and not self.item.get("revealed_at")
            self.item["revealed_at"] = progress["revealed_at"]
            self.item["verdicts"][phase] = {
                "preferred": verdict.preferred,
                "preferred_response_id": verdict.preferred_response_id,
                "reason": verdict.reason,
                "updated_at": utc_now(),
            }
            self.present(self.item)
            if newly_revealed:
                # The role is the evaluator's own label for the column: shown as it was typed.
                names = ", ".join(
                    self.tr("Answer {position} was {role}").format(position=c.position, role=c.role)
                    for c in self.columns_in_order()
                )
                self.host.say(self.tr("Verdict saved. {names}.").format(names=names))
            else:
                self.host.say(self.tr("Verdict saved. Ctrl+Page Down: next item."))
        self.verdict_saved.emit(item_id)

    def _on_verdict_failed(self, error: Exception) -> None:
        self.host.judging_bar.set_enabled_for_item(self.item is not None)
        self.host.annotator.thaw()
        self.host.say(shown_fault(storage_fault(self.tr("The verdict could not be saved"), error)))


def _clock(stamp: str) -> str:
    """The local time of a stored UTC stamp, as the interface's language writes a time."""
    moment = QDateTime.fromSecsSinceEpoch(int(datetime.fromisoformat(stamp).timestamp()))
    return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
