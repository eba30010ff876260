"""Window sizes that fit the screen, and where the user left the window and its panes.

The sizes live in an INI file in the data folder (DataPaths.window_settings), not in the
desktop's registry, so every `--data-dir` (a test, a second evaluator) keeps its own.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QSplitter, QWidget

# Room a window manager takes around a window (title bar, borders) before it is mapped and
# its real frame is known.
FRAME_ALLOWANCE = QSize(16, 40)


def available_area(widget: QWidget | None = None) -> QRect:
    """The part of the widget's screen (else the primary one) that windows may use."""
    screen = widget.screen() if widget is not None else None
    screen = screen or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def first_size(area: QRect) -> QSize:
    """The size of a window never sized before: most of the screen, not more than needed."""
    return QSize(
        min(1440, area.width() - FRAME_ALLOWANCE.width()),
        min(900, area.height() - FRAME_ALLOWANCE.height()),
    )


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Size a window as preferred, but never larger than the free part of its screen."""
    area = available_area(window.parentWidget() or window)
    room = area.size() - FRAME_ALLOWANCE
    window.resize(QSize(width, height).boundedTo(room))


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move a restored window onto a screen: the screen may have got smaller."""
    if window.isMaximized() or window.isFullScreen():
        return
    geometry = window.geometry()
    screen = QGuiApplication.screenAt(geometry.center()) or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    frame = window.frameGeometry()
    extra = QSize(frame.width() - geometry.width(), frame.height() - geometry.height())
    if extra.isNull() or not window.isVisible():
        extra = FRAME_ALLOWANCE
    room = area.size() - extra
    size = geometry.size().boundedTo(room).expandedTo(window.minimumSizeHint())
    left = min(max(frame.left(), area.left()), area.right() + 1 - size.width() - extra.width())
    top = min(max(frame.top(), area.top()), area.bottom() + 1 - size.height() - extra.height())
    window.resize(size)
    window.move(max(left, area.left()), max(top, area.top()))


class WindowState(QObject):
    """Restores a window's geometry and its splitters' sizes, and saves them when it closes."""

    def __init__(self, path: Path, name: str, window: QWidget) -> None:
        super().__init__(window)
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)
        self.name = name
        self.window = window
        self.splitters: dict[str, QSplitter] = {}
        window.installEventFilter(self)

    def restore_geometry(self) -> bool:
        """Put the window where it was last time; False (and a fitting size) the first time."""
        saved = self.settings.value(f"{self.name}/geometry")
        restorable = isinstance(saved, QByteArray) and not saved.isEmpty()
        if restorable and self.window.restoreGeometry(saved):
            keep_on_screen(self.window)
            return True
        area = available_area(self.window)
        size = first_size(area)
        self.window.resize(size)
        # move() places the frame: centre the frame, title bar included, not the inside.
        spare = area.size() - size - FRAME_ALLOWANCE
        self.window.move(
            area.left() + max(0, spare.width() // 2), area.top() + max(0, spare.height() // 2)
        )
        return False

    def track(self, key: str, splitter: QSplitter) -> None:
        """Remember this splitter's sizes, separately for each number of panes in it."""
        self.splitters[key] = splitter

    def restore_splitter(self, key: str) -> bool:
        splitter = self.splitters[key]
        saved = self.settings.value(self._splitter_key(key, splitter.count()))
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            return bool(splitter.restoreState(saved))
        return False

    def save(self) -> None:
        self.settings.setValue(f"{self.name}/geometry", self.window.saveGeometry())
        for key, splitter in self.splitters.items():
            if splitter.count():
                self.settings.setValue(
                    self._splitter_key(key, splitter.count()), splitter.saveState()
                )
        self.settings.sync()

    def _splitter_key(self, key: str, count: int) -> str:
        return f"{self.name}/{key}-{count}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Saved on the close request, while the window still has its size and place.
        if watched is self.window and event.type() == QEvent.Type.Close and self.window.isVisible():
            self.save()
        return False
