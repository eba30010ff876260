"""What an import did: counts per kind of row, the conflicts in plain words, and a summary.

Also the ids an imported judgement, verdict or progress entry gets here (core/exports/importer.py
gives them; tests build rows with them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from imitation_lens.core.exports.import_checks import short_text

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
        names = {
            "sessions": ("session", "sessions"),
            "items": ("question", "questions"),
            "responses": ("answer", "answers"),
            "marks": ("mark", "marks"),
            "judgements": ("judgement", "judgements"),
            "verdicts": ("verdict", "verdicts"),
        }

        def listed(numbers: dict[str, int]) -> str:
            parts = [
                f"{n} {names[k][0] if n == 1 else names[k][1]}"
                for k, n in numbers.items()
                if n and k in names
            ]
            return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]

        source = f"{short_text(self.evaluator, 40)}'s export of “{short_text(self.title, 60)}”"
        if any(n for k, n in self.new.items() if k in names):
            text = f"Added {listed(self.new)} from {source}."
        else:
            text = f"Nothing new in {source}: all of it was already here."
        if any(self.updated.values()):
            text += f" Brought {sum(self.updated.values())} changed annotations up to date."
        conflicts = sum(self.conflict_counts.values())
        if conflicts:
            text += (
                f" {conflicts} {'thing differs' if conflicts == 1 else 'things differ'} from what"
                " is already here; this computer's copy was kept."
            )
        return text


def judgement_id(response_id: str, phase: int, evaluator: str) -> str:
    """The id a judgement has here: core/judging/annotations.py's for our own, with the name otherwise."""
    return f"{response_id}:{phase}" if not evaluator else f"{response_id}:{phase}:{evaluator}"


def verdict_id(item_id: str, phase: int, evaluator: str) -> str:
    return f"{item_id}:{phase}" if not evaluator else f"{item_id}:{phase}:{evaluator}"


def progress_id(item_id: str, evaluator: str) -> str:
    return f"{item_id}:{evaluator}"
