"""Benchmark: the NQ-open dev set imported, and a seeded sample of it run through the lineup.

What it does, in the app's own ways:
1. Imports the real NQ-open dev file (bench/data/NQ-open.dev.jsonl, 3,610 questions) through the
   import path Batch ▸ Import and `imitation-lens batch FILE` use (`read_question_file`), timed:
   the whole file, then the seeded sample.
2. Runs `imitation-lens batch FILE --sample N --seed S --max-tokens M` as a child process, on a
   data folder of its own (never the user's), with the default lineup: the demo's three columns,
   all on the bundled model through llama.cpp. Every few seconds it samples the child's resident
   memory (psutil) and how many answers are written.
3. Reads the session back and gives each column's accuracy by the strict automatic check,
   the report's own figure (core/analysis/metrics.py), with its Wilson 95% interval on the
   answers checked. No lenient figure: it would credit answers that merely contain the words.

It can be stopped (Ctrl+C or SIGTERM pause the batch) and goes on with `--resume`; the wall
time adds up the runs. `--report` gives the figures of what is answered so far, even while
another copy of this script is still running the batch.

    python bench/nq_open.py --questions 10          # a quick look
    nohup python bench/nq_open.py > bench/output/nq-open/run.log 2>&1 &
    python bench/nq_open.py --resume                # after a stop
    python bench/nq_open.py --report                # figures so far
    python bench/nq_open.py --report --against bench/output/nq-open-200   # same questions
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import FrameType
from typing import Any

import psutil

from imitation_lens.core.analysis.estimates import wilson
from imitation_lens.core.analysis.metrics import report
from imitation_lens.core.batches.formats import read_question_file
from imitation_lens.core.batches.set_files import Sample
from imitation_lens.core.exports.session_json import session_document
from imitation_lens.core.housekeeping.paths import DataPaths
from imitation_lens.core.storage.store import Store

HERE = Path(__file__).resolve().parent
NQ_FILE = HERE / "data" / "NQ-open.dev.jsonl"
OUTPUT = HERE / "output" / "nq-open"
RSS_EVERY_S = 5.0
ENDED = ("done", "stopped", "failed")  # an answer no longer waiting or being written
ANSWERED = re.compile(r"(\d+)/(\d+) answered")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--questions", type=int, default=500, help="sample size (default 500)")
    parser.add_argument("--seed", type=int, default=16, help="the sample's seed (default 16)")
    parser.add_argument(
        "--max-tokens", type=int, default=32, help="longest answer, in tokens (default 32)"
    )
    parser.add_argument("--output", type=Path, default=OUTPUT, help=f"default {OUTPUT}")
    parser.add_argument("--resume", action="store_true", help="go on with a stopped run")
    parser.add_argument("--report", action="store_true", help="only give the figures so far")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="OUTPUT",
        help="with --report: both runs' accuracy on the questions both answered",
    )
    return parser.parse_args()


def _database(out: Path) -> Path:
    return DataPaths(out / "data").database


def _load_state(out: Path) -> dict[str, Any]:
    path = out / "state.json"
    return json.loads(path.read_text()) if path.exists() else {}


def _save_state(out: Path, state: dict[str, Any]) -> None:
    path = out / "state.json"
    path.with_suffix(".tmp").write_text(json.dumps(state, indent=2))
    path.with_suffix(".tmp").replace(path)


def time_import(questions: int, seed: int) -> dict[str, Any]:
    """The real import path on the real file: all of it, then the seeded sample."""
    started = time.perf_counter()
    whole = read_question_file(NQ_FILE)
    whole_s = time.perf_counter() - started
    started = time.perf_counter()
    sampled = read_question_file(NQ_FILE, sample=Sample(questions, seed))
    sample_s = time.perf_counter() - started
    with_aliases = sum(1 for item in whole.items if item.aliases)
    return {
        "file_questions": len(whole.items),
        "file_with_reference": whole.with_reference,
        "file_with_aliases": with_aliases,
        "described": whole.description,
        "licence": whole.licence,
        "import_s": round(whole_s, 3),
        "sample_questions": len(sampled.items),
        "sample_s": round(sample_s, 3),
    }


def _child_environment() -> dict[str, str]:
    env = dict(os.environ)
    # The default (demo) lineup: no teacher server, whatever this shell has set up.
    for name in ("IMITATION_LENS_TEACHER_URL", "IMITATION_LENS_TEACHER_MODEL"):
        env.pop(name, None)
    env.pop("IMITATION_LENS_DATA_DIR", None)
    return env


def run_batch(out: Path, state: dict[str, Any], resume: bool) -> int:
    """`imitation-lens batch` as a child; its memory sampled every RSS_EVERY_S seconds."""
    data = out / "data"
    command = [sys.executable, "-m", "imitation_lens", "--data-dir", str(data), "batch"]
    if resume:
        command += ["--resume"]
    else:
        command += [
            str(NQ_FILE),
            "--sample",
            str(state["questions"]),
            "--seed",
            str(state["seed"]),
            "--max-tokens",
            str(state["max_tokens"]),
        ]
    print("$", " ".join(command), flush=True)
    child = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=_child_environment(),
    )
    answered = [state.get("answered", 0)]

    def follow() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            print(line.rstrip(), flush=True)
            found = ANSWERED.search(line)
            if found:
                answered[0] = int(found.group(1))
                state["total"] = int(found.group(2))
            if line.startswith("BATCH "):
                state["batch_id"] = line.split()[1]
                state["session_id"] = line.split()[-1]

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()

    def pause(_signal: int, _frame: FrameType | None) -> None:
        print("Pausing the batch; go on with --resume.", flush=True)
        child.send_signal(signal.SIGINT)

    signal.signal(signal.SIGINT, pause)
    signal.signal(signal.SIGTERM, pause)
    process = psutil.Process(child.pid)
    segment_start = time.time()
    wall_before = float(state.get("wall_s", 0.0))
    rss_path = out / "rss.csv"
    new_file = not rss_path.exists()
    segment = int(state.get("runs", 0))  # each run (the first, each --resume) is a new process
    state["runs"] = segment + 1
    with rss_path.open("a", newline="") as handle:
        writer = csv.writer(handle)
        if new_file:
            writer.writerow(["wall_s", "answered", "rss_mib", "run"])
        while child.poll() is None:
            try:
                rss = process.memory_info().rss / 2**20
            except psutil.Error:
                break
            wall = wall_before + time.time() - segment_start
            writer.writerow([round(wall, 1), answered[0], round(rss, 1), segment])
            handle.flush()
            state["wall_s"] = round(wall, 1)
            state["answered"] = answered[0]
            _save_state(out, state)
            with contextlib.suppress(subprocess.TimeoutExpired):
                child.wait(RSS_EVERY_S)
    code = child.wait()
    reader.join(5)
    state["wall_s"] = round(wall_before + time.time() - segment_start, 1)
    state["answered"] = answered[0]
    state["exit_code"] = code
    _save_state(out, state)
    return code


def memory(out: Path) -> dict[str, Any]:
    """Resident memory once the models are loaded (a question answered) to the end, over
    every run of the batch (each --resume is a new process that loads them again)."""
    path = out / "rss.csv"
    if not path.exists():
        return {}
    rows = [
        (float(row[0]), int(row[1]), float(row[2]), int(row[3]) if len(row) > 3 else 0)
        for row in list(csv.reader(path.open()))[1:]
    ]
    # A run's models are loaded once it has answered its first question: from then on.
    first: dict[int, int] = {}
    for _, answered, _, run in rows:
        first.setdefault(run, answered)
    loaded = [row for row in rows if row[1] > first[row[3]]] or rows
    if len(loaded) < 2:
        return {}
    walls = [row[0] for row in loaded]
    rss = [row[2] for row in loaded]
    slope = statistics.linear_regression(walls, rss).slope if len(set(walls)) > 1 else 0.0
    return {
        "samples": len(loaded),
        "before_load_mib": rows[0][2],
        "start_mib": rss[0],
        "median_mib": round(statistics.median(rss), 1),
        "max_mib": max(rss),
        "end_mib": rss[-1],
        "slope_mib_per_hour": round(slope * 3600, 2),
        "over_hours": round((walls[-1] - walls[0]) / 3600, 2),
    }


def _ended_items(document: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The session's items whose every answer has ended, by question."""
    return {
        str(item["prompt"]): item
        for item in document["items"]
        if all(response.get("status") in ENDED for response in item["responses"])
    }


