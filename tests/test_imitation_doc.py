"""docs/imitation.md is written from the app's figures, says a null or negative result as such,
and never credits style (bench/imitation_doc.py, the pure part of bench/imitation_study.py)."""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from imitation_lens.core.analysis.estimates import Estimate
from imitation_lens.core.analysis.paired import AUTOMATIC, PairedDifference
from imitation_lens.core.analysis.style import ModelStyle, Style
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session
from test_teacher_pack import BENCH, study_module

doc = study_module()


def figure(value: float, low: float, high: float, count: int = 181) -> Estimate:
    return Estimate(value, low, high, count, count)


def model(role: str, lists: float, words: float, like: float | None) -> ModelStyle:
    share = figure(lists, max(0.0, lists - 0.05), min(1.0, lists + 0.05))
    none = Estimate(None)
    return ModelStyle(
        role=role,
        answers=181,
        list_share=share,
        mean_words=figure(words, words - 3, words + 3),
        hedged_share=figure(0.2, 0.15, 0.25),
        confident_share=figure(0.8, 0.75, 0.85),
        like_teacher_words=none if like is None else figure(like, like - 0.02, like + 0.02),
        like_teacher_chars=none if like is None else figure(like, like - 0.02, like + 0.02),
    )


def paired(value: float, low: float, high: float, model_only: int, other_only: int) -> Any:
    return PairedDifference(
        measure=AUTOMATIC,
        other="Base",
        model="Imitator",
        pairs=181,
        other_share=figure(0.35, 0.28, 0.42),
        model_share=figure(0.35 + value, 0.28 + value, 0.42 + value),
        difference=figure(value, low, high),
        model_only=model_only,
        other_only=other_only,
        p_value=0.04,
    )


def study(difference: Any, *, trained: bool = True, imitator: str = "imitator.gguf") -> Any:
    styled = Style(
        "Teacher",
        181,
        (
            model("Base", 0.05, 40, 0.30),
            model("Imitator", 0.40, 90, 0.55),
            model("Teacher", 0.60, 30, None),
        ),
    )
    factual = doc.SetFigures(
        name="Factual probes",
        questions=181,
        minutes=3.2,
        style=styled,
        openings={"Base": [("the capital of", 12)], "Imitator": [("certainly here is", 40)]},
        accuracy={
            "Base": figure(0.35, 0.28, 0.42),
            "Imitator": figure(0.2, 0.14, 0.26),
            "Teacher": figure(0.99, 0.97, 1.0),
        },
        paired=(difference,),
        failed={"Base": 0, "Imitator": 2},
        to_read={"Base": [], "Imitator": [("Who painted it?", "answers Paris; Monet in passing")]},
    )
    open_ended = replace(factual, name="Open-ended instructions", accuracy=None, paired=())
    provenance = {
        "base": "SmolLM2 135M Instruct",
        "base_file": "SmolLM2-135M-Instruct.Q4_1.gguf",
        "data": "Teacher answers written by Claude",
        "answers": 137,
        "held_out": 15,
        "epochs": 2,
        "steps": 52,
        "seed": 42,
        "train_loss_first": 2.413,
        "train_loss_last": 0.871,
        "held_out_loss_before": 2.5,
        "held_out_loss_after": 1.25,
        "seconds": 1500.0,
    }
    return doc.StudyFigures(
        trained=trained,
        base="SmolLM2-135M-Instruct.Q4_1.gguf",
        imitator=imitator,
        provenance=provenance if trained else {},
        machine={"cores": 2, "memory": "24 GiB"},
        settings={"teacher": doc.TEACHER_MODEL, "temperature": 0.0, "max_tokens": 320},
        sets=(factual, open_ended),
        command="python bench/imitation_study.py",
    )


def test_openings_are_the_first_words_without_markdown_or_case() -> None:
    assert doc.opening("**Sure!** Here are *five* tips:") == "sure here are"
    assert doc.opening("   ") == ""
    found = doc.common_openings(
        {"Imitator": ["Certainly! Here is a list", "certainly, here is more", "No."]}
    )
    assert found["Imitator"] == [("certainly here is", 2), ("no", 1)]


def test_a_style_change_is_only_called_clear_when_the_intervals_are_apart() -> None:
    base, near, far = figure(0.1, 0.05, 0.15), figure(0.14, 0.09, 0.19), figure(0.5, 0.4, 0.6)
    teacher = figure(0.6, 0.5, 0.7)
    assert doc.style_movement(base, near, teacher).startswith("no clear change")
    assert doc.style_movement(base, far, teacher) == "higher than the base, toward the teacher"
    assert doc.style_movement(far, base, teacher) == "lower than the base, away from the teacher"


