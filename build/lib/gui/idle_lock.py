"""Lock the cases after a time without use: any key or mouse event restarts the countdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

DEFAULT_MINUTES = 10

_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.InputMethod,
    }
)


class IdleLock(QObject):
    """`start()` while the cases are unlocked; `on_idle` runs once the time passes unused."""

    def __init__(self, on_idle: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEFAULT_MINUTES * 60_000)
        self.timer.timeout.connect(self._timed_out)
        self.on_idle = on_idle
        self.active = False

    @property
    def minutes(self) -> int:
        return max(1, round(self.timer.interval() / 60_000))

    def set_minutes(self, minutes: int) -> None:
        self.set_interval_ms(minutes * 60_000)

    def set_interval_ms(self, milliseconds: int) -> None:
        self.timer.setInterval(milliseconds)
        if self.active:
            self.timer.start()

    def start(self) -> None:
        if not self.active:
            app = QApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self.active = True
        self.timer.start()

    def stop(self) -> None:
        if self.active:
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.active = False
        self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            self.timer.start()
        return False

    def _timed_out(self) -> None:
        if self.active:
            self.stop()
            self.on_idle()
