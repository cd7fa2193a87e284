"""Evaluating every pathway against one person's facts: each criterion met, not met or unknown.

The verdict is `eligible` when every criterion is met, `not_eligible` when any is not met, and
`possibly_eligible` otherwise, with the unknown criteria and the documents that would settle
them. Status is separate: a closed route is shown as closed even to someone who meets it, and
its exemption says whom the closure does not stop. "Today" is always an argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime

from forms.answers import Answer, JSONValue
from forms.conditions import Scope, Tri
from pathways.model import Evidence, FamilyRule, Pathway, Sourced, Status
from pathways.results import (
    Clarify,
    CriterionResult,
    DocumentRef,
    FamilyResult,
    NoticeResult,
    Outcome,
    PathwayResult,
    Screening,
    Verdict,
)
from pathways.rules import FAMILY_GROUP, RELATIONSHIP, RuleSet

_OUTCOME = {Tri.TRUE: Outcome.MET, Tri.FALSE: Outcome.NOT_MET, Tri.UNKNOWN: Outcome.UNKNOWN}


def evaluate_pathway(
    rules: RuleSet, pathway: Pathway, facts: Mapping[str, Answer], today: date
) -> PathwayResult:
    scope = Scope(facts, today)
    country = rules.country_of[pathway.id]
    evidence_of = rules.evidence_of[country.country]
    criteria = [
        CriterionResult(
            id=criterion.id,
            outcome=_OUTCOME[criterion.test.evaluate(scope)],
            text=criterion.text,
            note=criterion.note,
            source=criterion.source,
            evidence=_evidence(criterion, evidence_of),
            to_verify=_to_verify(criterion, evidence_of),
        )
        for criterion in pathway.criteria
    ]
    outcomes = {result.outcome for result in criteria}
    verdict = (
        Verdict.NOT_ELIGIBLE
        if Outcome.NOT_MET in outcomes
        else Verdict.POSSIBLY_ELIGIBLE
        if Outcome.UNKNOWN in outcomes
        else Verdict.ELIGIBLE
    )
    exemption = pathway.status_exemption
    exemption_tri = exemption.test.evaluate(scope) if exemption else None
    open_tri = _open_to_person(pathway.status, exemption_tri)
    notices = _notices(rules, pathway, scope, evidence_of)
    return PathwayResult(
        pathway=pathway.id,
        country=country.country,
        country_name=country.name,
        kind=pathway.kind,
        name=pathway.name,
        summary=pathway.summary,
        verdict=verdict,
        status=pathway.status,
        status_since=pathway.status_since,
        status_note=pathway.status_note,
        status_evidence=pathway.status_evidence,
        status_to_verify=pathway.status_evidence.needs_verifying,
        last_checked=pathway.last_checked,
        exemption=exemption.text if exemption else None,
        exemption_outcome=_OUTCOME[exemption_tri] if exemption_tri else None,
        applies_despite_status=pathway.status is not Status.OPEN and exemption_tri is Tri.TRUE,
        open_to_person=_OUTCOME[open_tri],
        referral_mode=pathway.referral.mode,
        referral=pathway.referral.text,
        location=pathway.location.text,
        family_text=pathway.family.text,
        criteria=criteria,
        to_clarify=[
            Clarify(
                criterion=result.id,
                text=result.text,
                documents=[d.text for d in pathway.documents if result.id in d.proves],
            )
            for result in criteria
            if result.outcome is Outcome.UNKNOWN
        ],
        failed=[result.id for result in criteria if result.outcome is Outcome.NOT_MET],
        family=_family(pathway, facts, scope, evidence_of),
        notices=notices,
        documents=[DocumentRef(text=d.text, to_verify=d.to_verify) for d in pathway.documents],
        next_steps=list(pathway.next_steps),
        sources=rules.sources_of[pathway.id],
        to_verify=pathway.status_evidence.needs_verifying
        or any(result.to_verify for result in criteria),
    )


def _open_to_person(status: Status, exemption: Tri | None) -> Tri:
    """Open routes are open; a closed one only through its exemption; an unknown status may be."""
    if status is Status.OPEN:
        return Tri.TRUE
    if status is Status.UNKNOWN:
        return Tri.any([exemption or Tri.FALSE, Tri.UNKNOWN])
    return exemption or Tri.FALSE


def _evidence(fact: Sourced, evidence_of: Mapping[str, Evidence]) -> Evidence:
    return fact.evidence or evidence_of[fact.source]


def _to_verify(fact: Sourced, evidence_of: Mapping[str, Evidence]) -> bool:
    return fact.to_verify or _evidence(fact, evidence_of).needs_verifying


def _notices(
    rules: RuleSet, pathway: Pathway, scope: Scope, evidence_of: Mapping[str, Evidence]
) -> list[NoticeResult]:
    results = []
    for notice in rules.notices_for(pathway):
        outcome = notice.applies_when.evaluate(scope)
        if outcome is Tri.FALSE:
            continue
        results.append(
            NoticeResult(
                id=notice.id,
                title=notice.title,
                text=notice.text,
                since=notice.since,
                outcome=_OUTCOME[outcome],
                source=notice.source,
                evidence=_evidence(notice, evidence_of),
                to_verify=_to_verify(notice, evidence_of),
            )
        )
    return results


def _family(
    pathway: Pathway, facts: Mapping[str, Answer], scope: Scope, evidence_of: Mapping[str, Evidence]
) -> list[FamilyResult]:
    """Each family member the person listed, against the pathway's rules for their relationship."""
    members = facts.get(FAMILY_GROUP)
    if not isinstance(members, tuple):
        return []
    results = []
    for number, member in enumerate(members, start=1):
        if not isinstance(member, dict):
            continue
        relationship = member.get(RELATIONSHIP)
        rules = [r for r in pathway.family.rules if relationship in r.relationships]
        judged = [(r.test.evaluate(scope.inside(member)) if r.test else Tri.TRUE, r) for r in rules]
        best = _best(judged)
        if best is None:
            outcome = Outcome.UNKNOWN if not isinstance(relationship, str) else Outcome.NOT_MET
        else:
            outcome = _OUTCOME[best[0]]
        rule = best[1] if best else None
        results.append(
            FamilyResult(
                member=number,
                relationship=relationship if isinstance(relationship, str) else "unknown",
                outcome=outcome,
                rule=rule.text if rule else None,
                to_verify=_to_verify(rule, evidence_of) if rule else False,
            )
        )
    return results


def _best(judged: list[tuple[Tri, FamilyRule]]) -> tuple[Tri, FamilyRule] | None:
    """The rule that serves the member best: met before unknown before not met."""
    for wanted in (Tri.TRUE, Tri.UNKNOWN, Tri.FALSE):
        for outcome, rule in judged:
            if outcome is wanted:
                return outcome, rule
    return None


def evaluate_all(rules: RuleSet, facts: Mapping[str, Answer], today: date) -> list[PathwayResult]:
    return [evaluate_pathway(rules, pathway, facts, today) for pathway in rules.pathways]


def screen(
    rules: RuleSet,
    facts: Mapping[str, Answer],
    answers: Mapping[str, JSONValue],
    today: date,
    language: str = "en",
    dropped: list[str] | None = None,
) -> Screening:
    """The one Screening object every output is made from."""
    return Screening(
        rules_version=rules.version,
        today=today,
        created=datetime.now(UTC),
        language=language,
        answers=dict(answers),
        dropped_answers=list(dropped or []),
        results=evaluate_all(rules, facts, today),
    )
