"""The words core writes for people (reports, the CLI, the messages the window shows), in German
or English, and the numbers, percentages and dates in them as that language writes them.

Core imports no Qt, so it cannot use the QTranslator the window's own words go through. It uses
gettext catalogues instead, the Python standard for this: `_()` marks a message, Babel extracts
them with the report templates' into resources/i18n/imitation_lens.pot, someone writes the German
in resources/i18n/de/LC_MESSAGES/imitation_lens.po and `make translations` compiles the .mo the
app reads. The window sets the language at start from the same choice as its Qt translators
(ui/language.py); the CLI from the data folder's saved choice, else the system's locale.

English needs no catalogue: the messages are written in English. Exported data (JSON keys, CSV
columns, category keys) never goes through here: it stays the same in every language.
"""

from __future__ import annotations

import configparser
import locale
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from pathlib import Path

from babel import Locale, dates, numbers
from babel.support import NullTranslations, Translations

from imitation_lens.core.housekeeping.paths import resource_path

GERMAN = "de"
ENGLISH = "en"
LANGUAGES = (GERMAN, ENGLISH)
DOMAIN = "imitation_lens"
# The window's choice, in the data folder's window.ini (written by ui/language.py via QSettings).
SETTINGS_SECTION, SETTINGS_KEY = "app", "language"
# Numbers and dates when the system gives no variant of the language: Germany's and the US's.
_DEFAULT_LOCALES = {GERMAN: "de_DE", ENGLISH: "en_US"}

_language = ENGLISH
_locale = Locale.parse(_DEFAULT_LOCALES[ENGLISH])
_catalogue: NullTranslations = NullTranslations()
# `in_english`'s choice for the code it wraps only: a context variable, so each thread (and
# each task) has its own and an export writing English leaves the window's language alone.
_Choice = tuple[str, Locale, NullTranslations]
_here: ContextVar[_Choice | None] = ContextVar("core_language_here", default=None)


def _now() -> _Choice:
    here = _here.get()
    return here if here is not None else (_language, _locale, _catalogue)


def catalogue_folder() -> Path:
    return resource_path("i18n")


def use_language(language: str, variant: str | None = None) -> None:
    """Everything core writes from now on is in `language`; `variant` (de_AT, en_GB…) picks how
    numbers and dates are written when the system speaks that language."""
    global _language, _locale, _catalogue
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    catalogue: NullTranslations = NullTranslations()
    if language != ENGLISH:
        loaded = Translations.load(str(catalogue_folder()), [language], DOMAIN)
        if not isinstance(loaded, Translations):
            # Shown in English then, never blank: a missing catalogue is a packaging fault.
            raise FileNotFoundError(f"no {language} catalogue in {catalogue_folder()}")
        catalogue = loaded
    chosen = _DEFAULT_LOCALES[language]
    if variant:
        try:
            parsed = Locale.parse(variant.split(".")[0])
        except (ValueError, TypeError):
            parsed = None
        if parsed is not None and parsed.language == language:
            chosen = str(parsed)
    _language, _locale, _catalogue = language, Locale.parse(chosen), catalogue


def current_language() -> str:
    return _now()[0]


@contextmanager
def in_english() -> Iterator[None]:
    """Core writes English inside, whatever the chosen language: for exported data built from
    the readable tables (the JSON report's agreement rows), which stays language-neutral. Only
    the code inside, in this thread, is affected."""
    token = _here.set((ENGLISH, Locale.parse(_DEFAULT_LOCALES[ENGLISH]), NullTranslations()))
    try:
        yield
    finally:
        _here.reset(token)


def _(message: str) -> str:
    """`message` in the chosen language (named {placeholders} are filled in afterwards)."""
    return _now()[2].gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of the message for `count`, by the chosen language's plural rules."""
    return _now()[2].ngettext(singular, plural, count)


def N_(message: str) -> str:
    """Marks a message kept in a constant for extraction; `_()` translates it where it is shown
    (translating at import would fix the language before anyone chose one)."""
    return message


# -- numbers and dates ----------------------------------------------------------------------------


def number(value: float, decimals: int = 0) -> str:
    """1,234.5 in English, 1.234,5 in German."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return numbers.format_decimal(value, format=pattern, locale=_now()[1])


def percent(fraction: float, decimals: int = 0) -> str:
    """0.572 → 57% in English, 57 % in German."""
    chosen = _now()[1]
    pattern = str(chosen.percent_formats[None].pattern)  # "#,##0%", German "#,##0\xa0%"
    if decimals > 0:
        pattern = pattern.replace("0", "0." + "0" * decimals, 1)
    return numbers.format_percent(fraction, format=pattern, locale=chosen)


def date_time(moment: datetime) -> str:
    """A moment to the minute as the language writes it: Dec 1, 2026, 2:05 PM / 01.12.2026, 14:05."""
    chosen = _now()[1]
    time = dates.format_time(moment, format="short", locale=chosen)
    return f"{dates.format_date(moment, format='medium', locale=chosen)}, {time}"


def day(moment: datetime) -> str:
    return dates.format_date(moment, format="medium", locale=_now()[1])


# -- the choice, outside the window ---------------------------------------------------------------


def system_locale() -> str | None:
    """The system's locale name for messages (de_DE, en_GB…), as gettext would read it."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return value
    return locale.getlocale()[0]


def system_language() -> str:
    name = (system_locale() or "").lower()
    return GERMAN if name.startswith("de") else ENGLISH


def saved_language(settings_file: Path) -> str | None:
    """The language chosen in the window's Preferences, if any."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(settings_file, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None
    value = parser.get(SETTINGS_SECTION, SETTINGS_KEY, fallback=None)
    return value if value in LANGUAGES else None


def chosen_language(settings_file: Path) -> str:
    """The saved choice, else the system's language: what the window would speak."""
    return saved_language(settings_file) or system_language()
