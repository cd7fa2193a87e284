"""The caseworker's small slips (issue "The caseworker's day", point 5): one Lock button, the
case reference kept between visits to the results, a PDF named by reference and day (never by
the person's name), and a window that fits a 1024×600 netbook and reopens as it was left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow, layout_direction
from gui.mode import Mode
from gui.results_page import ResultsPage, summary_file_name
from gui.review_page import ReviewPage
from gui.session import Session
from i18n.runtime import set_language, translations
from pathways.engine import default_engine
from tests.gui.case_driver import CaseDriver
from tests.gui.gui_driver import TODAY, Driver
from tests.gui.personas import JOURNALIST


@pytest.fixture
def settings_here(tmp_path: Path) -> Iterator[Path]:
    """Qt caches where settings live: point them into this test's folder."""
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(tmp_path))
    yield tmp_path
    set_language("en")
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def caseworker_results(driver: Driver, language: str = "en") -> ResultsPage:
    window = driver.window
    window.begin_session(Session.new(default_engine(), Mode.CASEWORKER, language, TODAY))
    session = window.session
    assert session is not None
    while (question := session.interview.current()) is not None:
        window.submit(JOURNALIST.get(question.id, "unknown"))
    window.show_results()
    page = window.page
    assert isinstance(page, ResultsPage)
    return page


def test_the_case_list_has_one_lock_button(qtbot: QtBot, settings_here: Path) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    lock = translations("en").gettext("Lock")
    shown = [
        b.text()
        for b in driver.window.findChildren(QPushButton)
        if b.isVisible() and b.text().startswith(lock)
    ]
    assert shown == [lock], shown


def test_the_pdf_is_named_by_case_reference_and_day_never_by_name() -> None:
    assert summary_file_name("KBL-2026/0042", date(2026, 11, 23)) == (
        "masir-summary-KBL-2026-0042-2026-11-23.pdf"
    )
    assert summary_file_name("  ", date(2026, 11, 23)) == "masir-summary-2026-11-23.pdf"
    assert summary_file_name("../../etc", date(2026, 1, 2)) == "masir-summary-etc-2026-01-02.pdf"


def test_the_case_reference_is_kept_and_names_the_file(qtbot: QtBot, settings_here: Path) -> None:
    driver = Driver(qtbot)
    page = caseworker_results(driver)
    page.reference_field.setText("PSH-17")
    page.name_field.setText("Farida Ahmadi")
    page.choose_pdf_path()
    chosen = page.file_dialog.selectedFiles()[0]
    assert Path(chosen).name == "masir-summary-PSH-17-2026-11-23.pdf"
    assert "Farida" not in chosen
    page.file_dialog.reject()
    page.back_requested.emit()
    assert isinstance(driver.window.page, ReviewPage)
    driver.window.show_results()
    again = driver.window.page
    assert isinstance(again, ResultsPage) and again.reference_field.text() == "PSH-17"


@pytest.mark.parametrize("language", ["en", "fa_AF", "ps"])
def test_a_caseworkers_results_fit_a_1024_by_600_screen(
    qtbot: QtBot, settings_here: Path, language: str
) -> None:
    driver = Driver(qtbot, language)
    QApplication.setLayoutDirection(layout_direction(language))
    caseworker_results(driver, language)
    driver.window.resize(1024, 600)
    needed = driver.window.minimumSizeHint()
    assert needed.width() <= 1024 and needed.height() <= 600, needed


def test_the_window_reopens_at_the_size_it_was_left(qtbot: QtBot, settings_here: Path) -> None:
    first = MainWindow(today=TODAY)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 500)  # within the offscreen screen (800×600)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = MainWindow(today=TODAY)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)
