"""Answers are checked against their question's type, with a message saying what is wrong."""

from __future__ import annotations

import re

import pytest

from forms.answers import Special
from forms.dates import ApproxDate
from forms.errors import AnswersError
from forms.questions import Question
from forms.validation import parse_answer
from i18n.bidi import FSI, PDI, strip_isolates
from i18n.runtime import current_language, set_language
from pathways.engine import default_engine


def question(kind: str, **extra: object) -> Question:
    data: dict[str, object] = {"id": "q", "type": kind, "text": "Which?", **extra}
    if kind in ("single_choice", "multi_choice"):
        data["choices"] = [{"value": "a", "text": "A"}, {"value": "b", "text": "B"}]
    if kind == "group":
        data["questions"] = [{"id": "inner", "type": "number", "text": "How many?"}]
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


WRONG = [
    ("yes_no", "maybe", "expected yes or no"),
    ("single_choice", "c", "is not one of the choices (A; B)"),
    ("multi_choice", "a", "expected a list"),
    ("number", "twelve", "is not a number"),
    ("number", True, "expected a number"),
    ("number", "nan", "is not a number"),
    ("date", "2010-13-01", "does not exist"),
    ("date", "yesterday", "is not a date"),
    ("text", "a\x00b", "control characters"),
    ("country", "Pakistan", "two-letter country code"),
    ("group", [{"other": 1}], "unknown field other"),
    ("group", [{"inner": "x"}], "“Which?”, entry 1, “How many?”"),
]


@pytest.mark.parametrize(("kind", "raw", "message"), WRONG)
def test_wrong_answers_say_what_and_where(kind: str, raw: object, message: str) -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answer(question(kind), raw)
    said = strip_isolates(caught.value.message)
    assert message in said
    assert "“Which?”" in said, "the question is named by its text"
    assert strip_isolates(caught.value.reason) in said


def real_question(kind: str) -> Question:
    """The first question of this type in the shipped questionnaire (its text translated)."""
    questionnaire = default_engine().questionnaire
    every = [*questionnaire.by_id.values()]
    every += [inner for q in every for inner in q.questions]
    found = next((q for q in every if q.type.value == kind), None)
    if found is None:  # no such question ships (numbers, text): one with a translated text
        return question(kind, text=every[0].text)
    return found


@pytest.mark.parametrize("language", ["fa_AF", "ps"])
@pytest.mark.parametrize(("kind", "raw", "message"), WRONG)
def test_wrong_answers_are_told_in_dari_and_pashto(
    language: str, kind: str, raw: object, message: str
) -> None:
    """Every message of a bad answer is in the person's language: no English word, no
    question id; Latin only inside isolated values (what they typed, "yes", a code such as
    PK), and numbers in Persian digits."""
    asked = real_question(kind)
    if kind == "group" and raw != [{"other": 1}]:  # a bad date in the shipped group's entry
        field = next(inner for inner in asked.questions if inner.type.value == "date")
        raw = [{field.id: "x"}]
    previous = current_language()
    set_language(language)
    try:
        with pytest.raises(AnswersError) as caught:
            parse_answer(asked, raw)
    finally:
        set_language(previous)
    for said in (caught.value.message, caught.value.reason):
        prose = re.sub(f"{FSI}[^{PDI}]*{PDI}", "", said)
        assert not re.search("[A-Za-z]", prose), (language, kind, said)
        assert not re.search("[0-9]", prose), (language, kind, said)
        assert re.search("[\u0600-\u06ff]", prose)
    assert asked.id not in strip_isolates(caught.value.message)


def test_a_date_error_shows_examples_in_the_persons_digits_and_calendar() -> None:
    previous = current_language()
    set_language("fa_AF")
    try:
        with pytest.raises(AnswersError) as caught:
            parse_answer(question("date"), "yesterday")
    finally:
        set_language(previous)
    said = strip_isolates(caught.value.reason)
    assert "۲۰۱۰-۰۳-۰۱" in said and "۱۳۸۸-۱۲-۱۰ هـ ش" in said
    assert parse_answer(question("date"), "۱۳۸۸-۱۲-۱۰ هـ ش") == ApproxDate.of(
        1388, 12, 10, "solar_hijri"
    ), "the example it shows is one it accepts"


def test_number_limits() -> None:
    with pytest.raises(AnswersError) as caught:
        parse_answer(question("number", minimum=0), "-1")
    assert "less than the smallest allowed, 0" in strip_isolates(caught.value.message)


def test_a_bidi_override_in_text_is_kept_as_data_not_obeyed() -> None:
    hostile = "\u202eevil\u202c name"
    assert parse_answer(question("text"), hostile) == hostile
