"""Words the readable exports share: clean text, plain times, names of answers, verdicts in words.

Markdown, the answers table and the HTML report say these things the same way. Words people
read come in the chosen language (`status_words`, `verdict_words`, `plain_time`...); what the CSV
tables hold (`yes_no`, `preferred_word`, `session_title`) stays English: exported data is
language-neutral.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from imitation_lens.core.analysis.evaluator_view import role_of
from imitation_lens.core.housekeeping.translation import (
    ENGLISH,
    N_,
    _,
    current_language,
    date_time,
)

# English sources (N_): `_()` where shown.
PREFERRED_WORDS = {"answer": N_("One answer"), "tie": N_("A tie"), "all_bad": N_("All answers bad")}

STATUS_WORDS = {
    "done": "",
    "stopped": N_("Stopped before it finished"),
    "failed": N_("Failed"),
    "interrupted": N_("Interrupted: the app closed while it was answering"),
    "queued": N_("Not started"),
    "loading": N_("Not finished"),
    "thinking": N_("Not finished"),
    "streaming": N_("Not finished"),
}


def status_words(status: str) -> str:
    """What became of an answer that did not finish, in words ("" for a finished one)."""
    words = STATUS_WORDS.get(status, status)
    return _(words) if words else ""


SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text that any file can hold: lone surrogates and NUL become U+FFFD (same length)."""
    if "\x00" in value:
        value = value.replace("\x00", "\ufffd")
    if value.isascii() or not SURROGATES.search(value):
        return value
    return SURROGATES.sub("\ufffd", value)


def plain_time(stamp: Any) -> str:
    """An ISO time in plain words, e.g. "29 November 2026, 23:00 UTC"; as given if unparsable.

    In English the long form it always had; in German as German writes it ("29.11.2026, 23:00
    UTC")."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(str(stamp)).astimezone(UTC)
    except ValueError:
        return str(stamp)
    if current_language() != ENGLISH:
        return _("{moment} UTC").format(moment=date_time(moment.replace(tzinfo=None)))
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


def session_title(document: dict[str, Any]) -> str:
    session = document.get("session") or {}
    return str(session.get("title") or session.get("id") or "Session")


def question_sets(items: list[dict[str, Any]]) -> str:
    """The sets a session's questions came from, each with its licence, in order of first use:
    "Alpaca data (licence CC BY-NC 4.0)". Empty when none came from a set."""
    found: dict[tuple[str, str], None] = {}
    for item in items:
        name = str(item.get("set_name") or "").strip()
        if name:
            found[(name, str(item.get("set_licence") or "").strip())] = None
    return "; ".join(
        _("{name} (licence {licence})").format(name=name, licence=licence) if licence else name
        for name, licence in found
    )


def yes_no(value: Any) -> str:
    return "yes" if value else "no"


def model_of(response: dict[str, Any]) -> str:
    """What ran in a slot, in one phrase: the model's name, its file, or the server's model id."""
    for key in ("model_name", "model_file", "endpoint_model"):
        value = response.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def answer_title(response: dict[str, Any]) -> str:
    """An answer's heading: its role, and the model when known ("Base · gemma")."""
    parts = [role_of(response)]
    model = model_of(response)
    if model:
        parts.append(model)
    return " · ".join(parts)


def preferred_word(verdict: dict[str, Any] | None, response_id: str) -> str:
    """'yes', 'no' or 'tie' for one answer under a verdict; '' when there is no verdict."""
    if verdict is None:
        return ""
    if verdict.get("preferred") == "tie":
        return "tie"
    if verdict.get("preferred") == "answer" and verdict.get("preferred_response_id") == response_id:
        return "yes"
    return "no"


def verdict_words(item: dict[str, Any], verdict: dict[str, Any] | None, phase: int) -> str:
    """The verdict in a sentence, naming the preferred answer by its role."""
    if verdict is None:
        return _("No verdict yet.")
    choice = str(verdict.get("preferred") or "")
    if choice == "answer":
        chosen = next(
            (
                r
                for r in item.get("responses") or []
                if r.get("id") == verdict.get("preferred_response_id")
            ),
            None,
        )
        if chosen:
            words = _("Preferred: {answer}.").format(answer=answer_title(chosen))
        else:
            words = _("Preferred: an answer.")
    elif choice in PREFERRED_WORDS:
        words = _(PREFERRED_WORDS[choice]) + "."
    else:
        words = (choice or _("No choice")) + "."
    if int(verdict.get("phase") or 1) < phase:
        words += " " + _("(Given before the reference answer was shown; not revised since.)")
    return words
