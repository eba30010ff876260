"""JSONL, CSV and Markdown exports: lossless where they should be, inert where they must be."""

from __future__ import annotations

import csv
import itertools
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from imitation_lens.core.analysis import evaluator_view
from imitation_lens.core.analysis.text_style import word_count
from imitation_lens.core.exports import csv_tables, jsonl, markdown_doc
from imitation_lens.core.exports.session_json import EVALUATOR_SETTING, session_document
from imitation_lens.core.exports.shown_answer import shown_answer, split_at_marks
from imitation_lens.core.judging import annotations as notes
from imitation_lens.core.judging.annotations import Judgement, Mark, Verdict
from imitation_lens.core.running.events import Status
from imitation_lens.core.storage.store import Store

ROLES = ("Base", "Imitator", "Teacher")
CAPITAL = "Sydney 🇦🇺 is\r\nthe capital."
HOSTILE_MD = (
    "See [link](javascript:alert(1)) and ![img](x) <script>alert(1)</script> **loud** "
    "`code` https://evil.example www.evil.example a@b.example $x$ &amp; | pipe\n"
    "# not a heading\n- not a list\n1. not a list either\n    not code\n==="
)


def build_document(tmp_path: Path, texts: dict[str, str] | None = None) -> dict[str, Any]:
    """Two items through the real store: one revised after a reference reveal, one plain.

    Item 1 (reference "Canberra"): a phase-1 mark on the Base answer, copied into phase 2 on the
    verdict, where the copy is deleted and a new mark made; phase-2 verdict prefers the Teacher.
    Item 2: marks on Base and Imitator (one Minor, one Major), the Imitator judged wrong as a
    whole, the Teacher checked clean; a tie.
    """
    texts = texts or {}
    store = Store(tmp_path / "db.sqlite3")
    store.set_setting(EVALUATOR_SETTING, "ann")
    store.create_session("Capitals", [], session_id="S")
    for item_id, prompt, reference in (
        ("I1", "=What is the capital of Australia?", "Canberra"),
        ("I2", "@Who wrote Hamlet?", ""),
    ):
        store.add_item(
            "S",
            item_id,
            prompt,
            [
                {"id": f"{item_id}-{role}", "slot_index": i, "role": role, "kind": "local"}
                for i, role in enumerate(ROLES)
            ],
            reference=reference,
            reference_source="an atlas" if reference else "",
            shown_order=[2, 0, 1],
        )
    answers = {
        "I1-Base": CAPITAL,
        "I1-Imitator": "Canberra, of course.",
        "I1-Teacher": "Canberra.",
        "I2-Base": "Hamlet was written by Marlowe in 1700.",
        "I2-Imitator": "- Shakespeare\n- in 1601",
        "I2-Teacher": "William Shakespeare.",
    } | texts
    for response_id, text in answers.items():
        facts = {"model_name": "+evil model" if response_id.endswith("Base") else "gemma"}
        store.finish_response(response_id, Status.DONE, text, "", facts)

    notes.insert_mark(store, Mark("A", "I1-Base", 0, 6, "Sydney", "wrong_detail", "major"))
    notes.submit_verdict(store, Verdict("I1", 1, "answer", "I1-Imitator", 3, "", [2, 0, 1]))
    [copied] = notes.marks_for(store, "I1-Base", 2)
    notes.delete_mark(store, copied.id)
    notes.insert_mark(
        store,
        Mark(
            "B",
            "I1-Base",
            0,
            9,
            "Sydney 🇦🇺",
            "wrong_detail",
            "major",
            note="-2 points",
            correction="=Canberra",
            phase=2,
        ),
    )
    notes.submit_verdict(store, Verdict("I1", 2, "answer", "I1-Teacher", 1, "+ref", [2, 0, 1]))

    for mark_id, response_id, quote, category, severity in (
        ("C", "I2-Base", "Marlowe", "wrong_claim", "major"),
        ("D", "I2-Base", "1700", "wrong_detail", "minor"),
        ("E", "I2-Imitator", "1601", "overclaim", "minor"),
    ):
        at = answers[response_id].find(quote)
        if at >= 0:
            mark = Mark(mark_id, response_id, at, at + len(quote), quote, category, severity)
            notes.insert_mark(store, mark)
    notes.save_judgement(store, "I2", Judgement("I2-Imitator", 1, critical=True))
    notes.save_judgement(store, "I2", Judgement("I2-Teacher", 1, checked_clean=True))
    notes.submit_verdict(store, Verdict("I2", 1, "tie", None, None, "@both", [2, 0, 1]))
    document = session_document(store, "S")
    store.close()
    return document


