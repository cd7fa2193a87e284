"""Every rule case file: each case is a sentence a lawyer could check against the guidance."""

from __future__ import annotations

from typing import Any

import pytest

from forms.answers_file import interview_from_answers
from pathways.engine import default_engine
from pathways.evaluate import evaluate_pathway
from pathways.results import Outcome
from tests.pathways.case_files import Case, CaseFile, load_case_files

CASES = [
    pytest.param(case_file, case, id=f"{case_file.pathway}: {case.name}")
    for _, case_file in load_case_files()
    for case in case_file.cases
]


@pytest.mark.parametrize(("case_file", "case"), CASES)
def test_rule_case(case_file: CaseFile, case: Case) -> None:
    engine = default_engine()
    today = case.today or case_file.today
    interview = interview_from_answers(engine.questionnaire, case_file.answers_for(case), today)
    pathway = next(p for p in engine.rules.pathways if p.id == case_file.pathway)
    result = evaluate_pathway(engine.rules, pathway, interview.facts(), today)
    expect = case.expect
    seen: dict[str, Any] = {
        "verdict": result.verdict.value,
        "failed": result.failed,
        "unknown": [item.criterion for item in result.to_clarify],
        "applies_despite_status": "unknown"
        if result.applies_despite_status is None
        else result.applies_despite_status,
        "exemption": result.exemption_outcome.value if result.exemption_outcome else None,
        "open_to_person": result.open_to_person.value,
        "family": [member.outcome.value for member in result.family],
        "notices": [n.id for n in result.notices if n.outcome is Outcome.MET],
    }
    for field, wanted in expect.model_dump(exclude_none=True).items():
        assert seen[field] == wanted, f"{field}: expected {wanted!r}, got {seen[field]!r}"


def test_every_pathway_has_cases() -> None:
    covered = {case_file.pathway for _, case_file in load_case_files()}
    missing = {p.id for p in default_engine().rules.pathways} - covered
    assert not missing, f"pathways without a rule case file: {sorted(missing)}"
