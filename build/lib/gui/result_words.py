"""Verdicts, statuses and outcomes as words, with a mark and a colour (never colour alone)."""

from __future__ import annotations

from i18n.runtime import _
from pathways.model import Status
from pathways.results import Outcome, Verdict

GREEN = ("#1b5e20", "#e6f4e7")  # (text, background): contrast above 7:1
AMBER = ("#6b4200", "#fff1d6")
RED = ("#8b1a1a", "#fdeaea")
GREY = ("#333333", "#ececec")


def verdict_text(verdict: Verdict) -> str:
    return {
        Verdict.ELIGIBLE: "✓ " + _("You seem to meet the criteria"),
        Verdict.POSSIBLY_ELIGIBLE: "? " + _("You may meet the criteria: some answers are missing"),
        Verdict.NOT_ELIGIBLE: "✗ " + _("You do not seem to meet the criteria"),
    }[verdict]


def verdict_colours(verdict: Verdict) -> tuple[str, str]:
    return {Verdict.ELIGIBLE: GREEN, Verdict.POSSIBLY_ELIGIBLE: AMBER}.get(verdict, RED)


def status_text(status: Status) -> str:
    return {
        Status.OPEN: _("Open"),
        Status.CLOSED_TO_NEW: _("Closed to new applications"),
        Status.FULL: _("Full for now"),
        Status.SUSPENDED: _("Suspended"),
        Status.PAUSED: _("Paused"),
        Status.ENDED: _("Ended"),
        Status.UNKNOWN: _("Status not known"),
    }[status]


def status_colours(status: Status) -> tuple[str, str]:
    if status is Status.OPEN:
        return GREEN
    if status in (Status.FULL, Status.PAUSED, Status.SUSPENDED):
        return AMBER
    if status is Status.UNKNOWN:
        return GREY
    return RED


def outcome_text(outcome: Outcome) -> str:
    return {
        Outcome.MET: "✓ " + _("Met"),
        Outcome.NOT_MET: "✗ " + _("Not met"),
        Outcome.UNKNOWN: "? " + _("Not known yet"),
    }[outcome]


def outcome_colours(outcome: Outcome) -> tuple[str, str]:
    return {Outcome.MET: GREEN, Outcome.NOT_MET: RED}.get(outcome, AMBER)


def badge_style(colours: tuple[str, str]) -> str:
    text, background = colours
    return (
        f"color: {text}; background: {background}; border: 1px solid {text};"
        " border-radius: 4px; padding: 4px 8px; font-weight: bold;"
    )
