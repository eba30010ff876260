"""Public question sets in their own formats, recognised by their fields, as prompt-set items.

One small reader per format: NQ-open, TriviaQA (its JSON and the flat Hugging Face rows),
SimpleQA, TruthfulQA, Alpaca and ShareGPT-style conversations, in any file core/batches/
set_files.py reads (JSONL, JSON, CSV, Parquet). A format is recognised from the first row's
fields; a file whose fields are not recognised is read through a `FieldMapping` the evaluator
chooses (ui/field_mapping_dialog.py). The app's own JSONL/CSV stays with prompt_sets.py.

Rows with no question are skipped and counted, not refused: public sets have odd rows, and a
3,610-question set should not fail on one. Each format carries the set's licence.
"""

from __future__ import annotations

import ast
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from imitation_lens.core.batches.prompt_sets import (
    MAX_PROMPT_CHARS,
    PromptSet,
    PromptSetError,
    SetItem,
    read_prompt_set_file,
)
from imitation_lens.core.batches.set_files import (
    Progress,
    Row,
    Sample,
    SetFileError,
    first_rows,
    take_rows,
)
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import N_, _, ngettext

# TruthfulQA lists refusals among its correct answers; accepting one would credit an answer
# for saying nothing, so they are never taken as accepted forms of the reference.
_NON_ANSWERS = {"i have no comment", "no comment", "i don't know", "i do not know"}


@dataclass(frozen=True)
class SetFormat:
    name: str
    label: str  # what the evaluator is told the file is (marked N_: show it through _())
    licence: str
    recognise: Callable[[Row], bool]
    item: Callable[[Row], SetItem | None]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN: an empty cell from pandas/Parquet
        return ""
    if isinstance(value, bytes):  # a Parquet text column written as plain binary
        try:
            return value.decode("utf-8").strip()
        except UnicodeDecodeError:
            return ""
    return str(value).strip()


def _texts(values: Iterable[Any], leave_out: Iterable[str] = ()) -> tuple[str, ...]:
    """Distinct non-empty texts in order, without those in `leave_out` (case-blind)."""
    seen = {text.casefold() for text in leave_out}
    out: list[str] = []
    for value in values:
        text = _text(value)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            out.append(text)
    return tuple(out)


def _list(value: Any, separator: str = "") -> list[Any]:
    if isinstance(value, (list, tuple)):
        return list(value)
    if hasattr(value, "tolist"):  # a numpy array from a Parquet reader
        listed: Any = value.tolist()
        return list(listed) if isinstance(listed, list) else [listed]
    text = _text(value)
    if not text:
        return []
    return [part for part in text.split(separator)] if separator else [text]


def _question(value: Any) -> str | None:
    text = _text(value)
    if not text or "\x00" in text or len(text) > MAX_PROMPT_CHARS:
        return None
    return text


# -- NQ-open ---------------------------------------------------------------------------------


def _nq_item(row: Row) -> SetItem | None:
    question = _question(row.get("question"))
    answers = _texts(_list(row.get("answer")))
    if question is None:
        return None
    reference = answers[0] if answers else ""
    return SetItem(question, reference, answers[1:], "Natural Questions (NQ-open)")


NQ_OPEN = SetFormat(
    "nq-open",
    N_("NQ-open (question, answer list)"),
    "CC BY-SA 3.0",
    lambda row: "question" in row and isinstance(row.get("answer"), (list, tuple)),
    _nq_item,
)


# -- TriviaQA --------------------------------------------------------------------------------


def _trivia_item(row: Row) -> SetItem | None:
    # The original JSON capitalises ("Question", "Answer": {"Value", "Aliases", …}); the
    # Hugging Face rows do not ("question", "answer": {"value", "aliases", …}).
    question = _question(row.get("Question", row.get("question")))
    answer = row.get("Answer", row.get("answer"))
    if question is None or not isinstance(answer, dict):
        return None
    reference = _text(answer.get("Value", answer.get("value")))
    aliases = _texts(
        [
            *_list(answer.get("Aliases", answer.get("aliases"))),
            *_list(answer.get("NormalizedAliases", answer.get("normalized_aliases"))),
        ],
        leave_out=[reference],
    )
    source = _text(row.get("QuestionSource", row.get("question_source"))) or "TriviaQA"
    return SetItem(question, reference, aliases if reference else (), source)


def _is_trivia(row: Row) -> bool:
    answer = row.get("Answer", row.get("answer"))
    return ("Question" in row or "question" in row) and isinstance(answer, dict)


