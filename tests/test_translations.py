"""The interface in German and English through Qt's own translation system (issue 18).

Every ui/ module must mark every user-visible string for translation (tests/translation_scan.py
finds the ones that are not) and every message must have its German.
"""

from __future__ import annotations

import ast
import os
import shutil
import signal
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from conftest import close_window
from imitation_lens.core.housekeeping.logfile import LOG_FILE_NAME
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.ui import language
from imitation_lens.ui.answer_keys import LETTER_ACTIONS, character_action
from imitation_lens.ui.language import ENGLISH, GERMAN, Translations
from real_app import _name_the_evaluator, wait_for
from translation_scan import load_translation_tools, ui_modules, unmarked

ROOT = Path(__file__).resolve().parents[1]


tools = load_translation_tools()

TS = tools.ts_file(GERMAN)
QM = tools.qm_file(GERMAN)


def test_every_module_marks_every_visible_string() -> None:
    """Every ui/ module, a new one included: text on screen goes through tr()."""
    found = {p.stem: unmarked(p) for p in ui_modules()}
    assert {m: hits for m, hits in found.items() if hits} == {}


def test_counts_go_through_self_tr() -> None:
    """pyside6-lupdate keeps the plural forms of self.tr(text, "", n) only: a count given to
    QCoreApplication.translate would reach German with a single form."""
    counted = [
        f"{path.stem}:{node.lineno}"
        for path in ui_modules()
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "translate"
        and (len(node.args) >= 4 or any(k.arg == "n" for k in node.keywords))
    ]
    assert counted == []


