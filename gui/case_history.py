"""A case's history of changed results: kept as plain values in the case (cases.models), read
back as translated, dated lines under the names of today's rules."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cases import HistoryEntry, RecordedChange
from gui.bidi import isolate_date
from gui.rescreen import change_text
from i18n.runtime import _
from pathways.compare import Aspect, Change, Value
from pathways.model import Status
from pathways.results import Outcome, Verdict
from pathways.words import Presence

_PARSERS: dict[Aspect, type[Verdict | Status | Outcome | Presence]] = {
    Aspect.VERDICT: Verdict,
    Aspect.STATUS: Status,
    Aspect.OPEN_TO_PERSON: Outcome,
    Aspect.PATHWAY: Presence,
}


def recorded(change: Change) -> RecordedChange:
    """What the case keeps of a change: the enums' values (next steps: only that they changed,
    never their texts, which the rules hold)."""

    def plain(value: Value) -> str | None:
        return None if value is None or isinstance(value, tuple) else value.value

    return RecordedChange(
        pathway=change.pathway,
        aspect=change.aspect.value,
        old=plain(change.old),
        new=plain(change.new),
    )


def restored(change: RecordedChange) -> Change | None:
    """The change again, or None if a newer Masir no longer knows its words (it is then left
    out of the lines rather than shown as a code)."""
    try:
        aspect = Aspect(change.aspect)
        if aspect is Aspect.NEXT_STEPS:
            return Change(change.pathway, aspect, (), ())
        parse = _PARSERS[aspect]
        old = None if change.old is None else parse(change.old)
        new = None if change.new is None else parse(change.new)
    except ValueError:
        return None
    return Change(change.pathway, aspect, old, new)


def history_lines(history: Sequence[HistoryEntry], names: Mapping[str, str]) -> list[str]:
    """Newest first: each saving of results with its date, then what changed in it. `names`:
    the routes' translated names by id (a route no longer in the rules shows its id)."""
    lines: list[str] = []
    for entry in reversed(history):
        day = isolate_date(entry.when.astimezone().date())
        changes = [c for c in map(restored, entry.changes) if c is not None]
        if not changes:
            lines.append(_("%(date)s: results saved") % {"date": day})
            continue
        lines.append(_("%(date)s: the results changed") % {"date": day})
        lines.extend("   " + change_text(c, names.get(c.pathway)) for c in changes)
    return lines
