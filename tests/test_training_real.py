"""Real training runs through llama.cpp, in the training process: the loss falls and the made
model answers differently; cancel, a full disk and a llama.cpp abort leave nothing behind."""

from __future__ import annotations

import resource
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from imitation_lens.core.model_files.gguf_header import inspect_model_file
from imitation_lens.core.running.prompting import build_prompt
from imitation_lens.core.training import checks
from imitation_lens.core.training.gguf_finish import provenance_in_file
from imitation_lens.core.training.plan import TrainingCancelled, TrainingError, TrainingProgress
from imitation_lens.core.training.run import TrainingRun
from training_plans import plan_for, style_answers, trainable_base

pytestmark = pytest.mark.slow
QUESTION = "How do I bake bread at home?"


def _answer(path: Path) -> str:
    import llama_cpp

    facts = inspect_model_file(path)
    llm = llama_cpp.Llama(model_path=str(path), n_ctx=512, verbose=False, seed=1)
    try:
        eos = llm._model.token_get_text(llm.token_eos())
        built = build_prompt(QUESTION, "auto", facts.chat_template, "", eos)
        tokens = llm.tokenize(built.text.encode(), add_bos=built.add_bos, special=True)
        out = llm.create_completion(tokens, max_tokens=40, temperature=0.0, stop=built.stop)
        return str(out["choices"][0]["text"])  # type: ignore[index]
    finally:
        llm.close()


def _left_behind(models: Path) -> list[str]:
    """What a run left in the models folder, but the sha256 notes (file_hash.py keeps them)."""
    if not models.exists():
        return []
    return sorted(p.name for p in models.rglob("*") if p.name != "file-hashes.json")


def test_a_short_run_lowers_the_loss_and_changes_the_answers(tmp_path: Path) -> None:
    base = trainable_base()
    seen: list[TrainingProgress] = []
    made = TrainingRun(
        plan_for(base, style_answers(24), epochs=2, learning_rate=2e-4), tmp_path, seen.append
    ).run()

    facts = made.provenance
    assert facts["held_out_loss_after"] < facts["held_out_loss_before"]
    assert facts["train_loss_last"] < facts["train_loss_first"]
    assert (facts["answers"], facts["held_out"], facts["epochs"], facts["seed"]) == (22, 2, 2, 42)
    assert facts["kept_epoch"] in (1, 2)  # the epoch with the lowest held-out loss
    assert facts["steps"] == seen[-1].steps and facts["data"] == "Test style set"
    phases = [p.phase for p in seen]
    assert phases[0] == "preparing" and phases[-1] == "saving" and "training" in phases
    steps = [p.step for p in seen if p.phase == "training"]
    assert steps == sorted(steps) and steps[-1] == facts["steps"]
    assert any(p.seconds_left is not None for p in seen)

    path = Path(made.path)
    assert path.parent == tmp_path and _left_behind(tmp_path) == [path.name]  # no working files
    header = inspect_model_file(path)
    assert header.chat_template and header.context_length == 8192  # the base's, not the window
    assert header.quantization == "Q8_0" and header.name == made.title
    assert provenance_in_file(path)["held_out_loss_after"] == pytest.approx(
        facts["held_out_loss_after"]
    )

    before, after = _answer(base), _answer(path)
    assert after != before
    assert "overview" in after.lower() or "**" in after, after


@pytest.fixture
def models(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "models"
    folder.mkdir()
    yield folder


def test_cancel_stops_the_run_and_keeps_nothing(models: Path) -> None:
    started = threading.Event()
    training: TrainingRun

    def on_progress(progress: TrainingProgress) -> None:
        if progress.phase == "training" and progress.step >= 1:
            started.set()
            training.cancel()

    training = TrainingRun(plan_for(trainable_base(), style_answers(24)), models, on_progress)
    with pytest.raises(TrainingCancelled):
        training.run()
    assert started.is_set()
    assert _left_behind(models) == []


def test_a_full_disk_mid_way_ends_in_words_and_keeps_nothing(models: Path) -> None:
    # The training process inherits a 64 MB limit on any file it writes: its full-precision copy
    # of the base (about 540 MB) cannot be written, as on a disk that fills up.
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    seen: list[TrainingProgress] = []
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024**2, hard))
    try:
        with pytest.raises(TrainingError) as failed:
            TrainingRun(plan_for(trainable_base(), style_answers(24)), models, seen.append).run()
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
    assert seen and seen[0].phase == "preparing"  # it had started
    assert "disk may be full" in str(failed.value) and "Nothing was kept" in str(failed.value)
    assert _left_behind(models) == []


def test_a_llama_cpp_abort_ends_in_words_and_the_app_lives_on(
    bundled_model: Path, models: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Past the check that refuses Gemma, llama.cpp itself aborts its training process
    # ("unsupported glu op for backward pass: GEGLU"): the run must say so, not take the app down.
    monkeypatch.setattr(checks, "TRAINABLE", frozenset({"llama", "gemma3"}))
    with pytest.raises(TrainingError, match=r"llama\.cpp stopped the training unexpectedly"):
        TrainingRun(plan_for(bundled_model, style_answers(12)), models, lambda _p: None).run()
    assert _left_behind(models) == []
