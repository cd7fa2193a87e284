"""Dates people remember partly, and digits as people type them."""

from __future__ import annotations

from datetime import date

import pytest

from forms.dates import ApproxDate, elapsed_months, months_range
from forms.digits import to_ascii_digits


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2010-03-15", date(2010, 3, 15), date(2010, 3, 15)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("۲۰۱۰-۰۳-۱۵", date(2010, 3, 15), date(2010, 3, 15)),
        ("٢٠١٠/٣", date(2010, 3, 1), date(2010, 3, 31)),
    ],
)
def test_approximate_dates_are_ranges(text: str, earliest: date, latest: date) -> None:
    parsed = ApproxDate.parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


@pytest.mark.parametrize("text", ["2010-13", "2023-02-30", "March 2010", "", "10-03-2010", "1850"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        ApproxDate.parse(text)


def test_a_full_year_of_service_is_twelve_months() -> None:
    assert elapsed_months(date(2010, 3, 15), date(2011, 3, 15)) == 12
    assert elapsed_months(date(2010, 1, 31), date(2010, 2, 28)) == 1
    assert elapsed_months(date(2010, 3, 1), date(2010, 3, 16)) == pytest.approx(15 / 31)
    shortest, longest = months_range(ApproxDate.parse("2010"), ApproxDate.parse("2011"))
    assert shortest == pytest.approx(2 / 31) and longest == 24


def test_native_digits_become_ascii() -> None:
    assert to_ascii_digits("۱۲٫۵ و ٣٤") == "12.5 و 34"
