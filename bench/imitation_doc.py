"""The imitation study's pure parts: its lineup, its settings, and docs/imitation.md from figures.

bench/imitation_study.py runs the study (train, batch, read the figures back); everything here
takes figures already computed by the app's own analysis (core/analysis) and only lays them out,
so tests/test_imitation_doc.py can check the wording without a model. The wording rule: style
figures are described, never credited. More lists, more words, fewer hedges or wording closer
to the teacher's are not better answers; only the automatic check's accuracy speaks of
correctness, and it is reported whatever it says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from imitation_lens.core.analysis.estimates import DASH, Estimate, format_number, format_share
from imitation_lens.core.analysis.paired import AUTOMATIC, PairedDifference, format_p, format_points
from imitation_lens.core.analysis.style import ModelStyle, Style
from imitation_lens.core.housekeeping.paths import resource_path
from imitation_lens.core.running.lineup import LocalModel, SamplingParams, Server, SlotConfig

# The recorded teacher: Claude's answers to both built-in sets, carried as a demo pack.
TEACHER_PACK = resource_path("demo_packs", "claude-teacher.json")
TEACHER_MODEL = "claude (recorded for Imitation Lens)"
# Never contacted: the Teacher column only replays ("always"). A name that cannot resolve, so a
# setting changed by mistake fails plainly instead of asking some real server.
TEACHER_ADDRESS = "http://recorded-teacher.invalid/v1"
# Every column answers greedily (temperature 0), so a re-run gives the same answers; the seed is
# fixed anyway. 320 tokens holds the longest recorded open-ended answer (about 210 words), so
# no column is cut shorter than the teacher. The pack's recordings are keyed to these settings.
STUDY_PARAMS = SamplingParams(temperature=0.0, max_tokens=320, seed=42)
SETS = ("factual-probes", "open-ended")


def study_lineup(base_path: str, imitator_path: str) -> list[SlotConfig]:
    """Base and imitator through the chat template (the same prompt mode, nothing shown to
    either), and the recorded teacher, all with the study's settings."""
    return [
        SlotConfig("Base", LocalModel(base_path, "chat"), STUDY_PARAMS),
        SlotConfig("Imitator", LocalModel(imitator_path, "chat"), STUDY_PARAMS),
        SlotConfig(
            "Teacher",
            Server(TEACHER_ADDRESS, TEACHER_MODEL, replay="always"),
            STUDY_PARAMS,
            note="Claude's answers, recorded for the study and replayed",
        ),
    ]


# An answer's opening: its first few words, lower-cased, Markdown marks and punctuation dropped.
OPENING_WORDS = 3
_MARKS = re.compile(r"[*_`#>\[\]]+")
_OPENING_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def opening(text: str, words: int = OPENING_WORDS) -> str:
    """'Sure! Here are **five** tips' -> 'sure here are'."""
    flat = _MARKS.sub(" ", text.casefold().replace("’", "'"))
    return " ".join(_OPENING_TOKEN.findall(flat)[:words])


def common_openings(
    texts_by_role: Mapping[str, Sequence[str]], top: int = 5
) -> dict[str, list[tuple[str, int]]]:
    """The most common openings per column, with how many answers begin that way. Descriptive:
    a shared opening ("the capital of") says how answers are framed, nothing about whether they
    are right."""
    out: dict[str, list[tuple[str, int]]] = {}
    for role, texts in texts_by_role.items():
        counted = Counter(o for o in (opening(t) for t in texts if t.strip()) if o)
        out[role] = sorted(counted.items(), key=lambda pair: (-pair[1], pair[0]))[:top]
    return out


