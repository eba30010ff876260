"""Annotation actions on the item on screen: marks and whole-answer judgements, with undo.

Every action is a command on a QUndoStack: doing, undoing and redoing it each change the screen
at once and queue one write to the database (all of the action's rows in one transaction), so
what is on screen is always what is saved. Undo reaches back to when the item, or its phase,
was shown: a verdict reveals things that can't be unseen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark
from imitation_lens.core.judging.taxonomy import category_of, key_range
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.mark_dialog import MarkDialog
from imitation_lens.ui.slot_column import SlotColumn

Job = Callable[[Store], None]

# Translated where shown.
# cast: QT_TRANSLATE_NOOP returns its text, typed as object.
JUDGEMENT_WORDS = cast(
    dict[str, str],
    {
        "checked_clean": QT_TRANSLATE_NOOP("Annotator", "checked, no errors found"),
        "off_topic": QT_TRANSLATE_NOOP("Annotator", "misses the question"),
        "critical": QT_TRANSLATE_NOOP("Annotator", "wrong as a whole"),
    },
)


class _Command(QUndoCommand):
    def __init__(
        self,
        text: str,
        do: Callable[[], None],
        undo: Callable[[], None],
        tell: Callable[[str], None],
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo = undo
        self._tell = tell  # says what Ctrl+Z / Ctrl+Shift+Z did, over the action's own message
        self._done = False

    def redo(self) -> None:
        self._do()
        if self._done:  # not the first time: that is the action itself, which says its own
            self._tell(
                QCoreApplication.translate("Annotator", "Redone: {action}.").format(
                    action=self.text()
                )
            )
        self._done = True

    def undo(self) -> None:
        self._undo()
        self._tell(
            QCoreApplication.translate(
                "Annotator", "Undone: {action}. Ctrl+Shift+Z redoes it."
            ).format(action=self.text())
        )


class Annotator(QObject):
    saved = Signal(str)  # an action's description, once its rows are on disk
    message = Signal(str)
    verdict_requested = Signal()
    help_requested = Signal()

    def __init__(self, writer: GuiWriter, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self.writer = writer
        self.dialog_parent = dialog_parent
        self.undo_stack = QUndoStack(self)
        self.item_id: str | None = None
        self.phase = 1
        self.dialog: MarkDialog | None = None
        self._frozen = ""  # why annotations are paused, if they are

    def set_item(self, item_id: str | None, phase: int) -> None:
        self.item_id = item_id
        self.phase = phase
        self._frozen = ""
        self.undo_stack.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def freeze(self, reason: str) -> None:
        """Pause annotating (a verdict is being saved and may move the item to its next phase)."""
        self._frozen = reason
        self.undo_stack.clear()
        if self.dialog is not None:
            self.dialog.reject()

    def thaw(self) -> None:
        self._frozen = ""

    # -- dispatch ----------------------------------------------------------------------------------

    def handle(self, column: SlotColumn, action: str) -> None:
        if action == "verdict":
            self.verdict_requested.emit()
            return
        if action == "help":
            self.help_requested.emit()
            return
        if action == "no_marks":
            self.message.emit(self.tr("This answer has no marks yet."))
            return
        try:
            self._annotate(column, action)
        finally:
            column.set_judgement(column.judgement)  # a refused click must not leave a tick

    def _annotate(self, column: SlotColumn, action: str) -> None:
        kind, _, value = action.partition(":")
        whole_answer = kind in ("clean", "off_topic", "critical")
        if self._frozen:
            self.message.emit(self._frozen)
            return
        if column.response_id is None or self.item_id is None:
            self.message.emit(self.tr("There is no answer here to judge yet."))
            return
        if not column.is_final:
            self.message.emit(
                self.tr("This answer is still being written. Mark it when it has finished.")
            )
            return
        if not column.answer.text and not whole_answer:  # a failed answer can still be judged
            self.message.emit(self.tr("This answer has no text to mark."))
            return
        if kind == "category":
            self.mark_category(column, value)
        elif kind == "severity":
            self._change_current(column, severity=value)
        elif kind == "unsure":
            current = column.answer.current_mark()
            if current is None:
                self._no_current_mark()
            else:
                self._change_current(column, unsure=not current.unsure)
        elif kind == "edit":
            self.edit(column)
        elif kind == "delete":
            self.delete_current(column)
        elif whole_answer:
            self.toggle_judgement(column, "checked_clean" if kind == "clean" else kind)

    # -- marks -------------------------------------------------------------------------------------

    def _selected_new_span(self, column: SlotColumn) -> tuple[int, int] | None:
        """The selection, unless it is empty or is exactly the current mark."""
        start, end = column.answer.selection()
        if start >= end:
            return None
        current = column.answer.current_mark()
        if current is not None and (current.start, current.end) == (start, end):
            return None
        return start, end

    def _new_mark(self, column: SlotColumn, start: int, end: int, category: str) -> Mark:
        assert column.response_id is not None
        return Mark(
            id=new_id(),
            response_id=column.response_id,
            start=start,
            end=end,
            quote=column.answer.text[start:end],
            category=category,
            phase=self.phase,
        )

    def mark_category(self, column: SlotColumn, code: str) -> None:
        span = self._selected_new_span(column)
        category = category_of(code)
        if span is not None:
            mark = self._new_mark(column, *span, code)
            if category is not None and category.needs_note:
                self._open_dialog(column, mark, is_new=True)
            else:
                self.add_mark(column, mark)
            return
        current = column.answer.current_mark()
        if current is None:
            self.message.emit(
                self.tr(
                    "Select the wrong words first (Shift+arrow keys, or drag with the mouse), "
                    "then press {keys} for the kind of error."
                ).format(keys=key_range())
            )
        elif category is not None and category.needs_note and not current.note:
            self._open_dialog(column, current.with_changes(category=code), is_new=False)
        else:
            self._change_current(column, category=code)

    def add_mark(self, column: SlotColumn, mark: Mark) -> None:
        before = column.judgement
        after = replace(before, checked_clean=False)  # a marked answer is not clean
        inserted = False

        def do() -> None:
            nonlocal inserted
            column.answer.put_mark(mark)
            column.set_judgement(after)
            job: Job = (
                (lambda store: notes.restore_mark(store, mark.id))
                if inserted
                else (lambda store: notes.insert_mark(store, mark))
            )
            inserted = True
            self._write(text, job, *judgement_jobs(after))

        def undo() -> None:
            column.answer.remove_mark(mark.id)
            column.set_judgement(before)
            self._write(
                self._undo_words(text),
                lambda store: notes.delete_mark(store, mark.id),
                *judgement_jobs(before),
            )

        def judgement_jobs(judgement: Judgement) -> list[Job]:
            return [self._judgement_job(judgement)] if before != after else []

        text = self.tr("mark “{quote}” as {mark}").format(
            quote=_short(mark.quote), mark=mark.describe()
        )
        self.undo_stack.push(_Command(text, do, undo, self.message.emit))
        self.message.emit(
            self.tr(
                "Marked “{quote}”: {mark}. m/M severity · E edit · Del delete · Ctrl+Z undo"
            ).format(quote=_short(mark.quote), mark=mark.describe())
        )

    def _change_current(self, column: SlotColumn, **changes: object) -> None:
        current = column.answer.current_mark()
        if current is None:
            self._no_current_mark()
            return
        self.update_mark(column, current, current.with_changes(**changes))

    def update_mark(self, column: SlotColumn, before: Mark, after: Mark) -> None:
        if before == after:
            return
        problem = notes.mark_problem(after)
        if problem:
            self.message.emit(problem)
            return

        def show(mark: Mark, description: str) -> None:
            column.answer.put_mark(mark)
            self._write(description, lambda store: notes.update_mark(store, mark))

        text = self.tr("change mark “{quote}” to {mark}").format(
            quote=_short(after.quote), mark=after.describe()
        )
        self.undo_stack.push(
            _Command(
                text,
                lambda: show(after, text),
                lambda: show(before, self._undo_words(text)),
                self.message.emit,
            )
        )
        self.message.emit(
            self.tr("Mark “{quote}”: {mark}").format(
                quote=_short(after.quote), mark=after.describe()
            )
        )

    def delete_current(self, column: SlotColumn) -> None:
        current = column.answer.current_mark()
        if current is None:
            self.message.emit(
                self.tr(
                    "There is no mark at the cursor. Move onto a mark ([ and ] jump between "
                    "marks), then press Delete."
                )
            )
            return
        self.delete_mark(column, current)

    def delete_mark(self, column: SlotColumn, mark: Mark) -> None:
        def do() -> None:
            column.answer.remove_mark(mark.id)
            self._write(text, lambda store: notes.delete_mark(store, mark.id))

        def undo() -> None:
            column.answer.put_mark(mark)
            self._write(self._undo_words(text), lambda store: notes.restore_mark(store, mark.id))

        text = self.tr("delete mark “{quote}”").format(quote=_short(mark.quote))
        self.undo_stack.push(_Command(text, do, undo, self.message.emit))
        self.message.emit(
            self.tr("Deleted the mark on “{quote}” (Ctrl+Z brings it back).").format(
                quote=_short(mark.quote)
            )
        )

    def edit(self, column: SlotColumn) -> None:
        span = self._selected_new_span(column)
        if span is not None:
            self._open_dialog(column, self._new_mark(column, *span, "wrong_claim"), is_new=True)
            return
        current = column.answer.current_mark()
        if current is None:
            self.message.emit(
                self.tr(
                    "Select the wrong words first, or move onto a mark ([ and ]), then press E."
                )
            )
            return
        self._open_dialog(column, current, is_new=False)

    def _open_dialog(self, column: SlotColumn, mark: Mark, is_new: bool) -> None:
        if self.dialog is not None:
            return
        original = column.answer.mark(mark.id)
        dialog = MarkDialog(mark, is_new, self.dialog_parent)
        self.dialog = dialog

        def accepted() -> None:
            result = dialog.result_mark()
            if is_new:
                self.add_mark(column, result)
            elif original is not None:
                self.update_mark(column, original, result)

        def delete(mark_id: str) -> None:
            existing = column.answer.mark(mark_id)
            if existing is not None:
                self.delete_mark(column, existing)

        def finished() -> None:
            self.dialog = None
            dialog.deleteLater()
            column.answer.window().activateWindow()  # back where the evaluator was
            column.answer.setFocus()

        dialog.accepted.connect(accepted)
        dialog.delete_requested.connect(delete)
        dialog.finished.connect(finished)
        dialog.open()
        category = category_of(mark.category)
        if category is not None and category.needs_note and not mark.note:
            dialog.note_edit.setFocus()
        else:
            dialog.category_box.setFocus()

    def _no_current_mark(self) -> None:
        self.message.emit(
            self.tr(
                "Put the cursor on a mark first ([ and ] jump between marks), or select words and "
                "press {keys} to make one."
            ).format(keys=key_range())
        )

    # -- whole-answer judgements -----------------------------------------------------------------

    def toggle_judgement(self, column: SlotColumn, field: str) -> None:
        before = column.judgement
        value = not getattr(before, field)
        if field == "checked_clean" and value and column.answer.marks:
            self.message.emit(
                self.tr(
                    "This answer has marks, so it can't be checked as free of errors. "
                    "Delete its marks first."
                )
            )
            return
        changes: dict[str, Any] = {field: value}
        after = replace(before, **changes)
        # "No errors found" and "wrong as a whole" exclude each other.
        if field == "checked_clean" and value:
            after = replace(after, critical=False)
        if field == "critical" and value:
            after = replace(after, checked_clean=False)

        def show(judgement: Judgement, description: str) -> None:
            column.set_judgement(judgement)
            self._write(description, self._judgement_job(judgement))

        words = self.tr(JUDGEMENT_WORDS[field])
        name = column.display_name
        text = (
            self.tr("set “{what}” on {name}").format(what=words, name=name)
            if value
            else self.tr("clear “{what}” on {name}").format(what=words, name=name)
        )
        self.undo_stack.push(
            _Command(
                text,
                lambda: show(after, text),
                lambda: show(before, self._undo_words(text)),
                self.message.emit,
            )
        )
        said = (
            self.tr("{name}: {what} — yes.") if value else self.tr("{name}: {what} — no.")
        ).format(name=name, what=words)
        self.message.emit(said)

    def _undo_words(self, action: str) -> str:
        return self.tr("Undo {action}").format(action=action)

    def _judgement_job(self, judgement: Judgement) -> Job:
        item_id = self.item_id
        assert item_id is not None
        return lambda store: notes.save_judgement(store, item_id, judgement)

    # -- writing ---------------------------------------------------------------------------------

    def _write(self, description: str, *jobs: Job) -> None:
        self.writer.call(
            lambda store: notes.save_together(store, jobs), lambda _: self.saved.emit(description)
        )


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
