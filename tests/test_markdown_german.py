"""The Markdown report and the analysis texts in German (issue 18): German headings, numbers as
German writes them, the taxonomy's labels in German, the same figures as in English; the
exported data (CSV, JSON, the JSON report) the same whatever the language."""

from __future__ import annotations

import csv
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis.session_report import build_session_report
from imitation_lens.core.exports.formats import export_as
from imitation_lens.core.exports.markdown_doc import markdown_document
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.exports.wording import plain_time
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import ENGLISH, GERMAN
from imitation_lens.core.judging.annotations import Mark, mark_problem
from imitation_lens.core.judging.answer_check import check_verdict
from imitation_lens.core.judging.taxonomy import categories, category_label, severity_label
from imitation_lens.core.storage.store import Store
from session_factory import make_session


@pytest.fixture
def german() -> Iterator[None]:
    translation.use_language(GERMAN)
    yield
    translation.use_language(ENGLISH)


@pytest.fixture
def session(tmp_path: Path) -> tuple[Store, str]:
    """A small real session: 12 questions, three answers each, two marks on every answer, a
    colleague's annotations merged in, verdicts on all but every tenth question."""
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 12, answers=3, marks_per_answer=2, evaluators=("", "bo"))
    store.set_setting("evaluator_name", "me")
    return store, session_id


def _markdown(document: dict[str, Any]) -> str:
    built = build_session_report(document)
    return markdown_document(document, built.rows, built.beyond_tables, built.comparison_tables())


def _as_english(cell: str) -> str:
    """A German cell written the English way: 1.234,5 → 1,234.5, 42 % → 42% (Babel puts a
    space, no-break or not by its version, before German's %), +5 Pkt. (−3 bis +9) → +5 pts
    (−3 to +9)."""
    swapped = re.sub(r"\s%", "%", cell).replace(" Pkt.", " pts").replace(" bis ", " to ")
    return re.sub(r"\d[\d.,]*\d|\d", lambda m: m[0].translate(str.maketrans(".,", ",.")), swapped)


def test_the_markdown_report_in_german(session: tuple[Store, str], german: None) -> None:
    store, session_id = session
    document = session_document(store, session_id)
    text = _markdown(document)
    for heading in (
        "## Zusammenfassung",
        "## Die Vergleiche der Studie",
        "## Über die Studie hinaus",
        "## Frage 1",
        "### Jedes Modell gegen den Lehrer (me)",
        "### Direkter Vergleich (me)",
    ):
        assert f"\n{heading}\n" in text, heading
    assert "- Bewertet von: me" in text
    assert "- Fragen: 12" in text
    assert "- Blind: nein" in text
    assert "Markierter Text ist **fett**" in text
    assert "**Urteil:** Bevorzugt: " in text
    assert "| Modell | Bewertete Antworten |" in text
    # Percentages as German writes them (a space before %), never the English way.
    assert re.search(r"\| \d+\s% \(\d+–\d+\s%\) \|", text)
    assert not re.search(r"\d%", text)
    # Every mark names its category and severity in German; the English labels are gone.
    marks = [line for line in text.splitlines() if re.match(r"- \d+\\\. \*\*", line)]
    assert marks
    german_labels = {c.shown_label() for c in categories()}
    for line in marks:
        label = line.split("**")[1]
        assert label in german_labels, line
        assert line.split("**, ")[1].startswith(("Leicht", "Schwer")), line
    english_labels = {c.label for c in categories()}
    assert not any(f"**{label}**" in text for label in english_labels)
    assert not any(word in text for word in ("## Summary", "## Question", "Verdict:", "Evaluator:"))


def test_german_writes_the_same_figures_as_english(session: tuple[Store, str]) -> None:
    """The language changes how a figure is written, never the figure."""
    store, session_id = session
    document = session_document(store, session_id)
    english = build_session_report(document)
    english_tables = english.tables()
    translation.use_language(GERMAN)
    try:
        german = build_session_report(document)
        german_tables = german.tables()  # tables are written when asked for
    finally:
        translation.use_language(ENGLISH)
    pairs = [(english.rows, german.rows)] + [
        (e.rows, g.rows) for e, g in zip(english_tables, german_tables, strict=True)
    ]
    cells = 0
    for english_rows, german_rows in pairs:
        assert len(english_rows) == len(german_rows)
        for english_row, german_row in zip(english_rows, german_rows, strict=True):
            numbers = [
                (e, g)
                for e, g in zip(english_row.values(), german_row.values(), strict=True)
                if re.fullmatch(r"[−+\d.,%\xa0 ()–]+(pts|Pkt\.)?[−+\d ()]*", e or "-")
            ]
            for e, g in numbers:
                assert _as_english(g) == e
                cells += 1
    assert cells > 50
    # The figures themselves: only the notes under them are in words.
    assert replace(english.report, notes=()) == replace(german.report, notes=())
    # Every comparison's numbers; whose they are is in words ("All evaluators").
    assert [e.as_dict() | {"evaluators": ""} for e in english.evidence] == [
        g.as_dict() | {"evaluators": ""} for g in german.evidence
    ]
    assert english.beyond == german.beyond


