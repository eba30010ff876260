"""Command line: start the app (the default, optionally on a session export file), list sessions,
export or import one, run a batch, write a study of several sessions as a web page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from imitation_lens import APP_NAME, __version__

if TYPE_CHECKING:
    from imitation_lens.core.housekeeping.paths import DataPaths
    from imitation_lens.core.storage.store import Store


# The most a column's "Longest answer (tokens)" may be set to, in the window as here.
MAX_TOKENS = 32768


def _count_of(option: str, least: int, most: int | None = None) -> Callable[[str], int]:
    """A whole number within bounds, or argparse's plain refusal (exit code 2)."""
    bounds = f"from {least:,} to {most:,}" if most is not None else f"of {least} or more"

    def parse(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            number = None
        if number is None or number < least or (most is not None and number > most):
            raise argparse.ArgumentTypeError(
                f"{option} takes a whole number {bounds}, not “{text}”."
            )
        return number

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="imitation-lens",
        description=f"{APP_NAME}: compare a base model, its imitator and the teacher.",
        epilog="imitation-lens FILE starts the window on a session export (JSON): it is "
        "imported, or just opened if it is here already.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--data-dir", metavar="FOLDER", help="keep the database and models here instead"
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this installation works (offscreen, temporary data) and exit",
    )
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("sessions", help="list the sessions in the database")
    from imitation_lens.core.exports.formats import FORMATS

    export = commands.add_parser(
        "export",
        help=f"write a session to a file ({', '.join(f.name for f in FORMATS)})",
    )
    export.add_argument("output", type=Path, help="the file to write")
    export.add_argument(
        "--session", default="latest", help="a session id from 'sessions' (default: latest)"
    )
    export.add_argument(
        "--format",
        choices=[f.name for f in FORMATS],
        help=f"default: from the file name ({', '.join(f.suffix for f in FORMATS)})",
    )
    batch = commands.add_parser(
        "batch", help="run a prompt set through the saved lineup, without the window"
    )
    batch.add_argument(
        "set",
        nargs="?",
        help="a built-in set (factual-probes, open-ended), an imported set's name, or a "
        "question file (.jsonl, .json, .csv, .tsv, .parquet; NQ-open, TriviaQA, … as published)",
    )
    batch.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        metavar="BATCH",
        help="go on with a paused batch (default: the latest one)",
    )
    batch.add_argument(
        "--retry-failed",
        nargs="?",
        const="latest",
        metavar="BATCH",
        help="ask again for a batch's failed answers, as the window's Retry failed does "
        "(default: the latest batch)",
    )
    batch.add_argument(
        "--sample",
        type=_count_of("--sample", 1),
        metavar="N",
        help="ask only a random sample of N of the set's questions (the same N for the same "
        "--seed)",
    )
    batch.add_argument(
        "--seed",
        type=_count_of("--seed", 0),
        metavar="S",
        help="which random sample --sample takes (default: 0)",
    )
    batch.add_argument(
        "--max-tokens",
        type=_count_of("--max-tokens", 1, MAX_TOKENS),
        metavar="N",
        help="the longest answer, in tokens, for every column of this batch (default: each "
        "column's own setting, 200 unless changed); short-answer sets such as NQ-open need "
        "about 32",
    )
    studied = commands.add_parser(
        "study", help="write several sessions' study table (preference, accuracy, style) as HTML"
    )
    studied.add_argument("sessions", nargs="+", metavar="SESSION", help="session ids")
    studied.add_argument("-o", "--output", type=Path, required=True, help="the page to write")
    imported = commands.add_parser("import", help="merge a colleague's JSON session export")
    imported.add_argument("input", type=Path, help="the JSON export to merge")
    return parser


COMMANDS = ("sessions", "export", "batch", "import", "study")


def split_file_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """`imitation-lens FILE` (the desktop entry's %f) opens the window on that file; anything
    whose first word is not a command keeps going to argparse and its subcommands."""
    rest = list(argv)
    index = 0
    while index < len(rest):
        word = rest[index]
        if word == "--data-dir":
            index += 2
            continue
        if word.startswith("-") and word != "-":
            index += 1
            continue
        if word in COMMANDS:
            return rest, None
        del rest[index]
        return rest, Path(word)
    return rest, None


