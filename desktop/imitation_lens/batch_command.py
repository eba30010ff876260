"""`imitation-lens batch`: run a prompt set through the saved lineup without the window.

For unattended runs (overnight, on a server) and for resuming one: Ctrl+C pauses the batch
and exits; `--resume` goes on where it stopped, as the window's Resume does.
"""

from __future__ import annotations

import logging
import random
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import FrameType

from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.local_at_once import plan_local
from imitation_lens.core.batches.prompt_sets import PromptSet, PromptSetError, prompt_sets
from imitation_lens.core.batches.queued import batch_summary, create_batch, interrupted_batches
from imitation_lens.core.batches.run import BatchProgress, BatchRun, time_left
from imitation_lens.core.batches.set_files import SUFFIXES, Sample
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.about import start_line
from imitation_lens.core.housekeeping.logfile import configure_logging
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.housekeeping.translation import (
    ENGLISH,
    N_,
    _,
    current_language,
    date_time,
    ngettext,
    number,
)
from imitation_lens.core.running.events import Runner
from imitation_lens.core.running.lineup import LINEUP_SETTING, SlotConfig
from imitation_lens.core.running.made_lineup import startup_lineup
from imitation_lens.core.running.runners import runner_factory
from imitation_lens.core.running.scheduler import LocalScheduler
from imitation_lens.core.storage.store import Store, new_id


def _find_set(store: Store, reference: str, sample: Sample | None = None) -> PromptSet:
    path = Path(reference).expanduser()
    if path.suffix.lower() in SUFFIXES:  # the app's own sets and public ones (NQ-open, …)
        # The window's import path, sample included: the same rows for the same seed.
        return read_question_file(path, sample=sample)
    known = prompt_sets(store)
    for prompt_set in known:
        if reference in (prompt_set.id, prompt_set.id.removeprefix("built-in:"), prompt_set.name):
            return prompt_set if sample is None else _sampled(prompt_set, sample)
    names = ", ".join(s.id.removeprefix("built-in:") for s in known)
    raise PromptSetError(
        _("No prompt set called '{name}'. Known sets: {names}.").format(name=reference, names=names)
    )


def _sampled(prompt_set: PromptSet, sample: Sample) -> PromptSet:
    """A saved set's seeded sample, in the set's order (a file is sampled as it is read).
    It keeps the set's id: the batch records which set its questions came from."""
    if sample.size >= len(prompt_set.items):
        return prompt_set
    kept = sorted(random.Random(sample.seed).sample(range(len(prompt_set.items)), sample.size))
    return replace(
        prompt_set,
        # The session's title (the person's to rename), in their language.
        name=_("{name} (sample of {size}, seed {seed})").format(
            name=prompt_set.name, size=number(sample.size), seed=sample.seed
        ),
        items=tuple(prompt_set.items[index] for index in kept),
    )


# A batch's states as the progress lines name them (the keys are the database's, in English).
_STATES = {
    "running": N_("running"),
    "pausing": N_("pausing"),
    "paused": N_("paused"),
    "cancelling": N_("cancelling"),
    "cancelled": N_("cancelled"),
    "finished": N_("finished"),
    "slowed": N_("slowed"),
}


def _progress_line(progress: BatchProgress) -> str:
    state = _(_STATES[progress.state]) if progress.state in _STATES else progress.state
    parts = [
        _("{state}: {answered}/{total} answered").format(
            state=state, answered=progress.answered, total=progress.total
        )
    ]
    if progress.failed:
        parts.append(_("{n} failed").format(n=progress.failed))
    if progress.state == "running":
        parts.append(time_left(progress.seconds_left))
    if progress.message:
        parts.append(progress.message)
    return " · ".join(parts)


def _failure_reasons(paths: DataPaths, batch_id: str) -> list[str]:
    """Each distinct reason the batch's answers failed, with how many times, most common first."""
    store = Store(paths.database)
    try:
        rows = store.db.execute(
            "SELECT r.error, COUNT(*) FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.batch_id = ? AND r.status = 'failed' GROUP BY r.error "
            "ORDER BY COUNT(*) DESC",
            [batch_id],
        ).fetchall()
    finally:
        store.close()
    return [f"{error or _('no reason given')} (×{count})" for error, count in rows]


