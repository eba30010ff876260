"""Public sets through the real window (pytest-qt): an Alpaca batch's teacher column shows the
file's answers, named after the set and its licence; TruthfulQA's known-wrong answers appear with
the reference in phase 2 only, and in the Markdown and HTML exports; the licence is shown in the
prompt sets dialog and carried into the session's exports."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from conftest import local_slot
from imitation_lens.core.exports.html_report import render_html
from imitation_lens.core.exports.markdown_doc import markdown_document
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from test_batch_window import start_batch

FIXTURES = Path(__file__).parent / "data" / "formats"
WRONG = "You grow watermelons in your stomach"


def _document(paths: DataPaths, session_id: str) -> dict[str, Any]:
    store = Store(paths.database)
    try:
        return session_document(store, session_id)
    finally:
        store.close()


def test_an_alpaca_batch_shows_the_files_answers_in_the_teacher_column_labelled(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    lineup = [
        local_slot("Base", max_tokens=10),
        local_slot("Imitator", "teacher-style", max_tokens=10),
        local_slot("Teacher", max_tokens=10),
    ]
    window = open_window(data_paths, lineup)
    with qtbot.waitSignal(window.batches.ended, timeout=180000) as ended:
        dialog = start_batch(qtbot, window, FIXTURES / "alpaca_data.json")
    assert ended.args == ["finished"]
    # The licence is shown where the set is chosen.
    assert "Licence: CC BY-NC 4.0." in dialog.about.text()
    dialog.close()
    telegram = window.items.item_ids[2]
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        window.items.show_item(telegram)
    base, imitator, teacher = window.columns
    assert teacher.answer.text == "Telegram"
    who = "the imported set “Alpaca data”, licence CC BY-NC 4.0"
    assert teacher.model_label.text() == f"From {who}"
    assert teacher.note_label.isVisible() and "not asked of any model" in teacher.note_label.text()
    assert who in teacher.note_label.text()
    # The other columns answered the question themselves.
    for column in (base, imitator):
        assert column.state == "done" and column.answer.text.strip()
        assert "imported set" not in column.model_label.text() + column.note_label.text()


def test_known_wrong_answers_are_shown_with_the_reference_in_phase_two_only(
    inference: Any, qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    lineup = [local_slot("Base", max_tokens=10), local_slot("Imitator", max_tokens=10)]
    window = open_window(data_paths, lineup)
    with qtbot.waitSignal(window.batches.ended, timeout=180000) as ended:
        dialog = start_batch(qtbot, window, FIXTURES / "TruthfulQA.csv")
    assert ended.args == ["finished"]
    assert "Licence: Apache-2.0." in dialog.about.text()
    dialog.close()
    first = window.items.item_ids[0]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        window.items.show_item(first)
    bar = window.judging_bar
    # Phase 1 is judged unaided: that there is a reference, and nothing of it.
    shown = bar.reference_label.text()
    assert bar.reference_label.isVisible() and "stays hidden" in shown
    for hidden in (WRONG, "Known to be wrong", "Also accepted", "digestive system"):
        assert hidden not in shown

    bar.choice_box.setCurrentIndex(bar.choice_box.count() - 2)  # a tie
    with qtbot.waitSignal(window.items.item_shown, timeout=5000):
        qtbot.keyClick(bar.submit_button, Qt.Key.Key_Space)
    assert window.items.item["phase"] == 2
    shown = html.unescape(re.sub("<[^>]+>", "", bar.reference_label.text()))  # as read
    assert "The watermelon seeds pass through your digestive system" in shown
    assert "Also accepted: Nothing happens; You eat watermelon seeds" in shown
    assert f"Known to be wrong (listed by the set): {WRONG}; You get sick" in shown
    assert "I have no comment" not in shown  # never an accepted form (docs/prompt-sets.md)
    assert WRONG in bar.reference_label.accessibleDescription()

    # The exports show them where they show the reference, under the licence's set.
    document = _document(data_paths, window.session_id)
    markdown = markdown_document(document)
    assert f"**Known to be wrong** (listed by the set): {WRONG}; You get sick" in markdown
    assert "**Also accepted:** Nothing happens" in markdown
    page = render_html(document)
    assert (
        '<p class="known-wrong"><strong>Known to be wrong</strong> (listed by the set): '
        f"{WRONG}; You get sick"
    ) in page
    assert '<p class="accepted"><strong>Also accepted:</strong> Nothing happens' in page
    # The set and its licence travel with the session: on every question, and said at the top.
    assert {(i["set_name"], i["set_licence"]) for i in document["items"]} == {
        ("TruthfulQA", "Apache-2.0")
    }
    assert "- Question sets: TruthfulQA (licence Apache-2.0)" in markdown
    assert "TruthfulQA (licence Apache-2.0)" in page
    view = window.open_report()  # and the report in the window says it under its title
    assert view is not None
    qtbot.waitUntil(lambda: view.built is not None, timeout=20000)
    assert "Question sets: TruthfulQA (licence Apache-2.0)." in view.heading.text()
    view.close()
