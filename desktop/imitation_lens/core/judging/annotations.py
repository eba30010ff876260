"""What an evaluator says about answers: error marks, whole-answer judgements and verdicts.

Every change is written at once. Marks are never erased: deleting one sets `deleted_at`, so
exports and agreement measures can see the history. An item with a reference answer is judged
in two phases; on the reveal, the phase-1 marks and judgements are copied into phase 2, where the
evaluator may revise them, so both phases stay in the data side by side.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.judging.answer_check import check_verdict
from imitation_lens.core.judging.taxonomy import category_label, category_of, severity_label
from imitation_lens.core.running.events import utc_now
from imitation_lens.core.storage.store import Store, new_id

PREFERRED_CHOICES = ("answer", "tie", "all_bad")


@dataclass(frozen=True)
class Mark:
    """An error span: Python offsets into the answer's stored text, and the quoted text."""

    id: str
    response_id: str
    start: int
    end: int
    quote: str
    category: str = "wrong_claim"
    severity: str = "major"
    note: str = ""
    correction: str = ""
    unsure: bool = False
    phase: int = 1
    derived_from: str | None = None
    evaluator: str = ""  # "" is this computer's evaluator; merged marks carry their name

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Mark:
        names = cls.__dataclass_fields__.keys()
        values = {k: row[k] for k in names if k in row and row[k] is not None}
        values["unsure"] = bool(values.get("unsure", False))
        values.setdefault("quote", "")
        return cls(**values)

    def to_row(self) -> dict[str, Any]:
        return asdict(self) | {"unsure": int(self.unsure)}

    def with_changes(self, **changes: Any) -> Mark:
        return replace(self, **changes)

    def covers(self, offset: int) -> bool:
        return self.start <= offset <= self.end

    def describe(self) -> str:
        parts = [category_label(self.category), severity_label(self.severity)]
        if self.unsure:
            parts.append(_("not sure"))
        text = " · ".join(parts)
        if self.note:
            text += f" — {self.note}"
        if self.correction:
            text += " " + _("(should be: {correction})").format(correction=self.correction)
        return text


def mark_problem(mark: Mark) -> str | None:
    """Why a mark can't be saved as it is, in plain words; None when it can."""
    if mark.start >= mark.end:
        return _("A mark needs at least one character of the answer.")
    category = category_of(mark.category)
    if category is not None and category.needs_note and not mark.note.strip():
        return _("“{category}” needs a note: say what you looked for and did not find.").format(
            category=category.shown_label()
        )
    return None


@dataclass(frozen=True)
class Judgement:
    """Whole-answer judgements for one answer in one phase."""

    response_id: str
    phase: int = 1
    checked_clean: bool = False  # checked, no errors found
    off_topic: bool = False  # misses the question
    critical: bool = False  # wrong as a whole

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Judgement:
        return cls(
            response_id=row["response_id"],
            phase=row["phase"],
            checked_clean=bool(row["checked_clean"]),
            off_topic=bool(row["off_topic"]),
            critical=bool(row["critical"]),
        )


@dataclass(frozen=True)
class Verdict:
    """The evaluator's preference for an item in one phase."""

    item_id: str
    phase: int
    preferred: str  # answer | tie | all_bad
    preferred_response_id: str | None = None
    preferred_position: int | None = None  # 1-based, as shown
    reason: str = ""
    shown_order: list[int] = field(default_factory=list)
    blind: bool = False


def save_together(store: Store, writes: Sequence[Callable[[Store], None]]) -> None:
    """One action of the evaluator's (a mark and the judgement it changes, …): all of its
    writes, or (on a disk error, which the writer retries) none of them."""
    with store.db.atomic():
        for write in writes:
            write(store)


# -- marks ------------------------------------------------------------------------------------


def insert_mark(store: Store, mark: Mark) -> None:
    now = utc_now()
    with store.db.atomic():
        store.db.table("marks").insert(
            mark.to_row() | {"created_at": now, "updated_at": now, "deleted_at": None}
        )


def update_mark(store: Store, mark: Mark) -> None:
    """Save an edited mark; its created time stays."""
    row = mark.to_row()
    del row["id"]
    with store.db.atomic():
        store.db.table("marks").update(mark.id, row | {"updated_at": utc_now()})


def delete_mark(store: Store, mark_id: str) -> None:
    now = utc_now()
    with store.db.atomic():
        store.db.table("marks").update(mark_id, {"deleted_at": now, "updated_at": now})


def restore_mark(store: Store, mark_id: str) -> None:
    """Bring back a deleted mark (undoing the delete, or redoing its creation)."""
    with store.db.atomic():
        store.db.table("marks").update(mark_id, {"deleted_at": None, "updated_at": utc_now()})


def marks_for(store: Store, response_id: str, phase: int) -> list[Mark]:
    rows = store.db.query(
        "SELECT * FROM marks WHERE response_id = ? AND phase = ? AND deleted_at IS NULL "
        "AND evaluator = '' ORDER BY start, end, created_at",
        [response_id, phase],
    )
    return [Mark.from_row(row) for row in rows]


