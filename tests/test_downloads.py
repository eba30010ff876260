"""Downloads from the Hub into huggingface_hub's cache: real huggingface_hub calls against a real
HTTP server on 127.0.0.1 that answers like the Hub (tests/hub_stand_in.py)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from huggingface_hub import constants

from conftest import free_port
from hub_stand_in import HubStandIn
from imitation_lens.core.model_files.downloads import (
    DownloadCancelled,
    DownloadError,
    HubFile,
    Progress,
    cached_path,
    download,
    space_problem,
)

REPO = "imitation-lens/tiny-GGUF"
NAME = "tiny.Q4_K_M.gguf"
SIZE = 3 * 1024 * 1024


@pytest.fixture(autouse=True)
def online(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever the machine running the tests says, these tests start online and logged out."""
    for name in ("HF_HUB_OFFLINE", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN", "HF_ENDPOINT"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.setattr(constants, "HF_TOKEN_PATH", "/nonexistent/hf-token")


@pytest.fixture
def hub() -> Iterator[HubStandIn]:
    with HubStandIn() as stand_in:
        yield stand_in


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "hf-cache"


@pytest.fixture
def content(hub: HubStandIn) -> bytes:
    data = os.urandom(SIZE)
    hub.add(REPO, NAME, data)
    return data


def hub_file(content: bytes, **changes: Any) -> HubFile:
    known = HubFile(REPO, NAME, size_bytes=len(content), sha256=hashlib.sha256(content).hexdigest())
    return dataclasses.replace(known, **changes)


@dataclass
class Reports:
    """Collects progress, and says when a given number of bytes has arrived."""

    threshold: int | None = None
    seen: list[Progress] = field(default_factory=list)
    threads: set[int] = field(default_factory=set)
    reached: threading.Event = field(default_factory=threading.Event)

    def __call__(self, progress: Progress) -> None:
        self.seen.append(progress)
        self.threads.add(threading.get_ident())
        if self.threshold is not None and progress.done_bytes >= self.threshold:
            self.reached.set()


@dataclass
class Background:
    """A download on its own thread, the way the app runs it."""

    result: Path | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def run(
        self, file: HubFile, reports: Reports, cancel: threading.Event, cache: Path, endpoint: str
    ) -> None:
        try:
            self.result = download(file, reports, cancel, cache, endpoint)
        except BaseException as error:
            self.error = error
        finally:
            self.done.set()


def partials(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.incomplete"))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_download_lands_in_the_cache_with_progress(
    hub: HubStandIn, content: bytes, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_TOKEN", "hf_stand_in_login")
    hub.bytes_per_second = 6 * 1024 * 1024  # about half a second, so progress shows in between
    reports = Reports()
    started = time.monotonic()
    path = download(hub_file(content), reports, threading.Event(), cache, hub.url)
    elapsed = time.monotonic() - started

    assert path.read_bytes() == content
    assert path == cached_path(hub_file(content), cache)
    assert path.is_relative_to(cache.resolve() / f"models--{REPO.replace('/', '--')}" / "snapshots")
    assert partials(cache) == []
    done = [p.done_bytes for p in reports.seen]
    assert len(done) >= 3, reports.seen
    assert done == sorted(done)
    assert reports.seen[-1] == Progress(SIZE, SIZE, reports.seen[-1].bytes_per_second, 0.0)
    assert all(p.total_bytes == SIZE for p in reports.seen)
    assert any(p.bytes_per_second and p.seconds_left is not None for p in reports.seen[:-1])
    assert reports.seen[-1].bytes_per_second is not None
    assert len(reports.seen) <= elapsed / 0.1 + 3, "progress is reported about ten times a second"
    assert reports.threads == {threading.get_ident()}, "progress arrives on the calling thread"
    # What was asked, in order: the file's metadata, the bytes from the CDN the Hub pointed to
    # (the login stays on the Hub), the metadata again while huggingface_hub links the file in.
    asked = [(s.server, s.method, s.path, s.authorized) for s in hub.seen]
    resolve = f"/{REPO}/resolve/main/{NAME}"
    assert asked == [
        ("hub", "HEAD", resolve, True),
        ("cdn", "GET", f"/cdn/{hashlib.sha256(content).hexdigest()}", False),
        ("hub", "HEAD", resolve, True),
    ]


def cancel_partway(hub: HubStandIn, content: bytes, cache: Path) -> int:
    """Start a slow download, cancel it once half a megabyte has arrived; the bytes kept."""
    hub.bytes_per_second = 512 * 1024  # six seconds for the whole file
    cancel = threading.Event()
    reports = Reports(threshold=512 * 1024)
    first = Background()
    threading.Thread(
        target=first.run, args=(hub_file(content), reports, cancel, cache, hub.url)
    ).start()
    assert reports.reached.wait(20), "no progress arrived"
    cancel.set()
    cancelled_at = time.monotonic()
    assert first.done.wait(5)
    assert time.monotonic() - cancelled_at < 1.5, "a cancel takes effect within about a second"
    assert isinstance(first.error, DownloadCancelled)
    [partial] = partials(cache)
    kept = partial.stat().st_size
    assert 512 * 1024 <= kept < SIZE
    assert partial.read_bytes() == content[:kept]
    assert cached_path(hub_file(content), cache) is None
    hub.bytes_per_second = None
    return kept


def test_cancel_keeps_the_partial_and_the_next_download_resumes(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    kept = cancel_partway(hub, content, cache)
    again = Reports()
    path = download(hub_file(content), again, threading.Event(), cache, hub.url)
    assert sha256(path) == hashlib.sha256(content).hexdigest()
    ranges = [s.range for s in hub.seen if s.method == "GET"]
    assert ranges == [None, f"bytes={kept}-"]
    assert again.seen[0].done_bytes >= kept, "the second download starts where the first stopped"
    assert partials(cache) == []


def test_a_server_that_ignores_the_range_sends_the_whole_file_again(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    kept = cancel_partway(hub, content, cache)
    hub.honour_ranges = False
    path = download(hub_file(content), Reports(), threading.Event(), cache, hub.url)
    assert path.read_bytes() == content
    assert [s.range for s in hub.seen if s.method == "GET"][-1] == f"bytes={kept}-"
    assert partials(cache) == []


def test_a_damaged_cached_file_is_fetched_again(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    path = download(hub_file(content), Reports(), threading.Event(), cache, hub.url)
    path.resolve().write_bytes(os.urandom(len(content)))
    assert download(hub_file(content), Reports(), threading.Event(), cache, hub.url) == path
    assert path.read_bytes() == content
    assert [s.method for s in hub.seen].count("GET") == 2


def test_a_cancel_returns_within_a_second_even_when_no_bytes_arrive(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    # The connection goes quiet right after the answer's headers: huggingface_hub's progress bar
    # is never called again, so only the waiting in download() can notice the cancel.
    hub.stall_after_bytes = 0
    running_before = set(threading.enumerate())
    cancel = threading.Event()
    reports = Reports(threshold=0)
    stalled = Background()
    threading.Thread(
        target=stalled.run, args=(hub_file(content), reports, cancel, cache, hub.url)
    ).start()
    assert reports.reached.wait(20), "the transfer did not start"
    cancel.set()
    cancelled_at = time.monotonic()
    assert stalled.done.wait(5)
    assert time.monotonic() - cancelled_at < 2, "a cancel takes effect within about a second"
    assert isinstance(stalled.error, DownloadCancelled)

    # The abandoned transfer ends as soon as bytes flow again, keeping what it had.
    [abandoned] = [
        t for t in set(threading.enumerate()) - running_before if t.name == f"download {NAME}"
    ]
    hub.stall_after_bytes = None
    abandoned.join(5)
    assert not abandoned.is_alive()
    [partial] = partials(cache)
    assert content.startswith(partial.read_bytes())
    assert cached_path(hub_file(content), cache) is None


def test_a_file_that_is_not_the_one_expected_is_refused_and_removed(
    hub: HubStandIn, cache: Path
) -> None:
    content = os.urandom(2 * 1024 * 1024)
    hub.add(REPO, NAME, content, served=os.urandom(len(content)))
    with pytest.raises(DownloadError, match="not the one expected") as refused:
        download(hub_file(content), Reports(), threading.Event(), cache, hub.url)
    assert "checksum" in str(refused.value)
    assert cached_path(hub_file(content), cache) is None
    assert partials(cache) == []
    assert [p for p in cache.rglob("blobs/*") if p.is_file()] == []


def test_a_replaced_file_is_refused_before_any_bytes_are_fetched(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    expected_elsewhere = hub_file(content, sha256="0" * 64)
    with pytest.raises(DownloadError, match="not the one expected"):
        download(expected_elsewhere, Reports(), threading.Event(), cache, hub.url)
    assert [s.method for s in hub.seen] == ["HEAD"]


def test_a_cached_file_is_found_offline_and_with_the_hub_gone(
    hub: HubStandIn, content: bytes, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    endpoint = hub.url
    path = download(hub_file(content), Reports(), threading.Event(), cache, endpoint)
    hub.stop()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)  # huggingface_hub read it at import

    started = time.monotonic()
    assert cached_path(hub_file(content), cache) == path
    assert cached_path(hub_file(content, sha256=None, size_bytes=None), cache) == path
    reports = Reports()
    assert download(hub_file(content), reports, threading.Event(), cache, endpoint) == path
    assert time.monotonic() - started < 3
    assert reports.seen[-1] == Progress(SIZE, SIZE, None, 0.0)
    assert cached_path(hub_file(content, filename="other.gguf"), cache) is None
    assert cached_path(hub_file(content, revision="v2"), cache) is None


def test_a_cached_file_is_found_with_an_unreachable_hub(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    path = download(hub_file(content), Reports(), threading.Event(), cache, hub.url)
    hub.stop()
    nowhere = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    assert cached_path(hub_file(content), cache) == path
    assert download(hub_file(content), Reports(), threading.Event(), cache, nowhere) == path
    assert time.monotonic() - started < 3


def test_an_unreachable_hub_says_offline_quickly(cache: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}"
    started = time.monotonic()
    with pytest.raises(DownloadError, match="offline") as failed:
        download(hub_file(b"x"), Reports(), threading.Event(), cache, nowhere)
    assert time.monotonic() - started < 5
    assert "already on this computer" in str(failed.value)


@pytest.mark.slow
def test_a_hub_that_never_answers_is_given_up_on_in_seconds(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # HF_HUB_ETAG_TIMEOUT is the user's knob for this wait; one second keeps the test short.
    monkeypatch.setattr(constants, "HF_HUB_ETAG_TIMEOUT", 1)
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)  # connections are taken, never answered
        started = time.monotonic()
        with pytest.raises(DownloadError, match="didn't answer in time"):
            download(
                hub_file(b"x"),
                Reports(),
                threading.Event(),
                cache,
                f"http://127.0.0.1:{silent.getsockname()[1]}",
            )
    assert time.monotonic() - started < 3


def test_offline_mode_says_so_without_trying(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    nowhere = f"http://127.0.0.1:{free_port()}"
    with pytest.raises(DownloadError, match="offline") as failed:
        download(hub_file(b"x"), Reports(), threading.Event(), cache, nowhere)
    assert "already on this computer" in str(failed.value)


def test_hub_refusals_are_told_in_plain_words(hub: HubStandIn, content: bytes, cache: Path) -> None:
    def refusal(file: HubFile) -> str:
        with pytest.raises(DownloadError) as failed:
            download(file, Reports(), threading.Event(), cache, hub.url)
        return str(failed.value)

    assert "is not on the Hugging Face Hub (any more)" in refusal(
        hub_file(content, filename="gone.gguf")
    )
    assert "was not found on the Hugging Face Hub" in refusal(
        hub_file(content, repo_id="nobody/nothing")
    )
    assert "“v9” of" in refusal(hub_file(content, revision="v9"))
    hub.gated.add(REPO)
    message = refusal(hub_file(content))
    assert "needs a Hugging Face login" in message and "licence" in message
    assert all(s.method == "HEAD" for s in hub.seen)


def test_too_little_disk_space_is_reported_before_downloading(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    huge = hub_file(content, size_bytes=10**18)  # an exabyte: more than any test disk
    problem = space_problem(huge, cache)
    assert problem is not None
    assert "enough free disk space" in problem and NAME in problem
    assert space_problem(hub_file(content), cache) is None
    assert space_problem(hub_file(content, size_bytes=None), cache) is None
    with pytest.raises(DownloadError, match="enough free disk space"):
        download(huge, Reports(), threading.Event(), cache, hub.url)
    assert hub.seen == []


def test_a_download_cancelled_before_it_starts_does_nothing(
    hub: HubStandIn, content: bytes, cache: Path
) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(DownloadCancelled):
        download(hub_file(content), Reports(), cancel, cache, hub.url)
    assert hub.seen == []
