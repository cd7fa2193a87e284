"""Digits and numbers as each language writes them: Persian digits (۰–۹) in Dari and Pashto.

babel formats only with Latin digits; which digits a language uses comes from babel's locale
data (its default numbering system), so no list of languages is kept here. babel is imported
on first use: the window's English start page needs none of it.
"""

from __future__ import annotations

from functools import cache

PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
_TO_PERSIAN = str.maketrans("0123456789", PERSIAN_DIGITS)


@cache
def uses_native_digits(language: str) -> bool:
    """True when the language writes Persian digits (babel: numbering system 'arabext')."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language).default_numbering_system == "arabext"
    except (UnknownLocaleError, ValueError):
        return False


def persian_digits(text: str) -> str:
    """`text` with its ASCII digits as Persian digits (۰–۹)."""
    return text.translate(_TO_PERSIAN)


def native_digits(text: object, language: str) -> str:
    """`text` with its ASCII digits as the language writes them: ۱۴۰۴ in Dari and Pashto.

    Give it numbers and dates, never whole sentences holding URLs or ids.
    """
    text = str(text)
    return persian_digits(text) if uses_native_digits(language) else text


def format_number(number: float, language: str) -> str:
    """12, 1,234.5 in English; ۱۲, ۱٬۲۳۴٫۵ with the Persian separators in Dari and Pashto."""
    from babel import UnknownLocaleError
    from babel.numbers import format_decimal

    if float(number).is_integer():
        number = int(number)
    if uses_native_digits(language):
        text = format_decimal(number, locale=language, numbering_system="default")
        return native_digits(text, language)
    try:
        return format_decimal(number, locale=language)
    except (UnknownLocaleError, ValueError):
        return format_decimal(number, locale="en")
