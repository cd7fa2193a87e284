"""Evaluating every pathway against one person's facts: each criterion met, not met or unknown.

The verdict is `eligible` when every criterion is met, `not_eligible` when any is not met, and
`possibly_eligible` otherwise, with the unknown criteria and the documents that would settle
them. Status is separate: a closed route is shown as closed even to someone who meets it, and
its exemption says whom the closure does not stop. "Today" is always an argument.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from forms.answers import Answer, JSONValue, Special
from forms.conditions import Condition, Scope, Tri, fact_uses, open_facts
from pathways.model import Document, Evidence, FamilyRule, Notice, Pathway, Sourced, Status
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


@dataclass(frozen=True, slots=True)
class Judgement:
    """What one pathway comes to for one person: the part that changes with every answer.

    Kept apart from the words and sources shown (which never change), so re-judging every
    pathway after an answer costs only the conditions themselves.
    """

    pathway: Pathway
    criteria: tuple[Tri, ...]
    exemption: Tri | None
    notices: tuple[tuple[Notice, Tri], ...]

    @property
    def verdict(self) -> Verdict:
        if Tri.FALSE in self.criteria:
            return Verdict.NOT_ELIGIBLE
        if any(
            outcome is Tri.UNKNOWN and not criterion.decided_by_authority
            for outcome, criterion in zip(self.criteria, self.pathway.criteria, strict=True)
        ):
            return Verdict.POSSIBLY_ELIGIBLE
        return Verdict.ELIGIBLE

    @property
    def open_to_person(self) -> Tri:
        """Open routes are; a closed one only through its exemption; an unknown one may be."""
        status = self.pathway.status
        if status is Status.OPEN:
            return Tri.TRUE
        if status is Status.UNKNOWN:
            return Tri.any([self.exemption or Tri.FALSE, Tri.UNKNOWN])
        return self.exemption or Tri.FALSE


def judge(rules: RuleSet, pathway: Pathway, scope: Scope) -> Judgement:
    exemption = pathway.status_exemption
    return Judgement(
        pathway=pathway,
        criteria=tuple(criterion.test.evaluate(scope) for criterion in pathway.criteria),
        exemption=exemption.test.evaluate(scope) if exemption else None,
        notices=tuple(
            (notice, outcome)
            for notice in rules.notices_for[pathway.id]
            if (outcome := notice.applies_when.evaluate(scope)) is not Tri.FALSE
        ),
    )


def judge_all(rules: RuleSet, facts: Mapping[str, Answer], today: date) -> list[Judgement]:
    """Every pathway's verdict and openness: what is recomputed after each answer."""
    scope = Scope(facts, today)
    return [judge(rules, pathway, scope) for pathway in rules.pathways]


def evaluate_pathway(
    rules: RuleSet, pathway: Pathway, facts: Mapping[str, Answer], today: date
) -> PathwayResult:
    scope = Scope(facts, today)
    return present(rules, judge(rules, pathway, scope), scope)


