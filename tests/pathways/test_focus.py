"""The adaptive interview skips only questions whose answer cannot change any route's outcome."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.answers import Answer, Special, answer_to_json
from forms.answers_file import interview_from_answers, read_answers_file
from forms.interview import relevance
from forms.questions import Question, QuestionType
from pathways.engine import default_engine
from pathways.evaluate import judge_all

TODAY = date(2026, 11, 23)
DATA = sorted((Path(__file__).parents[1] / "data").glob("*.json"))


def _outcomes(facts: dict[str, Answer]) -> list[tuple[str, str, str | None]]:
    engine = default_engine()
    return [
        (j.pathway.id, j.verdict.value, j.exemption.value if j.exemption else None)
        for j in judge_all(engine.rules, facts, TODAY)
    ]


def _values(question: Question) -> list[Answer]:
    if question.type is QuestionType.YES_NO:
        return [True, False]
    if question.type is QuestionType.SINGLE_CHOICE:
        return [choice.value for choice in question.choices]
    if question.type is QuestionType.MULTI_CHOICE:
        options: list[Answer] = [(choice.value,) for choice in question.choices]
        return [*options, ()]
    return [Special.PREFER_NOT_TO_SAY]


def _check(given_answers: dict[str, Answer]) -> None:
    """Replay the adaptive interview, then answer each skipped question every way it can be."""
    engine = default_engine()
    interview = engine.interview(TODAY)
    while (question := interview.current()) is not None:
        interview.answer(answer_to_json(given_answers.get(question.id, Special.UNKNOWN)))
    answers = interview.answers
    before = _outcomes(interview.facts())
    flow = {q.id for q in interview.flow()}
    skipped = [q for q in relevance(engine.questionnaire, answers, TODAY).asked if q.id not in flow]
    for question in skipped:
        for value in _values(question):
            state = relevance(engine.questionnaire, {**answers, question.id: value}, TODAY)
            assert _outcomes(state.facts) == before, (question.id, value)


def test_every_test_data_file() -> None:
    for path in DATA:
        raw = read_answers_file(path)
        _check(interview_from_answers(default_engine().questionnaire, raw, TODAY).answers)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_random_answer_sets(data: st.DataObject) -> None:
    questions = [
        q
        for q in default_engine().questionnaire.questions()
        if q.type in (QuestionType.YES_NO, QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE)
    ]
    answers = {q.id: data.draw(st.sampled_from([*_values(q), Special.UNKNOWN])) for q in questions}
    _check(answers)
