"""Broken model files are refused before llama.cpp sees them, with a reason in plain words."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file


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


NOT_GGUF: dict[str, tuple[bytes, str]] = {
    "web page": (b"\n<!DOCTYPE html><html><head><title>Sign in</title>", "web page"),
    "git placeholder": (
        b"version https://git-lfs.github.com/spec/v1\noid sha256:4f2a\nsize 253113024\n",
        "never downloaded",
    ),
    "zip archive": (b"PK\x03\x04" + b"\0" * 64, "ZIP archive"),
    "safetensors": (struct.pack("<Q", 120) + b'{"__metadata__": {}}', "safetensors"),
    "notes": (b"these are my notes, not a model", "holds text"),
    "noise": (b"\x00\xff\x13\x37" * 20, "damaged, or another kind of file"),
}


@pytest.mark.parametrize("variant", sorted(NOT_GGUF))
def test_a_dot_gguf_that_is_not_gguf_is_told_apart(variant: str, tmp_path: Path) -> None:
    content, expected = NOT_GGUF[variant]
    fake = tmp_path / "model.Q4_K_M.gguf"
    fake.write_bytes(content)
    with pytest.raises(ModelFileError) as caught:
        inspect_model_file(fake)
    message = str(caught.value)
    assert message.startswith("model.Q4_K_M.gguf is not a GGUF model file, although its name ")
    assert expected in message
    assert "file names ending in .gguf" not in message  # no advice the file already follows


def test_a_file_not_named_gguf_is_pointed_to_gguf_files(tmp_path: Path) -> None:
    fake = tmp_path / "model.safetensors"
    fake.write_bytes(struct.pack("<Q", 120) + b'{"__metadata__": {}}')
    with pytest.raises(ModelFileError) as caught:
        inspect_model_file(fake)
    message = str(caught.value)
    assert message.startswith("model.safetensors is not a GGUF model file. ")
    assert "ending in .gguf" in message and "safetensors file" in message
    assert "although" not in message
