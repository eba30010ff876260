"""Rows of a question file, streamed: JSONL, JSON, CSV and Parquet, with limits and sampling.

This module knows nothing of what the fields mean (core/batches/formats.py does); it reads a
file row by row as plain dicts, never holding more than the rows it keeps. A file of more than
MAX_ROWS rows is refused unless a random sample is asked for; a sample of N with a seed is the
same N rows every time (reservoir sampling, so a file is read once whatever its size).
Progress is reported every PROGRESS_EVERY rows as (rows read, fraction of the file read).
"""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imitation_lens.core.housekeeping.translation import _

MAX_ROWS = 100_000
MAX_JSON_BYTES = 300 * 1024 * 1024  # a whole-JSON file is parsed at once: keep that bounded
PROGRESS_EVERY = 1_000
SUFFIXES = (".jsonl", ".json", ".csv", ".tsv", ".parquet")

Row = dict[str, Any]
Progress = Callable[[int, float], None]  # rows read, fraction of the file read (0…1)


class SetFileError(Exception):
    """A file that was not read; the message says why, in plain words."""


@dataclass(frozen=True)
class Sample:
    """Keep `size` rows chosen at random with `seed`: the same rows for the same file."""

    size: int
    seed: int = 0


def _stopped(raw: io.BufferedReader, size: int) -> float:
    return min(1.0, raw.tell() / size) if size else 1.0


def _jsonl_rows(path: Path, progress: Callable[[float], None]) -> Iterator[Row]:
    size = path.stat().st_size
    with path.open("rb") as raw:
        for number, line in enumerate(raw, start=1):
            if number % PROGRESS_EVERY == 0:
                progress(_stopped(raw, size))
            text = _text(line, path, number).strip()
            if not text:
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                raise SetFileError(
                    _("{name}: line {n} is not valid JSON ({reason}).").format(
                        name=path.name, n=number, reason=error.msg
                    )
                ) from error
            except RecursionError as error:  # brackets nested past any real question
                raise SetFileError(
                    _("{name}: line {n} is nested too deeply to be a question.").format(
                        name=path.name, n=number
                    )
                ) from error
            if not isinstance(record, dict):
                raise SetFileError(
                    _("{name}: line {n} is not a JSON object.").format(name=path.name, n=number)
                )
            yield record


def _text(line: bytes, path: Path, number: int) -> str:
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        raise SetFileError(
            _("{name}: line {n} is not UTF-8 text. Save the file as UTF-8.").format(
                name=path.name, n=number
            )
        ) from error


