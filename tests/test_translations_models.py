"""The model dialogs in German (issue 18): the library with its catalog, the lineup, a column's
settings and the teacher connections speak German, keep their accelerators distinct and still
fit a 1366×768 laptop with German's longer words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QLabel, QTabWidget

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.downloads import Progress
from imitation_lens.ui import language
from imitation_lens.ui.catalog_tab import describe_progress
from imitation_lens.ui.language import GERMAN, Translations
from imitation_lens.ui.slot_dialog import SlotDialog

SCREEN_WIDTH = 1366  # the small laptop the dialogs must fit, German included
# Its 768 pixels less a title bar and borders (about 40) and a desktop panel (about 32).
ROOM_HEIGHT = 768 - 40 - 32


@pytest.fixture
def german(qapp: QApplication, data_paths: DataPaths) -> Iterator[Translations]:
    """German chosen and installed, as the app does at start; English again afterwards."""
    installed = Translations(qapp)
    language.save_language(data_paths.window_settings, GERMAN)
    assert installed.install(language.chosen_language(data_paths.window_settings)) == GERMAN
    yield installed
    installed.remove()
    QLocale.setDefault(QLocale.system())


def _accelerators(dialog: QDialog) -> list[str]:
    """The & letters of the dialog's buttons, form labels and tabs (all tabs: one window)."""
    texts = [b.text() for b in dialog.findChildren(QAbstractButton)]
    texts += [label.text() for label in dialog.findChildren(QLabel)]
    for tabs in dialog.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    letters = []
    for text in texts:
        text = text.replace("&&", "")
        index = text.find("&")
        if 0 <= index < len(text) - 1:
            letters.append(text[index + 1].lower())
    return letters


def _fits(dialog: QDialog) -> list[str]:
    """What is bigger than the screen: the dialog's size hint and its smallest size."""
    QApplication.processEvents()
    wide = []
    for name, size in (("size hint", dialog.sizeHint()), ("minimum", dialog.minimumSizeHint())):
        if size.width() > SCREEN_WIDTH or size.height() > ROOM_HEIGHT:
            wide.append(f"{dialog.objectName() or dialog.windowTitle()}: {name} {size}")
    return wide


def _distinct(dialog: QDialog) -> None:
    letters = _accelerators(dialog)
    assert letters, dialog.windowTitle()
    assert len(letters) == len(set(letters)), (dialog.windowTitle(), letters)


def test_the_model_dialogs_speak_german_keep_distinct_keys_and_fit_a_laptop(
    qtbot: Any, open_window: Any, data_paths: DataPaths, german: Translations, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    wide: list[str] = []

    library = window.models_menu.open_library()
    assert library.windowTitle() == "Modellbibliothek"
    assert library.add_button.text() == "&GGUF-Datei hinzufügen…"
    assert library.tabs.tabText(0) == "Auf diesem Computer"
    catalog = library.catalog_tab
    assert catalog.download_button.text() == "Paar &herunterladen"
    header = catalog.table.horizontalHeaderItem(1)
    assert header is not None and header.text() == "Passt auf einen Laptop mit 8 GB"
    assert "<i>Lizenzen:</i>" in catalog.details.text()  # the chosen pair's facts
    assert catalog.sources.toPlainText().startswith("Woher diese Angaben stammen")
    _distinct(library)
    wide += _fits(library)
    library.tabs.setCurrentWidget(catalog)
    wide += _fits(library)
    library.close()

    connections = window.models_menu.open_connections()
    assert connections.windowTitle() == "Lehrer-Verbindungen"
    assert connections.test_button.text() == "Verbindung &testen"
    connections.save()  # an empty form: says what is missing, in whole German sentences
    assert connections.result_label.text() == (
        "Geben Sie der Verbindung einen Namen, eine Adresse und ein Modell. "
        "„Verbindung testen“ zeigt die Modelle, die der Server anbietet."
    )
    _distinct(connections)
    wide += _fits(connections)
    connections.close()

    lineup = window.models_menu.open_lineup()
    if not lineup.choices:
        with qtbot.waitSignal(lineup.ready, timeout=20000):
            pass
    assert lineup.windowTitle() == "Aufstellung"
    assert lineup.add_button.text() == "Spalte &hinzufügen"
    assert lineup.choices[0].label.startswith("Mitgeliefert: ")
    assert lineup.add_button.accessibleDescription() == "Bis zu 6 Spalten"
    _distinct(lineup)
    wide += _fits(lineup)
    lineup.reject()

    slot = SlotDialog(window.lineup[0], window)
    qtbot.addWidget(slot)
    slot.show()
    assert slot.windowTitle() == f"Spalte {window.lineup[0].role}"
    assert slot.temperature.toolTip().startswith("Wie gewagt die Formulierung ist.")
    assert slot.source.itemText(0) == "Mitgeliefertes Demo-Modell"
    slot.knobs_button.click()  # the explanations shown: the tallest and widest it gets
    assert slot.knobs_help.text().splitlines()[0].startswith("Temperatur: Wie gewagt")
    letters = _accelerators(slot)
    assert len(letters) == len(set(letters)), letters
    wide += _fits(slot)
    slot.reject()

    assert wide == []

    # The window's own words about the lineup, in German too.
    window.apply_lineup(window.lineup)
    roles = ", ".join(slot.role for slot in window.lineup)
    assert window.statusBar().currentMessage() == (
        f"Aufstellung: {roles}. Stellen Sie eine Frage, um zu vergleichen."
    )


def test_download_progress_writes_numbers_the_german_way(german: Translations) -> None:
    progress = Progress(1_234_500_000, 2_000_000_000, 1_500_000.0, 75.0)
    assert describe_progress(progress) == "1.235 von 2.000 MB · 1,5 MB/s · noch etwa 1 Min. 15 s"
