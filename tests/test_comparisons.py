"""The study's comparisons: Wilson intervals, head to head and against the teacher, win rates
adding up, paired differences with McNemar's exact test, topics, and pooled evaluators.

Every expected number is worked out by hand in the comments (or is a published reference
value), not by the code under test.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from imitation_lens.core.analysis.comparisons import head_to_head, teacher_rows
from imitation_lens.core.analysis.estimates import estimates, format_share, share_estimate, wilson
from imitation_lens.core.analysis.evidence import evidence, report_tables
from imitation_lens.core.analysis.metrics import ALL_EVALUATORS, report
from imitation_lens.core.analysis.paired import (
    AUTOMATIC,
    NO_ERROR,
    mcnemar_exact,
    newcombe_paired,
    paired_differences,
)
from imitation_lens.core.analysis.session_report import build_session_report
from imitation_lens.core.analysis.topics import NO_TAG, topic_reports
from imitation_lens.core.exports.formats import format_for
from imitation_lens.core.exports.markdown_doc import markdown_document
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.storage.store import Store
from session_factory import make_session

ROLES = ("Base", "Imitator", "Teacher")


def _item(
    number: int,
    texts: tuple[str, ...],
    preferred: str | None,
    winner: int | None = None,
    *,
    reference: str = "",
    tags: list[str] | None = None,
    marked: tuple[int, ...] = (),
    evaluators: tuple[str, ...] = ("ann",),
) -> dict[str, Any]:
    """An item with one answer per role; `winner` is the preferred slot; `marked` slots carry
    one Minor error mark by every evaluator."""
    responses = [
        {
            "id": f"R{number}-{slot}",
            "role": ROLES[slot],
            "slot_index": slot,
            "status": "done",
            "text": text,
            "marks": [
                {
                    "id": f"M{number}-{slot}-{who}",
                    "start": 0,
                    "end": 1,
                    "category": "invented",
                    "severity": "minor",
                    "phase": 1,
                    "evaluator": who,
                }
                for who in evaluators
                if slot in marked
            ],
            "judgements": [],
        }
        for slot, text in enumerate(texts)
    ]
    verdicts = [
        {
            "id": f"V{number}-{who}",
            "phase": 1,
            "preferred": preferred,
            "preferred_response_id": None if winner is None else f"R{number}-{winner}",
            "evaluator": who,
        }
        for who in evaluators
        if preferred is not None
    ]
    return {
        "id": f"I{number}",
        "position": number,
        "prompt": f"Question {number}",
        "reference": reference,
        "tags": tags or [],
        "progress": [],
        "verdicts": verdicts,
        "responses": responses,
    }


def _document(items: list[dict[str, Any]], evaluator: str = "ann") -> dict[str, Any]:
    return {"evaluator": evaluator, "session": {"title": "Hand-made"}, "items": items}


# -- Wilson intervals ------------------------------------------------------------------------


def test_wilson_matches_the_formula_and_published_values() -> None:
    def bounds(successes: int, count: int) -> list[float]:
        return list(wilson(successes, count) or ())

    # 0/10: low exactly 0, high z²/(n + z²) = 3.8415/13.8415 = 0.27753.
    assert bounds(0, 10) == [0.0, pytest.approx(0.27753, abs=1e-5)]
    # 10/10 mirrors it.
    assert bounds(10, 10) == [pytest.approx(0.72247, abs=1e-5), 1.0]
    # 5/10: the textbook 0.2366–0.7634.
    assert bounds(5, 10) == [pytest.approx(0.23659, abs=1e-5), pytest.approx(0.76341, abs=1e-5)]
    # 1/20 by hand: centre 0.05 + 0.096 = 0.14604, spread 1.96·√(0.002375 + 0.0024010) =
    # 0.13548, scale 1.19207 → 0.00889–0.23616.
    assert bounds(1, 20) == [pytest.approx(0.00889, abs=1e-4), pytest.approx(0.23616, abs=1e-4)]
    assert wilson(0, 0) is None


def test_a_share_at_0_and_100_percent_keeps_an_honest_interval() -> None:
    # Ten items, one answer each: nobody erred (row 0) and everybody erred (row 1).
    numerators = np.array([[0.0] * 10, [1.0] * 10])
    denominators = np.ones((2, 10))
    none, every = estimates(numerators, denominators, shares=True)
    assert format_share(none) == "0% (0–28%)"  # the bootstrap alone said "0% (0–0%)"
    assert format_share(every) == "100% (72–100%)"
    plain = estimates(numerators, denominators)  # not a share: the bootstrap as it is
    assert (plain[0].low, plain[0].high) == (0.0, 0.0)
    assert format_share(share_estimate(3, 10)) == "30% (11–60%)"  # Wilson 3/10: 0.108–0.603


# -- McNemar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first_only", "second_only", "expected"),
    [
        (1, 9, 2 * (1 + 10) / 1024),  # 0.021484375
        (0, 5, 2 / 32),  # 0.0625
        (2, 8, 2 * (1 + 10 + 45) / 1024),  # 0.109375
        (3, 3, 1.0),  # 2·42/64 > 1, capped
        (0, 0, 1.0),
        (0, 20, 2 / 2**20),
    ],
)
def test_mcnemar_exact(first_only: int, second_only: int, expected: float) -> None:
    assert mcnemar_exact(first_only, second_only) == pytest.approx(expected, rel=1e-12)
    assert mcnemar_exact(second_only, first_only) == pytest.approx(expected, rel=1e-12)


def test_newcombe_interval_for_a_paired_difference() -> None:
    # The table 36 both, 12 later only, 2 earlier only, 0 neither (Newcombe's first example), by
    # hand: p1 = .96, Wilson .8654–.9890; p2 = .76, Wilson .6259–.8570; phi = −24/√43776 =
    # −.1147; δ = √(.09460² + 2·.1147·.09460·.09703 + .09703²) = .14307 → low .2 − .1431.
    low, high = newcombe_paired(36, 12, 2, 0) or (0.0, 0.0)
    assert low == pytest.approx(0.0569, abs=1e-4)
    assert high == pytest.approx(0.3404, abs=1e-4)
    # Never disagreeing is no proof of no difference: ±(Wilson 0/10 high) = ±0.2775.
    low, high = newcombe_paired(0, 0, 0, 10) or (0.0, 0.0)
    assert low == pytest.approx(-0.27753, abs=1e-5)
    assert high == pytest.approx(0.27753, abs=1e-5)
    assert newcombe_paired(0, 0, 0, 0) is None


# -- head to head ----------------------------------------------------------------------------

TEXTS = ("a", "b", "c")
# Items 1–4: the teacher preferred; 5: the imitator; 6: tie; 7: all bad; 8: the base.
VERDICTS: list[tuple[str, int | None]] = [
    ("answer", 2),
    ("answer", 2),
    ("answer", 2),
    ("answer", 2),
    ("answer", 1),
    ("tie", None),
    ("all_bad", None),
    ("answer", 0),
]


def _head_to_head_document() -> dict[str, Any]:
    return _document(
        [_item(n + 1, TEXTS, preferred, winner) for n, (preferred, winner) in enumerate(VERDICTS)]
    )


def test_head_to_head_and_as_good_as_the_teacher() -> None:
    results = {(r.first, r.second): r for r in head_to_head([_head_to_head_document()])}
    assert list(results) == [("Base", "Imitator"), ("Base", "Teacher"), ("Imitator", "Teacher")]
    imitator = results["Imitator", "Teacher"]
    # Item 8 (the base won) says nothing about imitator against teacher: left out. Of 7:
    # 1 win (5), 2 ties (6, 7; one of them "all bad"), 4 losses (1–4).
    assert (imitator.comparisons, imitator.wins, imitator.ties, imitator.losses) == (7, 1, 2, 4)
    assert imitator.both_bad == 1
    # "All bad" (one of the two ties) says nothing of which is better: left out of this figure
    # only, so as good or better is 1 win + 1 tie of the 6 verdicts that said something.
    assert imitator.as_good_or_better.value == pytest.approx(2 / 6)
    assert imitator.win.value == pytest.approx(1 / 7)
    assert imitator.loss.value == pytest.approx(4 / 7)
    # Six items: an interval, never narrower than Wilson 2/6.
    low, high = wilson(2, 6) or (0, 0)
    shown = imitator.as_good_or_better
    assert shown.low is not None and shown.high is not None
    assert shown.low <= low and shown.high >= high
    base = results["Base", "Teacher"]
    assert (base.comparisons, base.wins, base.ties, base.losses) == (7, 1, 2, 4)
    between = results["Base", "Imitator"]  # items 1–4 left out: the teacher won them
    assert (between.comparisons, between.wins, between.ties, between.losses) == (4, 1, 2, 1)
    rows = teacher_rows(list(results.values()))
    assert [row["Model"] for row in rows] == ["Base", "Imitator"]
    assert rows[1]["As good as or better than the teacher"].startswith("33% (")


def test_the_teacher_is_always_the_second_of_a_pair() -> None:
    # The teacher in the first slot: still "Base against Teacher", never the reverse.
    document = _head_to_head_document()
    for item in document["items"]:
        for response in item["responses"]:
            response["slot_index"] = {"Teacher": 0, "Base": 1, "Imitator": 2}[response["role"]]
    pairs = [(r.first, r.second) for r in head_to_head([document])]
    assert pairs == [("Base", "Teacher"), ("Imitator", "Teacher"), ("Base", "Imitator")]


def test_win_rates_with_ties_add_up_to_100_percent() -> None:
    slots = report([_head_to_head_document()]).slots
    # Base: 1 (item 8) + 1/3 (tie) + 1/3 (all bad) = 5/3 of 8; Imitator the same; Teacher 4 + 2/3.
    rates = {slot.role: slot.win_rate.value for slot in slots}
    assert rates == {
        "Base": pytest.approx(5 / 24),
        "Imitator": pytest.approx(5 / 24),
        "Teacher": pytest.approx(14 / 24),
    }
    assert sum(value or 0 for value in rates.values()) == pytest.approx(1.0)


# -- paired differences ----------------------------------------------------------------------


def _paired_document() -> dict[str, Any]:
    # Ten questions with reference "Canberra". Base right on 1–7, imitator on 6–8:
    # both right 6, 7; base only 1–5; imitator only 8; both wrong 9, 10.
    items = []
    for n in range(1, 11):
        base = "Canberra" if n <= 7 else "Sydney"
        imitator = "Canberra" if 6 <= n <= 8 else "Sydney"
        # The evaluator marked an error on the base's answers 1–2 and the imitator's 1–6.
        marked = tuple(slot for slot, last in ((0, 2), (1, 6)) if n <= last)
        items.append(
            _item(
                n,
                (base, imitator),
                "tie",
                reference="Canberra",
                marked=marked,
                tags=["geography"] if n <= 4 else (["history"] if n <= 8 else []),
            )
        )
    return _document(items)


def test_paired_difference_with_mcnemar() -> None:
    results = {r.measure: r for r in paired_differences([_paired_document()])}
    check = results[AUTOMATIC]
    assert (check.other, check.model, check.pairs) == ("Base", "Imitator", 10)
    assert check.other_share.value == pytest.approx(0.7)
    assert check.model_share.value == pytest.approx(0.3)
    assert check.difference.value == pytest.approx(-0.4)  # Imitator − Base
    assert (check.model_only, check.other_only) == (1, 5)
    assert check.p_value == pytest.approx(2 * (1 + 6) / 64)  # 0.21875
    assert check.difference.low is not None and check.difference.high is not None
    assert check.difference.low < -0.4 < check.difference.high
    # Never narrower than Newcombe's (2 both, 1 imitator only, 5 base only, 2 neither).
    floor = newcombe_paired(2, 1, 5, 2) or (0.0, 0.0)
    assert check.difference.low <= floor[0] and check.difference.high >= floor[1]
    marks = results[NO_ERROR]
    # No error marked: base clean on 3–10 (8), imitator on 7–10 (4); base only on 3–6.
    assert (marks.other_share.value, marks.model_share.value) == (0.8, 0.4)
    assert (marks.model_only, marks.other_only) == (0, 4)
    assert marks.p_value == pytest.approx(2 / 16)


def test_topics_break_the_figures_down_by_tag() -> None:
    topics = topic_reports([_paired_document()])
    assert list(topics) == ["geography", "history", NO_TAG]
    geography = {slot.role: slot for slot in topics["geography"].slots}
    # Items 1–4: base right on all 4, imitator on none; errors marked: base 1–2, imitator 1–4.
    assert geography["Base"].accuracy.value == 1.0
    assert geography["Imitator"].accuracy.value == 0.0
    assert geography["Base"].with_error.value == 0.5
    assert geography["Imitator"].with_error.value == 1.0
    history = {slot.role: slot for slot in topics["history"].slots}
    assert history["Imitator"].accuracy.value == pytest.approx(3 / 4)  # 6, 7, 8 of 5–8
    assert topic_reports([_head_to_head_document()]) == {}  # no tags: no breakdown


# -- several evaluators ----------------------------------------------------------------------


def test_figures_pooled_over_evaluators_and_per_evaluator() -> None:
    # Ann prefers the teacher on every item; Bob prefers the imitator on every item.
    items = []
    for n in range(1, 7):
        ann = _item(n, TEXTS, "answer", 2, evaluators=("ann",))
        bob = _item(n, TEXTS, "answer", 1, evaluators=("bob",))
        ann["verdicts"] += bob["verdicts"]
        items.append(ann)
    document = _document(items)
    by_ann = {(r.first, r.second): r for r in head_to_head([document])}  # the local evaluator
    by_bob = {(r.first, r.second): r for r in head_to_head([document], {"bob"})}
    pooled = {(r.first, r.second): r for r in head_to_head([document], ALL_EVALUATORS)}
    pair = ("Imitator", "Teacher")
    assert by_ann[pair].as_good_or_better.value == 0.0
    assert by_bob[pair].as_good_or_better.value == 1.0
    assert (pooled[pair].comparisons, pooled[pair].items) == (12, 6)
    assert pooled[pair].as_good_or_better.value == 0.5
    assert report([document], ALL_EVALUATORS).items == 12
    assert report([document], ALL_EVALUATORS).evaluators == ("ann", "bob")

    built = build_session_report(document)
    assert [e.who for e in built.evidence] == ["ann", "All evaluators"]
    titles = [table.title for table in report_tables(built.evidence)]
    assert "Each model against the teacher (ann)" in titles
    assert "Per model (All evaluators)" in titles
    assert "Each model against the teacher (All evaluators)" in titles


def test_markdown_export_shows_the_comparisons() -> None:
    document = _paired_document()
    built = build_session_report(document)
    text = markdown_document(document, built.rows, None, built.comparison_tables())
    assert "### Paired difference on the same questions (ann)" in text
    assert "| Automatic check | Imitator | Base | 10 | 30% (" in text
    assert "| −40 pts (" in text
    assert "| 0.219 |" in text  # McNemar 0.21875
    assert "### By topic (ann)" in text
    json_ready = evidence([document]).as_dict()
    assert json_ready["paired"][0]["p_value"] == pytest.approx(0.21875)


def test_a_generated_session_with_two_evaluators(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 30, answers=3, marks_per_answer=2, evaluators=("", "bo"))
    store.set_setting("evaluator_name", "me")
    document = session_document(store, session_id)
    built = build_session_report(document)
    assert [e.who for e in built.evidence] == ["me", "All evaluators"]
    for result in built.evidence:
        # Every verdict saw all three answers: the win rates share out 100%.
        total = sum(slot.win_rate.value or 0 for slot in result.report.slots)
        assert total == pytest.approx(1.0)
        against = [r for r in result.head_to_head if r.against_teacher]
        assert [r.first for r in against] == ["Base", "Imitator"]
        for r in result.head_to_head:
            assert r.wins + r.ties + r.losses == r.comparisons
        # Differences read "model − other": later minus earlier, the teacher always the other.
        pairs = [(r.model, r.other) for r in result.paired if r.measure == NO_ERROR]
        assert pairs == [("Imitator", "Base"), ("Base", "Teacher"), ("Imitator", "Teacher")]
        for paired in result.paired:
            share = (paired.model_only - paired.other_only) / paired.pairs
            assert paired.difference.value == pytest.approx(share)
    pooled = built.evidence[1]
    mine = built.evidence[0]
    assert pooled.report.items == 2 * mine.report.items


def test_html_report_shows_each_table_on_its_own(tmp_path: Path) -> None:
    store = Store(tmp_path / "db.sqlite3")
    session_id = make_session(store, 12, answers=3, marks_per_answer=1, evaluators=("", "bo"))
    store.set_setting("evaluator_name", "me")
    document = session_document(store, session_id)
    target = format_for(tmp_path / "report.html").write(document, tmp_path / "report.html")

    class Tables(HTMLParser):
        """Each table's heading (the h2 before it) and its column names."""

        def __init__(self) -> None:
            super().__init__()
            self.heading = ""
            self.tables: dict[str, list[str]] = {}
            self.into: str | None = None

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.into = tag if tag in ("h2", "th") else None
            if tag == "table":
                self.tables[self.heading] = []

        def handle_data(self, data: str) -> None:
            if self.into == "h2":
                self.heading = data
            elif self.into == "th":
                self.tables[self.heading].append(data)

        def handle_endtag(self, tag: str) -> None:
            self.into = None

    page = Tables()
    page.feed(target.read_text(encoding="utf-8"))
    summary = page.tables["Summary per model"]
    agreement = page.tables["Agreement between evaluators"]
    assert summary[0] == "Model" and agreement
    assert not set(summary) & set(agreement)  # no longer one wide table, half of it empty
    assert (
        "As good as or better than the teacher"
        in page.tables["Each model against the teacher (me)"]
    )
    assert "Each model against the teacher (All evaluators)" in page.tables
    assert "McNemar exact p" in page.tables["Paired difference on the same questions (me)"]


def test_json_figures_export(tmp_path: Path) -> None:
    document = _paired_document()
    target = tmp_path / "figures.report.json"
    format_for(target).write(document, target)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["format"] == "imitation-lens-report"
    [figures] = written["figures"]  # one evaluator: no pooled copy
    assert figures["evaluators"] == "ann"
    automatic = figures["paired"][0]
    assert (automatic["model"], automatic["other"]) == ("Imitator", "Base")
    assert automatic["difference"]["value"] == pytest.approx(-0.4)
    assert automatic["p_value"] == pytest.approx(0.21875)
    assert [slot["role"] for slot in figures["topics"]["geography"]] == ["Base", "Imitator"]
    assert figures["per_model"][0]["accuracy"]["value"] == pytest.approx(0.7)
    assert "position_bias" in written["beyond"]
