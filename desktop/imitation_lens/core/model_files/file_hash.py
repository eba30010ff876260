"""sha256 of model files, remembered by path, size and modification time (hashing 4 GB takes a while)."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable
from pathlib import Path

_lock = threading.Lock()
_CACHE_NAME = "file-hashes.json"


def _key(path: Path) -> str:
    stat = path.stat()
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"


def _load(cache_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((cache_dir / _CACHE_NAME).read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(cache_dir: Path, data: dict[str, str]) -> None:
    target = cache_dir / _CACHE_NAME
    temporary = target.with_suffix(".tmp")
    try:
        temporary.write_text(json.dumps(data, indent=0), "utf-8")
        temporary.replace(target)
    except OSError:
        pass  # a cache that cannot be written only costs a re-hash next time


def remember_sha256(path: Path, digest: str, cache_dir: Path) -> None:
    with _lock:
        data = _load(cache_dir)
        data[_key(path)] = digest
        _save(cache_dir, data)


def sha256_of(
    path: Path,
    cache_dir: Path,
    should_stop: Callable[[], bool] = lambda: False,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
) -> str | None:
    """The file's sha256, from the cache when the file is unchanged; None if stopped part-way.

    `on_progress(bytes_done, bytes_total)` is called after every 4 MiB block."""
    key = _key(path)
    with _lock:
        cached = _load(cache_dir).get(key)
    if cached:
        return cached
    digest = hashlib.sha256()
    total = path.stat().st_size
    done = 0
    with path.open("rb") as stream:
        while block := stream.read(4 << 20):
            if should_stop():
                return None
            digest.update(block)
            done += len(block)
            on_progress(done, total)
    result = digest.hexdigest()
    remember_sha256(path, result, cache_dir)
    return result
