"""Teacher answers to train an imitator on: the set that ships with the app, an imported
Alpaca- or ShareGPT-style file, or a session's finished Teacher answers.

Files are read by the question-file readers (core/batches/set_files.py streams the rows,
core/batches/formats.py recognises Alpaca and ShareGPT and takes each row's reply as
`SetItem.teacher_answer`); this module only keeps the rows that give both a prompt and an
answer. A ShareGPT conversation gives its first question and the reply to it, as it does for a
batch. The app's own pairs ({"prompt", "answer"} a line, as the built-in set is written) are
read too, so a set can be saved and read back.

Every pair is stripped; empty, repeated and absurdly long pairs are left out and counted
(`TeacherAnswers.dropped`). Whatever goes wrong ends in a TrainingError whose message is one
plain sentence for the person at the screen: never a traceback, never an errno.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from json import JSONDecodeError
from pathlib import Path
from typing import Any

from imitation_lens.core.analysis.comparisons import is_teacher
from imitation_lens.core.batches.formats import ALPACA, OWN, SHARE_GPT, SetFormat, recognise
from imitation_lens.core.batches.prompt_sets import MAX_PROMPT_CHARS, SetItem
from imitation_lens.core.batches.set_files import (
    SUFFIXES,
    Row,
    Sample,
    SetFileError,
    first_rows,
    take_rows,
)
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.housekeeping.translation import _, ngettext, number
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.plan import (
    MIN_ANSWERS,
    TeacherAnswer,
    TeacherAnswers,
    TrainingError,
)

BUILT_IN_FOLDER = "teacher_answers"
BUILT_IN_SET = "claude-answers"
# Longer than any chat answer worth imitating (about 3,000 tokens, over ten training windows):
# such a row is a pasted document or a broken export, and would only be cut to pieces.
MAX_ANSWER_CHARS = 12_000
# The most answers one file gives. A laptop trains about 125 tokens a second, so 5,000 answers
# of ~200 tokens are already two hours an epoch; a larger file gives a random 5,000 of its pairs,
# the same ones every time (a fixed seed), and says how many it left out.
MAX_ANSWERS = 5_000
SAMPLE_SEED = 0
# No row of a JSON Lines file is longer: a line past this is a damaged file (or no line breaks
# at all), refused before a reader would try to hold it in memory whole.
MAX_LINE_BYTES = 8 * 1024 * 1024
_DONE = "done"
# Fields that give the answer beside a "prompt" field, in the app's own pairs and in the
# prompt/completion files other tools write.
_ANSWER_FIELDS = ("answer", "response", "completion", "output")


# -- keeping pairs ---------------------------------------------------------------------------


def _kept(
    pairs: Iterable[tuple[str, str]], dropped: int = 0
) -> tuple[tuple[TeacherAnswer, ...], int]:
    """The pairs worth training on, in order, and how many more were left out."""
    seen: set[tuple[str, str]] = set()
    kept: list[TeacherAnswer] = []
    for prompt, answer in pairs:
        prompt, answer = prompt.strip(), answer.strip()
        usable = prompt and answer and len(answer) <= MAX_ANSWER_CHARS
        if not usable or "\x00" in prompt + answer:
            dropped += 1
            continue
        key = (" ".join(prompt.split()).casefold(), " ".join(answer.split()).casefold())
        if key in seen:
            dropped += 1
            continue
        seen.add(key)
        kept.append(TeacherAnswer(prompt, answer))
    return tuple(kept), dropped


def _enough(answers: TeacherAnswers, where: str) -> TeacherAnswers:
    """The answers, if there are enough of them to train on."""
    count = len(answers.answers)
    if count >= MIN_ANSWERS:
        return answers
    # The part in brackets is a whole clause of its own: it has its own number to agree with.
    left_out = ""
    if answers.dropped and count:
        left_out = " " + ngettext(
            "({dropped} more was left out: without a question or an answer, repeated, or far "
            "too long)",
            "({dropped} more were left out: without a question or an answer, repeated, or far "
            "too long)",
            answers.dropped,
        ).format(dropped=number(answers.dropped))
    elif answers.dropped:
        left_out = " " + ngettext(
            "({dropped} was left out: without a question or an answer, repeated, or far too long)",
            "({dropped} were left out: without a question or an answer, repeated, or far too long)",
            answers.dropped,
        ).format(dropped=number(answers.dropped))
    if count == 0:
        message = _(
            "{where} has no answers{left_out}; a run needs at least {least}, so choose a larger "
            "set of teacher answers."
        )
    else:
        message = ngettext(
            "{where} has {count} answer{left_out}; a run needs at least {least}, so choose a "
            "larger set of teacher answers.",
            "{where} has {count} answers{left_out}; a run needs at least {least}, so choose a "
            "larger set of teacher answers.",
            count,
        )
    raise TrainingError(
        message.format(where=where, count=number(count), left_out=left_out, least=MIN_ANSWERS)
    )


# -- the set that ships with the app ---------------------------------------------------------


def built_in_answers(set_id: str = BUILT_IN_SET) -> TeacherAnswers:
    """The teacher answers that ship with the app (resources/teacher_answers, listed in
    sets.json with their name, teacher and licence)."""
    folder = resource_path(BUILT_IN_FOLDER)
    try:
        listing = json.loads((folder / "sets.json").read_text("utf-8"))
        entry = next(entry for entry in listing["sets"] if entry["id"] == set_id)
        path = folder / str(entry["file"])
    except (OSError, ValueError, KeyError, TypeError, StopIteration) as error:
        raise TrainingError(
            _(
                "The teacher answers that come with Imitation Lens are missing or damaged; reinstall the app, or choose a session or a file of answers."
            )
        ) from error
    found = answers_from_file(path)
    return replace(
        found,
        name=str(entry["name"]),
        origin="built in",
        licence=str(entry.get("licence", "")),
        teacher=str(entry.get("teacher", "")),
    )


# -- an imported file ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reading:
    """How the rows of one file become pairs."""

    form: SetFormat | None  # None: the app's own prompt/answer pairs
    answer_field: str = ""

    def item(self, row: Row) -> SetItem | None:
        if not _all_text(row, self.form):
            return None
        if self.form is not None:
            return self.form.item(row)
        prompt, answer = row.get("prompt"), row.get(self.answer_field)
        if not isinstance(prompt, str) or not prompt.strip() or len(prompt) > MAX_PROMPT_CHARS:
            return None
        return SetItem(prompt.strip(), teacher_answer=answer if isinstance(answer, str) else "")


def _all_text(row: Row, form: SetFormat | None) -> bool:
    """Whether the fields a pair is read from hold text, not numbers or lists: the readers
    would print `12345` or `['a']` as if someone had written it."""
    if form is SHARE_GPT:
        turns: Any = row.get("conversations", row.get("messages"))
        turns = turns.tolist() if hasattr(turns, "tolist") else turns  # Parquet's numpy array
        return isinstance(turns, list | tuple) and all(
            isinstance(turn, Mapping)
            and isinstance(turn.get("value", turn.get("content", "")), str | None)
            for turn in turns
        )
    fields = ("instruction", "input", "output") if form is ALPACA else ("prompt", *_ANSWER_FIELDS)
    return all(isinstance(row.get(field), str | None) for field in fields)


def _reading(row: Row, name: str) -> _Reading | None:
    if "prompt" in row:
        for field in _ANSWER_FIELDS:
            if field in row:
                return _Reading(None, field)
    found = recognise(row)
    if found in (ALPACA, SHARE_GPT):
        return _Reading(found)
    if found is OWN:
        return None  # prompts alone: said as such by the caller
    if found is not None:
        raise TrainingError(
            _(
                "{name} is a question set ({format}): it gives right answers to "
                "check against, not a teacher's answers to train on."
            ).format(name=name, format=found.label.split(" (")[0])
        )
    raise TrainingError(
        _(
            "{name} is not a file of teacher answers Imitation Lens knows: it needs Alpaca fields (instruction, output), ShareGPT conversations (human and gpt turns) or prompt and answer fields."
        ).format(name=name)
    )


def _plain(error: SetFileError, name: str) -> str:
    """A reader's refusal in plain words (a JSON parser's or decoder's own message is not)."""
    cause = error.__cause__
    if isinstance(cause, UnicodeDecodeError):
        return _(
            "{name} is not text Imitation Lens can read; save it as UTF-8 JSON or JSON Lines."
        ).format(name=name)
    if isinstance(cause, JSONDecodeError):
        # JSON Lines: the reader said which line; the parser's own words are left out.
        said = str(error)
        where = said.split(" is not valid JSON")[0] if said.startswith(f"{name}: line") else name
        return _(
            "{where} is not valid JSON: it may be cut short or damaged; download it again."
        ).format(where=where)
    # The readers were written for question files: here the rows are answers.
    said = str(error).replace("list of questions", "list of answers")
    return said.replace("to be a question.", "to be an answer.")


