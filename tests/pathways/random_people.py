"""A random person for property tests: the questionnaire walked with plausible answers, often
on the very dates the rules test."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from datetime import date, timedelta

from forms.interview import Interview
from forms.questions import Question
from pathways.engine import default_engine
from pathways.results import Screening
from tests.conftest import TODAY
from tests.forms.test_questionnaire_coverage import candidate_answers

DATES = {
    "": [
        date(2010, 6, 1),
        date(2021, 8, 15),
        date(2025, 7, 1),
        date(2025, 12, 31),
        TODAY - timedelta(days=100),
    ]
}

Person = Callable[[Question], object]
"""Answers any question the same way whenever and however often it is asked."""


def random_person(seed: int) -> Person:
    def answer(question: Question) -> object:
        return candidate_answers(question, DATES, random.Random(f"{seed}:{question.id}"))

    return answer


def given_person(raw: Mapping[str, object]) -> Person:
    """Someone who gives these answers and "I don't know" to anything else."""

    def answer(question: Question) -> object:
        return raw.get(question.id, "unknown")

    return answer


def walk(interview: Interview, person: Person) -> Interview:
    """Answer every question the interview asks, as the person would."""
    while (question := interview.current()) is not None:
        interview.answer(person(question))
    return interview


def random_screening(seed: int) -> Screening:
    engine = default_engine()
    rng = random.Random(seed)
    interview = walk(
        Interview(engine.questionnaire, TODAY), lambda q: candidate_answers(q, DATES, rng)
    )
    return engine.screen(interview)
