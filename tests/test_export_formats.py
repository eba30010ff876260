"""Export formats come from one registry (core/exports/formats): adding one is adding a module.

The test writes a trivial format as a module of its own, in a folder added to the package's
search path, and finds it in the command line's choices and output, in the window's
File ▸ Export menu and its file dialog, and in `export_as`.
"""

from __future__ import annotations

import importlib
import re
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from imitation_lens.cli import main as cli_main
from imitation_lens.core.exports import formats
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store
from session_factory import make_session

TRIVIAL = '''
"""Item count: the number of questions, as plain text (a format made up by a test)."""

from pathlib import Path
from typing import Any

from imitation_lens.core.exports.formats import ExportFormat


def _write(document: dict[str, Any], target: Path) -> Path:
    target.write_text(f"{len(document['items'])} questions\\n", "utf-8")
    return target


FORMAT = ExportFormat("item-count", "Item count (plain text)", ".count.txt", _write)
'''


@pytest.fixture
def trivial_format(tmp_path: Path) -> Iterator[str]:
    """A format module in a folder of its own, found by the package's discovery; then gone."""
    folder = tmp_path / "more_formats"
    folder.mkdir()
    (folder / "item_count.py").write_text(textwrap.dedent(TRIVIAL), "utf-8")
    saved_formats, saved_names = list(formats.FORMATS), dict(formats.BY_NAME)
    formats.__path__.append(str(folder))
    importlib.invalidate_caches()
    try:
        formats.discover()
        yield "item-count"
    finally:
        formats.__path__.remove(str(folder))
        sys.modules.pop(f"{formats.__name__}.item_count", None)
        formats.FORMATS[:] = saved_formats
        formats.BY_NAME.clear()
        formats.BY_NAME.update(saved_names)


def _format_choices(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """The --format choices as `imitation-lens export --help` lists them."""
    with pytest.raises(SystemExit) as done:
        cli_main(["export", "--help"])
    assert done.value.code == 0
    listed = re.search(r"--format \{([^}]*)\}", capsys.readouterr().out)
    assert listed is not None
    return listed.group(1).split(",")


def _session(paths: DataPaths, items: int = 3) -> str:
    store = Store(paths.database)
    try:
        return make_session(store, items, answers=2, marks_per_answer=2)
    finally:
        store.close()


def test_the_built_in_formats_come_from_their_modules(capsys: pytest.CaptureFixture[str]) -> None:
    assert formats.names() == [
        "json",
        "jsonl",
        "csv-marks",
        "csv-answers",
        "html",
        "md",
        "report-json",
    ]
    assert _format_choices(capsys) == formats.names()
    assert [f.suffix for f in formats.FORMATS] == [
        ".json",
        ".jsonl",
        ".marks.csv",
        ".answers.csv",
        ".html",
        ".md",
        ".report.json",
    ]


def test_a_format_added_as_one_module_is_offered_everywhere(
    trivial_format: str,
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    session_id = _session(data_paths)
    # The command line: a choice of --format, and picked by the file name alike.
    assert trivial_format in _format_choices(capsys)
    by_name = tmp_path / "cli.txt"
    root = str(data_paths.root)
    assert cli_main(["--data-dir", root, "export", str(by_name), "--format", trivial_format]) == 0
    assert by_name.read_text("utf-8") == "3 questions\n"
    by_suffix = tmp_path / "cli.count.txt"
    assert cli_main(["--data-dir", root, "export", str(by_suffix)]) == 0
    assert by_suffix.read_text("utf-8") == "3 questions\n"
    # export_as, as the bench and scripts use it.
    store = Store(data_paths.database)
    try:
        written = formats.export_as(store, session_id, tmp_path / "direct.count.txt")
    finally:
        store.close()
    assert written.read_text("utf-8") == "3 questions\n"

    # The window: an entry in File ▸ Export, whose file dialog offers the format's files.
    window = open_window(data_paths)
    [action] = [a for a in window.findChildren(QAction) if "Item count" in a.text()]
    assert action.text() == "Item count (plain text)…"
    asked: list[str] = []
    from_menu = tmp_path / "menu.count.txt"

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args[3])  # parent, caption, suggested file, file types
        assert str(args[2]).endswith(".count.txt")
        return str(from_menu), args[3]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    with qtbot.waitSignal(window.exported, timeout=10000):
        action.trigger()
    assert asked == ["Item count (plain text) (*.count.txt)"]
    assert from_menu.read_text("utf-8") == "3 questions\n"
