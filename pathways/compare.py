"""What changed between two screenings of the same person (an old case against today's rules,
or the same case after an answer changed).

Compared per pathway: the verdict, the route's status, whether the route is open to this
person and its next steps (which follow the person's stage). A pathway only one screening has
is reported as added or removed. Plain data: the window and the command line turn a Change
into words.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from pathways.model import Status
from pathways.results import Outcome, PathwayResult, Screening, Verdict
from pathways.words import Presence


class Aspect(StrEnum):
    VERDICT = "verdict"
    STATUS = "status"
    OPEN_TO_PERSON = "open_to_person"
    NEXT_STEPS = "next_steps"
    PATHWAY = "pathway"  # the pathway was added to or removed from the rules


Value = Verdict | Status | Outcome | Presence | tuple[str, ...] | None
"""What a Change holds: the enum itself, the next steps (their English texts) or `None`: the
pathway was not in that screening."""


@dataclass(frozen=True)
class Change:
    """One difference, as the enums of each side; renderers take words from pathways/words."""

    pathway: str
    aspect: Aspect
    old: Value
    new: Value

    def describe(self) -> str:
        """Plain English for logs of the developer and the command line: 'us.siv: a → b'."""
        where = self.pathway if self.aspect is Aspect.VERDICT else f"{self.pathway} {self.aspect}"
        return f"{where}: {_words(self.old)} → {_words(self.new)}"


def _words(value: Value) -> str:
    if isinstance(value, tuple):
        return f"{len(value)} steps"
    return "(none)" if value is None else value.value.replace("_", " ")


_READERS: dict[Aspect, Callable[[PathwayResult], Value]] = {
    Aspect.VERDICT: lambda result: result.verdict,
    Aspect.STATUS: lambda result: result.status,
    Aspect.OPEN_TO_PERSON: lambda result: result.open_to_person,
    Aspect.NEXT_STEPS: lambda result: tuple(result.next_steps),
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
                    None if was is None else Presence.PRESENT,
                    None if now is None else Presence.PRESENT,
                )
            )
            continue
        for aspect, read in _READERS.items():
            old_value, new_value = read(was), read(now)
            if old_value != new_value:
                changes.append(Change(pathway, aspect, old_value, new_value))
    return changes
