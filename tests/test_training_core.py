"""The pure parts of making an imitator, and the checks that refuse a plan before it starts."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path
from types import SimpleNamespace

import psutil
import pytest

import gguf_variants
from imitation_lens.core.training import run
from imitation_lens.core.training.checks import check_plan
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainingError,
    plan_from_dict,
    plan_to_dict,
)
from imitation_lens.core.training.token_windows import split_answers, windows_of
from imitation_lens.core.training.trainer import Trainer, learning_rate
from training_plans import plan_for, style_answers, trainable_base


def test_held_out_answers_are_seeded_disjoint_and_never_none() -> None:
    answers = style_answers(24).answers
    first = split_answers(answers, 0.1, seed=7)
    assert len(first.held_out) == 2 and len(first.training) == 22
    assert not set(first.held_out) & set(first.training)
    assert split_answers(answers, 0.1, seed=7) == first
    assert split_answers(answers, 0.1, seed=8) != first
    assert len(split_answers(answers[:8], 0.01, seed=1).held_out) == 1


def test_windows_cover_every_token_once_and_end_at_the_stream_end() -> None:
    stream = list(range(1000))
    windows = windows_of(stream, 256)
    assert all(len(w) == 257 for w in windows)
    assert windows[0][:3] == [0, 1, 2] and windows[-1][-1] == 999
    trained = {token for w in windows for token in w[:256]}
    assert trained == set(range(999))  # every token but the last is a training input
    assert windows_of(list(range(10)), 256)[0][:12] == [*range(10), 0, 1]  # a short set repeats
    assert windows_of([], 256) == []


def test_learning_rate_warms_up_peaks_and_falls_to_a_tenth() -> None:
    rates = [learning_rate(1e-4, step, 100) for step in range(100)]
    assert rates[0] < rates[9] == pytest.approx(1e-4)
    assert max(rates) == pytest.approx(1e-4)
    assert all(later <= earlier + 1e-12 for earlier, later in itertools.pairwise(rates[9:]))
    assert learning_rate(1e-4, 100, 100) == pytest.approx(1e-5)


def test_a_plan_survives_the_trip_to_the_training_process() -> None:
    plan = plan_for(Path("/models/base.gguf"), epochs=3, seed=5)
    assert plan_from_dict(plan_to_dict(plan)) == plan


def test_too_few_answers_are_refused_in_words() -> None:
    few = TeacherAnswers("Tiny", "file", "", style_answers(3).answers)
    with pytest.raises(
        TrainingError, match=r"hold 3 questions with an answer; a run needs at least 8"
    ):
        check_plan(plan_for(trainable_base(), few), Path("/nonexistent"))


def test_gemma_is_refused_before_anything_starts(bundled_model: Path, tmp_path: Path) -> None:
    with pytest.raises(TrainingError) as refused:
        check_plan(plan_for(bundled_model), tmp_path)
    message = str(refused.value)
    assert "cannot be trained" in message and "Gemma" in message and "SmolLM2" in message
    assert not list(tmp_path.iterdir())  # nothing was made


@pytest.mark.parametrize("name", gguf_variants.variant_names())
def test_broken_base_files_are_refused_in_plain_words(name: str, tmp_path: Path) -> None:
    path = gguf_variants.write_variant(name, tmp_path)
    try:
        estimate = check_plan(plan_for(path), tmp_path / "models")
    except TrainingError as error:
        text = str(error)
        assert text and "Traceback" not in text and "Errno" not in text
    else:  # damage the header reader cannot see (a NaN weight): the tiny model still trains
        assert estimate.steps > 0


def test_too_little_memory_is_refused_with_the_numbers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(psutil, "virtual_memory", lambda: SimpleNamespace(available=512 * 1024**2))
    with pytest.raises(
        TrainingError, match=r"needs about 2\.\d GB of free memory; this computer has 0\.5 GB"
    ):
        check_plan(plan_for(trainable_base()), tmp_path)


def test_too_little_disk_is_refused_with_the_numbers(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(shutil, "disk_usage", lambda _path: SimpleNamespace(free=100 * 1024**2))
    with pytest.raises(
        TrainingError, match=r"about 0\.\d GB of free disk space .* 0\.1 GB is free"
    ):
        check_plan(plan_for(trainable_base()), tmp_path)


def test_the_estimate_counts_answers_windows_and_steps(tmp_path: Path) -> None:
    estimate = check_plan(plan_for(trainable_base(), epochs=2), tmp_path)
    assert (estimate.answers, estimate.held_out) == (22, 2)
    assert estimate.tokens % 256 == 0 and estimate.steps == 2 * estimate.tokens // 256
    assert 2 * 1024**3 < estimate.memory_bytes < 4 * 1024**3
    assert estimate.seconds > 0


def test_a_process_that_dies_is_explained() -> None:
    assert "ran out of memory" in str(run._died(-9))
    assert "stopped the training unexpectedly" in str(run._died(-6))


def test_the_epoch_kept_is_the_one_with_the_lowest_held_out_loss() -> None:
    trainer = object.__new__(Trainer)  # only its record of losses matters here
    trainer.held_out_losses = [2.9]  # before training: the base's, never "kept"
    for loss, kept in ((2.1, True), (2.2, False), (2.05, True)):
        trainer.held_out_losses.append(loss)
        assert trainer._best_so_far() is kept
    trainer.held_out_losses = []  # no held-out answers: every epoch replaces the last
    assert trainer._best_so_far()
