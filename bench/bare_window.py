"""A bare PySide6 window: a QLabel shown, 'startup-ms <n>' printed on its first paint, quit.

The yardstick for Masir's start-up: the same Qt, the same Python, nothing of Masir's; the
paint seen the same way (a filter on the window alone, see gui/app.py).
"""

from __future__ import annotations

import sys
import time

_started = time.perf_counter()

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel  # noqa: E402


class _FirstPaint(QObject):
    def __init__(self, app: QApplication) -> None:
        super().__init__()
        self.app = app
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            print(f"startup-ms {(time.perf_counter() - _started) * 1000:.0f}", flush=True)
            QTimer.singleShot(0, self.app.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    first_paint = _FirstPaint(app)
    label = QLabel("Masir")
    label.installEventFilter(first_paint)
    label.resize(1280, 720)
    label.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
