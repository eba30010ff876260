"""One evaluator's view of an item: which of their marks, judgements and verdicts count.

The one reading of "what this evaluator said" for the whole app: the per-model figures
(core/analysis/metrics.py), agreement between evaluators (core/analysis/agreement.py) and the
readable exports (Markdown, the answers table, the HTML report) all select rows here.

- Final phase: the highest phase in an evaluator's progress entries on the item; 1 if none.
  Phase 2 means the reference was revealed and the evaluator's revised marks are the ones
  that count.
- Marks: the evaluator's, not deleted, made in their final phase. A mark met twice (same id:
  a document merged more than once) counts once, in its newest version, so a newer copy that
  was deleted means the mark is gone.
- Whole-answer judgement: the evaluator's for the final phase, the newest copy if met twice.
- Verdict: the evaluator's latest up to the final phase, so a phase-1 verdict not yet revised
  after the reveal still counts; the newest copy of each phase's verdict.
- Rows without an evaluator's name (written before evaluators had names, or built by hand)
  are `local`'s: the document's own evaluator.
- Weights: Minor 1, Major 5 (an unknown severity counts as Minor), "Misses the question" 5,
  "Wrong as a whole" (critical) 25.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, cast

from imitation_lens.core.housekeeping.translation import N_
from imitation_lens.core.judging.answer_check import reference_aliases
from imitation_lens.core.judging.taxonomy import CRITICAL, MAJOR, MINOR, OFF_TOPIC, SEVERITIES

FINISHED_STATUSES = frozenset({"done", "stopped"})
CRITICAL_CODE = "critical"
OFF_TOPIC_WEIGHT = MAJOR.weight
JUDGEMENT_FLAGS = ("checked_clean", "off_topic", "critical")
# The whole-answer flags in words, as every report and export says them.
# English sources (N_): `_()` where shown.
JUDGEMENT_LABELS = {
    "checked_clean": N_("Checked: no errors"),
    OFF_TOPIC: N_("Misses the question"),
    CRITICAL_CODE: N_("Wrong as a whole"),
}


# -- the rows that count ---------------------------------------------------------------------


def owner(row: Mapping[str, Any], local: str) -> str:
    """Whose a row is: its evaluator, else `local` (rows from before evaluators had names)."""
    return str(row.get("evaluator") or local)


def phase_of(row: Mapping[str, Any]) -> int:
    return int(row.get("phase") or 1)


def weight_of(severity: str) -> int:
    """A severity's weight; an unknown severity counts as Minor, the least it can be."""
    return SEVERITIES.get(severity, MINOR).weight


def newest(rows: Iterable[Mapping[str, Any]], key: Any) -> list[Mapping[str, Any]]:
    """One row per key: the most recently updated, the later one on a tie.

    The same annotation can arrive in several documents (an old and a new export, or a merged
    database exported again): the newest says whether it was since edited or deleted.
    """
    chosen: dict[Any, Mapping[str, Any]] = {}
    for row in rows:
        k = key(row)
        held = chosen.get(k)
        if held is None or str(row.get("updated_at") or "") >= str(held.get("updated_at") or ""):
            chosen[k] = row
    return list(chosen.values())


def final_phase(item: Mapping[str, Any], evaluator: str, local: str = "") -> int:
    """The phase `evaluator` reached on an item (their `progress` entries); 1 if there is none."""
    phases = [
        int(entry.get("phase") or 1)
        for entry in item.get("progress") or []
        if owner(entry, local) == evaluator
    ]
    return max(phases, default=1)


def _mark_key(mark: Mapping[str, Any]) -> Any:
    return mark.get("id") or id(mark)


def counted_marks(
    response: Mapping[str, Any], evaluator: str, phase: int, local: str = ""
) -> list[dict[str, Any]]:
    """The marks that count: not deleted, by `evaluator`, in `phase`; in text order."""
    mine: list[dict[str, Any]] = [
        m for m in response.get("marks") or [] if owner(m, local) == evaluator
    ]
    ids = [_mark_key(m) for m in mine]
    if len(set(ids)) < len(ids):
        mine = cast(list[dict[str, Any]], newest(mine, _mark_key))
    marks = [m for m in mine if not m.get("deleted_at") and phase_of(m) == phase]
    return sorted(marks, key=lambda m: (int(m.get("start") or 0), int(m.get("end") or 0)))


