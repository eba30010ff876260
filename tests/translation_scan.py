"""Finds user-visible text in the ui/ modules that is not marked for translation.

A string literal (or f-string) with a letter in it, passed to a Qt call that puts text on screen
or reads it to a screen reader (a setter, a widget's or an item's constructor, a message box or
file dialog with its filters, a combo box's item, a painted word), counts unless it sits inside
tr()/translate(). Deliberately
simple: a literal kept in a module constant is not seen (the language names, say, stay as they
are in every language), so a constant is how a string is declared language-free.
"""

from __future__ import annotations

import ast
import importlib.util
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

UI = Path(__file__).resolve().parents[1] / "desktop" / "imitation_lens" / "ui"

TEXT_METHODS = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "setTitle",
    "setLabelText",
    "setInformativeText",
    "setDetailedText",
    "setHtml",
    "setPlainText",
    "setSuffix",
    "setPrefix",
    "setSpecialValueText",
    "setFormat",
    "setTabText",
    "setTabToolTip",
    "setHorizontalHeaderLabels",
    "setHeaderLabels",
    "showMessage",
    "say",  # the window's status-bar message (MainWindow.say)
    "addMenu",
    "addAction",
    "addRow",
    "addTab",
    "addButton",
    "createUndoAction",
    "createRedoAction",
    "information",
    "warning",
    "critical",
    "question",
    "about",
    "getText",
    "getItem",
    "getOpenFileName",
    "getSaveFileName",
    "getExistingDirectory",
    "getOpenFileNames",
    "setNameFilter",
    "setNameFilters",
    "getInt",
    "getDouble",
    "getMultiLineText",
    "addSection",
    "addItems",
    "setItemText",
    "setHeaderLabel",
    "setVerticalHeaderLabels",
    "setSubTitle",
    "setButtonText",
    "setCancelButtonText",
    "showText",  # QToolTip.showText
    "drawText",  # QPainter: a chart's words
}
# A combo box's item: its text is shown, its data (the argument after the text) is not. The text
# is the first argument (the second after an icon); insertItem takes the index first.
ITEM_TEXT = {"addItem": (0, 3), "insertItem": (1, 4)}
TEXT_WIDGETS = {
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QAction",
    "QMenu",
    "QCommandLinkButton",
    "QMessageBox",
    "QToolButton",
    "QLineEdit",
    "QTableWidgetItem",
    "QListWidgetItem",
    "QTreeWidgetItem",
    "QStandardItem",
    "QProgressDialog",
}
TRANSLATING = {"tr", "translate"}
LOGGERS = {"log", "logger", "logging"}
_MARKUP = re.compile(r"<[^<>]*>|&[a-z]+;")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return ""


def _has_letter(text: str) -> bool:
    """Words, not markup: "<h2></h2><p>" or "&nbsp;" around translated text says nothing."""
    return any(ch.isalpha() for ch in _MARKUP.sub("", text))


def literals_outside(node: ast.AST, marking: set[str], is_text: Callable[[str], bool]) -> list[str]:
    """Literals under `node` that `is_text` takes for words, not looking inside a marking call
    (tr()/translate() here, _()/N_() in core) nor into a logger's (the log stays English)."""
    if isinstance(node, ast.Call) and _name(node.func) in marking:
        return []
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and _name(node.func.value) in LOGGERS
    ):
        return []
    if isinstance(node, ast.Subscript):  # session["title"]: a key, not text
        return literals_outside(node.value, marking, is_text)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value] if is_text(node.value) else []
    if isinstance(node, ast.JoinedStr):
        text = "".join(str(part.value) for part in node.values if isinstance(part, ast.Constant))
        return [text] if is_text(text) else []
    found: list[str] = []
    for child in ast.iter_child_nodes(node):
        found.extend(literals_outside(child, marking, is_text))
    return found


def _untranslated(node: ast.AST) -> list[str]:
    return literals_outside(node, TRANSLATING, _has_letter)


def load_translation_tools() -> ModuleType:
    """packaging/translations.py, the script `make translations` runs (not a package module)."""
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "translations", root / "packaging" / "translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def unmarked(path: Path) -> list[tuple[int, str]]:
    """(line, text) of each unmarked user-visible literal in one module."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        name = _name(node.func)
        func = node.func
        if isinstance(func, ast.Attribute) and _name(func.value) in LOGGERS:
            continue  # the log stays English: it is read by whoever fixes the app
        if name in ITEM_TEXT:
            first, icon_too = ITEM_TEXT[name]
            at = first + 1 if len(node.args) >= icon_too else first
            args = node.args[at : at + 1] + [k.value for k in node.keywords if k.arg == "text"]
        elif name in TEXT_METHODS or name in TEXT_WIDGETS:
            args = [*node.args, *(k.value for k in node.keywords if k.arg != "objectName")]
        else:
            continue
        for arg in args:
            found.extend((node.lineno, text) for text in _untranslated(arg))
    return found


def ui_modules() -> list[Path]:
    return sorted(UI.glob("*.py"))


def translated_in_f_strings(path: Path) -> list[int]:
    """Lines where tr()/translate() sits inside an f-string: pyside6-lupdate does not look
    inside one, so that message never reaches the .ts and shows in English in every language."""
    found: list[int] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.JoinedStr):
            found.extend(
                inner.lineno
                for inner in ast.walk(node)
                if isinstance(inner, ast.Call) and _name(inner.func) in TRANSLATING
            )
    return found
