"""Refuses a training plan that cannot work, before anything starts, in plain words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import psutil

from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.model_files.gguf_header import (
    ModelFacts,
    ModelFileError,
    inspect_model_file,
)
from imitation_lens.core.training.plan import (
    MIN_ANSWERS,
    TrainingError,
    TrainingEstimate,
    TrainingPlan,
)
from imitation_lens.core.training.token_windows import answer_windows, split_answers

# Architectures llama.cpp 0.3.36 was seen to train end to end here. Others may train too, but a
# run that aborts inside llama.cpp after minutes is worse than a refusal that names what works.
TRAINABLE = frozenset({"llama"})
# Measured on 2 cores (bench/imitation_study.py, docs/imitation.md): SmolLM2 135M trains at
# about 125 tokens a second; the rate scales roughly with cores over parameters.
_MEASURED_TOKENS_PER_SECOND = 125.0
_MEASURED_PARAMETERS = 135e6
_MEASURED_THREADS = 2
# Weights, gradients and AdamW's two moments, all F32: 16 bytes a parameter; plus the window's
# activations and logits, and llama.cpp's own buffers.
_BYTES_PER_PARAMETER = 16
_WORKING_MEMORY = 600 * 1024 * 1024
_DISK_MARGIN = 64 * 1024 * 1024


def check_plan(plan: TrainingPlan, models_dir: Path) -> TrainingEstimate:
    """What the plan will take; raises TrainingError when it cannot work: too few teacher
    answers, a base whose architecture llama.cpp cannot train (Gemma 3, for one: its GEGLU has
    no backward pass), too little free memory or disk. Reads the base's header and tokenizes the
    answers: call it off the GUI thread."""
    count = len(plan.answers.answers)
    if count < MIN_ANSWERS:
        raise TrainingError(
            ngettext(
                "These teacher answers hold {count} question with an answer; "
                "a run needs at least {least}. Choose a larger set.",
                "These teacher answers hold {count} questions with an answer; "
                "a run needs at least {least}. Choose a larger set.",
                count,
            ).format(count=count, least=MIN_ANSWERS)
        )
    if plan.settings.epochs < 1:
        raise TrainingError(_("A run needs at least one pass over the answers (epochs)."))
    facts = _base_facts(Path(plan.base_path))
    _check_trainable(facts)
    parameters = facts.parameter_count or facts.size_bytes * 2
    memory = parameters * _BYTES_PER_PARAMETER + _WORKING_MEMORY
    free_memory = int(psutil.virtual_memory().available)
    if memory > free_memory:
        raise TrainingError(
            _(
                "Training {model} needs about {needed} of free memory; this computer "
                "has {free} free now. Close other programs, or choose a smaller base."
            ).format(
                model=facts.describe(), needed=_gigabytes(memory), free=_gigabytes(free_memory)
            )
        )
    disk = parameters * 4 + parameters * 9 // 8 + _DISK_MARGIN  # an F32 copy, then the Q8_0 file
    models_dir.mkdir(parents=True, exist_ok=True)
    free_disk = shutil.disk_usage(models_dir).free
    if disk > free_disk:
        raise TrainingError(
            _(
                "Training needs about {needed} of free disk space in {folder} for its working "
                "copies; {free} is free. Free some space and try again."
            ).format(needed=_gigabytes(disk), folder=models_dir, free=_gigabytes(free_disk))
        )
    window = plan.settings.window
    split = split_answers(plan.answers.answers, plan.settings.held_out_share, plan.settings.seed)
    windows = _count_windows(facts.path, split.training, window)
    threads = max(1, os.cpu_count() or 1)
    rate = (
        _MEASURED_TOKENS_PER_SECOND
        * _MEASURED_PARAMETERS
        / parameters
        * min(threads, 8)
        / _MEASURED_THREADS
    )
    tokens = windows * window
    return TrainingEstimate(
        answers=len(split.training),
        held_out=len(split.held_out),
        tokens=tokens,
        steps=windows * plan.settings.epochs,
        memory_bytes=memory,
        disk_bytes=disk,
        seconds=tokens * (plan.settings.epochs + 0.2) / rate + 15,
    )


def _base_facts(path: Path) -> ModelFacts:
    try:
        return inspect_model_file(path)
    except ModelFileError as error:
        raise TrainingError(str(error)) from error


def _check_trainable(facts: ModelFacts) -> None:
    architecture = facts.architecture.lower()
    if architecture in TRAINABLE:
        return
    if architecture.startswith("gemma"):
        message = _(
            "{model} cannot be trained: llama.cpp cannot train Gemma models yet (their GEGLU "
            "layers have no backward pass). Choose a Llama-family base, such as the built-in "
            "SmolLM2 135M."
        )
    else:
        message = _(
            "{model} cannot be trained: llama.cpp has not been checked to train its architecture "
            "('{architecture}') here. Choose a Llama-family base, such as the built-in "
            "SmolLM2 135M."
        )
    raise TrainingError(message.format(model=facts.describe(), architecture=facts.architecture))


def _count_windows(path: Path, answers: tuple, window: int) -> int:  # type: ignore[type-arg]
    import llama_cpp

    from imitation_lens.core.running.local_runner import route_llama_log

    route_llama_log()
    try:
        vocabulary = llama_cpp.Llama(model_path=str(path), vocab_only=True, verbose=True)
    except (ValueError, RuntimeError) as error:
        raise TrainingError(
            _("llama.cpp could not read {name}: {detail}").format(name=path.name, detail=error)
        ) from error
    try:
        return len(answer_windows(vocabulary, answers, window))
    finally:
        vocabulary.close()


def _gigabytes(size: int) -> str:
    return _("{size} GB").format(
        size=number(size / 1e9, 1)
    )  # as the library writes sizes (1 GB = 1,000,000,000 bytes)
