"""The batch bar, the prompt sets and the session browser in German (issue 18): their words come
from the German catalogue, their numbers and dates are written the German way (QLocale)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from conftest import local_slot
from imitation_lens.core.batches.prompt_sets import PromptSet, SetItem
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.language import GERMAN, Translations
from test_translations import TS, _messages, _translations

QUESTIONS = 1234  # enough for a thousands separator: 1.234 in German, 1,234 in English
STARTED = "2026-03-07T14:05:00+00:00"


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    assert installed.install(GERMAN) == GERMAN
    yield installed
    installed.remove()
    QLocale.setDefault(QLocale.system())


def _seed_paused_batch(paths: DataPaths) -> None:
    """A session with a batch of 1,234 questions not yet asked (a paused batch, resumable)."""
    lineup = [local_slot("Base"), local_slot("Imitator")]
    prompt_set = PromptSet(
        "test-quiz",
        "Hauptstädte",
        tuple(SetItem(f"Frage {n}?", reference="Paris") for n in range(QUESTIONS)),
    )
    store = Store(paths.database)
    try:
        session_id = store.create_session(
            "Quiz", [slot.to_dict() for slot in lineup], evaluator="Ann", session_id="quiz"
        )
        create_batch(store, session_id, prompt_set, lineup)
        store.db.execute("UPDATE sessions SET created_at = ? WHERE id = ?", [STARTED, session_id])
        store.db.conn.commit()
    finally:
        store.close()


def test_the_batch_bar_prompt_sets_and_sessions_speak_german(
    qtbot: Any, open_window: Any, data_paths: DataPaths, german: Translations
) -> None:
    _seed_paused_batch(data_paths)
    window = open_window(data_paths)
    panel = window.batches.panel
    qtbot.waitUntil(panel.isVisible, timeout=10000)
    assert "Stapel: Hauptstädte" in panel.title.text() and "Pausiert" in panel.title.text()
    assert panel.pause_button.text() == "Fortsetzen"
    assert panel.cancel_button.text() == "Stapel abbrechen"
    assert panel.bar.format() == "0 von 1.234 beantwortet"
    assert panel.details.text().startswith("1.234 Fragen sind noch zu beantworten.")
    assert panel.unjudged_button.text() == "Nächster unbewerteter  (Strg+U)"  # Qt's key name
    choices = window.judging_bar.choice_box
    shown = [choices.itemText(i) for i in range(choices.count())]
    assert "Unentschieden: gleich gut" in shown and "Alle schlecht" in shown

    dialog = window.batches.open_sets()
    qtbot.waitUntil(lambda: len(dialog.sets) >= 4, timeout=10000)
    assert dialog.windowTitle() == "Fragensätze"
    assert dialog.run_button.text() == "Mit der Aufstellung starten"
    headers = dialog.preview.horizontalHeaderItem
    assert [headers(i).text() for i in range(3)] == ["Frage", "Referenzantwort", "Auch akzeptiert"]
    assert "mit Referenzantwort (automatisch geprüft)" in dialog.about.text()
    assert "mitgeliefert" in dialog.set_list.item(0).text()
    assert "100.000 Fragen" in dialog.sample_box.toolTip()
    dialog.close()

    browser = window.open_session_browser()
    qtbot.waitUntil(lambda: len(browser.summaries) == 1, timeout=5000)
    assert browser.windowTitle() == "Sitzungen"
    assert browser.open_button.text() == "&Öffnen"
    header = browser.table.horizontalHeaderItem
    assert [header(i).text() for i in (1, 2, 4)] == ["Bewertet von", "Begonnen", "Einträge"]
    local = datetime.fromisoformat(STARTED).astimezone()
    assert browser.table.item(0, 2).text() == local.strftime("%d.%m.%Y, %H:%M")
    assert browser.table.item(0, 4).text() == "1.234"
    assert browser.message.text() == "1 Sitzung."
    # The accelerators stay distinct in German.
    buttons = [browser.open_button, browser.rename_button, browser.duplicate_button]
    buttons += [browser.delete_button, browser.study_button, browser.undo_button]
    letters = [b.text()[b.text().index("&") + 1].lower() for b in buttons]
    assert len(set(letters)) == len(letters), letters


def test_localised_counts_keep_their_placeholder_in_german() -> None:
    """%Ln (a count written the language's way, 1.234) is not the %n the placeholder check in
    test_translations.py counts: every German form keeps it too."""
    lost = [
        (source, german)
        for _, message in _messages(TS)
        if "%Ln" in (source := message.findtext("source", ""))
        for german in _translations(message)
        if german.count("%Ln") != source.count("%Ln")
    ]
    assert lost == []
    assert any("%Ln" in m.findtext("source", "") for _, m in _messages(TS))