def _messages(ts: Path) -> list[tuple[str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [
        (context.findtext("name", ""), message)
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    assert translation is not None
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_message_has_its_german_translation() -> None:
    messages = _messages(TS)
    assert len(messages) >= 90
    unfinished = [
        (context, message.findtext("source"))
        for context, message in messages
        if message.find("translation").get("type") is not None  # type: ignore[union-attr]
        or not all(t.strip() for t in _translations(message))
    ]
    assert unfinished == []


def test_placeholders_and_accelerators_survive_translation() -> None:
    for _, message in _messages(TS):
        source = message.findtext("source", "")
        for german in _translations(message):
            for placeholder in ("{", "%n", "\n", "*."):
                assert source.count(placeholder) == german.count(placeholder), (source, german)
            assert ("&" in source) == ("&" in german), (source, german)


def test_the_ts_holds_every_message_the_code_asks_for(tmp_path: Path) -> None:
    """lupdate over the ui/ modules adds nothing to a copy of the committed .ts."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    modules = [str(p) for p in ui_modules()]
    subprocess.run(
        [
            tools.tool("pyside6-lupdate"),
            *("-silent", "-no-obsolete", "-locations", "none"),
            *modules,
            *("-ts", str(copy)),
        ],
        check=True,
    )

    def keys(ts: Path) -> set[tuple[str, str]]:
        return {(c, m.findtext("source", "")) for c, m in _messages(ts)}

    assert keys(copy) == keys(TS), "run `make translations` and translate what is new"


def test_the_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    built = tmp_path / QM.name
    tools.release(GERMAN, built)
    assert built.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


# -- the language in the app ----------------------------------------------------------------------


@pytest.fixture
def translations(qapp: QApplication) -> Iterator[Translations]:
    installed = Translations(qapp)
    yield installed
    installed.remove()
    QLocale.setDefault(QLocale.system())


def test_the_saved_choice_wins_else_the_systems_language(tmp_path: Path) -> None:
    ini = tmp_path / "window.ini"
    assert language.saved_language(ini) is None
    assert language.chosen_language(ini) == language.system_language()
    language.save_language(ini, GERMAN)
    assert language.chosen_language(ini) == GERMAN
    QSettings(str(ini), QSettings.Format.IniFormat).setValue("main/geometry", b"kept")
    language.save_language(ini, ENGLISH)
    assert language.chosen_language(ini) == ENGLISH
    assert QSettings(str(ini), QSettings.Format.IniFormat).value("main/geometry") == b"kept"


def _menu_titles(window: Any) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def _shortcuts(window: Any) -> list[str]:
    """Every menu action's keys, as Qt reads them (portable: not the translated names)."""
    keys = []
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            keys += [
                k.toString(QKeySequence.SequenceFormat.PortableText) for k in action.shortcuts()
            ]
    return sorted(keys)


def _open_workshop_button(qtbot: Any, window: Any) -> str:
    dialog = window.models_menu.open_workshop()
    qtbot.waitUntil(lambda: dialog.choices.base_box.count() > 0, timeout=20000)
    return str(dialog.start_button.text())


def test_german_chosen_the_window_and_workshop_speak_german_and_keys_stay(
    qtbot: Any, open_window: Any, data_paths: DataPaths, translations: Translations, tmp_path: Path
) -> None:
    english = open_window(data_paths)
    assert _menu_titles(english) == ["&File", "&Edit", "&Models", "&Batch", "&Help"]
    assert _open_workshop_button(qtbot, english) == "Start training"
    english_keys = _shortcuts(english)
    close_window(qtbot, english)

    language.save_language(data_paths.window_settings, GERMAN)
    assert translations.install(language.chosen_language(data_paths.window_settings)) == GERMAN
    assert QLocale().toString(1234.5, "f", 1) == "1.234,5"
    assert len(translations.installed) == 2  # Qt's own catalogue and the app's
    assert QApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"  # dialog buttons
    german = open_window(DataPaths(tmp_path / "german").create())
    assert _menu_titles(german) == ["&Datei", "&Bearbeiten", "&Modelle", "S&tapel", "&Hilfe"]
    assert _open_workshop_button(qtbot, german) == "Training starten"
    # Keys are never translated: the same in both, Ctrl+E and Ctrl+B included.
    assert _shortcuts(german) == english_keys and "Ctrl+E" in english_keys
    # Every menu's accelerators (the & letters) stay distinct in German.
    for menu in german.menuBar().findChildren(QMenu):
        letters = [_accelerator(a) for a in menu.actions() if _accelerator(a)]
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]
    titles = [_accelerator(a) for a in german.menuBar().actions()]
    assert len(titles) == len(set(titles))
    # The answer keys go by key code or typed character, as a German layout types them.
    assert character_action("?") == "help"
    assert LETTER_ACTIONS[(Qt.Key.Key_M, True)] == "severity:major"

    translations.remove()
    assert QApplication.translate("ModelsMenu", "&Lineup…") == "&Lineup…"


def _accelerator(action: QAction) -> str:
    text = action.text().replace("&&", "")
    index = text.find("&")
    return text[index + 1].lower() if 0 <= index < len(text) - 1 else ""


def test_preferences_offer_the_language_and_say_when_it_applies(
    qtbot: Any, open_window: Any, data_paths: DataPaths
) -> None:
    window = open_window(data_paths)
    dialog = window.open_preferences()
    box = dialog.language_box
    assert [box.itemText(i) for i in range(box.count())] == ["Deutsch", "English"]
    note = dialog.language_note.text()
    assert "Takes effect when Imitation Lens is started again." in note
    assert "Wird beim nächsten Start von Imitation Lens wirksam." in note
    dialog.accept()  # untouched: nothing is saved, the system's language keeps deciding
    assert language.saved_language(data_paths.window_settings) is None
    dialog = window.open_preferences()
    dialog.language_box.setCurrentIndex(dialog.language_box.findData(GERMAN))
    dialog.accept()
    assert language.saved_language(data_paths.window_settings) == GERMAN
    assert window.evaluator.name == "Tester"  # nothing else changed


@pytest.mark.slow
def test_the_app_starts_in_german_and_quits(tmp_path: Path) -> None:
    """As a user starts it, German chosen: the log says so, and Ctrl+C ends it cleanly."""
    paths = DataPaths(tmp_path / "data").create()
    language.save_language(paths.window_settings, GERMAN)
    _name_the_evaluator(paths)
    home = tmp_path / "home"
    home.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "imitation_lens", "--data-dir", str(paths.root)],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": str(home)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    log = paths.logs / LOG_FILE_NAME

    def logged() -> str:
        return log.read_text("utf-8", errors="replace") if log.exists() else ""

    try:
        wait_for(
            lambda: "the window is ready" in logged() or process.poll() is not None,
            60,
            "the window",
        )
        assert "interface language: de" in logged()
        assert "no translation" not in logged()
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()


def test_the_answer_keys_work_as_a_german_layout_types_them(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    translations: Translations,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """[ ] come with AltGr on a German keyboard (X11: group switch; Windows: Ctrl+Alt), ? with
    Shift+ß, M where it always is: each still does what the keyboard sheet says."""
    translations.install(GERMAN)
    window = open_window(data_paths)
    answer = window.columns[0].answer
    steps: list[bool] = []
    monkeypatch.setattr(answer, "_step_mark", lambda forward: steps.append(forward))
    actions: list[str] = []
    answer.action.connect(actions.append)
    alt_gr_x11 = Qt.KeyboardModifier.GroupSwitchModifier
    alt_gr_windows = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    for key, modifiers, text in (
        (Qt.Key.Key_BracketRight, alt_gr_x11, "]"),
        (Qt.Key.Key_BracketLeft, alt_gr_windows, "["),
        (Qt.Key.Key_M, shift, "M"),
        (Qt.Key.Key_M, Qt.KeyboardModifier.NoModifier, "m"),
        (Qt.Key.Key_Question, shift, "?"),
    ):
        QApplication.sendEvent(answer, QKeyEvent(QEvent.Type.KeyPress, key, modifiers, text))
    assert steps == [True, False]
    assert actions == ["severity:major", "severity:minor", "help"]
