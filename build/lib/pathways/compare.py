"""What changed between two screenings of the same person (an old case against today's rules).

Compared per pathway: the verdict, the route's status and whether the route is open to this
person. A pathway only one screening has is reported as added or removed. Plain data: the
window and the command line turn a Change into words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pathways.results import PathwayResult, Screening


class Aspect(StrEnum):
    VERDICT = "verdict"
    STATUS = "status"
    OPEN_TO_PERSON = "open_to_person"
    PATHWAY = "pathway"  # the pathway was added to or removed from the rules


@dataclass(frozen=True)
class Change:
    """One difference: `old`/`new` are the stored values (`None`: the pathway was not there)."""

    pathway: str
    aspect: Aspect
    old: str | None
    new: str | None

    def describe(self) -> str:
        """Plain English for logs of the developer and the command line: 'us.siv: a → b'."""
        where = self.pathway if self.aspect is Aspect.VERDICT else f"{self.pathway} {self.aspect}"
        return f"{where}: {_words(self.old)} → {_words(self.new)}"


def _words(value: str | None) -> str:
    return "(none)" if value is None else value.replace("_", " ")


_READERS: dict[Aspect, Callable[[PathwayResult], str]] = {
    Aspect.VERDICT: lambda result: result.verdict.value,
    Aspect.STATUS: lambda result: result.status.value,
    Aspect.OPEN_TO_PERSON: lambda result: result.open_to_person.value,
}


def compare(old: Screening, new: Screening) -> list[Change]:
    """The changes from `old` to `new`, in the order of the new screening's pathways."""
    before = {result.pathway: result for result in old.results}
    after = {result.pathway: result for result in new.results}
    order = [r.pathway for r in new.results] + [p for p in before if p not in after]
    changes: list[Change] = []
    for pathway in order:
        was, now = before.get(pathway), after.get(pathway)
        if was is None or now is None:
            changes.append(
                Change(
                    pathway,
                    Aspect.PATHWAY,
                    None if was is None else "present",
                    None if now is None else "present",
                )
            )
            continue
        for aspect, read in _READERS.items():
            old_value, new_value = read(was), read(now)
            if old_value != new_value:
                changes.append(Change(pathway, aspect, old_value, new_value))
    return changes