@pytest.fixture
def document(tmp_path: Path) -> dict[str, Any]:
    return build_document(tmp_path)


def _all_marks(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [m for item in document["items"] for r in item["responses"] for m in r["marks"]]


def _read_csv(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as stream:
        return list(csv.reader(stream))


# -- JSONL ------------------------------------------------------------------------------------


def test_jsonl_has_a_header_then_one_complete_item_per_line(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = jsonl.write_jsonl(document, tmp_path / "out" / "session.jsonl")
    lines = target.read_text("utf-8").split("\n")
    assert lines[-1] == ""  # every record ends its line
    records = [json.loads(line) for line in lines[:-1]]
    header, items = records[0], records[1:]
    assert header["type"] == "session" and header["item_count"] == 2
    assert header["session"] == document["session"]
    assert header["format_version"] == document["format_version"]
    assert [r["type"] for r in items] == ["item", "item"]
    assert [r["item"] for r in items] == document["items"]
    assert jsonl.read_jsonl(target) == document
    assert not list(tmp_path.glob("out/.*partial"))


def test_jsonl_keeps_awkward_text_exactly_and_on_one_line(tmp_path: Path) -> None:
    awkward = "line\u2028separator\u2029para\x85next\r\nwindows\x00nul \ud83d lone"
    document = build_document(tmp_path)
    # SQLite refuses a lone surrogate, but a colleague's JSON file can carry one ("\ud83d").
    document["items"][1]["responses"][2]["text"] = awkward
    target = jsonl.write_jsonl(document, tmp_path / "awkward.jsonl")
    raw = target.read_bytes()
    text = raw.decode("utf-8")  # a lone surrogate written raw would not even encode
    assert "\u2028" not in text and "\u2029" not in text and "\x85" not in text
    assert len(text.splitlines()) == 3  # splitlines() breaks on U+2028 and friends too
    back = jsonl.read_jsonl(target)
    assert back["items"][1]["responses"][2]["text"] == awkward
    assert back == document


def test_a_failed_export_leaves_the_previous_file_alone(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = jsonl.write_jsonl(document, tmp_path / "session.jsonl")
    before = target.read_bytes()
    broken = document | {"items": [*document["items"], {"not json": object()}]}
    with pytest.raises(TypeError):
        jsonl.write_jsonl(broken, target)
    assert target.read_bytes() == before
    assert not list(tmp_path.glob(".*partial"))


# -- CSV --------------------------------------------------------------------------------------


def test_marks_csv_has_one_row_per_mark_with_its_history(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = csv_tables.write_csv_marks(document, tmp_path / "marks.csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    header, *rows = _read_csv(target)
    assert tuple(header) == csv_tables.MARK_COLUMNS
    assert len(rows) == len(_all_marks(document)) == 6  # A, its deleted copy, B, C, D, E
    assert all(len(row) == len(header) for row in rows)
    by_id = {row[header.index("mark_id")]: dict(zip(header, row, strict=True)) for row in rows}
    assert {k for k, v in by_id.items() if v["counted"] == "yes"} == {"B", "C", "D", "E"}
    first = by_id["A"]
    assert (first["phase"], first["counted"], first["deleted_at"]) == ("1", "no", "")
    copied = next(v for k, v in by_id.items() if k not in "ABCDE")
    assert copied["deleted_at"] and copied["counted"] == "no"
    b = by_id["B"]
    assert (b["quote"], b["category_label"], b["severity"], b["evaluator"]) == (
        "Sydney 🇦🇺",
        "Wrong detail",
        "major",
        "ann",
    )
    assert (b["start"], b["end"], b["item"], b["role"]) == ("0", "9", "1", "Base")


def test_cells_that_look_like_formulas_are_made_text(
    document: dict[str, Any], tmp_path: Path
) -> None:
    header, *rows = _read_csv(csv_tables.write_csv_marks(document, tmp_path / "marks.csv"))
    b = next(dict(zip(header, row, strict=True)) for row in rows if row[8] == "B")
    assert b["note"] == "'-2 points"
    assert b["correction"] == "'=Canberra"
    assert b["prompt"] == "'=What is the capital of Australia?"
    assert b["model"] == "'+evil model"
    for path in (
        tmp_path / "marks.csv",
        csv_tables.write_csv_answers(document, tmp_path / "a.csv"),
    ):
        for row in _read_csv(path):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    assert [csv_tables.spreadsheet_safe(v) for v in ("\tx", "\rx", "@x", "a=b", -3, None)] == [
        "'\tx",
        "'\rx",
        "'@x",
        "a=b",
        -3,
        "",
    ]


def test_answers_csv_has_one_row_per_answer_with_final_counts(
    document: dict[str, Any], tmp_path: Path
) -> None:
    target = csv_tables.write_csv_answers(document, tmp_path / "answers.csv")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    header, *rows = _read_csv(target)
    assert tuple(header) == csv_tables.ANSWER_COLUMNS
    assert len(rows) == sum(len(item["responses"]) for item in document["items"]) == 6
    table = {(r[3], r[7]): dict(zip(header, r, strict=True)) for r in rows}
    base1 = table[("1", "Base")]
    # Phase 2 counts: the deleted copy is gone, B (Major) remains.
    assert (base1["phase"], base1["marks"], base1["major_marks"], base1["weighted_score"]) == (
        "2",
        "1",
        "1",
        "5",
    )
    assert base1["words"] == "4"  # the flag is not a word
    assert [table[("1", role)]["preferred"] for role in ROLES] == ["no", "no", "yes"]
    assert [table[("2", role)]["preferred"] for role in ROLES] == ["tie", "tie", "tie"]
    base2, imitator2, teacher2 = (table[("2", role)] for role in ROLES)
    assert (base2["marks"], base2["major_marks"], base2["weighted_score"]) == ("2", "1", "6")
    assert (imitator2["critical"], imitator2["weighted_score"], imitator2["words"]) == (
        "yes",
        "26",
        "3",
    )
    assert (teacher2["checked_clean"], teacher2["off_topic"]) == ("yes", "no")
    assert base2["model"] == "'+evil model" and teacher2["model"] == "gemma"


def test_answers_csv_gives_the_strict_verdict_its_reason_and_the_old_lenient_match(
    tmp_path: Path,
) -> None:
    document = build_document(tmp_path, {"I1-Base": "Either Sydney or Canberra."})
    table = {(row["item"], row["role"]): row for row in csv_tables.answer_rows(document)}
    base, imitator = table[(1, "Base")], table[(1, "Imitator")]
    # The hedge is refused by the check, and the old rule's column shows it would have passed.
    assert (base["automatic_check"], base["lenient_match_old_rule"]) == ("hedged", "yes")
    assert "Sydney" in base["automatic_check_reason"]
    assert (imitator["automatic_check"], imitator["lenient_match_old_rule"]) == ("correct", "yes")
    no_reference = table[(2, "Base")]
    assert [no_reference[c] for c in ("automatic_check", "lenient_match_old_rule")] == ["", ""]


# -- Markdown ---------------------------------------------------------------------------------


def _unescaped(markdown: str) -> str:
    """The text with every backslash escape removed: what is left is live Markdown."""
    return re.sub(r"\\[!-/:-@\[-`{-~]", "", markdown)


def test_markdown_makes_model_output_inert(tmp_path: Path) -> None:
    document = build_document(tmp_path, {"I2-Teacher": HOSTILE_MD})
    target = markdown_doc.write_markdown(document, tmp_path / "report.md")
    text = target.read_text("utf-8")
    start = text.index("### Teacher", text.index("## Question 2"))
    answer = text[start : text.index("**Verdict:**", start)]
    quoted = [line for line in answer.splitlines() if line.startswith(">")]
    assert len(quoted) == HOSTILE_MD.count("\n") + 1  # every line of the answer kept
    live = _unescaped("\n".join(line[2:] for line in quoted))
    for construct in ("[", "]", "<", ">", "`", "*", "_", "$", "&", "|", "@", "://", "www."):
        assert construct not in live, construct
    body = "\n".join(quoted)
    assert r"\[link\](javascript:alert(1))" in body
    assert r"\!\[img\](x)" in body
    assert r"\<script\>alert(1)\</script\>" in body
    assert r"\*\*loud\*\*" in body
    # Line starts that would build blocks are escaped; the indent can't start a code block.
    assert "> \\# not a heading\\\n" in body
    assert "> \\- not a list\\\n" in body
    assert "> 1\\. not a list either\\\n" in body
    assert "> \u00a0\u00a0\u00a0\u00a0not code\\\n" in body
    assert body.endswith(r"> \=\=\=")


def test_markdown_shows_marks_in_bold_with_their_list_and_the_verdict(
    document: dict[str, Any], tmp_path: Path
) -> None:
    text = markdown_doc.write_markdown(
        document, tmp_path / "report.md", summary_rows=[{"Model": "Base|x", "Errors": "=1"}]
    ).read_text("utf-8")
    assert text.startswith("# Capitals\n")
    assert "| Model | Errors |" in text and r"| Base\|x | \=1 |" in text
    # Only the final phase's mark, across the \r\n the answer had: bold ends before the break.
    assert "> **Sydney 🇦🇺**\\[1\\] is\\\n> the capital." in text
    assert (
        "- 1\\. **Wrong detail**, Major: “Sydney 🇦🇺” — -2 points — should be: \\=Canberra" in text
    )
    assert "> Hamlet was written by **Marlowe**\\[1\\] in **1700**\\[2\\]." in text
    assert "**Verdict:** Preferred: Teacher · gemma." in text
    assert "**Verdict:** A tie. Why: @both".replace("@", "\\@") in text
    assert "*Wrong as a whole*" in text and "*Checked: no errors*" in text


def test_overlapping_marks_split_into_pieces_that_never_overlap() -> None:
    segments = split_at_marks("abcdefgh", [(1, 1, 5), (2, 3, 7), (3, 4, 5)])
    assert [(s.text, s.marks, s.ending) for s in segments] == [
        ("a", (), ()),
        ("bc", (1,), ()),
        ("d", (1, 2), ()),
        ("e", (1, 2, 3), (1, 3)),
        ("fg", (2,), (2,)),
        ("h", (), ()),
    ]


def test_a_mark_whose_offsets_drifted_is_found_by_its_quote() -> None:
    response = {
        "id": "R",
        "text": "a\r\nbc Sydney",
        "marks": [
            {"id": "M", "start": 0, "end": 6, "quote": "Sydney", "phase": 1},
            {"id": "N", "start": 50, "end": 60, "quote": "gone", "phase": 1},
        ],
    }
    view = shown_answer(response, "me", 1)
    assert view.text == "a\nbc Sydney"
    assert [(s.text, s.marks) for s in view.segments] == [("a\nbc ", ()), ("Sydney", (1,))]
    assert [m.placed for m in view.marks] == [True, False]


def test_line_breaks_become_one_kind_and_marks_stay_on_their_characters() -> None:
    raw = "a\r\nb\r\r\nc"
    quotes = {(0, 3): "a\r\n", (2, 5): "\nb\r", (4, 7): "\r\r\n", (1, 2): "\r"}
    response = {
        "text": raw,
        "marks": [
            {"id": str(i), "start": s, "end": e, "quote": q, "phase": 1}
            for i, ((s, e), q) in enumerate(quotes.items())
        ],
    }
    view = shown_answer(response, "me", 1)
    assert view.text == "a\nb\n\nc"
    marked: dict[int, str] = {}
    for segment in view.segments:
        for number in segment.marks:
            marked[number] = marked.get(number, "") + segment.text
    # In text order: (0,3), (1,2), (2,5), (4,7). Half of a "\r\n" pair covers nothing.
    assert marked == {1: "a\n", 3: "\nb\n", 4: "\n\n"}
    assert [m.placed for m in view.marks] == [True, True, True, True]


def _split_reference(
    text: str, spans: list[tuple[int, int, int]]
) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    """split_at_marks as plainly as it can be written: every mark checked at every cut."""
    cuts = sorted({0, len(text)} | {s for _, s, _ in spans} | {e for _, _, e in spans})
    return [
        (
            text[start:end],
            tuple(n for n, s, e in spans if s <= start and e >= end),
            tuple(n for n, _, e in spans if e == end),
        )
        for start, end in itertools.pairwise(cuts)
    ]


def test_splitting_agrees_with_the_plain_definition_for_any_marks() -> None:
    rng = random.Random(20)
    for _ in range(3000):
        text = "abcdefghijklmnop"[: rng.randint(0, 16)]
        points = sorted(rng.randint(-1, len(text) + 1) for _ in range(2 * rng.randint(0, 5)))
        # Apart and in order (the quick path), then shuffled, overlapping, reversed or empty.
        spans = [(n + 1, points[2 * n], points[2 * n + 1]) for n in range(len(points) // 2)]
        if rng.random() < 0.5:
            rng.shuffle(spans)
        if rng.random() < 0.5:
            spans += [(9, rng.randint(-1, len(text) + 1), rng.randint(-1, len(text) + 1))]
        split = split_at_marks(text, spans)
        assert [tuple(s) for s in split] == _split_reference(text, spans), (text, spans)


def _copies(document: dict[str, Any]) -> dict[str, Any]:
    """The document with some annotations met twice, as when a file was merged more than once.

    Item 2's Base mark "1700" comes again, deleted later; the Imitator's judgement comes again,
    newer and no longer "wrong as a whole"; the verdict comes again, newer, preferring the
    Teacher; and item 1's Base answer has lost its role.
    """
    document = json.loads(json.dumps(document))
    later = "2099-01-01T00:00:00.000+00:00"
    base, imitator, _ = document["items"][1]["responses"]
    [mark] = [m for m in base["marks"] if m["quote"] == "1700"]
    base["marks"].append(mark | {"deleted_at": later, "updated_at": later})
    [judgement] = imitator["judgements"]
    imitator["judgements"].append(judgement | {"critical": 0, "updated_at": later})
    [verdict] = document["items"][1]["verdicts"]
    teacher = document["items"][1]["responses"][2]["id"]
    document["items"][1]["verdicts"].append(
        verdict | {"preferred": "answer", "preferred_response_id": teacher, "updated_at": later}
    )
    document["items"][0]["responses"][0]["role"] = ""
    return document


def test_copies_met_twice_count_as_the_per_model_summary_counts_them(
    document: dict[str, Any], tmp_path: Path
) -> None:
    document = _copies(document)
    me = document["evaluator"]
    item = document["items"][1]
    phase = evaluator_view.final_phase(item, me, me)
    # The newest copy of each wins: the mark is gone, the flag lifted, the Teacher preferred.
    base, imitator, teacher = (shown_answer(r, me, phase) for r in item["responses"])
    assert [m.row["quote"] for m in base.marks] == ["Marlowe"]
    assert not imitator.critical and imitator.weighted_score == 1  # its Minor mark alone
    verdict = evaluator_view.verdict_of(item, me, phase, me)
    assert verdict is not None and verdict["preferred_response_id"] == teacher.response["id"]
    # ...as the per-model summary (core/analysis/evaluator_view.item_view) counts them.
    seen = evaluator_view.item_view(item, me, me)
    assert [len(a.spans) for a in seen.answers] == [len(base.marks), 1, 0]
    assert [a.weight for a in seen.answers] == [base.weighted_score, 1, 0] == [5, 1, 0]
    assert seen.preferred_response_id == verdict["preferred_response_id"]
    # An answer without a role is named as the per-model summary names it.
    assert evaluator_view.role_of(document["items"][0]["responses"][0]) == "Slot 1"
    assert evaluator_view.item_view(document["items"][0], me, me).answers[0].role == "Slot 1"
    header, *rows = _read_csv(csv_tables.write_csv_answers(document, tmp_path / "answers.csv"))
    table = {(r[3], r[7]): dict(zip(header, r, strict=True)) for r in rows}
    assert [table[("2", role)]["preferred"] for role in ROLES] == ["no", "no", "yes"]
    assert (table[("2", "Base")]["marks"], table[("2", "Imitator")]["critical"]) == ("1", "no")
    text = markdown_doc.markdown_document(document)
    assert "### Slot 1 · +evil model" in text and "**1700**" not in text


def test_counting_is_the_per_model_summary_s_own() -> None:
    text = "1. Canberra, 2. Sydney — not the capital!\n- • 42 % _"
    response = {"text": text, "judgements": [{"phase": 1, "off_topic": 1}]}
    view = shown_answer(response, "ann", 1)
    assert view.words == word_count(text) == 7  # list markers, lone marks are not words
    assert view.weighted_score == evaluator_view.OFF_TOPIC_WEIGHT
    # Rows without a name are the evaluator's asked about.
    item = {"progress": [{"phase": 2}, {"evaluator": "bea", "phase": 1}]}
    assert evaluator_view.final_phase(item, "ann", "ann") == 2
    item = {"progress": [{"evaluator": "ann", "phase": 2}, {"evaluator": "bea", "phase": 1}]}
    assert [evaluator_view.final_phase(item, who, who) for who in ("ann", "bea", "cy")] == [2, 1, 1]
