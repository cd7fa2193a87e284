"""Starting the window: QApplication, fonts, language direction (before any window), run."""

from __future__ import annotations

import os
import sys
import time
from datetime import date

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from gui.bidi import layout_direction
from gui.fonts import apply_font, load_fonts
from gui.main_window import MainWindow
from gui.qt_words import use_qt_words
from gui.start_page import StartPage
from i18n.runtime import LANGUAGES, current_language, set_language

STARTUP_BENCH_ENV = "MASIR_BENCH_STARTUP"
"""When set, print 'startup-ms <n>' once the start page is first painted, and quit. Set to
'question', it then presses "Check for myself" and waits for the first question's paint.
The paint is seen by a filter on the window alone, as bench/bare_window.py sees its label's:
a filter on the whole application would hand Python every event of every widget, a cost
of the instrument (~20 ms) that the window does not have."""

_started = time.perf_counter()


class _FirstPaint(QObject):
    def __init__(self, app: QApplication, window: MainWindow, until_question: bool) -> None:
        super().__init__(window)
        self.app = app
        self.window = window
        self.until_question = until_question
        self.done = False
        self.pressed = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done or event.type() != QEvent.Type.Paint:
            return False
        if self.until_question and self.window.view != "question":
            if not self.pressed and isinstance(self.window.page, StartPage):
                self.pressed = True
                QTimer.singleShot(0, self.window.page.self_button.click)
            return False
        self.done = True
        elapsed = (time.perf_counter() - _started) * 1000
        print(f"startup-ms {elapsed:.0f}", flush=True)
        QTimer.singleShot(0, self.app.quit)
        return False


def create_window(app: QApplication, language: str = "en", today: date | None = None) -> MainWindow:
    """Set the language, direction and font first, then build the window."""
    set_language(language)
    QApplication.setLayoutDirection(layout_direction(language))
    base = app.font()
    arabic = load_fonts()
    apply_font(app, language, arabic, base)
    use_qt_words(language)

    def language_changed(code: str) -> None:
        apply_font(app, code, arabic, base)
        use_qt_words(code)

    return MainWindow(today=today, on_language_changed=language_changed)


def run_gui() -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationDisplayName("Masir")
    language = os.environ.get("MASIR_LANGUAGE", current_language())
    window = create_window(app, language if language in LANGUAGES else "en")
    bench = os.environ.get(STARTUP_BENCH_ENV)
    if bench:
        window.installEventFilter(_FirstPaint(app, window, until_question=bench == "question"))
    window.show()
    return app.exec()
