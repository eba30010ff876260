"""The command line in German (issue 18): its help, its messages and the messages of a refused
import, in the language chosen in the window (window.ini), else the system's, unless --language
says otherwise. Exported data stays English.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from imitation_lens.batch_command import _progress_line
from imitation_lens.cli import main
from imitation_lens.core.batches.progress import BatchProgress, time_left
from imitation_lens.core.batches.prompt_sets import PromptSetError, parse_prompt_set
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from session_factory import make_session

ROOT = Path(__file__).resolve().parents[1]
GERMAN_DATE = re.compile(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d")


def _cli(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    """The real CLI in its own process, as an evaluator starts it, under the locale `lang`."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    # Wide: argparse wraps its help at the terminal width, and the test reads whole phrases.
    env |= {"LANG": lang, "COLUMNS": "250", "PYTHONPATH": str(ROOT / "desktop")}
    return subprocess.run(
        [sys.executable, "-m", "imitation_lens", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


def _choose_in_window(paths: DataPaths, language: str) -> None:
    """The choice as the window's Settings save it (ui/language.py, through QSettings)."""
    paths.root.mkdir(parents=True, exist_ok=True)
    settings = QSettings(str(paths.window_settings), QSettings.Format.IniFormat)
    settings.setValue("app/language", language)
    settings.sync()


def _one_session(paths: DataPaths, title: str = "Hauptstädte") -> str:
    store = Store(paths.database)
    try:
        return make_session(store, 2, answers=2, marks_per_answer=1, title=title)
    finally:
        store.close()


def test_the_help_is_german_on_a_german_system() -> None:
    shown = _cli("--help", lang="de_DE.UTF-8")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Aufruf: imitation-lens")
    for german in (
        "Befehle:",
        "Optionen:",
        "diese Hilfe zeigen und beenden",
        "die Sitzungen in der Datenbank auflisten",
        "die Sprache dieser Meldungen: de (Deutsch) oder en (Englisch)",
        "ein Basismodell, seinen Imitator und den Lehrer vergleichen",
    ):
        assert german in shown.stdout
    assert "list the sessions" not in shown.stdout
    batch = _cli("batch", "--help", lang="de_DE.UTF-8")
    assert "einen pausierten Stapel fortsetzen" in batch.stdout, batch.stderr


def test_english_wins_over_a_german_system_when_asked() -> None:
    shown = _cli("--language", "en", "--help", lang="de_DE.UTF-8")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("usage: imitation-lens")
    assert "list the sessions in the database" in shown.stdout
    assert "--language {de,en}" in shown.stdout
    assert "Befehle" not in shown.stdout


def test_the_help_stays_english_on_an_english_system() -> None:
    shown = _cli("--help")
    assert "list the sessions in the database" in shown.stdout
    assert "Befehle" not in shown.stdout


def test_the_windows_choice_speaks_german_in_sessions_and_a_refused_import(
    tmp_path: Path,
) -> None:
    paths = DataPaths(tmp_path / "data")
    _choose_in_window(paths, translation.GERMAN)
    _one_session(paths)
    listed = _cli("--data-dir", str(paths.root), "sessions")  # an English system: the ini wins
    assert listed.returncode == 0, listed.stderr
    line = listed.stdout.strip()
    assert "Einträge:    2  Hauptstädte" in line
    assert GERMAN_DATE.search(line), line

    broken = tmp_path / "colleague.json"
    broken.write_text('{"format": "imitation-lens-session", "items": [', "utf-8")
    refused = _cli("--data-dir", str(paths.root), "import", str(broken))
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "Es wurde nichts importiert. colleague.json wurde nicht importiert: sie endet mitten in "
        "den Daten: Die Datei scheint abgeschnitten (vielleicht ein unterbrochenes Kopieren "
        "oder Herunterladen). Es wurde nichts geändert."
    )
    # --language en overrides the window's choice.
    english = _cli("--data-dir", str(paths.root), "--language", "en", "import", str(broken))
    assert "Nothing was imported. colleague.json was not imported: it ends" in english.stderr


def test_language_de_speaks_german_in_process(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = DataPaths(tmp_path / "data")
    session_id = _one_session(paths, title="Capitals")
    root = str(paths.root)

    assert main(["--data-dir", root, "--language", "de", "export", "--session", "nope", "x"]) == 1
    assert "Keine Sitzung „nope“. Siehe: imitation-lens sessions" in capsys.readouterr().err

    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"format": "something-else"}), "utf-8")
    assert main(["--data-dir", root, "--language", "de", "import", str(wrong)]) == 1
    assert (
        "wrong.json wurde nicht importiert: das ist kein Sitzungsexport von Imitation Lens "
        "(ihr Format ist „something-else“). Es wurde nichts geändert."
    ) in capsys.readouterr().err

    assert main(["--data-dir", root, "--language", "de", "batch", "--seed", "3", "x"]) == 2
    assert (
        "--seed wählt, welche Stichprobe --sample zieht; geben Sie auch --sample N an."
        in capsys.readouterr().err
    )

    with pytest.raises(SystemExit):
        main(["--language", "de", "batch", "x", "--sample", "0"])
    refused = capsys.readouterr().err
    assert refused.startswith("Aufruf: imitation-lens batch")
    assert (
        "imitation-lens batch: Fehler: argument --sample: --sample nimmt eine ganze Zahl ab 1, "
        "nicht „0“." in refused
    )

    # Exported data stays English whatever the language.
    target = tmp_path / "out.json"
    assert main(["--data-dir", root, "--language", "de", "export", str(target)]) == 0
    assert f"Sitzung {session_id} exportiert nach {target}" in capsys.readouterr().out
    exported = json.loads(target.read_text("utf-8"))
    assert exported["format"] == "imitation-lens-session" and "items" in exported


@pytest.fixture
def german() -> Iterator[None]:
    translation.use_language(translation.GERMAN)
    yield
    translation.use_language(translation.ENGLISH)


def test_a_batchs_progress_and_a_sets_problems_in_german(german: None) -> None:
    running = BatchProgress("b", "running", 10, 3, 1, 4, None, None)
    assert _progress_line(running) == (
        "läuft: 3/10 beantwortet · 1 fehlgeschlagen · Restzeit wird geschätzt…"
    )
    assert time_left(90 * 60) == "noch etwa 1,5 Stunden"
    with pytest.raises(PromptSetError) as refused:
        parse_prompt_set(b'{"prompt": ""}\n{"prompt": "Ja?", "colour": 1}\n', "x.jsonl", ".jsonl")
    assert str(refused.value) == (
        "x.jsonl wurde nicht importiert: 2 Zeilen müssen korrigiert werden.\n"
        "Zeile 1: die Frage fehlt oder ist leer.\n"
        "Zeile 2: unbekanntes Feld 'colour' (die Felder sind "
        "prompt, reference, aliases, source, tags)."
    )
