"""Three built-in people whose answers the self-test screens (no Qt, no files).

Each is a set of raw answers, as the window or an answers file gives them. Questions they
leave out are answered "I don't know" by `complete_interview`, so every question the
questionnaire asks of them has an answer and the interview reaches its end.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from forms.answers_file import interview_from_answers
from forms.errors import MasirError
from forms.interview import Interview
from forms.questionnaire import Questionnaire

US_INTERPRETER: dict[str, Any] = {
    "afghan_national": True,
    "other_nationality": False,
    "gender": "man",
    "birth_date": "1984-05",
    "current_country": "PK",
    "left_afghanistan_date": "2022-03",
    "host_status": ["acc_card"],
    "safe_to_stay": False,
    "worked_with_foreigners": True,
    "employers": [
        {
            "employer_type": "us_gov_contractor",
            "employer_role": "interpreter",
            "employer_in_afghanistan": True,
            "employer_start": "2010-03-01",
            "employer_ongoing": False,
            "employer_end": "2011-04-30",
            "employer_letter": "have",
            "employer_documents": ["hr_letter", "badge"],
        }
    ],
    "public_role": [],
    "identity_risk": [],
    "fears_persecution": True,
    "immediate_danger": False,
    "return_threat": True,
    "has_relatives_abroad": False,
    "siv_com_applied": False,
    "arap_applied": False,
    "us_visa_issued": False,
    "has_family_members": False,
}
"""A man who interpreted for a US government contractor for 14 months, now in Pakistan."""

JOURNALIST_IN_PAKISTAN: dict[str, Any] = {
    "afghan_national": True,
    "other_nationality": False,
    "gender": "woman",
    "birth_date": "1990",
    "current_country": "PK",
    "left_afghanistan_date": "2021-09-15",
    "host_status": ["por_card", "asylum_seeker"],
    "safe_to_stay": False,
    "worked_with_foreigners": False,
    "public_role": ["journalist", "womens_rights"],
    "rights_track_record": True,
    "identity_risk": "prefer_not_to_say",
    "fears_persecution": True,
    "suffered_targeted_violence": "prefer_not_to_say",
    "immediate_danger": False,
    "return_threat": True,
    "without_male_protection": False,
    "gender_violence_risk": True,
    "survivor_of_torture": "prefer_not_to_say",
    "medical_need": False,
    "has_relatives_abroad": False,
    "siv_com_applied": False,
    "arap_applied": False,
    "us_visa_issued": False,
    "has_family_members": True,
    "family_members": [
        {"member_relationship": "spouse", "member_birth_date": "1985"},
        {
            "member_relationship": "child",
            "member_birth_date": "2015-06",
        },  # 11: not asked "married?"
    ],
}
"""A woman journalist and women's-rights activist in Pakistan with her husband and a child."""

UNSURE: dict[str, Any] = {}
"""Someone who answers "I don't know" to every question."""

SAMPLES: dict[str, dict[str, Any]] = {
    "us_interpreter": US_INTERPRETER,
    "journalist_in_pakistan": JOURNALIST_IN_PAKISTAN,
    "unsure": UNSURE,
}

SAMPLE_DAY = date(2026, 11, 23)

_FILL_INS = ("unknown", "prefer_not_to_say")
MAX_QUESTIONS = 500


def complete_interview(
    questionnaire: Questionnaire, raw: dict[str, Any], today: date = SAMPLE_DAY
) -> Interview:
    """The interview of `raw`, with "I don't know" given to every question still open (never
    to one `raw` answers: the interview moves on to the next question, answered or not)."""
    interview = interview_from_answers(questionnaire, raw, today)
    for _ in range(MAX_QUESTIONS):
        question = next((q for q in interview.flow() if q.id not in interview.answers), None)
        if question is None:
            return interview
        for fill_in in _FILL_INS:
            try:
                interview.change(question.id, fill_in)
                break
            except MasirError:
                continue
        else:
            raise MasirError(f"question '{question.id}' accepts neither 'unknown' nor a refusal")
    raise MasirError(f"the interview did not end after {MAX_QUESTIONS} questions")
