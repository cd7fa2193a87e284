"""The window's direction, and Unicode isolates for the window: the Qt-free helpers of
`i18n.bidi`, and numbers and dates isolated and written in the current language (Persian
digits, Solar Hijri date beside)."""

from __future__ import annotations

from datetime import date
from unicodedata import bidirectional

from PySide6.QtCore import Qt

from i18n.bidi import FSI, PDI, isolate, isolate_number
from i18n.runtime import LANGUAGES, current_language, pseudo_active

__all__ = ["FSI", "PDI", "isolate", "isolate_date", "isolate_number", "layout_direction"]


def layout_direction(language: str) -> Qt.LayoutDirection:
    """Right to left when the language's own name (`LANGUAGES`: دری, پښتو) is written in a
    right-to-left script. Read this way, not from babel's locale data (`text_direction`,
    ~15 ms) nor QLocale's (~12 ms to make its enums), before the first paint; a test holds
    it to `text_direction` for every language. The pseudo-locale is right to left, as there."""
    if pseudo_active():
        return Qt.LayoutDirection.RightToLeft
    kinds = (bidirectional(letter) for letter in LANGUAGES.get(language, ""))
    if next((kind for kind in kinds if kind in ("L", "R", "AL")), "L") == "L":
        return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.RightToLeft


def isolate_date(value: date) -> str:
    """A day in the current language (with the Solar Hijri date in Dari and Pashto), isolated."""
    from i18n.calendars import format_date  # not needed for the start page

    return isolate(format_date(value, current_language()))
