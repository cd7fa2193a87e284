"""Dates as Afghans read them: Gregorian, and in Dari and Pashto the Solar Hijri date beside it.

Qt-free, for the core, the command line and the PDF. The calendar arithmetic is jdatetime's;
the month names are data: the Afghan solar months (حمل ثور جوزا …, وری غویی غبرګولی …), which
are not the Iranian ones (فروردین …), and babel's Afghan forms of the Gregorian months
(جنوری فبروری …). Digits are Persian (۰–۹) in Dari and Pashto.

    format_date(date(2025, 7, 1), "fa_AF")  ->  "۱ جولای ۲۰۲۵ (۱۰ سرطان ۱۴۰۴)"
    format_date(date(2025, 7, 1), "en")     ->  "1 July 2025"
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Final, Literal, Protocol

import jdatetime
from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date
from babel.dates import get_month_names

from i18n.numerals import native_digits

__all__ = [
    "SOLAR_HIJRI",
    "SOLAR_HIJRI_MONTHS",
    "DateSpan",
    "format_approx_date",
    "format_date",
    "format_short_date",
    "format_solar_hijri",
    "from_solar_hijri",
    "gregorian_month_names",
    "native_digits",
    "solar_hijri_month_span",
    "solar_hijri_year_span",
    "to_solar_hijri",
]

SOLAR_HIJRI: Final[Literal["solar_hijri"]] = "solar_hijri"
GREGORIAN: Final[Literal["gregorian"]] = "gregorian"

# The Afghan names of the solar months, Hamal (21 March) to Hut.
SOLAR_HIJRI_MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "Hamal", "Sawr", "Jawza", "Saratan", "Asad", "Sunbula",
        "Mizan", "Aqrab", "Qaws", "Jadi", "Dalw", "Hut",
    ),
    "fa_AF": (
        "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله",
        "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت",
    ),
    "ps": (
        "وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی",
        "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب",
    ),
}  # fmt: skip
# Shown after a Solar Hijri year standing alone in English ("1390 SH"); Dari and Pashto
# readers take a year 13xx/14xx as Solar Hijri.
_ERA = {"en": " SH"}
DASH = "–"


class DateSpan(Protocol):
    """What `format_approx_date` reads (forms.dates.ApproxDate is one)."""

    @property
    def year(self) -> int: ...
    @property
    def month(self) -> int | None: ...
    @property
    def day(self) -> int | None: ...
    @property
    def calendar(self) -> str: ...
    @property
    def earliest(self) -> date: ...
    @property
    def latest(self) -> date: ...


def to_solar_hijri(d: date) -> tuple[int, int, int]:
    """(year, month, day) of the Solar Hijri calendar: 1 July 2025 is (1404, 4, 10)."""
    solar = jdatetime.date.fromgregorian(date=d)
    return int(solar.year), int(solar.month), int(solar.day)


def from_solar_hijri(year: int, month: int, day: int) -> date:
    """The Gregorian date of a Solar Hijri day; ValueError when that day does not exist."""
    if not 1 <= month <= 12:
        raise ValueError(f"month {month} does not exist")
    try:
        gregorian = jdatetime.date(year, month, day).togregorian()
    except ValueError:
        raise ValueError(f"{year:04d}-{month:02d}-{day:02d} is not a Solar Hijri day") from None
    return date(gregorian.year, gregorian.month, gregorian.day)


def solar_hijri_month_span(year: int, month: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri month."""
    first = from_solar_hijri(year, month, 1)
    following = (
        from_solar_hijri(year + 1, 1, 1) if month == 12 else from_solar_hijri(year, month + 1, 1)
    )
    return first, following - timedelta(days=1)


def solar_hijri_year_span(year: int) -> tuple[date, date]:
    """First and last Gregorian day of a Solar Hijri year: 1390 is 21 Mar 2011 – 19 Mar 2012."""
    return from_solar_hijri(year, 1, 1), from_solar_hijri(year + 1, 1, 1) - timedelta(days=1)


@cache
def _locale(language: str) -> str:
    """The babel locale for `language`; English for anything babel does not know (pseudo)."""
    try:
        Locale.parse(language)
    except (UnknownLocaleError, ValueError):
        return "en"
    return language


def _shows_solar_hijri(language: str) -> bool:
    return language != "en" and language in SOLAR_HIJRI_MONTHS


@cache
def gregorian_month_names(language: str) -> tuple[str, ...]:
    """babel's month names: January …; جنوری … (Dari, Afghanistan); جنوري … (Pashto)."""
    names = get_month_names("wide", locale=_locale(language))
    return tuple(str(names[number]) for number in range(1, 13))