def compare(out: Path, other: Path) -> str:
    """Both runs' accuracy on the questions both have answered (a stopped run answered the
    first part of the same sample): the same questions, so only the settings differ."""
    documents = []
    for run in (out, other):
        store = Store(_database(run))
        try:
            session_id = store.db.execute(
                "SELECT session_id FROM batches ORDER BY created_at DESC LIMIT 1"
            ).fetchone()[0]
            documents.append(session_document(store, session_id))
        finally:
            store.close()
    ended = [_ended_items(document) for document in documents]
    shared = ended[0].keys() & ended[1].keys()
    lines = [f"=== on the {len(shared)} questions both runs answered ==="]
    for run, document, items in zip((out, other), documents, ended, strict=True):
        kept = dict(document, items=[items[prompt] for prompt in sorted(shared)])
        state = _load_state(run)
        lines.append(f"{run.name}: max tokens {state.get('max_tokens')}")
        for slot in report([kept]).slots:
            share = slot.accuracy
            correct = round((share.value or 0.0) * share.count)
            low, high = wilson(correct, share.count) or (0.0, 0.0)
            lines.append(
                f"  {slot.role}: {correct}/{share.count} = {(share.value or 0) * 100:.1f}% "
                f"(Wilson 95% {low * 100:.1f}–{high * 100:.1f}%)"
            )
        tokens = [
            float(response["tokens_out"] or 0)
            for item in kept["items"]
            for response in item["responses"]
        ]
        lines.append(f"  tokens per answer: mean {statistics.fmean(tokens or [0]):.1f}")
    return "\n".join(lines)


