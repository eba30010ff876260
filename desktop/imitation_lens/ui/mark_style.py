"""How marks look: a colour per category and an underline style per severity.

Colour never carries meaning alone: severity also changes the underline (dotted for Minor, wavy
for Major), a "not sure" mark is set in italics, and every mark has a tooltip in words. The hues
are the Okabe–Ito palette, which stays distinct under the common colour-vision deficiencies.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QGuiApplication, QPalette, QTextCharFormat

from imitation_lens.core.judging import taxonomy
from imitation_lens.core.judging.annotations import Mark

UNDERLINES = {
    "minor": QTextCharFormat.UnderlineStyle.DotLine,
    "major": QTextCharFormat.UnderlineStyle.WaveUnderline,
}


def category_colour(code: str, alpha: int = 255) -> QColor:
    red, green, blue = taxonomy.category_colour(code)
    return QColor(red, green, blue, alpha)


def mark_format(mark: Mark, current: bool) -> QTextCharFormat:
    """The look of one mark. Backgrounds are translucent so overlapping marks both show."""
    major = mark.severity != "minor"
    alpha = (130 if major else 70) + (60 if current else 0)
    char_format = QTextCharFormat()
    char_format.setBackground(category_colour(mark.category, alpha))
    char_format.setUnderlineStyle(
        UNDERLINES.get(mark.severity, QTextCharFormat.UnderlineStyle.SingleUnderline)
    )
    # A dark underline keeps its style (wavy or dotted) visible on any background.
    char_format.setUnderlineColor(QColor(60, 20, 20) if major else QColor(70, 70, 70))
    if mark.unsure:
        char_format.setFontItalic(True)
    # The text colour goes with the tint it sits on, in a light or a dark palette alike.
    char_format.setForeground(text_on(category_colour(mark.category, alpha)))
    return char_format


def text_on(tint: QColor) -> QColor:
    """Black or white, whichever reads better on a (translucent) tint over the answer's page."""
    page = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    share = tint.alphaF()
    red, green, blue = (
        share * part + (1 - share) * under
        for part, under in (
            (tint.redF(), page.redF()),
            (tint.greenF(), page.greenF()),
            (tint.blueF(), page.blueF()),
        )
    )
    light = 0.2126 * red**2.2 + 0.7152 * green**2.2 + 0.0722 * blue**2.2
    return QColor(0, 0, 0) if light > 0.18 else QColor(255, 255, 255)


def legend_html() -> str:
    """A one-line key to the colours, for under the answers."""
    chips = []
    for category in taxonomy.categories():
        colour = category_colour(category.code, 255).name()
        chips.append(
            f"<span style='background:{colour}; color:{colour}'>&nbsp;&nbsp;</span>&nbsp;"
            f"<b>{category.key}</b>&nbsp;{category.shown_label()}"
        )
    minor = QCoreApplication.translate("MarkStyle", "Minor (dotted)")
    major = QCoreApplication.translate("MarkStyle", "Major (wavy)")
    return (
        "&nbsp;&nbsp; ".join(chips)
        + f"&nbsp;&nbsp;&nbsp;·&nbsp; <b>m</b> {minor} &nbsp;<b>M</b> {major}"
    )
