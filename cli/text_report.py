"""The screening as readable text for the terminal, grouped by country, in the current language.

Dates and counts are written as the language writes them (Persian digits, the Solar Hijri
date beside the Gregorian one in Dari and Pashto); in a right-to-left language, ids, sources
and addresses are wrapped in Unicode isolates so they keep their own order.
"""

from __future__ import annotations

from datetime import date
from itertools import groupby

from i18n.bidi import isolate
from i18n.calendars import format_date
from i18n.numerals import format_number
from i18n.runtime import _, current_language, text_direction
from pathways.freshness import stale_line
from pathways.model import Kind, Status
from pathways.plan import AUTHORITY_DECIDES, Plan, PlanRoute, derive_plan
from pathways.results import Outcome, PathwayResult, Screening, Verdict
from pathways.words import OUTCOME, STATUS, VERDICT


def _mark(outcome: Outcome) -> str:
    return f"[{_(OUTCOME[outcome])}]"


def _verdict(verdict: Verdict) -> str:
    return _(VERDICT[verdict])


def _status(status: Status) -> str:
    return _(STATUS[status])


def _day(value: date) -> str:
    return _value(format_date(value, current_language()))


def _number(value: float) -> str:
    return _value(format_number(value, current_language()))


def _value(value: object) -> str:
    """An inserted value, isolated inside right-to-left sentences."""
    return isolate(value) if text_direction(current_language()) == "rtl" else str(value)


def render_text(screening: Screening, *, detail: bool = False) -> str:
    """The plan first (what the person can do now); with `detail`, every route in full after."""
    lines = [
        _("Masir screening"),
        _("Date: %(date)s   Rules version: %(version)s")
        % {"date": _day(screening.today), "version": _value(screening.rules_version)},
        _(
            "This is not legal advice. Applications and referrals are free: "
            "nobody can sell a place."
        ),
        _(screening.freshness_note),
    ]
    checked = screening.rules_checked
    if checked is not None and (stale := stale_line(checked, screening.today, _day(checked))):
        lines.append(stale)
    lines += _plan(derive_plan(screening), detail=detail)
    if not detail:
        return "\n".join(lines) + "\n"
    if screening.dropped_answers:
        lines.append(
            _("Answers not used (their questions are not asked): %(ids)s")
            % {"ids": ", ".join(map(_value, screening.dropped_answers))}
        )
    for _country, results in groupby(screening.results, key=lambda result: result.country):
        batch = list(results)
        lines += ["", "=" * 72, _(batch[0].country_name).upper(), "=" * 72]
        for result in batch:
            lines += _pathway(result)
    return "\n".join(lines) + "\n"


def _plan(plan: Plan, *, detail: bool) -> list[str]:
    lines = ["", _("WHAT YOU CAN DO NOW")]
    if not plan.act_now:
        lines.append("  " + _("No route is open to you on these answers."))
    routes = [route for route in plan.act_now if route.kind is not Kind.UNHCR_CATEGORY]
    for number, route in enumerate(routes, start=1):
        lines += _plan_route(f"{_number(number)}.", route)
    categories = [route for route in plan.act_now if route.kind is Kind.UNHCR_CATEGORY]
    if categories:
        names = "; ".join(_(route.name) for route in categories)
        lines.append(
            f"{_number(len(routes) + 1)}. "
            + _("UNHCR may put you forward for resettlement (%(categories)s).")
            % {"categories": names}
            + " "
            + _(categories[0].action)
        )
        lines += _unknown_line(categories[0])
    if plan.if_applied_before:
        lines += ["", _("IF YOU APPLIED BEFORE")]
        for route in plan.if_applied_before:
            lines.append(
                f"- {_(route.country_name)}: {_(route.name)} ({_status(route.status)}). "
                + _("Your case may go on if: %(text)s")
                % {"text": _(route.exemption) if route.exemption else ""}
            )
    if plan.next_steps:
        lines += ["", _("NEXT STEPS")]
        lines += [
            f"{_number(number)}. {_(step)}" for number, step in enumerate(plan.next_steps, start=1)
        ]
    if plan.documents:
        lines += ["", _("DOCUMENTS TO GATHER")]
        lines += [
            f"[ ] {_(document.text)}{_(' (to verify)') if document.to_verify else ''}"
            for document in plan.documents
        ]
    lines += ["", _("EVERYTHING ELSE")]
    lines.append(
        _(
            "%(closed)s routes are closed to new applications and %(not_fitting)s do not fit "
            "your answers."
        )
        % {"closed": _number(plan.closed), "not_fitting": _number(plan.not_fitting)}
    )
    if not detail:
        lines.append(_("Every route in full: add --detail full."))
    return lines