@dataclass(frozen=True)
class SetFigures:
    """One built-in set's figures, as the app computes them (core/analysis)."""

    name: str  # the set's name, as the app shows it
    questions: int
    minutes: float  # the batch's wall time
    style: Style  # core/analysis/style.py over every finished answer
    openings: dict[str, list[tuple[str, int]]]
    # The factual set only: the strict check's accuracy per column (metrics.report's figure)
    # and the paired differences (paired.py, automatic check), None for the open-ended set.
    accuracy: dict[str, Estimate] | None = None
    paired: tuple[PairedDifference, ...] = ()
    failed: dict[str, int] = field(default_factory=dict)  # answers that failed, per column
    # Per column: (question, the check's reason) for each answer the strict check calls wrong
    # though it names the reference somewhere. Counted as wrong everywhere; listed to be read
    # by hand, because the check can take a name in a context sentence for the answer (and a
    # model that learnt to add context would then lose points to the check, not to knowledge).
    to_read: dict[str, list[tuple[str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class StudyFigures:
    trained: bool  # made by the app's training (its provenance known), this run or before
    base: str  # the base file's name
    imitator: str  # the imitator file's name
    provenance: dict[str, Any]  # TrainedModel.provenance (or the file's own metadata)
    machine: dict[str, Any]
    settings: dict[str, Any]
    sets: tuple[SetFigures, ...]
    command: str  # how this run was made
    limit: int | None = None  # a sample of each set, when asked


def _role(style_figures: Style, role: str) -> ModelStyle | None:
    return next((m for m in style_figures.models if m.role == role), None)


def _apart(a: Estimate, b: Estimate) -> bool:
    """Whether two figures' 95% intervals do not overlap: a conservative sign of a real change
    (overlapping intervals can still hide one; separate ones rarely arise by chance)."""
    if None in (a.low, a.high, b.low, b.high):
        return False
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return a.high < b.low or b.high < a.low


def style_movement(base: Estimate, imitator: Estimate, teacher: Estimate | None) -> str:
    """Plain words for how a style figure moved from the base to the imitator. Direction only:
    'toward the teacher' is a description of wording, never a sign of better answers."""
    if base.value is None or imitator.value is None:
        return "not measured"
    if not _apart(base, imitator):
        return "no clear change (the intervals overlap)"
    up = imitator.value > base.value
    if teacher is None or teacher.value is None:
        return "higher than the base" if up else "lower than the base"
    toward = abs(imitator.value - teacher.value) < abs(base.value - teacher.value)
    where = "toward the teacher" if toward else "away from the teacher"
    return f"{'higher' if up else 'lower'} than the base, {where}"


def accuracy_sentence(difference: PairedDifference | None) -> str:
    """What the paired comparison says about the imitator's accuracy against the base's."""
    if difference is None or difference.difference.value is None:
        return "The paired comparison could not be made (no question both answered)."
    d = difference.difference
    points = format_points(d)
    counts = (
        f"on {difference.pairs} questions both answered; the imitator alone right on "
        f"{difference.model_only}, the base alone on {difference.other_only}; McNemar exact "
        f"p = {format_p(difference.p_value)}"
    )
    if d.low is None or d.high is None:
        return f"Imitator − base: {points} ({counts}); too few questions for an interval."
    if d.high < 0:
        verdict = "The imitator got fewer factual questions right than its base"
    elif d.low > 0:
        verdict = "The imitator got more factual questions right than its base"
    else:
        verdict = (
            "No difference in factual accuracy between the imitator and its base that this "
            "set can show (the interval includes zero)"
        )
    return f"{verdict}. Imitator − base: {points}; {counts}."


_STYLE_LINES = (
    ("Answers with lists", "list_share", True),
    ("Words per answer", "mean_words", False),
    ("Hedged answers", "hedged_share", True),
    ("Confident answers (no hedge)", "confident_share", True),
    ("Wording like the teacher's (words, 0–1)", "like_teacher_words", False),
    ("Wording like the teacher's (letters, 0–1)", "like_teacher_chars", False),
)


def _figure(model: ModelStyle | None, attribute: str, share: bool) -> str:
    if model is None:
        return DASH
    estimate: Estimate = getattr(model, attribute)
    if share:
        return format_share(estimate)
    return format_number(estimate, 0 if attribute == "mean_words" else 2)


def _style_table(figures: SetFigures) -> list[str]:
    roles = [m.role for m in figures.style.models]
    lines = [
        "| Figure | " + " | ".join(roles) + " | Imitator against base |",
        "|---|" + "---|" * len(roles) + "---|",
    ]
    base = _role(figures.style, "Base")
    imitator = _role(figures.style, "Imitator")
    teacher = _role(figures.style, "Teacher")
    for label, attribute, share in _STYLE_LINES:
        cells = [_figure(_role(figures.style, role), attribute, share) for role in roles]
        moved = DASH
        if base is not None and imitator is not None:
            if attribute.startswith("like_teacher"):
                moved = style_movement(getattr(base, attribute), getattr(imitator, attribute), None)
                moved = moved.replace("than the base", "than the base's")
            else:
                moved = style_movement(
                    getattr(base, attribute),
                    getattr(imitator, attribute),
                    None if teacher is None else getattr(teacher, attribute),
                )
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {moved} |")
    return lines


def _openings_table(figures: SetFigures) -> list[str]:
    lines = ["| Column | Most common openings (answers) |", "|---|---|"]
    for role, found in figures.openings.items():
        said = "; ".join(f"“{phrase}” ({count})" for phrase, count in found) or DASH
        lines.append(f"| {role} | {said} |")
    return lines


def _accuracy_lines(figures: SetFigures) -> list[str]:
    assert figures.accuracy is not None
    lines = ["| Column | Correct by the strict check (95% interval) | Answers checked |"]
    lines.append("|---|---|---|")
    for role, estimate in figures.accuracy.items():
        lines.append(f"| {role} | {format_share(estimate)} | {estimate.count} |")
    return lines


def _to_read_lines(figures: SetFigures, shown: int = 5) -> list[str]:
    if not any(figures.to_read.values()):
        return []
    lines = [
        "Answers the strict check calls wrong although they name the reference somewhere. "
        "They stay wrong in every figure above; they are listed to be read by hand, because the "
        "check can take a name in a context sentence for the answer, and hedged lists of "
        "guesses land here too.",
        "",
        "| Column | Answers | Some of them (question: the check's reason) |",
        "|---|---|---|",
    ]
    for role, found in figures.to_read.items():
        some = "; ".join(f"{question} ({reason})" for question, reason in found[:shown])
        lines.append(f"| {role} | {len(found)} | {some.replace('|', '/') or DASH} |")
    return [*lines, ""]


def imitator_against_base(figures: SetFigures) -> PairedDifference | None:
    return next(
        (
            d
            for d in figures.paired
            if d.measure == AUTOMATIC and d.model == "Imitator" and d.other == "Base"
        ),
        None,
    )


def _provenance_lines(study: StudyFigures) -> list[str]:
    p = study.provenance
    if not study.trained:
        lines = [
            f"The imitator is the file **{study.imitator}**, given with `--imitator`; it "
            "does not say how it was made (no training record in the file)."
        ]
        if study.imitator == study.base:
            lines.append(
                "It is the base file itself, so this run only checks that the study's pipeline "
                "works end to end: **it is not the study's result**, and any difference between "
                "the two columns is noise (both answer greedily, so there should be none)."
            )
        return lines

    def get(key: str) -> str:
        value = p.get(key)
        return DASH if value in (None, "") else str(value)

    def loss(key: str) -> str:
        value = p.get(key)
        return DASH if not isinstance(value, int | float) else f"{value:.3f}"

    seconds = p.get("seconds")
    minutes = f"{seconds / 60:.1f}" if isinstance(seconds, int | float) else DASH
    return [
        "| Fact | Value |",
        "|---|---|",
        f"| Base | {get('base')} (`{get('base_file')}`) |",
        f"| Teacher answers | {get('data')} ({get('data_origin')}; licence {get('data_licence')}; "
        f"teacher: {get('teacher')}) |",
        f"| Answers trained on / held out | {get('answers')} / {get('held_out')} |",
        f"| Epochs, steps | {get('epochs')}, {get('steps')} |",
        f"| Learning rate, window, seed | {get('learning_rate')}, {get('window')} tokens, "
        f"{get('seed')} |",
        f"| Epoch kept (the lowest held-out loss) | {get('kept_epoch')} of {get('epochs')} |",
        f"| Training loss, first epoch → epoch kept | {loss('train_loss_first')} → "
        f"{loss('train_loss_last')} |",
        f"| Held-out loss, before → after | {loss('held_out_loss_before')} → "
        f"{loss('held_out_loss_after')} |",
        f"| Training time | {minutes} min |",
        f"| Made | {get('made')} (app {get('app_version')}, llama.cpp {get('llama_cpp_version')}) |",
        f"| Imitator file | `{study.imitator}` |",
    ]


def _facts(values: Mapping[str, Any]) -> str:
    return ", ".join(f"{key} {value}" for key, value in values.items())


def imitation_markdown(study: StudyFigures, summary: Sequence[str] = ()) -> str:
    """docs/imitation.md: what was run, the figures with their intervals, and what they say
    (`summary`: bench/imitation_summary.py's opening lines)."""
    s = study.settings
    lines = [
        "# The imitation study, reproduced on this machine",
        "",
        "<!-- Written by bench/imitation_study.py from the app's own figures; re-run it rather "
        "than editing by hand. -->",
        "",
        "The study's experiment in small: fine-tune a base model on a teacher's answers, then "
        "ask the base, the imitator and the teacher the same questions and compare. Everything "
        "below was run through the app's own batch (`imitation-lens batch` machinery) and read "
        "back with its own analysis (core/analysis: the strict automatic check, the style "
        "figures, the paired comparison).",
        "",
    ]
    if not study.trained and study.imitator == study.base:
        lines += [
            "> **Pipeline check, not the study.** The imitator column ran the base file itself; "
            "the figures below only show that every step works. The study itself is "
            "`python bench/imitation_study.py`, which trains the imitator first.",
            "",
        ]
    if study.limit:
        lines += [
            f"> **A sample:** at most {study.limit} questions of each set (seeded), so the "
            "intervals are wide.",
            "",
        ]
    lines += [
        *summary,
        "## What ran",
        "",
        f"- **Base**: `{study.base}` through its chat template.",
        f"- **Imitator**: `{study.imitator}`, the same prompt mode (chat template, no examples "
        "shown).",
        f"- **Teacher**: {s.get('teacher', DASH)}: answers Claude (Anthropic) wrote for the "
        "app's two sets, replayed from recorded answers "
        f"(`{s.get('teacher_pack', DASH)}`) — never asked live, so the run is offline and "
        "repeatable.",
        f"- **Settings, every column**: temperature {s.get('temperature')} (greedy), top_p "
        f"{s.get('top_p')}, at most {s.get('max_tokens')} tokens, seed {s.get('seed')}.",
        f"- **Machine**: {_facts(study.machine)}.",
        "",
        "## How the imitator was made",
        "",
        *_provenance_lines(study),
        "",
        "## What the figures may and may not say",
        "",
        "Lists, length, hedging, a confident tone and wording like the teacher's are **style**: "
        "they describe how answers look and are never a measure of quality. An imitator that "
        "writes more like the teacher has learnt the teacher's manner, not its knowledge; that "
        "is the study's point. Only the strict automatic check on the factual probes speaks of "
        "correctness. Intervals are 95%: the bootstrap over questions (2,000 resamples, fixed "
        "seed), shares never narrower than Wilson's interval; a style change is called clear "
        "only when the base's and the imitator's intervals do not overlap.",
        "",
    ]
    factual = next((f for f in study.sets if f.accuracy is not None), None)
    if factual is not None:
        lines += [
            "## Facts: did the imitator learn or lose any?",
            "",
            f"{factual.name}: {factual.questions} questions, each with one reference answer.",
            "",
            *_accuracy_lines(factual),
            "",
            accuracy_sentence(imitator_against_base(factual)),
            "",
            "The paired comparison (core/analysis/paired.py) counts only questions both "
            "columns answered; its interval is the bootstrap over questions, never narrower "
            "than Newcombe's paired interval.",
            "",
            *_to_read_lines(factual),
        ]
    lines += ["## Style: did the imitator's manner move toward the teacher's?", ""]
    for figures in study.sets:
        failed = {role: n for role, n in figures.failed.items() if n}
        lines += [
            f"### {figures.name}",
            "",
            f"{figures.questions} questions; {figures.minutes:.1f} min for the batch.",
            "",
            *_style_table(figures),
            "",
            "Most common openings (first three words, lower case):",
            "",
            *_openings_table(figures),
            "",
        ]
        if failed:
            lines += [f"Answers that failed (counted nowhere): {_facts(failed)}.", ""]
    lines += [
        "## How to run it again",
        "",
        f"    {study.command}",
        "",
    ]
    return "\n".join(lines)