def judgement_of(
    response: Mapping[str, Any], evaluator: str, phase: int, local: str = ""
) -> dict[str, bool] | None:
    """The whole-answer flags `evaluator` set in `phase`; None if they set none there."""
    rows = [
        row
        for row in response.get("judgements") or []
        if owner(row, local) == evaluator and phase_of(row) == phase
    ]
    if not rows:
        return None
    chosen = rows[0] if len(rows) == 1 else newest(rows, lambda row: 0)[0]
    return {flag: bool(chosen.get(flag)) for flag in JUDGEMENT_FLAGS}


def verdict_of(
    item: Mapping[str, Any], evaluator: str, phase: int, local: str = ""
) -> dict[str, Any] | None:
    """The evaluator's verdict for `phase`, else their latest from an earlier phase.

    An item can reach phase 2 (reference shown) without a phase-2 verdict yet; the unaided
    verdict is then still the evaluator's last word.
    """
    rows: list[Mapping[str, Any]] = [
        v
        for v in item.get("verdicts") or []
        if owner(v, local) == evaluator and phase_of(v) <= phase
    ]
    if not rows:
        return None
    latest = max(newest(rows, phase_of), key=phase_of)
    return dict(latest)


def role_of(response: Mapping[str, Any]) -> str:
    """An answer's name: its slot's role, else "Slot N" counted from 1."""
    return str(response.get("role") or f"Slot {int(response.get('slot_index') or 0) + 1}")


# -- an item as one evaluator left it --------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A live error mark: Python offsets into the answer text, end exclusive."""

    start: int
    end: int
    category: str
    severity: str

    @property
    def weight(self) -> int:
        return weight_of(self.severity)


@dataclass(frozen=True)
class AnswerView:
    """One answer with what one evaluator found in it in their final phase."""

    response_id: str
    role: str
    slot_index: int
    text: str
    finished: bool
    spans: tuple[Span, ...] = ()
    critical: bool = False
    off_topic: bool = False
    checked_clean: bool = False

    @property
    def error_count(self) -> int:
        return len(self.spans) + int(self.critical) + int(self.off_topic)

    @property
    def weight(self) -> int:
        return (
            sum(span.weight for span in self.spans)
            + CRITICAL.weight * int(self.critical)
            + OFF_TOPIC_WEIGHT * int(self.off_topic)
        )

    @property
    def has_major(self) -> bool:
        """A Major mark, or a whole-answer flag (both weigh at least as much as a Major)."""
        return self.critical or self.off_topic or any(s.weight >= MAJOR.weight for s in self.spans)

    def categories(self) -> list[str]:
        codes = [span.category for span in self.spans]
        return codes + [CRITICAL_CODE] * self.critical + [OFF_TOPIC] * self.off_topic


@dataclass(frozen=True)
class ItemView:
    """An item as one evaluator left it: their final phase, answers and verdict."""

    item_id: str
    evaluator: str
    reference: str
    aliases: tuple[str, ...]
    phase: int
    judged: bool
    answers: tuple[AnswerView, ...]
    preferred: str | None = None  # answer | tie | all_bad; None without a verdict
    preferred_response_id: str | None = None
    prompt: str = ""  # the question, which the strict automatic check reads
    incorrect: tuple[str, ...] = ()  # answers the prompt set says are wrong: the check refuses

    def finished(self) -> list[AnswerView]:
        return [answer for answer in self.answers if answer.finished]


