"""Downloading a model file from the Hugging Face Hub into huggingface_hub's own cache.

Everything goes through huggingface_hub (its cache layout, its HTTP client, its error types), so
files downloaded here are found by every other Hugging Face tool and the other way round.

What huggingface_hub 2.4.0 does and does not do, and what this module adds on top:

- `hf_hub_download` writes to a temporary file with a random name and deletes it when anything
  goes wrong, so a cancelled or broken download starts again from zero. A 4 GB model on a slow
  line needs resuming, so the transfer itself uses the library's `http_get`, which takes a
  `resume_size` and asks for the rest with a Range request. The partial file is kept as
  `blobs/<etag>.incomplete`, the name huggingface_hub's own cache scan (`scan_cache_dir`) lists
  as an interrupted download, so its cache tools can show and delete it.
- Once the blob is complete (and its sha256 checked), `hf_hub_download` is called to do the rest:
  it finds the blob, writes `refs/<revision>` and the snapshot link, so the cache is exactly as if
  it had downloaded the file itself.
- Progress and cancelling: `http_get` reports through a `tqdm_class`. Our class never draws a bar;
  it counts bytes, and raises `DownloadCancelled` once cancelled, which ends the transfer.
- `http_get` reads the response in `constants.DOWNLOAD_CHUNK_SIZE` pieces (10 MiB), and calls the
  progress bar only once per piece. At 1 MB/s that is one update every ten seconds, so the piece
  size is lowered for the whole process (see `_CHUNK_BYTES`).
- A stalled connection sends no bytes, so the progress bar is never called and cannot notice a
  cancel. The transfer therefore runs on its own thread; `download` waits for it while watching the
  cancel flag, and returns within about a second of a cancel whatever the network does.
"""

from __future__ import annotations

import collections
import errno
import hashlib
import os
import re
import shutil
import threading
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx2
from huggingface_hub import (
    constants,
    get_hf_file_metadata,
    hf_hub_download,
    hf_hub_url,
    try_to_load_from_cache,
)
from huggingface_hub.errors import (
    FileMetadataError,
    GatedRepoError,
    HfHubHTTPError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)
from huggingface_hub.file_download import http_get, repo_folder_name

# These are huggingface_hub's documented public helpers; its lazy `utils` package builds __all__
# at run time, which mypy can't read.
from huggingface_hub.utils import (  # type: ignore[attr-defined]
    WeakFileLock,
    build_hf_headers,
)
from huggingface_hub.utils import tqdm as hf_tqdm  # type: ignore[attr-defined]

# How often progress reaches the caller, and so how often the cancel flag is looked at.
_REPORT_EVERY_S = 0.1
# Speed is measured over the last few seconds, so it follows a line that gets faster or slower.
_SPEED_WINDOW_S = 5.0
# Without news for this long, progress is reported anyway, so a shown speed drops towards zero.
_STALLED_REPORT_EVERY_S = 1.0
# How long a cancelled transfer gets to close its partial file before `download` returns anyway.
_CANCEL_GRACE_S = 0.8
# 64 KiB is a twentieth of a second at 1 MB/s, and still few enough calls to cost nothing.
_CHUNK_BYTES = 64 * 1024
# The Hub answers a metadata request in well under a second; waiting longer only delays the
# message that it can't be reached. HF_HUB_ETAG_TIMEOUT, when set, still wins.
_METADATA_TIMEOUT_S = 5.0
# Room left over after the download, so the disk is not filled to the last byte.
_SPACE_MARGIN_BYTES = 100 * 1024 * 1024
_HASH_BLOCK_BYTES = 1024 * 1024
# Between two attempts at the lock of a file someone else is downloading, the cancel flag is read.
_LOCK_POLL_S = 0.2
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class HubFile:
    """One file on the Hub, with what is known about it in advance (for checks and messages)."""

    repo_id: str
    filename: str
    revision: str = "main"
    size_bytes: int | None = None
    sha256: str | None = None


@dataclass(frozen=True)
class Progress:
    done_bytes: int
    total_bytes: int | None
    bytes_per_second: float | None
    seconds_left: float | None


