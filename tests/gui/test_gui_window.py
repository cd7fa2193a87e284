"""The window's promises: quick exit, right to left, names for screen readers, plain text."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.bidi import FSI, PDI, isolate, layout_direction
from gui.main_window import MainWindow
from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from i18n.runtime import LANGUAGES, current_language, text_direction
from pathways.engine import Engine
from pathways.results import Screening
from summary.options import SummaryOptions
from tests.gui.case_driver import PASSPHRASE, WAIT_MS, CaseDriver
from tests.gui.gui_driver import TODAY, Driver, reset_language, rich_labels, unnamed_controls
from tests.gui.personas import JOURNALIST

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def visible_windows() -> list[QWidget]:
    return [widget for widget in QApplication.topLevelWidgets() if widget.isVisible()]


def answered_window(qtbot: QtBot) -> Driver:
    driver = Driver(qtbot)
    driver.start()
    for _ in range(5):
        driver.answer_current(JOURNALIST)
    return driver


def assert_wiped(driver: Driver) -> None:
    assert visible_windows() == []
    assert driver.quits == [True]
    assert driver.window.session is None
    assert driver.window.quick_exit_button.text() == ""


def test_quick_exit_button_hides_forgets_and_quits(qtbot: QtBot) -> None:
    driver = answered_window(qtbot)
    session = driver.window.session
    assert session is not None and session.interview.answers
    driver.click(driver.window.quick_exit_button)
    assert_wiped(driver)
    assert session.interview.answers == {}


def test_quick_exit_by_ctrl_shift_q(qtbot: QtBot) -> None:
    driver = answered_window(qtbot)
    mods = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    driver.key(Qt.Key.Key_Q, mods)
    assert_wiped(driver)


def test_quick_exit_by_esc_twice_even_in_an_entry_form(qtbot: QtBot) -> None:
    driver = Driver(qtbot)
    driver.start()
    spec = dict(JOURNALIST, worked_with_foreigners=True)
    while driver.question_page().question.id != "employers":
        driver.answer_current(spec)
    group = driver.question_page().field.input
    driver.click(group.add_button)  # type: ignore[attr-defined]
    assert driver.question_page().entry_form is not None
    driver.key(Qt.Key.Key_Escape)
    driver.key(Qt.Key.Key_Escape)
    assert_wiped(driver)


def test_one_esc_does_not_exit(qtbot: QtBot) -> None:
    driver = answered_window(qtbot)
    driver.key(Qt.Key.Key_Escape)
    assert driver.quits == [] and driver.window.isVisible()


def test_quick_exit_really_quits_the_application() -> None:
    script = (
        "import os, sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from gui.app import create_window\n"
        "app = QApplication([])\n"
        "window = create_window(app, 'ps')\n"
        "window.show()\n"
        "QTimer.singleShot(300, window.quick_exit_button.click)\n"
        "QTimer.singleShot(10000, lambda: sys.exit(3))\n"
        "code = app.exec()\n"
        "print('visible', sum(w.isVisible() for w in QApplication.topLevelWidgets()))\n"
        "sys.exit(code)\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT), "HOME": str(ROOT / ".nohome")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "visible 0" in done.stdout


@pytest.mark.parametrize(
    ("language", "direction"),
    [
        ("en", Qt.LayoutDirection.LeftToRight),
        ("fa_AF", Qt.LayoutDirection.RightToLeft),
        ("ps", Qt.LayoutDirection.RightToLeft),
    ],
)
def test_layout_direction_follows_the_language(
    qtbot: QtBot, language: str, direction: Qt.LayoutDirection
) -> None:
    driver = Driver(qtbot, language)
    assert QApplication.layoutDirection() == direction
    assert driver.window.layoutDirection() == direction
    assert driver.window.page is not None and driver.window.page.layoutDirection() == direction


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_window_and_the_pdf_agree_on_direction(language: str) -> None:
    """The window takes its direction from Qt's locale data, the PDF and the labels from
    babel's (gui/bidi.py says why): for every language Masir speaks they must agree."""
    rtl = text_direction(language) == "rtl"
    expected = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    assert layout_direction(language) == expected


def test_switching_language_mid_interview_keeps_answers(qtbot: QtBot) -> None:
    driver = answered_window(qtbot)
    session = driver.window.session
    assert session is not None
    before = dict(session.interview.answers)
    current = driver.question_page().question.id
    combo = driver.window.language_combo
    combo.setCurrentIndex(combo.findData("fa_AF"))
    assert current_language() == "fa_AF" and session.language == "fa_AF"
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert driver.question_page().question.id == current
    assert driver.question_page().layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert session.interview.answers == before
    combo.setCurrentIndex(combo.findData("en"))
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight


def check_page(root: QWidget) -> None:
    assert unnamed_controls(root) == []
    assert rich_labels(root) == []


@pytest.mark.parametrize("language", ["en", "ps"])
def test_every_control_is_named_and_every_label_plain(qtbot: QtBot, language: str) -> None:
    driver = CaseDriver(qtbot, language)
    check_page(driver.window)
    driver.start(caseworker=True)
    check_page(driver.window)  # the page that creates the passphrase
    driver.type_passphrase(PASSPHRASE, twice=True)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    driver.store.new_case("ملالۍ")
    driver.case_list().reload()
    driver.case_list().case_list.setCurrentRow(0)
    check_page(driver.window)  # the case list
    driver.click(driver.case_list().new_button)
    check_page(driver.label_dialog())
    driver.click(driver.label_dialog().ok_button)
    driver.checks.append(check_page)
    driver.walk(dict(JOURNALIST, worked_with_foreigners=True, employers=[]))
    check_page(driver.window)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)
    check_page(driver.window)
    results = driver.window.page
    assert isinstance(results, ResultsPage)
    driver.click(results.all_filter)
    check_page(driver.window)


def results_page(
    qtbot: QtBot, writer: object | None = None, caseworker: bool = False
) -> tuple[Driver, ResultsPage]:
    driver = CaseDriver(qtbot) if caseworker else Driver(qtbot)
    if writer is not None:
        driver.window.writer = writer  # type: ignore[assignment]
    if isinstance(driver, CaseDriver):
        driver.open_store()
        driver.new_case("Case 1")
    else:
        driver.start()
    driver.walk(JOURNALIST)
    driver.click(driver.window.page.results_button)  # type: ignore[union-attr]
    page = driver.window.page
    assert isinstance(page, ResultsPage)
    return driver, page


def test_export_runs_off_the_ui_thread_and_reports_back(qtbot: QtBot, tmp_path: Path) -> None:
    calls: list[tuple[object, ...]] = []

    def writer(
        screening: Screening, engine: Engine, out_path: Path, options: SummaryOptions
    ) -> int:
        calls.append(
            (
                isinstance(engine, Engine),
                options.language,
                options.include_sensitive,
                options.bilingual,
                options.case_reference,
                options.name,
                threading.current_thread() is threading.main_thread(),
            )
        )
        out_path.write_bytes(b"%PDF-1.4 test")
        return 3

    _driver, page = results_page(qtbot, writer, caseworker=True)
    assert page.export_button.isEnabled()
    assert page.reference_field.isVisible()
    page.sensitive_box.setChecked(True)
    page.reference_field.setText("  KBL-7  ")
    page.name_field.setText("  Nazanin Ahmadi  ")
    target = tmp_path / "summary.pdf"
    page.start_export(target)
    assert page.export_progress.isVisible() and not page.export_button.isEnabled()
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=5000)
    assert calls == [(True, "en", True, False, "KBL-7", "Nazanin Ahmadi", False)]
    assert target.read_bytes().startswith(b"%PDF")
    assert not page.export_progress.isVisible()
    assert page.export_status.text() == f"Saved: {isolate(3)} pages."


def test_export_writes_the_real_summary_pdf(qtbot: QtBot, tmp_path: Path) -> None:
    """The Export button's path end to end: summary.export.write_summary on the pool."""
    _driver, page = results_page(qtbot)
    assert not page.reference_field.isVisible(), "a case reference is for caseworkers"
    assert "June 2026" in page.freshness_label.text()
    target = tmp_path / "masir-summary.pdf"
    page.start_export(target)
    assert page.export_progress.isVisible()
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=60_000)
    reader = PdfReader(target)
    assert len(reader.pages) >= 1
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert "Resettlement pathways: eligibility summary" in text
    assert "Statuses are as found in official and news sources up to June 2026" in text
    assert page.export_status.text().startswith("Saved:")
    assert [p.name for p in tmp_path.iterdir()] == ["masir-summary.pdf"]


def test_export_failure_is_one_line_a_person_can_act_on(qtbot: QtBot, tmp_path: Path) -> None:
    _driver, page = results_page(qtbot)
    page.start_export(tmp_path / "missing-folder" / "s.pdf")
    qtbot.waitUntil(lambda: page.export_button.isEnabled(), timeout=60_000)
    assert page.export_status.text().startswith("⚠ The summary could not be saved: ")
    assert not page.export_progress.isVisible()


def test_isolate_wraps_values() -> None:
    assert isolate("SIV") == f"{FSI}SIV{PDI}"


def test_window_builds_without_an_engine_until_started(qtbot: QtBot) -> None:
    def no_engine() -> object:
        raise AssertionError("the start page must not load the rules")

    window = MainWindow(today=TODAY, engine_factory=no_engine)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert window.view == "start"
