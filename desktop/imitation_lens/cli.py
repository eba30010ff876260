"""Command line: start the app (the default, optionally on a session export file), list sessions,
export or import one, run a batch, write a study of several sessions as a web page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from imitation_lens import APP_NAME, __version__
from imitation_lens.cli_language import (
    TranslatedFormatter,
    TranslatedParser,
    choose_language,
    command_parser,
    translated_groups,
)
from imitation_lens.core.housekeeping import translation
from imitation_lens.core.housekeeping.translation import _, ngettext

if TYPE_CHECKING:
    from imitation_lens.core.housekeeping.paths import DataPaths
    from imitation_lens.core.storage.store import Store


# The most a column's "Longest answer (tokens)" may be set to, in the window as here.
MAX_TOKENS = 32768


def _count_of(option: str, least: int, most: int | None = None) -> Callable[[str], int]:
    """A whole number within bounds, or argparse's plain refusal (exit code 2)."""

    def parse(text: str) -> int:
        try:
            number = int(text.strip())
        except ValueError:
            number = None
        if number is None or number < least or (most is not None and number > most):
            if most is None:
                refusal = _("{option} takes a whole number of {least} or more, not “{text}”.")
            else:
                refusal = _("{option} takes a whole number from {least} to {most}, not “{text}”.")
            raise argparse.ArgumentTypeError(
                refusal.format(
                    option=option,
                    least=translation.number(least),
                    most=translation.number(most or 0),
                    text=text,
                )
            )
        return number

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = TranslatedParser(
        prog="imitation-lens",
        description=_("{app}: compare a base model, its imitator and the teacher.").format(
            app=APP_NAME
        ),
        epilog=_(
            "imitation-lens FILE starts the window on a session export (JSON): it is "
            "imported, or just opened if it is here already."
        ),
        add_help=False,
        formatter_class=TranslatedFormatter,
    )
    translated_groups(parser)
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {__version__}",
        help=_("show the version and exit"),
    )
    parser.add_argument(
        "--data-dir", metavar=_("FOLDER"), help=_("keep the database and models here instead")
    )
    parser.add_argument(
        "--language",
        choices=translation.LANGUAGES,
        help=_(
            "the language of these messages: de (German) or en (English); by default the one "
            "chosen in the window's Settings, else the system's"
        ),
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check that this installation works (offscreen, temporary data) and exit"),
    )
    commands = parser.add_subparsers(dest="command", title=_("commands"), metavar=_("COMMAND"))
    command_parser(commands, "sessions", _("list the sessions in the database"))
    from imitation_lens.core.exports.formats import FORMATS

    export = command_parser(
        commands,
        "export",
        _("write a session to a file ({formats})").format(
            formats=", ".join(f.name for f in FORMATS)
        ),
    )
    export.add_argument("output", type=Path, help=_("the file to write"))
    export.add_argument(
        "--session",
        default="latest",
        help=_("a session id from 'sessions' (default: latest)"),
    )
    export.add_argument(
        "--format",
        choices=[f.name for f in FORMATS],
        help=_("default: from the file name ({suffixes})").format(
            suffixes=", ".join(f.suffix for f in FORMATS)
        ),
    )
    batch = command_parser(
        commands, "batch", _("run a prompt set through the saved lineup, without the window")
    )
    batch.add_argument(
        "set",
        nargs="?",
        help=_(
            "a built-in set (factual-probes, open-ended), an imported set's name, or a "
            "question file (.jsonl, .json, .csv, .tsv, .parquet; NQ-open, TriviaQA, … as "
            "published)"
        ),
    )
    batch.add_argument(
        "--resume",
        nargs="?",
        const="latest",
        metavar=_("BATCH"),
        help=_("go on with a paused batch (default: the latest one)"),
    )
    batch.add_argument(
        "--retry-failed",
        nargs="?",
        const="latest",
        metavar=_("BATCH"),
        help=_(
            "ask again for a batch's failed answers, as the window's Retry failed does "
            "(default: the latest batch)"
        ),
    )
    batch.add_argument(
        "--sample",
        type=_count_of("--sample", 1),
        metavar="N",
        help=_(
            "ask only a random sample of N of the set's questions (the same N for the same --seed)"
        ),
    )
    batch.add_argument(
        "--seed",
        type=_count_of("--seed", 0),
        metavar="S",
        help=_("which random sample --sample takes (default: 0)"),
    )
    batch.add_argument(
        "--max-tokens",
        type=_count_of("--max-tokens", 1, MAX_TOKENS),
        metavar="N",
        help=_(
            "the longest answer, in tokens, for every column of this batch (default: each "
            "column's own setting, 200 unless changed); short-answer sets such as NQ-open need "
            "about 32"
        ),
    )
    studied = command_parser(
        commands,
        "study",
        _("write several sessions' study table (preference, accuracy, style) as HTML"),
    )
    studied.add_argument("sessions", nargs="+", metavar=_("SESSION"), help=_("session ids"))
    studied.add_argument("-o", "--output", type=Path, required=True, help=_("the page to write"))
    imported = command_parser(commands, "import", _("merge a colleague's JSON session export"))
    imported.add_argument("input", type=Path, help=_("the JSON export to merge"))
    return parser


COMMANDS = ("sessions", "export", "batch", "import", "study")


