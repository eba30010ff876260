"""The HTML report and the study page in German and in English (issue 18): the templates' and
core/exports' words through gettext, numbers and percentages as each language writes them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from imitation_lens.core.analysis.session_report import Chart
from imitation_lens.core.analysis.study import study
from imitation_lens.core.exports.html_report import render_html, write_html
from imitation_lens.core.exports.study_html import render_study_html
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import ENGLISH, GERMAN
from test_exporters import build_document
from test_html_report import _browser, _chromium

CHARTS = [
    Chart("Share with an error", "%", [("Base", 57.0, 40.0, 70.0), ("Teacher", 12.5, None, None)]),
    Chart("Error score per answer", "points", [("Base", 1234.5, None, None)]),
]
# The summary's columns and cells are core/analysis's (another part of the work): as given here.
SUMMARY = [{"Model": "Base", "Errors per 100 words": "3.2"}]
# Sentences of the templates and of core/exports as English has them: none may stay in German.
ENGLISH_SENTENCES = [
    "How to read the marks",
    "Summary per model",
    "Charts",
    "Reference answer:",
    "Verdict:",
    "dotted underline",
    "wavy underline",
    "This page runs no scripts",
    "Point at marked text",
    "The thin black line",
    "Shown as answer",
    "error score",
    "Preferred:",
    "A tie.",
    "Imitation Lens report",
]


@pytest.fixture
def german() -> Iterator[None]:
    translation.use_language(GERMAN)
    yield
    translation.use_language(ENGLISH)


def _text(page: str) -> str:
    """The page's words without its style sheet (its class names are English on purpose)."""
    return re.sub(r"<style>.*?</style>", "", page, flags=re.S)


def _report(tmp_path: Path) -> str:
    document = build_document(tmp_path)
    document["session"]["blind"] = 1
    return render_html(document, SUMMARY, CHARTS)


def test_the_report_speaks_german(tmp_path: Path, german: None) -> None:
    page = _report(tmp_path)
    assert '<html lang="de">' in page
    text = _text(page)
    for words in (
        "So lesen Sie die Markierungen",
        "Diagramme",
        "Zusammenfassung je Modell",
        "Referenzantwort:",
        "Urteil:",
        "Gezeigt als Antwort 1",
        "Bevorzugt: Teacher · gemma.",  # the role is the session's data: as stored
        "Unentschieden.",
        "Fehlerpunkte",
        "Diese Seite führt keine Skripte aus",
        "— Imitation-Lens-Bericht</title>",
        "<dt>Sitzung</dt>",
        "<dt>Fragen</dt>",
    ):
        assert words in text, words
    # Numbers as German writes them: a percentage with its space, a decimal comma, grouping.
    assert "57\xa0% (40–70)" in text and "12,5\xa0%" in text and ">1.234</text>" in text
    assert re.search(r"\d Markierung(en)? · \d+ Wörter · Fehlerpunkte \d", text)
    for sentence in ENGLISH_SENTENCES:
        assert sentence not in text, sentence
    # What the page holds as data stays English: the category classes, the anchors.
    assert 'class="chip c-' in page and 'id="question-1"' in page


def test_a_long_german_report_gives_its_pager_german_words(tmp_path: Path, german: None) -> None:
    page = render_html(build_document(tmp_path), paged_above=1, page_size=1)
    assert "Diese Sitzung hat 2 Fragen." in page and "Vorige Seite" in page
    assert 'data-where="Seite {page} von {pages} (Fragen {first} bis {last} von {count})"' in page
    assert "Previous page" not in page and "Page {page}" not in page


def test_the_report_stays_english_in_english(tmp_path: Path) -> None:
    translation.use_language(ENGLISH)
    page = _report(tmp_path)
    assert '<html lang="en">' in page
    text = _text(page)
    for sentence in ENGLISH_SENTENCES:
        assert sentence in text, sentence
    assert "57% (40–70)" in text and "12.5%" in text and ">1,234</text>" in text
    assert "Urteil" not in text and "Fehlerpunkte" not in text


def test_the_study_page_speaks_german(tmp_path: Path, german: None) -> None:
    page = render_study_html(study([build_document(tmp_path)]))
    assert '<html lang="de">' in page
    text = _text(page)
    for words in ("<title>Studie: ", "Die Tabelle der Studie", "Was jede Spalte bedeutet"):
        assert words in text, words
    assert "95\xa0%-Intervall" in text and "0\xa0% und 100\xa0%" in text
    for sentence in ("The study's table", "What each column means", "Several sessions read"):
        assert sentence not in text, sentence


def test_the_study_page_stays_english_in_english(tmp_path: Path) -> None:
    translation.use_language(ENGLISH)
    page = render_study_html(study([build_document(tmp_path)]))
    assert '<html lang="en">' in page and "<title>Study: " in page
    assert "a 95% interval" in page and "What each column means" in page


@pytest.fixture
def chromium() -> str:
    found = _browser()
    if found is None:
        pytest.skip("no Chromium found (Debian: apt-get install chromium)")
    return found


@pytest.mark.slow
def test_a_real_browser_pages_a_german_report_in_german(
    chromium: str, tmp_path: Path, german: None
) -> None:
    target = write_html(
        build_document(tmp_path), tmp_path / "long.html", paged_above=1, page_size=1
    )
    result = _chromium(
        chromium,
        tmp_path / "profile",
        "--virtual-time-budget=3000",
        "--dump-dom",
        target.as_uri() + "#question-2",
    )
    assert result.returncode == 0, result.stderr[-2000:]
    # The script fills in the page's German words with its own numbers.
    assert "Seite 2 von 2 (Fragen 2 bis 2 von 2)" in result.stdout
    assert "Page 2 of 2" not in result.stdout
