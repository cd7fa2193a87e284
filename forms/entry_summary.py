"""One line that sums up a group entry with its key facts, for every reader of the answers.

"Interpreter · US government or military · Mar 2009 – Jun 2012"; "Son or daughter · Zahra ·
born 2017"; "Brother or sister · Canada · Permanent resident". The window's list and review, the
PDF summary and any other output share it; the caller passes its translation functions, so a
summary rendered on a worker thread does not depend on the window's language. A name given
is shown to the person and the caseworker, and left out where sensitive answers are; nothing
here is ever logged.
"""

from __future__ import annotations

from collections.abc import Callable

from forms.answers import Answer, Item, JSONValue, Special
from forms.dates import ApproxDate
from forms.errors import AnswersError
from forms.questions import Dates, Question
from forms.validation import parse_answer
from i18n.bidi import isolate
from i18n.calendars import DASH, format_short_date
from i18n.numerals import format_number

Gettext = Callable[[str], str]
Ngettext = Callable[[str, str, int], str]
SEPARATOR = " · "
RawEntry = dict[str, JSONValue]


def parse_entry(group: Question, entry: RawEntry) -> Item:
    """The fields of a stored or half-filled entry that parse; the others are left out."""
    fields = {inner.id: inner for inner in group.questions}
    item: Item = {}
    for key, value in entry.items():
        if key in fields:
            try:
                item[key] = parse_answer(fields[key], value)
            except AnswersError:
                continue
    return item


def entry_summary(
    group: Question,
    entry: Item,
    language: str,
    _: Gettext,
    ngettext: Ngettext,
    *,
    sensitive: bool = True,
) -> str:
    """The entry's key facts, those given, in the order of the group's `entry_summary`;
    "" when none is given yet (or the group names none). `sensitive=False` leaves out a
    name marked sensitive (a summary printed without sensitive answers)."""
    spec = group.entry_summary
    if spec is None:
        return ""
    fields = {inner.id: inner for inner in group.questions}
    parts = []
    for name in spec.fields:
        value = entry.get(name)
        choice = fields[name].choice(value) if isinstance(value, str) else None
        if choice is not None:
            parts.append(_(choice.short or choice.text))
    if spec.name_field and (sensitive or not fields[spec.name_field].sensitive):
        given = entry.get(spec.name_field)
        if isinstance(given, str) and not isinstance(given, Special) and given:
            parts.append(isolate(given))
    born = entry.get(spec.born) if spec.born else None
    if isinstance(born, ApproxDate):
        parts.append(_("born %(date)s") % {"date": isolate(format_short_date(born, language))})
    if spec.dates is not None:
        when = _dates(spec.dates, entry, language, _, ngettext)
        if when:
            parts.append(when)
    return SEPARATOR.join(parts)


def _dates(spec: Dates, entry: Item, language: str, _: Gettext, ngettext: Ngettext) -> str:
    """ "Mar 2009 – Jun 2012", "since 2019", "from 2010 (about 18 months)", "about 18 months"."""

    def day(value: Answer | None) -> str | None:
        return (
            isolate(format_short_date(value, language)) if isinstance(value, ApproxDate) else None
        )

    start, end = day(entry.get(spec.start)), day(entry.get(spec.end))
    estimate = entry.get(spec.estimate)
    about = (
        ngettext("about %(count)s month", "about %(count)s months", int(estimate))
        % {"count": isolate(format_number(estimate, language))}
        if isinstance(estimate, float | int) and not isinstance(estimate, bool)
        else None
    )
    if start and entry.get(spec.ongoing) is True:
        return _("since %(date)s") % {"date": start}
    if start and end:
        return f"{start} {DASH} {end}"
    if start:
        since = _("from %(date)s") % {"date": start}
        return f"{since} ({about})" if about else since
    if end:
        until = _("until %(date)s") % {"date": end}
        return f"{until} ({about})" if about else until
    return about or ""
