"""Benchmark: how long exporting and importing a session takes, and how that grows with its size.

Run with `.venv/bin/python bench/exports.py` (about a minute on 2 cores; BENCH_ROUNDS=1 for a
quick look). BENCH_SIZES=100,1000,10000 adds a benchmark-sized session (NQ-open's dev set on
three models is about 11,000 answers): about a quarter of an hour with BENCH_ROUNDS=1.

Sessions are generated with tests/session_factory.py (100 and 1,000 items by default), each with 3
answers of about 60 words and 10 marks per answer, judgements and verdicts. Every export format
is timed from the database to the written file, as the menu runs it; the JSON import is timed
into a fresh database (another evaluator's, so everything is new) and again into the same one
(everything already there). The median of the rounds is reported, with the growth from each
size to the next: about 10 means linear. The targets: under 2 s for each export of 1,000 items,
under 20 s for each of 10,000. Where Chromium is installed, the time the HTML report takes to
open in it (headless, until its first screenshot is taken) is measured too, less the time an
empty page takes (the browser's own start); the target is under 5 s. Every timing starts with
the app's memos empty (forget_memos), and the size of each file written is printed.

Timings are a list of (name, callable) pairs; formats written by other parts of the app are
picked up when they can be imported, so this runs whatever is there today.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from imitation_lens.core.exports.importer import import_session
from imitation_lens.core.exports.session_json import export_session
from imitation_lens.core.storage.store import Store
from session_factory import make_session

SIZES = tuple(int(size) for size in os.environ.get("BENCH_SIZES", "100,1000").split(","))
ANSWERS = 3
MARKS_PER_ANSWER = 10
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
TARGET_SECONDS = {1_000: 2.0, 10_000: 20.0}  # per export, by items
OPEN_TARGET_SECONDS = 5.0
OPENING = "HTML report opens in Chromium"

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


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _screenshot_seconds(browser: str, page: Path, folder: Path) -> float:
    """Wall time for headless Chromium to load `page` and take its first screenshot."""
    command = [
        browser,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        f"--user-data-dir={folder / 'profile'}",
        f"--screenshot={folder / 'shot.png'}",
        "--window-size=1280,1600",
        page.as_uri(),
    ]
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True, timeout=600)
    return time.perf_counter() - start


def browser_timings() -> list[Timing]:
    """The HTML report opening in a real browser, less the browser's own start."""
    browser = _browser()
    if browser is None:
        print("No Chromium found: the HTML report's opening time is not measured.")
        return []

    def opening(store: Store, session: str, folder: Path) -> float:
        from imitation_lens.core.exports.formats import export_as

        page = export_as(store, session, folder / "s.html", "html")
        empty = folder / "empty.html"
        empty.write_text("<!doctype html><title>empty</title>", "utf-8")
        baseline = _screenshot_seconds(browser, empty, folder)
        return max(0.0, _screenshot_seconds(browser, page, folder) - baseline)

    return [(OPENING, opening)]


def forget_memos() -> None:
    """Each timing starts cold: the strict check's verdicts and the words of references and
    questions are remembered within a process, so whichever ran first would pay for the rest."""
    from imitation_lens.core.analysis.metrics import _check
    from imitation_lens.core.analysis.text_style import is_hedged, uses_list, word_count
    from imitation_lens.core.judging.answer_reading import _question_words
    from imitation_lens.core.judging.answer_words import plain, stem

    for memo in (_check, _question_words, plain, stem, is_hedged, uses_list, word_count):
        getattr(memo, "cache_clear", lambda: None)()  # an older checkout lacks some memos


def median_seconds(action: Callable[[Path], object], rounds: int) -> tuple[float, int | None]:
    """The median wall time of `action` (or of what it returns when that is a time itself), and
    the size in bytes of the file it wrote, when it returns one."""
    times, size = [], None
    for _ in range(rounds):
        forget_memos()
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            measured = action(Path(folder))
            elapsed = time.perf_counter() - start
            times.append(measured if isinstance(measured, float) else elapsed)
            if isinstance(measured, Path) and measured.is_file():
                size = measured.stat().st_size
    return statistics.median(times), size


SIZES_SEEN: dict[tuple[int, str], int] = {}  # (items, timing): bytes of the file it wrote


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
    for name, timing in exports + import_timings(source) + view_timings() + browser_timings():
        results[name], size = median_seconds(partial(timing, store, session), ROUNDS)
        if size is not None:
            SIZES_SEEN[(items, name)] = size
    store.close()
    return results, [name for name, _ in exports]


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        runs = [measure(items, Path(folder)) for items in SIZES]
    results = [seconds for seconds, _ in runs]
    exports = runs[-1][1]
    print(f"\nMedian of {ROUNDS} rounds; {ANSWERS} answers, {MARKS_PER_ANSWER} marks per answer.")
    header = f"{'':40}" + "".join(f" {size:>7,} items" for size in SIZES)
    header += "".join(f"  {a:,}→{b:,}" for a, b in pairwise(SIZES))
    print(header)
    print("-" * len(header))
    for name in results[-1]:
        row = f"{name:40}" + "".join(f" {r.get(name, float('nan')):11.3f} s" for r in results)
        for small, large in pairwise(results):
            growth = large[name] / small[name] if small.get(name) else float("nan")
            row += f" {growth:12.1f}"
        print(row)
    print("\nFile sizes (MB):")
    for name in exports:
        sizes = [SIZES_SEEN.get((size, name)) for size in SIZES]
        print(f"{name:40}" + "".join(f" {b / 1e6:11.2f}  " if b else " " * 14 for b in sizes))
    for size, seconds in zip(SIZES, results, strict=True):
        if size not in TARGET_SECONDS:
            continue
        target = TARGET_SECONDS[size]
        over = [name for name in exports if seconds[name] >= target]
        print(f"\nTarget, every export of {size:,} items under {target:.0f} s: ", end="")
        print("met." if not over else "missed by " + ", ".join(over) + ".")
        if OPENING in seconds:
            print(
                f"Target, the report opens in Chromium under {OPEN_TARGET_SECONDS:.0f} s: ", end=""
            )
            print("met." if seconds[OPENING] < OPEN_TARGET_SECONDS else "missed.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