def _json_rows(path: Path) -> Iterator[Row]:
    if path.stat().st_size > MAX_JSON_BYTES:
        raise SetFileError(
            _(
                "{name} is larger than {n} MB, too large to read as one JSON document. Save it "
                "as JSON Lines (.jsonl), one question a line."
            ).format(name=path.name, n=MAX_JSON_BYTES // (1024 * 1024))
        )
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SetFileError(
            _("{name} is not a valid JSON file ({reason}).").format(name=path.name, reason=error)
        ) from error
    except RecursionError as error:  # brackets nested past any real list of questions
        raise SetFileError(
            _("{name} is nested too deeply to be a list of questions.").format(name=path.name)
        ) from error
    # TriviaQA keeps its questions in "Data"; Hugging Face dumps in "data" or "rows".
    if isinstance(document, dict):
        for key in ("Data", "data", "rows", "examples", "questions"):
            if isinstance(document.get(key), list):
                document = document[key]
                break
    if not isinstance(document, list):
        raise SetFileError(_("{name}: the file holds no list of questions.").format(name=path.name))
    for record in document:
        if isinstance(record, dict) and isinstance(record.get("row"), dict):
            record = record["row"]  # the datasets-server's {"row": {...}} wrapping
        if isinstance(record, dict):
            yield record


def _csv_rows(path: Path, progress: Callable[[float], None]) -> Iterator[Row]:
    size = path.stat().st_size
    with path.open("rb") as raw:
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
        delimiter = "\t" if path.suffix.lower() == ".tsv" else ","
        # Large cells (long answers, metadata) exceed csv's default 128 kB cell limit.
        csv.field_size_limit(16 * 1024 * 1024)
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = [cell.strip() for cell in next(reader)]
            for number, cells in enumerate(reader, start=1):
                if number % PROGRESS_EVERY == 0:
                    progress(_stopped(raw, size))
                if any(cell.strip() for cell in cells):
                    yield {key: value for key, value in zip(header, cells, strict=False) if key}
        except StopIteration:
            return
        except UnicodeDecodeError as error:
            raise SetFileError(
                _("{name} is not UTF-8 text. Save it as UTF-8.").format(name=path.name)
            ) from error
        except csv.Error as error:
            raise SetFileError(
                _("{name}: row {n} could not be read ({reason}).").format(
                    name=path.name, n=reader.line_num, reason=error
                )
            ) from error


PARQUET_MISSING = (
    "{name} is a Parquet file, and reading Parquet needs the optional pyarrow package, which is "
    "not installed. Install Imitation Lens with its “parquet” extra "
    "(pip install 'imitation-lens[parquet]'), or save the set as JSON Lines or CSV."
)


def _parquet_module(path: Path) -> Any:
    try:
        import pyarrow.parquet as parquet
    except ImportError as error:
        raise SetFileError(PARQUET_MISSING.format(name=path.name)) from error
    return parquet


def _parquet_refusal(path: Path) -> SetFileError:
    return SetFileError(
        f"{path.name} could not be read as Parquet: it is not a Parquet file, or it is damaged "
        "or cut short. Download it again, or save the set as JSON Lines or CSV."
    )


def _parquet_failures() -> tuple[type[BaseException], ...]:
    # pyarrow's own errors (ArrowInvalid is a ValueError, ArrowIOError an OSError, a thrift
    # error an OSError, an unknown type a NotImplementedError or TypeError): all one refusal.
    return (OSError, ValueError, TypeError, NotImplementedError, IndexError, KeyError)


def parquet_row_count(path: Path) -> int:
    """Rows a Parquet file says it holds (its footer), read without reading the rows."""
    parquet = _parquet_module(path)
    try:
        return int(parquet.ParquetFile(path).metadata.num_rows)
    except _parquet_failures() as error:
        raise _parquet_refusal(path) from error


def _parquet_rows(path: Path, progress: Callable[[float], None]) -> Iterator[Row]:
    parquet = _parquet_module(path)
    try:
        file = parquet.ParquetFile(path)
        total = max(1, int(file.metadata.num_rows))
        done = 0
        # A batch at a time: nested columns (TriviaQA's answer struct, NQ's answer list) come
        # out as plain dicts and lists, and a large file is never held whole.
        for batch in file.iter_batches(batch_size=PROGRESS_EVERY):
            rows: list[Row] = batch.to_pylist()
            yield from rows
            done += len(rows)
            progress(min(1.0, done / total))
    except _parquet_failures() as error:
        raise _parquet_refusal(path) from error


def file_rows(
    path: Path, progress: Callable[[float], None] = lambda _unused: None
) -> Iterator[Row]:
    """Every row of a question file as a dict, in file order."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise SetFileError(
            _("{name}: question files are {suffixes} files, not “{suffix}”.").format(
                name=path.name, suffixes=", ".join(SUFFIXES), suffix=suffix
            )
        )
    try:
        if suffix == ".jsonl":
            yield from _jsonl_rows(path, progress)
        elif suffix == ".json":
            yield from _json_rows(path)
        elif suffix == ".parquet":
            yield from _parquet_rows(path, progress)
        else:
            yield from _csv_rows(path, progress)
    except OSError as error:
        raise SetFileError(
            _("{name} could not be read: {reason}.").format(
                name=path.name, reason=error.strerror or error
            )
        ) from error


def first_rows(path: Path, count: int = 20) -> list[Row]:
    """The first rows of a file: enough to recognise its format and show a preview."""
    found: list[Row] = []
    for row in file_rows(path):
        found.append(row)
        if len(found) >= count:
            break
    return found


def _too_many(path: Path) -> SetFileError:
    return SetFileError(
        f"{path.name} has more than {MAX_ROWS:,} questions, more than a set may have. "
        "Take a random sample of it instead (“Take a sample” in the import)."
    )


@dataclass(frozen=True)
class Taken:
    rows: list[Any]  # what `keep` made of the rows kept, in file order
    read: int  # rows in the file
    skipped: int  # rows `keep` turned down


def take_rows(
    path: Path,
    keep: Callable[[Row], Any | None],
    sample: Sample | None = None,
    progress: Progress | None = None,
) -> Taken:
    """Read a file once, turning each row into something with `keep` (None: skip the row).

    Without a sample, a file of more than MAX_ROWS rows is refused. With one, each kept row
    has the same chance to be among `sample.size`, decided by `sample.seed` alone.
    """
    if sample is None and path.suffix.lower() == ".parquet" and parquet_row_count(path) > MAX_ROWS:
        raise _too_many(path)  # the footer says so: refused before a row is read
    chooser = random.Random(sample.seed) if sample else None
    chosen: list[tuple[int, Any]] = []
    read = skipped = usable = 0

    def report(fraction: float) -> None:
        if progress is not None:
            progress(read, fraction)

    for row in file_rows(path, report):
        read += 1
        if sample is None and read > MAX_ROWS:
            raise _too_many(path)
        made = keep(row)
        if made is None:
            skipped += 1
            continue
        usable += 1
        if chooser is None or sample is None or len(chosen) < sample.size:
            chosen.append((read, made))
        else:
            # Reservoir sampling (Algorithm R): the row replaces a kept one with chance N/seen.
            slot = chooser.randrange(usable)
            if slot < sample.size:
                chosen[slot] = (read, made)
    if progress is not None:
        progress(read, 1.0)
    chosen.sort(key=lambda pair: pair[0])
    return Taken([made for _unused, made in chosen], read, skipped)
