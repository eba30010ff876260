"""Finds text core, the CLI and the report templates show people that is not marked for gettext.

Core has no widget calls to look for, so the scan looks where core's messages go: the message of
an exception the app defines (builtins like ValueError are programming errors, not messages), what
the CLI prints or gives argparse as help, text passed as a message-like keyword, and the words
between a template's tags. A literal counts if it has a letter and a space (one word alone is
mostly a key) and sits outside _()/ngettext()/N_(). Logger calls stay English: the log is read by
whoever fixes the app.
"""

from __future__ import annotations

import ast
import builtins
import re
from pathlib import Path

from translation_scan import LOGGERS, _name, literals_outside

PACKAGE = Path(__file__).resolve().parents[1] / "desktop" / "imitation_lens"
TEMPLATES = Path(__file__).resolve().parents[1] / "resources" / "reports"

MARKING = {"_", "ngettext", "N_", "gettext"}
SHOWING = {"print", "exit", "error", "add_argument", "add_parser", "ArgumentParser", "write"}
MESSAGE_KEYWORDS = {
    "message",
    "reason",
    "summary",
    "detail",
    "title",
    "hint",
    "note",
    "label",
    "headline",
    "advice",
    "explanation",
    "caption",
    "problem",
    "help",
    "description",
    "epilog",
    "usage",
    "text",
}
_BUILTIN = set(dir(builtins))


def _is_text(text: str) -> bool:
    return any(ch.isalpha() for ch in text) and " " in text.strip()


def _unmarked(node: ast.AST) -> list[str]:
    return literals_outside(node, MARKING, _is_text)


def _shown(node: ast.Call) -> list[ast.expr]:
    """The parts of a call that reach a person."""
    name = _name(node.func)
    keywords = [k.value for k in node.keywords if k.arg in MESSAGE_KEYWORDS]
    if name in SHOWING:
        return [*node.args, *keywords]
    return keywords


def unmarked(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each unmarked message in one Python module."""
    found: list[tuple[int, str]] = []
    tree = ast.parse(path.read_text("utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            if _name(node.exc.func) not in _BUILTIN:
                args = [*node.exc.args, *(k.value for k in node.exc.keywords)]
                found.extend((node.lineno, t) for a in args for t in _unmarked(a))
        elif isinstance(node, ast.Call):
            if isinstance(node.func, ast.Attribute) and _name(node.func.value) in LOGGERS:
                continue
            found.extend((node.lineno, t) for a in _shown(node) for t in _unmarked(a))
    return sorted(set(found))


_TAG = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]*>", re.S)
_TRANS = re.compile(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", re.S)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)


def unmarked_in_template(path: Path) -> list[str]:
    """Words between a template's tags, outside {% trans %} blocks."""
    text = _SCRIPT.sub(" ", _TRANS.sub(" ", path.read_text("utf-8")))
    words = [w.strip() for w in _TAG.split(text)]
    return [w for w in words if any(ch.isalpha() for ch in w) and not w.startswith("&")]


def core_modules() -> list[Path]:
    """Every module core's messages come from: all of the package but the window's own."""
    return sorted(p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts)


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def templates() -> list[Path]:
    return sorted(TEMPLATES.glob("*.j2"))
