"""Dates and numbers as a reader of each language writes them.

Dari and Pashto get Persian digits (۰–۹) and the month names of their locale; English gets
"23 November 2026". Gregorian only for now: the translations issue adds the Solar Hijri date
beside it by extending ``format_date`` (every date in the summary goes through it).
"""

from __future__ import annotations

from datetime import date
from functools import cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_skeleton
from babel.numbers import format_decimal

from forms.dates import ApproxDate
from i18n.runtime import text_direction
from summary.bidi_text import persian_digits

_PATTERN = {"en": "d MMMM y"}  # others: their locale's "long" date


@cache
def uses_persian_digits(language: str) -> bool:
    """Dari and Pashto (every right-to-left language we ship) write Persian digits."""
    return text_direction(language) == "rtl"


def digits(text: str, language: str) -> str:
    """``text`` with its ASCII digits in the language's own digits."""
    return persian_digits(text) if uses_persian_digits(language) else text


def format_date(d: date, language: str) -> str:
    """A day, readable in ``language``: "23 November 2026", "۲۳ نومبر ۲۰۲۶"."""
    text = babel_format_date(d, _PATTERN.get(language, "long"), locale=language)
    return digits(text, language)


def format_approx_date(value: ApproxDate, language: str) -> str:
    """A date known to the day, the month or the year, as precise as the person was."""
    if value.day is not None:
        return format_date(value.earliest, language)
    if value.month is not None:
        return digits(format_skeleton("yMMMM", value.earliest, locale=language), language)
    return digits(str(value.year), language)


def format_number(number: float, language: str) -> str:
    """12, 1,234.5; ۱٬۲۳۴٫۵ with the Persian group and decimal signs in Dari and Pashto."""
    if uses_persian_digits(language):
        text = format_decimal(number, locale=language, numbering_system="arabext")
        return persian_digits(text)
    return format_decimal(number, locale=language)
