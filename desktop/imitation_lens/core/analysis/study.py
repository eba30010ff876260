"""A study: several sessions read together, one row per model, the study's table.

A study puts sessions run on the same lineup side by side, say an open-ended set (no reference
answers: preference only) and a factual set (reference answers: the automatic check), so that
preference against the teacher stands next to factual accuracy and style, per model. Input:
session documents (format 3, core/exports/session_json.py `session_document`).

How models are matched: by role label ("Base", "Imitator", "Teacher"), the name the lineup
gives each column, exactly as in a single session's report. Lineups that differ are shown
apart, never refused: a role met in only some sessions still gets its row, the row says in
how many sessions it answered, and a note names the sessions it is missing from. A role that
ran different models in different sessions (another file or server model under the same label)
keeps one row, and a note names the models it puts together. Only sessions with no role in
common are refused (`StudyRefused`), with a plain message: there is nothing to set side by side.

Columns, per model (each with its 95% interval and what it is counted over):

- As good as or better than the teacher: `as_good_or_better`, over each standing verdict (the
  evaluator's final word, core/analysis/evaluator_view.py) on a question both this model and the
  teacher answered: this model's answer chosen counts as better, a tie counts in full (as the
  study counted it), the teacher's answer chosen counts as worse. A verdict for a third answer,
  or "all bad", says nothing about this pair and is left out (and counted as left out).
- Correct by the automatic check: core/analysis/metrics.py's accuracy, over every answered
  question with a reference answer, judged or not. Open-ended sessions have no references, so
  this column comes from the factual sessions.
- Errors per answer: the evaluators' marks (each live mark and each whole-answer flag is one
  error), over the answers of judged questions.
- Style (descriptive only, never a measure of quality): share of answers with lists, words per
  answer, share of hedged answers, and how alike in wording to the teacher's answer (word
  profile, 0 to 1), over every finished answer, from core/analysis/style.py.

Which evaluator: each document's own (this computer's), as in the report. Which sessions fed
which column is kept in `Study.sources`. Intervals: the bootstrap over questions of
core/analysis/estimates.py; shares widened to hold Wilson's interval so 0% and 100% stay honest.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from imitation_lens.core.analysis.comparisons import outcome
from imitation_lens.core.analysis.estimates import (
    RESAMPLES,
    SEED,
    Estimate,
    estimates,
    with_wilson,
)
from imitation_lens.core.analysis.evaluator_view import ItemView, item_view, role_of
from imitation_lens.core.analysis.metrics import report
from imitation_lens.core.analysis.style import style, teacher_role
from imitation_lens.core.housekeeping.translation import _

# Column keys of `Study.sources`, in the table's order.
PREFERENCE, ACCURACY, ERRORS, STYLE = "preference", "accuracy", "errors", "style"
_MODEL_KEYS = ("model_name", "model_file", "endpoint_model")


class StudyRefused(ValueError):
    """The documents can't make a study; the message says why, in plain words."""


@dataclass(frozen=True)
class AgainstTeacher:
    """One model against the teacher over standing verdicts. Ties count in full."""

    better: int
    ties: int
    worse: int
    left_out: int  # verdicts for a third answer, or "all bad": nothing said about this pair
    share: Estimate  # (better + ties) / (better + ties + worse)


@dataclass(frozen=True)
class StudySession:
    id: str
    title: str
    items: int
    with_reference: int  # questions with a reference answer
    kind: str  # "factual", "open-ended" or "mixed"
    roles: tuple[str, ...]


@dataclass(frozen=True)
class StudyModel:
    role: str
    sessions: tuple[str, ...]  # ids of the sessions where it answered
    models: tuple[str, ...]  # what ran under this role (file or server model names)
    answers: int  # finished answers, judged or not
    against_teacher: AgainstTeacher | None  # None for the teacher itself, or with no teacher
    accuracy: Estimate
    errors_per_answer: Estimate
    list_share: Estimate
    mean_words: Estimate
    hedged_share: Estimate
    like_teacher: Estimate


