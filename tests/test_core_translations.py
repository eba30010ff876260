"""Core's words (reports, the CLI, messages the window shows) in German and English through
gettext (issue 18): core imports no Qt, so Babel catalogues rather than Qt's .ts.

A ratchet like tests/test_translations.py: the modules converted so far show no unmarked
message; the others may only get better; every message has its German.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QSettings

from core_translation_scan import (
    core_modules,
    module_name,
    templates,
    unmarked,
    unmarked_in_template,
)
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import ENGLISH, GERMAN
from translation_scan import load_translation_tools

ROOT = Path(__file__).resolve().parents[1]


tools = load_translation_tools()
PO = tools.po_file(GERMAN)
MO = tools.mo_file(GERMAN)

# Not yet converted: unmarked messages the scan finds (tests/core_translation_scan.py; it cannot
# see text built elsewhere and returned, so converting a module means reading it). Lower a number
# when converting some; a module reaching 0 drops out and must stay at 0.
NOT_YET_CONVERTED = {
    "core.housekeeping.logfile": 1,
    "core.model_files.download_transfer": 2,
    "core.running.lineup": 2,
    "core.storage.sessions": 1,
    "core.storage.store": 1,
    "core.storage.writer": 1,
}


@pytest.fixture
def german() -> Iterator[None]:
    translation.use_language(GERMAN)
    yield
    translation.use_language(ENGLISH)


def test_core_messages_only_get_better() -> None:
    counts = {module_name(p): len(unmarked(p)) for p in core_modules()}
    counts |= {t.name: len(unmarked_in_template(t)) for t in templates()}
    grown = {
        m: (n, NOT_YET_CONVERTED.get(m, 0))
        for m, n in counts.items()
        if n > NOT_YET_CONVERTED.get(m, 0)
    }
    assert grown == {}, "new unmarked text (found, allowed): mark it with _()"
    print(f"core not yet converted: {sum(counts.values())} messages")


def _catalogue() -> list[tuple[str | tuple[str, ...], list[str]]]:
    with PO.open("rb") as file:
        catalog = read_po(file)
    found: list[tuple[str | tuple[str, ...], list[str]]] = []
    for message in catalog:
        if not message.id:
            continue  # the header
        source = tuple(message.id) if isinstance(message.id, (tuple, list)) else str(message.id)
        strings = message.string
        german = [str(s or "") for s in strings] if isinstance(strings, (tuple, list)) else []
        found.append((source, german or [str(strings or "")]))
    return found


def test_every_core_message_has_its_german() -> None:
    missing = [source for source, german in _catalogue() if not all(g.strip() for g in german)]
    assert missing == []


_PLACEHOLDER = re.compile(r"{[a-z_]*}|%\([a-z_]+\)[sd]|%[sd]")


def test_placeholders_survive_translation() -> None:
    for source, german in _catalogue():
        sources = source if isinstance(source, tuple) else (source,)
        for index, text in enumerate(german):
            # German counts as English does: form i answers source i (singular, plural).
            wanted = sources[min(index, len(sources) - 1)]
            assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(wanted)), (
                source,
                text,
            )


def test_the_po_holds_every_message_core_asks_for(tmp_path: Path) -> None:
    pot = tmp_path / "core.pot"
    tools.extract_core(pot)
    with pot.open("rb") as file:
        wanted = {m.id for m in read_po(file) if m.id}
    assert wanted - {source for source, _ in _catalogue()} == set(), (
        "run `make translations` and translate what is new"
    )


def test_the_committed_mo_is_what_babel_makes_of_the_po(tmp_path: Path) -> None:
    built = tmp_path / MO.name
    tools.compile_core(GERMAN, built)
    assert built.read_bytes() == MO.read_bytes(), "run `make translations` and commit the .mo"


def test_numbers_percentages_and_dates_follow_the_language(german: None) -> None:
    moment = datetime(2026, 12, 1, 14, 5)
    assert translation.number(1234.5, 1) == "1.234,5"
    assert translation.percent(0.572).replace("\xa0", " ") == "57 %"
    assert translation.date_time(moment) == "01.12.2026, 14:05"
    translation.use_language(ENGLISH)
    assert translation.number(1234.5, 1) == "1,234.5"
    assert translation.percent(0.572) == "57%"
    assert translation.date_time(moment).replace("\u202f", " ") == "Dec 1, 2026, 2:05 PM"
    translation.use_language(ENGLISH, "en_GB.UTF-8")
    assert translation.date_time(moment) == "1 Dec 2026, 14:05"
    translation.use_language(ENGLISH, "de_AT")  # another language's variant: not taken
    assert translation.number(1234.5, 1) == "1,234.5"


def test_the_cli_reads_the_windows_choice_else_the_system(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ini = tmp_path / "window.ini"
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "de_CH.UTF-8")
    assert translation.chosen_language(ini) == GERMAN
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert translation.chosen_language(ini) == ENGLISH
    settings = QSettings(str(ini), QSettings.Format.IniFormat)  # as the window writes it
    settings.setValue("app/language", GERMAN)
    settings.sync()
    assert translation.saved_language(ini) == GERMAN
    assert translation.chosen_language(ini) == GERMAN
    ini.write_bytes(b"\xff\xfe[app\x00 language")  # damaged: the system decides, no crash
    assert translation.saved_language(ini) is None


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        translation.use_language("fr")
    assert translation.current_language() == ENGLISH