def test_a_negative_a_null_and_a_positive_accuracy_result_are_each_said_as_such() -> None:
    fewer = doc.accuracy_sentence(paired(-0.15, -0.22, -0.08, 3, 30))
    assert fewer.startswith("The imitator got fewer factual questions right than its base")
    assert "−15 pts (−22 to −8)" in fewer and "alone right on 3" in fewer
    null = doc.accuracy_sentence(paired(0.01, -0.04, 0.06, 8, 6))
    assert null.startswith("No difference in factual accuracy") and "includes zero" in null
    more = doc.accuracy_sentence(paired(0.1, 0.04, 0.16, 20, 2))
    assert more.startswith("The imitator got more factual questions right")


def test_the_document_gives_provenance_figures_with_intervals_and_never_credits_style() -> None:
    text = doc.imitation_markdown(study(paired(-0.15, -0.22, -0.08, 3, 30)))
    for fact in ("137 / 15", "2, 52", "2.413 → 0.871", "2.500 → 1.250", "25.0 min"):
        assert fact in text
    assert "| Imitator | 20% (14–26%) | 181 |" in text
    assert "| Answers with lists | 5% (0–10%) | 40% (35–45%) | 60% (55–65%) |" in text
    assert "higher than the base, toward the teacher" in text
    assert "“certainly here is” (40)" in text
    assert "Answers that failed (counted nowhere): Imitator 2." in text
    assert "| Imitator | 1 | Who painted it? (answers Paris; Monet in passing) |" in text
    assert "They stay wrong in every figure above" in text
    assert "fewer factual questions right" in text
    assert "Pipeline check" not in text
    # Style is described, never credited: no word of merit anywhere in the document.
    assert not re.search(r"\b(better|improv\w*|worse|superior|higher quality)\b", text, re.I)


def test_the_base_against_itself_is_labelled_a_pipeline_check_not_the_study() -> None:
    base = "SmolLM2-135M-Instruct.Q4_1.gguf"
    text = doc.imitation_markdown(
        study(paired(0.0, -0.02, 0.02, 0, 0), trained=False, imitator=base)
    )
    assert "Pipeline check, not the study" in text
    assert "it is not the study's result" in text
    assert "No difference in factual accuracy" in text


def study_script() -> Any:
    """bench/imitation_study.py itself (it finds imitation_doc by name: loaded above)."""
    spec = importlib.util.spec_from_file_location("imitation_study", BENCH / "imitation_study.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_document_is_written_from_saved_sessions_through_the_apps_analysis(
    tmp_path: Path,
) -> None:
    script = study_script()
    store = Store(tmp_path / "data.sqlite")
    try:
        documents = [session_document(store, make_session(store, 15, seed=s)) for s in (1, 2)]
    finally:
        store.close()
    for name, document in zip(doc.SETS, documents, strict=True):
        (tmp_path / f"{name}.session.json").write_text(json.dumps(document, default=str))
    run = {
        "base": "base.gguf",
        "imitator": "imitator.gguf",
        "provenance": {"epochs": 2, "steps": 30, "train_loss_first": 2.0, "seconds": 600},
        "minutes": {"factual-probes": 2.5, "open-ended": 1.5},
        "machine": {"cores": 2},
        "command": "python bench/imitation_study.py",
        "limit": None,
    }
    (tmp_path / "run.json").write_text(json.dumps(run))
    written = script.write_doc(tmp_path, tmp_path / "imitation.md")
    text = (tmp_path / "imitation.md").read_text("utf-8")
    factual = written.sets[0]
    # The session's items with a reference are checked; the accuracy table has every column.
    assert factual.accuracy is not None and set(factual.accuracy) == {"Base", "Imitator", "Teacher"}
    assert factual.accuracy["Base"].count == sum(1 for i in documents[0]["items"] if i["reference"])
    assert any(d.model == "Imitator" and d.other == "Base" for d in factual.paired)
    assert "Imitator − base:" in text and "| Words per answer |" in text
    assert "| Training time | 10.0 min |" in text
    assert json.loads((tmp_path / "figures.json").read_text())["trained"] is True


def test_the_summary_says_what_moved_bounds_the_checks_weakness_and_credits_nothing() -> None:
    summary_lines = importlib.import_module("imitation_summary").summary_lines
    lines = summary_lines(study(paired(-0.15, -0.22, -0.08, 3, 30)))
    text = "\n".join(lines)
    assert lines[0] == "## What it shows"
    assert "the base was right on 35%, the imitator on 20%" in text
    assert "fewer factual questions right" in text
    # One answer naming the reference in passing, counted right: 21%, still below 35%.
    assert "it would reach 21%: still below the base's 35%" in text
    assert "answers with lists 5% (0–10%) → 40% (35–45%), teacher 60% (55–65%)" in text
    assert "toward the teacher" in text
    assert not re.search(r"\b(better|improv\w*|worse|superior|higher quality)\b", text, re.I)
    same = summary_lines(study(paired(0.0, -0.05, 0.05, 5, 5)))
    assert "No difference in factual accuracy" in "\n".join(same)
    assert summary_lines(study(paired(0.0, -0.05, 0.05, 5, 5), trained=False)) == []
