"""The adaptive interview skips only questions whose answer cannot change any route's outcome.

Outcome: every route's verdict, status and applies_despite_status, and the plan (act now, if
you applied before, next steps, documents). Each random person is walked through the adaptive
interview and through every question: both must come to the same outcome, and answering any
question the adaptive interview skipped, with any value, must change nothing.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.answers import Answer, Special, answer_to_json
from forms.answers_file import read_answers_file
from forms.conditions import Scope
from forms.interview import Interview, relevance
from forms.questions import Question, QuestionType
from forms.validation import parse_answer
from pathways.engine import default_engine
from pathways.evaluate import for_stage, judge_all, screen
from pathways.plan import derive_plan, plan_json
from tests.conftest import TODAY
from tests.forms.test_questionnaire_coverage import candidate_answers
from tests.pathways.random_people import DATES, Person, given_person, random_person, walk

DATA = sorted((Path(__file__).parents[1] / "data").glob("*.json"))

Outcome = tuple[list[tuple[str, str, str, bool | None]], dict[str, object]]


def _outcome(facts: dict[str, Answer], today: date) -> Outcome:
    screening = screen(default_engine().rules, facts, {}, today)
    routes = [
        (r.pathway, r.verdict.value, r.status.value, r.applies_despite_status)
        for r in screening.results
    ]
    return routes, plan_json(derive_plan(screening))


def _judged(facts: dict[str, Answer], today: date, fitting: set[str]) -> list[object]:
    """Every route's verdict, and the criteria, exemption, notices and the next steps and
    documents for the person's stage of those in `fitting`: when these stay the same, so does
    the outcome (the plan is made from the routes that may fit; one that does not is counted,
    and goes on for nobody), and the full check is spared."""
    scope = Scope(facts, today)
    return [
        (
            j.verdict,
            (j.criteria, j.exemption, [(n.id, t) for n, t in j.notices]),
            for_stage(j.pathway, scope),
        )
        if j.pathway.id in fitting
        else j.verdict
        for j in judge_all(default_engine().rules, facts, today)
    ]


def _values(question: Question, seed: int) -> list[Answer]:
    """Every answer a choice question can take; a few plausible ones for any other."""
    if question.type is QuestionType.YES_NO:
        return [True, False]
    if question.type is QuestionType.SINGLE_CHOICE:
        return [choice.value for choice in question.choices]
    if question.type is QuestionType.MULTI_CHOICE:
        return [(), *((choice.value,) for choice in question.choices)]
    rng = random.Random(f"{seed}:{question.id}:other")
    raw = [candidate_answers(question, DATES, rng) for _ in range(3)]
    return [Special.PREFER_NOT_TO_SAY, *(parse_answer(question, value) for value in raw)]


def _check(person: Person, today: date, seed: int) -> int:
    """Walk both interviews and try every skipped question; the number of questions skipped."""
    engine = default_engine()
    adaptive = walk(engine.interview(today), person)
    everything = walk(engine.interview(today, every_question=True), person)
    before = _outcome(adaptive.facts(), today)
    assert before == _outcome(everything.facts(), today)
    answers = adaptive.answers
    flow = {question.id for question in adaptive.flow()}
    asked = relevance(engine.questionnaire, answers, today).asked
    skipped = [question for question in asked if question.id not in flow]
    fitting = {route for route, verdict, _, _ in before[0] if verdict != "not_eligible"}
    judged = _judged(adaptive.facts(), today, fitting)
    for question in skipped:
        for value in _values(question, seed):
            facts = relevance(engine.questionnaire, {**answers, question.id: value}, today).facts
            if _judged(facts, today, fitting) != judged:
                assert _outcome(facts, today) == before, (question.id, answer_to_json(value))
    return len(skipped)


def test_every_test_data_file() -> None:
    for path in DATA:
        _check(given_person(read_answers_file(path)), TODAY, 0)


def test_an_early_answer_that_settles_most_routes_skips_questions() -> None:
    """Not Afghan and still in Afghanistan: most routes fail at once, their questions go."""
    engine = default_engine()
    person = given_person({"afghan_national": False, "current_country": "AF"})

    adaptive = walk(engine.interview(TODAY), person)
    everything = walk(engine.interview(TODAY, every_question=True), person)
    assert len(adaptive.flow()) * 5 <= len(everything.flow()) * 4
    assert _check(person, TODAY, 0) > 0


@settings(
    max_examples=1000,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.integers(min_value=0, max_value=2**32))
def test_random_people(seed: int) -> None:
    _check(random_person(seed), TODAY, seed)


def test_progress_rises_by_at_most_one_per_answer() -> None:
    for seed in range(40):
        person = random_person(seed)
        interview: Interview = default_engine().interview(TODAY)
        left = interview.questions_left()
        while (question := interview.current()) is not None:
            interview.answer(person(question))
            now = interview.questions_left()
            assert now <= left + 1
            left = now
        assert left == 0
