"""Load-time checks that a condition reads facts the questionnaire really sets, sensibly.

Shared by the questionnaire (ask_when) and the pathway rules (criteria), so a typo in a fact
name or a choice value fails at load with its place named, not silently at screening time.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from forms.conditions import Condition, FactUse, fact_uses
from forms.questions import Question, QuestionType
from forms.validation import COUNTRY_CODES

_OPERATORS: dict[str, set[QuestionType]] = {
    "is_": {QuestionType.YES_NO},
    "equals": {
        QuestionType.SINGLE_CHOICE, QuestionType.NUMBER, QuestionType.DATE,
        QuestionType.TEXT, QuestionType.COUNTRY,
    },
    "in_": {QuestionType.SINGLE_CHOICE, QuestionType.COUNTRY},
    "includes": {QuestionType.MULTI_CHOICE},
    "includes_any": {QuestionType.MULTI_CHOICE},
    "at_least": {QuestionType.NUMBER},
    "at_most": {QuestionType.NUMBER},
    "before": {QuestionType.DATE},
    "after": {QuestionType.DATE},
    "on_or_before": {QuestionType.DATE},
    "on_or_after": {QuestionType.DATE},
    "within": {QuestionType.DATE},
    "less_than_ago": {QuestionType.DATE},
    "no_later_than": {QuestionType.DATE},
    "group": {QuestionType.GROUP},
    "months": {QuestionType.DATE, QuestionType.YES_NO, QuestionType.NUMBER},
}  # fmt: skip


def check_condition(
    condition: Condition,
    top: Mapping[str, Question],
    groups: Mapping[str, Mapping[str, Question]],
    *,
    group: str | None = None,
    allowed: set[str] | None = None,
) -> list[str]:
    """Problems with one condition, as short sentences; empty when it is sound.

    `allowed`, when given, limits which top-level facts may be read (an `ask_when` may only
    look at questions asked before it).
    """
    return [
        problem
        for use in fact_uses(condition, group)
        if (problem := _check_use(use, top, groups, allowed)) is not None
    ]


def _check_use(
    use: FactUse,
    top: Mapping[str, Question],
    groups: Mapping[str, Mapping[str, Question]],
    allowed: set[str] | None,
) -> str | None:
    question = groups.get(use.group or "", {}).get(use.fact) or top.get(use.fact)
    if question is None:
        return f"unknown fact '{use.fact}'"
    is_item = use.group is not None and use.fact in groups.get(use.group, {})
    if not is_item and allowed is not None and use.fact not in allowed:
        return f"fact '{use.fact}' is not asked before this question"
    if use.operator == "known":
        return None
    if question.type not in _OPERATORS[use.operator]:
        operator = use.operator.rstrip("_")
        return f"fact '{use.fact}' is a {question.type.value}; '{operator}' does not apply"
    return _check_values(use, question)


def _check_values(use: FactUse, question: Question) -> str | None:
    leaf = use.leaf
    if leaf is None:
        return None
    values: list[object] = []
    if leaf.in_ is not None:
        values = list(leaf.in_)
    elif leaf.includes_any is not None:
        values = list(leaf.includes_any)
    elif leaf.includes is not None or leaf.equals is not None:
        values = [leaf.includes if leaf.includes is not None else leaf.equals]
    for value in values:
        if question.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE):
            if not isinstance(value, str) or question.choice(value) is None:
                return f"'{value}' is not a choice of '{question.id}'"
        elif question.type is QuestionType.COUNTRY and value not in COUNTRY_CODES:
            return f"'{value}' is not a country code"
        elif question.type is QuestionType.DATE and not isinstance(value, date):
            return f"'{value}' is not a date"
    return None
