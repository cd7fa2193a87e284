"""Every rule case file: each case is a sentence a lawyer could check against the guidance."""

from __future__ import annotations

import pytest

from pathways.engine import default_engine
from pathways.rule_cases import Case, CaseFile, case_problem, load_case_files

CASES = [
    pytest.param(case_file, case, id=f"{case_file.pathway}: {case.name}")
    for _, case_file in load_case_files()
    for case in case_file.cases
]


@pytest.mark.parametrize(("case_file", "case"), CASES)
def test_rule_case(case_file: CaseFile, case: Case) -> None:
    problem = case_problem(default_engine(), case_file, case)
    assert problem is None, problem


def test_every_pathway_has_cases() -> None:
    covered = {case_file.pathway for _, case_file in load_case_files()}
    missing = {p.id for p in default_engine().rules.pathways} - covered
    assert not missing, f"pathways without a rule case file: {sorted(missing)}"
