"""The annotation workbench driven like an evaluator would: keyboard first, database checked."""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from conftest import FAST, close_window, local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.spans import display_text
from imitation_lens.core.running.lineup import Server, SlotConfig

PROMPT = "What is the capital of Australia?"
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
# Emoji outside the BMP, a flag (two code points) and "\r\n" line breaks, in uneven pieces.
SCRIPTED = "Canberra 🇦🇺 is\r\nthe capital.\r\nIt was founded in 1913 😀 by the Romans."
PIECES = [SCRIPTED[i : i + 3] for i in range(0, len(SCRIPTED), 3)]


def rows(paths: DataPaths, sql: str, *params: Any) -> list[dict[str, Any]]:
    connection = sqlite3.connect(paths.database)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql, params)]
    finally:
        connection.close()


def scripted_slot(url: str, role: str = "Teacher") -> SlotConfig:
    return SlotConfig(role=role, source=Server(url, "scripted", ""), params=FAST)


def run(qtbot: Any, window: Any, prompt: str = PROMPT) -> None:
    window.prompt_edit.setPlainText(prompt)
    window.run_prompt()
    wait_idle(qtbot, window)


def press(qtbot: Any, window: Any, widget: QWidget, key: Qt.Key, modifiers: Any = None) -> str:
    """Press a key that saves an annotation; wait until it is on disk; return its description."""
    with qtbot.waitSignal(window.annotator.saved, timeout=5000) as saved:
        if modifiers is None:
            qtbot.keyClick(widget, key)
        else:
            qtbot.keyClick(widget, key, modifiers)
    return str(saved.args[0])


def select_first_chars(qtbot: Any, answer: Any, count: int) -> None:
    qtbot.keyClick(answer, Qt.Key.Key_Home, CTRL)
    for _ in range(count):
        qtbot.keyClick(answer, Qt.Key.Key_Right, SHIFT)


def test_keyboard_annotation_of_a_streamed_answer_saves_every_step(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base"), local_slot("Teacher", temperature=0)])
    qtbot.keyClicks(window.prompt_edit, PROMPT)
    qtbot.keyClick(window.prompt_edit, Qt.Key.Key_Return, CTRL)
    wait_idle(qtbot, window)
    base, teacher = window.columns
    answer = base.answer
    qtbot.keyClick(window, Qt.Key.Key_1, ALT)
    assert answer.hasFocus()

    # Nothing selected: a plain message, nothing written.
    qtbot.keyClick(answer, Qt.Key.Key_1)
    assert "Select the wrong words first" in window.statusBar().currentMessage()
    select_first_chars(qtbot, answer, 5)
    start, end = answer.selection()
    assert end > start

    press(qtbot, window, answer, Qt.Key.Key_1)  # mark as "Wrong detail"
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert (mark["category"], mark["severity"], mark["deleted_at"]) == (
        "wrong_detail",
        "major",
        None,
    )
    assert (mark["start"], mark["end"], mark["quote"]) == (start, end, answer.text[start:end])
    assert mark["response_id"] == base.response_id and mark["phase"] == 1

    press(qtbot, window, answer, Qt.Key.Key_M)  # Minor
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["severity"] == "minor" and mark["updated_at"] >= mark["created_at"]

    # E opens the form on the mark at the cursor: Tab to the note, type, Enter saves.
    qtbot.keyClick(answer, Qt.Key.Key_E)
    dialog = window.annotator.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.note_edit
    qtbot.keyClicks(dialog.note_edit, "Its population is about 26 million")
    press(qtbot, window, dialog.note_edit, Qt.Key.Key_Return)
    assert window.annotator.dialog is None
    qtbot.waitUntil(answer.hasFocus)  # back where the evaluator was
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert (mark["note"], mark["severity"]) == ("Its population is about 26 million", "minor")
    created = mark["created_at"]

    assert "Undo" in press(qtbot, window, answer, Qt.Key.Key_Z, CTRL)
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["note"] == "" and mark["severity"] == "minor"
    assert answer.current_mark() is not None and answer.current_mark().note == ""

    press(qtbot, window, answer, Qt.Key.Key_Z, CTRL | SHIFT)  # redo
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["note"] == "Its population is about 26 million"

    press(qtbot, window, answer, Qt.Key.Key_Delete)
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["deleted_at"] is not None and mark["created_at"] == created
    assert answer.marks == [] and not answer.extraSelections()

    press(qtbot, window, answer, Qt.Key.Key_Z, CTRL)  # the delete is undone
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["deleted_at"] is None and len(answer.marks) == 1

    # Whole-answer judgements: a marked answer can't be "checked, no errors".
    qtbot.keyClick(answer, Qt.Key.Key_C)
    assert "can't be checked as free of errors" in window.statusBar().currentMessage()
    assert not base.clean_box.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_2, ALT)
    press(qtbot, window, teacher.answer, Qt.Key.Key_C)
    press(qtbot, window, teacher.answer, Qt.Key.Key_O)
    judgements = rows(data_paths, "SELECT * FROM judgements")
    assert [(j["response_id"], j["checked_clean"], j["off_topic"]) for j in judgements] == [
        (teacher.response_id, 1, 1)
    ]
    assert teacher.clean_box.isChecked() and teacher.off_topic_box.isChecked()
    press(qtbot, window, teacher.answer, Qt.Key.Key_X)  # wrong as a whole clears "no errors"
    [judgement] = rows(data_paths, "SELECT * FROM judgements")
    assert (judgement["critical"], judgement["checked_clean"]) == (1, 0)
    assert not teacher.clean_box.isChecked()


