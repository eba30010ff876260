"""Two CSV tables of a session: one row per mark, one row per answer.

The marks table keeps everything (deleted marks, both phases, every evaluator), with `counted`
saying whether a mark is in its evaluator's final view. The answers table holds the document
evaluator's final word on each answer (core/analysis/evaluator_view.py), counted as the per-model
summary counts (core/exports/shown_answer.py), so the two agree.

UTF-8 with a byte order mark, so Excel shows accents and emoji; a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula (model output and notes are untrusted).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import IO, Any

from imitation_lens.core.analysis.evaluator_view import final_phase, owner, verdict_of
from imitation_lens.core.exports.session_json import write_atomically
from imitation_lens.core.exports.shown_answer import shown_answer
from imitation_lens.core.exports.wording import (
    clean_text,
    model_of,
    preferred_word,
    session_title,
    yes_no,
)
from imitation_lens.core.judging.answer_check import check_verdict, lenient_check
from imitation_lens.core.judging.taxonomy import english_category_label

MARK_COLUMNS = (
    "session",
    "session_id",
    "item",
    "prompt",
    "slot",
    "role",
    "model",
    "response_id",
    "mark_id",
    "evaluator",
    "phase",
    "counted",
    "category",
    "category_label",
    "severity",
    "quote",
    "note",
    "correction",
    "unsure",
    "start",
    "end",
    "created_at",
    "deleted_at",
)

ANSWER_COLUMNS = (
    "session",
    "session_id",
    "evaluator",
    "item",
    "phase",
    "prompt",
    "slot",
    "role",
    "model",
    "response_id",
    "status",
    "reference",
    # The strict check: correct | wrong | hedged | negated | not found | empty (an empty
    # answer); the cell is empty without a reference or a finished answer.
    "automatic_check",
    "automatic_check_reason",
    "lenient_match_old_rule",  # yes | no: the reference anywhere in the answer (the old rule)
    "words",
    "marks",
    "major_marks",
    "weighted_score",
    "checked_clean",
    "off_topic",
    "critical",
    "preferred",
)

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A cell value a spreadsheet shows as text: formula-like strings get a leading apostrophe.

    Numbers we write ourselves stay numbers; only text (which may come from a model) is changed.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _write_csv(target: Path, columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> Path:
    def write(stream: IO[str]) -> None:
        stream.write("\ufeff")  # the byte order mark tells Excel the file is UTF-8
        writer = csv.writer(stream)
        writer.writerow(columns)
        for row in rows:
            writer.writerow([spreadsheet_safe(row.get(column)) for column in columns])

    return write_atomically(target, write)


def mark_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """Every mark in the document, deleted ones and every phase and evaluator included."""
    session = document.get("session") or {}
    rows = []
    for item in document.get("items") or []:
        phases: dict[str, int] = {}
        for response in item.get("responses") or []:
            for mark in response.get("marks") or []:
                evaluator = owner(mark, str(document.get("evaluator") or ""))
                if evaluator not in phases:
                    phases[evaluator] = final_phase(item, evaluator, evaluator)
                counted = (
                    not mark.get("deleted_at")
                    and int(mark.get("phase") or 1) == (phases[evaluator])
                )
                rows.append(
                    {
                        "session": session_title(document),
                        "session_id": session.get("id"),
                        "item": item.get("position"),
                        "prompt": item.get("prompt"),
                        "slot": response.get("slot_index"),
                        "role": response.get("role"),
                        "model": model_of(response),
                        "response_id": response.get("id"),
                        "mark_id": mark.get("id"),
                        "evaluator": evaluator,
                        "phase": mark.get("phase"),
                        "counted": yes_no(counted),
                        "category": mark.get("category"),
                        "category_label": english_category_label(str(mark.get("category") or "")),
                        "severity": mark.get("severity"),
                        "quote": mark.get("quote"),
                        "note": mark.get("note"),
                        "correction": mark.get("correction"),
                        "unsure": yes_no(mark.get("unsure")),
                        "start": mark.get("start"),
                        "end": mark.get("end"),
                        "created_at": mark.get("created_at"),
                        "deleted_at": mark.get("deleted_at"),
                    }
                )
    return rows


def _check_cells(item: dict[str, Any], response: dict[str, Any]) -> dict[str, str]:
    """The strict verdict, its reason and the old lenient match, side by side."""
    if response.get("status") != "done":
        return dict.fromkeys(
            ("automatic_check", "automatic_check_reason", "lenient_match_old_rule"), ""
        )
    text = str(response.get("text") or "")
    reference = str(item.get("reference") or "")
    aliases = item.get("aliases") or ()
    verdict = check_verdict(
        text,
        reference,
        aliases,
        question=str(item.get("prompt") or ""),
        incorrect=item.get("incorrect_answers") or (),
    )
    lenient = lenient_check(text, reference, aliases)
    return {
        "automatic_check": "" if verdict is None else verdict.code,
        "automatic_check_reason": "" if verdict is None else verdict.reason,
        "lenient_match_old_rule": "" if lenient is None else yes_no(lenient),
    }


def answer_rows(document: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per answer with the document evaluator's final-phase counts and verdict."""
    session = document.get("session") or {}
    me = str(document.get("evaluator") or "")
    rows = []
    for item in document.get("items") or []:
        phase = final_phase(item, me, me)
        verdict = verdict_of(item, me, phase, me)
        for response in item.get("responses") or []:
            view = shown_answer(response, me, phase)
            rows.append(
                {
                    "session": session_title(document),
                    "session_id": session.get("id"),
                    "evaluator": me,
                    "item": item.get("position"),
                    "phase": phase,
                    "prompt": item.get("prompt"),
                    "slot": response.get("slot_index"),
                    "role": response.get("role"),
                    "model": model_of(response),
                    "response_id": response.get("id"),
                    "status": response.get("status"),
                    "reference": item.get("reference") or "",
                    **_check_cells(item, response),
                    "words": view.words,
                    "marks": len(view.marks),
                    "major_marks": view.major_marks,
                    "weighted_score": view.weighted_score,
                    "checked_clean": yes_no(view.checked_clean),
                    "off_topic": yes_no(view.off_topic),
                    "critical": yes_no(view.critical),
                    "preferred": preferred_word(verdict, str(response.get("id"))),
                }
            )
    return rows


def write_csv_marks(document: dict[str, Any], target: Path) -> Path:
    """One row per mark (columns: MARK_COLUMNS); `counted` says whether it is in the final view."""
    return _write_csv(target, MARK_COLUMNS, mark_rows(document))


def write_csv_answers(document: dict[str, Any], target: Path) -> Path:
    """One row per answer (columns: ANSWER_COLUMNS); `preferred` is yes, no, tie or empty."""
    return _write_csv(target, ANSWER_COLUMNS, answer_rows(document))
