"""What an import did: counts per kind of row, the conflicts in plain words, and a summary.

Also the ids an imported judgement, verdict or progress entry gets here (core/exports/importer.py
gives them; tests build rows with them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from imitation_lens.core.exports.import_checks import short_text
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _, ngettext

KINDS = ("sessions", "items", "responses", "marks", "judgements", "verdicts", "progress")


@dataclass
class Counts:
    new: int = 0
    already_there: int = 0  # identical, or an older copy of what changed here since
    updated: int = 0  # a colleague's annotation they changed since an earlier import
    conflicts: int = 0  # the same id with different content: this computer's copy was kept


@dataclass
class ImportResult:
    session_id: str
    title: str
    evaluator: str  # who exported the file
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in KINDS})
    conflicts: list[str] = field(default_factory=list)  # in plain words, one per conflict

    def count(self, kind: str, outcome: str, conflict: str | None = None) -> None:
        """One more row of `kind` with `outcome` (a field of Counts), and the conflict, if any."""
        counts = self.counts[kind]
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if conflict:
            self.conflicts.append(conflict)

    def skip_item(self, item: dict[str, Any], reason: str) -> None:
        """An item of the file left out, with everything under it, each counted as a conflict."""
        self.count("items", "conflicts", f"{reason}: it and its answers were not imported.")
        for kind, rows in (("progress", item["progress"]), ("verdicts", item["verdicts"])):
            self.counts[kind].conflicts += len(rows)
        for response in item["responses"]:
            self.skip_response(response)

    def skip_response(self, response: dict[str, Any]) -> None:
        counts = self.counts
        counts["responses"].conflicts += 1
        counts["marks"].conflicts += len(response["marks"])
        counts["judgements"].conflicts += len(response["judgements"])

    @property
    def new(self) -> dict[str, int]:
        return {kind: c.new for kind, c in self.counts.items()}

    @property
    def already_there(self) -> dict[str, int]:
        return {kind: c.already_there for kind, c in self.counts.items()}

    @property
    def updated(self) -> dict[str, int]:
        return {kind: c.updated for kind, c in self.counts.items()}

    @property
    def conflict_counts(self) -> dict[str, int]:
        return {kind: c.conflicts for kind, c in self.counts.items()}

    @property
    def changed(self) -> bool:
        return any(c.new or c.updated for c in self.counts.values())

    def summary(self) -> str:
        """What the import did, in a sentence or three for the status bar or a dialog."""

        # Plural forms per kind: ngettext needs the count, so each kind is its own message.
        def named(kind: str, n: int) -> str:
            forms = {
                "sessions": ngettext("{n} session", "{n} sessions", n),
                "items": ngettext("{n} question", "{n} questions", n),
                "responses": ngettext("{n} answer", "{n} answers", n),
                "marks": ngettext("{n} mark", "{n} marks", n),
                "judgements": ngettext("{n} judgement", "{n} judgements", n),
                "verdicts": ngettext("{n} verdict", "{n} verdicts", n),
            }
            return forms[kind].format(n=translation.number(n))

        kinds = ("sessions", "items", "responses", "marks", "judgements", "verdicts")

        def listed(numbers: dict[str, int]) -> str:
            parts = [named(k, n) for k, n in numbers.items() if n and k in kinds]
            if len(parts) == 1:
                return parts[0]
            return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])

        evaluator, title = short_text(self.evaluator, 40), short_text(self.title, 60)
        if any(n for k, n in self.new.items() if k in kinds):
            text = _("Added {what} from {evaluator}'s export of “{title}”.").format(
                what=listed(self.new), evaluator=evaluator, title=title
            )
        else:
            text = _(
                "Nothing new in {evaluator}'s export of “{title}”: all of it was already here."
            ).format(evaluator=evaluator, title=title)
        updated = sum(self.updated.values())
        if updated:
            text += " " + _("Brought {n} changed annotations up to date.").format(
                n=translation.number(updated)
            )
        conflicts = sum(self.conflict_counts.values())
        if conflicts:
            text += " " + ngettext(
                "{n} thing differs from what is already here; this computer's copy was kept.",
                "{n} things differ from what is already here; this computer's copy was kept.",
                conflicts,
            ).format(n=translation.number(conflicts))
        return text


def judgement_id(response_id: str, phase: int, evaluator: str) -> str:
    """The id a judgement has here: core/judging/annotations.py's for our own, with the name otherwise."""
    return f"{response_id}:{phase}" if not evaluator else f"{response_id}:{phase}:{evaluator}"


def verdict_id(item_id: str, phase: int, evaluator: str) -> str:
    return f"{item_id}:{phase}" if not evaluator else f"{item_id}:{phase}:{evaluator}"


def progress_id(item_id: str, evaluator: str) -> str:
    return f"{item_id}:{evaluator}"
