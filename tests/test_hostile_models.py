"""Crafted and broken GGUF files (tests/gguf_variants.py) through the library check and a Run.

Each file is probed in a child process, so a crash inside llama.cpp (SIGABRT) fails its test
instead of ending pytest; a hang ends at the child's timeout.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import gguf_variants
from conftest import local_slot, wait_idle
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.running.events import Status
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, SlotConfig
from imitation_lens.core.running.local_runner import NO_TEXT

HERE = Path(__file__).parent
# What a person at the screen should never have to read.
JARGON = ("GGML", "ggml", "llama_", "Traceback", "assert", "Errno", "ValueError", "0x")
PROBE_TIMEOUT_S = 120


def _probe(path: Path) -> dict[str, str]:
    env_path = f"{HERE.parent / 'desktop'}:{HERE}"
    done = subprocess.run(
        [sys.executable, str(HERE / "gguf_variants.py"), str(path)],
        capture_output=True,
        text=True,
        timeout=PROBE_TIMEOUT_S,
        env={"PYTHONPATH": env_path, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert done.returncode == 0, f"the probe of {path.name} crashed:\n{done.stderr[-3000:]}"
    line = next(row for row in done.stdout.splitlines() if row.startswith("RESULT "))
    result: dict[str, str] = json.loads(line.removeprefix("RESULT "))
    return result


def _assert_plain(message: str, file_name: str) -> None:
    assert file_name in message, message
    assert not any(word in message for word in JARGON), message
    assert message.rstrip().endswith("."), message


def test_the_generator_makes_at_least_thirty_variants() -> None:
    assert len(gguf_variants.variant_names()) >= 30


def test_the_untouched_tiny_model_loads_and_answers(tmp_path: Path) -> None:
    """The variants are one change away from a model llama.cpp really runs."""
    result = _probe(gguf_variants.write_model(tmp_path / "tiny.gguf"))
    assert result["library"] == "accepted"
    assert result["status"] == Status.DONE and result["text"].strip()


@pytest.mark.slow
@pytest.mark.parametrize("variant", gguf_variants.variant_names())
def test_every_variant_is_refused_plainly_or_flagged(variant: str, tmp_path: Path) -> None:
    path = gguf_variants.write_variant(variant, tmp_path)
    result = _probe(path)
    if variant in gguf_variants.FLAGGED:
        assert result["library"] == "accepted"
        assert result["status"] == Status.FAILED and result["error"] == NO_TEXT, result
        return
    assert result["library"] != "accepted", f"{variant} passed the library check"
    _assert_plain(result["library"], path.name)
    # A Run never ends in a plain "Done": refused (failed, with the reason) before any text.
    assert result["status"] == Status.FAILED, result
    _assert_plain(result["error"], path.name)
    assert "out of memory" not in result["error"]


@pytest.mark.parametrize(
    ("variant", "words"),
    [
        ("block_count_0", "says it has 0 layers"),
        ("head_count_0", "0 attention heads"),
        ("embedding_0", "says its layers are 0 wide"),
        ("block_count_huge", "says it has 100,000 layers"),
        ("nan_output_norm", "output_norm.weight holds values that are not numbers"),
        ("duplicated_tensor_name", "two sets of weights named blk.0.ffn_norm.weight"),
        ("tensor_offset_past_end", "incomplete"),
    ],
)
def test_the_header_check_names_the_problem(variant: str, words: str, tmp_path: Path) -> None:
    """In-process: the header check alone refuses these, before llama.cpp is ever loaded."""
    path = gguf_variants.write_variant(variant, tmp_path)
    with pytest.raises(ModelFileError) as refused:
        inspect_model_file(path)
    assert words in str(refused.value)
    assert str(refused.value).startswith(path.name)


def _silent_model(path: Path) -> Path:
    """A sound model whose every next word is a control word, which prints as nothing."""
    spec = gguf_variants.Spec(tensors={"output.weight": np.zeros_like})
    return gguf_variants.write_model(path, spec)


def test_an_answer_with_no_text_fails_instead_of_done(tmp_path: Path) -> None:
    path = _silent_model(tmp_path / "silent.gguf")
    result = _probe(path)
    assert result["library"] == "accepted"
    assert result["text"] == ""
    assert result["status"] == Status.FAILED and result["error"] == NO_TEXT


@pytest.mark.slow
def test_a_run_in_the_window_refuses_the_file_and_the_other_column_answers(
    qtbot: Any, open_window: Any, data_paths: DataPaths, tmp_path: Path
) -> None:
    """The crash the issue found: Run on a 0-layer file ended the whole app (SIGABRT)."""
    broken = gguf_variants.write_variant("block_count_0", tmp_path)
    silent = _silent_model(tmp_path / "silent.gguf")
    params = SamplingParams(max_tokens=8, context_length=128, temperature=0.0)
    lineup = [
        SlotConfig("Base", LocalModel(path=str(broken), prompt_mode="completion"), params),
        SlotConfig("Imitator", LocalModel(path=str(silent), prompt_mode="completion"), params),
        local_slot("Teacher", temperature=0.0, max_tokens=8),
    ]
    window = open_window(data_paths, lineup)
    qtbot.keyClicks(window.prompt_edit, "The capital of France is")
    window.run_button.click()
    wait_idle(qtbot, window)
    broken_column, silent_column, working = window.columns
    assert broken_column.state == Status.FAILED
    assert "says it has 0 layers" in broken_column.error_label.text()
    assert silent_column.state == Status.FAILED
    assert silent_column.error_label.text() == NO_TEXT
    assert working.state == Status.DONE and working.answer.text.strip()
