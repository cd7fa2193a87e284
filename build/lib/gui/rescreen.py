"""Changes between a case's saved results and today's, as translated lines."""

from __future__ import annotations

from gui.bidi import isolate
from gui.result_words import status_text
from i18n.runtime import _
from pathways.compare import Aspect, Change
from pathways.model import Status


def _verdict_word(value: str) -> str:
    return {
        "eligible": _("eligible"),
        "possibly_eligible": _("possibly eligible"),
        "not_eligible": _("not eligible"),
    }.get(value, value)


def _open_word(value: str) -> str:
    return {
        "met": _("open to this person"),
        "not_met": _("closed to this person"),
        "unknown": _("may be open to this person"),
    }.get(value, value)


def _status_word(value: str) -> str:
    try:
        return status_text(Status(value))
    except ValueError:
        return value


def _word(change: Change, value: str | None) -> str:
    if value is None:
        return _("not in the rules")
    if change.aspect is Aspect.VERDICT:
        return _verdict_word(value)
    if change.aspect is Aspect.STATUS:
        return _status_word(value)
    if change.aspect is Aspect.OPEN_TO_PERSON:
        return _open_word(value)
    return _("in the rules")


def change_text(change: Change) -> str:
    """'us.siv: possibly eligible → eligible'; status and openness lines say which they are."""
    values = {
        "pathway": isolate(change.pathway),
        "old": _word(change, change.old),
        "new": _word(change, change.new),
    }
    if change.aspect is Aspect.STATUS:
        return _("%(pathway)s, status: %(old)s → %(new)s") % values
    if change.aspect is Aspect.OPEN_TO_PERSON:
        return _("%(pathway)s, for this person: %(old)s → %(new)s") % values
    return _("%(pathway)s: %(old)s → %(new)s") % values