def _first_bytes(path: Path, name: str) -> bytes:
    try:
        with path.open("rb") as file:
            return file.read(1024)
    except IsADirectoryError:
        raise TrainingError(
            _("{name} is a folder, not a file of teacher answers.").format(name=name)
        ) from None
    except FileNotFoundError:
        raise TrainingError(
            _("{name} is not there; it may have been moved or deleted.").format(name=name)
        ) from None
    except OSError:
        raise TrainingError(
            _(
                "{name} could not be opened; check that it is on this computer and you may read it."
            ).format(name=name)
        ) from None


def _refuse_endless_lines(path: Path, name: str) -> None:
    """Refuse a JSON Lines file with a line longer than any row could be, reading it in
    pieces: the row reader would hold such a line in memory whole."""
    line, run = 1, 0
    try:
        with path.open("rb") as file:
            while chunk := file.read(1024 * 1024):
                parts = chunk.split(b"\n")
                for index, part in enumerate(parts):
                    # The first piece goes on with the line before; each later one starts a line.
                    run = run + len(part) if index == 0 else len(part)
                    if run > MAX_LINE_BYTES:
                        raise TrainingError(
                            _(
                                "{name}: line {line} is longer than {size} MB, far longer than "
                                "any answer, so the file is damaged or is not JSON Lines."
                            ).format(
                                name=name,
                                line=number(line + index),
                                size=MAX_LINE_BYTES // (1024 * 1024),
                            )
                        )
                line += len(parts) - 1
    except OSError:
        raise TrainingError(
            _("{name} could not be read to the end; copy it again.").format(name=name)
        ) from None


