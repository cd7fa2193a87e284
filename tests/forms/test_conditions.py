"""The condition language: Kleene truth tables and each leaf operator on known and unknown facts."""

from __future__ import annotations

from datetime import date
from itertools import product
from typing import Any

import pytest
from pydantic import TypeAdapter, ValidationError

from forms.answers import Answer, Item, Special
from forms.conditions import Condition, Tri, evaluate
from forms.dates import ApproxDate

TODAY = date(2026, 11, 23)
PARSE: TypeAdapter[Condition] = TypeAdapter(Condition)
T, F, U = Tri.TRUE, Tri.FALSE, Tri.UNKNOWN
# A fact whose value gives each truth value under the leaf {fact: x, is: true}.
FACT_FOR: dict[Tri, Answer] = {T: True, F: False, U: Special.UNKNOWN}


def run(condition: dict[str, Any], facts: dict[str, Answer]) -> Tri:
    return evaluate(PARSE.validate_python(condition), facts, TODAY)


def leaves(*values: Tri) -> tuple[list[dict[str, Any]], dict[str, Answer]]:
    names = [f"f{index}" for index in range(len(values))]
    return (
        [{"fact": name, "is": True} for name in names],
        {name: FACT_FOR[value] for name, value in zip(names, values, strict=True)},
    )


@pytest.mark.parametrize(("a", "b"), list(product((T, F, U), repeat=2)))
def test_all_and_any_follow_kleene(a: Tri, b: Tri) -> None:
    parts, facts = leaves(a, b)
    expected_all = F if F in (a, b) else T if (a, b) == (T, T) else U
    expected_any = T if T in (a, b) else F if (a, b) == (F, F) else U
    assert run({"all": parts}, facts) is expected_all
    assert run({"any": parts}, facts) is expected_any


@pytest.mark.parametrize(("value", "negated", "maybe"), [(T, F, U), (F, T, F), (U, U, U)])
def test_not_and_maybe(value: Tri, negated: Tri, maybe: Tri) -> None:
    parts, facts = leaves(value)
    assert run({"not": parts[0]}, facts) is negated
    assert run({"maybe": parts[0]}, facts) is maybe


@pytest.mark.parametrize("missing", [None, Special.UNKNOWN, Special.PREFER_NOT_TO_SAY])
def test_a_leaf_on_an_unknown_fact_is_unknown_never_false(missing: Answer | None) -> None:
    facts: dict[str, Answer] = {} if missing is None else {"x": missing}
    for leaf in (
        {"fact": "x", "is": False},
        {"fact": "x", "equals": "a"},
        {"fact": "x", "in": ["a"]},
        {"fact": "x", "at_least": 1},
        {"fact": "x", "before": date(2020, 1, 1)},
    ):
        assert run(leaf, facts) is U


def test_known_is_two_valued() -> None:
    assert run({"fact": "x", "known": True}, {"x": "a"}) is T
    assert run({"fact": "x", "known": True}, {"x": Special.PREFER_NOT_TO_SAY}) is F
    assert run({"fact": "x", "known": False}, {}) is T


@pytest.mark.parametrize(
    ("leaf", "value", "expected"),
    [
        ({"at_least": 12}, 12.0, T),
        ({"at_least": 12}, 11.5, F),
        ({"at_most": 12}, 12.0, T),
        ({"at_most": 12}, 12.5, F),
        ({"equals": "pk"}, "pk", T),
        ({"in": ["pk", "ir"]}, "af", F),
        ({"includes": "a"}, ("a", "b"), T),
        ({"includes_any": ["c", "d"]}, ("a", "b"), F),
    ],
)
def test_value_leaves(leaf: dict[str, Any], value: Answer, expected: Tri) -> None:
    assert run({"fact": "x", **leaf}, {"x": value}) is expected


@pytest.mark.parametrize(
    ("leaf", "text", "expected"),
    [
        ({"before": date(2025, 7, 1)}, "2025-06-30", T),
        ({"before": date(2025, 7, 1)}, "2025-07-01", F),
        ({"before": date(2025, 7, 1)}, "2025-07", F),
        ({"before": date(2025, 7, 15)}, "2025-07", U),
        ({"before": date(2025, 7, 1)}, "2025-06", T),
        ({"on_or_before": date(2025, 12, 31)}, "2025-12-31", T),
        ({"on_or_before": date(2025, 12, 31)}, "2026-01-01", F),
        ({"on_or_before": date(2025, 12, 31)}, "2025", T),
        ({"after": date(2021, 7, 22)}, "2021-07-22", F),
        ({"after": date(2021, 7, 22)}, "2021-07-23", T),
        ({"on_or_after": date(2021, 7, 22)}, "2021-07-22", T),
        ({"on_or_after": date(2021, 7, 22)}, "2021-07", U),
        ({"on_or_after": date(2021, 7, 22)}, "2021-06", F),
        ({"equals": date(2025, 7, 1)}, "2025-07-01", T),
        ({"equals": date(2025, 7, 1)}, "2025-07", U),
        ({"equals": date(2025, 7, 1)}, "2025-08", F),
        ({"within": {"years": 2}}, "2024-11-23", T),
        ({"within": {"years": 2}}, "2024-11-22", F),
        ({"less_than_ago": {"years": 21}}, "2005-11-24", T),
        ({"less_than_ago": {"years": 21}}, "2005-11-23", F),
        ({"less_than_ago": {"years": 21}}, "2005", U),
        ({"within": {"months": 3}}, "2026-08-23", T),
        ({"within": {"months": 3}}, "2026-08-22", F),
    ],
)
def test_date_leaves_on_exact_and_approximate_dates(
    leaf: dict[str, Any], text: str, expected: Tri
) -> None:
    assert run({"fact": "d", **leaf}, {"d": ApproxDate.parse(text)}) is expected


