"""Plain words for a failure nobody planned for: the evaluator reads what did not happen and what
to do; the exception's own text, meant for a developer, goes to the log only."""

from __future__ import annotations

import logging

from imitation_lens.core.housekeeping.translation import N_, _

log = logging.getLogger("imitation_lens.unexpected")

SEND_THE_LOG = N_("If it happens again, please send the log to whoever gave you the app.")


def unexpected(what_failed: str, error: BaseException) -> str:
    """`what_failed` is a sentence without its full stop, such as "The file was not imported"."""
    log.error("%s: %s", what_failed, error, exc_info=(type(error), error, error.__traceback__))
    # `what_failed` is a whole clause in the caller's (already chosen) language.
    return (
        _("{what_failed} because of a problem inside the app. Try again.").format(
            what_failed=what_failed
        )
        + " "
        + _(SEND_THE_LOG)
    )


def storage_cause(error: BaseException) -> str | None:
    """Why a database write failed, where the evaluator can act on it: "full", "read-only" or
    "in use"; None for anything else. SQLite says it only in its message's words."""
    text = str(error).lower()
    if "full" in text:
        return "full"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return "read-only"
    if "locked" in text or "busy" in text:
        return "in use"
    return None


_STORAGE_CAUSES = {
    "full": N_("{what_failed}: the disk is full. Free some space, then try again."),
    "read-only": N_(
        "{what_failed}: the data folder can't be written to. Check its permissions, then try again."
    ),
    "in use": N_(
        "{what_failed}: another program was writing to your data just then. Try again in a moment."
    ),
}


def storage_fault(what_failed: str, error: BaseException) -> str:
    """A database write that failed: the causes an evaluator can act on, else `unexpected`."""
    found = storage_cause(error)
    if found is None:
        return unexpected(what_failed, error)
    log.warning("%s: %s", what_failed, error)
    return _(_STORAGE_CAUSES[found]).format(what_failed=what_failed)
