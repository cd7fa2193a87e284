"""Quick exit: hide at once, forget what is on screen and in memory, and quit.

Triggered by the red button, Ctrl+Shift+Q, or Esc pressed twice within a short time.
"""

from __future__ import annotations

import gc
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

DOUBLE_ESC_MS = 800
SHORTCUT = QKeySequence("Ctrl+Shift+Q")


def clear_widgets(root: QWidget) -> None:
    """Empty every text-holding widget under `root` (as far as Qt lets us)."""
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(
            widget, QLineEdit | QTextEdit | QPlainTextEdit | QListWidget | QComboBox | QLabel
        ):
            widget.clear()
        elif isinstance(widget, QAbstractButton):
            widget.setText("")
        widget.setAccessibleName("")
        widget.setAccessibleDescription("")
        widget.setToolTip("")


def _first_receiver(watched: QObject) -> bool:
    """A key event passes the app's filter once per widget it climbs through: count it once."""
    if not isinstance(watched, QWidget):
        return False
    focus = QApplication.focusWidget()
    return watched is focus if focus is not None else watched.isWindow()


class QuickExit(QObject):
    """Installs the shortcuts on `window`; `trigger()` runs `wipe` then `quit_app`."""

    def __init__(
        self,
        window: QWidget,
        wipe: Callable[[], None],
        quit_app: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.wipe = wipe
        self.quit_app = quit_app or QApplication.quit
        self.triggered = False
        self._last_esc = QElapsedTimer()
        shortcut = QShortcut(SHORTCUT, window)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.trigger)
        self._watching = False

    def watch_for_double_esc(self) -> None:
        """Watch every key press of the application for Esc pressed twice. The window calls it
        once it has painted: through an application-wide Python filter Qt hands Python each
        event and widget, and wrapping the first of each kind cost the first paint ~20 ms."""
        app = QApplication.instance()
        if app is not None and not self._watching and not self.triggered:
            app.installEventFilter(self)
            self._watching = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and not event.isAutoRepeat()
            and QApplication.activePopupWidget() is None  # that Esc only closes a list
            and _first_receiver(watched)
        ):
            if self._last_esc.isValid() and self._last_esc.elapsed() < DOUBLE_ESC_MS:
                self.trigger()
                return True
            self._last_esc.start()
        return False

    def trigger(self) -> None:
        if self.triggered:
            return
        self.triggered = True
        app = QApplication.instance()
        windows = QApplication.topLevelWidgets() if app is not None else [self.window]
        for widget in windows:  # hide first: nothing stays on screen while we clean up
            widget.hide()
        if app is not None:
            app.removeEventFilter(self)
            clipboard = QApplication.clipboard()
            clipboard.clear()
        self.wipe()
        for widget in windows:
            clear_widgets(widget)
        gc.collect()
        self.quit_app()
