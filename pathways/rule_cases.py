"""Rule case files: given these answers, expect this verdict and these failed/unknown criteria.

A file names one pathway, optional `base` answers shared by its cases, and optional `job` and
`member` entries merged into each case's `employers` / `family_members` shorthand. The test
suite runs the repository's cases; a rule pack carries its own and they must all pass before
the pack is installed (pathways/packs).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from forms.answers_file import interview_from_answers
from forms.errors import MasirError
from forms.yaml_files import first_error, read_yaml
from pathways.engine import Engine
from pathways.errors import RulesError
from pathways.evaluate import evaluate_pathway
from pathways.model import Step
from pathways.results import Outcome

CASES_FOLDER = Path(__file__).resolve().parents[1] / "tests" / "pathways" / "cases"
"""The repository's rule cases (not shipped in the bundle; a rule pack carries a copy)."""


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    verdict: str | None = None
    failed: list[str] | None = None
    unknown: list[str] | None = None
    applies_despite_status: bool | Literal["unknown"] | None = None
    exemption: str | None = None
    open_to_person: str | None = None
    family: list[str] | None = None
    notices: list[str] | None = None
    steps: list[str] | None = None
    """The ids of the stage-dependent next steps shown (those not known not to fit)."""


class Case(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    answers: dict[str, Any] = Field(default_factory=dict)
    jobs: list[dict[str, Any]] | None = None
    members: list[dict[str, Any]] | None = None
    relatives: list[dict[str, Any]] | None = None
    remove: list[str] = Field(default_factory=list)
    today: date | None = None
    expect: Expect


class CaseFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    pathway: str
    today: date = date(2026, 11, 23)
    base: dict[str, Any] = Field(default_factory=dict)
    job: dict[str, Any] = Field(default_factory=dict)
    member: dict[str, Any] = Field(default_factory=dict)
    relative: dict[str, Any] = Field(default_factory=dict)
    cases: list[Case]

    def answers_for(self, case: Case) -> dict[str, Any]:
        """The base answers, with the case's own answers and list shorthands laid over them."""
        answers = {**self.base, **case.answers}
        for key, template, entries, gate in (
            ("employers", self.job, case.jobs, "worked_with_foreigners"),
            ("family_members", self.member, case.members, "has_family_members"),
            ("relatives_abroad", self.relative, case.relatives, "has_relatives_abroad"),
        ):
            if entries is not None:
                answers[key] = [{**template, **entry} for entry in entries]
                answers[gate] = True
        for key in case.remove:
            answers.pop(key, None)
        return answers


def load_case_files(folder: Path = CASES_FOLDER) -> list[tuple[Path, CaseFile]]:
    """Every `*.yaml` in `folder`, checked (RulesError names the broken file)."""
    files: list[tuple[Path, CaseFile]] = []
    for path in sorted(folder.glob("*.yaml")):
        data = read_yaml(path, RulesError)
        try:
            files.append((path, CaseFile.model_validate(data)))
        except ValidationError as error:
            raise RulesError(f"{path.name}: {first_error(error)}") from None
    return files


def case_problem(engine: Engine, case_file: CaseFile, case: Case) -> str | None:
    """None when the rules give what the case expects; otherwise the first difference."""
    today = case.today or case_file.today
    pathway = next((p for p in engine.rules.pathways if p.id == case_file.pathway), None)
    if pathway is None:
        return f"unknown pathway {case_file.pathway}"
    try:
        interview = interview_from_answers(engine.questionnaire, case_file.answers_for(case), today)
    except MasirError as error:
        return error.message
    result = evaluate_pathway(engine.rules, pathway, interview.facts(), today)
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
        "steps": [
            step.id
            for step in pathway.next_steps
            if isinstance(step, Step) and step.text in result.next_steps
        ],
    }
    for field, wanted in case.expect.model_dump(exclude_none=True).items():
        if seen[field] != wanted:
            return f"{field}: expected {wanted!r}, got {seen[field]!r}"
    return None


def failing_cases(engine: Engine, folder: Path) -> tuple[list[str], int]:
    """'pathway: case name: difference' for every case in `folder` the rules do not meet, and
    how many cases there are."""
    failures: list[str] = []
    total = 0
    for _path, case_file in load_case_files(folder):
        for case in case_file.cases:
            total += 1
            problem = case_problem(engine, case_file, case)
            if problem is not None:
                failures.append(f"{case_file.pathway}: {case.name}: {problem}")
    return failures, total
