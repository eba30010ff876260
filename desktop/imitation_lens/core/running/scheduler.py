"""How the local slots share the machine when a prompt runs.

The plan is made when the first local slot needs it (on its worker thread, since it reads the
model files' headers): estimate each model's memory, compare with what is free, and either run
the models side by side with the cores split between them, or one after another with all cores
each, unloading each model after its answer so the next one fits (core/running/memory.py says why).
Teacher slots are not scheduled: an API answer costs this machine nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import psutil

from imitation_lens.core.model_files.bundled_model import ensure_bundled_model
from imitation_lens.core.model_files.gguf_header import (
    ModelFacts,
    ModelFileError,
    inspect_model_file,
)
from imitation_lens.core.running.events import (
    EmitFn,
    FactsEvent,
    FinishedEvent,
    GenerationRequest,
    Runner,
    Status,
)
from imitation_lens.core.running.lineup import LocalModel, SlotConfig
from imitation_lens.core.running.memory import (
    MemoryEstimate,
    Schedule,
    available_memory,
    estimate_memory,
    memory_advice,
    plan_schedule,
)

_WAIT_STEP_S = 0.05


@dataclass(frozen=True)
class Plan:
    schedule: Schedule
    advice: str | None  # a memory warning in plain words, if there is one

    def threads(self, position: int) -> int:
        return self.schedule.threads[position]


def physical_cores() -> int:
    return psutil.cpu_count(logical=False) or psutil.cpu_count() or 1


class LocalScheduler:
    """Shared by the local slots of one lineup. Thread-safe."""

    def __init__(
        self,
        slots: Callable[[], list[SlotConfig]],
        models_dir: Path,
        available: Callable[[], int] = available_memory,
        cores: Callable[[], int] = physical_cores,
    ) -> None:
        self._slots = slots  # read at planning time: the lineup may change between runs
        self._models_dir = models_dir
        self._facts: dict[tuple[str, int, int], ModelFacts] = {}
        self.available = available  # how much memory is free (replaceable, e.g. in tests)
        self.cores = cores
        self._plan: Plan | None = None
        self._plan_lock = threading.Lock()
        self._generation = 0
        self._planned_for = -1
        self._turn = threading.Lock()

    @property
    def _local(self) -> list[SlotConfig]:
        return [s for s in self._slots() if isinstance(s.source, LocalModel)]

    def reset(self) -> None:
        """Plan afresh for the next run (the lineup changed). Never waits: the GUI calls it."""
        self._generation += 1

    def plan(self) -> Plan:
        """The plan for this lineup, made once: free memory is measured before its models load
        (measured again later, it would count this lineup's own loaded models against it)."""
        with self._plan_lock:
            generation = self._generation
            if self._plan is None or self._planned_for != generation:
                self._plan = self._make_plan()
                self._planned_for = generation
            return self._plan

    def _inspect(self, path: Path) -> ModelFacts:
        """A file's header facts, read once per file version (reading takes a fraction of a
        second for a large vocabulary, and every run plans again)."""
        stat = path.stat()
        key = (str(path), stat.st_size, stat.st_mtime_ns)
        if key not in self._facts:
            self._facts[key] = inspect_model_file(path)
        return self._facts[key]

    def estimates(self, sequences: int = 1) -> list[tuple[str, MemoryEstimate]]:
        """Each readable local model's name and memory with room for `sequences` answers at
        once (each its own context: core/running/batched_local.py)."""
        named = []
        for slot in self._local:
            assert isinstance(slot.source, LocalModel)
            try:
                path = (
                    ensure_bundled_model(self._models_dir)
                    if slot.source.is_bundled
                    else Path(slot.source.path).expanduser()
                )
                facts = self._inspect(path)
            except (ModelFileError, OSError):
                continue  # that slot fails with its own plain message when it loads
            context = slot.params.context_length * max(1, sequences)
            named.append((facts.name or path.name, estimate_memory(facts, context)))
        return named

    def _make_plan(self) -> Plan:
        named = self.estimates()
        estimates = [estimate for _, estimate in named]
        available = self.available()
        schedule = plan_schedule(estimates, available, self.cores())
        if len(schedule.threads) < len(self._local):  # unreadable files still get a share
            fill = schedule.threads[-1] if schedule.threads else self.cores()
            schedule = Schedule(
                schedule.parallel,
                schedule.threads + [fill] * (len(self._local) - len(schedule.threads)),
            )
        return Plan(schedule, memory_advice(named, available))

    def position(self, slot: SlotConfig) -> int:
        return next(i for i, s in enumerate(self._local) if s is slot)

    def wait_turn(self, stop: threading.Event) -> bool:
        """In a sequential plan, wait until no other local model runs; False if stopped."""
        while not self._turn.acquire(timeout=_WAIT_STEP_S):
            if stop.is_set():
                return False
        return True

    def end_turn(self) -> None:
        self._turn.release()


class ScheduledRunner:
    """A local slot's runner under the scheduler: threads from the plan, and its turn waited
    for (and its model unloaded afterwards) when the models run one after another."""

    def __init__(
        self,
        slot: SlotConfig,
        scheduler: LocalScheduler,
        make_runner: Callable[[int], Runner],
    ) -> None:
        self._slot = slot
        self._scheduler = scheduler
        self._make_runner = make_runner
        self._runner: Runner | None = None
        self._threads = 0

    def generate(self, request: GenerationRequest, emit: EmitFn, stop: threading.Event) -> None:
        plan = self._scheduler.plan()
        position = self._scheduler.position(self._slot)
        threads = self._slot.params.threads or plan.threads(position)
        facts: dict[str, object] = {
            "schedule": "side by side" if plan.schedule.parallel else "one after another",
            "threads": threads,
        }
        if plan.advice:
            facts["memory_advice"] = plan.advice
        emit(FactsEvent(request.response_id, facts))
        if self._runner is not None and self._threads != threads:
            self._runner.close()
            self._runner = None
        if plan.schedule.parallel:
            self._run(request, emit, stop, threads)
            return
        self.close()  # whatever this slot held from an earlier plan, before waiting for a turn
        if not self._scheduler.wait_turn(stop):  # stopped while waiting: nothing was loaded
            emit(FinishedEvent(request.response_id, Status.STOPPED, ""))
            return
        try:
            self._run(request, emit, stop, threads)
        finally:
            self.close()  # make room for the next model
            self._scheduler.end_turn()

    def _run(
        self, request: GenerationRequest, emit: EmitFn, stop: threading.Event, threads: int
    ) -> None:
        if self._runner is None:
            self._runner = self._make_runner(threads)
            self._threads = threads
        self._runner.generate(request, emit, stop)

    def close(self) -> None:
        if self._runner is not None:
            self._runner.close()
            self._runner = None
