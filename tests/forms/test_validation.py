"""Answers are checked against their question's type, with a message saying what is wrong."""

from __future__ import annotations

import pytest

from forms.answers import Special
from forms.dates import ApproxDate
from forms.errors import AnswersError
from forms.questions import Question
from forms.validation import parse_answer


def question(kind: str, **extra: object) -> Question:
    data: dict[str, object] = {"id": "q", "type": kind, "text": "?", **extra}
    if kind in ("single_choice", "multi_choice"):
        data["choices"] = [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}]
    if kind == "group":
        data["questions"] = [{"id": "inner", "type": "number", "text": "?"}]
    return Question.model_validate(data)


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("yes_no", True, True),
        ("yes_no", "no", False),
        ("single_choice", "b", "b"),
        ("multi_choice", ["b", "a"], ("a", "b")),
        ("multi_choice", [], ()),
        ("number", "۱۴", 14.0),
        ("number", "٣٫٥", 3.5),
        ("number", 7, 7.0),
        ("date", "۲۰۱۱", ApproxDate(year=2011)),
        ("date", "2010-03", ApproxDate(year=2010, month=3)),
        ("text", "  کابل\u200cجان  ", "کابل\u200cجان"),
        ("country", "pk", "PK"),
        ("group", [{"inner": "۵"}], ({"inner": 5.0},)),
    ],
)
def test_valid_answers_are_typed(kind: str, raw: object, expected: object) -> None:
    assert parse_answer(question(kind), raw) == expected


@pytest.mark.parametrize("kind", ["yes_no", "single_choice", "number", "date", "country", "group"])
@pytest.mark.parametrize("special", ["unknown", "prefer_not_to_say"])
def test_every_question_accepts_dont_know_and_prefer_not_to_say(kind: str, special: str) -> None:
    assert parse_answer(question(kind), special) is Special(special)


@pytest.mark.parametrize(
    ("kind", "raw", "message"),
    [
        ("yes_no", "maybe", "expected yes or no"),
        ("single_choice", "c", "is not one of the choices (a, b)"),
        ("multi_choice", "a", "expected a list"),
        ("number", "twelve", "is not a number"),
        ("number", True, "expected a number"),
        ("number", "nan", "is not a number"),
        ("date", "2010-13-01", "does not exist"),
        ("date", "yesterday", "is not a date"),
        ("text", "a\x00b", "control characters"),
        ("country", "Pakistan", "two-letter country code"),
        ("group", [{"other": 1}], "unknown field 'other'"),
        ("group", [{"inner": "x"}], "entry 1, 'inner'"),
    ],
)
def test_wrong_answers_say_what_and_where(kind: str, raw: object, message: str) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answer(question(kind), raw)
    assert message in caught.value.message
    assert "'q'" in caught.value.message


def test_number_limits() -> None:
    with pytest.raises(AnswersError, match="less than the smallest allowed, 0"):
        parse_answer(question("number", minimum=0), "-1")


def test_a_bidi_override_in_text_is_kept_as_data_not_obeyed() -> None:
    hostile = "\u202eevil\u202c name"
    assert parse_answer(question("text"), hostile) == hostile
