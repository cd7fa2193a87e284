"""Discretion is not doubt: a criterion only the authority judges at the end never keeps a
verdict at "possibly" by itself, and still fails when the facts rule it out."""

from __future__ import annotations

from dataclasses import replace

from forms.conditions import Tri
from pathways.engine import default_engine
from pathways.evaluate import Judgement
from pathways.results import Verdict


def judgement(outcomes: dict[str, Tri]) -> Judgement:
    pathway = next(p for p in default_engine().rules.pathways if p.id == "au.sc200")
    assert any(c.decided_by_authority for c in pathway.criteria)
    criteria = tuple(outcomes.get(c.id, Tri.TRUE) for c in pathway.criteria)
    return Judgement(pathway=pathway, criteria=criteria, exemption=None, notices=())


def test_an_open_discretionary_criterion_leaves_the_route_eligible_to_apply() -> None:
    assert judgement({"compelling_reasons": Tri.UNKNOWN}).verdict is Verdict.ELIGIBLE


def test_a_discretionary_criterion_ruled_out_by_the_facts_still_fails() -> None:
    assert judgement({"compelling_reasons": Tri.FALSE}).verdict is Verdict.NOT_ELIGIBLE


def test_any_other_unknown_still_means_possibly() -> None:
    outcomes = {"compelling_reasons": Tri.UNKNOWN, "persecution": Tri.UNKNOWN}
    assert judgement(outcomes).verdict is Verdict.POSSIBLY_ELIGIBLE


def test_without_the_flag_the_same_unknown_is_possibly() -> None:
    judged = judgement({"compelling_reasons": Tri.UNKNOWN})
    plain = replace(
        judged,
        pathway=judged.pathway.model_copy(
            update={
                "criteria": [
                    c.model_copy(update={"decided_by_authority": False})
                    for c in judged.pathway.criteria
                ]
            }
        ),
    )
    assert plain.verdict is Verdict.POSSIBLY_ELIGIBLE