def accuracy(out: Path, state: dict[str, Any]) -> dict[str, Any]:
    """Each column's accuracy by the strict automatic check, as the report gives it."""
    store = Store(_database(out))
    try:
        session_id = (
            state.get("session_id")
            or store.db.execute(
                "SELECT session_id FROM batches ORDER BY created_at DESC LIMIT 1"
            ).fetchone()[0]
        )
        document = session_document(store, session_id)
        statuses = dict(
            store.db.execute(
                "SELECT r.status, COUNT(*) FROM responses r JOIN items i ON i.id = r.item_id "
                "WHERE i.session_id = ? GROUP BY r.status",
                [session_id],
            ).fetchall()
        )
        per_column: dict[str, dict[str, int]] = {}
        for role, status, count in store.db.execute(
            "SELECT r.role, r.status, COUNT(*) FROM responses r JOIN items i ON i.id = r.item_id "
            "WHERE i.session_id = ? GROUP BY r.role, r.status",
            [session_id],
        ).fetchall():
            per_column.setdefault(str(role), {})[str(status)] = int(count)
        lineup = json.loads(
            store.db.execute(
                "SELECT lineup FROM batches WHERE session_id = ? ORDER BY created_at DESC",
                [session_id],
            ).fetchone()[0]
        )
    finally:
        store.close()
    figures = report([document])
    columns = []
    for slot in figures.slots:
        share = slot.accuracy
        count = share.count
        correct = round((share.value or 0.0) * count)
        interval = wilson(correct, count) if count else None
        asked = per_column.get(slot.role, {})
        failed = asked.get("failed", 0)
        columns.append(
            {
                "role": slot.role,
                "failed": failed,
                # Stricter still: an answer that failed (the model wrote nothing) counted wrong.
                "correct_of_asked": (correct, count + failed),
                "checked": count,
                "correct": correct,
                "accuracy": share.value,
                "wilson_95": interval,
                "report_interval": (share.low, share.high),
            }
        )
    settings = [
        {
            "role": slot["role"],
            "prompt_mode": slot["source"].get("prompt_mode"),
            **{k: slot["params"][k] for k in ("temperature", "max_tokens", "seed", "threads")},
        }
        for slot in lineup
    ]
    return {"statuses": statuses, "columns": columns, "settings": settings}