def item_view(item: Mapping[str, Any], evaluator: str, local: str = "") -> ItemView:
    """What `evaluator` said about `item` in their final phase.

    `local` names the evaluator of rows that carry no name.
    """
    phase = final_phase(item, evaluator, local)
    answers: list[AnswerView] = []
    touched = False
    for response in item.get("responses") or []:
        spans = [
            Span(
                int(mark["start"]),
                int(mark["end"]),
                str(mark.get("category") or ""),
                str(mark.get("severity") or MINOR.code),
            )
            for mark in counted_marks(response, evaluator, phase, local)
        ]
        flags = judgement_of(response, evaluator, phase, local) or dict.fromkeys(
            JUDGEMENT_FLAGS, False
        )
        touched = touched or bool(spans) or any(flags.values())
        text = str(response.get("text") or "")
        answers.append(
            AnswerView(
                response_id=str(response.get("id", "")),
                role=role_of(response),
                slot_index=int(response.get("slot_index") or 0),
                text=text,
                finished=response.get("status") in FINISHED_STATUSES and bool(text.strip()),
                spans=tuple(sorted(spans, key=lambda s: (s.start, s.end, s.category))),
                critical=flags["critical"],
                off_topic=flags["off_topic"],
                checked_clean=flags["checked_clean"],
            )
        )
    verdict = verdict_of(item, evaluator, phase, local)
    reference = str(item.get("reference") or "")
    return ItemView(
        item_id=str(item.get("id", "")),
        evaluator=evaluator,
        reference=reference,
        aliases=(*reference_aliases(reference), *(str(a) for a in item.get("aliases") or [])),
        phase=phase,
        judged=touched or verdict is not None,
        answers=tuple(answers),
        preferred=None if verdict is None else str(verdict.get("preferred")),
        preferred_response_id=None if verdict is None else verdict.get("preferred_response_id"),
        prompt=str(item.get("prompt") or ""),
        incorrect=tuple(str(a) for a in item.get("incorrect_answers") or []),
    )


# -- several documents -----------------------------------------------------------------------


def _stamped(rows: Iterable[Mapping[str, Any]], local: str) -> list[Mapping[str, Any]]:
    # The name must travel with each row: "" means a different person in each document.
    return [row if row.get("evaluator") else {**row, "evaluator": local} for row in rows]


Merged = dict[str, dict[str, Any]]
# Documents already merged while `shared_merges()` is open, by the documents' identities; the
# documents are kept with the result so that no identity is reused while the block is open.
_SHARED: ContextVar[dict[tuple[int, ...], tuple[tuple[Any, ...], Merged]] | None] = ContextVar(
    "shared_merges", default=None
)


@contextmanager
def shared_merges() -> Iterator[None]:
    """Within it, merging the same documents again returns the first merge.

    A report merges one document for its figures, style, phases and position bias (four times,
    1.2 s each at 10,000 items). Nothing reading a merge changes it, and the documents must not
    change while the block is open.
    """
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def merge_documents(documents: Iterable[Mapping[str, Any]]) -> Merged:
    """Every item of the documents once (by id), holding all evaluators' annotations on it.

    Prompt, reference and answers come from the first document that has the item; responses
    are matched by id. Rows are not copied unless they lack an evaluator's name.
    """
    shared = _SHARED.get()
    if shared is None:
        return _merge(documents)
    kept = tuple(documents)
    key = tuple(id(document) for document in kept)
    if key not in shared:
        shared[key] = (kept, _merge(kept))
    return shared[key][1]


def _merge(documents: Iterable[Mapping[str, Any]]) -> Merged:
    merged: dict[str, dict[str, Any]] = {}
    answers: dict[str, dict[str, dict[str, Any]]] = {}
    for document in documents:
        local = str(document.get("evaluator") or "")
        for item in document.get("items") or []:
            item_id = str(item.get("id", ""))
            target = merged.get(item_id)
            if target is None:
                target = {k: v for k, v in item.items() if k != "responses"}
                target |= {"progress": [], "verdicts": [], "responses": []}
                merged[item_id] = target
                answers[item_id] = {}
            target["progress"] += _stamped(item.get("progress") or [], local)
            target["verdicts"] += _stamped(item.get("verdicts") or [], local)
            for response in item.get("responses") or []:
                response_id = str(response.get("id", ""))
                into = answers[item_id].get(response_id)
                if into is None:
                    into = {k: v for k, v in response.items() if k not in ("marks", "judgements")}
                    into |= {"marks": [], "judgements": []}
                    target["responses"].append(into)
                    answers[item_id][response_id] = into
                into["marks"] += _stamped(response.get("marks") or [], local)
                into["judgements"] += _stamped(response.get("judgements") or [], local)
    return merged


def evaluators_in(document: Mapping[str, Any]) -> list[str]:
    """Every evaluator named on an annotation or a progress entry, in order of appearance."""
    local = str(document.get("evaluator") or "")
    names: dict[str, None] = {}
    for item in document.get("items") or []:
        rows: list[Mapping[str, Any]] = [*item.get("progress", []), *item.get("verdicts", [])]
        for response in item.get("responses") or []:
            rows += [*response.get("marks", []), *response.get("judgements", [])]
        for row in rows:
            names.setdefault(owner(row, local))
    return list(names)
