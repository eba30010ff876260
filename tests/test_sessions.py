"""The session browser in the real window: list, full-text search, rename, duplicate, delete with
confirmation and undo, open."""

from __future__ import annotations

from typing import Any

from conftest import close_window
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark, insert_mark
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.sessions import fts_query, session_summaries
from imitation_lens.core.storage.store import Store


def _seed(paths: DataPaths) -> None:
    store = Store(paths.database)
    try:
        lineup = [
            {"role": "Base", "kind": "local", "source": {}},
            {"role": "Imitator", "kind": "local", "source": {}},
        ]
        for session, prompt, answers in (
            ("Geography", "What is the capital of Australia?", ["Sydney.", "Canberra, of course."]),
            ("Literature", "Who wrote Frankenstein?", ["Mary Shelley.", "Lord Byron wrote it."]),
        ):
            store.create_session(session, lineup, session_id=session, evaluator="Ann")
            rows = [
                {"id": f"{session}-{i}", "slot_index": i, "role": role, "kind": "local"}
                for i, role in enumerate(("Base", "Imitator"))
            ]
            store.add_item(session, f"{session}-item", prompt, rows)
            for row, text in zip(rows, answers, strict=True):
                store.finish_response(str(row["id"]), Status.DONE, text, "", {})
        insert_mark(store, Mark("M", "Geography-0", 0, 6, "Sydney", category="wrong_detail"))
    finally:
        store.close()


def test_search_is_safe_full_text_over_prompts_and_answers(data_paths: DataPaths) -> None:
    _seed(data_paths)
    store = Store(data_paths.database)
    try:
        assert [s.title for s in session_summaries(store, "canberra")] == ["Geography"]
        assert [s.title for s in session_summaries(store, "Frank")] == ["Literature"]  # prefix
        assert session_summaries(store, "wrote")[0].matches == 2  # a prompt and an answer
        assert session_summaries(store, "Byron Shelley") == []  # all words in one text
        assert session_summaries(store, 'NEAR( " OR * -') == []  # query syntax is just text
        assert fts_query('say "hi"') == '"say"* """hi"""*'
        summary = session_summaries(store)[-1]
        assert (summary.items, summary.answers, summary.marks) == (1, 2, 1)
    finally:
        store.close()


def test_browse_rename_duplicate_delete_undo_and_open(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    _seed(data_paths)
    window = open_window(data_paths)
    browser = window.open_session_browser()
    qtbot.waitUntil(lambda: len(browser.summaries) == 2, timeout=5000)
    assert {s.title for s in browser.summaries} == {"Geography", "Literature"}

    with qtbot.waitSignal(browser.listed, timeout=5000):
        browser.search.setText("capital")
    assert [s.title for s in browser.summaries] == ["Geography"]
    with qtbot.waitSignal(browser.listed, timeout=5000):
        browser.search.clear()

    row = [s.title for s in browser.summaries].index("Literature")
    with qtbot.waitSignal(browser.changed, timeout=5000):
        browser.table.item(row, 0).setText("Books")
    qtbot.waitUntil(lambda: "Books" in {s.title for s in browser.summaries}, timeout=5000)

    browser.table.selectRow([s.title for s in browser.summaries].index("Geography"))
    with qtbot.waitSignal(browser.changed, timeout=5000):
        browser.duplicate_button.click()
    qtbot.waitUntil(lambda: len(browser.summaries) == 3, timeout=5000)
    copy = next(s for s in browser.summaries if s.title == "Geography (copy)")
    assert (copy.items, copy.answers, copy.marks) == (1, 2, 0)  # to judge again, unjudged

    assert window.session_id == "Literature"  # the latest session opened at start
    browser.table.selectRow([s.id for s in browser.summaries].index("Geography"))
    browser.delete_button.click()
    assert browser.confirm_button.isVisible() and "Geography" in browser.confirm_label.text()
    with qtbot.waitSignal(browser.changed, timeout=5000):
        browser.confirm_button.click()
    qtbot.waitUntil(lambda: "Geography" not in {s.id for s in browser.summaries}, timeout=5000)
    assert browser.undo_button.isVisible()
    with qtbot.waitSignal(browser.changed, timeout=5000):
        browser.undo_button.click()
    qtbot.waitUntil(lambda: "Geography" in {s.id for s in browser.summaries}, timeout=5000)

    # The session open in the window can't be deleted from under it.
    browser.table.selectRow([s.id for s in browser.summaries].index("Literature"))
    browser.delete_button.click()
    assert "open in the window" in browser.message.text()
    assert not browser.confirm_button.isVisible()

    browser.table.selectRow([s.id for s in browser.summaries].index("Geography"))
    with qtbot.waitSignal(window.session_opened, timeout=5000):
        browser.open_button.click()
    assert window.session_id == "Geography"
    assert window.prompt_edit.toPlainText() == "What is the capital of Australia?"
    assert [c.answer.text for c in window.columns] == ["Sydney.", "Canberra, of course."]
    assert [(m.quote, m.category) for m in window.columns[0].answer.marks] == [
        ("Sydney", "wrong_detail")
    ]
    close_window(qtbot, window)
