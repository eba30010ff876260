"""How much memory a local model needs, and whether the lineup's models can run side by side.

Estimate, per model at a chosen context length (llama.cpp's CPU defaults, as the app loads them):

- weights: the GGUF file's size. llama.cpp maps the file and reads every weight for every token,
  so all of it ends up resident.
- KV cache: context × block_count × head_count_kv × (key_length + value_length) × 2 bytes, f16
  being llama.cpp's default cache type. Gemma 3 attends through a sliding window on most layers,
  but llama-cpp-python keeps a full-size cache for those layers too ("using full-size SWA cache"
  in its log), so every layer counts at full size.
- overhead: 64 MiB for the runtime, vocabulary tables and sampler; sixteen hidden-state-sized
  f32 buffers for one 512-token batch (n_ubatch × embedding_length × 4 × 16); and the attention
  scratch of one layer for that batch against the whole context,
  context × n_ubatch × (6 × head_count + 8) bytes: the f32 scores (softmax runs in place), their
  f16 copy that multiplies the f16 V cache, and two f32 masks (full and sliding window).
  llama.cpp reserves a larger compute buffer (514.5 MiB for the bundled model, mostly for a
  worst case the app never reaches), but only the touched pages cost memory.

Checked against the process's resident memory (bench/schedules.py), with the bundled Gemma 3
270M Q4_K_M after a 96-token answer to a short prompt and to a prompt that fills the context:
at n_ctx 1024 the growth was 322.4 / 344.4 MiB against an estimate of 359.4 MiB, at n_ctx 8192
448.8 / 583.5 MiB against 597.4 MiB (docs/performance.md). Filling the context to 8192
instead of 1024 tokens added 113 MiB of overhead, 15.8 KiB per token against the formula's
16.0 KiB; the estimated overhead is 15 and 14 MiB above the measured one at the two sizes.

Scheduling: when all local models fit in memory together (with a safety margin), they run in
parallel and the cores are split between them; when they do not, they run one after another
with all cores each, so that no two of them are loaded at once. Parallel with split cores is the
default because it measured fastest on the 2-core development machine (bench/schedules.py, two
slots of the bundled model, 96 tokens each, generation only): 0.84 of the time of one after
another with all cores each, as an earlier measurement had found, and 0.91 of the time of both
in parallel with all cores each (docs/performance.md). Two threads on one model are less
than twice as fast as one, most likely because llama.cpp's threads wait for each other after
every operation and a small model gives them little work between the waits. Runs
disturbed by other programs on the machine showed the same order, with one after another
hurt most (a round took 26-31 s instead of 5): a single preempted thread stalls its partner.
Splitting also streams every column at once, which is the point of a side-by-side comparison.
"""

from __future__ import annotations

from dataclasses import dataclass

import psutil

from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.model_files.gguf_header import ModelFacts

_MIB = 1024 * 1024
_GIB = 1024 * _MIB
_F16_BYTES = 2
_F32_BYTES = 4
# llama-cpp-python's default n_batch, which it also uses as llama.cpp's n_ubatch: the most
# tokens one forward pass handles, and so the size of the activations and attention scratch.
_UBATCH = 512
_BASE_OVERHEAD = 64 * _MIB
_HIDDEN_BUFFERS = 16
# Memory to leave to the rest of the computer and to the estimate's own error.
_MIN_HEADROOM = 512 * _MIB
_HEADROOM_FRACTION = 0.10


@dataclass(frozen=True)
class MemoryEstimate:
    """The memory one local model needs at one context length, in bytes."""

    weights_bytes: int
    kv_cache_bytes: int
    overhead_bytes: int

    @property
    def total_bytes(self) -> int:
        return self.weights_bytes + self.kv_cache_bytes + self.overhead_bytes


def kv_cache_bytes(facts: ModelFacts, context_length: int) -> int:
    per_token = facts.block_count * facts.head_count_kv * (facts.key_length + facts.value_length)
    return context_length * per_token * _F16_BYTES


def overhead_bytes(facts: ModelFacts, context_length: int) -> int:
    ubatch = min(_UBATCH, context_length)
    activations = ubatch * facts.embedding_length * _F32_BYTES * _HIDDEN_BUFFERS
    scores = ubatch * (facts.head_count * (_F32_BYTES + _F16_BYTES) + 2 * _F32_BYTES)
    return _BASE_OVERHEAD + activations + context_length * scores


