"""What a person can do now: the one answer every output shows first.

Derived once from a Screening, with no Qt and no PDF, so the window, the summary, the text
report and JSON can never disagree about which routes matter. Texts are English msgids;
renderers translate them at the edge.
"""

from __future__ import annotations

from dataclasses import dataclass

from i18n.runtime import N_
from pathways.model import Kind, ReferralMode, Status
from pathways.results import Outcome, PathwayResult, Screening, Verdict

MAX_UNKNOWN = 3
MAX_STEPS = 5

ACTION: dict[ReferralMode, str] = {
    ReferralMode.SELF_APPLY: N_("Apply yourself."),
    ReferralMode.FAMILY_PETITION: N_("Your relative in that country applies for you."),
    ReferralMode.SPONSOR: N_("A sponsor in that country must apply for you."),
    ReferralMode.REFERRAL: N_("Only through a referral: ask the organisation that refers people."),
    ReferralMode.NONE: N_("Only through UNHCR: ask UNHCR to consider you."),
    ReferralMode.INVITATION: N_("Only by invitation: you cannot apply; you are contacted."),
}
"""What to do, in one line, by how a route is entered."""

_EASE = {mode: rank for rank, mode in enumerate(ACTION)}
"""Routes a person can start alone come first; invitation-only routes last."""

GOES_ON = N_("Your application goes on: follow the next steps.")
"""The action of a route no longer open to new people that goes on for this person (they
applied in time, or hold what the closure spares): not "Apply yourself"."""

AUTHORITY_DECIDES = N_("You can apply; the final decision is the authority's own judgement.")

DOCUMENTS_STEP = N_("Gather the documents in the list below; keep copies in a safe place.")


@dataclass(frozen=True, slots=True)
class Unknown:
    """A criterion still unknown that decides a route: its id and its English text."""

    criterion: str
    text: str


@dataclass(frozen=True, slots=True)
class PlanRoute:
    """One route in the plan, with what to do and what still decides it."""

    pathway: str
    name: str
    country_name: str
    kind: Kind
    verdict: Verdict
    referral_mode: ReferralMode
    action: str
    unknown: tuple[Unknown, ...]
    status: Status
    status_unconfirmed: bool
    """True when the route's status itself is not known: "status to be confirmed"."""
    exemption: str | None
    """For a closed route: who its closure does not stop (the English text)."""
    authority_decides: bool
    """Some criterion only the authority judges at the end: "the decision is theirs"."""


@dataclass(frozen=True, slots=True)
class PlanDocument:
    """One document of the checklist, once, with the act-now routes that ask for it (plan
    order): each route's block can point to its items instead of listing them again."""

    text: str
    to_verify: bool
    pathways: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    act_now: tuple[PlanRoute, ...]
    if_applied_before: tuple[PlanRoute, ...]
    next_steps: tuple[str, ...]
    documents: tuple[PlanDocument, ...]
    closed: int
    """Routes that would fit but are closed to this person."""
    not_fitting: int
    """Routes that do not fit the person's answers."""

    @property
    def others(self) -> int:
        return self.closed + self.not_fitting


def is_act_now(result: PathwayResult) -> bool:
    """May fit, and is open to this person (open, status unknown, or their exemption holds)."""
    if result.verdict is Verdict.NOT_ELIGIBLE:
        return False
    return result.status in (Status.OPEN, Status.UNKNOWN) or _goes_on(result)


def _goes_on(result: PathwayResult) -> bool:
    """Closed to new people, and open to this one through the closure's exemption."""
    return result.status not in (Status.OPEN, Status.UNKNOWN) and (
        result.exemption_outcome is Outcome.MET
    )


def is_if_applied_before(result: PathwayResult) -> bool:
    """Closed to new people, but the person's own earlier application may still go on."""
    return (
        result.verdict is not Verdict.NOT_ELIGIBLE
        and result.status not in (Status.OPEN, Status.UNKNOWN)
        and result.exemption_outcome is Outcome.UNKNOWN
    )


