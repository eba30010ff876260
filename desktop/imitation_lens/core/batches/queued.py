"""Batches in the database: a prompt set's items and queued answers, their state and counts.

`create_batch` writes the batch, all its items and one queued answer per slot and item in one
transaction. Because every answer row exists before anything runs, a batch that is paused,
closed or killed is resumed by answering the rows that are not finished yet (core/batches/run.py):
an answer is never written twice and none goes missing.

A set whose file gives an answer (Alpaca's output, ShareGPT's reply: `SetItem.teacher_answer`)
fills the teacher column with it: that answer is written as done, kind "imported", named after
the set and its licence, and never sent to any model or server, nor kept as a recorded answer
for replay (it would then pass as the teacher model's own). See docs/prompt-sets.md.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from imitation_lens.core.batches.prompt_sets import PromptSet
from imitation_lens.core.judging.blind import shown_order
from imitation_lens.core.running.events import Status, utc_now
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.running.runners import queued_response
from imitation_lens.core.storage.store import Store, new_id

RUNNING, PAUSED, CANCELLED, FINISHED = "running", "paused", "cancelled", "finished"
# Answers a batch still has to write: queued, or cut off by a pause, a close or a kill.
PENDING = ("queued", "loading", "thinking", "streaming", "interrupted")
# An answer the set's own file gave (not written by any model here): responses.kind.
IMPORTED = "imported"
# The teacher column's role (core/analysis/comparisons.py TEACHER_ROLE, compared the same way).
_TEACHER_ROLE = "teacher"


def from_the_set(prompt_set: PromptSet) -> str:
    """Who wrote an imported answer, in the words every column header and export shows."""
    licence = f", licence {prompt_set.licence}" if prompt_set.licence else ""
    return f"the imported set “{prompt_set.name}”{licence}"


def _imported_answer(row: dict[str, Any], answer: str, prompt_set: PromptSet) -> dict[str, Any]:
    """A teacher answer taken from the set's file: done, with nothing of a model about it."""
    who = from_the_set(prompt_set)
    return row | {
        "kind": IMPORTED,
        "status": Status.DONE.value,
        "text": answer,
        "note": f"Answer given by {who}; not asked of any model.",
        "params": "{}",
        "endpoint_base_url": None,
        "endpoint_model": None,
        "model_name": who,
        "extra": json.dumps(
            {
                "from_set": prompt_set.name,
                "from_set_licence": prompt_set.licence,
                "from_set_file": prompt_set.file_name,
            },
            ensure_ascii=False,
        ),
    }


@dataclass(frozen=True)
class BatchSummary:
    id: str
    session_id: str
    set_name: str
    state: str
    total: int  # items
    answered: int  # items whose every answer is finished
    failed: int  # answers that failed
    pending: int  # answers still to write

    lineup: tuple[SlotConfig, ...] = ()  # the slots its answers were queued for

    @property
    def resumable(self) -> bool:
        return self.state in (RUNNING, PAUSED) and self.pending > 0


def batch_lock(database: Path) -> FileLock:
    """Held by whichever process runs a batch on this database (one at a time): start-up
    recovery leaves a batch alone while another window or `imitation-lens batch` runs it."""
    return FileLock(f"{database}.batch-lock")


def batch_running_elsewhere(database: Path) -> bool:
    lock = batch_lock(database)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    lock.release()
    return False


