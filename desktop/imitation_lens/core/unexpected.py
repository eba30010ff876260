"""Plain words for a failure nobody planned for: the evaluator reads what did not happen and what
to do; the exception's own text, meant for a developer, goes to the log only."""

from __future__ import annotations

import logging

log = logging.getLogger("imitation_lens.unexpected")

SEND_THE_LOG = "If it happens again, please send the log to whoever gave you the app."


def unexpected(what_failed: str, error: BaseException) -> str:
    """`what_failed` is a sentence without its full stop, such as "The file was not imported"."""
    log.error("%s: %s", what_failed, error, exc_info=(type(error), error, error.__traceback__))
    return f"{what_failed} because of a problem inside the app. Try again. {SEND_THE_LOG}"
