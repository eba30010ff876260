"""Broken model files are refused before llama.cpp sees them, with a reason in plain words."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from imitation_lens.core.model_file import ModelFileError, inspect_model_file


def test_bundled_model_facts(bundled_model: Path) -> None:
    facts = inspect_model_file(bundled_model)
    assert facts.architecture == "gemma3"
    assert facts.size_label == "270M"
    assert facts.quantization == "Q4_K_M"
    assert facts.chat_template is None  # a base model
    assert facts.context_length == 32768
    assert facts.tensor_count == 236


def _copy_prefix(source: Path, target: Path, length: int) -> Path:
    with source.open("rb") as stream:
        target.write_bytes(stream.read(length))
    return target


BrokenMaker = Callable[[Path, Path], Path]
BROKEN: dict[str, tuple[BrokenMaker, str]] = {
    "empty file": (lambda src, dst: (dst.write_bytes(b""), dst)[1], "empty"),
    "wrong magic": (
        lambda src, dst: (dst.write_bytes(b"PK\x03\x04" + b"\0" * 64), dst)[1],
        "not a GGUF",
    ),
    "old GGML format": (
        lambda src, dst: (dst.write_bytes(b"tjgg" + b"\0" * 64), dst)[1],
        "old GGML",
    ),
    "magic then junk": (
        lambda src, dst: (dst.write_bytes(b"GGUF" + b"\xff" * 60), dst)[1],
        "version",
    ),
    "absurd tensor count": (
        lambda src, dst: (dst.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 2**40, 3)), dst)[1],
        "far more than any real model",
    ),
    "cut in the header": (lambda src, dst: _copy_prefix(src, dst, 5000), "incomplete"),
    "cut in the weights": (lambda src, dst: _copy_prefix(src, dst, 100_000_000), "missing"),
    "cut one byte short": (
        lambda src, dst: _copy_prefix(src, dst, src.stat().st_size - 1),
        "missing",
    ),
}


@pytest.mark.parametrize("variant", sorted(BROKEN))
def test_broken_file_is_refused_in_plain_words(
    variant: str, bundled_model: Path, tmp_path: Path
) -> None:
    make, reason = BROKEN[variant]
    broken = make(bundled_model, tmp_path / "broken.gguf")
    with pytest.raises(ModelFileError, match=reason) as caught:
        inspect_model_file(broken)
    assert "broken.gguf" in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="missing"):
        inspect_model_file(tmp_path / "nowhere.gguf")
    with pytest.raises(ModelFileError, match="folder"):
        inspect_model_file(tmp_path)
