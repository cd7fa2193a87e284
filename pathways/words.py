"""The one vocabulary of results: a marked message per verdict, status and outcome.

Every renderer (window, PDF, text report, the list of changes) looks its words up here and
adds only its own mark or colour, so "Full for now" can never read "Full" on another screen.
The messages are English msgids; `_()` translates them at the edge.
"""

from __future__ import annotations

from enum import StrEnum

from i18n.runtime import N_
from pathways.model import Status
from pathways.results import Outcome, Verdict


class Presence(StrEnum):
    """Whether a route is in the rules at all (a re-screening against newer rules)."""

    PRESENT = "present"


VERDICT: dict[Verdict, str] = {
    Verdict.ELIGIBLE: N_("Eligible"),
    Verdict.POSSIBLY_ELIGIBLE: N_("Possibly eligible"),
    Verdict.NOT_ELIGIBLE: N_("Not eligible"),
}

STATUS: dict[Status, str] = {
    Status.OPEN: N_("Open"),
    Status.CLOSED_TO_NEW: N_("Closed to new applications"),
    Status.FULL: N_("Full for now"),
    Status.SUSPENDED: N_("Suspended"),
    Status.PAUSED: N_("Paused"),
    Status.ENDED: N_("Ended"),
    Status.UNKNOWN: N_("Status not known"),
}

OUTCOME: dict[Outcome, str] = {
    Outcome.MET: N_("Met"),
    Outcome.NOT_MET: N_("Not met"),
    Outcome.UNKNOWN: N_("Not known yet"),
}

OPEN_TO_PERSON: dict[Outcome, str] = {
    Outcome.MET: N_("Open to this person"),
    Outcome.NOT_MET: N_("Closed to this person"),
    Outcome.UNKNOWN: N_("May be open to this person"),
}

PRESENCE: dict[Presence | None, str] = {
    Presence.PRESENT: N_("In the rules"),
    None: N_("Not in the rules"),
}
