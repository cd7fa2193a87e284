"""Interview paths: given these answers, these questions are asked, in this order."""

from __future__ import annotations

from datetime import date

import pytest

from forms.answers import Special
from forms.interview import Interview
from forms.questionnaire import Questionnaire, load_questionnaire

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def questionnaire() -> Questionnaire:
    return load_questionnaire()


def current_id(interview: Interview) -> str | None:
    question = interview.current()
    return None if question is None else question.id


def walk(questionnaire: Questionnaire, answers: dict[str, object]) -> list[str]:
    """Answer each question from `answers` (unknown when not given); return the ids asked."""
    interview = Interview(questionnaire, TODAY)
    asked = []
    while (current := interview.current()) is not None:
        asked.append(current.id)
        interview.answer(answers.get(current.id, "unknown"))
    return asked


def test_no_employer_questions_for_someone_who_never_worked_for_foreigners(
    questionnaire: Questionnaire,
) -> None:
    asked = walk(questionnaire, {"worked_with_foreigners": False})
    assert "employers" not in asked
    assert "uk_risk_imminent" not in asked
    assert asked.index("worked_with_foreigners") < asked.index("siv_com_applied")


def test_a_uk_employee_is_asked_about_risk_to_life(questionnaire: Questionnaire) -> None:
    job = {"employer_type": "uk_gov_direct", "employer_in_afghanistan": True}
    asked = walk(questionnaire, {"worked_with_foreigners": True, "employers": [job]})
    position = asked.index("employers")
    assert asked[position + 1 : position + 4] == [
        "uk_risk_imminent", "uk_risk_targeted", "uk_sensitive_information"
    ]  # fmt: skip


def test_a_us_only_employee_is_not_asked_about_the_uk(questionnaire: Questionnaire) -> None:
    job = {"employer_type": "us_gov_direct"}
    asked = walk(questionnaire, {"worked_with_foreigners": True, "employers": [job]})
    assert "employers" in asked and "uk_risk_imminent" not in asked


def test_someone_in_afghanistan_is_not_asked_when_they_left(questionnaire: Questionnaire) -> None:
    asked = walk(questionnaire, {"current_country": "AF"})
    assert "left_afghanistan_date" not in asked and "host_status" not in asked
    assert "left_afghanistan_date" in walk(questionnaire, {"current_country": "PK"})


def test_the_dates_of_an_application_follow_only_a_yes(questionnaire: Questionnaire) -> None:
    assert "siv_com_applied_date" not in walk(questionnaire, {"siv_com_applied": False})
    assert "siv_com_applied_date" not in walk(questionnaire, {"siv_com_applied": "unknown"})
    asked = walk(questionnaire, {"siv_com_applied": True})
    assert asked[asked.index("siv_com_applied") + 1] == "siv_com_applied_date"


def test_the_3pm_question_only_for_the_closing_day(questionnaire: Questionnaire) -> None:
    on_day = {"arap_applied": True, "arap_applied_date": "2025-07-01"}
    assert "arap_applied_before_3pm" in walk(questionnaire, on_day)
    day_before = {"arap_applied": True, "arap_applied_date": "2025-06-30"}
    assert "arap_applied_before_3pm" not in walk(questionnaire, day_before)
    month_only = {"arap_applied": True, "arap_applied_date": "2025-07"}
    assert "arap_applied_before_3pm" not in walk(questionnaire, month_only)


def test_women_only_questions(questionnaire: Questionnaire) -> None:
    assert "without_male_protection" in walk(questionnaire, {"gender": "woman"})
    assert "without_male_protection" not in walk(questionnaire, {"gender": "man"})


def test_changing_an_earlier_answer_drops_the_answers_it_no_longer_asks_for(
    questionnaire: Questionnaire,
) -> None:
    interview = Interview(questionnaire, TODAY)
    interview.go_to("worked_with_foreigners")
    interview.answer(True)
    assert current_id(interview) == "employers"
    interview.answer([{"employer_type": "uk_gov_direct"}])
    interview.answer(True)  # uk_risk_imminent
    dropped = interview.change("worked_with_foreigners", False)
    assert dropped == ["employers", "uk_risk_imminent"]
    assert "employers" not in interview.answers
    assert interview.facts()["employers"] == ()


def test_dont_know_is_kept_distinct_from_no(questionnaire: Questionnaire) -> None:
    interview = Interview(questionnaire, TODAY)
    interview.answer("unknown")
    assert interview.answers["afghan_national"] is Special.UNKNOWN
    interview.back()
    interview.answer(False)
    assert dict(interview.answers)["afghan_national"] is False


def test_back_and_progress(questionnaire: Questionnaire) -> None:
    interview = Interview(questionnaire, TODAY)
    first = interview.progress()
    assert first.answered == 0 and first.to_ask == len(interview.flow())
    interview.answer(True)
    interview.answer(False)
    assert interview.progress().answered == 2
    back = interview.back()
    assert back is not None and back.id == "other_nationality"
    assert interview.answers["other_nationality"] is False


def test_review_then_change_returns_to_the_end(questionnaire: Questionnaire) -> None:
    interview = Interview(questionnaire, TODAY)
    while interview.current() is not None:
        interview.answer("unknown")
    assert interview.is_complete
    interview.go_to("afghan_national")
    interview.answer(True)
    assert current_id(interview) == "other_nationality"


def test_an_item_field_no_longer_asked_is_dropped_from_the_entry(
    questionnaire: Questionnaire,
) -> None:
    interview = Interview(questionnaire, TODAY)
    interview.go_to("worked_with_foreigners")
    interview.answer(True)
    interview.answer([{"employer_type": "us_gov_direct", "isaf_role": "interpreter_off_base"}])
    assert interview.answers["employers"] == ({"employer_type": "us_gov_direct"},)


def test_family_of_someone_who_went_to_the_uk_on_arap_is_asked_about_the_data_incident(
    questionnaire: Questionnaire,
) -> None:
    """Issue 13: the MoD's data-incident letter is asked of anyone with a UK link, also of
    family of ARAP applicants, not only of people who worked for the UK."""

    def asked_with(status: str) -> list[str]:
        brother = {
            "relative_country": "uk",
            "relative_relationship": "sibling",
            "relative_status": status,
        }
        answers = {"has_relatives_abroad": True, "relatives_abroad": [brother]}
        return walk(questionnaire, {"worked_with_foreigners": False, **answers})

    assert "uk_data_incident" in asked_with("special_visa")
    assert "uk_data_incident" not in asked_with("citizen")