class DownloadError(Exception):
    """A download failed; the message is meant for the user."""


class DownloadCancelled(Exception):
    """The download was cancelled; what had arrived is kept, and the next download continues it."""


def cached_path(file: HubFile, cache_dir: Path | None = None) -> Path | None:
    """The file if it is completely in the Hugging Face cache, else None. Never uses the network."""
    try:
        found = try_to_load_from_cache(
            file.repo_id, file.filename, cache_dir=_cache_root(cache_dir), revision=file.revision
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
    root = _cache_root(cache_dir)
    already = 0
    if file.sha256 is not None:
        # The Hub names large files by their sha256, so a partial one can be found without asking.
        partial = (
            _storage_folder(root, file.repo_id) / "blobs" / f"{file.sha256.lower()}.incomplete"
        )
        already = _size_or_zero(partial)
    return _room_problem(file, max(file.size_bytes - already, 0), root)


def download(
    file: HubFile,
    on_progress: Callable[[Progress], None],
    cancel: threading.Event,
    cache_dir: Path | None = None,
    endpoint: str | None = None,
) -> Path:
    """Download the file into the Hugging Face cache (or find it there) and return its path.

    Blocks; meant for a worker thread. `on_progress` is called on the calling thread, about ten
    times a second. `cancel.set()` from any thread makes this raise `DownloadCancelled` within
    about a second; the part already downloaded is kept and the next call continues from there.
    Raises `DownloadError` with a message for the user when the download can't be done.
    """
    if cancel.is_set():
        raise DownloadCancelled
    problem = space_problem(file, cache_dir)
    if problem is not None:
        raise DownloadError(problem)
    transfer = _Transfer(file, _cache_root(cache_dir), endpoint)
    worker = threading.Thread(target=transfer.run, name=f"download {file.filename}", daemon=True)
    worker.start()
    reporter = _Reporter(on_progress)
    try:
        while not transfer.finished.wait(_REPORT_EVERY_S):
            if cancel.is_set():
                transfer.abort.set()
                # Usually the transfer sees the flag at the next 64 KiB and closes the partial
                # file cleanly; on a stalled line it is left to end on its own (the file lock
                # keeps a later download of the same file waiting until it has).
                worker.join(_CANCEL_GRACE_S)
                if not (transfer.finished.is_set() and transfer.result is not None):
                    raise DownloadCancelled
                break
            reporter.tick(transfer.snapshot())
    finally:
        if not transfer.finished.is_set():
            transfer.abort.set()  # on_progress failed: nobody is waiting for the file any more
    if transfer.error is not None:
        raise transfer.error
    assert transfer.result is not None
    reporter.finish(transfer.snapshot(), transfer.result)
    return transfer.result


def _cache_root(cache_dir: Path | None) -> Path:
    # The same normalisation hf_hub_download applies, so both compute the same blob paths.
    return (
        Path(cache_dir if cache_dir is not None else constants.HF_HUB_CACHE).expanduser().resolve()
    )


def _storage_folder(root: Path, repo_id: str) -> Path:
    return root / repo_folder_name(repo_id=repo_id, repo_type="model")


def _size_or_zero(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _room_problem(file: HubFile, needed: int, root: Path) -> str | None:
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
        f"{_human(needed + _SPACE_MARGIN_BYTES)} and only {_human(free)} is free on the disk that "
        f"holds the Hugging Face cache ({root}). Free up some space and try again."
    )


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000:
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} TB"


def _offline_mode() -> bool:
    # huggingface_hub reads HF_HUB_OFFLINE once, at import; the app may set it later.
    value = os.environ.get("HF_HUB_OFFLINE", "")
    return constants.is_offline_mode() or value.strip().upper() in {"1", "ON", "YES", "TRUE"}


def _metadata_timeout() -> float:
    if constants.HF_HUB_ETAG_TIMEOUT != constants.DEFAULT_ETAG_TIMEOUT:
        return float(constants.HF_HUB_ETAG_TIMEOUT)  # set on purpose by the user
    return _METADATA_TIMEOUT_S


