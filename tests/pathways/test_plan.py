"""The plan: which routes a person can act on now, which only if they applied before, and what
to do first. Each rule is tested on both sides (verdict × status × exemption)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from forms.interview import Interview
from pathways.engine import default_engine
from pathways.model import ReferralMode, Status
from pathways.plan import ACTION, DOCUMENTS_STEP, GOES_ON, MAX_STEPS, derive_plan
from pathways.results import Outcome, PathwayResult, Screening, Verdict
from tests.conftest import TODAY
from tests.pathways.random_people import random_screening


def base_screening() -> Screening:
    engine = default_engine()
    interview = Interview(engine.questionnaire, TODAY)
    return engine.screen(interview)


def only(result: PathwayResult, **fields: object) -> Screening:
    """A screening holding just this one result, changed as given."""
    changed = replace(result, **fields)  # type: ignore[arg-type]
    return base_screening().model_copy(update={"results": [changed]})


def a_result(pathway: str = "us.siv") -> PathwayResult:
    return next(r for r in base_screening().results if r.pathway == pathway)


CLOSED = [s for s in Status if s not in (Status.OPEN, Status.UNKNOWN)]


@pytest.mark.parametrize("verdict", [Verdict.ELIGIBLE, Verdict.POSSIBLY_ELIGIBLE])
@pytest.mark.parametrize("status", [Status.OPEN, Status.UNKNOWN])
def test_a_fitting_route_that_is_open_or_of_unknown_status_is_to_act_on_now(
    verdict: Verdict, status: Status
) -> None:
    plan = derive_plan(only(a_result(), verdict=verdict, status=status, exemption_outcome=None))
    assert [route.pathway for route in plan.act_now] == ["us.siv"]
    assert plan.act_now[0].action == ACTION[ReferralMode.SELF_APPLY]
    assert plan.act_now[0].status_unconfirmed is (status is Status.UNKNOWN)
    assert plan.if_applied_before == () and plan.others == 0


@pytest.mark.parametrize("status", [Status.OPEN, Status.UNKNOWN, *CLOSED])
def test_a_route_that_does_not_fit_is_never_in_the_plan(status: Status) -> None:
    plan = derive_plan(
        only(a_result(), verdict=Verdict.NOT_ELIGIBLE, status=status, exemption_outcome=Outcome.MET)
    )
    assert plan.act_now == () and plan.if_applied_before == ()
    assert (plan.not_fitting, plan.closed) == (1, 0)


@pytest.mark.parametrize("status", CLOSED)
@pytest.mark.parametrize("verdict", [Verdict.ELIGIBLE, Verdict.POSSIBLY_ELIGIBLE])
def test_a_closed_route_is_acted_on_only_when_its_exemption_holds(
    status: Status, verdict: Verdict
) -> None:
    result = a_result()
    met = derive_plan(only(result, verdict=verdict, status=status, exemption_outcome=Outcome.MET))
    assert [r.pathway for r in met.act_now] == ["us.siv"] and met.if_applied_before == ()
    assert met.act_now[0].action == GOES_ON, "not 'Apply yourself' to a route closed to new"

    unknown = derive_plan(
        only(result, verdict=verdict, status=status, exemption_outcome=Outcome.UNKNOWN)
    )
    assert unknown.act_now == ()
    assert [r.pathway for r in unknown.if_applied_before] == ["us.siv"]
    assert unknown.if_applied_before[0].exemption == result.exemption

    for outcome in (Outcome.NOT_MET, None):
        closed = derive_plan(
            only(result, verdict=verdict, status=status, exemption_outcome=outcome)
        )
        assert closed.act_now == () and closed.if_applied_before == ()
        assert (closed.closed, closed.not_fitting) == (1, 0)


def test_order_is_eligible_first_then_self_apply_then_fewer_unknowns() -> None:
    base = base_screening()
    by_id = {r.pathway: r for r in base.results}

    def open_route(pathway: str, verdict: Verdict, mode: ReferralMode) -> PathwayResult:
        return replace(by_id[pathway], verdict=verdict, status=Status.OPEN, referral_mode=mode)

    results = [
        open_route("uk.arap", Verdict.POSSIBLY_ELIGIBLE, ReferralMode.SELF_APPLY),
        open_route("ca.hrd", Verdict.ELIGIBLE, ReferralMode.REFERRAL),
        open_route("us.siv", Verdict.POSSIBLY_ELIGIBLE, ReferralMode.REFERRAL),
        open_route("de.bap", Verdict.ELIGIBLE, ReferralMode.SELF_APPLY),
        open_route("unhcr.lpn", Verdict.ELIGIBLE, ReferralMode.NONE),
    ]
    results[0] = replace(results[0], to_clarify=results[0].to_clarify[:1])
    plan = derive_plan(base.model_copy(update={"results": results}))
    assert [r.pathway for r in plan.act_now] == [
        "de.bap",  # eligible, apply yourself
        "ca.hrd",  # eligible, by referral
        "uk.arap",  # possibly, apply yourself
        "us.siv",  # possibly, by referral
        "unhcr.lpn",  # UNHCR's categories after every country's routes
    ]
    assert plan.act_now[1].action == ACTION[ReferralMode.REFERRAL]


def test_steps_and_documents_are_merged_without_repeats() -> None:
    base = base_screening()
    results = [
        replace(r, verdict=Verdict.POSSIBLY_ELIGIBLE, status=Status.OPEN)
        for r in base.results
        if r.pathway.startswith("unhcr.")
    ]
    plan = derive_plan(base.model_copy(update={"results": results}))
    assert len(plan.act_now) == len(results) == 7
    assert len(plan.next_steps) == len(set(plan.next_steps)) <= MAX_STEPS
    assert plan.next_steps[0] == results[0].next_steps[0]
    assert DOCUMENTS_STEP in plan.next_steps
    texts = [d.text for d in plan.documents]
    assert len(texts) == len(set(texts))
    assert set(texts) == {d.text for r in results for d in r.documents}
    for document in plan.documents:  # each route that asks for it, in the plan's order
        wanted = [r.pathway for r in plan.act_now]
        asking = {r.pathway for r in results if document.text in {d.text for d in r.documents}}
        assert document.pathways == tuple(p for p in wanted if p in asking)


def test_the_journalist_can_act_on_routes_that_fit_and_are_open() -> None:
    from forms.answers_file import interview_from_answers, read_answers_file

    engine = default_engine()
    raw = read_answers_file(Path(__file__).parents[1] / "data" / "journalist_pk.json")
    plan = derive_plan(engine.screen(interview_from_answers(engine.questionnaire, raw, TODAY)))
    assert plan.act_now, "a journalist in Pakistan has somewhere to turn"
    assert plan.act_now[0].verdict is Verdict.ELIGIBLE or all(
        r.verdict is Verdict.POSSIBLY_ELIGIBLE for r in plan.act_now
    )
    assert 3 <= len(plan.next_steps) <= MAX_STEPS


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(min_value=0, max_value=2**32 - 1))
def test_act_now_never_holds_a_route_closed_to_the_person(seed: int) -> None:
    screening = random_screening(seed)
    plan = derive_plan(screening)
    by_id = {r.pathway: r for r in screening.results}
    for route in plan.act_now:
        result = by_id[route.pathway]
        assert result.verdict is not Verdict.NOT_ELIGIBLE
        assert result.open_to_person is not Outcome.NOT_MET
        if result.status not in (Status.OPEN, Status.UNKNOWN):
            assert result.exemption_outcome is Outcome.MET
    for route in plan.if_applied_before:
        assert by_id[route.pathway].exemption_outcome is Outcome.UNKNOWN
    assert len(plan.act_now) + len(plan.if_applied_before) + plan.others == len(screening.results)
