"""The study view: a factual and an open-ended session read together, one row per model.

The figures are checked by hand on a small case written through the app's own core functions;
the dialog is opened from the session browser with both sessions selected; the HTML page is
written and parsed back.
"""

from __future__ import annotations

import html
import json
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from imitation_lens.cli import main
from imitation_lens.core.analysis.study import (
    ACCURACY,
    ERRORS,
    PREFERENCE,
    STYLE,
    StudyRefused,
    study,
)
from imitation_lens.core.analysis.study_table import session_rows, study_rows
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.exports.study_html import render_study_html
from imitation_lens.core.judging.annotations import (
    Judgement,
    Mark,
    Verdict,
    insert_mark,
    save_judgement,
    submit_verdict,
)
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.session_browser import SessionBrowser
from imitation_lens.ui.study_view import StudyView
from imitation_lens.ui.tasks import running_tasks

WAIT_MS = 10000
ROLES = ("Base", "Imitator", "Teacher")

# (prompt, reference, answers by role, verdict: a role, "tie", "all_bad" or None)
FACTUAL = [
    (
        "Capital of Australia?",
        "Canberra",
        ("Sydney.", "Canberra.", "Canberra is the capital."),
        "Teacher",
    ),
    ("How many legs has a spider?", "8", ("It has 8 legs.", "Maybe six.", "8 legs."), None),
]
OPEN_ENDED = [
    ("Write a haiku about rain.", "", ("Rain falls on the roof", "- rain\n- roof\n- sound", "Soft rain on tin roofs"), "Imitator"),
    ("Describe a good teacher.", "", ("Patient and clear.", "Kind, patient and clear.", "Patient, clear and fair."), "tie"),
    ("Plan a short walk.", "", ("Walk to the park.", "I think a walk to the river.", "Walk along the river."), "Teacher"),
    ("Name a colour you like.", "", ("Blue.", "Green.", "Red."), "all_bad"),
]  # fmt: skip


def _write_session(store: Store, title: str, questions: list[Any]) -> str:
    lineup = [{"role": role, "kind": "local"} for role in ROLES]
    session_id = store.create_session(title, lineup)
    for q, (prompt, reference, texts, verdict) in enumerate(questions):
        item_id = f"{title}-{q}"
        ids = [f"{item_id}-{role}" for role in ROLES]
        store.add_item(
            session_id,
            item_id,
            prompt,
            [
                {"id": rid, "slot_index": slot, "role": role, "kind": "local"}
                for slot, (rid, role) in enumerate(zip(ids, ROLES, strict=True))
            ],
            reference=reference,
        )
        for rid, text in zip(ids, texts, strict=True):
            store.finish_response(rid, Status.DONE, text, "", {})
        if title == "Facts" and q == 0:  # one Major mark on the Base's "Sydney."
            insert_mark(store, Mark(f"{item_id}-m", ids[0], 0, 6, "Sydney"))
        if title == "Open" and q == 2:  # the Base's walk judged wrong as a whole
            save_judgement(store, item_id, Judgement(ids[0], critical=True))
        if title == "Open" and q == 1:  # a Minor mark on the Teacher's answer
            insert_mark(store, Mark(f"{item_id}-m", ids[2], 0, 7, "Patient", severity="minor"))
        if verdict in ROLES:
            chosen = ids[ROLES.index(verdict)]
            submit_verdict(store, Verdict(item_id, 1, "answer", chosen))
        elif verdict is not None:
            submit_verdict(store, Verdict(item_id, 1, verdict))
    return session_id


