"""The interface's language, German or English, through Qt's own translation system.

The choice lives in the data folder's INI file (DataPaths.window_settings) beside the window's
sizes, not in the database: the translators must be installed before the first widget is made,
and the database is only read on the writer thread once the window exists. With nothing saved
the system's locale decides (German if its language is German, else English). A change takes
effect at the next start: the widgets already made keep the words they were made with.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.paths import resource_path

log = logging.getLogger(__name__)

GERMAN = translation.GERMAN
ENGLISH = translation.ENGLISH
# Each language is named in its own words: someone who can't read the other finds their own.
LANGUAGE_NAMES = {GERMAN: "Deutsch", ENGLISH: "English"}
KEY = f"{translation.SETTINGS_SECTION}/{translation.SETTINGS_KEY}"  # one choice: core reads it too
CATALOGUE = "imitation_lens"  # resources/i18n/imitation_lens_<language>.qm


def system_language() -> str:
    return GERMAN if QLocale.system().language() == QLocale.Language.German else ENGLISH


def saved_language(settings_file: Path) -> str | None:
    value = QSettings(str(settings_file), QSettings.Format.IniFormat).value(KEY)
    return value if value in LANGUAGE_NAMES else None


def chosen_language(settings_file: Path) -> str:
    """The saved choice, else the system's language."""
    return saved_language(settings_file) or system_language()


def save_language(settings_file: Path, language: str) -> None:
    if language not in LANGUAGE_NAMES:
        raise ValueError(f"unknown language {language!r}")
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue(KEY, language)
    settings.sync()


def locale_for(language: str) -> QLocale:
    """Numbers, dates and percentages as the language writes them; the system's own variant
    (en_GB, de_AT…) when it speaks the same language."""
    system = QLocale.system()
    if system_language() == language and system.language() != QLocale.Language.C:
        return system
    if language == GERMAN:
        return QLocale("de_DE")
    return QLocale("en_US")


def app_catalogue(language: str) -> Path:
    return resource_path("i18n", f"{CATALOGUE}_{language}.qm")


class Translations:
    """The translators installed on the application, so they can be taken off again (tests)."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.installed: list[QTranslator] = []

    def install(self, language: str) -> str:
        """Qt's own words (dialog buttons, context menus) and the app's, in `language`; returns
        the language applied. English needs no catalogue: the source strings are English."""
        self.remove()
        QLocale.setDefault(locale_for(language))
        # Core's words (reports, messages) follow, with the same variant for numbers and dates.
        try:
            translation.use_language(language, locale_for(language).name())
        except FileNotFoundError:
            log.warning("no translation of core's messages found for %s", language)
        if language == ENGLISH:
            return language
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        for name, folder in ((f"qtbase_{language}", qt_folder), (f"{CATALOGUE}_{language}", "")):
            translator = QTranslator(self.app)
            path = str(app_catalogue(language)) if not folder else name
            loaded = translator.load(path, folder) if folder else translator.load(path)
            if loaded and self.app.installTranslator(translator):
                self.installed.append(translator)
            else:
                # Shown in English then, never a blank: a missing catalogue is a packaging fault.
                log.warning("no translation %s found for %s", name, language)
        return language

    def remove(self) -> None:
        translation.use_language(ENGLISH)
        for translator in self.installed:
            self.app.removeTranslator(translator)
        self.installed.clear()


def apply_language(app: QApplication, settings_file: Path) -> Translations:
    """At start: the chosen language (saved, else the system's) for everything made after."""
    translations = Translations(app)
    language = translations.install(chosen_language(settings_file))
    log.info("interface language: %s", language)
    return translations
