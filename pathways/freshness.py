"""When the rules in use were last checked long ago: every output says so, with the date."""

from __future__ import annotations

from datetime import date

from i18n.runtime import N_

STALE_AFTER_DAYS = 90

STALE_NOTE = N_(
    "These rules were last checked on %(date)s, more than 90 days ago. Routes may have "
    "changed since: check the official pages, or update the rules."
)
"""One line; each output fills in the date in its own way of writing dates."""


def is_stale(checked: date | None, today: date) -> bool:
    """True when the rules were last checked more than 90 days before `today`."""
    return checked is not None and (today - checked).days > STALE_AFTER_DAYS
