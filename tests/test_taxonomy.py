"""The error categories are one list (core/judging/taxonomy.py): a category added there is met
everywhere, from the mark form to the HTML report, with no other change."""

from __future__ import annotations

import ast
import csv
import json
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.exports.formats import export_as
from imitation_lens.core.exports.session_json import EVALUATOR_SETTING
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging import taxonomy
from imitation_lens.core.judging.annotations import Mark
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store
from imitation_lens.ui.answer_keys import character_action
from imitation_lens.ui.mark_dialog import MarkDialog
from imitation_lens.ui.mark_style import category_colour, legend_html
from imitation_lens.ui.shortcut_sheet import sheet_html

TEXT = "Einstein said that God does not play dice with the universe."
QUOTE = "Einstein said"
MISQUOTED = taxonomy.Category(
    "7", "misquoted", "Misquoted", "words put in the wrong mouth", (120, 60, 20), needs_note=True
)


@pytest.fixture
def misquoted(monkeypatch: pytest.MonkeyPatch) -> taxonomy.Category:
    monkeypatch.setattr(taxonomy, "CATEGORIES", (*taxonomy.CATEGORIES, MISQUOTED))
    return MISQUOTED


def test_every_category_has_its_own_key_code_and_colour() -> None:
    categories = taxonomy.categories()
    for field in ("key", "code", "colour"):
        values = [getattr(c, field) for c in categories]
        assert len(set(values)) == len(values), field
    assert all(taxonomy.category_of(c.code) is c for c in categories)
    assert taxonomy.category_colour("not-a-code") == taxonomy.OTHER_COLOUR
    assert taxonomy.key_range() == "1–6"


def test_a_category_added_to_the_taxonomy_is_met_everywhere(
    misquoted: taxonomy.Category, qtbot: Any, tmp_path: Path
) -> None:
    # The window: the mark form offers it, its key marks with it, the colour key shows it.
    dialog = MarkDialog(Mark("M", "R1", 0, len(QUOTE), QUOTE), is_new=True)
    qtbot.addWidget(dialog)
    offered = [dialog.category_box.itemData(i) for i in range(dialog.category_box.count())]
    assert offered[-1] == "misquoted"
    dialog.category_box.setCurrentIndex(offered.index("misquoted"))
    assert "Misquoted" in dialog.note_edit.placeholderText()  # it needs a note
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.note_edit.setText("Not found in any of his writings.")
    mark = dialog.result_mark()
    assert mark.category == "misquoted"
    assert character_action("7") == "category:misquoted"
    assert "Misquoted" in legend_html() and "Misquoted" in sheet_html()
    colour = category_colour("misquoted")
    assert (colour.red(), colour.green(), colour.blue()) == (120, 60, 20)
    assert taxonomy.key_range() == "1–7"

    # Stored as its code.
    store = Store(tmp_path / "db.sqlite3")
    store.set_setting(EVALUATOR_SETTING, "ann")
    store.create_session("Quotes", [], session_id="S")
    store.add_item("S", "I1", "Who said it?", [{"id": "R1", "slot_index": 0, "role": "Base"}])
    store.finish_response("R1", Status.DONE, TEXT, "", {})
    notes.insert_mark(store, mark)
    assert [m.category for m in notes.marks_for(store, "R1", 1)] == ["misquoted"]
    assert "Misquoted" in notes.marks_for(store, "R1", 1)[0].describe()

    # Exported: JSON keeps the code, the marks table gives its label too.
    document = json.loads(export_as(store, "S", tmp_path / "s.json").read_text("utf-8"))
    [saved] = document["items"][0]["responses"][0]["marks"]
    assert saved["category"] == "misquoted"
    with export_as(store, "S", tmp_path / "s.marks.csv").open(encoding="utf-8-sig") as stream:
        [row] = list(csv.DictReader(stream))
    assert (row["category"], row["category_label"]) == ("misquoted", "Misquoted")
    assert "**Misquoted**" in export_as(store, "S", tmp_path / "s.md").read_text("utf-8")

    # The HTML report: in the legend, with its own colour, on the marked words.
    page = export_as(store, "S", tmp_path / "s.html").read_text("utf-8")
    store.close()
    assert "<strong>Misquoted</strong>: words put in the wrong mouth" in page
    assert ".chip.c-misquoted { background-color: rgba(120, 60, 20, 1); }" in page
    assert ".c-misquoted { background-color: rgba(120, 60, 20, 0.27); }" in page
    assert 'class="mk s-major c-misquoted" data-marks="1"' in page
    assert f">{QUOTE}</span>" in page


def test_the_list_is_read_when_used_not_copied_on_import() -> None:
    """A module that imported CATEGORIES by name would miss a category added later (or by a
    test): they call categories(), category_of() and the other functions instead."""
    package = Path(__file__).resolve().parents[1] / "desktop" / "imitation_lens"
    copies = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.ImportFrom)
        and node.module == taxonomy.__name__
        and any(alias.name == "CATEGORIES" for alias in node.names)
    ]
    assert copies == []
