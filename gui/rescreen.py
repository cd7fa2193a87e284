"""Changes between a case's saved results and today's, as translated lines."""

from __future__ import annotations

from gui.bidi import isolate
from i18n.runtime import _
from pathways.compare import Aspect, Change, Value
from pathways.model import Status
from pathways.results import Outcome, Verdict
from pathways.words import OPEN_TO_PERSON, PRESENCE, STATUS, VERDICT, Presence


def _word(change: Change, value: Value) -> str:
    """The vocabulary's word for one side of a change (pathways/words.py)."""
    if isinstance(value, tuple):  # next steps: said as a whole, never listed here
        return ""
    if value is None or isinstance(value, Presence):
        return _(PRESENCE[value])
    if isinstance(value, Verdict):
        return _(VERDICT[value])
    if isinstance(value, Status):
        return _(STATUS[value])
    assert isinstance(value, Outcome) and change.aspect is Aspect.OPEN_TO_PERSON
    return _(OPEN_TO_PERSON[value])


def change_text(change: Change, name: str | None = None) -> str:
    """'us.siv: Possibly eligible → Eligible'; status and openness lines say which they are.
    `name`: the route's name to show instead of its id (a person's own results)."""
    values = {
        "pathway": name if name is not None else isolate(change.pathway),
        "old": _word(change, change.old),
        "new": _word(change, change.new),
    }
    if change.aspect is Aspect.NEXT_STEPS:
        return _("%(pathway)s: the next steps changed") % values
    if change.aspect is Aspect.STATUS:
        return _("%(pathway)s, status: %(old)s → %(new)s") % values
    if change.aspect is Aspect.OPEN_TO_PERSON:
        return _("%(pathway)s, for this person: %(old)s → %(new)s") % values
    return _("%(pathway)s: %(old)s → %(new)s") % values
