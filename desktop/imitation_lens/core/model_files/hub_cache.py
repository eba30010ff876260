"""Where a file of the Hugging Face Hub lives in huggingface_hub's cache, and whether it fits.

`HubFile` names a file on the Hub with what is known of it in advance (size, sha256);
`cached_path` finds it complete in the cache without the network; `space_problem` says, in plain
words, when the disk holding the cache has no room for it.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from huggingface_hub import constants, try_to_load_from_cache

from imitation_lens.core.model_files.hub_http import repo_folder

# Room left over after the download, so the disk is not filled to the last byte.
_SPACE_MARGIN_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class HubFile:
    """One file on the Hub, with what is known about it in advance (for checks and messages)."""

    repo_id: str
    filename: str
    revision: str = "main"
    size_bytes: int | None = None
    sha256: str | None = None


def cached_path(file: HubFile, cache_dir: Path | None = None) -> Path | None:
    """The file if it is completely in the Hugging Face cache, else None. Never uses the network."""
    try:
        found = try_to_load_from_cache(
            file.repo_id, file.filename, cache_dir=cache_root(cache_dir), revision=file.revision
        )
    except (ValueError, OSError):
        return None  # a repo id or file name the Hub would refuse is not in the cache either
    # huggingface_hub moves a blob into place only once it is complete, and links it only then.
    if isinstance(found, str) and Path(found).is_file():
        return Path(found)
    return None


def space_problem(file: HubFile, cache_dir: Path | None = None) -> str | None:
    """What to tell the user if the disk holding the cache has no room for the file, else None."""
    if file.size_bytes is None or cached_path(file, cache_dir) is not None:
        return None
    root = cache_root(cache_dir)
    already = 0
    if file.sha256 is not None:
        # The Hub names large files by their sha256, so a partial one can be found without asking.
        partial = storage_folder(root, file.repo_id) / "blobs" / f"{file.sha256.lower()}.incomplete"
        already = size_or_zero(partial)
    return room_problem(file, max(file.size_bytes - already, 0), root)


def cache_root(cache_dir: Path | None) -> Path:
    # The same normalisation hf_hub_download applies, so both compute the same blob paths.
    return (
        Path(cache_dir if cache_dir is not None else constants.HF_HUB_CACHE).expanduser().resolve()
    )


def storage_folder(root: Path, repo_id: str) -> Path:
    return root / repo_folder(repo_id)


def size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def room_problem(file: HubFile, needed: int, root: Path) -> str | None:
    existing = root
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent  # the cache folder may not exist yet; its disk does
    try:
        free = shutil.disk_usage(existing).free
    except OSError:
        return None  # can't tell; the download itself will say if the disk fills up
    if needed + _SPACE_MARGIN_BYTES <= free:
        return None
    return (
        f"There isn't enough free disk space to download {file.filename}: it needs "
        f"{human(needed + _SPACE_MARGIN_BYTES)} and only {human(free)} is free on the disk that "
        f"holds the Hugging Face cache ({root}). Free up some space and try again."
    )


def human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000:
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def forget(path: Path) -> None:
    """Remove a cached file: the snapshot entry and the blob it points to."""
    blob = path.resolve()
    path.unlink(missing_ok=True)
    if blob != path:
        blob.unlink(missing_ok=True)
