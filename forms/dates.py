"""Dates people remember only partly: a full date, a month and year, or a year alone.

An approximate date is a range; a test against a threshold that falls inside the range is
*unknown*, never a guess.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cached_property

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from forms.digits import to_ascii_digits

_DATE_PATTERN = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?\s*$")


class ApproxDate(BaseModel):
    """A date known to the day, to the month, or to the year."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @model_validator(mode="after")
    def _check(self) -> ApproxDate:
        if not 1900 <= self.year <= 2100:
            raise ValueError(f"year {self.year} is out of range")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} does not exist")
        if self.day is not None:
            try:
                date(self.year, self.month or 1, self.day)
            except ValueError:
                raise ValueError(f"{self.iso()} is not a day of the calendar") from None
        return self

    @classmethod
    def parse(cls, text: str) -> ApproxDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD, with Latin, Persian or Arabic-Indic digits."""
        match = _DATE_PATTERN.match(to_ascii_digits(text))
        if match is None:
            raise ValueError(f"'{text}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY")
        year, month, day = (int(part) if part else None for part in match.groups())
        assert year is not None
        return cls.of(year, month, day)

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None) -> ApproxDate:
        """Build one, with a one-line ValueError (not pydantic's report) when it cannot exist."""
        try:
            return cls(year=year, month=month, day=day)
        except ValidationError as error:
            raise ValueError(str(error.errors()[0]["msg"]).removeprefix("Value error, ")) from None

    @classmethod
    def exact(cls, value: date) -> ApproxDate:
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    @cached_property
    def earliest(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @cached_property
    def latest(self) -> date:
        if self.day is not None:
            return self.earliest
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """The stored form: as precise as the person was."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later (or earlier), clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def elapsed_months(start: date, end_exclusive: date) -> float:
    """Calendar months from `start` up to `end_exclusive`, with the rest as a fraction.

    15 March 2010 to 15 March 2011 (exclusive) is exactly 12 months.
    """
    if end_exclusive <= start:
        return 0.0
    whole = (end_exclusive.year - start.year) * 12 + end_exclusive.month - start.month
    while whole > 0 and add_months(start, whole) > end_exclusive:
        whole -= 1
    anchor = add_months(start, whole)
    following = add_months(start, whole + 1)
    return whole + (end_exclusive - anchor).days / (following - anchor).days


def months_range(start: ApproxDate, last_day: ApproxDate) -> tuple[float, float]:
    """Shortest and longest length in months of a span given by its first and last day."""
    shortest = elapsed_months(start.latest, last_day.earliest + timedelta(days=1))
    longest = elapsed_months(start.earliest, last_day.latest + timedelta(days=1))
    return shortest, longest
