"""Dates entered in the Solar Hijri calendar, as on a tazkira, and what tests make of them."""

from __future__ import annotations

from datetime import date

import pytest

from forms.answers import Answer, answer_to_json
from forms.conditions import Tri
from forms.dates import ApproxDate
from forms.errors import AnswersError
from forms.questions import Question
from forms.validation import parse_answer
from tests.forms.test_conditions import run


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("1390-05-12 SH", date(2011, 8, 3), date(2011, 8, 3)),
        ("هـ ش 1390/05/12", date(2011, 8, 3), date(2011, 8, 3)),
        ("۱۳۹۰/۰۵/۱۲ ه.ش", date(2011, 8, 3), date(2011, 8, 3)),
        ("١٣٩٠-٥-١٢ هجری شمسی", date(2011, 8, 3), date(2011, 8, 3)),
        ("1390-05 SH", date(2011, 7, 23), date(2011, 8, 22)),
        ("SH 1390-12", date(2012, 2, 20), date(2012, 3, 19)),
        ("1390 sh", date(2011, 3, 21), date(2012, 3, 19)),
        ("1390", date(2011, 3, 21), date(2012, 3, 19)),
        ("۱۳۹۰", date(2011, 3, 21), date(2012, 3, 19)),
        ("1390 لمریز", date(2011, 3, 21), date(2012, 3, 19)),
        ("1403-12-30", date(2025, 3, 20), date(2025, 3, 20)),
        ("2011 م", date(2011, 1, 1), date(2011, 12, 31)),
    ],
)
def test_solar_hijri_entries_cover_their_gregorian_days(
    text: str, earliest: date, latest: date
) -> None:
    parsed = ApproxDate.parse(text)
    assert (parsed.earliest, parsed.latest) == (earliest, latest)


@pytest.mark.parametrize(
    ("text", "stored"),
    [
        ("1390-05-12 SH", "1390-05-12 SH"),
        ("هـ ش ۱۳۹۰/۵", "1390-05 SH"),
        ("1390", "1390 SH"),
        ("2011-03", "2011-03"),
    ],
)
def test_the_stored_form_keeps_the_calendar_and_reads_back(text: str, stored: str) -> None:
    parsed = ApproxDate.parse(text)
    assert parsed.iso() == stored
    assert answer_to_json(parsed) == stored
    assert ApproxDate.parse(stored) == parsed


@pytest.mark.parametrize(
    "text", ["1404-12-30", "1390-13", "2011 SH", "SH 1390 SH", "1250", "1390-05-12 AD", "12/5/1390"]
)
def test_impossible_solar_hijri_dates_say_how_to_write_one(text: str) -> None:
    with pytest.raises(ValueError, match="1388-12-10 SH"):
        ApproxDate.parse(text)


def test_a_solar_hijri_year_straddles_exactly_its_gregorian_days() -> None:
    """1390 SH is 21 March 2011 – 19 March 2012: inside is unknown, the edges are exact."""
    year: dict[str, Answer] = {"d": ApproxDate.parse("1390")}
    assert run({"fact": "d", "before": date.fromisoformat("2012-01-01")}, year) is Tri.UNKNOWN
    assert run({"fact": "d", "before": date.fromisoformat("2012-03-20")}, year) is Tri.TRUE
    assert run({"fact": "d", "before": date.fromisoformat("2012-03-19")}, year) is Tri.UNKNOWN
    assert run({"fact": "d", "on_or_after": date.fromisoformat("2011-03-21")}, year) is Tri.TRUE
    assert run({"fact": "d", "on_or_after": date.fromisoformat("2011-03-22")}, year) is Tri.UNKNOWN
    day: dict[str, Answer] = {"d": ApproxDate.parse("1390-12-29 SH")}
    assert run({"fact": "d", "before": date.fromisoformat("2012-03-20")}, day) is Tri.TRUE


def test_answers_take_solar_hijri_dates_and_years_as_numbers() -> None:
    question = Question.model_validate({"id": "d", "type": "date", "text": "When?"})
    assert parse_answer(question, "1390-05-12 SH") == ApproxDate.of(1390, 5, 12, "solar_hijri")
    assert parse_answer(question, 1390) == ApproxDate.of(1390, calendar="solar_hijri")
    assert parse_answer(question, 2011) == ApproxDate.of(2011)
    with pytest.raises(AnswersError, match="Solar Hijri"):
        parse_answer(question, "next year")