def create_batch(
    store: Store,
    session_id: str,
    prompt_set: PromptSet,
    lineup: Sequence[SlotConfig],
    blind_seed: int | None = None,
) -> str:
    """Write a batch with all its items and queued answers, in one transaction."""
    batch_id = new_id()
    now = utc_now()
    with store.db.atomic():
        start = store.db.execute(
            "SELECT COALESCE(MAX(position), 0) FROM items WHERE session_id = ?", [session_id]
        ).fetchone()[0]
        store.db.table("batches").insert(
            {
                "id": batch_id,
                "session_id": session_id,
                "set_id": prompt_set.id,
                "set_name": prompt_set.name,
                "state": PAUSED,
                "item_count": len(prompt_set.items),
                "lineup": json.dumps([slot.to_dict() for slot in lineup]),
                "created_at": now,
                "updated_at": now,
                "finished_at": None,
            }
        )
        items = []
        responses = []
        for offset, entry in enumerate(prompt_set.items):
            item_id = new_id()
            order = list(range(len(lineup)))
            if blind_seed is not None:
                order = shown_order(len(lineup), start + offset, blind_seed)
            items.append(
                {
                    "id": item_id,
                    "session_id": session_id,
                    "position": start + offset + 1,
                    "prompt": entry.prompt,
                    "created_at": now,
                    "reference": entry.reference,
                    "reference_source": entry.source,
                    "aliases": json.dumps(list(entry.aliases), ensure_ascii=False),
                    "tags": json.dumps(list(entry.tags), ensure_ascii=False),
                    "incorrect_answers": (
                        json.dumps(list(entry.incorrect), ensure_ascii=False)
                        if entry.incorrect
                        else None
                    ),
                    "shown_order": json.dumps(order),
                    "set_name": prompt_set.name,
                    "set_licence": prompt_set.licence or None,
                    "batch_id": batch_id,
                    "batch_position": offset + 1,
                }
            )
            for index, slot in enumerate(lineup):
                row = queued_response(new_id(), index, slot)
                row["params"] = json.dumps(row["params"])
                row |= {
                    "item_id": item_id,
                    "status": Status.QUEUED.value,
                    "text": "",
                    "error": "",
                    "created_at": now,
                    "updated_at": now,
                }
                if entry.teacher_answer and slot.role.strip().casefold() == _TEACHER_ROLE:
                    row = _imported_answer(row, entry.teacher_answer, prompt_set)
                responses.append(row)
        store.db.table("items").insert_all(items)
        store.db.table("responses").insert_all(responses)
        store.db.table("sessions").update(session_id, {"updated_at": now})
    return batch_id


def batch_summary(store: Store, batch_id: str) -> BatchSummary:
    batch = store.db.table("batches").get(batch_id)
    pending = ", ".join("?" for _ in PENDING)
    row = store.db.execute(
        f"""SELECT
            COUNT(DISTINCT i.id) FILTER (WHERE NOT EXISTS (SELECT 1 FROM responses p
                WHERE p.item_id = i.id AND p.status IN ({pending}))),
            COUNT(r.id) FILTER (WHERE r.status = 'failed'),
            COUNT(r.id) FILTER (WHERE r.status IN ({pending}))
        FROM items i JOIN responses r ON r.item_id = i.id WHERE i.batch_id = ?""",
        [*PENDING, *PENDING, batch_id],
    ).fetchone()
    total = store.db.execute(
        "SELECT COUNT(*) FROM items WHERE batch_id = ?", [batch_id]
    ).fetchone()[0]
    return BatchSummary(
        batch["id"],
        batch["session_id"],
        batch["set_name"],
        batch["state"],
        total,
        row[0] or 0,
        row[1] or 0,
        row[2] or 0,
        tuple(SlotConfig.from_dict(d) for d in json.loads(batch["lineup"] or "[]")),
    )


def retryable_failures(store: Store, batch_id: str) -> list[str]:
    """Failed answers that can be asked again: none the evaluator has marked or judged, and
    none on an item with a verdict (rewriting them would change what was judged)."""
    return [
        str(row[0])
        for row in store.db.execute(
            "SELECT r.id FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.batch_id = ? AND r.status = 'failed' "
            "AND NOT EXISTS (SELECT 1 FROM marks m WHERE m.response_id = r.id) "
            "AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.response_id = r.id) "
            "AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.item_id = i.id)",
            [batch_id],
        )
    ]


def session_batches(store: Store, session_id: str) -> list[BatchSummary]:
    return [
        batch_summary(store, row["id"])
        for row in store.db.query(
            "SELECT id FROM batches WHERE session_id = ? ORDER BY created_at", [session_id]
        )
    ]


def interrupted_batches(store: Store) -> int:
    """At start-up: batches left 'running' by an app that closed or was killed are paused (or
    finished, if nothing was left to write); unless another process is running one now."""
    if batch_running_elsewhere(store.path):
        return 0
    cut_off = [
        str(row[0]) for row in store.db.execute("SELECT id FROM batches WHERE state = ?", [RUNNING])
    ]
    for batch_id in cut_off:
        set_state(store, batch_id, PAUSED if batch_summary(store, batch_id).pending else FINISHED)
    return len(cut_off)


def set_state(store: Store, batch_id: str, state: str) -> None:
    now = utc_now()
    with store.db.atomic():
        store.db.table("batches").update(
            batch_id,
            {"state": state, "updated_at": now}
            | ({"finished_at": now} if state in (FINISHED, CANCELLED) else {}),
        )


def requeue(store: Store, response_ids: Sequence[str]) -> None:
    """Answers to write again from the start: a pause, close or kill cut them off."""
    with store.db.atomic():
        for response_id in response_ids:
            store.db.execute(
                "UPDATE responses SET status = 'queued', text = '', error = '', started_at = NULL, "
                "first_token_at = NULL, ended_at = NULL, ttft_ms = NULL, tokens_out = NULL, "
                "tokens_per_second = NULL, updated_at = ? WHERE id = ?",
                [utc_now(), response_id],
            )