@dataclass(frozen=True)
class _Snapshot:
    attempt: int  # counts transfers started, so the speed of one is not mixed with another's
    started_at: float
    initial: int
    done: int
    total: int | None


class _Transfer:
    """The download proper, on its own thread; `download` watches it from the caller's thread."""

    def __init__(self, file: HubFile, root: Path, endpoint: str | None) -> None:
        self.file = file
        self.root = root
        self.endpoint = endpoint
        self.abort = threading.Event()
        self.finished = threading.Event()
        self.result: Path | None = None
        self.error: BaseException | None = None
        self._lock = threading.Lock()
        self._state = _Snapshot(0, 0.0, 0, 0, file.size_bytes)
        self._bar_class = _progress_bar_class(self)

    def snapshot(self) -> _Snapshot:
        with self._lock:
            return self._state

    def run(self) -> None:
        try:
            self.result = self._run()
        except DownloadCancelled as cancelled:
            self.error = cancelled
        except DownloadError as error:
            self.error = error
        except Exception as error:
            self.error = _plain_error(error, self.file, self.endpoint)
            self.error.__cause__ = error
        finally:
            self.finished.set()

    # Called by the progress bar, on this transfer's thread.
    def started(self, initial: int, total: int | None) -> None:
        with self._lock:
            total = total if total is not None else self._state.total
            self._state = _Snapshot(
                self._state.attempt + 1, time.monotonic(), initial, initial, total
            )
        self.check_abort()

    def advance(self, count: int) -> None:
        with self._lock:
            state = self._state
            self._state = _Snapshot(
                state.attempt, state.started_at, state.initial, state.done + count, state.total
            )
        self.check_abort()

    def check_abort(self) -> None:
        if self.abort.is_set():
            raise DownloadCancelled

    def _run(self) -> Path:
        file = self.file
        expected = file.sha256.lower() if file.sha256 is not None else None
        found = cached_path(file, self.root)
        if found is not None:
            if expected is None or self._sha256(found) == expected:
                have = found.stat().st_size
                with self._lock:
                    self._state = _Snapshot(1, time.monotonic(), have, have, have)
                return found
            _forget(found)  # a damaged copy: fetch it again below
        if _offline_mode():
            raise OfflineModeIsEnabled("HF_HUB_OFFLINE is set")

        metadata = get_hf_file_metadata(
            hf_hub_url(file.repo_id, file.filename, revision=file.revision, endpoint=self.endpoint),
            timeout=_metadata_timeout(),
            endpoint=self.endpoint,
        )
        if metadata.commit_hash is None or metadata.etag is None:
            raise FileMetadataError("the answer lacks the Hub's X-Repo-Commit or ETag header")
        etag = metadata.etag
        if expected is not None and _SHA256.fullmatch(etag) and etag != expected:
            # Large files are named by their sha256 on the Hub: this one was replaced.
            raise DownloadError(
                f"{file.filename} on the Hugging Face Hub is not the one expected: it has been "
                "replaced since this app's list of models was made, so it was not downloaded."
            )
        size = metadata.size if metadata.size is not None else file.size_bytes
        storage = _storage_folder(self.root, file.repo_id)
        blob = storage / "blobs" / etag
        partial = blob.with_name(f"{etag}.incomplete")
        if size is not None and not blob.exists():
            problem = _room_problem(file, max(size - _size_or_zero(partial), 0), self.root)
            if problem is not None:
                raise DownloadError(problem)

        with ExitStack() as held:
            self._lock_file(held, self.root / ".locks" / storage.name / f"{etag}.lock")
            if blob.exists() and expected is not None and self._sha256(blob) != expected:
                blob.unlink()
            if not blob.exists():
                self._fetch(metadata.location, partial, size)
                if expected is not None and self._sha256(partial) != expected:
                    partial.unlink(missing_ok=True)
                    raise DownloadError(
                        f"The downloaded {file.filename} is not the one expected (its checksum "
                        "doesn't match), so it was thrown away. Try again later; if it happens "
                        "again, the file on the Hugging Face Hub has changed."
                    )
                partial.replace(blob)

        # The blob is in place, so this only writes refs/<revision> and the snapshot link, the
        # way huggingface_hub lays out its cache (it copies instead where links are not allowed).
        self.check_abort()
        linked = hf_hub_download(
            file.repo_id,
            file.filename,
            revision=file.revision,
            cache_dir=self.root,
            endpoint=self.endpoint,
            etag_timeout=_metadata_timeout(),
            # Should the file have changed on the Hub since the request above, it is downloaded
            # here after all, and this keeps that download reported and cancellable too.
            tqdm_class=self._bar_class,
        )
        return Path(linked)

    def _lock_file(self, held: ExitStack, lock_path: Path) -> None:
        # The same lock hf_hub_download takes for this blob, so two downloads of one file (a
        # cancelled one still ending, another app, another Hugging Face tool) never write together.
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        while True:
            self.check_abort()
            try:
                held.enter_context(WeakFileLock(lock_path, timeout=_LOCK_POLL_S))
                return
            except TimeoutError:
                continue

    def _fetch(self, url: str, partial: Path, size: int | None) -> None:
        # http_get asks for pieces of this size and calls the progress bar once per piece.
        if constants.DOWNLOAD_CHUNK_SIZE > _CHUNK_BYTES:
            constants.DOWNLOAD_CHUNK_SIZE = _CHUNK_BYTES
        partial.parent.mkdir(parents=True, exist_ok=True)
        hub_url = hf_hub_url(
            self.file.repo_id,
            self.file.filename,
            revision=self.file.revision,
            endpoint=self.endpoint,
        )
        # Compressed answers can't be resumed by byte offset.
        headers = build_hf_headers(headers={"Accept-Encoding": "identity"})
        if urlsplit(url)[:2] != urlsplit(hub_url)[:2]:
            headers.pop("authorization", None)  # a signed CDN address: the login stays on the Hub
        with partial.open("ab") as sink:
            resume = sink.tell()
            if size is not None and resume > size:
                sink.truncate(0)  # longer than the file: not a part of it
                resume = 0
            with self._lock:
                self._state = _Snapshot(self._state.attempt, time.monotonic(), resume, resume, size)
            http_get(
                url,
                sink,
                resume_size=resume,
                headers=headers,
                expected_size=size,
                displayed_filename=self.file.filename,
                tqdm_class=self._bar_class,
            )

    def _sha256(self, path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while block := stream.read(_HASH_BLOCK_BYTES):
                self.check_abort()  # hashing 4 GB takes seconds; a cancel should not wait for it
                digest.update(block)
        return digest.hexdigest()


def _progress_bar_class(transfer: _Transfer) -> type[hf_tqdm]:
    class _Counter(hf_tqdm):
        """Stands in for huggingface_hub's progress bar: counts bytes, draws nothing."""

        # tqdm starts a watchdog thread for every bar class; this class exists per download.
        monitor_interval = 0

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)  # type: ignore[no-untyped-call]
            total = kwargs.get("total")
            transfer.started(int(kwargs.get("initial") or 0), int(total) if total else None)

        def update(self, n: float | None = 1) -> bool | None:
            transfer.advance(int(n or 0))
            return None

    return _Counter


