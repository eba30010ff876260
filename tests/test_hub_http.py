"""What core/model_files/hub_http.py relies on in huggingface_hub's non-public `http_get` and
`repo_folder_name`: their signatures, and that `http_get` resumes from an offset, reports every
piece of at most `CHUNK_BYTES` to the progress-bar class and stops when that class raises. An
upgrade of huggingface_hub that changes any of it fails here, not in a user's download.

Real calls against the local stand-in Hub (tests/hub_stand_in.py)."""

from __future__ import annotations

import inspect
import os
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import huggingface_hub
import pytest
from huggingface_hub import constants, hf_hub_url
from huggingface_hub.file_download import http_get, repo_folder_name
from huggingface_hub.utils import tqdm as hf_tqdm  # type: ignore[attr-defined]
from packaging.requirements import Requirement
from packaging.version import Version

from hub_stand_in import HubStandIn
from imitation_lens.core.model_files.hub_http import CHUNK_BYTES, fetch_from, repo_folder

REPO = "imitation-lens/pinned-GGUF"
NAME = "pinned.gguf"
SIZE = 5 * CHUNK_BYTES + 123
RESUME = 2 * CHUNK_BYTES + 7
ROOT = Path(__file__).resolve().parents[1]


def test_the_signatures_relied_on_are_unchanged() -> None:
    parameters = inspect.signature(http_get).parameters
    assert list(parameters)[:2] == ["url", "temp_file"]
    for name in ("url", "temp_file"):
        assert parameters[name].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    for name in ("resume_size", "headers", "expected_size", "displayed_filename", "tqdm_class"):
        assert name in parameters, name
        assert parameters[name].kind is inspect.Parameter.KEYWORD_ONLY, name
        assert parameters[name].default is not inspect.Parameter.empty, name
    folder = inspect.signature(repo_folder_name).parameters
    assert {"repo_id", "repo_type"} <= set(folder)
    # Lowering the piece size works only while http_get reads it from `constants` at each call.
    assert isinstance(constants.DOWNLOAD_CHUNK_SIZE, int)
    assert "constants.DOWNLOAD_CHUNK_SIZE" in inspect.getsource(http_get)


def test_the_cache_folder_of_a_repository() -> None:
    # The layout huggingface_hub documents for its cache; hf_hub_download finds blobs there.
    assert repo_folder("owner/name") == "models--owner--name"


@pytest.fixture
def hub() -> Iterator[HubStandIn]:
    with HubStandIn(cdn=False) as stand_in:
        yield stand_in


class Stopped(Exception):
    """What the app's bar raises on a cancel (DownloadCancelled), as far as http_get can tell."""


class Bar(hf_tqdm):
    """Records what http_get tells a progress bar; raises once `stop_after` bytes are counted."""

    made: ClassVar[list[dict[str, Any]]] = []
    pieces: ClassVar[list[int]] = []
    stop_after: ClassVar[int | None] = None
    monitor_interval = 0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["disable"] = True
        super().__init__(*args, **kwargs)  # type: ignore[no-untyped-call]
        Bar.made.append(kwargs)

    def update(self, n: float | None = 1) -> bool | None:
        Bar.pieces.append(int(n or 0))
        if Bar.stop_after is not None and sum(Bar.pieces) >= Bar.stop_after:
            raise Stopped
        return None


@pytest.fixture(autouse=True)
def fresh_bar() -> None:
    Bar.made, Bar.pieces, Bar.stop_after = [], [], None


def test_http_get_resumes_from_an_offset_in_small_pieces(hub: HubStandIn, tmp_path: Path) -> None:
    content = os.urandom(SIZE)
    hub.add(REPO, NAME, content)
    partial = tmp_path / "blob.incomplete"
    partial.write_bytes(content[:RESUME])
    url = hf_hub_url(REPO, NAME, endpoint=hub.url)

    with partial.open("ab") as sink:
        fetch_from(url, sink, RESUME, {"Accept-Encoding": "identity"}, SIZE, NAME, Bar)

    assert partial.read_bytes() == content
    assert [s.range for s in hub.seen if s.method == "GET"] == [f"bytes={RESUME}-"]
    assert len(Bar.made) == 1
    assert (Bar.made[0]["initial"], Bar.made[0]["total"]) == (RESUME, SIZE)
    assert sum(Bar.pieces) == SIZE - RESUME
    assert max(Bar.pieces) <= CHUNK_BYTES
    assert len(Bar.pieces) >= 3  # progress, and so a cancel, comes at every piece


def test_an_exception_from_the_bar_ends_the_transfer(hub: HubStandIn, tmp_path: Path) -> None:
    content = os.urandom(SIZE)
    hub.add(REPO, NAME, content)
    partial = tmp_path / "blob.incomplete"
    Bar.stop_after = CHUNK_BYTES
    url = hf_hub_url(REPO, NAME, endpoint=hub.url)

    with pytest.raises(Stopped), partial.open("ab") as sink:
        fetch_from(url, sink, 0, {"Accept-Encoding": "identity"}, SIZE, NAME, Bar)

    kept = partial.read_bytes()
    assert len(kept) < SIZE
    assert content.startswith(kept)  # what arrived is a beginning the next call can continue


def test_the_dependency_stays_below_the_next_major_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    (hub,) = [Requirement(r) for r in project["dependencies"] if r.startswith("huggingface-hub")]
    installed = Version(huggingface_hub.__version__)
    assert installed in hub.specifier  # what the pins above were checked against
    assert Version(f"{installed.major + 1}.0") not in hub.specifier