def test_the_english_report_is_unchanged_by_a_german_turn(session: tuple[Store, str]) -> None:
    store, session_id = session
    document = session_document(store, session_id)
    before = _markdown(document)
    translation.use_language(GERMAN)
    try:
        assert _markdown(document) != before
    finally:
        translation.use_language(ENGLISH)
    after = _markdown(document)
    assert after == before
    for heading in ("## Summary", "## The study's comparisons", "## Beyond the study"):
        assert f"\n{heading}\n" in after
    assert "- Evaluator: me" in after and "**Verdict:** Preferred: " in after
    assert re.search(r"\| \d+% \(\d+–\d+%\) \|", after)
    assert any(f"**{c.label}**, " in after for c in categories())


def _csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file)
        return list(reader.fieldnames or []), list(reader)


def _exports(store: Store, session_id: str, folder: Path) -> dict[str, Path]:
    folder.mkdir()
    return {
        name: export_as(store, session_id, folder / f"s.{name}", name)
        for name in ("csv-marks", "csv-answers", "json", "jsonl", "report-json")
    }


def _without_times(value: Any) -> Any:
    """The data less the moment of export (which differs between two exports)."""
    if isinstance(value, dict):
        return {k: _without_times(v) for k, v in value.items() if k != "exported_at"}
    if isinstance(value, list):
        return [_without_times(v) for v in value]
    return value


def test_exported_data_is_the_same_in_german(session: tuple[Store, str], tmp_path: Path) -> None:
    store, session_id = session
    english = _exports(store, session_id, tmp_path / "en")
    translation.use_language(GERMAN)
    try:
        german = _exports(store, session_id, tmp_path / "de")
        assert translation.current_language() == GERMAN  # the JSON report gave German back
    finally:
        translation.use_language(ENGLISH)
    for name in ("csv-marks", "csv-answers"):
        english_columns, english_rows = _csv(english[name])
        german_columns, german_rows = _csv(german[name])
        assert german_columns == english_columns, name
        assert german_rows == english_rows, name
    _, marks = _csv(german["csv-marks"])
    assert {row["category"] for row in marks} <= {c.code for c in categories()}
    assert {row["category_label"] for row in marks} <= {c.label for c in categories()}
    assert {row["severity"] for row in marks} <= {"minor", "major"}
    _, answers = _csv(german["csv-answers"])
    assert {row["checked_clean"] for row in answers} <= {"yes", "no"}
    for name in ("json", "report-json"):
        english_data = json.loads(english[name].read_text("utf-8"))
        german_data = json.loads(german[name].read_text("utf-8"))
        assert _without_times(german_data) == _without_times(english_data), name
    lines = [json.loads(line) for line in english["jsonl"].read_text("utf-8").splitlines()]
    german_lines = [json.loads(line) for line in german["jsonl"].read_text("utf-8").splitlines()]
    assert _without_times(german_lines) == _without_times(lines)
    report = json.loads(german["report-json"].read_text("utf-8"))
    assert report["figures"][-1]["evaluators"] == "All evaluators"
    assert "Evaluators" in report["agreement"][0]


def test_the_automatic_checks_reason_in_german_stays_english_in_exports(german: None) -> None:
    verdict = check_verdict("It is Sydney or Canberra.", "Canberra", question="Capital?")
    assert verdict is not None
    assert verdict.reason == "offers both Canberra and Sydney"  # what exports keep
    assert verdict.shown_reason() == "bietet sowohl Canberra als auch Sydney an"
    right = check_verdict("Canberra.", "Canberra")
    assert right is not None and right.shown_reason() == "nennt Canberra"
    assert right.reason == "gives Canberra"


def test_taxonomy_marks_and_times_in_german(german: None) -> None:
    assert category_label("wrong_detail") == "Falsches Detail"
    assert category_label("invented") == "Erfunden"
    assert category_label("no_such_code") == "no_such_code"  # unknown: shown as stored
    assert severity_label("major") == "Schwer"
    assert categories()[0].code == "wrong_detail"  # keys stay English
    mark = Mark(
        id="m",
        response_id="r",
        start=0,
        end=3,
        quote="abc",
        category="invented",
        severity="minor",
        note="",
        correction="Bern",
        unsure=True,
    )
    assert mark.describe() == "Erfunden · Leicht · unsicher (richtig wäre: Bern)"
    assert mark_problem(mark) == (
        "„Erfunden“ braucht eine Notiz: Schreiben Sie, wonach Sie gesucht und was Sie nicht "
        "gefunden haben."
    )
    assert plain_time("2026-11-29T23:00:00+00:00") == "29.11.2026, 23:00 UTC"
    translation.use_language(ENGLISH)
    english = plain_time("2026-11-29T23:00:00+00:00").replace("\u202f", " ")
    assert english == "Nov 29, 2026, 11:00 PM UTC"  # as en_US writes it, like the HTML report
    assert mark.describe() == "Made up · Minor · not sure (should be: Bern)"


def test_english_for_an_export_leaves_other_threads_german(german: None) -> None:
    """The JSON report writes English in its own thread; the window's report, built meanwhile
    in another, stays German."""
    seen: list[str] = []
    with translation.in_english():
        assert translation._("Summary") == "Summary"
        assert translation.percent(0.5) == "50%"
        other = threading.Thread(target=lambda: seen.append(translation._("Summary")))
        other.start()
        other.join()
    assert seen == ["Zusammenfassung"]
    assert translation._("Summary") == "Zusammenfassung"
