"""Routes entered only by referral or invitation are never plainly "eligible" without it."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathways.engine import default_engine
from pathways.model import Kind, ReferralMode
from pathways.plan import derive_plan
from pathways.results import Outcome, Verdict
from tests.pathways.random_people import random_screening

SELF_STARTED = {"de.local_staff"}
"""Routes whose "referral" the person starts: a threat report sent through the ex-employer."""

REFERRAL_CRITERION = {Kind.PATHWAY: "referred", Kind.UNHCR_CATEGORY: "identified_by_unhcr"}
NAMED = {
    "ca.gar": "unhcr_referral",
    "au.sc203": "unhcr_referral",
    "uk.acrs_sf": "referrer_evacuated",  # the family member in the UK refers
    "uk.acrs_p1": "op_pitting",  # the UK chose the people: evacuated or called forward
}
"""Routes whose referral criterion has a name of its own."""


def referral_criterion(pathway: str, kind: Kind) -> str:
    return NAMED.get(pathway, REFERRAL_CRITERION[kind])


def test_every_referral_route_names_its_referral_as_a_criterion() -> None:
    rules = default_engine().rules
    missing = [
        p.id
        for p in rules.pathways
        if p.referral.mode in (ReferralMode.REFERRAL, ReferralMode.NONE)
        and p.id not in SELF_STARTED
        and p.status.value not in ("ended",)
        and referral_criterion(p.id, p.kind) not in {c.id for c in p.criteria}
    ]
    assert not missing, f"referral-only routes without a referral criterion: {missing}"


def test_invitation_routes_go_on_only_for_the_invited() -> None:
    rules = default_engine().rules
    for pathway in rules.pathways:
        if pathway.referral.mode is ReferralMode.INVITATION:
            assert pathway.status.value != "open", pathway.id
            assert pathway.status_exemption is not None, pathway.id
            assert "invit" in pathway.status_exemption.model_dump_json(), pathway.id


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_no_referral_route_is_eligible_without_its_referral(seed: int) -> None:
    engine = default_engine()
    screening = random_screening(seed)
    modes = {p.id: p for p in engine.rules.pathways}
    for result in screening.results:
        pathway = modes[result.pathway]
        if result.verdict is not Verdict.ELIGIBLE or result.pathway in SELF_STARTED:
            continue
        if pathway.referral.mode in (ReferralMode.REFERRAL, ReferralMode.NONE):
            wanted = referral_criterion(result.pathway, result.kind)
            outcome = {c.id: c.outcome for c in result.criteria}.get(wanted)
            assert outcome in (Outcome.MET, None), (result.pathway, outcome)
    for route in derive_plan(screening).act_now:  # acted on now: open to the person
        if modes[route.pathway].referral.mode is ReferralMode.INVITATION:
            result = next(r for r in screening.results if r.pathway == route.pathway)
            assert result.exemption_outcome is Outcome.MET, route.pathway


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_no_route_closed_to_the_person_is_offered_to_them(seed: int) -> None:
    """A route closed to this person is never "act now" nor "if you applied before", whatever
    its verdict; "may still apply" is only for an exemption that is met or unknown."""
    screening = random_screening(seed)
    plan = derive_plan(screening)
    offered = {route.pathway for route in (*plan.act_now, *plan.if_applied_before)}
    for result in screening.results:
        if result.open_to_person is Outcome.NOT_MET:
            assert result.pathway not in offered, result.pathway
            assert result.applies_despite_status is not True, result.pathway
        if result.applies_despite_status is not False:
            assert result.exemption_outcome in (Outcome.MET, Outcome.UNKNOWN), result.pathway
