"""Unicode isolates for the window: the Qt-free helpers of `i18n.bidi`, and numbers and dates
isolated and written in the current language (Persian digits, Solar Hijri date beside)."""

from __future__ import annotations

from datetime import date

from i18n.bidi import FSI, PDI, isolate
from i18n.numerals import format_number
from i18n.runtime import current_language

__all__ = ["FSI", "PDI", "isolate", "isolate_date", "isolate_number"]


def isolate_number(value: float) -> str:
    """A count or amount in the current language's digits, isolated: ⁨۱۲⁩."""
    return isolate(format_number(value, current_language()))


def isolate_date(value: date) -> str:
    """A day in the current language (with the Solar Hijri date in Dari and Pashto), isolated."""
    from i18n.calendars import format_date  # not needed for the start page

    return isolate(format_date(value, current_language()))
