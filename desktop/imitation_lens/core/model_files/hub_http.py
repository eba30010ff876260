"""The one place this app uses huggingface_hub code that is not its public API, and why.

Resuming. In huggingface_hub 2.4 the public `hf_hub_download` writes each download to a file
whose name is unique to that call (`<etag>.<random>.incomplete`) and deletes it when anything
goes wrong, so a cancelled or broken download starts again from zero; a 4 GB model on a slow
line has to continue where it stopped. No public function streams a file from a byte offset
with progress: `HfFileSystem`'s streaming file can't seek, its buffered file sends one request
per block (no progress inside a block), and `HfFileSystem.get_file` always starts at byte 0.
`file_download.http_get` takes a `resume_size` and asks for the rest with a Range request,
reports every piece it receives to a `tqdm_class` (our progress and our cancel: the class
raises to stop), and retries and raises the way the rest of huggingface_hub does.

Two more things come from the same module: `repo_folder_name`, the folder of a repository in
the cache (`models--owner--name`), so the partial blob lies where `hf_hub_download` and
`scan_cache_dir` look for it; and `constants.DOWNLOAD_CHUNK_SIZE`, the size of the pieces
`http_get` reads, and so how often it reports (10 MiB by default: ten seconds at 1 MB/s).

tests/test_hub_http.py pins the signature and behaviour relied on here, so an upgrade that
changes them fails a test instead of a user's download; pyproject.toml keeps huggingface-hub
below its next major version.
"""

from __future__ import annotations

from typing import Any, BinaryIO

from huggingface_hub import constants
from huggingface_hub.file_download import http_get, repo_folder_name

# 64 KiB is a twentieth of a second at 1 MB/s, and still few enough calls to cost nothing.
CHUNK_BYTES = 64 * 1024


def fetch_from(
    url: str,
    sink: BinaryIO,
    resume: int,
    headers: dict[str, str],
    size: int | None,
    name: str,
    bar_class: type[Any],
) -> None:
    """Append the bytes of `url` from offset `resume` on to `sink` (positioned at its end).

    `bar_class` is made once, with `initial=resume` and `total`, and its `update(n)` is called
    for every piece; an exception it raises ends the transfer. Raises OSError when fewer or
    more than `size` bytes arrived, and huggingface_hub's HTTP errors as they are.
    """
    # http_get reads constants.DOWNLOAD_CHUNK_SIZE at each call; lowered for the whole process.
    if constants.DOWNLOAD_CHUNK_SIZE > CHUNK_BYTES:
        constants.DOWNLOAD_CHUNK_SIZE = CHUNK_BYTES
    http_get(
        url,
        sink,
        resume_size=resume,
        headers=headers,
        expected_size=size,
        displayed_filename=name,
        tqdm_class=bar_class,
    )


def repo_folder(repo_id: str) -> str:
    """The folder of a model repository in huggingface_hub's cache."""
    return repo_folder_name(repo_id=repo_id, repo_type="model")
