"""Checking one answer against its question's type, with a message a person can act on."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date

from babel import Locale

from forms.answers import Answer, Item, Special
from forms.dates import HOW_TO_WRITE, ApproxDate
from forms.digits import to_ascii_digits
from forms.errors import AnswersError
from forms.questions import Question, QuestionType

_YES = {"yes", "true"}
_NO = {"no", "false"}
COUNTRY_CODES = frozenset(
    code for code in map(str, Locale("en").territories) if len(code) == 2 and code.isalpha()
)


def parse_answer(question: Question, raw: object, where: str = "") -> Answer:
    """The typed answer for `raw`, or AnswersError saying what is wrong and where."""
    place = where or f"'{question.id}'"
    if isinstance(raw, Special):
        return raw
    if isinstance(raw, str) and raw in (Special.UNKNOWN.value, Special.PREFER_NOT_TO_SAY.value):
        return Special(raw)
    try:
        return _PARSERS[question.type](question, raw, place)
    except ValueError as error:
        raise AnswersError(f"answer to {place}: {error}") from None


def _yes_no(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and raw.strip().lower() in _YES | _NO:
        return raw.strip().lower() in _YES
    raise ValueError(f"expected yes or no, got {_show(raw)}")


def _single(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, str) and question.choice(raw) is not None:
        return raw
    allowed = ", ".join(choice.value for choice in question.choices)
    raise ValueError(f"{_show(raw)} is not one of the choices ({allowed})")


def _multi(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, list):
        raise ValueError(f"expected a list of choices, got {_show(raw)}")
    for value in raw:
        _single(question, value, place)
    chosen = set(raw)
    return tuple(choice.value for choice in question.choices if choice.value in chosen)


def _number(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, bool):
        raise ValueError(f"expected a number, got {_show(raw)}")
    if isinstance(raw, int | float):
        number = float(raw)
    elif isinstance(raw, str):
        try:
            number = float(to_ascii_digits(raw).strip().replace(",", ""))
        except ValueError:
            raise ValueError(f"{_show(raw)} is not a number") from None
    else:
        raise ValueError(f"expected a number, got {_show(raw)}")
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError(f"{_show(raw)} is not a number")
    if question.minimum is not None and number < question.minimum:
        raise ValueError(f"{number:g} is less than the smallest allowed, {question.minimum:g}")
    if question.maximum is not None and number > question.maximum:
        raise ValueError(f"{number:g} is more than the largest allowed, {question.maximum:g}")
    return number


def _date(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, date):
        return ApproxDate.exact(raw)
    if isinstance(raw, int) and not isinstance(raw, bool):
        return ApproxDate.parse(str(raw))  # a year; 1300 to 1420 is a Solar Hijri one
    if isinstance(raw, str):
        return ApproxDate.parse(raw)
    raise ValueError(f"expected a date, got {_show(raw)}: {HOW_TO_WRITE}")


def _text(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, str):
        raise ValueError(f"expected text, got {_show(raw)}")
    text = raw.strip()
    if any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text):
        raise ValueError("the text holds control characters")
    if len(text) > question.max_length:
        raise ValueError(f"the text is longer than {question.max_length} characters")
    return text


def _country(question: Question, raw: object, place: str) -> Answer:
    if isinstance(raw, str) and raw.strip().upper() in COUNTRY_CODES:
        return raw.strip().upper()
    raise ValueError(f"{_show(raw)} is not a two-letter country code such as PK or AF")


def _group(question: Question, raw: object, place: str) -> Answer:
    if not isinstance(raw, list) or not all(isinstance(entry, dict) for entry in raw):
        raise ValueError(f"expected a list of entries, got {_show(raw)}")
    fields = {inner.id: inner for inner in question.questions}
    items: list[Item] = []
    for number, entry in enumerate(raw, start=1):
        item: Item = {}
        for key, value in entry.items():
            if key not in fields:
                raise ValueError(f"entry {number} has an unknown field '{key}'")
            item[key] = parse_answer(fields[key], value, f"{place} entry {number}, '{key}'")
        items.append(item)
    return tuple(items)


def _show(raw: object) -> str:
    text = repr(raw)
    return text if len(text) <= 40 else text[:37] + "..."


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
