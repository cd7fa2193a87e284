"""The window's direction, and Unicode isolates for the window: the Qt-free helpers of
`i18n.bidi`, and numbers and dates isolated and written in the current language (Persian
digits, Solar Hijri date beside)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt

from i18n.bidi import FSI, PDI, isolate, isolate_number
from i18n.runtime import current_language, pseudo_active

__all__ = ["FSI", "PDI", "isolate", "isolate_date", "isolate_number", "layout_direction"]


def layout_direction(language: str) -> Qt.LayoutDirection:
    """Right to left for Dari and Pashto, from Qt's locale data (CLDR, as babel's), which
    QtCore holds in memory: `i18n.runtime.text_direction` would unpickle babel's locale files
    (~15 ms) before the first paint. The pseudo-locale is right to left, as there."""
    if pseudo_active():
        return Qt.LayoutDirection.RightToLeft
    return QLocale(language).textDirection()


def isolate_date(value: date) -> str:
    """A day in the current language (with the Solar Hijri date in Dari and Pashto), isolated."""
    from i18n.calendars import format_date  # not needed for the start page

    return isolate(format_date(value, current_language()))
