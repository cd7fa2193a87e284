"""Unicode isolates for the window: the Qt-free helpers of `i18n.bidi`, and numbers and dates
isolated and written in the current language (Persian digits, Solar Hijri date beside)."""

from __future__ import annotations

from datetime import date

from i18n.bidi import FSI, PDI, isolate, isolate_number
from i18n.runtime import current_language

__all__ = ["FSI", "PDI", "isolate", "isolate_date", "isolate_number"]


def isolate_date(value: date) -> str:
    """A day in the current language (with the Solar Hijri date in Dari and Pashto), isolated."""
    from i18n.calendars import format_date  # not needed for the start page

    return isolate(format_date(value, current_language()))
