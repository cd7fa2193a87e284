"""A stored case turns back into the same interview, even after the questionnaire changed."""

from __future__ import annotations

from cases import CaseStore
from cases.resume import resume_interview
from forms.answers_file import answers_to_json
from forms.interview import Interview
from pathways.engine import default_engine
from tests.conftest import TODAY


def test_resumes_at_the_stored_question_with_the_answers(store: CaseStore) -> None:
    questionnaire = default_engine().questionnaire
    interview = Interview(questionnaire, TODAY)
    for raw in (True, False, "woman"):
        interview.answer(raw)
    current = interview.current()
    assert current is not None
    case_id = store.new_case("case")
    store.save_answers(case_id, answers_to_json(interview.answers), current.id)

    resumed = resume_interview(questionnaire, store.load(case_id), TODAY)
    assert resumed.left_out == []
    assert resumed.interview.answers == interview.answers
    assert resumed.interview.current() == current


def test_unknown_and_unfitting_answers_are_left_out(store: CaseStore) -> None:
    questionnaire = default_engine().questionnaire
    case_id = store.new_case("old case")
    store.save_answers(
        case_id,
        {"afghan_national": True, "removed_question": 3, "gender": "robot"},
        "gender",
    )
    resumed = resume_interview(questionnaire, store.load(case_id), TODAY)
    assert resumed.left_out == ["gender", "removed_question"]
    assert resumed.interview.answers == {"afghan_national": True}