class _Reporter:
    """Turns byte counts into Progress (with speed and time left) on the caller's thread."""

    def __init__(self, on_progress: Callable[[Progress], None]) -> None:
        self._on_progress = on_progress
        self._attempt = 0
        self._samples: collections.deque[tuple[float, int]] = collections.deque()
        self._last: tuple[int, int | None] | None = None
        self._last_at = 0.0

    def tick(self, state: _Snapshot) -> None:
        if state.attempt == 0:
            return  # nothing is being transferred yet
        now = time.monotonic()
        if state.attempt != self._attempt:
            self._attempt = state.attempt
            self._samples = collections.deque([(state.started_at, state.initial)])
        self._samples.append((now, state.done))
        while len(self._samples) > 2 and now - self._samples[0][0] > _SPEED_WINDOW_S:
            self._samples.popleft()
        key = (state.done, state.total)
        if key == self._last and now - self._last_at < _STALLED_REPORT_EVERY_S:
            return
        first_at, first_done = self._samples[0]
        speed = (state.done - first_done) / (now - first_at) if now > first_at else None
        left = None
        if speed and state.total is not None:
            left = max(state.total - state.done, 0) / speed
        self._last, self._last_at = key, now
        self._on_progress(Progress(state.done, state.total, speed or None, left))

    def finish(self, state: _Snapshot, path: Path) -> None:
        size = path.stat().st_size
        elapsed = time.monotonic() - state.started_at
        moved = state.done - state.initial
        speed = moved / elapsed if moved > 0 and elapsed > 0 else None
        self._on_progress(Progress(size, size, speed, 0.0))


