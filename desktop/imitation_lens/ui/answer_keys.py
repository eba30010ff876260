"""What a key pressed in an answer, or its right-click menu, asks for: an action name.

AnswerPane reports these names; what each means for the annotations is the annotator's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMenu

from imitation_lens.core.judging.taxonomy import categories, category_for_key

# Keys pressed in an answer and the action each one asks for. Letters go by key code (with or
# without Shift, as noted), digits and signs by the character typed, whatever the layout.
LETTER_ACTIONS: dict[tuple[Qt.Key, bool], str] = {
    (Qt.Key.Key_M, False): "severity:minor",
    (Qt.Key.Key_M, True): "severity:major",
    (Qt.Key.Key_E, False): "edit",
    (Qt.Key.Key_E, True): "edit",
    (Qt.Key.Key_U, False): "unsure",
    (Qt.Key.Key_C, False): "clean",
    (Qt.Key.Key_O, False): "off_topic",
    (Qt.Key.Key_X, False): "critical",
    (Qt.Key.Key_V, False): "verdict",
}
CHARACTER_ACTIONS: dict[str, str] = {"?": "help"}


def character_action(text: str) -> str | None:
    """What a typed character asks for: a category's key marks with it (as the taxonomy has
    them now), "?" opens the keyboard sheet."""
    category = category_for_key(text) if text else None
    return f"category:{category.code}" if category is not None else CHARACTER_ACTIONS.get(text)


def add_mark_actions(
    menu: QMenu, can_mark: bool, has_mark: bool, emit: Callable[[str], None]
) -> None:
    """The marking part of an answer's right-click menu, after the standard entries."""
    menu.addSeparator()
    mark_menu = QMenu(QCoreApplication.translate("AnswerKeys", "Mark the selection as"), menu)
    mark_menu.setEnabled(can_mark)
    for category in categories():
        action = mark_menu.addAction(f"{category.shown_label()}\t{category.key}")
        action.triggered.connect(lambda _=False, code=category.code: emit(f"category:{code}"))
    menu.addMenu(mark_menu)
    # The key after the tab is never translated: it is the key pressed on any layout.
    for label, key, name in (
        (QCoreApplication.translate("AnswerKeys", "Minor"), "m", "severity:minor"),
        (QCoreApplication.translate("AnswerKeys", "Major"), "Shift+M", "severity:major"),
        (QCoreApplication.translate("AnswerKeys", "Not sure"), "u", "unsure"),
        (QCoreApplication.translate("AnswerKeys", "Edit mark…"), "E", "edit"),
        (QCoreApplication.translate("AnswerKeys", "Delete mark"), "Del", "delete"),
    ):
        action = menu.addAction(f"{label}\t{key}")
        action.setEnabled(has_mark)
        action.triggered.connect(lambda _=False, n=name: emit(n))