def solar_hijri_month_names(language: str) -> tuple[str, ...]:
    return SOLAR_HIJRI_MONTHS.get(language, SOLAR_HIJRI_MONTHS["en"])


def _gregorian(d: date, language: str, pattern: str = "d MMMM y") -> str:
    return babel_format_date(d, pattern, locale=_locale(language))


def _solar(year: int, month: int | None, day: int | None, language: str) -> str:
    parts = [str(day)] if day is not None else []
    if month is not None:
        parts.append(solar_hijri_month_names(language)[month - 1])
    parts.append(str(year))
    return " ".join(parts)


def format_solar_hijri(d: date, language: str) -> str:
    """The Solar Hijri day alone: "10 Saratan 1404", «۱۰ سرطان ۱۴۰۴»."""
    return native_digits(_solar(*to_solar_hijri(d), language=language), language)


def format_date(d: date, language: str) -> str:
    """A day: "1 July 2025"; «۱ جولای ۲۰۲۵ (۱۰ سرطان ۱۴۰۴)» in Dari, likewise in Pashto."""
    text = _gregorian(d, language)
    if _shows_solar_hijri(language):
        year, month, day = to_solar_hijri(d)
        text += f" ({_solar(year, month, day, language)})"
    return native_digits(text, language)


def _gregorian_span(first: date, last: date, language: str) -> str:
    """ "23 July – 22 August 2011", "21 March 2011 – 20 March 2012"."""
    if first.year == last.year:
        return f"{_gregorian(first, language, 'd MMMM')} {DASH} {_gregorian(last, language)}"
    return f"{_gregorian(first, language)} {DASH} {_gregorian(last, language)}"


def _solar_span(first: date, last: date, language: str, with_months: bool) -> str:
    """The Solar Hijri months (or years) a Gregorian month (or year) overlaps."""
    year1, month1, _ = to_solar_hijri(first)
    year2, month2, _ = to_solar_hijri(last)
    if not with_months:
        return str(year1) if year1 == year2 else f"{year1}{DASH}{year2}"
    names = solar_hijri_month_names(language)
    if year1 == year2:
        months = (
            names[month1 - 1]
            if month1 == month2
            else f"{names[month1 - 1]}{DASH}{names[month2 - 1]}"
        )
        return f"{months} {year1}"
    return f"{names[month1 - 1]} {year1} {DASH} {names[month2 - 1]} {year2}"


def format_approx_date(value: DateSpan, language: str) -> str:
    """A date known to the day, the month or the year, as precise as the person was.

    Gregorian: "2010"; «۲۰۱۰ (۱۳۸۸–۱۳۸۹)»; "July 2025"; «جولای ۲۰۲۵ (سرطان–اسد ۱۴۰۴)».
    Entered as Solar Hijri: the Gregorian days it covers, then the date as entered:
    "21 March 2011 – 20 March 2012 (1390 SH)"; «۲۳ جولای – ۲۲ اگست ۲۰۱۱ (اسد ۱۳۹۰)».
    """
    if value.day is not None:
        text = _gregorian(value.earliest, language)
        if value.calendar == SOLAR_HIJRI or _shows_solar_hijri(language):
            text += f" ({_solar(*to_solar_hijri(value.earliest), language=language)})"
        return native_digits(text, language)
    if value.calendar == SOLAR_HIJRI:
        entered = _solar(value.year, value.month, None, language)
        if value.month is None:
            entered += _ERA.get(language, "")
        span = _gregorian_span(value.earliest, value.latest, language)
        return native_digits(f"{span} ({entered})", language)
    if value.month is not None:
        text = _gregorian(value.earliest, language, "MMMM y")
    else:
        text = str(value.year)
    if _shows_solar_hijri(language):
        solar = _solar_span(value.earliest, value.latest, language, value.month is not None)
        text += f" ({solar})"
    return native_digits(text, language)


def format_short_date(value: DateSpan, language: str) -> str:
    """A date as short as a list line allows, in the calendar it was given in: "2010",
    "Mar 2010", "1 Mar 2010"; a Solar Hijri one as entered: "Hamal 1390", «حمل ۱۳۹۰»."""
    if value.calendar == SOLAR_HIJRI:
        text = _solar(value.year, value.month, value.day, language)
        if value.month is None:
            text += _ERA.get(language, "")
    elif value.month is None:
        text = str(value.year)
    else:
        text = _gregorian(value.earliest, language, "MMM y" if value.day is None else "d MMM y")
    return native_digits(text, language)