def estimate_memory(facts: ModelFacts, context_length: int) -> MemoryEstimate:
    """What `facts`' model needs loaded with room for `context_length` tokens.

    Header fields the file leaves out count as 0, so such a model's estimate is its weights plus
    the fixed overhead: too low rather than invented.
    """
    context = max(1, context_length)
    return MemoryEstimate(
        weights_bytes=facts.size_bytes,
        kv_cache_bytes=kv_cache_bytes(facts, context),
        overhead_bytes=overhead_bytes(facts, context),
    )


def available_memory() -> int:
    """Memory the system can give to new programs now without swapping, in bytes."""
    return int(psutil.virtual_memory().available)


def headroom(available: int) -> int:
    return max(_MIN_HEADROOM, int(available * _HEADROOM_FRACTION))


def fits(needed: int, available: int) -> bool:
    """Whether `needed` bytes fit in `available` with the safety margin left over."""
    return needed + headroom(available) <= available


def format_bytes(count: int) -> str:
    """A size the way people read it: "1.5 GB", "360 MB"."""
    if count >= _GIB:
        return _("{size} GB").format(size=number(count / _GIB, 1))
    return _("{size} MB").format(size=number(max(1, round(count / _MIB))))


def memory_advice(estimates: list[tuple[str, MemoryEstimate]], available: int) -> str | None:
    """A warning in plain words when the models will not fit in free memory; None when they do.

    `estimates` pairs each local model's display name with its estimate; `available` is the free
    memory before any of them is loaded.
    """
    needed = sum(estimate.total_bytes for _unused, estimate in estimates)
    if not estimates or fits(needed, available):
        return None
    free = format_bytes(available)
    too_big = [(name, e) for name, e in estimates if not fits(e.total_bytes, available)]
    if too_big:
        named = _join(
            [
                _("{name} needs about {size}").format(name=name, size=format_bytes(e.total_bytes))
                for name, e in too_big
            ]
        )
        return ngettext(
            "Not enough memory: {named}, but only {free} is free, and the rest of the "
            "computer needs some of that too. It may run very slowly or fail to load. "
            "Close other programs, or choose a smaller version of the model (for example "
            "Q4_K_M instead of Q8_0) or a shorter context length in the column's settings.",
            "Not enough memory: {named}, but only {free} is free, and the rest of the "
            "computer needs some of that too. They may run very slowly or fail to load. "
            "Close other programs, or choose a smaller version of the model (for example "
            "Q4_K_M instead of Q8_0) or a shorter context length in the column's settings.",
            len(too_big),
        ).format(named=named, free=free)
    named = _join(
        [
            _("{name} about {size}").format(name=name, size=format_bytes(e.total_bytes))
            for name, e in estimates
        ]
    )
    return _(
        "These models need more memory together than can be spared: {named}, "
        "{total} in all, but only {free} is free, and the rest of the computer "
        "needs some of that too. They will run one after another instead of side by side. "
        "To run them at the same time, close other programs or choose a smaller version of the "
        "model (for example Q4_K_M instead of Q8_0) or a shorter context length in the "
        "column's settings."
    ).format(named=named, total=format_bytes(needed), free=free)


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])


@dataclass(frozen=True)
class Schedule:
    """How the local slots run: all at once or one after another, and each one's threads."""

    parallel: bool
    threads: list[int]  # per local slot, in the lineup's order


def plan_schedule(estimates: list[MemoryEstimate], available: int, cores: int) -> Schedule:
    """Run the local slots side by side with the cores split when they fit in memory together;
    otherwise one after another with all cores each (see the module's docstring for why)."""
    cores = max(1, cores)
    slots = len(estimates)
    if not fits(sum(e.total_bytes for e in estimates), available):
        return Schedule(parallel=False, threads=[cores] * slots)
    share, extra = divmod(cores, slots) if slots else (0, 0)
    # The first slots take the remainder; with fewer cores than slots each still needs a thread.
    return Schedule(parallel=True, threads=[max(1, share + (i < extra)) for i in range(slots)])
