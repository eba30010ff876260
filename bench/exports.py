"""Benchmark: how long exporting and importing a session takes, and how that grows with its size.

Run with `.venv/bin/python bench/exports.py` (about a minute on 2 cores; BENCH_ROUNDS=1 for a
quick look).

Two sessions are generated with tests/session_factory.py: 100 and 1,000 items, each with 3
answers of about 60 words and 10 marks per answer, judgements and verdicts. Every export format
is timed from the database to the written file, as the menu runs it; the JSON import is timed
into a fresh database (another evaluator's, so everything is new) and again into the same one
(everything already there). The median of the rounds is reported, with the growth from 100 to
1,000 items: about 10 means linear. The target is under 2 s for each export of 1,000 items.

Timings are a list of (name, callable) pairs; formats written by other parts of the app are
picked up when they can be imported, so this runs whatever is there today.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.storage.store import Store
from session_factory import make_session

SIZES = (100, 1_000)
ANSWERS = 3
MARKS_PER_ANSWER = 10
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TARGET_SECONDS = 2.0

# Each timing gets the store, the session's id and a folder of its own to write into.
Timing = tuple[str, Callable[[Store, str, Path], object]]


def export_timings() -> list[Timing]:
    timings: list[Timing] = [
        (
            "JSON export",
            lambda store, session, folder: export_session(store, session, folder / "s.json"),
        )
    ]
    try:
        from imitation_lens.core.exports.formats import FORMATS, export_as
    except ImportError as error:
        print(f"Only the JSON export is timed: the other formats can't be loaded ({error}).")
        return timings
    for export_format in FORMATS:
        if export_format.name == "json":
            continue  # timed above, through export_session

        def run(store: Store, session: str, folder: Path, name: str = export_format.name) -> Path:
            return export_as(store, session, folder / f"s.{name}", name)

        timings.append((f"{export_format.name} export", run))
    return timings


def import_timings(source: Path) -> list[Timing]:
    """Importing `source` (the JSON export of the session) as a colleague would."""

    def fresh(store: Store, session: str, folder: Path) -> object:
        colleague = Store(folder / "colleague.sqlite3")
        colleague.set_setting("evaluator_name", "colleague")
        try:
            return import_session(colleague, source)
        finally:
            colleague.close()

    def again(store: Store, session: str, folder: Path) -> object:
        return import_session(store, source)  # the session's own database: all already there

    return [("JSON import, fresh database", fresh), ("JSON import, all already there", again)]


def view_timings() -> list[Timing]:
    """What the window does on the writer and worker threads: the report and the browser."""
    from imitation_lens.core.analysis.session_report import build_session_report
    from imitation_lens.core.exports.session_json import session_document
    from imitation_lens.core.storage.sessions import session_summaries

    def report(store: Store, session: str, folder: Path) -> object:
        return build_session_report(session_document(store, session))

    def browser(store: Store, session: str, folder: Path) -> object:
        return session_summaries(store)

    def search(store: Store, session: str, folder: Path) -> object:
        return session_summaries(store, "capital")

    return [
        ("report (read the session + compute)", report),
        ("session browser: list", browser),
        ("session browser: full-text search", search),
    ]


def median_seconds(action: Callable[[Path], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            action(Path(folder))
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(items: int, folder: Path) -> tuple[dict[str, float], list[str]]:
    """Seconds per timing for a session of `items` items, and which of them are exports."""
    store = Store(folder / f"{items}.sqlite3")
    start = time.perf_counter()
    session = make_session(store, items, ANSWERS, MARKS_PER_ANSWER, seed=items)
    results = {"generating the session (make_session)": time.perf_counter() - start}
    source = export_session(store, session, folder / f"{items}.json")
    print(
        f"{items:,} items: {store.db.table('responses').count:,} answers, "
        f"{store.db.table('marks').count:,} marks, JSON export {source.stat().st_size / 1e6:.1f} MB"
    )
    exports = export_timings()
    for name, timing in exports + import_timings(source) + view_timings():
        results[name] = median_seconds(partial(timing, store, session), ROUNDS)
    store.close()
    return results, [name for name, _ in exports]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        (small, _), (large, exports) = (measure(items, Path(folder)) for items in SIZES)
    print(f"\nMedian of {ROUNDS} rounds; {ANSWERS} answers, {MARKS_PER_ANSWER} marks per answer.")
    header = f"{'':40} {SIZES[0]:>7,} items {SIZES[1]:>7,} items  growth"
    print(header)
    print("-" * len(header))
    for name, seconds in large.items():
        print(f"{name:40} {small[name]:11.3f} s {seconds:11.3f} s {seconds / small[name]:7.1f}")
    over = [name for name in exports if large[name] >= TARGET_SECONDS]
    print(f"\nTarget, every export of {SIZES[1]:,} items under {TARGET_SECONDS:.0f} s: ", end="")
    print("met." if not over else "missed by " + ", ".join(over) + ".")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
