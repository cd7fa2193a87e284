"""Entry fields asked only when they apply: a child surely under 15 is not asked "Is this
person married?", and the rules read the question's absence as "not married", never as an
unknown that makes a route "possibly" nor as an answer kept when the child turns out older."""

from __future__ import annotations

from typing import Any

import pytest

from cli.samples import JOURNALIST_IN_PAKISTAN, complete_interview
from forms.answers import Item
from forms.interview import item_questions
from forms.questionnaire import load_questionnaire
from forms.validation import parse_answer
from pathways.engine import default_engine
from pathways.evaluate import screen
from pathways.results import Outcome, Screening
from tests.conftest import TODAY

QUESTIONNAIRE = load_questionnaire()
FAMILY = QUESTIONNAIRE.question("family_members")
FIELDS = QUESTIONNAIRE.groups["family_members"]


def child(born: str, **more: Any) -> Item:
    item: Item = {
        "member_relationship": "child",
        "member_birth_date": parse_answer(FIELDS["member_birth_date"], born),
    }
    item.update({key: parse_answer(FIELDS[key], value) for key, value in more.items()})
    return item


def asked(item: Item) -> list[str]:
    return [q.id for q in item_questions(QUESTIONNAIRE, FAMILY, item, {}, TODAY)]


@pytest.mark.parametrize("born", ["2017-03-10", "2017", "2012-12", "1391-01-01 SH"])
def test_a_child_surely_under_15_is_not_asked_married(born: str) -> None:
    assert "member_married" not in asked(child(born))


@pytest.mark.parametrize(
    "born",
    [
        "2011",  # 14 or 15 on 23 November 2026: asked, the child may be 15
        "2011-11-23",  # 15 today
        "2005",
        "unknown",
        "prefer_not_to_say",
    ],
)
def test_a_child_who_may_be_15_or_older_is_asked(born: str) -> None:
    assert "member_married" in asked(child(born))


def test_a_child_without_a_birth_date_yet_is_asked() -> None:
    assert "member_married" in asked({"member_relationship": "child"})


def test_married_is_never_asked_of_a_husband_or_a_parent() -> None:
    for relationship in ("spouse", "parent", "sibling"):
        assert "member_married" not in asked({"member_relationship": relationship})


def family_with(*members: dict[str, Any]) -> dict[str, Any]:
    return {**JOURNALIST_IN_PAKISTAN, "family_members": list(members)}


def test_the_skipped_no_is_a_fact_never_an_answer() -> None:
    interview = complete_interview(
        QUESTIONNAIRE, family_with({"member_relationship": "child", "member_birth_date": "2017"})
    )
    assert interview.answers["family_members"] == (child("2017"),)
    assert interview.facts()["family_members"] == (child("2017", member_married=False),)


def test_an_older_birth_date_asks_married_again_with_no_answer_carried_over() -> None:
    interview = complete_interview(
        QUESTIONNAIRE, family_with({"member_relationship": "child", "member_birth_date": "2017"})
    )
    interview.change(
        "family_members", [{"member_relationship": "child", "member_birth_date": "2005"}]
    )
    entry = interview.answers["family_members"]
    assert isinstance(entry, tuple) and isinstance(entry[0], dict)
    assert "member_married" not in entry[0]
    facts = interview.facts()["family_members"]
    assert isinstance(facts, tuple) and "member_married" not in facts[0]
    assert "member_married" in asked(entry[0])


def outcomes(screening: Screening, member: int) -> dict[str, Outcome]:
    return {
        result.pathway: next(f.outcome for f in result.family if f.member == member)
        for result in screening.results
        if result.family
    }


RANK = {Outcome.NOT_MET: 0, Outcome.UNKNOWN: 1, Outcome.MET: 2}


def test_a_family_with_a_9_year_old_is_judged_as_well_or_better_than_before() -> None:
    """Before, the unasked "married?" of a child of 9 stayed unknown: German, Australian and
    Canadian family rules said "possibly". Now the child counts as unmarried: "met"."""
    engine = default_engine()
    nine = {"member_relationship": "child", "member_birth_date": "2017-03"}
    interview = complete_interview(engine.questionnaire, family_with(nine))
    now = engine.screen(interview)
    before_facts = dict(interview.facts())
    before_facts["family_members"] = interview.answers["family_members"]  # married unknown
    before = screen(engine.rules, before_facts, now.answers, TODAY, "en", interview.dropped)
    assert [r.verdict for r in now.results] == [r.verdict for r in before.results]
    then, after = outcomes(before, 1), outcomes(now, 1)
    assert all(RANK[after[p]] >= RANK[then[p]] for p in then)
    for pathway in ("de.bap", "au.sc204", "ca.afghan_humanitarian"):
        assert (then[pathway], after[pathway]) == (Outcome.UNKNOWN, Outcome.MET), pathway


def test_a_9_year_old_said_to_be_married_is_not_kept_as_an_answer() -> None:
    """An old case may hold "married: yes" for a young child: the answer is dropped (and
    reported), not read by the rules."""
    interview = complete_interview(
        QUESTIONNAIRE,
        family_with(
            {
                **{"member_relationship": "child", "member_birth_date": "2017"},
                "member_married": True,
            }
        ),
    )
    entry = interview.answers["family_members"]
    assert isinstance(entry, tuple) and "member_married" not in entry[0]
