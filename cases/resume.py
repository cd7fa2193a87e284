"""Turning a stored case back into an interview, even when the questionnaire changed since.

An answer to a question that no longer exists, or that no longer fits its question, is left
out (and named), never guessed at; the rest resumes at the stored current question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from cases.models import CaseRecord
from forms.answers import Answer
from forms.errors import AnswersError
from forms.interview import Goal, Interview
from forms.questionnaire import Questionnaire
from forms.validation import parse_answer


@dataclass(frozen=True)
class Resumed:
    interview: Interview
    left_out: list[str]  # question ids of stored answers that could not be used


def resume_interview(
    questionnaire: Questionnaire, record: CaseRecord, today: date, goal: Goal | None = None
) -> Resumed:
    parsed: dict[str, Answer] = {}
    left_out: list[str] = []
    for question_id, value in record.answers.items():
        if question_id not in questionnaire.by_id:
            left_out.append(question_id)
            continue
        try:
            parsed[question_id] = parse_answer(questionnaire.question(question_id), value)
        except AnswersError:
            left_out.append(question_id)
    interview = Interview(questionnaire, today, parsed, record.current_question, goal)
    return Resumed(interview, sorted(left_out))
