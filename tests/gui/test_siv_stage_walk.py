"""The caseworker's day, scripted: a former US Army interpreter in Peshawar whose Chief of
Mission (COM) application was approved, no interview yet, with his wife, two children and a
brother in Canada. The results give the SIV's steps for his stage (approved, waiting for the
visa stage; the visa pause), never "if you did not apply"; changing "approved" to "refused"
brings the results back with the SIV named in "Since you last saw the results:"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from i18n.bidi import FSI, PDI
from i18n.runtime import set_language
from tests.gui.gui_driver import Driver

ARMY_INTERPRETER: dict[str, Any] = {
    "afghan_national": True,
    "other_nationality": False,
    "gender": "man",
    "birth_date": "1986-04",
    "own_marital_status": "married",
    "current_country": "PK",
    "left_afghanistan_date": "2021-10",
    "safe_to_stay": False,
    "worked_with_foreigners": True,
    "employers": [
        {
            "employer_type": "us_gov_direct",
            "employer_role": "interpreter",
            "employer_in_afghanistan": True,
            "employer_start": "2009-02-01",
            "employer_ongoing": False,
            "employer_end": "2013-06-30",
            "employer_letter": "have",
            "employer_documents": ["hr_letter", "badge"],
        }
    ],
    "fears_persecution": True,
    "immediate_danger": False,
    "return_threat": True,
    "has_relatives_abroad": True,
    "relatives_abroad": [
        {
            "relative_country": "ca",
            "relative_relationship": "sibling",
            "relative_status": "citizen",
            "relative_status_date": "2016",
            "relative_listed_you": False,
            "relative_canada_programme": "neither",
        }
    ],
    "siv_com_applied": True,
    "siv_com_applied_date": "2025-11-02",
    "siv_com_outcome": "approved",
    "siv_case_stage": "approved_only",
    "arap_applied": False,
    "us_visa_issued": False,
    "has_family_members": True,
    "family_members": [
        {"member_relationship": "spouse", "member_birth_date": "1990"},
        {"member_relationship": "child", "member_birth_date": "2014-03"},
        {"member_relationship": "child", "member_birth_date": "2018-09"},
    ],
}

APPROVED_STEP = "If you have Chief of Mission approval and no interview yet"
PAUSE_STEP = "If your case has reached the visa stage"
NOT_APPLIED_STEP = "If you did not apply by 31 December 2025"
WAITING_STEP = "If you are still waiting for Chief of Mission approval"


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield
    set_language("en")


def _siv_steps(page: ResultsPage) -> list[str]:
    return page.by_id["us.siv"].next_steps


def _plain(text: str) -> str:
    return text.replace(FSI, "").replace(PDI, "")


def test_the_siv_steps_follow_the_stage_and_a_change_is_named(qtbot: QtBot) -> None:
    driver = Driver(qtbot)
    driver.start(caseworker=False)
    asked = driver.walk(ARMY_INTERPRETER)
    for stage_question in ("siv_com_outcome", "siv_case_stage"):
        assert stage_question in asked, "the adaptive interview asks the stage of his application"
    assert "siv_com_documents_complete" not in asked, "an approval shows they were complete"

    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)
    page = driver.window.page
    assert isinstance(page, ResultsPage)
    assert page.changes_label is None
    steps = _siv_steps(page)
    assert any(step.startswith(APPROVED_STEP) for step in steps), steps
    assert any(step.startswith(PAUSE_STEP) for step in steps), steps
    assert not any(step.startswith((NOT_APPLIED_STEP, WAITING_STEP)) for step in steps), steps
    siv = page.by_id["us.siv"]
    assert siv.open_to_person.value == "met", "his approved case goes on"
    shown = " ".join(page.plan.next_steps)
    assert APPROVED_STEP in shown and NOT_APPLIED_STEP not in shown

    # The caseworker learns the approval was a refusal: change it from the review.
    driver.click(page.back_button)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.change_buttons["siv_com_outcome"])  # type: ignore[arg-type]
    driver.walk({"siv_com_outcome": "refused"})
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)
    page = driver.window.page
    assert isinstance(page, ResultsPage)
    steps = _siv_steps(page)
    assert not any(step.startswith((APPROVED_STEP, PAUSE_STEP)) for step in steps), steps
    assert any("appeal within 120 days" in step for step in steps), steps

    assert page.changes_label is not None and page.changes_label.isVisible()
    lines = _plain(page.changes_label.text()).splitlines()
    assert lines[0] == "Since you last saw the results:"
    assert (
        "Afghan Special Immigrant Visa (SIV), for this person: "
        "Open to this person → May be open to this person"
    ) in lines[1:], lines
    QApplication.processEvents()