@dataclass(frozen=True)
class Study:
    teacher: str | None
    sessions: tuple[StudySession, ...]
    models: tuple[StudyModel, ...]
    sources: dict[str, list[str]]  # column key -> ids of the sessions that fed it
    notes: tuple[str, ...]
    resamples: int = RESAMPLES
    seed: int = SEED

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    def titles(self, key: str) -> list[str]:
        """The titles of the sessions that fed a column."""
        named = {session.id: session.title for session in self.sessions}
        return [named[session_id] for session_id in self.sources.get(key, [])]


def as_good_or_better(
    views: Sequence[ItemView],
    role: str,
    teacher: str,
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> AgainstTeacher:
    """How often `role`'s answer was rated as good as or better than the teacher's.

    Over each view (one evaluator's final word on one question) with a verdict, where both
    `role` and `teacher` have a finished answer: `role`'s answer chosen is better, a tie is a tie
    and counts in full, the teacher's answer chosen is worse; a verdict for another answer or
    "all bad" is left out. The share's interval: the bootstrap over questions, widened to hold
    Wilson's interval.
    """
    columns: dict[str, int] = {}
    rows: list[tuple[int, int]] = []  # (question, 1 if as good or better else 0)
    better = ties = worse = left_out = 0
    for view in views:
        # The same reading of a verdict as the report's head to head (comparisons.py).
        said = outcome(view, role, teacher)
        if said is None:
            if view.preferred is not None and _answered_both(view, role, teacher):
                left_out += 1  # a third answer was preferred: nothing said about this pair
            continue
        if said == "both_bad":
            left_out += 1
            continue
        better += said == "win"
        ties += said == "tie"
        worse += said == "loss"
        rows.append((columns.setdefault(view.item_id, len(columns)), int(said != "loss")))
    top, bottom = np.zeros((1, len(columns))), np.zeros((1, len(columns)))
    for column, hit in rows:
        top[0, column] += hit
        bottom[0, column] += 1
    share = with_wilson(estimates(top, bottom, resamples, seed)[0])
    return AgainstTeacher(better, ties, worse, left_out, share)


def _answered_both(view: ItemView, role: str, teacher: str) -> bool:
    roles = {answer.role for answer in view.finished()}
    return role in roles and teacher in roles


def _views(documents: Sequence[Mapping[str, Any]]) -> list[tuple[int, ItemView]]:
    """Each document's own evaluator's view of each of its questions, with the document's
    index. Sessions hold different questions, so no merging is needed."""
    out = []
    for index, document in enumerate(documents):
        local = str(document.get("evaluator") or "")
        for item in document.get("items") or []:
            out.append((index, item_view(item, local, local)))
    return out


def _errors_per_answer(
    views: Sequence[ItemView], roles: Sequence[str], resamples: int, seed: int
) -> list[Estimate]:
    row_of = {role: row for row, role in enumerate(roles)}
    top, bottom = np.zeros((len(roles), len(views))), np.zeros((len(roles), len(views)))
    for column, view in enumerate(views):
        for answer in view.finished():
            top[row_of[answer.role], column] += answer.error_count
            bottom[row_of[answer.role], column] += 1
    return estimates(top, bottom, resamples, seed)


def _session(document: Mapping[str, Any]) -> StudySession:
    session = document.get("session") or {}
    items = list(document.get("items") or [])
    with_reference = sum(1 for item in items if str(item.get("reference") or "").strip())
    if with_reference == 0:
        kind = "open-ended"
    elif with_reference == len(items):
        kind = "factual"
    else:
        kind = "mixed"
    roles: dict[str, None] = {}
    for entry in session.get("lineup") or []:
        if isinstance(entry, Mapping) and entry.get("role"):
            roles.setdefault(str(entry["role"]))
    for item in items:
        for response in item.get("responses") or []:
            roles.setdefault(role_of(response))
    return StudySession(
        id=str(session.get("id") or ""),
        title=str(session.get("title") or "Session"),
        items=len(items),
        with_reference=with_reference,
        kind=kind,
        roles=tuple(roles),
    )


def _finished(response: Mapping[str, Any]) -> bool:
    return response.get("status") in ("done", "stopped") and bool(
        str(response.get("text") or "").strip()
    )


def study(
    documents: Sequence[Mapping[str, Any]],
    *,
    teacher: str | None = None,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> Study:
    """The study's table over several session documents; see the module's docstring."""
    if not documents:
        raise StudyRefused(_("Choose at least one session for a study."))
    sessions = [_session(document) for document in documents]
    common = set(sessions[0].roles).intersection(*(s.roles for s in sessions[1:]))
    if len(sessions) > 1 and not common:
        raise StudyRefused(
            _(
                "These sessions have no model in common (models are matched by their role "
                "name, such as “Imitator”), so there is nothing to set side by side. Choose "
                "sessions run on the same lineup."
            )
        )
    # Where each role answered, and what ran under it.
    answered: dict[str, dict[int, None]] = {}
    ran: dict[str, dict[str, None]] = {}
    first: dict[str, int] = {}
    for index, document in enumerate(documents):
        for item in document.get("items") or []:
            for response in item.get("responses") or []:
                if not _finished(response):
                    continue
                role = role_of(response)
                slot = int(response.get("slot_index") or 0)
                first[role] = min(first.get(role, slot), slot)
                answered.setdefault(role, {})[index] = None
                model = next((str(response[k]) for k in _MODEL_KEYS if response.get(k)), "")
                if model:
                    ran.setdefault(role, {})[model] = None
    roles = sorted(first, key=lambda role: (first[role], role))
    compared = teacher if teacher is not None else teacher_role(roles)

    placed = _views(documents)
    judged = [(index, view) for index, view in placed if view.judged]
    errors = _errors_per_answer([view for _unused, view in judged], roles, resamples, seed)
    figures = {slot.role: slot for slot in report(documents, resamples=resamples, seed=seed).slots}
    looks = {
        m.role: m for m in style(documents, teacher=compared, resamples=resamples, seed=seed).models
    }

    sources: dict[str, dict[int, None]] = {key: {} for key in (PREFERENCE, ACCURACY, ERRORS)}
    for index, view in judged:
        sources[ERRORS][index] = None
        if view.preferred is not None and len(view.finished()) >= 2:
            sources[PREFERENCE][index] = None
    for index, view in placed:
        if view.aliases and view.finished():
            sources[ACCURACY][index] = None
    style_sources = {i: None for role in roles for i in answered.get(role, {})}

    models = []
    for row, role in enumerate(roles):
        against = None
        if compared is not None and role != compared and compared in first:
            against = as_good_or_better(
                [view for _unused, view in judged], role, compared, resamples=resamples, seed=seed
            )
        checked = figures.get(role)
        look = looks.get(role)
        empty = Estimate(None)
        models.append(
            StudyModel(
                role=role,
                sessions=tuple(sessions[i].id for i in answered.get(role, {})),
                models=tuple(ran.get(role, {})),
                answers=look.answers if look else 0,
                against_teacher=against,
                accuracy=with_wilson(checked.accuracy) if checked else empty,
                errors_per_answer=errors[row],
                list_share=look.list_share if look else empty,
                mean_words=look.mean_words if look else empty,
                hedged_share=look.hedged_share if look else empty,
                like_teacher=look.like_teacher_words if look else empty,
            )
        )
    ids = [session.id for session in sessions]
    return Study(
        teacher=compared if compared in first else None,
        sessions=tuple(sessions),
        models=tuple(models),
        sources={
            **{key: [ids[i] for i in sorted(used)] for key, used in sources.items()},
            STYLE: [ids[i] for i in sorted(style_sources)],
        },
        notes=tuple(_notes(sessions, models, compared if compared in first else None)),
        resamples=resamples,
        seed=seed,
    )


def _notes(
    sessions: Sequence[StudySession], models: Sequence[StudyModel], teacher: str | None
) -> list[str]:
    notes = []
    if teacher is None:
        notes.append(
            _("No model has the role “Teacher”, so there is no preference against the teacher.")
        )
    title = {session.id: session.title for session in sessions}
    for model in models:
        missing = [title[s.id] for s in sessions if s.id not in model.sessions]
        if missing and len(sessions) > 1:
            notes.append(
                _(
                    "The {model} did not answer in {sessions}: its figures come from the other "
                    "sessions only."
                ).format(model=model.role, sessions=", ".join(f"“{t}”" for t in missing))
            )
        if len(model.models) > 1:
            notes.append(
                _(
                    "The {model} was not the same model in every session ({files}): its row "
                    "puts them together."
                ).format(model=model.role, files=", ".join(model.models))
            )
    return notes