def results_block(state: dict[str, Any], out: Path) -> str:
    lines = ["", "=== NQ-open dev: results ==="]
    imported = state.get("import") or {}
    if imported:
        lines.append(
            f"import: {imported['file_questions']:,} questions in {imported['import_s']:.3f} s; "
            f"sample of {imported['sample_questions']} (seed {state['seed']}) in "
            f"{imported['sample_s']:.3f} s"
        )
    figures = accuracy(out, state)
    statuses = figures["statuses"]
    ended = sum(statuses.get(status, 0) for status in ENDED)
    total = sum(statuses.values())
    wall = float(state.get("wall_s", 0.0))
    finished = ended == total and total > 0
    lines.append(
        f"{'FINISHED' if finished else 'PARTIAL'}: {ended}/{total} answers written "
        f"({statuses.get('failed', 0)} of them failed), wall {wall / 60:.1f} min, "
        f"{ended / wall if wall else 0:.3f} answers/s"
    )
    for slot in figures["settings"]:
        lines.append(
            f"  {slot['role']}: {slot['prompt_mode']}, temperature {slot['temperature']}, "
            f"max tokens {slot['max_tokens']}, seed {slot['seed']}"
        )
    for column in figures["columns"]:
        low, high = column["wilson_95"] or (0.0, 0.0)
        value = column["accuracy"]
        correct, asked = column["correct_of_asked"]
        lines.append(
            f"  {column['role']}: {column['correct']}/{column['checked']} correct = "
            f"{(value or 0) * 100:.1f}% (Wilson 95% {low * 100:.1f}–{high * 100:.1f}%); "
            f"{column['failed']} failed (empty), {correct}/{asked} of all asked"
        )
    mem = memory(out)
    if mem:
        lines.append(
            f"memory (RSS, after load): start {mem['start_mib']:.0f} MiB, median "
            f"{mem['median_mib']:.0f}, max {mem['max_mib']:.0f}, end {mem['end_mib']:.0f}; "
            f"slope {mem['slope_mib_per_hour']:+.1f} MiB/h over {mem['over_hours']} h "
            f"({mem['samples']} samples; {mem['before_load_mib']:.0f} MiB before loading)"
        )
    lines.append(
        f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB"
    )
    (out / "results.json").write_text(
        json.dumps({"state": state, "figures": figures, "memory": mem}, indent=2, default=str)
    )
    return "\n".join(lines)


def main() -> int:
    args = _arguments()
    out: Path = args.output.resolve()
    out.mkdir(parents=True, exist_ok=True)
    state = _load_state(out)
    if args.report:
        print(results_block(state, out))
        if args.against is not None:
            print(compare(out, args.against.resolve()))
        return 0
    if args.resume:
        if not state:
            print(f"Nothing to resume in {out}.", file=sys.stderr)
            return 2
    else:
        if _database(out).exists():
            print(
                f"{out} holds a run already: --resume it, --report it, or give another --output.",
                file=sys.stderr,
            )
            return 2
        state = {"questions": args.questions, "seed": args.seed, "max_tokens": args.max_tokens}
        state["import"] = time_import(args.questions, args.seed)
        print(json.dumps(state["import"], indent=2), flush=True)
        _save_state(out, state)
    code = run_batch(out, state, resume=args.resume)
    print(results_block(state, out), flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main())