TRIVIA_QA = SetFormat(
    "triviaqa", N_("TriviaQA (question, answer value and aliases)"), "Apache-2.0", _is_trivia,
    _trivia_item,
)  # fmt: skip


# -- SimpleQA --------------------------------------------------------------------------------


def _metadata(value: Any) -> dict[str, Any]:
    """SimpleQA's metadata cell: a Python dict written as text ({'topic': …, 'urls': […]})."""
    if isinstance(value, dict):
        return value
    text = _text(value)
    if not text or len(text) > 20_000:
        return {}
    try:
        read = ast.literal_eval(text)  # literals only: never runs code
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return {}
    return read if isinstance(read, dict) else {}


def _simple_item(row: Row) -> SetItem | None:
    question = _question(row.get("problem"))
    if question is None:
        return None
    metadata = _metadata(row.get("metadata"))
    urls = _list(metadata.get("urls"))
    tags = _texts([metadata.get("topic")])
    return SetItem(question, _text(row.get("answer")), (), _text(urls[0]) if urls else "", tags)


SIMPLE_QA = SetFormat(
    "simpleqa", N_("SimpleQA (problem, answer)"), "MIT",
    lambda row: "problem" in row and "answer" in row, _simple_item,
)  # fmt: skip


# -- TruthfulQA ------------------------------------------------------------------------------


def _truthful_item(row: Row) -> SetItem | None:
    # The CSV titles its columns ("Best Answer", answers joined by ";"); the Hugging Face rows
    # (its Parquet) do not ("best_answer", answers as lists).
    question = _question(row.get("Question", row.get("question")))
    if question is None:
        return None
    best = _text(row.get("Best Answer", row.get("best_answer")))
    correct = _texts(
        _list(row.get("Correct Answers", row.get("correct_answers")), ";"),
        leave_out=[best, *_NON_ANSWERS],
    )
    incorrect = _texts(_list(row.get("Incorrect Answers", row.get("incorrect_answers")), ";"))
    return SetItem(
        question,
        best,
        correct if best else (),
        _text(row.get("Source", row.get("source"))),
        _texts([row.get("Category", row.get("category"))]),
        incorrect=incorrect,
    )


TRUTHFUL_QA = SetFormat(
    "truthfulqa", N_("TruthfulQA (question, best, correct and incorrect answers)"), "Apache-2.0",
    lambda row: ("Question" in row and "Best Answer" in row)
    or ("question" in row and "best_answer" in row),
    _truthful_item,
)  # fmt: skip


# -- Alpaca ----------------------------------------------------------------------------------


def _alpaca_item(row: Row) -> SetItem | None:
    instruction = _text(row.get("instruction"))
    extra = _text(row.get("input"))
    question = _question(f"{instruction}\n\n{extra}" if instruction and extra else instruction)
    if question is None:
        return None
    return SetItem(question, teacher_answer=_text(row.get("output")))


ALPACA = SetFormat(
    "alpaca", N_("Alpaca (instruction, input, output)"), "CC BY-NC 4.0",
    lambda row: "instruction" in row and "output" in row, _alpaca_item,
)  # fmt: skip


# -- ShareGPT --------------------------------------------------------------------------------


def _turn(turn: Any) -> tuple[str, str]:
    if not isinstance(turn, dict):
        return "", ""
    who = _text(turn.get("from", turn.get("role"))).lower()
    return who, _text(turn.get("value", turn.get("content")))


def _sharegpt_item(row: Row) -> SetItem | None:
    turns = [_turn(turn) for turn in _list(row.get("conversations", row.get("messages")))]
    for index, (who, text) in enumerate(turns):
        if who in ("human", "user"):
            question = _question(text)
            if question is None:
                return None
            after = turns[index + 1] if index + 1 < len(turns) else ("", "")
            reply = after[1] if after[0] in ("gpt", "assistant", "chatgpt", "bard") else ""
            return SetItem(question, teacher_answer=reply)
    return None


SHARE_GPT = SetFormat(
    "sharegpt", N_("ShareGPT conversations (first question and its reply)"), "",
    lambda row: isinstance(row.get("conversations", row.get("messages")), (list, tuple))
    or hasattr(row.get("conversations"), "tolist"),
    _sharegpt_item,
)  # fmt: skip

# -- the app's own fields (a sample of a large own-format file, or one in JSON or Parquet) -----


def _own_item(row: Row) -> SetItem | None:
    item = FieldMapping("prompt", "reference", "aliases", "|", "source").item(row)
    if item is None:
        return None
    return SetItem(item.prompt, item.reference, item.aliases, item.source,
                   _texts(_list(row.get("tags"), ",")))  # fmt: skip