def run_batch_command(
    paths: DataPaths,
    set_reference: str | None,
    resume: str | None,
    retry_failed: str | None = None,
    *,
    sample: Sample | None = None,
    max_tokens: int | None = None,
) -> int:
    """Exits 0 only when every answer was written (or the batch was paused on purpose).

    `sample` asks a seeded random sample of the set; `max_tokens` sets every column's longest
    answer for this batch only (the saved lineup is left as it is). Both shape a new batch:
    a resumed one keeps the settings it was started with, which its answers record."""
    paths.create()
    # The same log as the window's: llama.cpp's lines and failed answers go there, not to stderr.
    configure_logging(paths.logs)
    logging.getLogger(__name__).info(start_line(paths) + "; command line batch")
    store = Store(paths.database)
    try:
        store.mark_unfinished_interrupted()
        interrupted_batches(store)
        saved = store.get_setting(LINEUP_SETTING)
        wanted = retry_failed if retry_failed is not None else resume
        if wanted is not None:
            # Retry failed, as in the window, also works on a finished batch.
            states = "('paused', 'finished')" if retry_failed is not None else "('paused')"
            row = store.db.execute(
                f"SELECT id, session_id FROM batches WHERE state IN {states} "
                + ("AND id = ? " if wanted != "latest" else "")
                + "ORDER BY updated_at DESC LIMIT 1",
                [] if wanted == "latest" else [wanted],
            ).fetchone()
            if row is None:
                print(
                    _("There is no finished or paused batch to go on with.")
                    if retry_failed is not None
                    else _("There is no paused batch to go on with."),
                    file=sys.stderr,
                )
                return 1
            batch_id, session_id = str(row[0]), str(row[1])
            lineup = list(batch_summary(store, batch_id).lineup)  # what its answers wait for
        else:
            assert set_reference is not None
            prompt_set = _find_set(store, set_reference, sample)
            lineup = [SlotConfig.from_dict(d) for d in saved] if saved else startup_lineup(store)
            if max_tokens is not None:
                lineup = [slot.with_params(max_tokens=max_tokens) for slot in lineup]
            session_id = new_id()
            store.create_session(
                f"{prompt_set.name} · {_moment(datetime.now())}",
                [slot.to_dict() for slot in lineup],
                session_id=session_id,
                blind_seed=random.SystemRandom().randrange(2**31),
            )
            batch_id = create_batch(store, session_id, prompt_set, lineup)
    except PromptSetError as error:
        print(str(error), file=sys.stderr)
        return 1
    finally:
        store.close()

    print(
        _("BATCH {batch} in session {session}").format(batch=batch_id, session=session_id),
        flush=True,
    )
    scheduler = LocalScheduler(lambda: lineup, paths.models)

    def make_runner(index: int) -> Callable[[], Runner]:
        return runner_factory(lineup[index], scheduler, paths.models, paths.database)

    ended = threading.Event()
    final: list[BatchProgress] = []
    printed: set[tuple[object, ...]] = set()

    def on_progress(progress: BatchProgress) -> None:
        final[:] = [progress]
        key = (progress.state, progress.answered, progress.failed, progress.message)
        if key not in printed:  # speed-only updates are not worth a line
            printed.add(key)
            print(_progress_line(progress), flush=True)

    run = BatchRun(
        paths.database,
        batch_id,
        lineup,
        make_runner,
        on_progress,
        retry_failed=retry_failed is not None,
        on_end=ended.set,
        local_plan=lambda: plan_local(lineup, scheduler, paths.models),
    )

    def pause(_signal: int, _frame: FrameType | None) -> None:
        print(
            _(
                "Pausing: the batch goes on with `imitation-lens batch --resume`. "
                "(Ctrl+C again quits at once.)"
            ),
            flush=True,
        )
        signal.signal(signal.SIGINT, signal.default_int_handler)
        run.pause()

    previous = signal.signal(signal.SIGINT, pause)
    try:
        run.start()
        while not ended.wait(0.5):  # a short wait keeps Ctrl+C responsive on every platform
            pass
    finally:
        signal.signal(signal.SIGINT, previous)
    if run.error:
        print(run.error, file=sys.stderr)
        return 1
    state = final[-1].state if final else "paused"
    failed = final[-1].failed if final else 0
    if failed:
        for reason in _failure_reasons(paths, batch_id):
            print(_("Failed: {reason}").format(reason=reason), file=sys.stderr)
        print(
            ngettext(
                "{n} answer failed. Ask again with `imitation-lens batch --retry-failed`.",
                "{n} answers failed. Ask again with `imitation-lens batch --retry-failed`.",
                failed,
            ).format(n=translation.number(failed)),
            file=sys.stderr,
        )
        return 1
    return 0 if state in ("finished", "paused", "cancelled") else 1


def _moment(now: datetime) -> str:
    """When a batch's session was made, as its title says it: English keeps the form it had."""
    return f"{now:%d %B %Y, %H:%M}" if current_language() == ENGLISH else date_time(now)
