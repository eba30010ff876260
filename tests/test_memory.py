"""Memory estimates, the warning when models will not fit, and how local slots are scheduled."""

from __future__ import annotations

from pathlib import Path

import pytest

from imitation_lens.core.model_files.gguf_header import inspect_model_file
from imitation_lens.core.running.memory import (
    MemoryEstimate,
    Schedule,
    available_memory,
    estimate_memory,
    memory_advice,
    plan_schedule,
)

MIB = 1024 * 1024
GIB = 1024 * MIB


def test_bundled_model_estimate(bundled_model: Path) -> None:
    facts = inspect_model_file(bundled_model)
    # The bundled Gemma 3 270M's cache shape, from its header.
    assert (facts.block_count, facts.head_count_kv) == (18, 1)
    assert (facts.key_length, facts.value_length) == (256, 256)
    estimate = estimate_memory(facts, 1024)
    # 1024 tokens × 18 layers × 1 KV head × (256 + 256) × 2 bytes: llama.cpp logs 18.00 MiB.
    assert estimate.kv_cache_bytes == 1024 * 18 * 1 * 512 * 2 == 18 * MIB
    assert estimate_memory(facts, 8192).kv_cache_bytes == 144 * MIB
    assert estimate.weights_bytes == facts.size_bytes
    assert estimate.total_bytes == (
        estimate.weights_bytes + estimate.kv_cache_bytes + estimate.overhead_bytes
    )
    # Measured resident growth after answering a prompt that fills the context
    # (docs/performance.md): the estimate must not be below it.
    assert estimate.total_bytes >= 345 * MIB
    assert estimate_memory(facts, 8192).total_bytes >= 584 * MIB
    # ... nor wildly above it.
    assert estimate.total_bytes <= 1.25 * 345 * MIB


def test_estimate_grows_with_context(bundled_model: Path) -> None:
    facts = inspect_model_file(bundled_model)
    short, long = estimate_memory(facts, 2048), estimate_memory(facts, 4096)
    assert long.kv_cache_bytes == 2 * short.kv_cache_bytes
    assert long.overhead_bytes > short.overhead_bytes
    assert long.weights_bytes == short.weights_bytes


def test_available_memory_is_positive() -> None:
    assert available_memory() > 0


def _estimate(total_mib: int) -> MemoryEstimate:
    return MemoryEstimate(weights_bytes=total_mib * MIB, kv_cache_bytes=0, overhead_bytes=0)


def test_no_advice_when_plenty_is_free() -> None:
    estimates = [("Base", _estimate(400)), ("Imitator", _estimate(400))]
    assert memory_advice(estimates, 16 * GIB) is None
    assert memory_advice([], 0) is None


def test_advice_names_the_model_that_does_not_fit_alone() -> None:
    estimates = [("Base", _estimate(400)), ("Llama 70B Q8_0", _estimate(75 * 1024))]
    advice = memory_advice(estimates, 16 * GIB)
    assert advice is not None
    assert "Llama 70B Q8_0 needs about 75.0 GB" in advice
    assert "16.0 GB is free" in advice
    assert "Base" not in advice  # it fits; only the culprit is named
    assert "Q4_K_M instead of Q8_0" in advice
    assert "shorter context" in advice


def test_advice_when_models_fit_only_one_at_a_time() -> None:
    estimates = [("Base", _estimate(3 * 1024)), ("Imitator", _estimate(3 * 1024))]
    advice = memory_advice(estimates, 5 * GIB)
    assert advice is not None
    assert "Base" in advice and "Imitator" in advice
    assert "6.0 GB in all" in advice and "5.0 GB is free" in advice
    assert "one after another" in advice


def test_advice_leaves_a_safety_margin() -> None:
    # Needing exactly what is free is not fitting: the rest of the computer needs memory too.
    assert memory_advice([("Base", _estimate(1024))], GIB) is not None


def test_small_sizes_read_in_megabytes() -> None:
    advice = memory_advice([("Base", _estimate(400))], 300 * MIB)
    assert advice is not None and "about 400 MB" in advice and "300 MB is free" in advice


@pytest.mark.parametrize(
    ("slots", "cores", "threads"),
    [
        (2, 2, [1, 1]),
        (3, 8, [3, 3, 2]),
        (2, 8, [4, 4]),
        (4, 6, [2, 2, 1, 1]),
        (1, 4, [4]),
        (2, 1, [1, 1]),  # fewer cores than slots: each still needs a thread
        (3, 0, [1, 1, 1]),  # a core count the system could not tell
    ],
)
def test_parallel_when_everything_fits(slots: int, cores: int, threads: list[int]) -> None:
    schedule = plan_schedule([_estimate(400)] * slots, 16 * GIB, cores)
    assert schedule == Schedule(parallel=True, threads=threads)


def test_one_after_another_with_all_cores_when_they_do_not_fit_together() -> None:
    # Each 3 GiB model fits in 5 GiB free, the two together do not.
    schedule = plan_schedule([_estimate(3 * 1024)] * 2, 5 * GIB, 8)
    assert schedule == Schedule(parallel=False, threads=[8, 8])
    assert plan_schedule([_estimate(3 * 1024)] * 3, 5 * GIB, 1).threads == [1, 1, 1]


def test_no_local_slots() -> None:
    assert plan_schedule([], 16 * GIB, 4) == Schedule(parallel=True, threads=[])
