"""Whether a closed route still goes on for a person is three-valued, like every criterion."""

from __future__ import annotations

from datetime import date

import pytest

from forms.answers_file import interview_from_answers
from pathways.engine import default_engine
from pathways.results import PathwayResult
from tests.conftest import TODAY


def siv(answers: dict[str, object]) -> PathwayResult:
    engine = default_engine()
    raw = {"afghan_national": True, "current_country": "PK", "us_visa_issued": False, **answers}
    interview = interview_from_answers(engine.questionnaire, raw, TODAY)
    return next(r for r in engine.screen(interview).results if r.pathway == "us.siv")


@pytest.mark.parametrize(
    ("answers", "applies", "deciding"),
    [
        (
            {
                "siv_com_applied": True,
                "siv_com_applied_date": "2025-12-31",
                "siv_com_outcome": "waiting",
                "siv_com_documents_complete": True,
            },
            True,
            [],
        ),
        ({"siv_com_applied": True, "siv_com_applied_date": "2026-01-01"}, False, []),
        ({"siv_com_applied": False}, False, []),
        (
            {
                "siv_com_applied": True,
                "siv_com_applied_date": "unknown",
                "siv_com_outcome": "waiting",
                "siv_com_documents_complete": True,
            },
            None,
            ["siv_com_applied_date"],
        ),
        (
            {"siv_com_applied": "prefer_not_to_say"},
            None,
            [
                "siv_com_applied",
                "siv_com_applied_date",
                "siv_com_outcome",
                "siv_com_documents_complete",
                "siv_com_appealed",
                "siv_com_refusal_date",
            ],
        ),
    ],
)
def test_an_unknown_exemption_is_may_still_apply_and_names_what_decides_it(
    answers: dict[str, object], applies: bool | None, deciding: list[str]
) -> None:
    result = siv(answers)
    assert result.applies_despite_status is applies
    assert result.exemption_unknown == deciding


def test_only_the_facts_of_an_unsettled_branch_are_named() -> None:
    """An SIV of unknown kind, and no Chief of Mission application: only the visa's facts
    can still decide it; the application dates are settled and not asked again."""
    result = siv({"siv_com_applied": False, "us_visa_issued": True, "us_visa_kind": "unknown"})
    assert result.applies_despite_status is None
    assert sorted(result.exemption_unknown) == ["us_visa_kind", "us_visa_valid_until"]


def test_an_open_route_never_applies_despite_its_status() -> None:
    engine = default_engine()
    interview = interview_from_answers(engine.questionnaire, {}, date(2026, 11, 23))
    for result in engine.screen(interview).results:
        if result.status.value == "open":
            assert result.applies_despite_status is False, result.pathway
