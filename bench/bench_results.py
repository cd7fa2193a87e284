"""The results page, as a person meets it: how long each view takes to appear, first time.

A fresh process (nothing of the results page imported or measured before), the window in
Dari, the person of tests/data/all_unknown.json (every route to act on or to check: the
longest plan). Times, from the call to the end of the paint it causes:
  plan    the results page opening on the plan (window.show_results)
  all     switching to "All routes" (the table)
  detail  opening the first route of the plan in full (Enter on it)
Prints one JSON line. `python -m bench` runs it and puts the medians in its table.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402

from cli.samples import SAMPLE_DAY  # noqa: E402
from forms.answers_file import read_answers_file  # noqa: E402
from gui.app import create_window  # noqa: E402
from gui.mode import Mode  # noqa: E402
from gui.session import Session  # noqa: E402
from pathways.engine import default_engine  # noqa: E402


def painted_ms(app: QApplication, action: Callable[[], None]) -> float:
    started = time.perf_counter()
    action()
    app.processEvents()  # layout and the paint the change asks for
    return (time.perf_counter() - started) * 1000


def main() -> int:
    app = QApplication(sys.argv)
    window = create_window(app, "fa_AF", today=SAMPLE_DAY)
    window.show()
    app.processEvents()
    engine = default_engine()
    session = Session.new(engine, Mode.SELF, "fa_AF", SAMPLE_DAY)
    for question_id, value in read_answers_file(ROOT / "tests/data/all_unknown.json").items():
        if question_id in {q.id for q in session.interview.flow()}:
            session.change(question_id, value)
    window.begin_session(session)
    app.processEvents()
    plan = painted_ms(app, window.show_results)
    page = window.page
    all_routes = painted_ms(app, lambda: page.all_filter.setChecked(True))  # type: ignore[union-attr]
    page.plan_filter.setChecked(True)  # type: ignore[union-attr]
    app.processEvents()
    first = page.plan.act_now[0].pathway  # type: ignore[union-attr]
    detail = painted_ms(app, lambda: page.show_detail(first))  # type: ignore[union-attr]
    routes = len(window.screening.results) if window.screening else 0
    figures = {"plan": plan, "all": all_routes, "detail": detail, "routes": routes}
    print(json.dumps(figures), flush=True)
    os._exit(0)  # no teardown to measure


if __name__ == "__main__":
    main()
