"""The study as a plain table: its rows, its sessions and what each column means, in the chosen
language, for the study view and the study page (core/analysis/study.py computes it)."""

from __future__ import annotations

from imitation_lens.core.analysis.estimates import DASH, format_number, format_share
from imitation_lens.core.analysis.study import (
    ACCURACY,
    ERRORS,
    PREFERENCE,
    STYLE,
    AgainstTeacher,
    Study,
)
from imitation_lens.core.housekeeping.translation import _, number


def _against(head: AgainstTeacher | None) -> str:
    return DASH if head is None else format_share(head.share)


def _counts(head: AgainstTeacher | None) -> str:
    if head is None:
        return DASH
    text = _("{better} better, {ties} tied, {worse} worse").format(
        better=number(head.better), ties=number(head.ties), worse=number(head.worse)
    )
    if head.left_out:
        text += " " + _("({count} left out)").format(count=number(head.left_out))
    return text


def column_meanings(result: Study) -> list[tuple[str, str]]:
    """Each column of `study_rows` and what it means, in plain words."""
    teacher = result.teacher or _("teacher")
    return [
        (_("Model"), _("the role the model had in the lineup; models are matched by it.")),
        (_("In sessions"), _("in how many of the chosen sessions this model answered.")),
        (
            _("As good as or better than the {teacher}").format(teacher=teacher),
            _(
                "share of the evaluator's verdicts where this model's answer was chosen over "
                "the {teacher}'s or the two were called a tie (a tie counts in full, as in the "
                "study). Verdicts for another answer, or “all bad”, are left out."
            ).format(teacher=teacher),
        ),
        (
            _("Verdicts against the {teacher}").format(teacher=teacher),
            _("how those verdicts went: this model chosen, a tie, or the teacher chosen."),
        ),
        (
            _("Correct by the automatic check"),
            _(
                "share of answers to questions with a reference answer that the app's "
                "automatic check finds correct (every answer, judged or not)."
            ),
        ),
        (_("Checked answers"), _("how many answers the automatic check looked at.")),
        (
            _("Errors per answer"),
            _("errors the evaluator marked, per answer to a judged question (lower is better)."),
        ),
        (
            _("Answers with lists"),
            _("style only, not quality: share of answers laid out as a list."),
        ),
        (_("Words per answer"), _("style only: the average length of an answer.")),
        (
            _("Hedged answers"),
            _("style only: share of answers with a hedging phrase (“it may be”, “I think”)."),
        ),
        (
            _("Wording like the {teacher}'s").format(teacher=teacher),
            _(
                "style only: how alike the wording is to the {teacher}'s answer to the same "
                "question, from 0 (nothing in common) to 1 (the same words)."
            ).format(teacher=teacher),
        ),
    ]


def study_rows(result: Study) -> list[dict[str, str]]:
    """One row per model, column names in plain words (see `column_meanings`)."""
    names = [name for name, _meaning in column_meanings(result)]
    rows = []
    for model in result.models:
        values = [
            model.role,
            _("{count} of {total}").format(
                count=number(len(model.sessions)), total=number(len(result.sessions))
            ),
            _against(model.against_teacher),
            _counts(model.against_teacher),
            format_share(model.accuracy),
            number(model.accuracy.count),
            format_number(model.errors_per_answer, 2),
            format_share(model.list_share),
            format_number(model.mean_words, 0),
            format_share(model.hedged_share),
            format_number(model.like_teacher, 2),
        ]
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def session_rows(result: Study) -> list[dict[str, str]]:
    """One row per session: what it is and which columns it fed."""
    columns = {
        PREFERENCE: _("preference"),
        ACCURACY: _("automatic check"),
        ERRORS: _("errors"),
        STYLE: _("style"),
    }
    kinds = {"factual": _("factual"), "open-ended": _("open-ended"), "mixed": _("mixed")}
    rows = []
    for session in result.sessions:
        used = [word for key, word in columns.items() if session.id in result.sources[key]]
        rows.append(
            {
                _("Session"): session.title,
                _("Kind"): kinds.get(session.kind, session.kind),
                _("Questions"): number(session.items),
                _("With a reference answer"): number(session.with_reference),
                _("Used for"): ", ".join(used) or _("nothing yet"),
            }
        )
    return rows