def test_made_up_needs_a_note_and_a_cancelled_form_saves_nothing(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base")])
    run(qtbot, window)
    answer = window.columns[0].answer
    answer.setFocus()
    select_first_chars(qtbot, answer, 4)
    qtbot.keyClick(answer, Qt.Key.Key_3)  # Made up: the form opens on the note
    dialog = window.annotator.dialog
    assert dialog is not None and dialog.focusWidget() is dialog.note_edit
    assert "needs a note" in dialog.problem_label.text()
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter does nothing until there is a note
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.annotator.dialog is None)
    assert rows(data_paths, "SELECT * FROM marks") == [] and answer.marks == []

    qtbot.keyClick(answer, Qt.Key.Key_3)
    dialog = window.annotator.dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.note_edit, "No such census exists")
    press(qtbot, window, dialog.note_edit, Qt.Key.Key_Return)
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert (mark["category"], mark["note"]) == ("invented", "No such census exists")


def test_a_streaming_answer_is_not_marked(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base", max_tokens=400)])
    window.prompt_edit.setPlainText("Write a long essay about the history of Rome.")
    window.run_prompt()
    column = window.columns[0]
    qtbot.waitUntil(lambda: len(column.answer.text) > 10, timeout=60000)
    column.answer.setFocus()
    column.answer.select_range(0, 5)
    qtbot.keyClick(column.answer, Qt.Key.Key_1)
    assert "still being written" in window.statusBar().currentMessage()
    window.stop_all()
    wait_idle(qtbot, window)
    assert rows(data_paths, "SELECT * FROM marks") == []


def test_overlapping_and_adjacent_marks_survive_a_restart_exactly(
    qtbot: Any, open_window: Any, data_paths: DataPaths, scripted_teacher: Any
) -> None:
    window = open_window(data_paths, [scripted_slot(scripted_teacher(PIECES))])
    run(qtbot, window)
    answer = window.columns[0].answer
    assert answer.text == SCRIPTED
    answer.setFocus()
    spans = {
        "founded in 1913": (Qt.Key.Key_1, None),
        "1913 😀 by the Romans": (Qt.Key.Key_2, Qt.Key.Key_M),  # overlaps the first
        "capital": (Qt.Key.Key_5, None),
        ".": (Qt.Key.Key_6, None),  # right after "capital": adjacent
        "🇦🇺 is\r\nthe": (Qt.Key.Key_2, None),  # a flag and a line break inside
    }
    for quote, (category_key, severity_key) in spans.items():
        start = SCRIPTED.index(quote, SCRIPTED.index("capital") if quote == "." else 0)
        answer.select_range(start, start + len(quote))
        press(qtbot, window, answer, category_key)
        if severity_key is not None:
            press(qtbot, window, answer, severity_key)
    saved = rows(data_paths, "SELECT * FROM marks WHERE deleted_at IS NULL ORDER BY start")
    assert sorted(m["quote"] for m in saved) == sorted(spans)
    assert all(SCRIPTED[m["start"] : m["end"]] == m["quote"] for m in saved)
    assert len(answer.extraSelections()) == len(spans)

    overlap = SCRIPTED.index("1913") + 1
    assert {m.quote for m in answer.marks_at(overlap, inclusive_end=False)} == {
        "founded in 1913",
        "1913 😀 by the Romans",
    }
    # ] walks the marks in reading order, so each can be reached by keyboard.
    qtbot.keyClick(answer, Qt.Key.Key_Home, CTRL)
    visited = []
    for _ in spans:
        qtbot.keyClicks(answer, "]")
        current = answer.current_mark()
        assert current is not None
        visited.append(current.quote)
    assert visited == [m["quote"] for m in saved]
    before = [(m.id, m.start, m.end, m.quote, m.category, m.severity) for m in answer.marks]
    close_window(qtbot, window)

    reopened = open_window(data_paths)
    answer = reopened.columns[0].answer  # the saved answer is slot 0's, whatever the lineup
    assert answer.text == SCRIPTED
    after = [(m.id, m.start, m.end, m.quote, m.category, m.severity) for m in answer.marks]
    assert after == before
    for mark in answer.marks:  # drawn on exactly the quoted characters
        answer.select_range(mark.start, mark.end)
        shown = answer.textCursor().selectedText().replace("\u2029", "\n")
        assert shown == display_text(mark.quote)


def test_blind_session_is_counterbalanced_over_12_items_and_revealed_by_the_verdict(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths, scripted_teacher: Any
) -> None:
    window = open_window(data_paths)
    window.new_session(blind=True)
    teacher = scripted_teacher(["As an AI language model ", "developed by OpenAI, ", "Canberra."])
    window.set_lineup(
        [
            local_slot("Base", max_tokens=4),
            local_slot("Imitator", mode="teacher-style", max_tokens=4),
            scripted_slot(teacher),
        ]
    )
    roles = ("Base", "Imitator", "Teacher")
    for item in range(12):
        run(qtbot, window, f"Question {item + 1}: what is the capital of Australia?")
        ordered = window.items.columns_in_order()
        headers = [c.role_label.text() for c in ordered]
        assert headers == ["Answer 1", "Answer 2", "Answer 3"]
        choices = [window.judging_bar.choice_box.itemText(i) for i in range(1, 4)]
        visible = " ".join(headers + choices + [c.accessibleName() for c in ordered])
        assert not any(role in visible for role in roles)
        assert not any(c.model_label.isVisible() or c.speed_label.isVisible() for c in ordered)
        flagged = next(c for c in window.columns if c.slot.role == "Teacher")
        assert flagged.identity_label.isVisible()

        window.judging_bar.focus_verdict()
        qtbot.keyClick(window.judging_bar.choice_box, Qt.Key.Key_Down)
        with qtbot.waitSignal(window.items.verdict_saved, timeout=5000):
            qtbot.keyClick(window.judging_bar.submit_button, Qt.Key.Key_Space)
        revealed = [c.role_label.text() for c in window.items.columns_in_order()]
        assert revealed == [f"Answer {p + 1} · {c.slot.role}" for p, c in enumerate(ordered)]
        assert all(c.model_label.isVisible() for c in ordered)
        qtbot.keyClick(window, Qt.Key.Key_PageDown, CTRL)
    close_window(qtbot, window)

    items = rows(data_paths, "SELECT * FROM items ORDER BY position")
    assert len(items) == 12
    orders = [json.loads(i["shown_order"]) for i in items]
    for position in range(3):
        assert Counter(order[position] for order in orders) == {0: 4, 1: 4, 2: 4}
    verdicts = rows(data_paths, "SELECT * FROM verdicts ORDER BY submitted_at")
    assert len(verdicts) == 12 and all(v["blind"] == 1 for v in verdicts)
    assert [json.loads(v["shown_order"]) for v in verdicts] == orders
    assert all(i["revealed_at"] >= v["submitted_at"] for i, v in zip(items, verdicts, strict=True))
    # The first choice is whichever answer was shown first: the preference follows the order.
    firsts = [order[0] for order in orders]
    answers = rows(
        data_paths,
        "SELECT r.id, r.slot_index, r.item_id FROM responses r JOIN items i ON i.id = r.item_id",
    )
    by_item = {(a["item_id"], a["slot_index"]): a["id"] for a in answers}
    assert [v["preferred_response_id"] for v in verdicts] == [
        by_item[(i["id"], first)] for i, first in zip(items, firsts, strict=True)
    ]
    flags = rows(data_paths, "SELECT identity_clues FROM responses WHERE slot_index = 2")
    assert all("As an AI language model" in f["identity_clues"] for f in flags)


def test_a_reference_item_is_judged_unaided_then_revised_with_both_phases_kept(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base"), local_slot("Teacher", temperature=0)])
    window.reference_edit.setText("Canberra")
    window.source_edit.setText("Australian Government, australia.gov.au")
    run(qtbot, window)
    bar = window.judging_bar
    assert bar.reference_label.isVisible() and "Canberra" not in bar.reference_label.text()
    assert window.reference_edit.text() == ""  # not left on screen either
    answer = window.columns[0].answer
    answer.setFocus()
    select_first_chars(qtbot, answer, 4)
    press(qtbot, window, answer, Qt.Key.Key_1)
    phase_one = answer.marks[0]

    bar.focus_verdict()
    qtbot.keyClick(bar.choice_box, Qt.Key.Key_Down)
    qtbot.keyClick(bar.choice_box, Qt.Key.Key_Down)  # the Teacher
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.keyClick(bar.submit_button, Qt.Key.Key_Space)
    assert window.items.item["phase"] == 2
    assert (
        "Canberra" in bar.reference_label.text()
        and "australia.gov.au" in bar.reference_label.text()
    )
    [copy] = answer.marks
    assert copy.id != phase_one.id and copy.derived_from == phase_one.id and copy.phase == 2

    # Revise: the copy goes, another error is marked, the verdict changes.
    answer.setFocus()
    answer.go_to_mark(copy.id)
    press(qtbot, window, answer, Qt.Key.Key_Delete)
    answer.select_range(len(answer.text.rstrip()) - 3, len(answer.text.rstrip()))
    press(qtbot, window, answer, Qt.Key.Key_2)
    bar.focus_verdict()
    bar.choice_box.setCurrentIndex(4)  # All bad
    bar.reason_edit.setText("Neither says Canberra")
    with qtbot.waitSignal(window.items.verdict_saved, timeout=5000):
        qtbot.keyClick(bar.reason_edit, Qt.Key.Key_Return)
    close_window(qtbot, window)

    marks = rows(data_paths, "SELECT * FROM marks ORDER BY phase, created_at")
    assert [(m["phase"], m["deleted_at"] is None) for m in marks] == [
        (1, True),
        (2, False),
        (2, True),
    ]
    assert marks[0]["id"] == phase_one.id and marks[1]["derived_from"] == phase_one.id
    verdicts = rows(data_paths, "SELECT * FROM verdicts ORDER BY phase")
    assert [(v["phase"], v["preferred"]) for v in verdicts] == [(1, "answer"), (2, "all_bad")]
    assert verdicts[1]["reason"] == "Neither says Canberra"
    [item] = rows(data_paths, "SELECT * FROM items")
    assert item["phase"] == 2 and item["reference_source"].startswith("Australian Government")


def test_a_ten_item_session_is_judged_from_the_keyboard_alone(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(
        data_paths,
        [local_slot("Base", max_tokens=8), local_slot("Teacher", temperature=0, max_tokens=8)],
    )
    questions = [
        "What is the capital of Australia?",
        "Who wrote Pride and Prejudice?",
        "What is the boiling point of water at sea level in Celsius?",
        "Which planet is closest to the Sun?",
        "In which year did the Berlin Wall fall?",
        "What is the chemical symbol for gold?",
        "Who painted the Mona Lisa?",
        "What is the largest ocean on Earth?",
        "How many bones are in the adult human body?",
        "What language is spoken in Brazil?",
    ]
    for number, question in enumerate(questions, start=1):
        assert window.prompt_edit.hasFocus()
        qtbot.keyClicks(window.prompt_edit, question)
        qtbot.keyClick(window.prompt_edit, Qt.Key.Key_Return, CTRL)
        wait_idle(qtbot, window)
        first, second = (c.answer for c in window.items.columns_in_order())
        qtbot.keyClick(window.prompt_edit, Qt.Key.Key_1, ALT)
        assert first.hasFocus()
        qtbot.keyClick(first, Qt.Key.Key_Home, CTRL)
        qtbot.keyClick(first, Qt.Key.Key_End, CTRL | SHIFT)  # the whole answer
        assert first.text.strip(), f"item {number}: the first answer is empty"
        press(qtbot, window, first, Qt.Key.Key_2)
        qtbot.keyClick(first, Qt.Key.Key_2, ALT)
        assert second.hasFocus()
        press(qtbot, window, second, Qt.Key.Key_C)
        qtbot.keyClick(second, Qt.Key.Key_V)  # to the verdict
        assert window.judging_bar.choice_box.hasFocus()
        qtbot.keyClick(window.judging_bar.choice_box, Qt.Key.Key_Down)
        qtbot.keyClick(window.judging_bar.choice_box, Qt.Key.Key_Down)
        qtbot.keyClick(window.judging_bar.choice_box, Qt.Key.Key_Tab)
        assert window.judging_bar.reason_edit.hasFocus()
        qtbot.keyClicks(window.judging_bar.reason_edit, f"item {number}: no error found")
        with qtbot.waitSignal(window.items.verdict_saved, timeout=5000):
            qtbot.keyClick(window.judging_bar.reason_edit, Qt.Key.Key_Return)
        qtbot.keyClick(window.judging_bar.reason_edit, Qt.Key.Key_PageDown, CTRL)
    assert window.judging_bar.item_label.text() == "New item (10 so far)"
    # Back through the session by keyboard: the last item comes back with its verdict.
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.keyClick(window.prompt_edit, Qt.Key.Key_PageUp, CTRL)
    assert window.prompt_edit.toPlainText() == questions[-1]
    assert window.judging_bar.reason_edit.text() == "item 10: no error found"
    close_window(qtbot, window)

    items = rows(data_paths, "SELECT * FROM items ORDER BY position")
    assert [i["prompt"] for i in items] == questions
    verdicts = rows(
        data_paths,
        "SELECT v.*, r.slot_index FROM verdicts v JOIN responses r "
        "ON r.id = v.preferred_response_id ORDER BY v.submitted_at",
    )
    assert [v["slot_index"] for v in verdicts] == [1] * 10
    assert [v["reason"] for v in verdicts] == [f"item {n}: no error found" for n in range(1, 11)]
    marks = rows(
        data_paths,
        "SELECT m.*, r.slot_index FROM marks m JOIN responses r ON r.id = m.response_id",
    )
    assert len(marks) == 10 and {m["slot_index"] for m in marks} == {0}
    assert all(m["category"] == "wrong_claim" for m in marks)
    clean = rows(data_paths, "SELECT * FROM judgements WHERE checked_clean = 1")
    assert len(clean) == 10


def test_every_control_is_named_for_screen_readers_and_f1_lists_the_keys(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base"), local_slot("Teacher", temperature=0)])
    run(qtbot, window)
    answer = window.columns[0].answer
    answer.setFocus()
    select_first_chars(qtbot, answer, 3)
    qtbot.keyClick(answer, Qt.Key.Key_E)  # the mark form is checked too
    dialog = window.annotator.dialog
    assert dialog is not None
    unnamed = [
        f"{type(w).__name__} {getattr(w, 'text', lambda: '')()!r}"
        for top in (window, dialog)
        for w in top.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not (w.accessibleName() and w.accessibleDescription())
        and w.parent() is not None
        and type(w).__name__ not in ("QScrollBar", "QSplitterHandle", "QMenuBar")
    ]
    assert unnamed == []
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.annotator.dialog is None)

    qtbot.keyClick(answer, Qt.Key.Key_Question, SHIFT)  # "?" in an answer
    assert window._sheet is not None and window._sheet.isVisible()
    window._sheet.close()
    qtbot.keyClick(window.prompt_edit, Qt.Key.Key_F1)
    assert window._sheet.isVisible()
    text = window._sheet.findChild(QLabel).text()
    for key in ("Shift+M", "Ctrl+Z", "Alt+1", "Ctrl+Page Down", "Made up"):
        assert key in text


def test_the_mouse_works_too_tooltip_and_double_click_to_edit_or_delete(
    qtbot: Any, open_window: Any, data_paths: DataPaths, scripted_teacher: Any
) -> None:
    window = open_window(data_paths, [scripted_slot(scripted_teacher(PIECES))])
    run(qtbot, window)
    answer = window.columns[0].answer
    answer.setFocus()
    start = SCRIPTED.index("1913")
    answer.select_range(start, start + 4)
    press(qtbot, window, answer, Qt.Key.Key_1)
    qtbot.keyClick(answer, Qt.Key.Key_Home, CTRL)  # the cursor leaves the mark
    assert answer.current_mark() is None

    cursor = answer.textCursor()
    cursor.setPosition(answer.offsets().to_qt(start + 2))
    point = answer.cursorRect(cursor).center()
    assert answer._tooltip_at(point) == "Wrong detail · Major"
    qtbot.mouseDClick(answer.viewport(), Qt.MouseButton.LeftButton, pos=point)
    dialog = window.annotator.dialog
    assert dialog is not None and dialog.delete_button is not None
    assert dialog.quote_label.text() == "“1913”"
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    [mark] = rows(data_paths, "SELECT * FROM marks")
    assert mark["deleted_at"] is not None and answer.marks == []


@contextlib.contextmanager
def writer_held(window: Any) -> Iterator[None]:
    """Keep the writer's thread busy, as a slow disk would, until the block ends."""
    gate = threading.Event()
    window.writer.call(lambda store: gate.wait(30))
    try:
        yield
    finally:
        gate.set()


def writer_drained(qtbot: Any, window: Any) -> None:
    done: list[bool] = []
    window.writer.call(lambda store: None, lambda _: done.append(True))
    qtbot.waitUntil(lambda: bool(done), timeout=10000)


def test_slow_saves_neither_lose_marks_nor_let_late_replies_take_over_the_screen(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths, [local_slot("Base"), local_slot("Teacher", temperature=0)])
    window.reference_edit.setText("Canberra")
    run(qtbot, window)
    first_item = window.items.item["id"]
    answer = window.columns[0].answer
    answer.setFocus()
    bar = window.judging_bar
    bar.choice_box.setCurrentIndex(1)
    with writer_held(window):
        bar.submit_button.click()  # the verdict waits behind the held writer
        answer.select_range(0, 4)
        qtbot.keyClick(answer, Qt.Key.Key_1)
        assert "Saving your verdict" in window.statusBar().currentMessage()
        assert answer.marks == []
        window.columns[0].off_topic_box.click()  # refused: the tick must not stay
        assert not window.columns[0].off_topic_box.isChecked()
    qtbot.waitUntil(lambda: window.items.item is not None and window.items.item["phase"] == 2)
    assert rows(data_paths, "SELECT * FROM marks") == []
    assert rows(data_paths, "SELECT * FROM judgements WHERE off_topic = 1") == []

    # A late reply for an item the evaluator already left does not come back on screen.
    qtbot.keyClick(window.prompt_edit, Qt.Key.Key_PageDown, CTRL)
    assert window.items.item is None
    run(qtbot, window, "Who wrote Frankenstein?")
    with writer_held(window):
        qtbot.keyClick(window.prompt_edit, Qt.Key.Key_PageUp, CTRL)  # asks for item 1
        qtbot.keyClick(window.prompt_edit, Qt.Key.Key_PageDown, CTRL)  # ... then leaves
    writer_drained(qtbot, window)
    assert window.items.item is None  # still the new question, not item 1
    assert window.judging_bar.item_label.text() == "New item (2 so far)"
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        window.items.previous_item()
    assert window.items.item is not None and window.items.item["id"] != first_item

    # A failed or empty answer can still be judged as a whole.
    window.columns[1].answer.set_text("")
    with qtbot.waitSignal(window.annotator.saved, timeout=5000):
        window.columns[1].off_topic_box.click()
    assert window.columns[1].off_topic_box.isChecked()


def test_blind_tab_order_follows_the_shown_order(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    window.new_session(blind=True)
    window.set_lineup([local_slot(r, max_tokens=4) for r in ("Base", "Imitator", "Teacher")])
    for _ in range(3):  # every order of a cycle
        run(qtbot, window)
        window.source_edit.setFocus()
        for column in window.items.columns_in_order():
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            assert QApplication.focusWidget() is column.answer
            for _ in range(3):  # past the three whole-answer boxes
                qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # Mark error
            assert QApplication.focusWidget() is column.mark_button
            # Stop is disabled and Settings hidden before the reveal: Tab skips them.
        splitter_order = [window.splitter.widget(i) for i in range(3)]
        assert splitter_order == window.items.columns_in_order()
        window.items.next_item()


def test_an_item_from_another_lineup_shows_its_own_names_and_is_not_misjudged(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(
        data_paths, [local_slot(r, max_tokens=4) for r in ("Base", "Imitator", "Teacher")]
    )
    run(qtbot, window)
    window.items.next_item()
    window.set_lineup([local_slot("Renamed", max_tokens=4), local_slot("Other", max_tokens=4)])
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        window.items.previous_item()
    assert [c.role_label.text() for c in window.columns] == ["Base", "Imitator"]
    bar = window.judging_bar
    assert not bar.submit_button.isEnabled()
    assert "has 3 answers but the lineup shows 2" in bar.verdict_label.text()

    window.items.next_item()
    run(qtbot, window)
    assert [c.role_label.text() for c in window.columns] == ["Renamed", "Other"]
    choices = [bar.choice_box.itemText(i) for i in range(bar.choice_box.count())]
    assert choices == ["— choose —", "Renamed", "Other", "Tie: equally good", "All bad"]
    assert bar.submit_button.isEnabled()
