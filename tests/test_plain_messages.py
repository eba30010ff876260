"""Faults are told in plain words that name the file and say what to do: no parser jargon, no
"1 bytes"."""

from __future__ import annotations

import sqlite3
import struct
from pathlib import Path

import pytest

from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file


def _header_with_value_type(value_type: int) -> bytes:
    key = b"general.name"
    return (
        b"GGUF"
        + struct.pack("<IQQ", 3, 0, 1)
        + struct.pack("<Q", len(key))
        + key
        + struct.pack("<I", value_type)
        + b"\0" * 64
    )


@pytest.mark.parametrize("value_type", [13, 99, 2**32 - 1])
def test_an_unknown_header_value_names_the_file_and_what_to_do(
    value_type: int, tmp_path: Path
) -> None:
    damaged = tmp_path / "my-model.gguf"
    damaged.write_bytes(_header_with_value_type(value_type))
    with pytest.raises(ModelFileError) as caught:
        inspect_model_file(damaged)
    message = str(caught.value)
    assert "my-model.gguf" in message and "damaged" in message
    assert "Download or copy it again." in message
    assert "value type" not in message and str(value_type) not in message


def _cut(source: Path, target: Path, missing: int) -> Path:
    with source.open("rb") as stream:
        target.write_bytes(stream.read(source.stat().st_size - missing))
    return target


def test_one_missing_byte_is_one_byte(bundled_model: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelFileError) as caught:
        inspect_model_file(_cut(bundled_model, tmp_path / "short.gguf", 1))
    message = str(caught.value)
    assert "short.gguf is incomplete: 1 byte of its weights is missing" in message
    assert "1 bytes" not in message


def test_many_missing_bytes_are_bytes(bundled_model: Path, tmp_path: Path) -> None:
    with pytest.raises(ModelFileError) as caught:
        inspect_model_file(_cut(bundled_model, tmp_path / "short.gguf", 2048))
    assert "2,048 bytes of its weights are missing" in str(caught.value)


def test_an_unexpected_fault_is_told_plainly_and_logged_in_full(
    caplog: pytest.LogCaptureFixture,
) -> None:
    from imitation_lens.core.housekeeping.unexpected import unexpected

    try:
        int("lots")
    except ValueError as error:
        message = unexpected("The file was not imported", error)
    assert message.startswith("The file was not imported because of a problem inside the app.")
    assert "send the log" in message
    assert "invalid literal" not in message and "ValueError" not in message
    logged = [r for r in caplog.records if r.name == "imitation_lens.unexpected"]
    assert logged and logged[0].exc_info is not None and "invalid literal" in logged[0].getMessage()


def _sqlite_error(tmp_path: Path, kind: str) -> sqlite3.Error:
    """A real error from SQLite, of the kinds saving runs into."""
    database = tmp_path / f"{kind}.db"
    setup = sqlite3.connect(database)
    setup.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)")
    setup.execute("INSERT INTO t VALUES (1)")
    setup.commit()
    if kind == "locked":
        setup.execute("BEGIN IMMEDIATE")
        other = sqlite3.connect(database, timeout=0)
    elif kind == "read-only":
        other = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    else:
        other = sqlite3.connect(database)
    try:
        other.execute("INSERT INTO t VALUES (1)")
    except sqlite3.Error as error:
        return error
    finally:
        other.close()
        setup.close()
    raise AssertionError("SQLite accepted the write")


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("locked", "another program was writing to your data just then. Try again in a moment."),
        ("read-only", "the data folder can't be written to. Check its permissions"),
        ("duplicate", "because of a problem inside the app. Try again."),
    ],
)
def test_a_failed_save_says_what_to_do_without_sqlite_words(
    kind: str, expected: str, tmp_path: Path
) -> None:
    from imitation_lens.core.housekeeping.unexpected import storage_fault

    error = _sqlite_error(tmp_path, kind)
    message = storage_fault("The verdict could not be saved", error)
    assert message.startswith("The verdict could not be saved") and expected in message
    for jargon in ("sqlite", "UNIQUE", "constraint", "readonly", "database is locked"):
        assert jargon not in message
