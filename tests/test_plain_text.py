"""Text from models, teachers, files and other evaluators is shown exactly as it was stored: each
hostile string goes through every label, tooltip and dialog that shows such text, and what the
evaluator would read is compared with what was stored."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QLabel

from hostile_strings import HOSTILE_STRINGS, RICH_LOOKING
from imitation_lens.core.batches.run import BatchProgress
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark, insert_mark
from imitation_lens.core.running.events import FactsEvent, FinishedEvent, Status
from imitation_lens.core.running.lineup import LocalModel, SlotConfig
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.answer_pane import AnswerPane
from imitation_lens.ui.batch_panel import BatchPanel
from imitation_lens.ui.judging_bar import JudgingBar
from imitation_lens.ui.mark_dialog import MarkDialog
from imitation_lens.ui.plain_text import as_html, escaped, plain_label, plain_tip
from imitation_lens.ui.slot_column import SlotColumn

# Qt's own test for "this looks like HTML", which labels and tooltips apply to their text.
might_be_rich = QtGui.Qt.mightBeRichText


def rendered(rich: str) -> str:
    """What Qt draws for a piece of rich text, as characters."""
    document = QTextDocument()
    document.setHtml(rich)
    # toRawText keeps no-break spaces; a <br> is a line separator there.
    return document.toRawText().replace("\u2028", "\n").replace("\u2029", "\n")


def shown(label: QLabel) -> str:
    """What a label shows: its text as is when plain, else the text Qt renders from it."""
    if label.textFormat() == Qt.TextFormat.PlainText:
        return label.text()
    if label.textFormat() == Qt.TextFormat.AutoText and not might_be_rich(label.text()):
        return label.text()
    return rendered(label.text())


def shown_tip(tip: str) -> str:
    """Qt shows a tooltip as rich text whenever it might be rich text."""
    return rendered(tip) if might_be_rich(tip) else tip


# Rendering the raw strings (as labels did before) even makes Qt warn about a font size.
@pytest.mark.qt_log_ignore("QFont::setPixelSize")
def test_the_set_is_hostile_enough() -> None:
    assert len(HOSTILE_STRINGS) >= 50 and len(set(HOSTILE_STRINGS)) == len(HOSTILE_STRINGS)
    # Without the fix these would be altered: proof the set exercises the bug.
    altered = [s for s in HOSTILE_STRINGS if rendered(s) != s and might_be_rich(s)]
    assert len(altered) >= 15


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_helpers_keep_every_character(qtbot: Any, text: str) -> None:
    label = plain_label(text)
    qtbot.addWidget(label)
    assert shown(label) == text
    assert shown_tip(plain_tip(text)) == text
    assert rendered(as_html(text)) == text
    mixed = QLabel(f"<b>Heading</b> {escaped(text)}")
    qtbot.addWidget(mixed)
    assert shown(mixed) == f"Heading {text}"


def _column(qtbot: Any, role: str, note: str) -> SlotColumn:
    column = SlotColumn(0, SlotConfig(role, LocalModel(), note=note))
    qtbot.addWidget(column)
    return column


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_a_column_shows_role_note_model_and_error_as_stored(qtbot: Any, text: str) -> None:
    column = _column(qtbot, text, text)
    assert shown(column.role_label) == text
    assert shown(column.note_label) == text
    column.response_id = "r1"
    column.state = "running"
    column.apply(FactsEvent("r1", {"endpoint_model": text, "endpoint_base_url": text}))
    assert shown(column.model_label) == f"{text} via {text}"
    column.apply(FactsEvent("r1", {"model_file": text, "model_name": text}))
    assert shown(column.model_label).startswith(text)
    assert shown_tip(column.model_label.toolTip()) == f"{text}\nsha256 unknown"
    column.apply(FinishedEvent("r1", Status.FAILED, "", error=text))
    assert column.error_label.isVisibleTo(column) and shown(column.error_label) == text


@pytest.mark.parametrize("text", RICH_LOOKING)
def test_a_saved_answer_shows_its_role_and_note_as_stored(qtbot: Any, text: str) -> None:
    column = _column(qtbot, "Base", "")
    column.show_response(
        {"id": "r2", "status": "failed", "text": text, "role": text, "note": text, "error": text}
    )
    assert shown(column.role_label) == text
    assert shown(column.note_label) == text
    assert shown(column.error_label) == text


@pytest.mark.parametrize("text", HOSTILE_STRINGS)
def test_a_mark_shows_its_quote_note_and_correction_as_stored(qtbot: Any, text: str) -> None:
    answer = "The answer " + text
    mark = Mark("m1", "r1", 11, len(answer), text, note=text, correction=text)
    dialog = MarkDialog(mark, is_new=False)
    qtbot.addWidget(dialog)
    short = text if len(text) <= 160 else text[:157] + "…"  # the dialog shortens long quotes
    assert shown(dialog.quote_label) == f"“{short}”"
    view = AnswerPane()
    qtbot.addWidget(view)
    view.set_text(answer)
    view.set_marks([mark])
    view.show()
    qtbot.waitExposed(view)
    assert view._tooltip_at(view.cursorRect(_cursor_at(view, 2)).center()) == ""
    # Over the marked words: the mark's own words, as stored.
    inside = view.cursorRect(_cursor_at(view, view.offsets().to_qt(12))).center()
    assert shown_tip(view._tooltip_at(inside)) == mark.describe()


def _cursor_at(view: AnswerPane, position: int) -> QTextCursor:
    cursor = QTextCursor(view.document())
    cursor.setPosition(position)
    return cursor


@pytest.mark.parametrize("text", RICH_LOOKING)
def test_the_batch_bar_shows_the_set_name_and_message_as_stored(qtbot: Any, text: str) -> None:
    panel = BatchPanel()
    qtbot.addWidget(panel)
    name = text + " " + "x" * 60  # long enough to be shortened: all of it in the tooltip
    progress = BatchProgress("b1", "running", 3, 1, 0, None, None, None, message=text)
    panel.show_elsewhere(name, progress)
    assert shown(panel.title).startswith(f"Batch: {name[:20]}")
    assert shown_tip(panel.title.toolTip()) == name
    assert shown(panel.details) == text


@pytest.mark.parametrize("text", RICH_LOOKING)
def test_the_judging_bar_shows_reference_and_message_as_stored(qtbot: Any, text: str) -> None:
    bar = JudgingBar()
    qtbot.addWidget(bar)
    bar.set_reference("shown", text, text)
    assert shown(bar.reference_label).startswith(f"Reference answer: {text} Source: {text} — ")
    bar.show_verdict(None, text)
    assert shown(bar.verdict_label) == text


# Saved sessions are opened in the real window: a sample of the strings (each session costs a
# database round trip) as session title, roles, notes, errors, marks and evaluator names.
WINDOW_SAMPLE = RICH_LOOKING[::4]


def _seed_hostile_sessions(paths: DataPaths) -> None:
    store = Store(paths.database)
    try:
        for index, text in enumerate(WINDOW_SAMPLE):
            session = f"s{index:02d}"
            lineup = [
                {"role": text, "kind": "local", "source": {}, "note": text},
                {"role": "Imitator", "kind": "local", "source": {}},
            ]
            store.create_session(text, lineup, session_id=session, evaluator=text)
            rows = [
                {"id": f"{session}-{i}", "slot_index": i, "role": role, "kind": "local"}
                for i, role in enumerate((text, "Imitator"))
            ]
            store.add_item(session, f"{session}-item", text, rows)
            answer = "Answer: " + text
            store.finish_response(f"{session}-0", Status.DONE, answer, "", {})
            store.finish_response(f"{session}-1", Status.FAILED, "", text, {})
            insert_mark(
                store,
                Mark(f"{session}-m", f"{session}-0", 0, 6, "Answer", note=text, correction=text),
            )
    finally:
        store.close()


def test_saved_sessions_show_their_texts_as_stored_in_the_window(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    _seed_hostile_sessions(data_paths)
    window = open_window(data_paths)
    for index, text in enumerate(WINDOW_SAMPLE):
        with qtbot.waitSignal(window.session_opened, timeout=10000):
            window.open_session(f"s{index:02d}")
        base, imitator = window.columns[0], window.columns[1]
        assert shown(base.role_label) == text
        assert shown(imitator.error_label) == text
        answer = base.answer
        cursor = QTextCursor(answer.document())
        cursor.setPosition(answer.offsets().to_qt(2))
        tip = answer._tooltip_at(answer.cursorRect(cursor).center())
        assert shown_tip(tip) == f"Wrong claim · Major — {text} (should be: {text})"
    browser = window.open_session_browser()
    qtbot.waitUntil(lambda: len(browser.summaries) == len(WINDOW_SAMPLE), timeout=10000)
    for row, summary in enumerate(browser.summaries):
        if summary.id == window.session_id:
            continue  # the open session can't be deleted: no question to ask
        browser.table.selectRow(row)
        browser.delete_button.click()
        question = shown(browser.confirm_label)
        assert question.startswith(f"Delete “{summary.title}” (")
        assert summary.title in WINDOW_SAMPLE
        assert browser.table.item(row, 0).text() == summary.title


def test_the_banner_names_stand_in_columns_as_written(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    for text in RICH_LOOKING:
        window.set_lineup(
            [
                SlotConfig(text, LocalModel(), note="stand-in for a teacher"),
                SlotConfig("Imitator", LocalModel()),
            ]
        )
        assert window.banner.isVisibleTo(window)
        assert f"{text} is a stand-in." in shown(window.banner)
