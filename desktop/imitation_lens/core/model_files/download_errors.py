"""What went wrong with a download, in plain words for the evaluator.

`DownloadError` carries the message to show; `plain_error` turns what huggingface_hub, the
network or the disk raised into one.
"""

from __future__ import annotations

import errno

import httpx2
from huggingface_hub import constants
from huggingface_hub.errors import (
    FileMetadataError,
    GatedRepoError,
    HfHubHTTPError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.model_files.hub_cache import HubFile


class DownloadError(Exception):
    """A download failed; the message is meant for the user."""


class DownloadCancelled(Exception):
    """The download was cancelled; what had arrived is kept, and the next download continues it."""


def plain_error(error: Exception, file: HubFile, endpoint: str | None) -> DownloadError:
    name, repo = file.filename, file.repo_id
    # A sentence of its own, added after some of the messages below.
    kept = _("Models already on this computer are still listed and can be used as usual.")
    if isinstance(error, OfflineModeIsEnabled):
        return DownloadError(
            _(
                "This computer is set to work offline (HF_HUB_OFFLINE), so {name} can't be downloaded."
            ).format(name=name)
            + " "
            + kept
        )
    if isinstance(error, GatedRepoError) or (
        isinstance(error, HfHubHTTPError)
        and not isinstance(error, RepositoryNotFoundError)
        and error.response.status_code in (401, 403)
    ):
        return DownloadError(
            _(
                "{repo} needs a Hugging Face login: sign in (for example with `hf auth login`) and accept the model's licence on its page, huggingface.co/{repo}, then try again."
            ).format(repo=repo)
        )
    if isinstance(error, RepositoryNotFoundError):
        return DownloadError(
            _(
                "{repo} was not found on the Hugging Face Hub. It may have been renamed or removed, or it may be private, and then it needs a Hugging Face login."
            ).format(repo=repo)
        )
    if isinstance(error, RevisionNotFoundError):
        return DownloadError(
            _("The version “{version}” of {repo} is not on the Hugging Face Hub.").format(
                version=file.revision, repo=repo
            )
        )
    if isinstance(error, RemoteEntryNotFoundError) or (
        isinstance(error, HfHubHTTPError) and error.response.status_code == 404
    ):
        return DownloadError(
            _(
                "{name} is not on the Hugging Face Hub (any more): {repo} has no such file now."
            ).format(name=name, repo=repo)
        )
    if isinstance(error, HfHubHTTPError):
        status = error.response.status_code
        if status == 429:
            return DownloadError(
                _(
                    "The Hugging Face Hub is limiting downloads from this computer for the moment. Wait a few minutes and try again."
                )
            )
        return DownloadError(
            _(
                "The Hugging Face Hub couldn't send {name} (error {status}). Try again later."
            ).format(name=name, status=status)
        )
    if isinstance(error, FileMetadataError):
        where = endpoint or constants.ENDPOINT
        return DownloadError(
            _(
                "The server at {where} doesn't answer the way the Hugging Face Hub does, so {name} can't be downloaded from it. Check the Hub address (HF_ENDPOINT)."
            ).format(where=where, name=name)
        )
    if isinstance(error, httpx2.TimeoutException):
        return DownloadError(
            _(
                "The Hugging Face Hub didn't answer in time, so {name} can't be downloaded now. You may be offline or on a very slow connection."
            ).format(name=name)
            + " "
            + kept
        )
    if isinstance(error, httpx2.TransportError | ConnectionError):
        return DownloadError(
            _(
                "The Hugging Face Hub can't be reached: you seem to be offline, so {name} can't be downloaded now."
            ).format(name=name)
            + " "
            + kept
        )
    if isinstance(error, OSError):
        if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
            return DownloadError(
                _(
                    "The disk is full, so {name} could not be saved. Free up some space and try again: the download will continue where it stopped."
                ).format(name=name)
            )
        if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DownloadError(
                _("{name} could not be saved: this app may not write to {folder}.").format(
                    name=name, folder=error.filename or _("the cache folder")
                )
            )
        if error.errno is None and "Consistency check failed" in str(error):
            return DownloadError(
                _(
                    "The download of {name} stopped before the whole file arrived. Try again: it will continue where it stopped."
                ).format(name=name)
            )
        return DownloadError(
            _("{name} could not be saved: {detail}.").format(
                name=name, detail=error.strerror or error
            )
        )
    return DownloadError(
        _("{name} could not be downloaded: {detail}").format(name=name, detail=error)
    )
