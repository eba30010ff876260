"""How many questions at once a batch's local columns answer, and the runners that do it.

A local column of a batch decodes several answers together in one llama.cpp context
(core/running/batched_local.py); its answers are claimed and written as a server column's are
(core/batches/in_flight.py), so a kill or a pause loses and repeats nothing. Each answer keeps
its own context length, so the memory a model needs grows with N (its KV cache is N times as
large); N is the largest of LOCAL_AT_ONCE, its half, its quarter… for which every local model
of the lineup fits in free memory together, the same test the side-by-side schedule uses
(core/running/memory.py). When not even two fit, the columns answer one question at a time,
item by item, and the batch says why. The window's columns always answer one at a time
(core/running/local_runner.py). On the development machine one at a time measured fastest
(see LOCAL_AT_ONCE), so N is 1 unless IMITATION_LENS_LOCAL_AT_ONCE asks for more: for a
machine or a model where the bench measures a gain.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from imitation_lens.core.batches.in_flight import InFlight, start_pools
from imitation_lens.core.batches.pace import Pace
from imitation_lens.core.housekeeping.translation import _
from imitation_lens.core.running.batched_local import BatchedLocalRunner
from imitation_lens.core.running.events import Event, Runner
from imitation_lens.core.running.lineup import LocalModel, SlotConfig
from imitation_lens.core.running.memory import fits, format_bytes
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.writer import Writer

# Chosen by bench/local_batched.py (docs/performance.md, "Local models, several questions at
# once"): on the 2-core development machine, with the bundled Gemma 3 270M, several at once
# were slower than one at a time (llama.cpp's pass for N tokens: 0.51× the tokens per second at
# N = 2, 0.66× at 4, 0.90× at 8; CPU time per token up by 16–32%), so batches keep answering
# local columns one at a time here. Its output layer (a 262,144-word vocabulary, 62% of the
# parameters) is what gets slower for several rows at once; the body of the model batches well.
LOCAL_AT_ONCE = 1
# Another number for a machine where another measures best (more cores, a bigger model).
LOCAL_AT_ONCE_ENV = "IMITATION_LENS_LOCAL_AT_ONCE"
_MOST = 64


def wanted_at_once(environ: Mapping[str, str] | None = None) -> int:
    """LOCAL_AT_ONCE, or the number in IMITATION_LENS_LOCAL_AT_ONCE (1 to 64) when it is set."""
    value = (os.environ if environ is None else environ).get(LOCAL_AT_ONCE_ENV, "").strip()
    try:
        return max(1, min(_MOST, int(value))) if value else LOCAL_AT_ONCE
    except ValueError:
        return LOCAL_AT_ONCE


@dataclass(frozen=True)
class LocalPlan:
    """`sequences` answers at once per local column (1: one at a time, item by item);
    `message`: why fewer than wanted, in plain words ("" when none)."""

    sequences: int
    message: str
    make_runner: Callable[[int], Callable[[], Runner]]  # a local slot's index → its maker

    def start_pools(
        self,
        batch_id: str,
        local: Sequence[int],
        writer: Writer,
        wants: Callable[[], str],
        on_event: Callable[[int, Event], None],
        on_change: Callable[[str], None],
        paces: Sequence[Pace],
    ) -> list[InFlight]:
        """One started pool per local column when several at once are planned, else none."""
        if self.sequences <= 1:
            return []
        at_once = dict.fromkeys(local, self.sequences)
        return start_pools(
            batch_id, at_once, self.make_runner, writer, wants, on_event, on_change, paces
        )


def plan_local(
    lineup: Sequence[SlotConfig],
    scheduler: LocalScheduler,
    models_dir: Path,
    wanted: int | None = None,
) -> LocalPlan:
    """The plan for `lineup`'s local columns (`wanted` at once, wanted_at_once() unless given);
    reads model headers, so not on the GUI thread."""
    wanted = wanted_at_once() if wanted is None else wanted
    local = [slot for slot in lineup if isinstance(slot.source, LocalModel)]
    available = scheduler.available()
    sequences = max(1, wanted)
    while sequences > 1:
        if fits(sum(e.total_bytes for _unused, e in scheduler.estimates(sequences)), available):
            break
        sequences //= 2
    message = ""
    if local and sequences < wanted:
        needed = sum(e.total_bytes for _unused, e in scheduler.estimates(wanted))
        if sequences == 1:
            message = _(
                "The computer's models answer one question at a time instead of {wanted}: "
                "answering {wanted} at once would need about {needed} of memory, and only "
                "{available} is free."
            )
        else:
            message = _(
                "The computer's models answer {n} at once instead of {wanted}: answering "
                "{wanted} at once would need about {needed} of memory, and only {available} "
                "is free."
            )
        message = message.format(
            n=sequences,
            wanted=wanted,
            needed=format_bytes(needed),
            available=format_bytes(available),
        )
    plan = scheduler.plan()
    positions = {id(slot): i for i, slot in enumerate(local)}

    def make_runner(index: int) -> Callable[[], Runner]:
        slot = lineup[index]
        source = slot.source
        assert isinstance(source, LocalModel)
        threads = slot.params.threads or plan.threads(positions[id(slot)])
        facts: dict[str, object] = {"schedule": "side by side", "threads": threads}
        if plan.advice:
            facts["memory_advice"] = plan.advice

        def make() -> Runner:
            return BatchedLocalRunner(
                source, slot.params, threads, models_dir, sequences, facts=facts
            )

        return make

    return LocalPlan(sequences, message, make_runner)