def answers_from_file(path: Path) -> TeacherAnswers:
    """Prompt and answer pairs from an Alpaca (instruction, input, output) or ShareGPT
    (conversations) file in JSON, JSON Lines, CSV or Parquet, with the licence its format
    is known by."""
    name = path.name
    if path.suffix.lower() not in SUFFIXES:
        raise TrainingError(
            _(
                "{name} is not a file of teacher answers; choose a .json, .jsonl, .csv or .parquet file in Alpaca or ShareGPT style."
            ).format(name=name)
        )
    start = _first_bytes(path, name)
    if not start.strip():
        raise TrainingError(
            _("{name} is empty: it has no teacher answers in it.").format(name=name)
        )
    if start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise TrainingError(
            _(
                "{name} is a web page, not a data file; download the file itself (on a dataset site, use its download link rather than saving the page)."
            ).format(name=name)
        )
    if path.suffix.lower() == ".jsonl":
        _refuse_endless_lines(path, name)
    questions = 0
    try:
        head = first_rows(path)
        if not head:
            raise TrainingError(_("{name} has no teacher answers in it.").format(name=name))
        reading = _reading(head[0], name)
        if reading is None:
            raise TrainingError(
                _(
                    "{name} has questions but no answers; a run trains on a teacher's answers."
                ).format(name=name)
            )

        def keep(row: Row) -> SetItem | None:
            nonlocal questions
            item = reading.item(row)
            if item is None:
                return None
            questions += 1
            return item if item.teacher_answer.strip() else None

        taken = take_rows(path, keep, Sample(MAX_ANSWERS, SAMPLE_SEED))
    except SetFileError as error:
        raise TrainingError(_plain(error, name)) from None
    except (RecursionError, MemoryError):
        raise TrainingError(
            _("{name} is too deeply nested or too large to read.").format(name=name)
        ) from None
    if not taken.rows:
        if questions:
            raise TrainingError(
                ngettext(
                    "{name} has {count} question but no answers; a run trains on a teacher's "
                    "answers.",
                    "{name} has {count} questions but no answers; a run trains on a teacher's "
                    "answers.",
                    questions,
                ).format(name=name, count=number(questions))
            )
        raise TrainingError(
            _("{name} has no prompt and answer pairs that Imitation Lens can read.").format(
                name=name
            )
        )
    # Rows beyond the sample were usable but not taken: say them with the others left out.
    beyond = max(0, taken.read - taken.skipped - len(taken.rows))
    answers, dropped = _kept(
        ((item.prompt, item.teacher_answer) for item in taken.rows), taken.skipped + beyond
    )
    licence = reading.form.licence if reading.form is not None else ""
    return _enough(TeacherAnswers(name, "file", licence, answers, dropped=dropped), name)


