"""The core must work without Qt: scripts, the command line and tests use it headless."""

from __future__ import annotations

import ast
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
