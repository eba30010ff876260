"""The opening summary of docs/imitation.md: what the study found, from the same figures the
tables below it show, in a few sentences. Written whatever the numbers are: a style that did not
move, or facts that did not change, are said as plainly as a change."""

from __future__ import annotations

from imitation_doc import (
    _STYLE_LINES,
    SetFigures,
    StudyFigures,
    _figure,
    _role,
    accuracy_sentence,
    imitator_against_base,
    style_movement,
)
from imitation_lens.core.analysis.estimates import Estimate


def _share(value: float) -> str:
    return f"{round(100 * value)}%"


def _accuracy_lines(figures: SetFigures) -> list[str]:
    assert figures.accuracy is not None
    base, imitator = figures.accuracy.get("Base"), figures.accuracy.get("Imitator")
    if base is None or imitator is None or base.value is None or imitator.value is None:
        return []
    lines = [
        f"- **Facts** ({figures.name}, {figures.questions} questions, the strict automatic "
        f"check): the base was right on {_share(base.value)}, the imitator on "
        f"{_share(imitator.value)}. {accuracy_sentence(imitator_against_base(figures))}"
    ]
    if imitator.value < base.value and base.count and imitator.count:
        # The check's known weakness (a name in a context sentence taken for the answer) could
        # only make the imitator look worse if it hit the imitator more: bound it.
        best = (
            imitator.value * imitator.count + len(figures.to_read.get("Imitator", []))
        ) / imitator.count
        if best < base.value:
            lines.append(
                "  Even counting as right every imitator answer that names the reference only in "
                f"passing (listed below to be read by hand), it would reach {_share(best)}: still "
                f"below the base's {_share(base.value)}, which is counted strictly."
            )
    return lines


def _moved(figures: SetFigures) -> list[str]:
    base, imitator = _role(figures.style, "Base"), _role(figures.style, "Imitator")
    teacher = _role(figures.style, "Teacher")
    if base is None or imitator is None:
        return []
    moved: list[str] = []
    for label, attribute, share in _STYLE_LINES:
        if attribute.startswith("like_teacher"):
            continue  # said in the table; a similarity of wording is not a manner
        before: Estimate = getattr(base, attribute)
        words = style_movement(
            before,
            getattr(imitator, attribute),
            None if teacher is None else getattr(teacher, attribute),
        )
        if words.startswith(("higher", "lower")):
            teacher_figure = f", teacher {_figure(teacher, attribute, share)}" if teacher else ""
            moved.append(
                f"{label.lower()} {_figure(base, attribute, share)} → "
                f"{_figure(imitator, attribute, share)}{teacher_figure} ({words})"
            )
    if not moved:
        return [f"- **Style** ({figures.name}): no clear change from the base on any figure."]
    return [f"- **Style** ({figures.name}): " + "; ".join(moved) + "."]


def summary_lines(study: StudyFigures) -> list[str]:
    if not study.trained:
        return []
    lines = ["## What it shows", ""]
    factual = next((f for f in study.sets if f.accuracy is not None), None)
    if factual is not None:
        lines += _accuracy_lines(factual)
    for figures in study.sets:
        lines += _moved(figures)
    lines += [
        "",
        "None of the teacher answers it was trained on asks or states a fact the factual probes "
        "check (tests/test_teacher_answers.py holds that), so nothing here is the imitator "
        "remembering the test. One small base (135M parameters), one seed, one run: the "
        "intervals say how far these questions carry it, not how far other models would go.",
        "",
    ]
    return lines
