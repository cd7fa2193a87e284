"""The window's marks and colours for the words of pathways/words.py (never colour alone)."""

from __future__ import annotations

from i18n.runtime import _
from pathways.model import Status
from pathways.results import Outcome, PathwayResult, Verdict
from pathways.words import OPEN_TO_PERSON, OUTCOME, STATUS, VERDICT

GREEN = ("#1b5e20", "#e6f4e7")  # (text, background): contrast above 7:1
AMBER = ("#6b4200", "#fff1d6")
RED = ("#8b1a1a", "#fdeaea")
GREY = ("#333333", "#ececec")
_VERDICT_MARK = {
    Verdict.ELIGIBLE: "✓ ",
    Verdict.POSSIBLY_ELIGIBLE: "? ",
    Verdict.NOT_ELIGIBLE: "✗ ",
}
_OUTCOME_MARK = {Outcome.MET: "✓ ", Outcome.NOT_MET: "✗ ", Outcome.UNKNOWN: "? "}


def verdict_text(verdict: Verdict) -> str:
    return _VERDICT_MARK[verdict] + _(VERDICT[verdict])


def verdict_colours(verdict: Verdict) -> tuple[str, str]:
    return {Verdict.ELIGIBLE: GREEN, Verdict.POSSIBLY_ELIGIBLE: AMBER}.get(verdict, RED)


def result_text(result: PathwayResult) -> str:
    """The one mark of a route for this person: its verdict, unless the route is closed to
    them (then that, never a green "Eligible" beside a closure they do not escape) or may be
    (then both, as a question)."""
    if result.verdict is Verdict.NOT_ELIGIBLE or result.open_to_person is Outcome.MET:
        return verdict_text(result.verdict)
    if result.open_to_person is Outcome.NOT_MET:
        return _OUTCOME_MARK[Outcome.NOT_MET] + _(OPEN_TO_PERSON[Outcome.NOT_MET])
    return _VERDICT_MARK[Verdict.POSSIBLY_ELIGIBLE] + " · ".join(
        (_(VERDICT[result.verdict]), _(OPEN_TO_PERSON[Outcome.UNKNOWN]))
    )


def result_colours(result: PathwayResult) -> tuple[str, str]:
    """Green only for a route the person meets and that is open to them."""
    if result.verdict is Verdict.NOT_ELIGIBLE or result.open_to_person is Outcome.NOT_MET:
        return RED
    if result.open_to_person is Outcome.UNKNOWN:
        return AMBER
    return verdict_colours(result.verdict)


def status_text(status: Status) -> str:
    return _(STATUS[status])


def status_colours(status: Status) -> tuple[str, str]:
    if status is Status.OPEN:
        return GREEN
    if status in (Status.FULL, Status.PAUSED, Status.SUSPENDED):
        return AMBER
    if status is Status.UNKNOWN:
        return GREY
    return RED


def outcome_text(outcome: Outcome) -> str:
    return _OUTCOME_MARK[outcome] + _(OUTCOME[outcome])


def outcome_colours(outcome: Outcome) -> tuple[str, str]:
    return {Outcome.MET: GREEN, Outcome.NOT_MET: RED}.get(outcome, AMBER)


def badge_style(colours: tuple[str, str]) -> str:
    text, background = colours
    return (
        f"color: {text}; background: {background}; border: 1px solid {text};"
        " border-radius: 4px; padding: 4px 8px; font-weight: bold;"
    )
