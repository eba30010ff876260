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


def test_no_generic_top_level_package_names() -> None:
    root = PACKAGE.parents[1]
    for name in ("desktop", "models", "resources"):
        assert not (root / name / "__init__.py").exists(), f"{name}/ must not be an import package"


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