def _plan_route(number: str, route: PlanRoute) -> list[str]:
    action = _(route.action)
    if route.authority_decides:
        action += " " + _(AUTHORITY_DECIDES)
    if route.status_unconfirmed:
        action += " " + _("Whether this route is open is to be confirmed.")
    return [
        f"{number} {_(route.country_name)}: {_(route.name)} — {_verdict(route.verdict)}. {action}",
        *_unknown_line(route),
    ]


def _unknown_line(route: PlanRoute) -> list[str]:
    if not route.unknown:
        return []
    texts = " / ".join(_(item.text) for item in route.unknown)
    return ["   " + _("Still to find out: %(facts)s") % {"facts": texts}]


def _tri_answer(value: bool | None) -> str:
    return _(OUTCOME[Outcome.UNKNOWN]) if value is None else _("yes") if value else _("no")


def _pathway(result: PathwayResult) -> list[str]:
    status = _status(result.status)
    since = (
        _(" since %(date)s") % {"date": _day(result.status_since)} if result.status_since else ""
    )
    verify = _("  (to verify)") if result.status_to_verify else ""
    lines = [
        "",
        f"{_(result.name)} ({_value(result.pathway)})",
        "  " + _("Verdict: %(verdict)s") % {"verdict": _verdict(result.verdict)},
        "  " + _("Status: %(status)s") % {"status": f"{status}{since}{verify}"},
        f"  {_(result.status_note)}",
    ]
    if result.exemption is not None and result.exemption_outcome is not None:
        lines.append(
            "  "
            + _("Who the closure does not stop %(mark)s: %(text)s")
            % {"mark": _mark(result.exemption_outcome), "text": _(result.exemption)}
        )
    lines.append(
        "  "
        + _("Applies to you despite its status: %(answer)s")
        % {"answer": _tri_answer(result.applies_despite_status)}
    )
    lines.append("  " + _("Criteria:"))
    for criterion in result.criteria:
        verify = _(" (to verify)") if criterion.to_verify else ""
        where = _value(criterion.source)
        lines.append(f"    {_mark(criterion.outcome)} {_(criterion.text)}{verify} [{where}]")
    if result.to_clarify:
        lines.append("  " + _("To clarify:"))
        for item in result.to_clarify:
            proof = (
                " " + _("Proof: %(documents)s") % {"documents": "; ".join(map(_, item.documents))}
                if item.documents
                else ""
            )
            lines.append(f"    - {_(item.text)}{proof}")
    for notice in result.notices:
        label = _("Notice") if notice.outcome is Outcome.MET else _("Notice (may apply)")
        lines.append(
            f"  {label}: "
            + _("%(title)s (since %(date)s).")
            % {"title": _(notice.title), "date": _day(notice.since)}
            + f" {_(notice.text)}"
        )
    if result.family:
        lines.append("  " + _("Family:"))
        for member in result.family:
            rule = f" {_(member.rule)}" if member.rule else " " + _("Not covered by this route.")
            who = _("member %(number)s (%(relationship)s):") % {
                "number": _number(member.member),
                "relationship": _(member.relationship_text)
                if member.relationship_text
                else _value(member.relationship),
            }
            lines.append(f"    {_mark(member.outcome)} {who}{rule}")
    lines.append("  " + _("How to apply: %(text)s") % {"text": _(result.referral)})
    lines.append("  " + _("Where you must be: %(text)s") % {"text": _(result.location)})
    if result.next_steps:
        lines.append("  " + _("Next steps:"))
        lines += [f"    - {_(step)}" for step in result.next_steps]
    if result.documents:
        lines.append("  " + _("Documents:"))
        lines += [
            f"    - {_(d.text)}{_(' (to verify)') if d.to_verify else ''}" for d in result.documents
        ]
    lines.append("  " + _("Rules last checked: %(date)s") % {"date": _day(result.last_checked)})
    lines.append("  " + _("Sources:"))
    for source in result.sources:
        url = f" {_value(source.url)}" if source.url else ""
        seen = _("(seen %(date)s)") % {"date": _day(source.seen)}
        lines.append(f"    [{_value(source.id)}] {_(source.title)}.{url} {seen}")
    return lines
