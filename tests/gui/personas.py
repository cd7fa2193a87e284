"""Three people screened in the GUI tests: raw answers as they would give them."""

from __future__ import annotations

from typing import Any

INTERPRETER: dict[str, Any] = {
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

JOURNALIST: dict[str, Any] = {
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
        {"member_relationship": "child", "member_birth_date": "2015-06", "member_married": False},
    ],
}

UNSURE: dict[str, Any] = {"afghan_national": "unknown", "gender": "prefer_not_to_say"}
"""Answers "I don't know" to everything else."""

PERSONAS = {"interpreter": INTERPRETER, "journalist": JOURNALIST, "unsure": UNSURE}

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def with_persian_digits(value: Any) -> Any:
    """Dates typed with Persian digits, as a Dari or Pashto keyboard gives them."""
    if isinstance(value, str) and value[:1].isdigit():
        return value.translate(_PERSIAN)
    if isinstance(value, list):
        return [with_persian_digits(item) for item in value]
    if isinstance(value, dict):
        return {key: with_persian_digits(item) for key, item in value.items()}
    return value
