"""Rule case files: given these answers, expect this verdict and these failed/unknown criteria.

A file names one pathway, optional `base` answers shared by its cases, and optional `job` and
`member` entries merged into each case's `employers` / `family_members` shorthand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

CASES_FOLDER = Path(__file__).parent / "cases"


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


def load_case_files() -> list[tuple[Path, CaseFile]]:
    return [
        (path, CaseFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8"))))
        for path in sorted(CASES_FOLDER.glob("*.yaml"))
    ]
