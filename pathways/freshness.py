"""When the rules in use were last checked long ago: every output says so, with the date."""

from __future__ import annotations

from datetime import date

from i18n.runtime import N_, _

STALE_AFTER_DAYS = 90

STALE_NOTE = N_(
    "These rules were last checked on %(date)s, more than 90 days ago. Routes may have "
    "changed since: check the official pages, or update the rules."
)
"""One line; each output fills in the date in its own way of writing dates."""


def is_stale(checked: date | None, today: date) -> bool:
    """True when the rules were last checked more than 90 days before `today`."""
    return checked is not None and (today - checked).days > STALE_AFTER_DAYS


def stale_line(checked: date, today: date, shown: str) -> str | None:
    """The one-line warning (translated, with the date as `shown`), or None when fresh."""
    return _(STALE_NOTE) % {"date": shown} if is_stale(checked, today) else None


def rules_in_use_line(release: str, shown: str, from_pack: bool) -> str:
    """Which rules a screening uses, with the date they were last checked (`shown`)."""
    if not from_pack:
        return _("Rules %(release)s of %(date)s, built into this Masir") % {
            "release": release,
            "date": shown,
        }
    return _("Rules %(release)s of %(date)s, installed from a rule pack") % {
        "release": release,
        "date": shown,
    }
