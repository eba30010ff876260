"""What runs a slot: one function shared by the window, batch runs and the command line."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from imitation_lens.core.running.events import Runner
from imitation_lens.core.running.lineup import Server, SlotConfig
from imitation_lens.core.running.local_runner import LocalRunner
from imitation_lens.core.running.scheduler import LocalScheduler, ScheduledRunner
from imitation_lens.core.servers.server_runner import sent_params
from imitation_lens.core.servers.teacher_runner import TeacherRunner


def runner_factory(
    slot: SlotConfig, scheduler: LocalScheduler, models_dir: Path, database: Path
) -> Callable[[], Runner]:
    """A maker of the slot's runner, called on the slot's own thread (a model belongs to it)."""

    def make_runner() -> Runner:
        source = slot.source
        if isinstance(source, Server):
            return TeacherRunner(source, slot.params, database)
        return ScheduledRunner(
            slot,
            scheduler,
            lambda threads: LocalRunner(source, slot.params, threads, models_dir),
        )

    return make_runner


def queued_response(response_id: str, index: int, slot: SlotConfig) -> dict[str, Any]:
    """The row an answer starts as, before its slot has run."""
    row: dict[str, Any] = {
        "id": response_id,
        "slot_index": index,
        "role": slot.role,
        "kind": "local" if slot.is_local else "endpoint",
        "note": slot.note,
        "params": asdict(slot.params),
    }
    if isinstance(slot.source, Server):
        # only what the request carries: a server is never sent the local-only settings
        row |= {"params": sent_params(slot.params)}
        row |= {"endpoint_base_url": slot.source.base_url, "endpoint_model": slot.source.model}
    return row
