"""The questionnaire and the rules fit each other: every question can be reached, every fact a
rule reads is asked, and no question is asked for nothing."""

from __future__ import annotations

import random
from datetime import date, timedelta
from itertools import chain

from forms.conditions import Condition, Leaf, fact_uses
from forms.interview import Interview
from forms.questionnaire import Questionnaire
from forms.questions import Question, QuestionType
from pathways.engine import default_engine
from pathways.rules import RuleSet

TODAY = date(2026, 11, 23)


def rule_conditions(rules: RuleSet) -> list[Condition]:
    found: list[Condition] = []
    for country in rules.countries:
        found += [notice.applies_when for notice in country.notices]
        for pathway in country.pathways:
            found += [criterion.test for criterion in pathway.criteria]
            found += [rule.test for rule in pathway.family.rules if rule.test is not None]
            if pathway.status_exemption is not None:
                found.append(pathway.status_exemption.test)
            found += pathway.staged
    return found


def ask_conditions(questionnaire: Questionnaire) -> list[Condition]:
    every = chain.from_iterable((q, *q.questions) for q in questionnaire.questions())
    return [q.ask_when for q in every if q.ask_when is not None]


def test_every_fact_a_rule_reads_is_asked() -> None:
    engine = default_engine()
    facts = engine.questionnaire.all_facts()
    read = {use.fact for c in rule_conditions(engine.rules) for use in fact_uses(c)}
    assert read <= facts, f"facts no question sets: {sorted(read - facts)}"


def test_no_question_is_asked_for_nothing() -> None:
    engine = default_engine()
    conditions = rule_conditions(engine.rules) + ask_conditions(engine.questionnaire)
    used = {use.fact for condition in conditions for use in fact_uses(condition)}
    every = chain.from_iterable((q, *q.questions) for q in engine.questionnaire.questions())
    idle = [q.id for q in every if q.id not in used and not q.purpose]
    assert not idle, f"questions no rule or condition reads and with no stated purpose: {idle}"


def candidate_answers(
    question: Question, dates: dict[str, list[date]], rng: random.Random
) -> object:
    """A plausible answer, often one on a threshold the rules read for that very fact."""
    if rng.random() < 0.1:
        return "unknown"
    match question.type:
        case QuestionType.YES_NO:
            return rng.choice([True, False])
        case QuestionType.SINGLE_CHOICE:
            return rng.choice(question.choices).value
        case QuestionType.MULTI_CHOICE:
            return [c.value for c in question.choices if rng.random() < 0.3]
        case QuestionType.NUMBER:
            return rng.choice([0, 1, 6, 12, 24, 100])
        case QuestionType.DATE:
            own = dates.get(question.id)
            day = rng.choice(own if own and rng.random() < 0.7 else dates[""])
            return (day + timedelta(days=rng.choice([-1, 0, 0, 1]))).isoformat()
        case QuestionType.COUNTRY:
            return rng.choice(["AF", "PK", "IR", "DE", "US"])
        case QuestionType.TEXT:
            return "x"
        case QuestionType.GROUP:
            return [
                {inner.id: candidate_answers(inner, dates, rng) for inner in question.questions}
                for _ in range(rng.randint(1, 3))
            ]


def test_every_question_and_field_is_reachable() -> None:
    engine = default_engine()
    conditions = rule_conditions(engine.rules) + ask_conditions(engine.questionnaire)
    dates: dict[str, list[date]] = {"": [date(2010, 6, 1), TODAY - timedelta(days=100)]}
    for condition in conditions:
        for use in fact_uses(condition):
            leaf = use.leaf
            if isinstance(leaf, Leaf):
                for value in (
                    leaf.before,
                    leaf.after,
                    leaf.on_or_before,
                    leaf.on_or_after,
                    leaf.equals,
                ):
                    if isinstance(value, date):
                        dates.setdefault(use.fact, []).append(value)
                        dates[""].append(value)
    rng = random.Random(20261123)
    reached: set[str] = set()
    for _ in range(1600):
        interview = Interview(engine.questionnaire, TODAY)
        while (question := interview.current()) is not None:
            interview.answer(candidate_answers(question, dates, rng))
        reached |= set(interview.answers)
        for answer in interview.answers.values():
            if isinstance(answer, tuple):
                reached |= {key for item in answer if isinstance(item, dict) for key in item}
    every = chain.from_iterable((q, *q.questions) for q in engine.questionnaire.questions())
    missing = [q.id for q in every if q.id not in reached]
    assert not missing, f"never asked on any of 1600 random paths: {missing}"
