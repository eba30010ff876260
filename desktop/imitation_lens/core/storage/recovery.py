"""At start-up: putting right what an app that was closed badly or killed left half done."""

from __future__ import annotations

from dataclasses import dataclass

from imitation_lens.core.batches.queued import interrupted_batches
from imitation_lens.core.storage.store import Store


@dataclass(frozen=True)
class Recovered:
    interrupted_answers: int  # the window's answers left "being written": now interrupted
    cut_off_batches: int  # batches left "running": now paused (or finished)


def recover_at_start(store: Store) -> Recovered:
    """Run on the writer's thread before anything else is read or written.

    A batch's answers are left to the batch (it writes again whatever was cut off when it
    resumes), and a batch another process is running right now is left alone.
    """
    interrupted = store.mark_unfinished_interrupted()
    return Recovered(interrupted, interrupted_batches(store))