@pytest.fixture
def database(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    path = tmp_path / "study.sqlite3"
    store = Store(path)
    ids = [_write_session(store, "Facts", FACTUAL), _write_session(store, "Open", OPEN_ENDED)]
    store.close()
    yield path, ids


def _documents(path: Path, ids: list[str]) -> list[dict[str, Any]]:
    store = Store(path)
    try:
        return [session_document(store, session_id) for session_id in ids]
    finally:
        store.close()


def test_the_study_figures_match_a_hand_count(database: tuple[Path, list[str]]) -> None:
    path, ids = database
    result = study(_documents(path, ids))
    assert result.teacher == "Teacher"
    by_role = {model.role: model for model in result.models}
    assert list(by_role) == list(ROLES)

    # Against the teacher, ties in full. Imitator: Facts Q1 worse; Open: better, tie, worse;
    # "all bad" left out -> 2 of 4. Base: Facts Q1 worse; Open: Imitator chosen (left out),
    # tie, worse; "all bad" left out -> 1 of 3.
    imitator = by_role["Imitator"].against_teacher
    assert imitator is not None
    assert (imitator.better, imitator.ties, imitator.worse, imitator.left_out) == (1, 1, 2, 1)
    assert imitator.share.value == pytest.approx(0.5)
    base = by_role["Base"].against_teacher
    assert base is not None
    assert (base.better, base.ties, base.worse, base.left_out) == (0, 1, 2, 2)
    assert base.share.value == pytest.approx(1 / 3)
    assert by_role["Teacher"].against_teacher is None

    # The automatic check: only the factual session has references (2 questions, judged or not).
    accuracy = {role: (m.accuracy.value, m.accuracy.count) for role, m in by_role.items()}
    assert accuracy == {"Base": (0.5, 2), "Imitator": (0.5, 2), "Teacher": (1.0, 2)}

    # Errors per judged answer: Facts Q1 and the four open questions are judged (5 answers
    # each). Base: one mark + one "wrong as a whole"; Teacher: one Minor mark.
    errors = {role: m.errors_per_answer.value for role, m in by_role.items()}
    assert errors == pytest.approx({"Base": 2 / 5, "Imitator": 0.0, "Teacher": 1 / 5})
    assert {m.errors_per_answer.count for m in result.models} == {5}

    # Style over all six answers of each model, judged or not.
    assert by_role["Imitator"].answers == 6
    assert by_role["Imitator"].list_share.value == pytest.approx(1 / 6)
    assert by_role["Imitator"].hedged_share.value == pytest.approx(2 / 6)  # maybe, I think
    # Wilson keeps an interval at 0%: the Teacher never hedged, over 6 answers on 6 questions.
    teacher_hedged = by_role["Teacher"].hedged_share
    assert teacher_hedged.value == 0 and teacher_hedged.high is not None
    assert teacher_hedged.high > 0.3
    assert by_role["Teacher"].like_teacher.value is None

    # Which sessions fed which column.
    assert result.sources[PREFERENCE] == ids
    assert result.sources[ACCURACY] == [ids[0]]
    assert result.sources[ERRORS] == ids
    assert result.sources[STYLE] == ids
    kinds = {row["Session"]: (row["Kind"], row["Used for"]) for row in session_rows(result)}
    assert kinds == {
        "Facts": ("factual", "preference, automatic check, errors, style"),
        "Open": ("open-ended", "preference, errors, style"),
    }
    rows = study_rows(result)
    assert rows[1]["As good as or better than the Teacher"].startswith("50%")
    assert rows[1]["Verdicts against the Teacher"] == "1 better, 1 tied, 2 worse (1 left out)"
    assert rows[2]["As good as or better than the Teacher"] == "–"
    assert json.loads(json.dumps(result.as_json()))["teacher"] == "Teacher"


def test_lineups_that_differ_are_shown_apart_and_none_in_common_is_refused(
    database: tuple[Path, list[str]],
) -> None:
    path, ids = database
    facts, open_ended = _documents(path, ids)
    for item in open_ended["items"]:
        for response in item["responses"]:
            if response["role"] == "Base":
                response["role"] = "Base, larger"
    result = study([facts, open_ended])
    roles = {model.role: len(model.sessions) for model in result.models}
    assert roles == {"Base": 1, "Base, larger": 1, "Imitator": 2, "Teacher": 2}
    assert any("Base, larger did not answer in “Facts”" in note for note in result.notes)

    for item in open_ended["items"]:
        for response in item["responses"]:
            response["role"] = "Other " + response["role"]
    open_ended["session"]["lineup"] = []
    with pytest.raises(StudyRefused, match="no model in common"):
        study([facts, open_ended])


class _Tables(HTMLParser):
    """The cells of every table of a page, and its headings."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2"):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag in ("h1", "h2") and self._heading is not None:
            self.headings.append("".join(self._heading).strip())
            self._heading = None

    def handle_data(self, data: str) -> None:
        for part in (self._cell, self._heading):
            if part is not None:
                part.append(data)


def _parsed(page: str) -> _Tables:
    parser = _Tables()
    parser.feed(page)
    return parser


def test_the_page_holds_the_same_table_and_runs_nothing(database: tuple[Path, list[str]]) -> None:
    path, ids = database
    result = study(_documents(path, ids))
    page = render_study_html(result)
    assert "<script" not in page and "default-src 'none'" in html.unescape(page)
    parsed = _parsed(page)
    rows = study_rows(result)
    model_table = next(t for t in parsed.tables if t[0][0] == "Model")
    assert model_table[0] == list(rows[0])
    assert model_table[1:] == [list(row.values()) for row in rows]
    session_table = next(t for t in parsed.tables if t[0][0] == "Session")
    assert [row[0] for row in session_table[1:]] == ["Facts", "Open"]


def test_the_command_line_writes_the_page(
    database: tuple[Path, list[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, ids = database
    folder = path.parent
    (folder / "imitation-lens.sqlite3").unlink(missing_ok=True)
    path.rename(folder / "imitation-lens.sqlite3")
    target = tmp_path / "page.html"
    assert main(["--data-dir", str(folder), "study", *ids, "-o", str(target)]) == 0
    assert "Imitator" in target.read_text(encoding="utf-8")
    assert main(["--data-dir", str(folder), "study", ids[0], "nope", "-o", str(target)]) == 1
    assert "No session 'nope'" in capsys.readouterr().err


def test_the_study_view_opens_from_the_session_browser(
    qtbot: Any, database: tuple[Path, list[str]], tmp_path: Path
) -> None:
    path, ids = database
    writer = GuiWriter(path)
    try:
        browser = SessionBrowser(writer)
        qtbot.addWidget(browser)
        with qtbot.waitSignal(browser.listed, timeout=WAIT_MS):
            browser.show()
        browser.table.selectAll()
        assert sorted(browser.selected_ids()) == sorted(ids)
        with qtbot.waitSignal(browser.study_opened, timeout=WAIT_MS) as opened:
            browser.study_button.click()
        view = opened.args[0]
        assert isinstance(view, StudyView)
        qtbot.waitUntil(lambda: view.study is not None, timeout=WAIT_MS)
        assert view.study is not None
        table = view.table
        assert table is not None
        headers = [table.horizontalHeaderItem(c) for c in range(table.columnCount())]
        names = [header.data(Qt.ItemDataRole.UserRole) for header in headers if header]
        assert names == list(study_rows(view.study)[0])
        cells = [table.item(1, c) for c in range(table.columnCount())]
        assert [cell.text() for cell in cells if cell] == list(study_rows(view.study)[1].values())
        assert "Facts" in view.heading.text() and "Open" in view.heading.text()
        assert view.width() <= 1366 and view.height() <= 768

        target = tmp_path / "study.html"
        with qtbot.waitSignal(view.saved, timeout=WAIT_MS) as saved:
            view.save_html(target)
        assert saved.args[0] == str(target)
        assert "Imitator" in target.read_text(encoding="utf-8")
        view.close()
        browser.close()
    finally:
        with qtbot.waitSignal(writer.closed, timeout=WAIT_MS):
            writer.close()


def test_the_browser_asks_for_two_sessions(qtbot: Any, database: tuple[Path, list[str]]) -> None:
    path, _ = database
    writer = GuiWriter(path)
    try:
        browser = SessionBrowser(writer)
        qtbot.addWidget(browser)
        with qtbot.waitSignal(browser.listed, timeout=WAIT_MS):
            browser.show()
        browser.table.selectRow(0)
        browser.study_button.click()
        assert "two or more" in browser.message.text()
        browser.close()
    finally:
        with qtbot.waitSignal(writer.closed, timeout=WAIT_MS):
            writer.close()


def test_the_study_view_closed_while_computing_gets_no_figures(
    qtbot: Any, database: tuple[Path, list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    from imitation_lens.ui import study_view

    path, ids = database
    started, release = threading.Event(), threading.Event()
    real = study

    def held(documents: list[dict[str, Any]]) -> Any:
        started.set()
        release.wait(WAIT_MS / 1000)
        return real(documents)

    monkeypatch.setattr(study_view, "study", held)
    writer = GuiWriter(path)
    try:
        view = StudyView(writer, ids)
        qtbot.addWidget(view)
        seen: list[str] = []
        view.shown.connect(lambda: seen.append("shown"))
        view.failed.connect(seen.append)
        view.show()
        qtbot.waitUntil(started.is_set, timeout=WAIT_MS)
        view.close()
        release.set()
        qtbot.waitUntil(lambda: not running_tasks(), timeout=WAIT_MS)
        assert seen == [] and view.study is None and view.table is None
        assert not view.save_button.isEnabled()
    finally:
        release.set()
        with qtbot.waitSignal(writer.closed, timeout=WAIT_MS):
            writer.close()