def pending_ids(store: Store, batch_id: str, statuses: Sequence[str]) -> list[str]:
    marks = ", ".join("?" for _ in statuses)
    return [
        str(row[0])
        for row in store.db.execute(
            f"SELECT r.id FROM responses r JOIN items i ON i.id = r.item_id "
            f"WHERE i.batch_id = ? AND r.status IN ({marks})",
            [batch_id, *statuses],
        )
    ]


def next_item(
    store: Store, batch_id: str, slots: Sequence[int] | None = None
) -> tuple[str, int, str, list[tuple[str, int]]] | None:
    """The first item with answers still to write: its id, place, prompt, (answer id, slot).
    `slots`: only those slots' answers (the others are asked several at once, core/batches/
    in_flight.py)."""
    marks = ", ".join("?" for _ in PENDING)
    chosen, only = "", []
    if slots is not None:
        chosen = f" AND r.slot_index IN ({', '.join('?' for _ in slots)})"
        only = [*slots]
    row = store.db.execute(
        f"SELECT i.id, i.batch_position, i.prompt FROM items i WHERE i.batch_id = ? AND EXISTS "
        f"(SELECT 1 FROM responses r WHERE r.item_id = i.id AND r.status IN ({marks}){chosen}) "
        "ORDER BY i.batch_position LIMIT 1",
        [batch_id, *PENDING, *only],
    ).fetchone()
    if row is None:
        return None
    answers = [
        (str(r[0]), int(r[1]))
        for r in store.db.execute(
            f"SELECT id, slot_index FROM responses r WHERE item_id = ? AND status IN ({marks})"
            f"{chosen} ORDER BY slot_index",
            [row[0], *PENDING, *only],
        )
    ]
    return str(row[0]), int(row[1]), str(row[2]), answers


def claim_answer(store: Store, batch_id: str, slot: int) -> tuple[str, int, str, str] | None:
    """The first queued answer of `slot`, claimed for asking (its status becomes 'loading', so
    no one claims it twice, and a resume after a kill asks it again, once): its id, its item's
    place, prompt and id; None when the slot has none queued."""
    with store.db.atomic():
        row = store.db.execute(
            "SELECT r.id, i.batch_position, i.prompt, i.id FROM responses r JOIN items i "
            "ON i.id = r.item_id WHERE i.batch_id = ? AND r.slot_index = ? "
            "AND r.status = 'queued' ORDER BY i.batch_position LIMIT 1",
            [batch_id, slot],
        ).fetchone()
        if row is None:
            return None
        store.db.execute(
            "UPDATE responses SET status = 'loading', updated_at = ? WHERE id = ?",
            [utc_now(), row[0]],
        )
    return str(row[0]), int(row[1]), str(row[2]), str(row[3])


def cancel_unstarted(store: Store, batch_id: str) -> None:
    """Cancelling: questions no slot has started are removed (nothing of them was written);
    answers not started in an item that others answered say why they are empty."""
    now = utc_now()
    with store.db.atomic():
        untouched = [
            str(row[0])
            for row in store.db.execute(
                "SELECT i.id FROM items i WHERE i.batch_id = ? AND NOT EXISTS (SELECT 1 FROM "
                "responses r WHERE r.item_id = i.id AND r.status != 'queued' "
                # An answer the set's file gave was never asked: the question is still unstarted.
                f"AND COALESCE(r.kind, '') != '{IMPORTED}') "
                # Judged, even before its answers came: the evaluator's rows are kept.
                "AND NOT EXISTS (SELECT 1 FROM verdicts v WHERE v.item_id = i.id) "
                "AND NOT EXISTS (SELECT 1 FROM judgements j WHERE j.item_id = i.id)",
                [batch_id],
            )
        ]
        for item_id in untouched:
            store.db.execute("DELETE FROM responses WHERE item_id = ?", [item_id])
            store.db.execute("DELETE FROM items WHERE id = ?", [item_id])
        store.db.execute(
            "UPDATE responses SET status = 'stopped', error = ?, updated_at = ? WHERE status "
            "IN ('queued', 'interrupted') AND item_id IN (SELECT id FROM items WHERE batch_id = ?)",
            ["The batch was cancelled before this answer was written.", now, batch_id],
        )
        store.db.table("batches").update(
            batch_id,
            {
                "state": CANCELLED,
                "updated_at": now,
                "finished_at": now,
                "item_count": store.db.execute(
                    "SELECT COUNT(*) FROM items WHERE batch_id = ?", [batch_id]
                ).fetchone()[0],
            },
        )
