"""Every public question-file format, broken in every way set_file_variants.py knows: each ends
in a prompt set or a plain PromptSetError — never another exception, a hang or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.prompt_sets import PromptSetError
from set_file_variants import VARIANTS, variants

FIXTURES = Path(__file__).parent / "data" / "formats"
SOURCES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".json", ".jsonl", ".csv"))


@pytest.mark.parametrize("source", SOURCES, ids=[p.name for p in SOURCES])
def test_every_broken_variant_ends_plainly(source: Path, tmp_path: Path) -> None:
    outcomes: dict[str, str] = {}
    for name, path in variants(source, tmp_path):
        try:
            read = read_question_file(path)
        except PromptSetError as refused:
            message = str(refused)
            assert message and "Traceback" not in message, name
            assert len(message) < 2_000, name  # a sentence, not the file echoed back
            outcomes[name] = "refused"
        else:
            assert read.items, name  # a set is only made with questions in it
            assert all(item.prompt.strip() for item in read.items), name
            outcomes[name] = "read"
    assert len(outcomes) == len(VARIANTS)
    for surely_refused in ("empty", "html instead", "binary garbage"):
        assert outcomes[surely_refused] == "refused", surely_refused
