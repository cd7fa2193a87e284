"""A random person for property tests: the questionnaire walked with plausible answers, often
on the very dates the rules test."""

from __future__ import annotations

import random
from datetime import date, timedelta

from forms.interview import Interview
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


def random_screening(seed: int) -> Screening:
    engine = default_engine()
    rng = random.Random(seed)
    interview = Interview(engine.questionnaire, TODAY)
    while (question := interview.current()) is not None:
        interview.answer(candidate_answers(question, DATES, rng))
    return engine.screen(interview)
