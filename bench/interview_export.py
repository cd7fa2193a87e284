"""One person's whole session in the window, headless, then the Dari summary PDF: the child
process whose peak memory `python -m bench` reports.

The window starts, "Check for myself" is pressed, every question is answered (the journalist
sample's answers, "I don't know" to the rest) page by page, the results page is shown, and
the summary is written to a temporary folder. Prints 'questions <n> pages <n>' (pages 0
without summary/).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtWidgets import QApplication

from cli.samples import JOURNALIST_IN_PAKISTAN, SAMPLE_DAY
from gui.app import create_window
from gui.export import summary_writer
from gui.mode import Mode
from summary.options import SummaryOptions

MAX_PAGES = 300


def main() -> int:
    app = QApplication(sys.argv)
    window = create_window(app, "fa_AF", today=SAMPLE_DAY)
    window.show()
    app.processEvents()
    window.start_session(Mode.SELF)
    app.processEvents()
    assert window.session is not None
    asked = 0
    for asked in range(MAX_PAGES):  # noqa: B007 (the count is printed)
        question = window.session.interview.current()
        if question is None or window.view != "question":
            break
        window.submit(JOURNALIST_IN_PAKISTAN.get(question.id, "unknown"))
        if window.session.interview.current() is question:  # refused: say "I don't know"
            window.submit("unknown")
        app.processEvents()
    window.show_results()
    app.processEvents()
    pages = 0
    try:
        write_summary = summary_writer()  # as the window's "Save summary" does
    except ModuleNotFoundError:
        write_summary = None
    if write_summary is not None and window.screening is not None:
        with tempfile.TemporaryDirectory() as folder:
            pages = write_summary(
                window.screening,
                window.session.engine,
                Path(folder) / "summary.pdf",
                SummaryOptions(language="fa_AF"),
            )
    print(f"questions {asked} pages {pages}", flush=True)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
