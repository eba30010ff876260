"""One download on its own thread: from the Hub into huggingface_hub's cache, resumable.

`Transfer.run` finds the file in the cache (checking its sha256) or asks the Hub for its metadata,
appends the missing bytes to `blobs/<etag>.incomplete` under the same lock huggingface_hub takes
(core/model_files/hub_http.py does the transfer), checks the sha256, moves the blob into place and
lets `hf_hub_download` write the refs and snapshot link. Progress goes through a progress-bar
class that draws nothing and counts bytes; a cancel is seen at the next piece of 64 KiB.
core/model_files/downloads.py starts it and watches it from the caller's thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import threading
import time
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from huggingface_hub import constants, get_hf_file_metadata, hf_hub_download, hf_hub_url
from huggingface_hub.errors import FileMetadataError, OfflineModeIsEnabled

# These are huggingface_hub's documented public helpers; its lazy `utils` package builds __all__
# at run time, which mypy can't read.
from huggingface_hub.utils import (  # type: ignore[attr-defined]
    WeakFileLock,
    build_hf_headers,
)
from huggingface_hub.utils import tqdm as hf_tqdm  # type: ignore[attr-defined]

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.download_errors import (
    DownloadCancelled,
    DownloadError,
    plain_error,
)
from imitation_lens.core.model_files.hub_cache import (
    HubFile,
    cached_path,
    forget,
    room_problem,
    size_or_zero,
    storage_folder,
)
from imitation_lens.core.model_files.hub_http import fetch_from

# The Hub answers a metadata request in well under a second; waiting longer only delays the
# message that it can't be reached. HF_HUB_ETAG_TIMEOUT, when set, still wins.
_METADATA_TIMEOUT_S = 5.0
_HASH_BLOCK_BYTES = 1024 * 1024
# Between two attempts at the lock of a file someone else is downloading, the cancel flag is read.
_LOCK_POLL_S = 0.2
_SHA256 = re.compile(r"[0-9a-f]{64}")


def offline_mode() -> bool:
    # huggingface_hub reads HF_HUB_OFFLINE once, at import; the app may set it later.
    value = os.environ.get("HF_HUB_OFFLINE", "")
    return constants.is_offline_mode() or value.strip().upper() in {"1", "ON", "YES", "TRUE"}


def metadata_timeout() -> float:
    if constants.HF_HUB_ETAG_TIMEOUT != constants.DEFAULT_ETAG_TIMEOUT:
        return float(constants.HF_HUB_ETAG_TIMEOUT)  # set on purpose by the user
    return _METADATA_TIMEOUT_S


@dataclass(frozen=True)
class Snapshot:
    attempt: int  # counts transfers started, so the speed of one is not mixed with another's
    started_at: float
    initial: int
    done: int
    total: int | None


class Transfer:
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
        self._state = Snapshot(0, 0.0, 0, 0, file.size_bytes)
        self._bar_class = _progress_bar_class(self)

    def snapshot(self) -> Snapshot:
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
            self.error = plain_error(error, self.file, self.endpoint)
            self.error.__cause__ = error
        finally:
            self.finished.set()

    # Called by the progress bar, on this transfer's thread.
    def started(self, initial: int, total: int | None) -> None:
        with self._lock:
            total = total if total is not None else self._state.total
            self._state = Snapshot(
                self._state.attempt + 1, time.monotonic(), initial, initial, total
            )
        self.check_abort()

    def advance(self, count: int) -> None:
        with self._lock:
            state = self._state
            self._state = Snapshot(
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
                    self._state = Snapshot(1, time.monotonic(), have, have, have)
                return found
            forget(found)  # a damaged copy: fetch it again below
        if offline_mode():
            raise OfflineModeIsEnabled("HF_HUB_OFFLINE is set")

        metadata = get_hf_file_metadata(
            hf_hub_url(file.repo_id, file.filename, revision=file.revision, endpoint=self.endpoint),
            timeout=metadata_timeout(),
            endpoint=self.endpoint,
        )
        if metadata.commit_hash is None or metadata.etag is None:
            raise FileMetadataError("the answer lacks the Hub's X-Repo-Commit or ETag header")
        etag = metadata.etag
        if expected is not None and _SHA256.fullmatch(etag) and etag != expected:
            # Large files are named by their sha256 on the Hub: this one was replaced.
            raise DownloadError(
                _(
                    "{name} on the Hugging Face Hub is not the one expected: it has been "
                    "replaced since this app's list of models was made, so it was not downloaded."
                ).format(name=file.filename)
            )
        size = metadata.size if metadata.size is not None else file.size_bytes
        storage = storage_folder(self.root, file.repo_id)
        blob = storage / "blobs" / etag
        partial = blob.with_name(f"{etag}.incomplete")
        if size is not None and not blob.exists():
            problem = room_problem(file, max(size - size_or_zero(partial), 0), self.root)
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
                        _(
                            "The downloaded {name} is not the one expected (its checksum "
                            "doesn't match), so it was thrown away. Try again later; if it "
                            "happens again, the file on the Hugging Face Hub has changed."
                        ).format(name=file.filename)
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
            etag_timeout=metadata_timeout(),
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
                self._state = Snapshot(self._state.attempt, time.monotonic(), resume, resume, size)
            fetch_from(url, sink, resume, headers, size, self.file.filename, self._bar_class)

    def _sha256(self, path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as stream:
            while block := stream.read(_HASH_BLOCK_BYTES):
                self.check_abort()  # hashing 4 GB takes seconds; a cancel should not wait for it
                digest.update(block)
        return digest.hexdigest()


def _progress_bar_class(transfer: Transfer) -> type[hf_tqdm]:
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
