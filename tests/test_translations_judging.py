"""The judging part of the window in German (issue 18): the verdict bar, the columns, the mark
form, the right-click menu and the keyboard sheet speak German, fit a small laptop screen, and
every key stays exactly the key it was."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QFormLayout, QLabel, QMenu, QScrollArea

from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.ui.answer_keys import add_mark_actions
from imitation_lens.ui.column_words import speed_words
from imitation_lens.ui.language import GERMAN, Translations
from imitation_lens.ui.main_window import MainWindow
from imitation_lens.ui.mark_dialog import MarkDialog
from imitation_lens.ui.shortcut_sheet import sections
from test_screen_fit import ROOM, _check, crowd, fits, lineup_of, reachable, settle

# The only words in the sheet's key column; everything else there is a key, never translated.
KEY_COLUMN_WORDS = {
    " or ": " oder ",
    "  and  ": "  und  ",
    "+arrows": "+Pfeiltasten",
    "(in Why?)": "(in „Warum?“)",
}


@pytest.fixture
def german(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    installed.install(GERMAN)
    yield installed
    installed.remove()
    QLocale.setDefault(QLocale.system())


def _accelerator(text: str) -> str:
    text = text.replace("&&", "")
    index = text.find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""


def test_the_sheet_keeps_every_key_in_german(qapp: QApplication) -> None:
    english = [key for _, keys in sections() for key, _ in keys]
    installed = Translations(qapp)
    installed.install(GERMAN)
    try:
        german = [key for _, keys in sections() for key, _ in keys]
        titles = [title for title, _ in sections()]
    finally:
        installed.remove()
        QLocale.setDefault(QLocale.system())
    expected = []
    for key in english:
        for word, translated in KEY_COLUMN_WORDS.items():
            key = key.replace(word, translated)
        expected.append(key)
    assert german == expected
    assert {"[  und  ]", "m / Shift+M", "F1 oder ?", "Enter (in „Warum?“) oder Alt+S"} <= set(
        german
    )
    assert "Urteil und Einträge" in titles


def test_the_judging_part_of_the_window_speaks_german(
    qtbot: Any,
    open_window: Callable[..., MainWindow],
    data_paths: DataPaths,
    german: Translations,
) -> None:
    window = open_window(data_paths, lineup_of(4))
    bar = window.judging_bar
    assert bar.submit_button.text() == "Urteil ab&senden"  # Alt+S, as the sheet says
    assert bar.choice_box.itemText(0) == "— wählen —"
    assert bar.reason_edit.placeholderText() == "Warum? (optional)"
    bar.set_navigation(1200, 1500)  # numbers as German writes them
    assert bar.item_label.text() == "Eintrag 1.200 von 1.500"
    assert "<b>m</b> Leicht (gepunktet)" in bar.legend_label.text()
    column = window.columns[0]
    assert column.mark_button.text() == "Fehler markieren (E)"
    assert column.clean_box.text() == "Geprüft: keine Fehler (C)"
    assert column.state_label.text() == "Bereit"
    assert column.raw_button.text() == "Rohtext"
    assert window.run_button.text() == "Ausführen  (Ctrl+Enter)"
    assert speed_words(12.34, 240) == "12,3 Tokens/s · 240 Tokens"
    mark = Mark("m", "r", 0, 4, "1913", category="wrong_detail", severity="major")
    column.answer.set_marks([mark])
    assert column.marks_label.text() == "1 Markierung (1 schwer, 0 leicht)"

    menu = QMenu()
    add_mark_actions(menu, True, True, lambda _: None)
    labels = [a.text() for a in menu.actions() if a.text()]
    assert "Leicht\tm" in labels and "Schwer\tShift+M" in labels
    titles = [m.title() for m in menu.findChildren(QMenu)]
    assert "Auswahl markieren als" in titles
    menu.deleteLater()

    # Nothing is cut at 1366×768 or less: the crowded window and its controls still fit.
    crowd(window)
    settle(qtbot)
    assert fits(window.minimumSizeHint()), window.minimumSizeHint()
    window.resize(ROOM)
    settle(qtbot)
    assert reachable(window) == []


def test_the_mark_form_and_the_keyboard_sheet_in_german_fit_and_keep_their_keys(
    qtbot: Any,
    open_window: Callable[..., MainWindow],
    data_paths: DataPaths,
    german: Translations,
) -> None:
    window = open_window(data_paths)
    window.resize(ROOM)
    mark = Mark("m", "r", 0, 4, "1913", category="wrong_detail", note="war 1912")
    dialog = MarkDialog(mark, False, window)
    assert dialog.windowTitle() == "Markierung bearbeiten"
    assert dialog.quote_label.text() == "„1913“"
    form = dialog.findChild(QFormLayout)
    assert form is not None
    rows = [form.itemAt(row, QFormLayout.ItemRole.LabelRole) for row in range(form.rowCount())]
    widgets = [item.widget() for item in rows if item is not None]
    labels = [w.text() for w in widgets if isinstance(w, QLabel)]
    assert labels == ["&Kategorie", "&Schweregrad", "&Notiz", "Ko&rrektur"]
    assert dialog.delete_button is not None
    buttons = [b.text() for b in dialog.buttons.buttons()]
    assert "Änderungen speichern" in buttons and "Markierung &löschen" in buttons
    # Every letter with Alt in the form is a different one, in German too.
    letters = [_accelerator(t) for t in [*labels, dialog.unsure_box.text(), *buttons]]
    letters = [letter for letter in letters if letter]
    assert len(letters) == len(set(letters)), letters
    assert _check(dialog, qtbot) == []
    dialog.reject()

    window.show_shortcuts()
    sheet = window._sheet
    assert sheet is not None
    assert sheet.windowTitle() == "Tastenkürzel"
    label = sheet.findChild(QLabel)
    assert label is not None
    text = label.text()
    for words in ("Urteil und Einträge", "Die Auswahl als „", "Diese Übersicht"):
        assert words in text
    for key in ("[  und  ]", "F1 oder ?", "Shift+M", "Alt+S", "Ctrl+Page Down", "Ctrl+Z"):
        assert key in text
    assert _check(sheet, qtbot) == []
    area = sheet.findChild(QScrollArea)
    assert area is not None and area.horizontalScrollBar().maximum() == 0  # no sideways scroll
    sheet.close()


def test_alt_s_submits_the_verdict_in_german(
    qtbot: Any,
    open_window: Callable[..., MainWindow],
    data_paths: DataPaths,
    german: Translations,
) -> None:
    window = open_window(data_paths)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    bar = window.judging_bar
    bar.set_enabled_for_item(True)
    submitted: list[object] = []
    bar.submit_requested.connect(lambda choice, reason: submitted.append(choice))
    bar.reason_edit.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    # A mnemonic clicks the button after a short animation.
    qtbot.waitUntil(lambda: bool(submitted), timeout=2000)