def split_file_argument(argv: list[str]) -> tuple[list[str], Path | None]:
    """`imitation-lens FILE` (the desktop entry's %f) opens the window on that file; anything
    whose first word is not a command keeps going to argparse and its subcommands."""
    rest = list(argv)
    index = 0
    while index < len(rest):
        word = rest[index]
        if word in ("--data-dir", "--language"):
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
    choose_language(words)
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
            _("Name a prompt set to run, --resume a paused batch or --retry-failed."),
            file=sys.stderr,
        )
        return 2
    if args.command == "batch":
        refused = _batch_options_refused(args)
        if refused:
            print(_("imitation-lens batch: {problem}").format(problem=refused), file=sys.stderr)
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
        return ngettext(
            "{options} shapes a new batch; {going_on} goes on with one as it was started.",
            "{options} shape a new batch; {going_on} goes on with one as it was started.",
            len(new_only),
        ).format(options=_(" and ").join(new_only), going_on=going_on)
    if args.seed is not None and args.sample is None:
        return _("--seed chooses which sample --sample takes; give --sample N as well.")
    return ""


def _cannot_write(paths: DataPaths, error: Exception) -> str:
    reason = getattr(error, "strerror", None) or _("it is read-only for you, or in use")
    return _(
        "The data folder {folder} can't be written to ({reason}). Use --data-dir with a "
        "folder you can write to."
    ).format(folder=paths.root, reason=reason)


def _read_command(paths: DataPaths, args: argparse.Namespace) -> int:
    """sessions, export and study only read: they work beside a running window and on a read-only
    folder."""
    import sqlite3

    from imitation_lens.core.storage.store import Store

    if not paths.database.exists():
        print(
            _("No database yet at {path}: start the app and run a prompt first.").format(
                path=paths.database
            )
        )
        return 1
    try:
        store = Store.open_read_only(paths.database)
    except (OSError, sqlite3.Error) as error:
        print(
            _(
                "The database at {path} can't be read ({error}). Check that this user may read "
                "the data folder, or use --data-dir."
            ).format(path=paths.database, error=error),
            file=sys.stderr,
        )
        return 1
    try:
        if args.command == "sessions":
            for session in store.sessions():
                print(_session_line(session))
            return 0
        if args.command == "study":
            return _study(store, args.sessions, args.output)
        from imitation_lens.core.exports.formats import export_as

        session_id = store.latest_session_id() if args.session == "latest" else args.session
        if (
            session_id is None
            or store.db.table("sessions").count_where("id = ?", [session_id]) == 0
        ):
            print(
                _("No session '{session}'. See: imitation-lens sessions").format(
                    session=args.session
                ),
                file=sys.stderr,
            )
            return 1
        target = export_as(store, session_id, args.output, args.format)
        print(_("Exported session {session} to {path}").format(session=session_id, path=target))
        return 0
    except OSError as error:
        print(
            _("Could not write the export: {reason}").format(reason=error.strerror or error),
            file=sys.stderr,
        )
        return 1
    except sqlite3.Error as error:
        print(
            _(
                "The database at {path} can't be read ({error}). Close the app and try again, "
                "or use --data-dir."
            ).format(path=paths.database, error=error),
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
            print(
                _("No session '{session}'. See: imitation-lens sessions").format(
                    session=session_id
                ),
                file=sys.stderr,
            )
            return 1
    try:
        result = study([session_document(store, session_id) for session_id in session_ids])
    except StudyRefused as refusal:
        print(str(refusal), file=sys.stderr)
        return 1
    target = write_study_html(result, output)
    print(
        ngettext(
            "Wrote the study of {n} session to {path}",
            "Wrote the study of {n} sessions to {path}",
            len(session_ids),
        ).format(n=len(session_ids), path=target)
    )
    return 0


def _import(database: Path, source: Path) -> int:
    from imitation_lens.core.exports.importer import ImportRefused, import_session
    from imitation_lens.core.storage.store import Store

    store = Store(database)
    try:
        result = import_session(store, source)
    except ImportRefused as refusal:
        print(_("Nothing was imported. {reason}").format(reason=refusal), file=sys.stderr)
        return 1
    finally:
        store.close()
    new = result.new
    print(
        _(
            "Imported '{title}' from {evaluator}: {items} new item(s), {marks} new mark(s), "
            "{verdicts} new verdict(s)."
        ).format(
            title=result.title,
            evaluator=result.evaluator,
            items=translation.number(new["items"]),
            marks=translation.number(new["marks"]),
            verdicts=translation.number(new["verdicts"]),
        )
    )
    for conflict in result.conflicts:
        print("  " + _("kept as it was here: {conflict}").format(conflict=conflict))
    return 0


def _session_line(session: Mapping[str, Any]) -> str:
    """One session of `sessions`: its id, when it was made (as the language writes a date), how
    many items and its title."""
    created = str(session["created_at"])
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        when = created[:16]
    else:
        if moment.tzinfo is not None:  # stored in UTC: shown in the computer's own time
            moment = moment.astimezone()
        # Plain spaces: English's narrow one before PM is not in every console's encoding.
        when = translation.date_time(moment).replace("\u202f", " ")
    # A column of counts, "  12 items": German writes "Einträge:   12" (no plural to pick).
    count = _("{count} items").format(count=f"{translation.number(int(session['items'])):>4}")
    return f"{session['id']}  {when}  {count}  {session['title']}"
