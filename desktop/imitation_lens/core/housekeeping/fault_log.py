"""Failures the user is shown also go to the log, so "it said X" can be traced afterwards."""

from __future__ import annotations

import logging

log = logging.getLogger("imitation_lens.shown")


def shown_fault(message: str) -> str:
    """Log a failure message on its way to the screen; returns it, to wrap the display call."""
    log.warning("Shown to the user: %s", message)
    return message
