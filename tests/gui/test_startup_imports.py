"""The start page is painted before the case store, cryptography, the rules engine and the
PDF stack are imported (they cost about half of the start-up), and the rules then load in the
background while the person reads it; the sources of the modules imported after Qt (which
PySide6's import hook reads, gui/module_sources.py) are not kept. A fresh interpreter, since
this test run has imported everything long ago."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("cases", "cryptography", "argon2", "fpdf", "uharfbuzz", "jinja2", "pathways.engine")

PROBE = """
import json, linecache, os, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

HEAVY = json.loads(sys.argv[2])
app = QApplication([])
from gui.app import create_window

window = create_window(app, sys.argv[1])
report = {}


def sources_kept(package):
    return sorted(f for f in linecache.cache if f"/{package}/" in f)


def loaded():
    return sorted(m for m in HEAVY if any(k == m or k.startswith(m + ".") for k in sys.modules))


def after_paint():
    for _ in range(1000):  # the window starts the load from its event loop, unasked
        if window.engine_factory.started:
            break
        app.processEvents()
    report["started_unasked"] = window.engine_factory.started
    window.engine_factory()  # waits for the load
    report["after_load"] = loaded()
    report["engine_sources_kept"] = sources_kept("pathways")
    from gui.mode import Mode

    window.start_session(Mode.SELF)  # a person checking for themselves: answers, results
    for _ in range(3):
        window.submit("unknown")
    window.show_results()
    report["after_results"] = loaded()
    from gui.export import summary_writer

    summary_writer()  # what "Save summary" imports first
    report["pdf_sources_kept"] = sources_kept("fpdf") + sources_kept("fontTools")
    print(json.dumps(report), flush=True)
    os._exit(0)  # no teardown: only what happened before this line is under test


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        page = window.page
        on_page = isinstance(watched, QWidget) and (watched is page or page.isAncestorOf(watched))
        if not report and event.type() == QEvent.Type.Paint and on_page:
            report["at_paint"] = loaded()
            report["babel_at_paint"] = "babel" in sys.modules
            QTimer.singleShot(0, after_paint)
        return False


app.installEventFilter(FirstPaint(app))
window.show()
app.exec()
"""


@pytest.mark.parametrize("language", ["en", "ps"])
def test_start_page_paints_before_the_heavy_modules_load(language: str) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, language, json.dumps(HEAVY)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["at_paint"] == [], f"imported before the start page was painted: {report}"
    assert report["started_unasked"], "the rules load in the background after the paint"
    if language == "en":  # ~20 ms with its locale data; Dari and Pashto need it for their digits
        assert not report["babel_at_paint"], "the direction comes from Qt (gui/bidi.py)"
    assert "pathways.engine" in report["after_load"]
    assert "cases" not in report["after_load"]  # self-screening never needs the case store
    assert "cases" not in report["after_results"], "nor after answers and results"
    # ~25 MB of source text at the end of a session if PySide6's reading were kept.
    assert report["engine_sources_kept"] == [], "the rules' module sources are let go"
    assert report["pdf_sources_kept"] == [], "the PDF stack's module sources are let go"
