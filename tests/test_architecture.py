"""The core must work without Qt: scripts, the command line and tests use it headless."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "imitation_lens"


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_core_modules_import_no_qt() -> None:
    offenders = {
        str(path.relative_to(PACKAGE)): sorted(
            n for n in _imports(path) if n.startswith(("PySide6", "shiboken6", "imitation_lens.ui"))
        )
        for path in (PACKAGE / "core").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_importing_the_whole_core_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys, imitation_lens.core as core\n"
        "for m in pkgutil.walk_packages(core.__path__, 'imitation_lens.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


# Every module directly in the package, and what it may reach for. A new one must be added here,
# so nobody slips a Qt import into the headless command line by adding a file.
TOP_LEVEL_RULES = {
    "__init__.py": "headless",
    "__main__.py": "headless",
    "batch_command.py": "headless",  # runs batches on a server with no display
    "cli.py": "qt-only-when-asked",  # starts the window or the self-test, lazily
    "cli_language.py": "headless",  # the CLI's language and argparse's words
}


def _module_level_imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.parse(path.read_text("utf-8")).body:
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _is_qt(name: str) -> bool:
    return name.startswith(("PySide6", "shiboken6", "imitation_lens.ui"))


def test_every_top_level_module_has_a_rule() -> None:
    found = {path.name for path in PACKAGE.glob("*.py")}
    assert found == set(TOP_LEVEL_RULES)


def test_top_level_modules_keep_their_rule() -> None:
    for name, rule in TOP_LEVEL_RULES.items():
        path = PACKAGE / name
        reached = _imports(path) if rule == "headless" else _module_level_imports(path)
        assert sorted(n for n in reached if _is_qt(n)) == [], name


def test_the_command_line_loads_no_qt_until_the_window_is_asked_for() -> None:
    code = (
        "import sys, imitation_lens.cli, imitation_lens.batch_command\n"
        "print(sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_no_generic_top_level_package_names() -> None:
    root = PACKAGE.parents[1]
    for name in ("desktop", "models", "resources"):
        assert not (root / name / "__init__.py").exists(), f"{name}/ must not be an import package"


# Background work in the UI goes through ui/tasks.run_task (tied to its owner, results dropped
# once the owner is gone). Only these modules may start threads or use GuiBridge themselves:
THREADS_ALLOWED = {
    "ui/tasks.py": "the one background-task helper",
}
_THREAD_NAMES = {"Thread", "ThreadPoolExecutor", "QThreadPool", "QRunnable", "GuiBridge"}


def _thread_uses(path: Path) -> list[str]:
    """Where a module starts a thread of its own or uses GuiBridge, as "line: name"."""
    found: list[str] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Name):
            names = [node.id]
        elif isinstance(node, ast.Attribute):
            names = [node.attr]
        elif isinstance(node, ast.ClassDef):
            names = [node.name]
        elif isinstance(node, ast.ImportFrom):
            names = [alias.name for alias in node.names]
        line = getattr(node, "lineno", 0)
        found += [f"{line}: {name}" for name in names if name in _THREAD_NAMES]
    return sorted(set(found))


def test_ui_background_work_goes_through_the_task_helper() -> None:
    uses = {
        path.relative_to(PACKAGE).as_posix(): _thread_uses(path)
        for path in (PACKAGE / "ui").rglob("*.py")
    }
    offenders = {k: v for k, v in uses.items() if v and k not in THREADS_ALLOWED}
    assert offenders == {}, "use ui/tasks.run_task, not a thread or GuiBridge of your own"
    stale = sorted(k for k in THREADS_ALLOWED if k in uses and not uses[k] and k != "ui/tasks.py")
    assert stale == [], "no longer starts threads: take it off THREADS_ALLOWED"


def test_no_two_classes_in_the_package_share_a_name() -> None:
    """One name per concept: a class name says where the class is (AnswerView, ReportView...)."""
    where: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ClassDef):
                where.setdefault(node.name, []).append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in where.items() if len(paths) > 1} == {}


_SQL = re.compile(  # as this code base writes SQL: key words in capitals
    r"\bSELECT\b.{1,300}?\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|^\s*(BEGIN|COMMIT|ROLLBACK)\b|\bPRAGMA\s+\w",
    re.DOTALL,
)


def test_the_ui_owns_no_sql_and_no_transaction() -> None:
    """The database is core's: the UI hands core functions to the writer as jobs."""
    offenders: dict[str, list[str]] = {}
    for path in (PACKAGE / "ui").rglob("*.py"):
        found = sorted(
            n for n in _imports(path) if n.split(".")[0] in ("sqlite3", "sqlite_utils", "apsw")
        )
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                if _SQL.search(node.value):
                    found.append(f"line {node.lineno}: {node.value!r}")
            elif isinstance(node, ast.Attribute) and node.attr in ("atomic", "execute"):
                found.append(f"line {node.lineno}: .{node.attr}")  # a transaction or raw SQL
        if found:
            offenders[str(path.relative_to(PACKAGE))] = found
    assert offenders == {}


def test_the_sql_check_sees_sql_and_not_plain_words() -> None:
    for sql in (
        "SELECT i.prompt, r.status FROM responses r JOIN items i ON i.id = r.item_id",
        "INSERT INTO marks VALUES (?)",
        "INSERT OR IGNORE INTO marks VALUES (?)",
        "UPDATE responses SET status = ?",
        "DELETE FROM marks WHERE id = ?",
        "BEGIN IMMEDIATE",
        "COMMIT",
        "PRAGMA integrity_check",
    ):
        assert _SQL.search(sql), sql
    for words in (
        "Select the wrong words from the answer",
        "Update the set of prompts",
        "Begin here, then commit to a verdict",
        "Delete from the library?",
    ):
        assert not _SQL.search(words), words


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _top_level_imports(body: list[ast.stmt], known: set[str]) -> set[str]:
    """Package modules imported at module level, `if TYPE_CHECKING:` blocks included.

    A type-only import does not run, but a circle through one is still a circle for the reader
    (and for mypy): the window's parts name the small interface they need (a Protocol), never
    the window. Imports inside functions are left out: they run once every module is loaded.
    """
    found: set[str] = set()
    for node in body:
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            # `from package import module` imports the module itself.
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.If):
            found |= _top_level_imports(node.body, known)
            found |= _top_level_imports(node.orelse, known)
        elif isinstance(node, ast.Try):
            for block in (node.body, node.orelse, node.finalbody):
                found |= _top_level_imports(block, known)
            for handler in node.handlers:
                found |= _top_level_imports(handler.body, known)
    return {name for name in found if name in known}


def _import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round about (Tarjan)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(module: str) -> None:
        order[module] = low[module] = len(order)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in order:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], order[other])
        if low[module] == order[module]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return circles


def test_no_module_of_the_package_imports_itself_round_about() -> None:
    """A circle of imports (batch_flow → main_window → batch_flow) makes a module's meaning
    depend on which one is loaded first; a part talks to the window through a small host
    interface (a Protocol) instead. TYPE_CHECKING-only imports count too."""
    paths = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    known = set(paths)
    graph = {
        name: _top_level_imports(ast.parse(path.read_text("utf-8")).body, known) - {name}
        for name, path in paths.items()
    }
    assert len(graph) > 100  # the whole package was read
    assert _import_circles(graph) == []
    # The check itself finds a circle when there is one.
    assert _import_circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
