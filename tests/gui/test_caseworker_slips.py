"""The caseworker's small slips (issue "The caseworker's day", point 5): one Lock button, the
case reference kept between visits to the results, a PDF named by reference and day (never by
the person's name), and a window that fits a 1024×600 netbook and reopens as it was left."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from gui.answer_widgets import MultiChoiceInput
from gui.bidi import layout_direction
from gui.main_window import MainWindow
from gui.mode import Mode
from gui.results_page import ResultsPage, summary_file_name
from gui.review_page import ReviewPage
from gui.session import Session
from i18n.runtime import set_language, translations
from pathways.engine import default_engine
from tests.gui.case_driver import CaseDriver
from tests.gui.gui_driver import TODAY, Driver
from tests.gui.personas import JOURNALIST, PERSONAS


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
    return driver.results_after(JOURNALIST)


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


def test_the_window_reopens_at_the_size_a_caseworker_left_it(
    qtbot: QtBot, settings_here: Path
) -> None:
    """Remembered on a caseworker's machine; self-screening leaves no settings file at all (on
    a shared laptop it would say that Masir was opened)."""
    alone = MainWindow(today=TODAY)
    qtbot.addWidget(alone)
    alone.show()
    alone.close()
    assert not [p for p in settings_here.rglob("*") if p.is_file()], "self-screening: no trace"
    first = MainWindow(today=TODAY)
    qtbot.addWidget(first)
    first.show()
    first.case_flow.begin()  # the caseworker's way in: the case store
    first.resize(700, 500)  # within the offscreen screen (800×600)
    qtbot.waitUntil(lambda: first.width() == 700)
    first.close()
    second = MainWindow(today=TODAY)
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (700, 500)


def test_a_multiple_choice_has_none_of_these_and_nothing_ticked_is_no_answer(
    qtbot: QtBot, settings_here: Path
) -> None:
    question = default_engine().questionnaire.question("public_role")
    widget = MultiChoiceInput(question)
    qtbot.addWidget(widget)
    assert widget.raw() is None, "nothing ticked is not yet an answer"
    widget.none_box.setChecked(True)
    assert widget.raw() == []
    first = next(iter(widget.buttons))
    widget.buttons[first].setChecked(True)
    assert not widget.none_box.isChecked() and widget.raw() == [first]
    widget.none_box.setChecked(True)
    assert widget.raw() == [] and not widget.buttons[first].isChecked()
    again = MultiChoiceInput(question)
    qtbot.addWidget(again)
    again.set_raw([])
    assert again.none_box.isChecked(), "a saved 'none' shows as 'None of these'"


def test_a_change_from_the_review_returns_to_it_and_removed_answers_can_come_back(
    qtbot: QtBot, settings_here: Path
) -> None:
    """Point 4: after changing an answer from the review, the caseworker is back at that
    answer (not at the top); answers the change made unneeded are named with their values,
    and one button brings them back (saved again in the case)."""
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case()
    driver.walk(PERSONAS["interpreter"])
    review = driver.window.page
    assert isinstance(review, ReviewPage) and review.undo_button is None
    driver.click(review.change_buttons["worked_with_foreigners"])  # type: ignore[arg-type]
    page = driver.question_page()
    driver.click(page.field.input.no)  # type: ignore[attr-defined]
    driver.click(page.next_button)
    session = driver.window.session
    assert session is not None and "employers" not in session.interview.answers

    review = driver.window.page
    assert isinstance(review, ReviewPage), driver.window.view
    changed = review.change_buttons["worked_with_foreigners"]
    assert changed.hasFocus(), "back at the answer just changed"
    texts = " ".join(label.text() for label in review.findChildren(QLabel))
    questions = session.interview.questionnaire
    assert f"“{questions.question('employers').text}”" in texts, "says which answer went"
    assert review.undo_button is not None
    driver.click(review.undo_button)  # type: ignore[arg-type]
    assert session.interview.answers["worked_with_foreigners"] is True
    assert "employers" in session.interview.answers
    saved = driver.store.load(driver.window.case_flow.case_id)  # type: ignore[arg-type]
    assert "employers" in saved.answers, "the answers that came back are saved in the case"


def test_after_a_change_the_results_say_what_changed(qtbot: QtBot, settings_here: Path) -> None:
    """Point 2: a change of answers is never silent. The journalist says she is a man
    instead: every route whose verdict moved is named, before → after."""
    driver = Driver(qtbot)
    page = caseworker_results(driver)
    assert page.changes_label is None, "nothing to compare with on the first visit"
    before = {r.pathway: r.verdict for r in page.screening.results}
    again = driver.results_after_change("gender", "man")
    assert again.changes_label is not None
    after = {r.pathway: r.verdict for r in again.screening.results}
    changed = [r for r in again.screening.results if before[r.pathway] != after[r.pathway]]
    assert changed, "saying she is a man changes some route (women-at-risk routes)"
    said = again.changes_label.text()
    for result in changed:
        assert f"{result.name}:" in said, result.pathway
    assert "→" in said


def test_the_row_that_looks_chosen_can_be_opened(qtbot: QtBot, settings_here: Path) -> None:
    """The keyboard's current row is drawn as chosen; it is chosen, so "Open case" is on."""
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case("First")
    driver.click(driver.window.cases_button)
    page = driver.case_list()
    page.case_list.clearSelection()
    assert not page.open_button.isEnabled()
    assert page.case_list.currentItem() is None, "no row drawn as chosen when none is"
    page.case_list.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)  # focus moves
    current = page.case_list.currentItem()
    assert current is not None and current.isSelected() and page.open_button.isEnabled()
