"""What a screening says, as plain data every output reads: window, command line and PDF.

Results are frozen dataclasses (rebuilt for every pathway after every answer, so they must be
cheap); the Screening that carries them out of the core is a pydantic model.

Texts are the English source strings; outputs translate them at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from forms.answers import JSONValue
from pathways.model import Evidence, Kind, ReferralMode, Status


class Outcome(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"


class Verdict(StrEnum):
    ELIGIBLE = "eligible"
    POSSIBLY_ELIGIBLE = "possibly_eligible"
    NOT_ELIGIBLE = "not_eligible"


@dataclass(frozen=True, slots=True)
class SourceRef:
    id: str
    title: str
    url: str | None
    seen: date
    dated: str
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class CriterionResult:
    id: str
    outcome: Outcome
    text: str
    note: str | None
    source: str
    evidence: Evidence
    to_verify: bool
    decided_by_authority: bool = False


@dataclass(frozen=True, slots=True)
class DocumentRef:
    text: str
    to_verify: bool


@dataclass(frozen=True, slots=True)
class Clarify:
    """An unknown criterion, and the documents that would settle it."""

    criterion: str
    text: str
    documents: list[str]


@dataclass(frozen=True, slots=True)
class FamilyResult:
    member: int
    relationship: str
    outcome: Outcome
    rule: str | None
    to_verify: bool
    relationship_text: str = ""
    """The relationship as its choice reads (English source text); translate at the edge."""


@dataclass(frozen=True, slots=True)
class NoticeResult:
    id: str
    title: str
    text: str
    since: date
    outcome: Outcome
    source: str
    evidence: Evidence
    to_verify: bool


@dataclass(frozen=True, slots=True)
class PathwayResult:
    pathway: str
    country: str
    country_name: str
    kind: Kind
    name: str
    summary: str
    verdict: Verdict
    status: Status
    status_since: date | None
    status_note: str
    status_evidence: Evidence
    status_to_verify: bool
    last_checked: date
    exemption: str | None
    exemption_outcome: Outcome | None
    applies_despite_status: bool | None
    """The route is not open, but goes on for this person (True); does not (False, also for a
    route they do not meet); or that depends on facts still unknown (None, unknown:
    `exemption_unknown` names them)."""
    exemption_unknown: list[str]
    """The facts (question ids) still unknown that decide the exemption, when it is unknown."""
    open_to_person: Outcome
    referral_mode: ReferralMode
    referral: str
    location: str
    family_text: str
    criteria: list[CriterionResult]
    to_clarify: list[Clarify]
    failed: list[str]
    family: list[FamilyResult]
    notices: list[NoticeResult]
    documents: list[DocumentRef]
    next_steps: list[str]
    sources: list[SourceRef]
    to_verify: bool
    authority_decides: list[str]
    """Criteria only the authority judges, still open: "eligible to apply; the decision is
    the authority's" (they never keep the verdict at "possibly" by themselves)."""


class Screening(BaseModel):
    """One screening: the answers, the results, the rules version, the language and the time."""

    model_config = ConfigDict(frozen=True)

    rules_version: str
    today: date
    created: datetime
    language: str
    answers: dict[str, JSONValue]
    dropped_answers: list[str]
    results: list[PathwayResult]
    newest_fact: date  # the newest fact the rule data holds
    freshness_note: str  # English (the msgid); outputs show it translated
