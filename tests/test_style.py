"""Style features of every answer, judged or not, and what the session report carries beyond
the study (plain data and Markdown tables)."""

from __future__ import annotations

import ast
import json
import math
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis import session_report
from imitation_lens.core.analysis.session_report import build_session_report
from imitation_lens.core.analysis.style import (
    char_profile,
    cosine,
    style,
    style_rows,
    teacher_role,
    word_profile,
)
from imitation_lens.core.exports.markdown_doc import markdown_document
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session

ANALYSIS = Path(session_report.__file__).parent


def test_word_and_character_profiles_by_hand() -> None:
    assert word_profile("The cat sat. The cat!") == {
        "the": 2,
        "cat": 2,
        "sat": 1,
        "the cat": 2,
        "cat sat": 1,
        "sat the": 1,
    }
    assert word_profile("It’s Hadrian's") == {"it's": 1, "hadrian's": 1, "it's hadrian's": 1}
    assert char_profile("Ab  cd") == {"ab ": 1, "b c": 1, " cd": 1}
    # {the, cat, sat, the cat, cat sat} against {the, cat, ran, the cat, cat ran}: 3 / 5.
    assert cosine(word_profile("the cat sat"), word_profile("the cat ran")) == pytest.approx(0.6)
    assert cosine(char_profile("abcd"), char_profile("abce")) == pytest.approx(0.5)
    assert cosine(word_profile("same words"), word_profile("Same words")) == pytest.approx(1.0)
    assert cosine(word_profile(""), word_profile("x")) == 0.0


def test_the_teacher_is_found_by_its_role() -> None:
    assert teacher_role(["Base", "Imitator", "Teacher"]) == "Teacher"
    assert teacher_role(["Base", "GPT teacher (recorded)"]) == "GPT teacher (recorded)"
    assert teacher_role(["Base", "Imitator"]) is None


def _document(judged: bool) -> dict[str, Any]:
    """Five items × Base, Imitator, Teacher; nobody judged any of them unless `judged`."""
    texts = {
        "Base": "Canberra.",
        "Imitator": "- It is probably Canberra.\n- Maybe Sydney.",
        "Teacher": "It is Canberra.",
    }
    items = []
    for n in range(1, 6):
        responses = [
            {"id": f"R{n}-{slot}", "slot_index": slot, "role": role, "status": "done"}
            | {"text": texts[role] if n < 5 or role != "Base" else "The capital is Canberra."}
            for slot, role in enumerate(texts)
        ]
        verdicts = (
            [{"id": f"V{n}", "phase": 1, "preferred": "answer", "preferred_response_id": f"R{n}-1"}]
            if judged
            else []
        )
        items.append({"id": f"I{n}", "position": n, "responses": responses, "verdicts": verdicts})
    return {"evaluator": "", "session": {"blind": 0}, "items": items}


def test_style_by_hand_over_unjudged_answers() -> None:
    result = style([_document(judged=False)])
    assert (result.teacher, result.items) == ("Teacher", 5)
    base, imitator, teacher = result.models
    assert (base.answers, imitator.answers, teacher.answers) == (5, 5, 5)
    # Base: "Canberra." four times (1 word) and "The capital is Canberra." (4 words).
    assert base.mean_words.value == pytest.approx(8 / 5)
    assert base.list_share.value == 0 and base.hedged_share.value == 0
    assert base.confident_share.value == 1
    # Wilson keeps the intervals honest at 0% and 100%.
    assert (base.list_share.high or 0) > 0.4 and (base.confident_share.low or 1) < 0.6
    assert imitator.list_share.value == 1 and imitator.hedged_share.value == 1
    assert imitator.mean_words.value == 6  # "It is probably Canberra." + "Maybe Sydney."
    # "canberra" against {it, is, canberra, it is, is canberra}: 1 / sqrt(5); the fifth Base
    # answer {the, capital, is, canberra, the capital, capital is, is canberra} shares
    # is, canberra, is canberra: 3 / sqrt(7 * 5).
    expected = (4 / math.sqrt(5) + 3 / math.sqrt(35)) / 5
    assert base.like_teacher_words.value == pytest.approx(expected)
    assert teacher.like_teacher_words.value is None and teacher.like_teacher_chars.value is None
    row = style_rows(result)[0]
    assert row["Words per answer"].startswith("2 (")
    assert row["Wording like the Teacher's (words, 0–1)"].startswith(
        "0.46 ("
    )  # (1.789 + 0.507) / 5


def test_style_does_not_depend_on_verdicts() -> None:
    # Descriptive only: judging the answers (here, always choosing the Imitator) changes nothing.
    assert style([_document(judged=True)]) == style([_document(judged=False)])


def test_nothing_that_credits_a_model_reads_the_style_module() -> None:
    readers = []
    for path in ANALYSIS.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.ImportFrom)
                and node.module == "imitation_lens.core.analysis.style"
            ):
                readers.append(path.name)
    # Both only show style in columns of its own, beside the figures, never inside one.
    assert sorted(readers) == ["session_report.py", "study.py"]


@pytest.fixture(scope="module")
def unattended(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A batch nobody judged: no evaluator, so no marks, judgements or verdicts."""
    store = Store(tmp_path_factory.mktemp("style") / "db.sqlite3")
    session_id = make_session(store, 20, answers=3, marks_per_answer=0, seed=7, evaluators=())
    document = session_document(store, session_id)
    store.close()
    return document


def test_an_unattended_batch_has_its_style(unattended: dict[str, Any]) -> None:
    built = build_session_report(unattended)
    assert built.report.items == 0  # nothing judged: the evaluators' figures are empty
    looks = built.beyond["style"]
    assert looks["teacher"] == "Teacher" and looks["items"] == 20
    for model in looks["models"]:
        assert model["answers"] == 20
        assert model["mean_words"]["value"] > 50
        assert model["mean_words"]["low"] <= model["mean_words"]["value"]
        assert model["mean_words"]["value"] <= model["mean_words"]["high"]
    assert [m["role"] for m in looks["models"] if m["like_teacher_words"]["value"] is None] == [
        "Teacher"
    ]


def test_the_session_report_carries_the_figures_beyond_the_study(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 30, answers=3, marks_per_answer=2, seed=1, blind=True)
    document = session_document(store, session_id)
    store.close()
    built = build_session_report(document)
    json.dumps(built.beyond)  # plain data
    assert set(built.beyond) == {
        "exclude_revealing",
        "revealing",
        "phases",
        "position_bias",
        "style",
    }
    told = built.beyond["revealing"]
    assert told["verdicts_involving_them"] > 0 and told["items"]
    flagged = sorted({n for found in told["items_by_model"].values() for n in found})
    assert flagged == told["items"]
    assert built.beyond["phases"]["items"] == 9
    left_out = build_session_report(document, exclude_revealing=True)
    assert left_out.beyond["exclude_revealing"] is True
    assert left_out.beyond["position_bias"]["excluded_revealing"] > 0
    # The evaluators' figures are computed without those verdicts too.
    assert left_out.report.verdicts < built.report.verdicts
    assert left_out.beyond["revealing"] == told  # still says how many there were
    text = markdown_document(document, built.rows, built.beyond_tables)
    assert "## Beyond the study" in text
    for title, _ in built.beyond_tables:
        assert f"### {title}" in text
    assert "| Model | Verdicts in both phases |" in text
    assert f"({told['verdicts_involving_them']} of {told['verdicts']} verdicts" in text
