"""Which questions can still change an outcome: the goal an adaptive interview pursues.

Conditions are Kleene three-valued, so refining an unknown fact moves a condition only from
unknown to met or not met, never between them. A route is settled once its verdict is decided,
when it is not open its exemption too, and the stage its next steps and documents follow; then
only the unknown parts of unsettled routes (criteria, exemption, notices, stage conditions) can
still move, and a question matters only if it sets one of their facts or opens a question that
does. `known` tests read "is this unanswered" and break that argument, so their facts always
matter, as do the family members the summary lists.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from forms.answers import Answer
from forms.conditions import Scope, Tri, fact_uses, open_facts
from forms.questionnaire import Questionnaire
from pathways.model import Pathway, Status
from pathways.rules import FAMILY_GROUP, RuleSet


@dataclass
class Focus:
    """The goal for forms.Interview: question id -> how many unsettled routes it can move."""

    questionnaire: Questionnaire
    rules: RuleSet
    _owner: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        self._owner = {q.id: q.id for q in self.questionnaire.questions()}
        for group, fields in self.questionnaire.groups.items():
            self._owner.update(dict.fromkeys(fields, group))

    @cached_property
    def always(self) -> set[str]:
        """Facts tested with `known` (not monotone) and the family list the summary shows."""
        facts = {FAMILY_GROUP}
        for pathway in self.rules.pathways:
            conditions = [c.test for c in pathway.criteria]
            conditions += [r.test for r in pathway.family.rules if r.test is not None]
            if pathway.status_exemption is not None:
                conditions.append(pathway.status_exemption.test)
            conditions += [n.applies_when for n in self.rules.notices_for[pathway.id]]
            conditions += pathway.staged
            for condition in conditions:
                facts |= {u.fact for u in fact_uses(condition) if u.operator == "known"}
        return facts

    def __call__(self, facts: Mapping[str, Answer], today: date) -> dict[str, int]:
        scope = Scope(facts, today)
        weight: Counter[str] = Counter()
        for pathway in self.rules.pathways:
            moving = self._moving(pathway, scope)
            if moving:
                weight.update(self._questions(moving, scope))
        for question in self._questions(self.always, scope):
            weight[question] += 0
        return dict(weight)

    def _moving(self, pathway: Pathway, scope: Scope) -> set[str]:
        """The facts that can still change this route: none once a criterion is not met (then
        it is not eligible whatever else is answered, its exemption included: see
        evaluate._applies_despite_status); else those of its unknown criteria, of its unknown
        exemption while it is not open, of its notices that may apply, and of the conditions
        of its stage-dependent next steps and documents (the person's stage decides them)."""
        unknown = []
        for criterion in pathway.criteria:
            outcome = criterion.test.evaluate(scope)
            if outcome is Tri.FALSE:
                return set()
            if outcome is Tri.UNKNOWN:
                unknown.append(criterion.test)
        moving = set().union(*(open_facts(test, scope) for test in unknown))
        exemption = pathway.status_exemption
        if exemption is not None and pathway.status is not Status.OPEN:
            moving |= open_facts(exemption.test, scope)
        if moving:
            for notice in self.rules.notices_for[pathway.id]:
                moving |= open_facts(notice.applies_when, scope)
        for condition in pathway.staged:
            moving |= open_facts(condition, scope)
        return moving

    def _questions(self, facts: set[str], scope: Scope) -> set[str]:
        """The questions setting these facts, and those whose answers would open them."""
        questions: set[str] = set()
        todo = [self._owner[fact] for fact in facts if fact in self._owner]
        while todo:
            question_id = todo.pop()
            if question_id in questions:
                continue
            questions.add(question_id)
            ask_when = self.questionnaire.question(question_id).ask_when
            if ask_when is not None:
                todo += [self._owner[f] for f in open_facts(ask_when, scope) if f in self._owner]
        return questions
