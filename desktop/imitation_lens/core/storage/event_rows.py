"""What a run event (core/running/events.py) becomes in the database: the one mapping.

Used by the writer for the window's answers (core/storage/writer.py) and by batches
(core/batches/run.py), always on the writer's thread.
"""

from __future__ import annotations

from imitation_lens.core.running.events import (
    Event,
    FactsEvent,
    FinishedEvent,
    StateEvent,
    Status,
    TextEvent,
)
from imitation_lens.core.servers.replay import record_teacher_answer
from imitation_lens.core.storage.store import Store


def write_event(store: Store, event: Event) -> None:
    """Write what `event` says about its answer's row.

    Streamed text (TextEvent) is not written chunk by chunk: the writer keeps it and adds it
    with `Store.append_text` every FLUSH_INTERVAL_S (the window's answers); a batch writes only
    the finished answer, since a cut-off batch answer is written again from the start.
    """
    rid = event.response_id
    if isinstance(event, TextEvent):
        return
    if isinstance(event, StateEvent):
        store.set_status(rid, event.status)
    elif isinstance(event, FactsEvent):
        store.update_response(rid, event.facts)
    elif isinstance(event, FinishedEvent):
        store.finish_response(rid, event.status, event.text, event.error, event.facts)
        if event.status is Status.DONE:
            record_teacher_answer(store, rid)  # kept for replay when offline
