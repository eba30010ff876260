"""Refuses a training plan that cannot work, before anything starts, in plain words.

(Contract only: the lead is writing the body.)
"""

from __future__ import annotations

from pathlib import Path

from imitation_lens.core.training.plan import TrainingEstimate, TrainingPlan


def check_plan(plan: TrainingPlan, models_dir: Path) -> TrainingEstimate:
    """What the plan will take; raises TrainingError when it cannot work: too few teacher
    answers (plan.MIN_ANSWERS), a base whose architecture llama.cpp cannot train (Gemma 3, for
    one: its GEGLU has no backward pass), too little free memory or disk. Reads the base's
    header and tokenizes the answers: call it off the GUI thread."""
    raise NotImplementedError