def derive_plan(screening: Screening) -> Plan:
    act_now = sorted(
        (_route(result) for result in screening.results if is_act_now(result)), key=_order
    )
    applied_before = sorted(
        (_route(result) for result in screening.results if is_if_applied_before(result)),
        key=_order,
    )
    by_id = {result.pathway: result for result in screening.results}
    acting = [by_id[route.pathway] for route in act_now]  # in the plan's order
    documents = _documents(acting)
    closed = sum(
        1
        for result in screening.results
        if result.verdict is not Verdict.NOT_ELIGIBLE
        and not is_act_now(result)
        and not is_if_applied_before(result)
    )
    not_fitting = sum(1 for result in screening.results if result.verdict is Verdict.NOT_ELIGIBLE)
    return Plan(
        act_now=tuple(act_now),
        if_applied_before=tuple(applied_before),
        next_steps=_next_steps(acting, has_documents=bool(documents)),
        documents=documents,
        closed=closed,
        not_fitting=not_fitting,
    )


def _route(result: PathwayResult) -> PlanRoute:
    return PlanRoute(
        pathway=result.pathway,
        name=result.name,
        country_name=result.country_name,
        kind=result.kind,
        verdict=result.verdict,
        referral_mode=result.referral_mode,
        action=GOES_ON if _goes_on(result) else ACTION[result.referral_mode],
        unknown=tuple(Unknown(item.criterion, item.text) for item in result.to_clarify)[
            :MAX_UNKNOWN
        ],
        status=result.status,
        status_unconfirmed=result.status is Status.UNKNOWN,
        exemption=result.exemption,
        authority_decides=bool(result.authority_decides),
    )


def _order(route: PlanRoute) -> tuple[bool, int, int, int, bool]:
    """Countries' routes before UNHCR's categories; then eligible before possibly, self-apply
    before referral, fewer unknowns first."""
    return (
        route.kind is Kind.UNHCR_CATEGORY,
        0 if route.verdict is Verdict.ELIGIBLE else 1,
        _EASE[route.referral_mode],
        len(route.unknown),
        route.status_unconfirmed,
    )


def _next_steps(acting: list[PathwayResult], *, has_documents: bool) -> tuple[str, ...]:
    """The routes' own steps, taken in turn (each route's first step before any second one)."""
    steps: list[str] = []
    room = MAX_STEPS - (1 if has_documents else 0)
    depth = max((len(result.next_steps) for result in acting), default=0)
    for rank in range(depth):
        for result in acting:
            if rank < len(result.next_steps) and result.next_steps[rank] not in steps:
                steps.append(result.next_steps[rank])
    steps = steps[:room]
    if has_documents:
        steps.insert(min(1, len(steps)), DOCUMENTS_STEP)
    return tuple(steps)


def _documents(acting: list[PathwayResult]) -> tuple[PlanDocument, ...]:
    verify: dict[str, bool] = {}
    wanted_by: dict[str, list[str]] = {}
    for result in acting:
        for document in result.documents:
            verify[document.text] = verify.get(document.text, False) or document.to_verify
            wanted_by.setdefault(document.text, []).append(result.pathway)
    return tuple(
        PlanDocument(text, verify[text], tuple(dict.fromkeys(pathways)))
        for text, pathways in wanted_by.items()
    )


def plan_json(plan: Plan) -> dict[str, object]:
    """The plan as the command line's JSON prints it (texts are the English msgids)."""

    def routes(items: tuple[PlanRoute, ...]) -> list[dict[str, object]]:
        return [
            {
                "pathway": route.pathway,
                "verdict": route.verdict.value,
                "action": route.action,
                "unknown": [item.criterion for item in route.unknown],
                "status_unconfirmed": route.status_unconfirmed,
            }
            for route in items
        ]

    return {
        "act_now": routes(plan.act_now),
        "if_applied_before": routes(plan.if_applied_before),
        "next_steps": list(plan.next_steps),
        "documents": [document.text for document in plan.documents],
        "others": plan.others,
        "closed": plan.closed,
        "not_fitting": plan.not_fitting,
    }
