"""Starting a batch: the new session a prompt set runs in, and the run that answers it.

Nothing here shows anything; BatchFlow decides when to start and what the window shows.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale

from imitation_lens.core.batches.local_at_once import plan_local
from imitation_lens.core.batches.prompt_sets import PromptSet
from imitation_lens.core.batches.queued import create_batch
from imitation_lens.core.batches.run import BatchProgress, BatchRun
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.running.events import Event, Runner
from imitation_lens.core.running.lineup import SlotConfig
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.store import Store, new_id
from imitation_lens.core.storage.writer import Writer
from imitation_lens.ui.tasks import Task


def batch_session(
    prompt_set: PromptSet, lineup: list[SlotConfig], blind: bool
) -> tuple[str, Callable[[Store], str]]:
    """The id of a new session named after the set, and the write (for the writer thread)
    that creates it with the set's questions queued; the write returns the batch's id."""
    session_id = new_id()
    seed = random.SystemRandom().randrange(2**31)
    # The session's name, dated as the interface's language writes a date (01 December 2026,
    # 14:05 / 1. Dezember 2026, 14:05): it is shown, not read by a program.
    when = QLocale().toString(
        QDateTime.currentDateTime(),
        QCoreApplication.translate("BatchStart", "dd MMMM yyyy, HH:mm", "Qt's date format"),
    )
    title = f"{prompt_set.name} · {when}"
    rows = [slot.to_dict() for slot in lineup]

    def create(store: Store) -> str:
        store.create_session(title, rows, session_id=session_id, blind=blind, blind_seed=seed)
        return create_batch(store, session_id, prompt_set, lineup, seed if blind else None)

    return session_id, create


def batch_run(
    paths: DataPaths,
    batch_id: str,
    lineup: list[SlotConfig],
    task: Task[None],
    on_progress: Callable[[BatchProgress], None],
    on_event: Callable[[int, Event], None],
    on_end: Callable[[], None],
    writer: Writer,
    retry: bool = False,
    cancel: bool = False,
) -> BatchRun:
    """A run (not started) whose reports reach the GUI thread through `task`, while it lasts."""
    scheduler = LocalScheduler(lambda: lineup, paths.models)

    def make_runner(index: int) -> Callable[[], Runner]:
        return runner_factory(lineup[index], scheduler, paths.models, paths.database)

    return BatchRun(
        paths.database,
        batch_id,
        lineup,
        make_runner,
        on_progress=lambda progress: task.post(partial(on_progress, progress)),
        on_event=lambda _batch, index, event: task.post(partial(on_event, index, event)),
        retry_failed=retry,
        on_end=lambda: task.post(on_end),
        cancel=cancel,
        writer=writer,  # the window's: one writer for the database in this process
        local_plan=lambda: plan_local(lineup, scheduler, paths.models),  # on the batch's thread
    )