OWN = SetFormat("own", N_("Imitation Lens prompt set"), "", lambda row: "prompt" in row, _own_item)

# Most specific first: TriviaQA's rows also have "question" and "answer".
FORMATS: tuple[SetFormat, ...] = (
    TRIVIA_QA, NQ_OPEN, TRUTHFUL_QA, SIMPLE_QA, ALPACA, SHARE_GPT, OWN,
)  # fmt: skip


def recognise(row: Row) -> SetFormat | None:
    return next((found for found in FORMATS if found.recognise(row)), None)


# -- fields the evaluator maps ---------------------------------------------------------------


@dataclass(frozen=True)
class FieldMapping:
    """Which field holds what, for a file no format recognises. Empty: not in the file."""

    question: str
    reference: str = ""
    aliases: str = ""
    alias_separator: str = "|"  # when the aliases field is one text, not a list
    source: str = ""

    def item(self, row: Row) -> SetItem | None:
        question = _question(row.get(self.question))
        if question is None:
            return None
        reference = _text(row.get(self.reference)) if self.reference else ""
        aliases: tuple[str, ...] = ()
        if self.aliases and reference:
            aliases = _texts(_list(row.get(self.aliases), self.alias_separator), [reference])
        source = _text(row.get(self.source)) if self.source else ""
        return SetItem(question, reference, aliases, source)


class UnrecognisedFields(PromptSetError):
    """A file read fine whose fields no format knows: the evaluator maps them."""

    def __init__(self, path: Path, rows: list[Row]) -> None:
        self.path = path
        self.rows = rows
        self.fields = list(dict.fromkeys(key for row in rows for key in row))
        super().__init__(
            _(
                "{name}: its fields ({fields}) are not ones Imitation Lens knows. Choose which "
                "field is the question and which the answer."
            ).format(name=path.name, fields=", ".join(self.fields) or _("none"))
        )


def _looks_own(rows: list[Row]) -> bool:
    """A "prompt" field, maybe in a CSV with ";" between columns, which only the strict
    reader sniffs."""
    return bool(rows) and any(str(key).strip().lower().startswith("prompt") for key in rows[0])


def read_question_file(
    path: Path,
    *,
    sample: Sample | None = None,
    mapping: FieldMapping | None = None,
    progress: Progress | None = None,
) -> PromptSet:
    """A question file as a prompt set, not yet saved: the app's own format, a recognised
    public set, or fields mapped by the evaluator. PromptSetError says why not, plainly;
    UnrecognisedFields (one of them) carries the first rows for the mapping dialog."""
    # The app's own files keep their strict reading, which lists every wrong line.
    own_suffix = mapping is None and sample is None and path.suffix.lower() in (".jsonl", ".csv")
    try:
        try:
            head = first_rows(path)
        except SetFileError:
            if own_suffix:
                return read_prompt_set_file(path)
            raise
        found = None if mapping is not None else recognise(head[0]) if head else None
        if own_suffix and (found is OWN or (found is None and _looks_own(head))):
            return read_prompt_set_file(path)
        if mapping is None and found is None:
            if not head:
                raise PromptSetError(
                    _("{name} was not imported: it has no questions in it.").format(name=path.name)
                )
            raise UnrecognisedFields(path, head)
        make: Callable[[Row], SetItem | None] = (
            mapping.item if mapping is not None else found.item if found else lambda _unused: None
        )
        taken = take_rows(path, make, sample, progress)
    except SetFileError as error:
        raise PromptSetError(f"{error}") from error
    if not taken.rows:
        raise PromptSetError(
            _("{name} was not imported: none of its rows has a question.").format(name=path.name)
        )
    name = path.stem.replace("_", " ").replace("-", " ").strip() or path.name
    if sample is not None:
        name += f" (sample of {len(taken.rows):,}, seed {sample.seed})"
    # Saved with the set, in the language it was imported in (the format's name is a name).
    kind = _(found.label) if found else _("fields chosen by hand")
    described = _("Read as {kind}: {n} of {total} rows.").format(
        kind=kind, n=translation.number(len(taken.rows)), total=translation.number(taken.read)
    )
    if taken.skipped:
        described += " " + ngettext(
            "{n} row with no question left out.",
            "{n} rows with no question left out.",
            taken.skipped,
        ).format(n=translation.number(taken.skipped))
    return PromptSet(
        uuid.uuid4().hex,
        name[:1].upper() + name[1:],
        tuple(taken.rows),
        described,
        found.licence if found else "",
        path.name,
    )
