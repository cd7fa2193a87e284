"""Self-screening asks only what can still change the answer, in Pashto through the window."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from gui.bidi import isolate_number
from gui.review_page import ReviewPage
from i18n.runtime import ngettext
from pathways.engine import default_engine
from tests.gui.case_driver import CaseDriver
from tests.gui.gui_driver import TODAY, Driver, reset_language
from tests.pathways.random_people import given_person, walk

NOT_AFGHAN_IN_AFGHANISTAN = {"afghan_national": False, "current_country": "AF"}
"""Two early answers that make most routes not eligible (the rest is 'I don't know')."""


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def _walk_counting(driver: Driver, spec: dict[str, object], shown: list[int]) -> list[str]:
    """Answer until the review page, keeping the 'about N questions left' of every page."""
    asked: list[str] = []
    while driver.window.view == "question":
        page = driver.question_page()
        session = driver.window.session
        assert session is not None
        left = session.interview.questions_left()
        expected = ngettext(
            "About %(count)s question left", "About %(count)s questions left", left
        ) % {"count": isolate_number(left)}
        assert page.counter_label.text() == expected
        shown.append(left)
        asked.append(driver.answer_current(spec))
        assert len(asked) < 80
    return asked


def test_an_early_answer_skips_questions_and_a_change_reopens_them(qtbot: QtBot) -> None:
    engine = default_engine()
    person = given_person(NOT_AFGHAN_IN_AFGHANISTAN)

    every = [q.id for q in walk(engine.interview(TODAY, every_question=True), person).flow()]

    driver = Driver(qtbot, "ps")
    driver.start()
    shown: list[int] = []
    asked = _walk_counting(driver, NOT_AFGHAN_IN_AFGHANISTAN, shown)
    assert len(asked) * 5 <= len(every) * 4, (len(asked), len(every))
    skipped = set(every) - set(asked)

    review = driver.window.page
    assert isinstance(review, ReviewPage)
    assert "afghan_national" in review.change_buttons
    driver.click(review.change_buttons["afghan_national"])  # type: ignore[arg-type]
    reopened = _walk_counting(driver, {"afghan_national": True}, shown)
    assert reopened[0] == "afghan_national"
    assert skipped & set(reopened[1:]), "changing the answer opens the questions skipped before"

    session = driver.window.session
    assert session is not None
    assert session.interview.answers["current_country"] == "AF", "answers given are kept"
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(shown))
    assert isinstance(driver.window.page, ReviewPage)


def test_caseworkers_can_ask_every_question(qtbot: QtBot) -> None:
    """The case list's 'Ask every question' gives the full path; the setting holds for the
    next case too, and unticked a case is adaptive like self-screening."""
    engine = default_engine()
    person = given_person(NOT_AFGHAN_IN_AFGHANISTAN)

    every = [q.id for q in walk(engine.interview(TODAY, every_question=True), person).flow()]
    adaptive = [q.id for q in walk(engine.interview(TODAY), person).flow()]
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    assert not page.every_question_box.isChecked()
    driver.click(page.every_question_box)
    driver.new_case()
    assert driver.walk(NOT_AFGHAN_IN_AFGHANISTAN) == every
    driver.window.case_flow.show_list()
    assert driver.case_list().every_question_box.isChecked()
    driver.click(driver.case_list().every_question_box)
    driver.new_case()
    assert sorted(driver.walk(NOT_AFGHAN_IN_AFGHANISTAN)) == sorted(adaptive)
    assert len(adaptive) < len(every)