def present(rules: RuleSet, judgement: Judgement, scope: Scope) -> PathwayResult:
    """The full result people read: the judgement with its words, sources and family."""
    pathway = judgement.pathway
    country = rules.country_of[pathway.id]
    evidence_of = rules.evidence_of[country.country]
    criteria = [
        CriterionResult(
            id=criterion.id,
            outcome=_OUTCOME[outcome],
            text=criterion.text,
            note=criterion.note,
            source=criterion.source,
            evidence=_evidence(criterion, evidence_of),
            to_verify=_to_verify(criterion, evidence_of),
            decided_by_authority=criterion.decided_by_authority,
        )
        for criterion, outcome in zip(pathway.criteria, judgement.criteria, strict=True)
    ]
    exemption = pathway.status_exemption
    exemption_tri = judgement.exemption
    steps, documents = for_stage(pathway, scope)
    return PathwayResult(
        pathway=pathway.id,
        country=country.country,
        country_name=country.name,
        kind=pathway.kind,
        name=pathway.name,
        summary=pathway.summary,
        verdict=judgement.verdict,
        status=pathway.status,
        status_since=pathway.status_since,
        status_note=pathway.status_note,
        status_evidence=pathway.status_evidence,
        status_to_verify=pathway.status_evidence.needs_verifying,
        last_checked=pathway.last_checked,
        exemption=exemption.text if exemption else None,
        exemption_outcome=_OUTCOME[exemption_tri] if exemption_tri is not None else None,
        applies_despite_status=_applies_despite_status(
            judgement.verdict, pathway.status, exemption_tri
        ),
        exemption_unknown=_unknown_facts(exemption.test, scope)
        if exemption is not None and exemption_tri is Tri.UNKNOWN
        else [],
        open_to_person=_OUTCOME[judgement.open_to_person],
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
            if result.outcome is Outcome.UNKNOWN and not result.decided_by_authority
        ],
        failed=[result.id for result in criteria if result.outcome is Outcome.NOT_MET],
        family=_family(pathway, scope, evidence_of, rules.relationship_texts),
        notices=[
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
            for notice, outcome in judgement.notices
        ],
        documents=[DocumentRef(text=d.text, to_verify=d.to_verify) for d in documents],
        next_steps=steps,
        sources=rules.sources_of[pathway.id],
        to_verify=pathway.status_evidence.needs_verifying
        or any(result.to_verify for result in criteria),
        authority_decides=[
            result.id
            for result in criteria
            if result.decided_by_authority and result.outcome is Outcome.UNKNOWN
        ],
    )


def for_stage(pathway: Pathway, scope: Scope) -> tuple[list[str], list[Document]]:
    """The next steps and documents that may fit the person's stage: all but those whose
    condition is known false (unknown keeps a step, worded "If …", never hides it). Only
    words change with the stage, so this is left out of the Judgement re-made per answer."""

    def fits(when: Condition | None) -> bool:
        return when is None or when.evaluate(scope) is not Tri.FALSE

    steps = [
        step if isinstance(step, str) else step.text
        for step in pathway.next_steps
        if isinstance(step, str) or fits(step.when)
    ]
    return steps, [document for document in pathway.documents if fits(document.when)]


def _applies_despite_status(verdict: Verdict, status: Status, exemption: Tri | None) -> bool | None:
    """Three-valued: an unknown exemption is "may still apply", never a silent no. A route the
    person does not meet (a criterion known not met) goes on for nobody's earlier application
    either: False, as the plan never lists it; so its exemption cannot change the answer."""
    if verdict is Verdict.NOT_ELIGIBLE:
        return False
    if status is Status.OPEN or exemption is None or exemption is Tri.FALSE:
        return False
    return True if exemption is Tri.TRUE else None


def _unknown_facts(condition: Condition, scope: Scope) -> list[str]:
    """The facts that would decide a condition: read by its unknown parts and not answered
    (or answered "unknown"/"prefer not"); a branch already settled names nothing."""
    unknown = []
    still_open = open_facts(condition, scope)
    for use in fact_uses(condition):
        if use.fact not in still_open and use.group not in still_open:
            continue
        if use.group is not None:
            value = scope.facts.get(use.group)
            fact = use.group
        else:
            value = scope.facts.get(use.fact)
            fact = use.fact
        if (value is None or isinstance(value, Special)) and fact not in unknown:
            unknown.append(fact)
    return unknown


def _evidence(fact: Sourced, evidence_of: Mapping[str, Evidence]) -> Evidence:
    return fact.evidence or evidence_of[fact.source]


def _to_verify(fact: Sourced, evidence_of: Mapping[str, Evidence]) -> bool:
    return fact.to_verify or _evidence(fact, evidence_of).needs_verifying


def _family(
    pathway: Pathway,
    scope: Scope,
    evidence_of: Mapping[str, Evidence],
    relationship_texts: Mapping[str, str],
) -> list[FamilyResult]:
    """Each family member the person listed, against the pathway's rules for their relationship."""
    members = scope.facts.get(FAMILY_GROUP)
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
                relationship_text=relationship_texts.get(relationship, "")
                if isinstance(relationship, str)
                else "",
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
    scope = Scope(facts, today)
    return [present(rules, judgement, scope) for judgement in judge_all(rules, facts, today)]


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
        newest_fact=rules.newest_fact,
        freshness_note=rules.freshness_note,
        rules_release=rules.release,
        rules_checked=rules.checked,
    )