@pytest.mark.parametrize(
    ("filed", "granted", "expected"),
    [
        ("2024-03-10", "2022-03-10", T),
        ("2024-03-11", "2022-03-10", F),
        ("2022-01-05", "2022-03-10", T),
        ("2024-03", "2022-03-10", U),
        ("2024-02", "2022-03-10", T),
        ("2024-03-10", "2022", U),
        ("2025-01-01", "2022", F),
        ("2024-03-10", None, U),
    ],
)
def test_no_later_than_compares_two_facts_dates(
    filed: str, granted: str | None, expected: Tri
) -> None:
    """A filing within 2 years of a grant: TRUE or FALSE only when every pair of days agrees."""
    leaf = {"fact": "filed", "no_later_than": {"after": "granted", "years": 2}}
    facts: dict[str, Answer] = {"filed": ApproxDate.parse(filed)}
    if granted is not None:
        facts["granted"] = ApproxDate.parse(granted)
    assert run(leaf, facts) is expected


def test_no_later_than_reads_the_other_fact_in_a_group_item() -> None:
    condition = {
        "some": {
            "group": "relatives",
            "where": {"fact": "filed", "no_later_than": {"after": "granted", "months": 3}},
        }
    }
    relative: Item = {"granted": ApproxDate.parse("2026-01-15")}
    relatives = (relative,)
    assert run(condition, {"filed": ApproxDate.parse("2026-04-15"), "relatives": relatives}) is T
    assert run(condition, {"filed": ApproxDate.parse("2026-04-16"), "relatives": relatives}) is F


def jobs(*entries: Item) -> dict[str, Answer]:
    return {"jobs": tuple(entries)}


MONTHS = {
    "months": {"group": "jobs", "start": "s", "end": "e", "where": {"fact": "us", "is": True}}
}


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ((("2010-03-01", "2011-02-28", True),), T),
        ((("2010-03-02", "2011-02-28", True),), F),
        ((("2010-01-01", "2010-06-30", True), ("2011-01-01", "2011-06-30", True)), T),
        ((("2010-01-01", "2010-06-30", True), ("2011-01-01", "2011-06-30", False)), F),
        ((("2010-01-01", "2010-06-30", True), ("2011-01-01", "2011-06-30", None)), U),
        ((("2010", "2011", True),), U),
        ((("2008", "2012", True),), T),
        ((), F),
    ],
)
def test_months_adds_jobs_and_stays_unknown_when_ranges_straddle(
    entries: tuple[tuple[str, str, bool | None], ...], expected: Tri
) -> None:
    items: list[Item] = [
        {
            "s": ApproxDate.parse(start),
            "e": ApproxDate.parse(end),
            "us": Special.UNKNOWN if us is None else us,
        }
        for start, end, us in entries
    ]
    facts = jobs(*items)
    assert run({**MONTHS, "at_least": 12}, facts) is expected


def test_an_estimate_of_months_can_show_too_short_but_never_proves_enough() -> None:
    spec = {**MONTHS["months"], "estimate": "about"}
    undated: Item = {"us": True, "s": Special.UNKNOWN, "e": Special.UNKNOWN}
    assert run({"months": spec, "at_least": 12}, jobs({**undated, "about": 8})) is F
    assert run({"months": spec, "at_least": 12}, jobs({**undated, "about": 30})) is U
    assert run({"months": spec, "at_least": 12}, jobs(undated)) is U
    dated: Item = {
        "us": True,
        "s": ApproxDate.parse("2010-01-01"),
        "e": ApproxDate.parse("2010-06-30"),
    }
    assert run({"months": spec, "at_least": 12}, jobs({**dated, "about": 30})) is F


def test_some_over_a_group() -> None:
    condition = {"some": {"group": "jobs", "where": {"fact": "us", "is": True}}}
    assert run(condition, jobs({"us": False}, {"us": True})) is T
    assert run(condition, jobs({"us": False}, {"us": Special.UNKNOWN})) is U
    assert run(condition, jobs({"us": False})) is F
    assert run(condition, jobs()) is F
    assert run(condition, {"jobs": Special.UNKNOWN}) is U
    assert run(condition, {}) is U


def test_item_scope_falls_back_to_the_persons_facts() -> None:
    condition = {"some": {"group": "jobs", "where": {"fact": "afghan", "is": True}}}
    assert run(condition, {"afghan": True, **jobs({"us": True})}) is T


@pytest.mark.parametrize(
    "broken",
    [
        {"fact": "x"},
        {"fact": "x", "is": True, "equals": "a"},
        {"all": [{"fact": "x", "is": True}], "any": []},
        {"fact": "x", "is": True, "eval": "__import__('os')"},
        {"months": {"group": "g", "start": "s", "end": "e"}},
    ],
)
def test_malformed_conditions_are_rejected_on_load(broken: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        PARSE.validate_python(broken)
