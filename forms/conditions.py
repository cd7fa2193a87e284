"""The one condition language of Masir: data, never code.

It decides both "ask this question when …" and "this criterion holds when …". A condition is
a tree of `all` / `any` / `not` / `maybe` over leaves on facts, validated by pydantic on load and
evaluated in three-valued (Kleene) logic: a leaf over an unanswered fact, "I don't know" or
"prefer not to say" is UNKNOWN; `all` is FALSE if any part is FALSE, TRUE if all are TRUE and
UNKNOWN otherwise; `any` likewise. `maybe` caps a TRUE at UNKNOWN: "this would count, but
someone still has to confirm it".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property
from typing import Annotated, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, model_validator

from forms.answers import Answer, Item, Special
from forms.dates import ApproxDate, add_months, months_range


class Tri(StrEnum):
    """A three-valued truth: what a criterion or an `ask_when` comes to."""

    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    @staticmethod
    def of(value: bool) -> Tri:
        return Tri.TRUE if value else Tri.FALSE

    @staticmethod
    def all(values: Iterable[Tri]) -> Tri:
        result = Tri.TRUE
        for value in values:
            if value is Tri.FALSE:
                return Tri.FALSE
            if value is Tri.UNKNOWN:
                result = Tri.UNKNOWN
        return result

    @staticmethod
    def any(values: Iterable[Tri]) -> Tri:
        result = Tri.FALSE
        for value in values:
            if value is Tri.TRUE:
                return Tri.TRUE
            if value is Tri.UNKNOWN:
                result = Tri.UNKNOWN
        return result

    def negate(self) -> Tri:
        return _NEGATION[self]


_NEGATION = {Tri.TRUE: Tri.FALSE, Tri.FALSE: Tri.TRUE, Tri.UNKNOWN: Tri.UNKNOWN}


@dataclass(frozen=True, slots=True)
class Scope:
    """What a condition can see: the facts, the group item being looked at (if any), and today.

    Inside a group item, a fact name is looked up in the item first, then among the person's
    facts, so "an employer in Afghanistan" can also read "the person is an Afghan national".
    """

    facts: Mapping[str, Answer]
    today: date
    item: Mapping[str, Answer] | None = None

    def lookup(self, fact: str) -> Answer | None:
        if self.item is not None and fact in self.item:
            return self.item[fact]
        return self.facts.get(fact)

    def inside(self, item: Mapping[str, Answer]) -> Scope:
        return Scope(self.facts, self.today, item)


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Span(_Node):
    """A time counted back from today.

    `within: {years: 2}` holds for a date no more than two years ago (the anniversary counts);
    `less_than_ago: {years: 21}` for a birth date of someone not yet 21; `within: {days: 120}`
    for a letter at most 120 days old (an appeal window).
    """

    years: int = 0
    months: int = 0
    days: int = 0

    def start_from(self, today: date) -> date:
        return add_months(today, -(self.years * 12 + self.months)) - timedelta(days=self.days)

    def end_from(self, start: date) -> date:
        """The last day of the span counted forward from `start`."""
        return add_months(start, self.years * 12 + self.months) + timedelta(days=self.days)


class After(Span):
    """A time counted from another fact's date: `no_later_than: {after: relative_status_date,
    years: 2}` holds for a date at most two years after that one (a filing within a limit)."""

    after: str

    def holds(self, value: Answer | None, other: Answer | None) -> Tri:
        """TRUE or FALSE only when every pair of days in the two ranges agrees."""
        if not isinstance(value, ApproxDate) or not isinstance(other, ApproxDate):
            return Tri.UNKNOWN
        if value.latest <= self.end_from(other.earliest):
            return Tri.TRUE
        if value.earliest > self.end_from(other.latest):
            return Tri.FALSE
        return Tri.UNKNOWN


Value: TypeAlias = bool | int | float | str | date


class Leaf(_Node):
    """One test on one fact. Exactly one operator is given."""

    fact: str
    equals: Value | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    includes: str | None = None
    includes_any: list[str] | None = None
    is_: bool | None = Field(default=None, alias="is")
    known: bool | None = None
    at_least: float | None = None
    at_most: float | None = None
    before: date | None = None
    after: date | None = None
    on_or_before: date | None = None
    on_or_after: date | None = None
    within: Span | None = None
    less_than_ago: Span | None = None
    no_later_than: After | None = None

    @model_validator(mode="after")
    def _one_operator(self) -> Leaf:
        given = [name for name in self.operator_names() if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(
                f"a test on '{self.fact}' needs exactly one operator, found {given or 'none'}"
            )
        return self

    @staticmethod
    def operator_names() -> tuple[str, ...]:
        return (
            "equals", "in_", "includes", "includes_any", "is_", "known", "at_least", "at_most",
            "before", "after", "on_or_before", "on_or_after", "within", "less_than_ago",
            "no_later_than",
        )  # fmt: skip

    @property
    def operator(self) -> str:
        return next(name for name in self.operator_names() if getattr(self, name) is not None)

    def evaluate(self, scope: Scope) -> Tri:
        if self.no_later_than is not None:
            limit = self.no_later_than
            return limit.holds(scope.lookup(self.fact), scope.lookup(limit.after))
        return self.test(scope.lookup(self.fact), scope.today)

    @cached_property
    def test(self) -> Callable[[Answer | None, date], Tri]:
        """The test as a function, built once (from the data, never from text as code)."""
        if self.known is not None:
            wanted = self.known

            def known(value: Answer | None, today: date) -> Tri:
                return Tri.of((value is not None and not isinstance(value, Special)) == wanted)

            return known
        if self.equals is not None and not isinstance(self.equals, date):
            target = self.equals
            return _on_value(lambda value: value == target)
        if self.is_ is not None:
            flag = self.is_
            return _on_value(lambda value: value is flag)
        if self.in_ is not None:
            allowed = frozenset(self.in_)
            return _on_value(lambda value: isinstance(value, str) and value in allowed)
        if self.includes is not None:
            one = self.includes
            return _on_value(lambda value: isinstance(value, tuple) and one in value)
        if self.includes_any is not None:
            some = frozenset(self.includes_any)
            return _on_value(lambda value: isinstance(value, tuple) and not some.isdisjoint(value))
        if self.at_least is not None or self.at_most is not None:
            return _on_number(self.at_least, self.at_most)
        return self._date_test()

    def _date_test(self) -> Callable[[Answer | None, date], Tri]:
        """A date range against a threshold: TRUE or FALSE for every day in it, else UNKNOWN."""
        day = timedelta(days=1)
        span = self.within or self.less_than_ago
        if span is not None:
            shift = day if self.less_than_ago is not None else timedelta(0)
            return _on_dates(
                lambda first, last, today: _from(first, last, span.start_from(today) + shift)
            )
        if isinstance(self.equals, date):
            target = self.equals

            def equals(first: date, last: date, today: date) -> Tri:
                if first == last:
                    return Tri.of(first == target)
                return Tri.UNKNOWN if first <= target <= last else Tri.FALSE

            return _on_dates(equals)
        if self.before is not None or self.on_or_before is not None:
            limit = self.before or (self.on_or_before or date.max) + day
            return _on_dates(lambda first, last, today: _until(first, last, limit))
        start = self.on_or_after or (self.after or date.min) + day
        return _on_dates(lambda first, last, today: _from(first, last, start))


def _on_value(check: Callable[[Answer], bool]) -> Callable[[Answer | None, date], Tri]:
    def test(value: Answer | None, today: date) -> Tri:
        if value is None or isinstance(value, Special):
            return Tri.UNKNOWN
        return Tri.TRUE if check(value) else Tri.FALSE

    return test


def _on_number(
    at_least: float | None, at_most: float | None
) -> Callable[[Answer | None, date], Tri]:
    def test(value: Answer | None, today: date) -> Tri:
        if isinstance(value, bool) or not isinstance(value, int | float):
            return Tri.UNKNOWN
        if at_least is not None:
            return Tri.of(value >= at_least)
        assert at_most is not None
        return Tri.of(value <= at_most)

    return test


def _on_dates(
    check: Callable[[date, date, date], Tri],
) -> Callable[[Answer | None, date], Tri]:
    def test(value: Answer | None, today: date) -> Tri:
        if not isinstance(value, ApproxDate):
            return Tri.UNKNOWN
        return check(value.earliest, value.latest, today)

    return test


def _until(first: date, last: date, before: date) -> Tri:
    """Every day of [first, last] falls before `before`?"""
    return Tri.TRUE if last < before else Tri.FALSE if first >= before else Tri.UNKNOWN


def _from(first: date, last: date, on_or_after: date) -> Tri:
    """Every day of [first, last] falls on or after `on_or_after`?"""
    return Tri.TRUE if first >= on_or_after else Tri.FALSE if last < on_or_after else Tri.UNKNOWN


class GroupQuery(_Node):
    """The items of a repeatable group (employers, family members) that meet `where`."""

    group: str
    where: Condition | None = None

    def items(self, scope: Scope) -> list[tuple[Item, Tri]] | None:
        """Each item with whether it meets `where`; None when the group itself is unknown."""
        value = scope.facts.get(self.group)
        if value is None or isinstance(value, Special) or not isinstance(value, tuple):
            return None
        entries = [entry for entry in value if isinstance(entry, dict)]
        return [
            (entry, self.where.evaluate(scope.inside(entry)) if self.where else Tri.TRUE)
            for entry in entries
        ]


class Some(_Node):
    """At least one item of a group meets a condition."""

    some: GroupQuery

    def evaluate(self, scope: Scope) -> Tri:
        items = self.some.items(scope)
        if items is None:
            return Tri.UNKNOWN
        return Tri.any([outcome for _, outcome in items])


class MonthsSpec(GroupQuery):
    start: str
    end: str
    ongoing: str | None = None
    estimate: str | None = None
    """A number of months the person gives when the dates are not known: it bounds the
    longest total (an "about" never proves the time, but can show it was too short)."""


class Months(_Node):
    """Total months of the items that meet `where` (e.g. service with US-government employers).

    Each item's length is a range (approximate dates); items whose `where` is UNKNOWN count only
    towards the longest total. The test is TRUE or FALSE only when the whole range agrees.
    """

    months: MonthsSpec
    at_least: float | None = None
    at_most: float | None = None

    @model_validator(mode="after")
    def _one_bound(self) -> Months:
        if (self.at_least is None) == (self.at_most is None):
            raise ValueError("a months test needs exactly one of at_least and at_most")
        return self

    def evaluate(self, scope: Scope) -> Tri:
        shortest, longest = self.total(scope)
        if shortest is None or longest is None:
            return Tri.UNKNOWN
        if self.at_least is not None:
            return (
                Tri.TRUE
                if shortest >= self.at_least
                else (Tri.FALSE if longest < self.at_least else Tri.UNKNOWN)
            )
        assert self.at_most is not None
        return (
            Tri.TRUE
            if longest <= self.at_most
            else (Tri.FALSE if shortest > self.at_most else Tri.UNKNOWN)
        )

    def total(self, scope: Scope) -> tuple[float | None, float | None]:
        """(shortest, longest) total; None where no bound can be given."""
        items = self.months.items(scope)
        if items is None:
            return None, None
        shortest: float | None = 0.0
        longest: float | None = 0.0
        for entry, outcome in items:
            if outcome is Tri.FALSE:
                continue
            low, high = self._item_range(entry, scope.today)
            if outcome is Tri.TRUE:
                shortest = None if shortest is None or low is None else shortest + low
            longest = None if longest is None or high is None else longest + high
        return shortest, longest

    def _item_range(self, entry: Item, today: date) -> tuple[float | None, float | None]:
        start = entry.get(self.months.start)
        end = entry.get(self.months.end)
        if self.months.ongoing and entry.get(self.months.ongoing) is True:
            end = ApproxDate.exact(today)
        if isinstance(start, ApproxDate) and isinstance(end, ApproxDate):
            return months_range(start, end)
        estimate = entry.get(self.months.estimate) if self.months.estimate else None
        if isinstance(estimate, int | float) and not isinstance(estimate, bool):
            return 0.0, float(estimate)
        if not isinstance(start, ApproxDate):
            return 0.0, None
        return 0.0, months_range(start, ApproxDate.exact(today))[1]


class AllOf(_Node):
    all: list[Condition]

    def evaluate(self, scope: Scope) -> Tri:
        # Tri.all written out: this is the hot path, and a generator costs ~20 % of a judgement.
        result = Tri.TRUE
        for part in self.all:
            outcome = part.evaluate(scope)
            if outcome is Tri.FALSE:
                return Tri.FALSE
            if outcome is Tri.UNKNOWN:
                result = Tri.UNKNOWN
        return result


class AnyOf(_Node):
    any: list[Condition]

    def evaluate(self, scope: Scope) -> Tri:
        # Tri.any written out, as in AllOf.
        result = Tri.FALSE
        for part in self.any:
            outcome = part.evaluate(scope)
            if outcome is Tri.TRUE:
                return Tri.TRUE
            if outcome is Tri.UNKNOWN:
                result = Tri.UNKNOWN
        return result


class NotOf(_Node):
    not_: Condition = Field(alias="not")

    def evaluate(self, scope: Scope) -> Tri:
        return self.not_.evaluate(scope).negate()


class Maybe(_Node):
    maybe: Condition

    def evaluate(self, scope: Scope) -> Tri:
        outcome = self.maybe.evaluate(scope)
        return Tri.UNKNOWN if outcome is Tri.TRUE else outcome


Condition: TypeAlias = Annotated[
    AllOf | AnyOf | NotOf | Maybe | Some | Months | Leaf, Field(union_mode="left_to_right")
]

for _model in (GroupQuery, MonthsSpec, AllOf, AnyOf, NotOf, Maybe, Some, Months):
    _model.model_rebuild()


@dataclass(frozen=True)
class FactUse:
    """One place a condition reads a fact: which fact, with which operator, inside which group."""

    fact: str
    operator: str
    group: str | None
    leaf: Leaf | None = None


def fact_uses(condition: Condition, group: str | None = None) -> Iterator[FactUse]:
    """Every fact a condition reads, so the loader can check each against the questionnaire."""
    if isinstance(condition, Leaf):
        yield FactUse(condition.fact, condition.operator, group, condition)
        if condition.no_later_than is not None:
            yield FactUse(condition.no_later_than.after, "no_later_than", group)
    elif isinstance(condition, AllOf | AnyOf):
        for part in condition.all if isinstance(condition, AllOf) else condition.any:
            yield from fact_uses(part, group)
    elif isinstance(condition, NotOf):
        yield from fact_uses(condition.not_, group)
    elif isinstance(condition, Maybe):
        yield from fact_uses(condition.maybe, group)
    else:
        query = condition.some if isinstance(condition, Some) else condition.months
        yield FactUse(query.group, "group", group)
        if query.where is not None:
            yield from fact_uses(query.where, query.group)
        if isinstance(query, MonthsSpec):
            for name in (query.start, query.end, query.ongoing, query.estimate):
                if name:
                    yield FactUse(name, "months", query.group)


def open_facts(condition: Condition, scope: Scope) -> set[str]:
    """The facts read by the parts of a condition that are still unknown."""
    return set(_judged(condition, scope)[1])


_NONE: frozenset[str] = frozenset()


def _judged(condition: Condition, scope: Scope) -> tuple[Tri, frozenset[str] | set[str]]:
    """A condition's outcome and, when unknown, the facts of its unknown parts: one pass over
    the tree (choosing the next question does this for every criterion after every answer)."""
    if isinstance(condition, AllOf | AnyOf):
        parts = [
            _judged(part, scope)
            for part in (condition.all if isinstance(condition, AllOf) else condition.any)
        ]
        outcomes = [outcome for outcome, _ in parts]
        outcome = Tri.all(outcomes) if isinstance(condition, AllOf) else Tri.any(outcomes)
        if outcome is not Tri.UNKNOWN:
            return outcome, _NONE
        return outcome, set().union(
            *(facts for part_outcome, facts in parts if part_outcome is Tri.UNKNOWN)
        )
    if isinstance(condition, NotOf):
        outcome, facts = _judged(condition.not_, scope)
        return outcome.negate(), facts
    if isinstance(condition, Maybe):
        outcome, facts = _judged(condition.maybe, scope)
        return (Tri.UNKNOWN, facts) if outcome is Tri.TRUE else (outcome, facts)
    outcome = condition.evaluate(scope)
    if outcome is not Tri.UNKNOWN:
        return outcome, _NONE
    if isinstance(condition, Leaf):
        if condition.no_later_than is None:
            return outcome, {condition.fact}
        return outcome, {condition.fact, condition.no_later_than.after}
    return outcome, {use.fact for use in fact_uses(condition)}


def evaluate(condition: Condition, facts: Mapping[str, Answer], today: date) -> Tri:
    return condition.evaluate(Scope(facts, today))