# -- judgements and verdicts -------------------------------------------------------------------


def save_judgement(store: Store, item_id: str, judgement: Judgement) -> None:
    now = utc_now()
    key = f"{judgement.response_id}:{judgement.phase}"
    row = {
        "response_id": judgement.response_id,
        "item_id": item_id,
        "phase": judgement.phase,
        "checked_clean": int(judgement.checked_clean),
        "off_topic": int(judgement.off_topic),
        "critical": int(judgement.critical),
        "updated_at": now,
    }
    table = store.db.table("judgements")
    with store.db.atomic():
        if table.count_where("id = ?", [key]):
            table.update(key, row)
        else:
            table.insert(row | {"id": key, "created_at": now})


def judgement_for(store: Store, response_id: str, phase: int) -> Judgement:
    rows = list(
        store.db.query(
            "SELECT * FROM judgements WHERE response_id = ? AND phase = ? AND evaluator = ''",
            [response_id, phase],
        )
    )
    return Judgement.from_row(rows[0]) if rows else Judgement(response_id, phase)


def submit_verdict(store: Store, verdict: Verdict) -> dict[str, Any]:
    """Save a verdict and move the item on: to phase 2 when a reference waits, else revealed.

    Returns the item's new `phase` and `revealed_at`.
    """
    if verdict.preferred not in PREFERRED_CHOICES:
        raise ValueError(f"unknown preference {verdict.preferred!r}")
    now = utc_now()
    key = f"{verdict.item_id}:{verdict.phase}"
    row = {
        "item_id": verdict.item_id,
        "phase": verdict.phase,
        "preferred": verdict.preferred,
        "preferred_response_id": verdict.preferred_response_id,
        "preferred_position": verdict.preferred_position,
        "reason": verdict.reason,
        "shown_order": json.dumps(verdict.shown_order),
        "blind": int(verdict.blind),
        "updated_at": now,
    }
    table = store.db.table("verdicts")
    with store.db.atomic():
        existing = list(store.db.query("SELECT revisions FROM verdicts WHERE id = ?", [key]))
        if existing:
            table.update(key, row | {"revisions": (existing[0]["revisions"] or 0) + 1})
        else:
            table.insert(row | {"id": key, "submitted_at": now, "revisions": 0})
        item = store.db.table("items").get(verdict.item_id)
        if verdict.phase == 1 and item["reference"] and item["phase"] == 1:
            _copy_into_phase_two(store, verdict.item_id)
            store.db.table("items").update(verdict.item_id, {"phase": 2})
        elif not item["revealed_at"]:
            store.db.table("items").update(verdict.item_id, {"revealed_at": now})
        item = store.db.table("items").get(verdict.item_id)
    return {"phase": item["phase"], "revealed_at": item["revealed_at"]}


def _copy_into_phase_two(store: Store, item_id: str) -> None:
    now = utc_now()
    response_ids = [
        row["id"] for row in store.db.query("SELECT id FROM responses WHERE item_id = ?", [item_id])
    ]
    for response_id in response_ids:
        for mark in marks_for(store, response_id, 1):
            copy = mark.with_changes(id=new_id(), phase=2, derived_from=mark.id)
            store.db.table("marks").insert(
                copy.to_row() | {"created_at": now, "updated_at": now, "deleted_at": None}
            )
        judgement = judgement_for(store, response_id, 1)
        save_judgement(store, item_id, replace(judgement, phase=2))


def verdicts_for(store: Store, item_id: str) -> dict[int, dict[str, Any]]:
    rows = store.db.query(
        "SELECT * FROM verdicts WHERE item_id = ? AND evaluator = '' ORDER BY phase", [item_id]
    )
    out = {}
    for row in rows:
        row = dict(row)
        row["shown_order"] = json.loads(row["shown_order"] or "[]")
        out[int(row["phase"])] = row
    return out


def item_state(store: Store, item_id: str) -> dict[str, Any]:
    """An item as the judging view needs it: responses with the current phase's annotations."""
    item = store.item(item_id)
    phase = int(item["phase"])
    for response in item["responses"]:
        response["marks"] = marks_for(store, response["id"], phase)
        response["judgement"] = judgement_for(store, response["id"], phase)
        # Kept apart from the evaluator's marks: computed, never stored as a judgement.
        verdict = (
            check_verdict(
                response["text"] or "",
                item["reference"],
                item.get("aliases") or (),
                question=item.get("prompt") or "",
                incorrect=item.get("incorrect_answers") or (),
            )
            if response["status"] == "done"
            else None
        )
        response["auto_check"] = None if verdict is None else verdict.correct
        response["auto_check_reason"] = "" if verdict is None else verdict.shown_reason()
    item["verdicts"] = verdicts_for(store, item_id)
    return item
