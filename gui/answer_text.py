"""An answer as a person reads it: choice texts, localized country names, localized dates."""

from __future__ import annotations

from forms.answers import Answer, Special
from forms.dates import ApproxDate
from forms.entry_summary import entry_summary
from forms.questions import Question, QuestionType
from gui.bidi import isolate, isolate_number
from gui.countries import country_names
from i18n.calendars import format_approx_date
from i18n.runtime import _, current_language, ngettext


def special_text(special: Special) -> str:
    return _("I don't know") if special is Special.UNKNOWN else _("Prefer not to say")


def answer_text(question: Question, answer: Answer) -> str:
    """One line (or several, for a group) describing `answer` to `question`."""
    if isinstance(answer, Special):
        return special_text(answer)
    if isinstance(answer, bool):
        return _("Yes") if answer else _("No")
    if isinstance(answer, ApproxDate):
        return isolate(format_approx_date(answer, current_language()))
    if isinstance(answer, float):
        return isolate_number(answer)
    if question.type is QuestionType.GROUP and isinstance(answer, tuple):
        return group_text(question, answer)
    if isinstance(answer, tuple):
        texts = [choice_text(question, str(value)) for value in answer]
        return "; ".join(texts) if texts else _("None of these")
    if question.type is QuestionType.COUNTRY:
        return country_names(current_language()).get(answer, answer)
    if question.type is QuestionType.SINGLE_CHOICE:
        return choice_text(question, answer)
    return answer


def choice_text(question: Question, value: str) -> str:
    choice = question.choice(value)
    return _(choice.text) if choice is not None else value


def group_text(question: Question, entries: tuple[object, ...]) -> str:
    """One line per entry with its key facts ("Job 1: Interpreter · … · 2009 – 2012")."""
    lines = [
        entry_title(question, entry, number)
        for number, entry in enumerate(entries, start=1)
        if isinstance(entry, dict)
    ]
    return "\n".join(lines) if lines else _("None")


def entry_title(group: Question, entry: dict[str, Answer], number: int) -> str:
    """ "Family member 2: Son or daughter · born 2017" — the label, its number and the
    entry's key facts (forms.entry_summary), so that two children never read alike."""
    label = _(group.item_label) if group.item_label else _("Entry")
    title = f"{label} {isolate_number(number)}"
    summary = entry_summary(group, entry, current_language(), _, ngettext)
    return f"{title}: {summary}" if summary else title
