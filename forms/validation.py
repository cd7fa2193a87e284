"""Checking one answer against its question's type, with a message a person can act on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from babel import Locale

from forms.answers import Answer, Item, Special
from forms.dates import ApproxDate, how_to_write
from forms.digits import to_ascii_digits
from forms.errors import AnswersError
from forms.questions import Question, QuestionType
from i18n.bidi import isolate, isolate_number
from i18n.runtime import _

_YES = {"yes", "true"}
_NO = {"no", "false"}
COUNTRY_CODES = frozenset(
    code for code in map(str, Locale("en").territories) if len(code) == 2 and code.isalpha()
)


def parse_answer(question: Question, raw: object, where: str = "") -> Answer:
    """The typed answer for `raw`, or AnswersError saying what is wrong and where.

    Messages are in the current language and name the question by its text, never its id."""
    place = where or f"“{_(question.text)}”"
    if isinstance(raw, Special):
        return raw
    if isinstance(raw, str) and raw in (Special.UNKNOWN.value, Special.PREFER_NOT_TO_SAY.value):
        return Special(raw)
    try:
        return _PARSERS[question.type](question, raw, place)
    except ValueError as error:
        reason = str(error)
        message = _("Your answer to %(question)s: %(reason)s") % {
            "question": place,
            "reason": reason,
        }
        raise AnswersError(message, reason) from None


def _yes_no(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _YES | _NO:
        return raw.strip().lower() in _YES
    raise ValueError(
        _("expected %(yes)s or %(no)s, got %(value)s")
        % {"yes": isolate("yes"), "no": isolate("no"), "value": _show(raw)}
    )


def _single(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, str) and question.choice(raw) is not None:
        return raw
    allowed = "; ".join(_(choice.text) for choice in question.choices)
    raise ValueError(
        _("%(value)s is not one of the choices (%(choices)s)")
        % {"value": _show(raw), "choices": allowed}
    )


def _multi(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, list):
        raise ValueError(_("expected a list of choices, got %(value)s") % {"value": _show(raw)})
    for value in raw:
        _single(question, value, place)
    chosen = set(raw)
    return tuple(choice.value for choice in question.choices if choice.value in chosen)


def _number(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, bool):
        raise ValueError(_("expected a number, got %(value)s") % {"value": _show(raw)})
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(to_ascii_digits(raw).strip().replace(",", ""))
        except ValueError:
            raise ValueError(_("%(value)s is not a number") % {"value": _show(raw)}) from None
    else:
        raise ValueError(_("expected a number, got %(value)s") % {"value": _show(raw)})
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(_("%(value)s is not a number") % {"value": _show(raw)})
    if question.minimum is not None and number < question.minimum:
        raise ValueError(
            _("%(number)s is less than the smallest allowed, %(minimum)s")
            % {"number": isolate_number(number), "minimum": isolate_number(question.minimum)}
        )
    if question.maximum is not None and number > question.maximum:
        raise ValueError(
            _("%(number)s is more than the largest allowed, %(maximum)s")
            % {"number": isolate_number(number), "maximum": isolate_number(question.maximum)}
        )
    return number


def _date(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, date):
        return ApproxDate.exact(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return ApproxDate.parse(str(raw))  # a year; 1300 to 1420 is a Solar Hijri one
    if isinstance(raw, str):
        return ApproxDate.parse(raw)
    raise ValueError(
        _("expected a date, got %(value)s: %(how)s") % {"value": _show(raw), "how": how_to_write()}
    )


def _text(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, str):
        raise ValueError(_("expected text, got %(value)s") % {"value": _show(raw)})
    text = raw.strip()
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise ValueError(_("the text holds control characters"))
    if len(text) > question.max_length:
        raise ValueError(
            _("the text is longer than %(count)s characters")
            % {"count": isolate_number(question.max_length)}
        )
    return text


def _country(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, str) and raw.strip().upper() in COUNTRY_CODES:
        return raw.strip().upper()
    raise ValueError(
        _("%(value)s is not a two-letter country code such as %(example)s")
        % {"value": _show(raw), "example": isolate("PK")}
    )


def _group(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
        raise ValueError(_("expected a list of entries, got %(value)s") % {"value": _show(raw)})
    fields = {inner.id: inner for inner in question.questions}
    items: list[Item] = []
    for number, entry in enumerate(raw, start=1):
        item: Item = {}
        for key, value in entry.items():
            shown = {"number": isolate_number(number), "field": isolate(key)}
            if key not in fields:
                raise ValueError(_("entry %(number)s has an unknown field %(field)s") % shown)
            where = _("%(question)s, entry %(number)s, “%(field)s”") % {
                "question": place,
                "number": isolate_number(number),
                "field": _(fields[key].text),
            }
            item[key] = parse_answer(fields[key], value, where)
        items.append(item)
    return tuple(items)


def _show(raw: object) -> str:
    """The value as given, shortened and isolated (it may be Latin in a Pashto sentence)."""
    text = repr(raw)
    return isolate(text if len(text) <= 40 else text[:37] + "...")


_PARSERS: dict[QuestionType, Callable[[Question, object, str], Answer]] = {
    QuestionType.YES_NO: _yes_no,
    QuestionType.SINGLE_CHOICE: _single,
    QuestionType.MULTI_CHOICE: _multi,
    QuestionType.NUMBER: _number,
    QuestionType.DATE: _date,
    QuestionType.TEXT: _text,
    QuestionType.COUNTRY: _country,
    QuestionType.GROUP: _group,
}
