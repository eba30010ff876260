"""How far the evaluator is with judging a session, and which item to judge next.

An item is judged when this computer's evaluator submitted its final verdict: the phase-2
verdict when the item has a reference answer (phase 1 is the unaided one), else the only one.
Items whose answers are still being written (a batch not finished) can't be judged yet.
"""

from __future__ import annotations

from dataclasses import dataclass

from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.storage.store import Store

_PENDING = "('queued', 'loading', 'thinking', 'streaming')"
_STATE = f"""
    SELECT i.id,
        EXISTS (SELECT 1 FROM verdicts v WHERE v.item_id = i.id AND v.evaluator = ''
            AND v.phase = CASE WHEN i.reference != '' THEN 2 ELSE 1 END) AS judged,
        EXISTS (SELECT 1 FROM responses r WHERE r.item_id = i.id AND r.status IN {_PENDING})
            AS waiting
    FROM items i WHERE i.session_id = ? ORDER BY i.position"""


@dataclass(frozen=True)
class JudgingProgress:
    judged: int
    ready: int  # items with every answer written, judged or not
    total: int

    def describe(self) -> str:
        waiting = self.total - self.ready
        text = _("Judged {judged} of {total}").format(
            judged=number(self.judged), total=number(self.total)
        )
        if not waiting:
            return text
        still = ngettext(
            "({count} still being answered)", "({count} still being answered)", waiting
        )
        return f"{text} {still.format(count=number(waiting))}"


def judging_progress(store: Store, session_id: str) -> JudgingProgress:
    rows = store.db.execute(_STATE, [session_id]).fetchall()
    return JudgingProgress(
        sum(1 for row in rows if row[1]),
        sum(1 for row in rows if not row[2]),
        len(rows),
    )


def next_unjudged(store: Store, session_id: str, after_item_id: str | None) -> str | None:
    """The first item after `after_item_id` (wrapping round) that is ready and not judged."""
    rows = store.db.execute(_STATE, [session_id]).fetchall()
    ids = [str(row[0]) for row in rows]
    start = ids.index(after_item_id) + 1 if after_item_id in ids else 0
    for row in rows[start:] + rows[:start]:
        if not row[1] and not row[2] and str(row[0]) != after_item_id:
            return str(row[0])
    return None
