"""The report, the study view, About and the app's own messages in German (issue 18): the words
around the figures, and the figures themselves written the German way (1.234,5 and 57 %)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLabel

from imitation_lens.core.batches.prompt_sets import PromptSet, SetItem
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark, Verdict, insert_mark, submit_verdict
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import LocalModel, SlotConfig
from imitation_lens.core.storage.store import Store
from imitation_lens.ui import library_rows, window_startup
from imitation_lens.ui.about_dialog import AboutDialog
from imitation_lens.ui.app import already_open
from imitation_lens.ui.bar_chart import BarChart
from imitation_lens.ui.batch_start import batch_session
from imitation_lens.ui.diagnostics import CrashNotice
from imitation_lens.ui.gui_writer import GuiWriter
from imitation_lens.ui.language import GERMAN, Translations
from imitation_lens.ui.mark_style import legend_html
from imitation_lens.ui.questions import ask_first
from imitation_lens.ui.report_view import ReportView
from imitation_lens.ui.study_view import StudyView
from imitation_lens.ui.window_banner import Banner
from translation_scan import translated_in_f_strings, ui_modules

WAIT_MS = 20000
ROLES = ("Base", "Imitator")
QUESTIONS = {
    "Capital of Australia?": ("Sydney.", "Canberra."),
    "How many legs has a spider?": ("Six.", "Eight."),
    "Who wrote Frankenstein?": ("Byron.", "Mary Shelley."),
}


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    assert installed.install(GERMAN) == GERMAN and len(installed.installed) == 2
    yield installed
    installed.remove()
    QLocale.setDefault(QLocale.system())


def _session(store: Store, title: str) -> str:
    """Three questions answered by both models: the Base's answers marked wrong, the Imitator
    preferred each time."""
    lineup = [{"role": role, "kind": "local"} for role in ROLES]
    session_id = store.create_session(title, lineup)
    for number, (prompt, texts) in enumerate(QUESTIONS.items()):
        item_id = f"{title}-{number}"
        ids = [f"{item_id}-{role}" for role in ROLES]
        rows = [
            {"id": rid, "slot_index": slot, "role": role, "kind": "local"}
            for slot, (rid, role) in enumerate(zip(ids, ROLES, strict=True))
        ]
        store.add_item(session_id, item_id, prompt, rows)
        for rid, text in zip(ids, texts, strict=True):
            store.finish_response(rid, Status.DONE, text, "", {})
        insert_mark(store, Mark(f"{item_id}-m", ids[0], 0, 4, texts[0][:4]))
        submit_verdict(store, Verdict(item_id, 1, "answer", ids[1]))
    return session_id


@pytest.fixture
def sessions(tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    path = tmp_path / "views.sqlite3"
    store = Store(path)
    ids = [_session(store, "Fakten"), _session(store, "Noch mehr Fakten")]
    store.close()
    yield path, ids


@pytest.fixture
def writer(qtbot: Any, sessions: tuple[Path, list[str]]) -> Iterator[GuiWriter]:
    opened = GuiWriter(sessions[0])
    yield opened
    with qtbot.waitSignal(opened.closed, timeout=WAIT_MS):
        opened.close()


def _texts(widget: Any) -> str:
    return "\n".join(label.text() for label in widget.findChildren(QLabel))


def test_the_report_view_speaks_german(
    qtbot: Any, german: Translations, writer: GuiWriter, sessions: tuple[Path, list[str]]
) -> None:
    view = ReportView(writer, sessions[1][0])
    qtbot.addWidget(view)
    assert view.windowTitle() == "Bericht"
    assert view.heading.text() == "Die Zahlen werden berechnet…"
    with qtbot.waitSignal(view.shown, timeout=WAIT_MS):
        view.show()
    heading = view.heading.text()
    assert "<p>3 bewertete Einträge, 3 Urteile, Markierungen von " in heading
    assert "Die Balken zeigen den Wert jedes Modells" in heading
    assert "95\xa0%-Intervall" in heading  # the percentage as German writes it
    assert "Pro Modell" in _texts(view)
    assert view.leave_out.text().startswith("Urteile zu Fragen weglassen")
    assert view.summary_table.accessibleDescription() == "2 Zeilen"
    # German words are longer: the report still fits a 1366×768 screen.
    assert view.minimumSizeHint().width() <= 1366 and view.width() <= 1366
    # The figures on the bars: German decimals and percentages.
    assert BarChart("Fehler", "%", [("Base", 57.0, None, None)]).format(57.0) == "57\xa0%"
    assert BarChart("Länge", "Wörter", []).format(1234.5) == "1.234,50 Wörter"
    # Switching to the verdicts left out works the figures out again, in German too.
    view.leave_out.setChecked(True)
    assert view.heading.text() == "Die Zahlen werden berechnet…"
    with qtbot.waitSignal(view.shown, timeout=WAIT_MS):
        pass
    view.close()


def test_the_study_view_speaks_german(
    qtbot: Any,
    german: Translations,
    writer: GuiWriter,
    sessions: tuple[Path, list[str]],
    tmp_path: Path,
) -> None:
    view = StudyView(writer, sessions[1])
    qtbot.addWidget(view)
    assert view.windowTitle() == "Studienansicht"
    assert view.save_button.text() == "Als &HTML speichern…"
    assert view.heading.text() == "Die Sitzungen werden gelesen und die Zahlen berechnet…"
    with qtbot.waitSignal(view.shown, timeout=WAIT_MS):
        view.show()
    heading = view.heading.text()
    assert "2 Sitzungen zusammen gelesen, eine Zeile pro Modell" in heading
    assert "95\xa0%-Intervall" in heading
    assert "Für jede Spalte verwendete Sitzungen:" in heading
    assert "markierte Fehler: „Fakten“, „Noch mehr Fakten“" in heading
    assert "Was jede Spalte bedeutet" in view.meanings.text()
    assert view.minimumSizeHint().width() <= 1366 and view.width() <= 1366
    target = tmp_path / "studie.html"
    with qtbot.waitSignal(view.saved, timeout=WAIT_MS):
        view.save_html(target)
    assert view.message.text() == f"Die Studie wurde als {target} gespeichert."
    view.close()


def test_about_speaks_german(qtbot: Any, german: Translations, tmp_path: Path) -> None:
    dialog = AboutDialog(DataPaths(tmp_path / "data"))
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Über Imitation Lens"
    assert dialog.copy_button.text() == "Versionen &kopieren"
    assert "Sehen Sie nebeneinander" in _texts(dialog)
    with qtbot.waitSignal(dialog.loaded, timeout=30000):
        dialog.show()
    shown = dialog.body.toPlainText()
    assert "Versionen" in shown and "Lizenzen" in shown and "Ihre Daten" in shown
    dialog.copy()
    assert dialog.copy_button.text() == "Kopiert"
    dialog.close()


def test_the_apps_questions_and_messages_speak_german(
    qtbot: Any, german: Translations, tmp_path: Path
) -> None:
    # There is no question on quitting (the app writes as it goes and just ends): the yes-or-no
    # box the batch's Cancel asks through gets Qt's German buttons and the caller's words.
    parent = QLabel()
    qtbot.addWidget(parent)
    box = ask_first(parent, "askBox", "Den Stapel abbrechen?", "Abbrechen", "Weiter", lambda: None)
    assert box.text() == "Den Stapel abbrechen?"
    box.reject()
    notice = CrashNotice(tmp_path / "imitation-lens.log")
    text = notice.text()
    assert text.startswith("In der App ist etwas schiefgegangen. Ihre gespeicherte Arbeit ist")
    assert f"Die Einzelheiten stehen im Protokoll: {tmp_path / 'imitation-lens.log'}." in text
    assert already_open().startswith("Imitation Lens ist mit diesem Datenordner schon geöffnet.")
    assert window_startup.startup_message({"interrupted": 0}) == "Bereit. F1 zeigt die Tasten."
    assert window_startup.startup_message({"interrupted": 1}).startswith(
        "1 Antwort wurde beim letzten Schließen"
    )
    assert window_startup.startup_message({"interrupted": 2}).startswith("2 Antworten wurden")
    assert "Leicht (gepunktet)" in legend_html() and "Schwer (gewellt)" in legend_html()
    banner = Banner()
    banner.show_storage_failed("Die Platte ist voll.")
    assert banner.text().startswith("<b>Noch nicht gespeichert.</b>")
    assert library_rows.column_titles()[:3] == ["Modell", "Architektur", "Parameter"]
    assert library_rows.COLUMNS[0] == "Model"  # the English kept for whoever looks it up
    assert library_rows.human_bytes(1_234_567_890) == "1,23 GB"
    assert library_rows.human_count(135_000_000) == "135 Mio."


def test_without_a_catalogue_the_words_stay_english(qapp: QApplication) -> None:
    assert window_startup.startup_message({"interrupted": 1}).startswith("1 answer(s) were cut off")
    assert library_rows.column_titles()[0] == "Model"
    assert CrashNotice(None).text().startswith("Something went wrong inside the app.")


def test_no_message_is_translated_inside_an_f_string() -> None:
    """lupdate does not read inside f-strings: a tr() there never reaches the .ts."""
    found = {p.stem: lines for p in ui_modules() if (lines := translated_in_f_strings(p))}
    assert found == {}


def test_a_batchs_session_is_dated_the_german_way(german: Translations, tmp_path: Path) -> None:
    prompt_set = PromptSet("facts", "Fakten", (SetItem("Hauptstadt von Australien?"),))
    lineup = [SlotConfig("Base", LocalModel(prompt_mode="completion"))]
    session_id, create = batch_session(prompt_set, lineup, blind=False)
    store = Store(tmp_path / "batch.sqlite3")
    try:
        create(store)
        title = store.session(session_id)["title"]
    finally:
        store.close()
    german_months = QLocale(QLocale.Language.German).monthName
    assert title.startswith("Fakten · ")
    assert any(f". {german_months(month)} " in title for month in range(1, 13)), title
