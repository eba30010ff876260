"""What a training run is given, what it reports while it runs, and what it gives back."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

# The smallest set worth training on: fewer answers teach a model nothing but those answers.
MIN_ANSWERS = 8


class TrainingError(Exception):
    """A training run that cannot start or could not finish; the message is for the person at
    the screen, in plain words, and says what to do."""


class TrainingCancelled(Exception):
    """The person stopped the run; nothing it made is left behind."""


@dataclass(frozen=True)
class TeacherAnswer:
    prompt: str
    answer: str


@dataclass(frozen=True)
class TeacherAnswers:
    """Answers to train on, and where they came from (shown in the workshop and kept with the
    model that is made from them)."""

    name: str  # e.g. "Teacher answers written by Claude", "Session “Monday demo”", a file name
    origin: str  # "built in", "session" or "file"
    licence: str  # "" when not known
    answers: tuple[TeacherAnswer, ...]
    teacher: str = ""  # the model that wrote them, when known
    # Pairs read but not kept (no answer, repeated, too long, beyond the most a file gives): said
    # beside the count so a person sees the file was not taken whole.
    dropped: int = 0


@dataclass(frozen=True)
class TrainingSettings:
    epochs: int = 2
    # The peak; it warms up, then falls to a tenth by the end. 1e-4 made the held-out loss of the
    # built-in set rise over two epochs (2.92 → 3.05 → 2.97); 3e-5 lowered it (2.92 → 2.13).
    learning_rate: float = 3e-5
    seed: int = 42
    held_out_share: float = 0.1  # answers kept out of training to measure the held-out loss
    window: int = 256  # tokens per training step (llama.cpp's context while training)


@dataclass(frozen=True)
class TrainingPlan:
    base_path: str  # the GGUF file of the base model
    base_title: str  # as the library shows it
    answers: TeacherAnswers
    settings: TrainingSettings = field(default_factory=TrainingSettings)


@dataclass(frozen=True)
class TrainingEstimate:
    """What a plan will take, said before it starts."""

    answers: int
    held_out: int
    tokens: int  # training tokens in one epoch
    steps: int  # training steps in all (every epoch)
    memory_bytes: int
    disk_bytes: int
    seconds: float  # a rough guess from this machine's cores; the run says time left as it goes


@dataclass(frozen=True)
class TrainingProgress:
    phase: str  # "preparing", "training" or "saving"
    epoch: int  # from 1; 0 while preparing
    epochs: int
    step: int  # training steps done, over every epoch
    steps: int
    train_loss: float | None  # the mean over the current epoch so far
    held_out_loss: float | None  # after the last finished epoch (before training: the base's)
    seconds_left: float | None
    message: str  # plain words, e.g. "Training: epoch 1 of 2, step 5 of 26"


@dataclass(frozen=True)
class TrainedModel:
    """The model a run made: a GGUF file in the models folder, and where it came from.

    provenance keys: base, base_file, base_sha256, data, data_origin, data_licence, teacher,
    answers, held_out, epochs, steps, seed, learning_rate, window, train_loss_first,
    train_loss_last, held_out_loss_before, held_out_loss_after, seconds, made (UTC ISO time),
    app_version, llama_cpp_version. The same facts are written into the file's own metadata
    (keys "imitation_lens.*"), so the file says where it came from wherever it is copied.
    """

    path: str
    title: str  # e.g. "SmolLM2 135M · imitator of “Teacher answers written by Claude”"
    provenance: dict[str, Any]


def plan_to_dict(plan: TrainingPlan) -> dict[str, Any]:
    """The plan as plain data, to hand to the training process."""
    return asdict(plan)


def plan_from_dict(data: dict[str, Any]) -> TrainingPlan:
    answers = dict(data["answers"])
    answers["answers"] = tuple(TeacherAnswer(**pair) for pair in answers["answers"])
    return TrainingPlan(
        base_path=data["base_path"],
        base_title=data["base_title"],
        answers=TeacherAnswers(**answers),
        settings=TrainingSettings(**data["settings"]),
    )
