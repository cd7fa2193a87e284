"""The screening as readable text, grouped by country, for the terminal."""

from __future__ import annotations

from itertools import groupby

from pathways.results import Outcome, PathwayResult, Screening

_MARK = {Outcome.MET: "[met]", Outcome.NOT_MET: "[not met]", Outcome.UNKNOWN: "[unknown]"}


def render_text(screening: Screening) -> str:
    lines = [
        "Masir screening",
        f"Date: {screening.today.isoformat()}   Rules version: {screening.rules_version}",
        "This is not legal advice. Applications and referrals are free: nobody can sell a place.",
    ]
    if screening.dropped_answers:
        lines.append(
            "Answers not used (their questions are not asked): "
            + ", ".join(screening.dropped_answers)
        )
    for _, results in groupby(screening.results, key=lambda result: result.country):
        batch = list(results)
        lines += ["", "=" * 72, batch[0].country_name.upper(), "=" * 72]
        for result in batch:
            lines += _pathway(result)
    return "\n".join(lines) + "\n"


def _pathway(result: PathwayResult) -> list[str]:
    status = result.status.value.replace("_", " ")
    since = f" since {result.status_since.isoformat()}" if result.status_since else ""
    lines = [
        "",
        f"{result.name} ({result.pathway})",
        f"  Verdict: {result.verdict.value.replace('_', ' ')}",
        f"  Status: {status}{since}{'  (to verify)' if result.status_to_verify else ''}",
        f"  {result.status_note}",
    ]
    if result.exemption is not None and result.exemption_outcome is not None:
        lines.append(
            f"  Who the closure does not stop {_MARK[result.exemption_outcome]}: {result.exemption}"
        )
    lines.append(
        f"  Applies to you despite its status: {'yes' if result.applies_despite_status else 'no'}"
    )
    lines.append("  Criteria:")
    for criterion in result.criteria:
        verify = " (to verify)" if criterion.to_verify else ""
        lines.append(
            f"    {_MARK[criterion.outcome]} {criterion.text}{verify} [{criterion.source}]"
        )
    if result.to_clarify:
        lines.append("  To clarify:")
        for item in result.to_clarify:
            proof = f" Proof: {'; '.join(item.documents)}" if item.documents else ""
            lines.append(f"    - {item.text}{proof}")
    for notice in result.notices:
        may = "" if notice.outcome is Outcome.MET else " (may apply)"
        lines.append(
            f"  Notice{may}: {notice.title} (since {notice.since.isoformat()}). {notice.text}"
        )
    if result.family:
        lines.append("  Family:")
        for member in result.family:
            rule = f" {member.rule}" if member.rule else " Not covered by this route."
            lines.append(
                f"    {_MARK[member.outcome]} member {member.member} ({member.relationship}):{rule}"
            )
    lines.append(f"  How to apply: {result.referral}")
    lines.append(f"  Where you must be: {result.location}")
    if result.next_steps:
        lines.append("  Next steps:")
        lines += [f"    - {step}" for step in result.next_steps]
    if result.documents:
        lines.append("  Documents:")
        lines += [
            f"    - {d.text}{' (to verify)' if d.to_verify else ''}" for d in result.documents
        ]
    lines.append(f"  Rules last checked: {result.last_checked.isoformat()}")
    lines.append("  Sources:")
    for source in result.sources:
        url = f" {source.url}" if source.url else ""
        lines.append(f"    [{source.id}] {source.title}.{url} (seen {source.seen.isoformat()})")
    return lines