# -- a session -------------------------------------------------------------------------------


def _extra(row: Mapping[str, Any]) -> dict[str, Any]:
    try:
        extra = json.loads(row.get("extra") or "{}")
    except ValueError:
        return {}
    return extra if isinstance(extra, dict) else {}


def _teacher(rows: Sequence[Mapping[str, Any]]) -> str:
    """The model ids behind the answers, most answers first; an imported answer names no
    model (it is the set's, named by its licence and file)."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.get("kind") == "imported":
            continue
        who = str(row.get("endpoint_model") or row.get("model_name") or "").strip()
        if who:
            counts[who] = counts.get(who, 0) + 1
    return ", ".join(sorted(counts, key=lambda who: -counts[who]))


def _licence(rows: Sequence[Mapping[str, Any]]) -> str:
    """The licence of the set the answers were imported from, when they all came from sets
    of one licence; a model's answers carry no licence the app knows."""
    licences = {
        str(_extra(row).get("from_set_licence") or "") if row.get("kind") == "imported" else ""
        for row in rows
    }
    return licences.pop() if len(licences) == 1 else ""


def answers_from_session(store: Store, session_id: str) -> TeacherAnswers:
    """The finished answers of a session's Teacher column (asked of the teacher, replayed
    from a recording, or given by an imported set's file), in question order."""
    found = list(
        store.db.query(
            "SELECT title FROM sessions WHERE id = ? AND deleted_at IS NULL", [session_id]
        )
    )
    if not found:
        raise TrainingError(_("That session is no longer there; it may have been deleted."))
    title = str(found[0]["title"] or "").strip() or "Untitled session"
    where = f"Session “{title}”"
    rows = [
        row
        for row in store.db.query(
            "SELECT i.prompt, r.role, r.kind, r.text, r.model_name, r.endpoint_model, r.extra "
            "FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.session_id = ? AND r.status = ? ORDER BY i.position, r.slot_index",
            [session_id, _DONE],
        )
        if is_teacher(str(row["role"] or "")) and str(row["text"] or "").strip()
    ]
    if not rows:
        raise TrainingError(
            _(
                "{where} has no finished answers in its Teacher column; run its questions with a "
                "teacher first, or choose another source of answers."
            ).format(where=where)
        )
    answers, dropped = _kept((str(row["prompt"] or ""), str(row["text"])) for row in rows)
    made = TeacherAnswers(where, "session", _licence(rows), answers, _teacher(rows), dropped)
    return _enough(made, where)
