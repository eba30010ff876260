"""Batch ▸ Import with public sets in the real window: a recognised format with its licence
shown, unknown fields mapped in the field-mapping dialog, a too-large file refused and then
sampled, with progress shown while it is read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from imitation_lens.core.batches.set_files import MAX_ROWS
from imitation_lens.core.housekeeping.paths import DataPaths
from set_file_variants import parquet_sets
from test_batch_window import import_set, rows
from test_formats import FIXTURES, big_nq


def test_public_sets_import_with_licence_mapping_and_sampling(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    window = open_window(data_paths)
    dialog = window.batches.open_sets()
    qtbot.waitUntil(lambda: len(dialog.sets) == 4, timeout=10000)

    import_set(qtbot, dialog, FIXTURES / "nq_open_dev.jsonl")
    assert dialog.current is not None and len(dialog.current.items) == 5
    assert "Licence: CC BY-SA 3.0" in dialog.about.text()
    assert dialog.preview.item(0, 1).text() == "14 December 1972 UTC"
    assert dialog.preview.item(0, 2).text() == "December 1972"

    # Fields no format knows: the mapping dialog shows the first rows and a first guess.
    with qtbot.waitSignal(dialog.mapping_asked, timeout=10000) as asked:
        dialog.import_file(FIXTURES / "unknown_fields.csv")
    mapping = asked.args[0]
    assert mapping.isVisible() and mapping.preview.rowCount() == 3
    assert mapping.preview.item(0, 1).text() == "What is the chemical symbol for gold?"
    assert mapping.boxes["question"].currentData() == "query"
    assert mapping.boxes["reference"].currentData() == "gold"
    mapping.choose("aliases", "other_golds")
    mapping.separator.setText(";")
    mapping.choose("question", "")
    ok = mapping.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # no question, no import
    mapping.choose("question", "query")
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        ok.click()
    assert dialog.current is not None and dialog.current.items[0].aliases == ("aurum",)
    assert "Licence: not known" in dialog.about.text()

    # Too large: refused with a plain message; as a sample of 20, imported, with progress.
    big = big_nq(tmp_path / "nq-big.jsonl", MAX_ROWS + 1)
    with qtbot.waitSignal(dialog.import_failed, timeout=30000) as refused:
        dialog.import_file(big)
    assert "random sample" in refused.args[0]
    dialog.sample_box.setChecked(True)
    dialog.sample_size.setValue(20)
    dialog.sample_seed.setValue(3)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.import_file(big)
        assert dialog.progress.isVisible() and not dialog.import_button.isEnabled()
    assert dialog.current is not None and len(dialog.current.items) == 20
    assert "sample of 20, seed 3" in dialog.current.name
    assert not dialog.progress.isVisible() and dialog.import_button.isEnabled()
    kept = rows(data_paths, "SELECT licence, item_count FROM prompt_sets ORDER BY imported_at")
    assert [row["licence"] for row in kept] == ["CC BY-SA 3.0", "", "CC BY-SA 3.0"]
    assert kept[-1]["item_count"] == 20
    dialog.close()


def test_a_parquet_set_imports_in_the_window_and_without_pyarrow_says_how_to_get_it(
    qtbot: Any,
    open_window: Any,
    data_paths: DataPaths,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("pyarrow")
    sets = {path.name: path for path in parquet_sets(tmp_path / "parquet")}
    window = open_window(data_paths)
    dialog = window.batches.open_sets()
    qtbot.waitUntil(lambda: len(dialog.sets) == 4, timeout=10000)
    import_set(qtbot, dialog, sets["trivia_qa-rc.nocontext-validation.parquet"])
    assert dialog.current is not None and dialog.current.items[0].reference == "Sinclair Lewis"
    assert "Licence: Apache-2.0" in dialog.about.text()
    assert dialog.preview.item(0, 1).text() == "Sinclair Lewis"

    # Without pyarrow (None in sys.modules: its import fails as if not installed).
    for module in [name for name in sys.modules if name.split(".")[0] == "pyarrow"]:
        monkeypatch.setitem(sys.modules, module, None)
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with qtbot.waitSignal(dialog.import_failed, timeout=10000) as refused:
        dialog.import_file(sets["nq_open-validation.parquet"])
    assert "needs the optional pyarrow package" in refused.args[0]
    assert "pip install 'imitation-lens[parquet]'" in refused.args[0]
    assert len(dialog.sets) == 5  # nothing added
