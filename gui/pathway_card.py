"""One pathway's result as a card: verdict, status, criteria, what to clarify, next steps."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.bidi import isolate, isolate_date, isolate_number
from gui.labels import plain_label
from gui.result_words import (
    badge_style,
    outcome_colours,
    outcome_text,
    result_colours,
    result_text,
    status_colours,
    status_text,
)
from i18n.runtime import _
from pathways.results import Outcome, PathwayResult

TO_VERIFY = "⚑ "


class PathwayCard(QFrame):
    """The full detail of one route. `technical` (caseworkers) adds route ids, source tags and
    the ⚑ mark; a person screening themselves reads "to be confirmed" in words instead."""

    def __init__(
        self, result: PathwayResult, *, technical: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.result = result
        self.technical = technical
        _verify = self._verify
        _tag = self._tag
        self.setObjectName("pathwayCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        text_colour = result_colours(result)[0]  # the border says what the badge says
        self.setStyleSheet(
            f"QFrame#pathwayCard {{ border: 2px solid {text_colour}; border-radius: 6px; }}"
        )
        self.box = QVBoxLayout(self)
        self.box.setSpacing(6)
        title = plain_label(
            f"{_(result.name)}{_tag(result.pathway)}", scale=1.25, bold=True, selectable=True
        )
        self.box.addWidget(title)
        if _(result.name) != result.name:  # to match it to an official letter or web page
            official = _("Official name:") + " " + isolate(result.name)
            self.box.addWidget(plain_label(official, scale=0.9, selectable=True))
        if result.summary:
            self.box.addWidget(plain_label(_(result.summary)))

        badges = QHBoxLayout()
        self.verdict_label = self._badge(result_text(result))
        self.verdict_label.setStyleSheet(badge_style(result_colours(result)))
        since = (
            " " + _("since %(date)s") % {"date": isolate_date(result.status_since)}
            if result.status_since
            else ""
        )
        self.status_label = self._badge(
            _("Status: %(status)s") % {"status": status_text(result.status)}
            + since
            + _verify(result.status_to_verify)
        )
        self.status_label.setStyleSheet(badge_style(status_colours(result.status)))
        badges.addWidget(self.verdict_label)
        badges.addWidget(self.status_label)
        badges.addStretch(1)
        self.box.addLayout(badges)
        if result.status_note:
            self.box.addWidget(plain_label(_(result.status_note)))
        if result.exemption is not None and result.exemption_outcome is not None:
            self.box.addWidget(
                plain_label(
                    _("Who the closure does not stop: %(text)s") % {"text": _(result.exemption)}
                    + f"  [{outcome_text(result.exemption_outcome)}]"
                )
            )
        if result.applies_despite_status:
            self.box.addWidget(
                plain_label(_("This route can still go on for you despite its status."), bold=True)
            )
        elif result.applies_despite_status is None:
            self.box.addWidget(
                plain_label(
                    _("This route may still go on for you if you applied before: see above."),
                    bold=True,
                )
            )

        self._heading(_("What the rules ask"))
        self.criteria_labels: list[QLabel] = []
        for criterion in result.criteria:
            row = QHBoxLayout()
            decided = criterion.decided_by_authority and criterion.outcome is Outcome.UNKNOWN
            mark = self._badge(
                _("Decided by the authority") if decided else outcome_text(criterion.outcome)
            )
            mark.setStyleSheet(badge_style(outcome_colours(criterion.outcome)))
            mark.setMinimumWidth(120)
            text = (
                f"{_(criterion.text)}{_verify(criterion.to_verify)}{_tag(criterion.source, True)}"
            )
            if criterion.note:
                text += "\n" + _(criterion.note)
            label = plain_label(text)
            self.criteria_labels.append(label)
            row.addWidget(mark, 0)
            row.addWidget(label, 1)
            self.box.addLayout(row)

        if result.to_clarify:
            self._heading(_("What to clarify"))
            for item in result.to_clarify:
                text = "• " + _(item.text)
                if item.documents:
                    proof = "; ".join(_(document) for document in item.documents)
                    text += "\n   " + _("Documents that can show it: %(documents)s") % {
                        "documents": proof
                    }
                self.box.addWidget(plain_label(text))

        if result.family:
            self._heading(_("Your family"))
            if result.family_text:
                self.box.addWidget(plain_label(_(result.family_text)))
            for member in result.family:
                rule = _(member.rule) if member.rule else _("Not covered by this route.")
                self.box.addWidget(
                    plain_label(
                        _("Family member %(number)s (%(relationship)s): %(rule)s")
                        % {
                            "number": isolate_number(member.member),
                            "relationship": _(member.relationship_text)
                            if member.relationship_text
                            else isolate(member.relationship),
                            "rule": rule,
                        }
                        + f"  [{outcome_text(member.outcome)}]{_verify(member.to_verify)}"
                    )
                )

        for notice in result.notices:
            lead = _("Notice") if notice.outcome is Outcome.MET else _("Notice (may apply to you)")
            since = _("since %(date)s") % {"date": isolate_date(notice.since)}
            label = plain_label(
                f"{lead}: {_(notice.title)} ({since}){_verify(notice.to_verify)}\n{_(notice.text)}"
            )
            label.setStyleSheet(badge_style(("#3d2b00", "#fff4d6")) + " font-weight: normal;")
            self.box.addWidget(label)

        self._heading(_("How to apply"))
        self.box.addWidget(plain_label(_(result.referral)))
        self.box.addWidget(
            plain_label(_("Where you must be: %(place)s") % {"place": _(result.location)})
        )
        if result.next_steps:
            self._heading(_("Next steps"))
            for step in result.next_steps:
                self.box.addWidget(plain_label("• " + _(step)))
        if result.documents:
            self._heading(_("Documents"))
            for document in result.documents:
                self.box.addWidget(
                    plain_label("• " + _(document.text) + _verify(document.to_verify))
                )

        footer = _("Rules last checked: %(date)s") % {"date": isolate_date(result.last_checked)}
        if result.to_verify:
            sign = TO_VERIFY if technical else ""
            footer += "   " + sign + _("Some facts here are not yet confirmed (to verify).")
        self.box.addWidget(plain_label(footer, bold=True))
        if result.sources:
            self._heading(_("Sources (copy the address to read it later; Masir stays offline)"))
            for source in result.sources:
                url = f"\n   {isolate(source.url)}" if source.url else ""
                self.box.addWidget(
                    plain_label(
                        f"{_tag(source.id, True).strip()} {_(source.title)}{url}  ".lstrip()
                        + _("(seen %(date)s)") % {"date": isolate_date(source.seen)},
                        scale=0.9,
                        selectable=True,
                    )
                )

    def _verify(self, flag: bool) -> str:
        if not flag:
            return ""
        return "  " + (TO_VERIFY + _("to verify") if self.technical else _("(to be confirmed)"))

    def _tag(self, tag: str, brackets: bool = False) -> str:
        """A route id or source tag, for caseworkers only."""
        if not self.technical:
            return ""
        return f"  [{isolate(tag)}]" if brackets else f"  {isolate(tag)}"

    def _heading(self, text: str) -> None:
        self.box.addSpacing(4)
        self.box.addWidget(plain_label(text, scale=1.05, bold=True))

    def _badge(self, text: str) -> QLabel:
        label = plain_label(text)
        label.setWordWrap(True)
        return label
