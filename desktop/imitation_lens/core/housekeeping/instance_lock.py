"""One window per data folder: a lock the window holds for its whole life.

A second start on the same folder must change nothing there (its start-up recovery would mark
the first window's answer in progress as interrupted), and the command line must not write
(batch, import) while a window owns the folder. The lock is an OS file lock, so it is released
when the process ends in any way, kill -9 included: no stale lock to clean up.
"""

from __future__ import annotations

from pathlib import Path

from filelock import FileLock, Timeout

from imitation_lens.core.housekeeping.translation import N_

# Marked for the catalogue; the CLI shows it as _(WINDOW_OPEN_ELSEWHERE).
WINDOW_OPEN_ELSEWHERE = N_(
    "Close the Imitation Lens window first, or use another --data-dir: the window is open on "
    "this data folder and only one program may change it at a time."
)


class FolderInUse(Exception):
    """Another window holds this data folder."""


def window_lock(database: Path) -> FileLock:
    return FileLock(f"{database}.window-lock")


def hold_window_lock(database: Path) -> FileLock:
    """Take the folder for this window (kept until the process ends).

    Raises FolderInUse when another window has it, OSError when the folder can't be written.
    """
    lock = window_lock(database)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise FolderInUse(str(database.parent)) from None
    return lock


def window_open_on(database: Path) -> bool:
    """Whether a window holds this data folder right now (the command line then only reads)."""
    lock = window_lock(database)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    except OSError:
        return False  # a folder nobody can write to has no window writing to it either
    lock.release()
    return False
