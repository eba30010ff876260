"""A data folder this user can't write to, or can't create: plain words, never a traceback;
`sessions` and `export` still work where they only read. The commands run as a real non-root
user (nobody), allowed to read everything but to write only where anyone may."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from imitation_lens.core.running.lineup import default_lineup
from imitation_lens.core.running.runners import queued_response
from imitation_lens.core.storage.store import Store

NOBODY = 65534
# Read (and pass through) any folder, as a user who owns the data would; write nowhere extra.
AS_NOBODY = [
    "setpriv",
    f"--reuid={NOBODY}",
    f"--regid={NOBODY}",
    "--clear-groups",
    "--inh-caps=+dac_read_search",
    "--ambient-caps=+dac_read_search",
]


def _can_switch_user() -> str:
    if os.geteuid() != 0 or shutil.which("setpriv") is None:
        return "needs root and setpriv to run the commands as another user"
    probe = subprocess.run([*AS_NOBODY, "true"], capture_output=True, check=False)
    return "" if probe.returncode == 0 else f"setpriv can't switch users here: {probe.stderr!r}"


pytestmark = pytest.mark.skipif(bool(_can_switch_user()), reason=_can_switch_user() or "-")


def _make_data(folder: Path, leave_wal: bool) -> Iterator[None]:
    """A database with one answer; `leave_wal`: as a killed app leaves it (-wal and -shm)."""
    store = Store(folder / "imitation-lens.sqlite3")
    session_id = store.create_session("Read only", [])
    row = queued_response("r-1", 0, default_lineup()[0])
    store.add_item(session_id, "item-1", "What is the capital of Australia?", [row])
    store.set_text("r-1", "Canberra is the capital.")
    if leave_wal:
        copy = folder.parent / "copy"
        copy.mkdir()
        for file in folder.iterdir():
            shutil.copy2(file, copy / file.name)
        store.close()
        shutil.rmtree(folder)
        copy.rename(folder)
        assert (folder / "imitation-lens.sqlite3-wal").exists()
    else:
        store.close()
    yield


def _read_only(path: Path) -> None:
    for item in [path, *path.rglob("*")]:
        mode = item.stat().st_mode
        item.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


@pytest.fixture
def place() -> Iterator[Path]:
    # Outside pytest's temporary folders, which only root may enter.
    base = Path(__import__("tempfile").mkdtemp(prefix="il-readonly-"))
    base.chmod(0o755)
    (base / "out").mkdir(mode=0o777)
    (base / "out").chmod(0o777)
    (base / "home").mkdir()
    (base / "home").chmod(0o777)
    yield base
    for item in [base, *base.rglob("*")]:
        if item.is_dir():
            item.chmod(0o755)
    shutil.rmtree(base)


def _as_nobody(place: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"HOME": str(place / "home"), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [*AS_NOBODY, sys.executable, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _cli(place: Path, data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return _as_nobody(place, "-m", "imitation_lens", "--data-dir", str(data), *args)


@pytest.mark.slow
@pytest.mark.parametrize("leave_wal", [False, True], ids=["closed", "killed"])
def test_a_read_only_folder_is_read_and_never_written(place: Path, leave_wal: bool) -> None:
    data = place / "data"
    data.mkdir()
    for _ in _make_data(data, leave_wal):
        pass
    _read_only(data)
    before = {p.name: p.read_bytes() for p in data.iterdir()}

    listed = _cli(place, data, "sessions")
    assert listed.returncode == 0, listed.stderr
    assert "1 items  Read only" in listed.stdout
    exported = _cli(place, data, "export", str(place / "out" / "session.json"))
    assert exported.returncode == 0, exported.stderr
    assert "Canberra is the capital." in (place / "out" / "session.json").read_text("utf-8")

    refused = _cli(place, data, "batch", "factual-probes")
    assert refused.returncode == 1 and "Traceback" not in refused.stderr
    assert f"The data folder {data} can't be written to" in refused.stderr
    assert "Use --data-dir with a folder you can write to." in refused.stderr
    # Importing what is there already needs no write; either way nothing changes, plainly.
    again = _cli(place, data, "import", str(place / "out" / "session.json"))
    assert "Traceback" not in again.stderr
    assert (again.returncode, again.stdout.count("0 new item(s)")) == (0, 1) or (
        again.returncode == 1 and f"The data folder {data} can't be written to" in again.stderr
    )

    window = _as_nobody(place, str(Path(__file__).with_name("readonly_target.py")), str(data))
    assert window.returncode == 1, window.stderr
    assert "Traceback" not in window.stdout + window.stderr
    assert f"DIALOG The data folder {data} can't be created or written to" in window.stdout

    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    with sqlite3.connect(data / "imitation-lens.sqlite3") as check:  # as root: intact
        assert check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_an_uncreatable_folder_is_explained(place: Path) -> None:
    locked = place / "locked"
    locked.mkdir(mode=0o555)
    locked.chmod(0o555)
    data = locked / "data"
    listed = _cli(place, data, "sessions")
    assert listed.returncode == 1 and "No database yet" in listed.stdout
    batch = _cli(place, data, "batch", "factual-probes")
    assert batch.returncode == 1 and "Traceback" not in batch.stderr
    assert f"The data folder {data} can't be written to (Permission denied)" in batch.stderr
    window = _as_nobody(place, str(Path(__file__).with_name("readonly_target.py")), str(data))
    assert window.returncode == 1 and "Traceback" not in window.stdout + window.stderr
    assert "can't be created or written to (Permission denied)" in window.stdout
    assert not data.exists()