def _forget(path: Path) -> None:
    """Remove a cached file: the snapshot entry and the blob it points to."""
    blob = path.resolve()
    path.unlink(missing_ok=True)
    if blob != path:
        blob.unlink(missing_ok=True)


def _plain_error(error: Exception, file: HubFile, endpoint: str | None) -> DownloadError:
    name, repo = file.filename, file.repo_id
    kept = "Models already on this computer are still listed and can be used as usual."
    if isinstance(error, OfflineModeIsEnabled):
        return DownloadError(
            f"This computer is set to work offline (HF_HUB_OFFLINE), so {name} can't be "
            f"downloaded. {kept}"
        )
    if isinstance(error, GatedRepoError) or (
        isinstance(error, HfHubHTTPError)
        and not isinstance(error, RepositoryNotFoundError)
        and error.response.status_code in (401, 403)
    ):
        return DownloadError(
            f"{repo} needs a Hugging Face login: sign in (for example with `hf auth login`) and "
            f"accept the model's licence on its page, huggingface.co/{repo}, then try again."
        )
    if isinstance(error, RepositoryNotFoundError):
        return DownloadError(
            f"{repo} was not found on the Hugging Face Hub. It may have been renamed or removed, "
            "or it may be private, and then it needs a Hugging Face login."
        )
    if isinstance(error, RevisionNotFoundError):
        return DownloadError(
            f"The version “{file.revision}” of {repo} is not on the Hugging Face Hub."
        )
    if isinstance(error, RemoteEntryNotFoundError) or (
        isinstance(error, HfHubHTTPError) and error.response.status_code == 404
    ):
        return DownloadError(
            f"{name} is not on the Hugging Face Hub (any more): {repo} has no such file now."
        )
    if isinstance(error, HfHubHTTPError):
        status = error.response.status_code
        if status == 429:
            return DownloadError(
                "The Hugging Face Hub is limiting downloads from this computer for the moment. "
                "Wait a few minutes and try again."
            )
        return DownloadError(
            f"The Hugging Face Hub couldn't send {name} (error {status}). Try again later."
        )
    if isinstance(error, FileMetadataError):
        where = endpoint or constants.ENDPOINT
        return DownloadError(
            f"The server at {where} doesn't answer the way the Hugging Face Hub does, so {name} "
            "can't be downloaded from it. Check the Hub address (HF_ENDPOINT)."
        )
    if isinstance(error, httpx2.TimeoutException):
        return DownloadError(
            f"The Hugging Face Hub didn't answer in time, so {name} can't be downloaded now. "
            f"You may be offline or on a very slow connection. {kept}"
        )
    if isinstance(error, httpx2.TransportError | ConnectionError):
        return DownloadError(
            f"The Hugging Face Hub can't be reached: you seem to be offline, so {name} can't be "
            f"downloaded now. {kept}"
        )
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DownloadError(
                f"The disk is full, so {name} could not be saved. Free up some space and try "
                "again: the download will continue where it stopped."
            )
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DownloadError(
                f"{name} could not be saved: this app may not write to {error.filename or 'the cache folder'}."
            )
        if error.errno is None and "Consistency check failed" in str(error):
            return DownloadError(
                f"The download of {name} stopped before the whole file arrived. Try again: it "
                "will continue where it stopped."
            )
        return DownloadError(f"{name} could not be saved: {error.strerror or error}.")
    return DownloadError(f"{name} could not be downloaded: {error}")
