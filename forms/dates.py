"""Dates people remember only partly: a full date, a month and year, or a year alone.

An approximate date is a range; a test against a threshold that falls inside the range is
*unknown*, never a guess.

A tazkira gives Solar Hijri dates, so a date may be entered in that calendar: with a marker
("1390-05-12 SH", "هـ ش 1390/05/12") or, for a year from 1300 to 1420, without one. It is kept
as entered (its year, month and day are Solar Hijri) and its range is the Gregorian days it
covers: the year 1390 is 21 March 2011 to 19 March 2012, so a threshold inside it is unknown.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from forms.digits import to_ascii_digits
from i18n.bidi import isolate
from i18n.calendars import (
    GREGORIAN,
    SOLAR_HIJRI,
    from_solar_hijri,
    solar_hijri_month_span,
    solar_hijri_year_span,
)
from i18n.numerals import native_digits
from i18n.runtime import _, current_language

Calendar = Literal["gregorian", "solar_hijri"]

_DATE = r"(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?"
_DATE_PATTERN = re.compile(rf"^\s*{_DATE}\s*$")
# Markers of the Solar Hijri calendar (هـ ش, هجری شمسی, لمریز, SH) and of the Gregorian one
# (م, میلادی, عیسوی, AD), before or after the date.
_SOLAR_MARKER = r"s\.?\s*h\.?|solar\s+hijri|هـ?\s*\.?\s*ش\.?|هجر[یي]\s+شمس[یي]|ش\.?|لمر[یي]ز"
_GREGORIAN_MARKER = r"a\.?\s*d\.?|c\.?\s*e\.?|م\.?|م[یي]لاد[یي]|ع[یي]سو[یي]"
_MARKED_PATTERN = re.compile(
    rf"^\s*(?:(?P<before>{_SOLAR_MARKER}|{_GREGORIAN_MARKER})\s*)?{_DATE}"
    rf"(?:\s*(?P<after>{_SOLAR_MARKER}|{_GREGORIAN_MARKER}))?\s*$",
    re.IGNORECASE,
)
_SOLAR_ONLY = re.compile(rf"^(?:{_SOLAR_MARKER})$", re.IGNORECASE)
GREGORIAN_YEARS = range(1900, 2101)
SOLAR_HIJRI_YEARS = range(1279, 1480)  # the same span: 21 March 1900 to 20 March 2101
UNMARKED_SOLAR_HIJRI_YEARS = range(1300, 1421)


def how_to_write() -> str:
    """How to type a date, in the current language, with examples in its digits: a Gregorian
    one and a Solar Hijri one as on a tazkira (each isolated, so it never reads reversed)."""
    language = current_language()

    def example(text: str) -> str:
        return isolate(native_digits(text, language))

    solar = _("%(date)s SH") % {"date": native_digits("1388-12-10", language)}
    return _(
        "write year-month-day, year-month or the year alone, for example %(day)s, %(month)s "
        "or %(year)s; or a Solar Hijri date as on a tazkira, for example %(solar)s (a year "
        "from 1300 to 1420 alone is taken as Solar Hijri)"
    ) % {
        "day": example("2010-03-01"),
        "month": example("2010-03"),
        "year": example("2010"),
        "solar": isolate(solar),
    }


_IGNORED = str.maketrans("", "", "\u0640\u200c\u200d\u200e\u200f")  # tatweel, ZWNJ/ZWJ, marks


class ApproxDate(BaseModel):
    """A date known to the day, to the month, or to the year, in the calendar it was given in."""

    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None
    calendar: Calendar = GREGORIAN

    @model_validator(mode="after")
    def _check(self) -> ApproxDate:
        solar = self.calendar == SOLAR_HIJRI
        years = SOLAR_HIJRI_YEARS if solar else GREGORIAN_YEARS
        language = current_language()
        if self.year not in years:
            message = (
                _("the Solar Hijri year %(year)s is out of range")
                if solar
                else _("the year %(year)s is out of range")
            )
            raise ValueError(message % {"year": isolate(native_digits(self.year, language))})
        if self.day is not None and self.month is None:
            raise ValueError(_("a day needs a month"))
        if self.month is not None and not 1 <= self.month <= 12:
            month = isolate(native_digits(self.month, language))
            raise ValueError(_("month %(month)s does not exist") % {"month": month})
        if self.day is not None:
            try:
                if solar:
                    from_solar_hijri(self.year, self.month or 1, self.day)
                else:
                    date(self.year, self.month or 1, self.day)
            except ValueError:
                day = isolate(native_digits(self.iso(), language))
                message = (
                    _("%(date)s is not a day of the Solar Hijri calendar")
                    if solar
                    else _("%(date)s is not a day of the calendar")
                )
                raise ValueError(message % {"date": day}) from None
        return self

    @classmethod
    def parse(cls, text: str) -> ApproxDate:
        """Read YYYY, YYYY-MM or YYYY-MM-DD, with Latin, Persian or Arabic-Indic digits.

        A Solar Hijri marker before or after (SH, هـ ش, هجری شمسی, لمریز) reads the date in
        that calendar; so does a year from 1300 to 1420 without a marker.
        """
        match = _MARKED_PATTERN.match(to_ascii_digits(text).translate(_IGNORED))
        shown = {"value": isolate(repr(text)), "how": how_to_write()}
        if match is None:
            raise ValueError(_("%(value)s is not a date: %(how)s") % shown)
        before, after = match.group("before"), match.group("after")
        if before and after:
            raise ValueError(_("%(value)s has two calendar marks: %(how)s") % shown)
        year, month, day = (int(part) if part else None for part in match.groups()[1:4])
        assert year is not None
        marker = before or after
        if marker:
            solar = _SOLAR_ONLY.match(marker) is not None
        else:
            solar = year in UNMARKED_SOLAR_HIJRI_YEARS
        try:
            return cls.of(year, month, day, SOLAR_HIJRI if solar else GREGORIAN)
        except ValueError as error:
            raise ValueError(f"{error}: {how_to_write()}") from None

    @classmethod
    def of(
        cls,
        year: int,
        month: int | None = None,
        day: int | None = None,
        calendar: Calendar = GREGORIAN,
    ) -> ApproxDate:
        """Build one, with a one-line ValueError (not pydantic's report) when it cannot exist."""
        try:
            return cls(year=year, month=month, day=day, calendar=calendar)
        except ValidationError as error:
            raise ValueError(str(error.errors()[0]["msg"]).removeprefix("Value error, ")) from None

    @classmethod
    def exact(cls, value: date) -> ApproxDate:
        return cls(year=value.year, month=value.month, day=value.day)

    @property
    def is_exact(self) -> bool:
        return self.day is not None

    @property
    def is_solar_hijri(self) -> bool:
        return self.calendar == SOLAR_HIJRI

    @cached_property
    def earliest(self) -> date:
        if self.is_solar_hijri:
            if self.day is not None and self.month is not None:
                return from_solar_hijri(self.year, self.month, self.day)
            if self.month is not None:
                return solar_hijri_month_span(self.year, self.month)[0]
            return solar_hijri_year_span(self.year)[0]
        return date(self.year, self.month or 1, self.day or 1)

    @cached_property
    def latest(self) -> date:
        if self.day is not None:
            return self.earliest
        if self.is_solar_hijri:
            if self.month is not None:
                return solar_hijri_month_span(self.year, self.month)[1]
            return solar_hijri_year_span(self.year)[1]
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        """The stored form: as precise as the person was, "SH" after a Solar Hijri date."""
        if self.month is None:
            text = f"{self.year:04d}"
        elif self.day is None:
            text = f"{self.year:04d}-{self.month:02d}"
        else:
            text = f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        return f"{text} SH" if self.is_solar_hijri else text


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
