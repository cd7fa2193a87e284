"""The rule data model: a pathway reads like the official guidance it encodes.

Order of fields follows the guidance: id, name, status, referral, where the person must be,
family, criteria, documents, next steps, sources. Every criterion and status names its source
and evidence tag; facts tagged INF or BK, or marked `to_verify`, are shown as "to verify".
"""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum
from functools import cached_property

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from forms.conditions import Condition
from forms.questions import snake_case
from pathways.parameters import Derived, Parameter

PATHWAY_ID = re.compile(r"^[a-z]{2,6}\.[a-z0-9_]+$")


class Status(StrEnum):
    """Vocabulary of pathways-reference.md: what the route does with new and pending cases."""

    OPEN = "open"
    CLOSED_TO_NEW = "closed_to_new"
    FULL = "full"
    SUSPENDED = "suspended"
    PAUSED = "paused"
    ENDED = "ended"
    UNKNOWN = "unknown"


class Evidence(StrEnum):
    """How a fact is known (pathways-reference.md): only V and S are shown without a warning."""

    V = "V"
    S = "S"
    INF = "INF"
    BK = "BK"
    NOT_FOUND = "not_found"

    @property
    def needs_verifying(self) -> bool:
        return self in (Evidence.INF, Evidence.BK, Evidence.NOT_FOUND)


class Kind(StrEnum):
    PATHWAY = "pathway"
    UNHCR_CATEGORY = "unhcr_category"


class ReferralMode(StrEnum):
    SELF_APPLY = "self_apply"
    REFERRAL = "referral"
    INVITATION = "invitation"
    SPONSOR = "sponsor"
    FAMILY_PETITION = "family_petition"
    NONE = "none"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Source(_Model):
    id: str
    title: str
    url: str | None = None
    seen: date
    dated: str = Field(description="the date printed on the page, or 'undated'")
    evidence: Evidence


class Sourced(_Model):
    """Anything that states a fact: it names its source and how sure the fact is."""

    source: str
    evidence: Evidence | None = None
    to_verify: bool = False


class Criterion(Sourced):
    id: str
    text: str
    test: Condition
    note: str | None = None
    decided_by_authority: bool = False
    """Only the deciding authority judges it at the end (compelling reasons, discretion): when
    it is unknown it does not keep the verdict at "possibly" (it can still fail)."""

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        return snake_case(value, "criterion id")


class Exemption(Sourced):
    """Whom a closure does not stop (e.g. applied before the closing date)."""

    text: str
    test: Condition


class Referral(_Model):
    mode: ReferralMode
    text: str


class Location(_Model):
    text: str


class FamilyRule(Sourced):
    """Which family members come with the person, as a test over one member's answers."""

    relationships: list[str]
    text: str
    test: Condition | None = None


class Family(_Model):
    text: str
    rules: list[FamilyRule] = Field(default_factory=list)


class Document(_Model):
    id: str
    text: str
    proves: list[str] = Field(default_factory=list)
    to_verify: bool = False
    when: Condition | None = None
    """Asked only at some stages (e.g. before an approval): hidden only when known not to fit."""


class Step(_Model):
    """A next step for people at one stage of the route (e.g. "Chief of Mission approved").

    Shown unless its condition is known false: a step whose condition is unknown stays, so its
    text starts with the "If …" that says whom it is for. Plain strings are for everyone.
    """

    id: str
    text: str
    when: Condition
    source: str | None = None
    to_verify: bool = False

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        return snake_case(value, "next step id")


class Pathway(_Model):
    id: str
    kind: Kind = Kind.PATHWAY
    name: str
    summary: str
    status: Status
    status_since: date | None
    status_note: str
    status_source: str
    status_evidence: Evidence
    last_checked: date
    status_exemption: Exemption | None = None
    referral: Referral
    location: Location
    family: Family
    criteria: list[Criterion]
    documents: list[Document] = Field(default_factory=list)
    next_steps: list[str | Step] = Field(default_factory=list)
    sources: list[str]

    @field_validator("id")
    @classmethod
    def _pathway_id(cls, value: str) -> str:
        if not PATHWAY_ID.match(value):
            raise ValueError(f"pathway id '{value}' must look like 'us.siv'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Pathway:
        ids = [criterion.id for criterion in self.criteria]
        if len(set(ids)) != len(ids):
            raise ValueError("criterion ids must be unique within a pathway")
        for document in self.documents:
            for proved in document.proves:
                if proved not in ids:
                    raise ValueError(
                        f"document '{document.id}' proves unknown criterion '{proved}'"
                    )
        if not self.criteria:
            raise ValueError("a pathway needs at least one criterion")
        steps = [step.id for step in self.next_steps if isinstance(step, Step)]
        if len(set(steps)) != len(steps):
            raise ValueError("next step ids must be unique within a pathway")
        return self

    @cached_property
    def staged(self) -> list[Condition]:
        """The conditions of its stage-dependent next steps and documents (the facts they read
        count for the adaptive interview)."""
        steps = [step.when for step in self.next_steps if isinstance(step, Step)]
        return steps + [d.when for d in self.documents if d.when is not None]


class Notice(Sourced):
    """A fact that stops or slows every (or several) pathways of a country for a person."""

    id: str
    title: str
    text: str
    since: date
    applies_when: Condition
    pathways: list[str] | None = Field(
        default=None, description="ids it affects; none given means every pathway of the country"
    )


class RulesMeta(_Model):
    """The file meta/rules.yaml: what is true of the rule data as a whole."""

    newest_fact: date = Field(description="the date of the newest fact any source gave")
    freshness_note: str = Field(description="shown wherever results are: how fresh they are")
    version: str = Field(
        "0",
        pattern=r"^\d+(\.\d+)*$",
        description="the rules' release, e.g. 2026.11.1 (numbers compared one by one); "
        "a rule pack may only replace rules of a lower release",
    )
    checked: date | None = Field(
        None,
        description="when the rules were last checked as a whole (default: the newest "
        "pathway last_checked); older than 90 days, every output warns",
    )
    min_app_version: str = Field(
        "0", pattern=r"^\d+(\.\d+)*$", description="the oldest Masir that can use these rules"
    )


class CountryRules(_Model):
    """One data file: a country's (or UNHCR's) sources, parameters, notices and pathways."""

    country: str
    name: str
    sources: list[Source]
    parameters: list[Parameter] = Field(default_factory=list)
    derived: list[Derived] = Field(default_factory=list)
    notices: list[Notice] = Field(default_factory=list)
    pathways: list[Pathway]
