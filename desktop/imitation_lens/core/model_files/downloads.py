"""Downloading a model file from the Hugging Face Hub into huggingface_hub's own cache.

Everything goes through huggingface_hub (its cache layout, its HTTP client, its error types), so
files downloaded here are found by every other Hugging Face tool and the other way round.

What huggingface_hub 2.4.0 does and does not do, and what is added on top:

- `hf_hub_download` writes to a temporary file with a random name and deletes it when anything
  goes wrong, so a cancelled or broken download starts again from zero. A 4 GB model on a slow
  line needs resuming, so the transfer itself uses the library's `http_get`, which takes a
  `resume_size` and asks for the rest with a Range request (not public API: it is called only
  in core/model_files/hub_http.py, which says why). The partial file is kept as
  `blobs/<etag>.incomplete`, the name huggingface_hub's own cache scan (`scan_cache_dir`) lists
  as an interrupted download, so its cache tools can show and delete it.
- Once the blob is complete (and its sha256 checked), `hf_hub_download` is called to do the rest:
  it finds the blob, writes `refs/<revision>` and the snapshot link, so the cache is exactly as if
  it had downloaded the file itself (core/model_files/download_transfer.py).
- Progress and cancelling: `http_get` reports through a `tqdm_class`. Our class never draws a bar;
  it counts bytes, and raises `DownloadCancelled` once cancelled, which ends the transfer.
- `http_get` reads the response in `constants.DOWNLOAD_CHUNK_SIZE` pieces (10 MiB), and calls the
  progress bar only once per piece. At 1 MB/s that is one update every ten seconds, so the piece
  size is lowered for the whole process (hub_http.CHUNK_BYTES).
- A stalled connection sends no bytes, so the progress bar is never called and cannot notice a
  cancel. The transfer therefore runs on its own thread; `download` (this module) waits for it
  while watching the cancel flag, and returns within about a second of a cancel whatever the
  network does, and turns byte counts into progress with speed and time left.

Where the file lies in the cache and whether it fits: core/model_files/hub_cache.py. Failures in
plain words: core/model_files/download_errors.py.
"""

from __future__ import annotations

import collections
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from imitation_lens.core.model_files.download_errors import DownloadCancelled, DownloadError
from imitation_lens.core.model_files.download_transfer import Snapshot, Transfer
from imitation_lens.core.model_files.hub_cache import (
    HubFile,
    cache_root,
    cached_path,
    space_problem,
)

# What the catalog tab and the catalog use.
__all__ = [
    "DownloadCancelled",
    "DownloadError",
    "HubFile",
    "Progress",
    "cached_path",
    "download",
    "space_problem",
]

# How often progress reaches the caller, and so how often the cancel flag is looked at.
_REPORT_EVERY_S = 0.1
# Speed is measured over the last few seconds, so it follows a line that gets faster or slower.
_SPEED_WINDOW_S = 5.0
# Without news for this long, progress is reported anyway, so a shown speed drops towards zero.
_STALLED_REPORT_EVERY_S = 1.0
# How long a cancelled transfer gets to close its partial file before `download` returns anyway.
_CANCEL_GRACE_S = 0.8


@dataclass(frozen=True)
class Progress:
    done_bytes: int
    total_bytes: int | None
    bytes_per_second: float | None
    seconds_left: float | None


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
    transfer = Transfer(file, cache_root(cache_dir), endpoint)
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


class _Reporter:
    """Turns byte counts into Progress (with speed and time left) on the caller's thread."""

    def __init__(self, on_progress: Callable[[Progress], None]) -> None:
        self._on_progress = on_progress
        self._attempt = 0
        self._samples: collections.deque[tuple[float, int]] = collections.deque()
        self._last: tuple[int, int | None] | None = None
        self._last_at = 0.0

    def tick(self, state: Snapshot) -> None:
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

    def finish(self, state: Snapshot, path: Path) -> None:
        size = path.stat().st_size
        elapsed = time.monotonic() - state.started_at
        moved = state.done - state.initial
        speed = moved / elapsed if moved > 0 and elapsed > 0 else None
        self._on_progress(Progress(size, size, speed, 0.0))
