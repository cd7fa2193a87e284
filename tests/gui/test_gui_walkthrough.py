"""Whole interviews through the real widgets, in English and in Pashto, checked against the core."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from forms.answers import answer_to_json
from gui.group_editor import GroupInput
from gui.result_words import result_text, status_text, verdict_text
from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from i18n.runtime import _
from pathways.plan import derive_plan
from pathways.results import Outcome, Verdict
from tests.gui.case_driver import CaseDriver
from tests.gui.gui_driver import Driver, core_screening, reset_language
from tests.gui.personas import PERSONAS, with_persian_digits


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def walk_to_results(qtbot: QtBot, language: str, spec: dict[str, Any]) -> Driver:
    driver = Driver(qtbot, "en")
    if language != "en":  # choose the language on the start page, as a person would
        driver.click(driver.window.page.language_buttons[language])  # type: ignore[union-attr]
        assert driver.window.view == "start"
    driver.start()
    driver.walk(spec)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)
    assert driver.window.view == "results"
    return driver


@pytest.mark.parametrize("language", ["en", "ps"])
@pytest.mark.parametrize("persona", sorted(PERSONAS))
def test_walkthrough_matches_core(qtbot: QtBot, language: str, persona: str) -> None:
    spec = PERSONAS[persona] if language == "en" else with_persian_digits(PERSONAS[persona])
    driver = walk_to_results(qtbot, language, spec)
    window = driver.window
    assert window.session is not None and window.session.language == language
    core = core_screening(spec, language)
    session_answers = {k: answer_to_json(v) for k, v in window.session.interview.answers.items()}
    assert session_answers == core.answers

    page = window.page
    assert isinstance(page, ResultsPage)
    plan = derive_plan(core)
    assert page.route_list is not None, "the page opens on the plan"
    listed = [
        page.route_list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(page.route_list.count())
    ]
    assert listed == [route.pathway for route in plan.act_now]
    assert page.card is None, "no route detail is built before it is opened"
    if listed:  # Enter on the first route opens its detail
        page.route_list.setCurrentRow(0)
        QTest.keyClick(page.route_list, Qt.Key.Key_Return)
        assert page.card is not None and page.card.result.pathway == listed[0]
        assert len(page.card.criteria_labels) == len(page.card.result.criteria)
        page.show_view()
    driver.click(page.all_filter)
    assert page.table is not None and page.card is None
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)  # the plan's widgets
    made = page.holder.findChildren(QWidget)
    assert len(made) <= 25 < len(core.results), "one table (and its parts), not a widget per route"
    assert len(page.holder.findChildren(QLabel)) == 1  # the line that says how to open one
    model = page.table.model()
    expected = {result.pathway: result for result in core.results}
    rows = {
        model.index(row, 0).data(Qt.ItemDataRole.UserRole): row for row in range(model.rowCount())
    }
    assert sorted(rows) == sorted(expected)
    for pathway, row in rows.items():
        result = expected[pathway]
        assert model.index(row, 2).data() == result_text(result)
        assert status_text(result.status) in model.index(row, 3).data()
    if persona == "unsure":
        eligible = verdict_text(Verdict.ELIGIBLE)
        assert all(model.index(row, 2).data() != eligible for row in rows.values())
    if persona == "interpreter":
        # He meets the SIV's criteria but never applied before it closed: the route is closed
        # to him, and the one mark says so instead of a green "Eligible" (issue 15, point 2).
        siv = expected["us.siv"]
        assert siv.verdict is Verdict.ELIGIBLE and siv.open_to_person is Outcome.NOT_MET
        closed = "✗ " + _("Closed to this person")
        assert model.index(rows["us.siv"], 2).data() == result_text(siv) == closed
        page.table.setCurrentIndex(model.index(rows["us.siv"], 1))
        QTest.keyClick(page.table, Qt.Key.Key_Return)
        assert page.card is not None and page.card.result.pathway == "us.siv"
        assert page.card.verdict_label.text() == closed


def test_going_back_and_answering_no_drops_the_employers(qtbot: QtBot) -> None:
    driver = Driver(qtbot)
    driver.start()
    spec = PERSONAS["interpreter"]
    while driver.question_page().question.id != "employers":
        driver.answer_current(spec)
    group = driver.question_page().field.input
    assert isinstance(group, GroupInput)
    driver.fill(driver.question_page().field, spec["employers"])
    driver.click(driver.question_page().next_button)
    session = driver.window.session
    assert session is not None and "employers" in session.interview.answers

    driver.click(driver.question_page().back_button)  # back to the employers
    assert driver.question_page().question.id == "employers"
    assert len(driver.question_page().field.input.raw()) == 1  # type: ignore[arg-type]
    driver.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)  # Alt+Left = Back
    page = driver.question_page()
    assert page.question.id == "worked_with_foreigners"
    assert page.field.input.raw() is True  # the answer is kept on screen
    driver.click(page.field.input.no)  # type: ignore[attr-defined]
    driver.click(page.next_button)

    assert "employers" not in session.interview.answers
    assert session.last_dropped == ["employers"]
    note = driver.question_page().note_label
    assert note.isVisible() and "removed" in note.text()
    shown = driver.question_page().question.id
    current = session.interview.current()
    assert current is not None and shown == current.id
    assert shown not in ("employers", "worked_with_foreigners")  # on, past the dropped branch


def test_change_from_review_returns_to_review(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case()
    driver.walk(PERSONAS["interpreter"])
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.change_buttons["gender"])  # type: ignore[arg-type]
    page = driver.question_page()
    assert page.question.id == "gender" and page.field.input.raw() == "man"
    driver.click(page.next_button)
    assert driver.window.view == "review"

    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.change_buttons["has_family_members"])  # type: ignore[arg-type]
    driver.answer_current({"has_family_members": True})
    # a new question was opened: it is asked before going back to the review
    assert driver.question_page().question.id == "family_members"
    # a child of 13 or 14 on TODAY: "Is this person married?" is not asked
    child = {"member_relationship": "child", "member_birth_date": "2012"}
    driver.answer_current({"family_members": [child]})
    assert driver.window.view == "review"
    # every change was saved with the case, and it is back at the review
    saved = driver.store.load(driver.store.list_cases()[0].case_id)
    assert saved.answers["family_members"] == [child] and saved.current_question is None