def main(argv: list[str] | None = None) -> int:
    words, open_file = split_file_argument(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(words)
    if args.self_test:
        from imitation_lens.ui.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from imitation_lens.ui.app import run_app

        return run_app(args.data_dir, open_file)
    from imitation_lens.core.housekeeping.paths import data_paths

    paths = data_paths(args.data_dir)
    if args.command in ("batch", "import"):
        return _write_command(paths, args)
    return _read_command(paths, args)


def _write_command(paths: DataPaths, args: argparse.Namespace) -> int:
    """batch and import change the database: never while a window owns it."""
    import sqlite3

    from imitation_lens.core.housekeeping.instance_lock import WINDOW_OPEN_ELSEWHERE, window_open_on

    if (
        args.command == "batch"
        and args.set is None
        and args.resume is None
        and args.retry_failed is None
    ):
        print(
            "Name a prompt set to run, --resume a paused batch or --retry-failed.",
            file=sys.stderr,
        )
        return 2
    if args.command == "batch":
        refused = _batch_options_refused(args)
        if refused:
            print(f"imitation-lens batch: {refused}", file=sys.stderr)
            return 2
    if window_open_on(paths.database):
        print(WINDOW_OPEN_ELSEWHERE, file=sys.stderr)
        return 1
    try:
        if args.command == "import":
            return _import(paths.database, args.input)
        from imitation_lens.batch_command import run_batch_command
        from imitation_lens.core.batches.set_files import Sample

        sample = Sample(args.sample, args.seed or 0) if args.sample is not None else None
        return run_batch_command(
            paths,
            args.set,
            args.resume,
            args.retry_failed,
            sample=sample,
            max_tokens=args.max_tokens,
        )
    except (OSError, sqlite3.Error) as error:
        print(_cannot_write(paths, error), file=sys.stderr)
        return 1


def _batch_options_refused(args: argparse.Namespace) -> str:
    """Options that only make sense for a new batch, or only together; "" when all is well."""
    new_only = [
        option
        for option, value in (
            ("--sample", args.sample),
            ("--seed", args.seed),
            ("--max-tokens", args.max_tokens),
        )
        if value is not None
    ]
    if new_only and (args.resume is not None or args.retry_failed is not None):
        going_on = "--resume" if args.resume is not None else "--retry-failed"
        return (
            f"{' and '.join(new_only)} shape a new batch; {going_on} goes on with one as it "
            "was started."
        )
    if args.seed is not None and args.sample is None:
        return "--seed chooses which sample --sample takes; give --sample N as well."
    return ""


def _cannot_write(paths: DataPaths, error: Exception) -> str:
    reason = getattr(error, "strerror", None) or "it is read-only for you, or in use"
    return (
        f"The data folder {paths.root} can't be written to ({reason}). Use --data-dir with a "
        "folder you can write to."
    )


def _read_command(paths: DataPaths, args: argparse.Namespace) -> int:
    """sessions, export and study only read: they work beside a running window and on a read-only
    folder."""
    import sqlite3

    from imitation_lens.core.storage.store import Store

    if not paths.database.exists():
        print(f"No database yet at {paths.database}: start the app and run a prompt first.")
        return 1
    try:
        store = Store.open_read_only(paths.database)
    except (OSError, sqlite3.Error) as error:
        print(
            f"The database at {paths.database} can't be read ({error}). Check that this user "
            "may read the data folder, or use --data-dir.",
            file=sys.stderr,
        )
        return 1
    try:
        if args.command == "sessions":
            for session in store.sessions():
                print(
                    f"{session['id']}  {session['created_at'][:16]}  "
                    f"{session['items']:>4} items  {session['title']}"
                )
            return 0
        if args.command == "study":
            return _study(store, args.sessions, args.output)
        from imitation_lens.core.exports.formats import export_as

        session_id = store.latest_session_id() if args.session == "latest" else args.session
        if (
            session_id is None
            or store.db.table("sessions").count_where("id = ?", [session_id]) == 0
        ):
            print(f"No session '{args.session}'. See: imitation-lens sessions", file=sys.stderr)
            return 1
        target = export_as(store, session_id, args.output, args.format)
        print(f"Exported session {session_id} to {target}")
        return 0
    except OSError as error:
        print(f"Could not write the export: {error.strerror or error}", file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        print(
            f"The database at {paths.database} can't be read ({error}). Close the app and try "
            "again, or use --data-dir.",
            file=sys.stderr,
        )
        return 1
    finally:
        store.close()


def _study(store: Store, session_ids: list[str], output: Path) -> int:
    from imitation_lens.core.analysis.study import StudyRefused, study
    from imitation_lens.core.exports.session_json import session_document
    from imitation_lens.core.exports.study_html import write_study_html

    for session_id in session_ids:
        if store.db.table("sessions").count_where("id = ?", [session_id]) == 0:
            print(f"No session '{session_id}'. See: imitation-lens sessions", file=sys.stderr)
            return 1
    try:
        result = study([session_document(store, session_id) for session_id in session_ids])
    except StudyRefused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    target = write_study_html(result, output)
    print(f"Wrote the study of {len(session_ids)} session(s) to {target}")
    return 0


def _import(database: Path, source: Path) -> int:
    from imitation_lens.core.exports.importer import ImportRefused, import_session
    from imitation_lens.core.storage.store import Store

    store = Store(database)
    try:
        result = import_session(store, source)
    except ImportRefused as refusal:
        print(f"Nothing was imported. {refusal}", file=sys.stderr)
        return 1
    finally:
        store.close()
    new = result.new
    print(
        f"Imported '{result.title}' from {result.evaluator}: {new['items']} new item(s), "
        f"{new['marks']} new mark(s), {new['verdicts']} new verdict(s)."
    )
    for conflict in result.conflicts:
        print(f"  kept as it was here: {conflict}")
    return 0
