"""How long and how much a teacher may send, and plain words for a stream that breaks the rules.

A teacher is someone else's server: it may stop without saying it finished, send a web page
instead of an answer, or drip tokens forever. Each of those ends as a failed answer that keeps
what arrived, with one sentence naming what happened, never as a "Done".
"""

from __future__ import annotations

import json
import os
import re

import httpx2

from imitation_lens.core.housekeeping.translation import N_, _, number

# Characters kept per token asked for: generous (a token is about 4 characters of English),
# so only a server that ignores max_tokens is cut.
CHARS_PER_TOKEN_KEPT = 16
MIN_CHARS_KEPT = 4096
# Seconds a whole answer may take: at least a minute, and half a second per token asked for.
MIN_DEADLINE_S = 60.0
SECONDS_PER_TOKEN = 0.5
DEADLINE_ENV = "IMITATION_LENS_TEACHER_DEADLINE_S"
READ_TIMEOUT_ENV = "IMITATION_LENS_TEACHER_READ_TIMEOUT_S"
DEFAULT_READ_TIMEOUT_S = 120.0

# Whole sentences, translated where they are used (N_: the language is chosen after import).
TOO_LONG = N_(
    "The teacher sent far more than asked; the rest was dropped. Check the teacher's model id "
    "and server, then run again."
)
BROKE = N_(
    "The connection to the teacher broke in the middle of its answer. Try again, or check the "
    "server."
)
EMPTY = N_(
    "The teacher sent an empty answer (no text and no sign of finishing). Check that the server "
    "is an OpenAI-compatible chat server, then run again."
)


def chars_kept(max_tokens: int) -> int:
    return max(MIN_CHARS_KEPT, max_tokens * CHARS_PER_TOKEN_KEPT)


def _env_seconds(name: str) -> float | None:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return None
    return value if value > 0 else None


def deadline_s(max_tokens: int) -> float:
    """The overall time limit of one answer; the environment variable overrides it."""
    return _env_seconds(DEADLINE_ENV) or max(MIN_DEADLINE_S, max_tokens * SECONDS_PER_TOKEN)


def read_timeout_s() -> float:
    return _env_seconds(READ_TIMEOUT_ENV) or DEFAULT_READ_TIMEOUT_S


def cut_off(received: bool) -> str:
    if received:
        return _(
            "The teacher stopped mid-answer without saying it had finished (the text shown is "
            "what arrived). Run again to get the whole answer."
        )
    return _(
        "The teacher stopped mid-answer without saying it had finished (nothing arrived). "
        "Run again to get the whole answer."
    )


def past_deadline(seconds: float) -> str:
    return _(
        "The teacher was still writing after {seconds} seconds, so the answer was stopped "
        "there. Run again, or ask for fewer tokens."
    ).format(seconds=number(seconds))


def web_page(body: bytes) -> str:
    """A server or a proxy in front of it sent an HTML page (say "502 Bad Gateway") with 200."""
    found = re.search(rb"<title[^>]*>([^<]{1,80})", body, re.IGNORECASE)
    title = found.group(1).decode("utf-8", "replace").strip() if found else ""
    if title:
        return _(
            'The teacher\'s address sent a web page ("{title}") instead of an answer: the server '
            "or a proxy in front of it has a problem. Try again later, or check the address."
        ).format(title=title)
    return _(
        "The teacher's address sent a web page instead of an answer: the server or a "
        "proxy in front of it has a problem. Try again later, or check the address."
    )


def not_a_stream(content_type: str) -> str:
    kind = content_type.split(";")[0].strip() or _("no type")
    return _(
        "The teacher's address sent something that is not a streamed answer ({kind}). Check "
        "that it is an OpenAI-compatible chat server, then run again."
    ).format(kind=kind)


def stream_fault(error: BaseException) -> str | None:
    """Plain words for a stream that broke while being read; None when it is not one of those."""
    if isinstance(error, json.JSONDecodeError):
        return _(
            "The teacher sent a piece of its answer that could not be read (not valid JSON). "
            "Check that the server is an OpenAI-compatible chat server, then run again."
        )
    if isinstance(error, UnicodeDecodeError):
        return _(
            "The teacher sent text that could not be read (not valid UTF-8). Check the server, "
            "then run again."
        )
    if isinstance(error, httpx2.TimeoutException):
        return _(
            "The teacher stopped sending in the middle of its answer and did not go on in time. "
            "Try again, or check the server."
        )
    if isinstance(error, httpx2.TransportError):
        return _(BROKE)
    if isinstance(error, AttributeError | TypeError | KeyError):
        return _(
            "The teacher sent a piece of its answer in a shape this app does not know. Check "
            "that the server is an OpenAI-compatible chat server, then run again."
        )
    return None
