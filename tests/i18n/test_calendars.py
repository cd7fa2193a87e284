"""Solar Hijri conversion (jdatetime), Afghan month names, and dates in each language."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from babel.dates import get_month_names

from forms.dates import ApproxDate
from i18n.bidi import FSI, PDI, isolate, strip_isolates
from i18n.calendars import (
    SOLAR_HIJRI_MONTHS,
    format_approx_date,
    format_date,
    format_solar_hijri,
    from_solar_hijri,
    gregorian_month_names,
    solar_hijri_year_span,
    to_solar_hijri,
)
from i18n.numerals import format_number, native_digits

SH_YEARS = range(1300, 1421)


@pytest.mark.parametrize("year", SH_YEARS)
def test_nowruz_and_the_day_before_round_trip(year: int) -> None:
    """1 Hamal (Nowruz) of every year 1300–1420, and the last day of the year before."""
    nowruz = from_solar_hijri(year, 1, 1)
    assert nowruz.month == 3 and nowruz.day in (20, 21, 22)
    assert to_solar_hijri(nowruz) == (year, 1, 1)
    eve = nowruz - timedelta(days=1)
    last_year, month, day = to_solar_hijri(eve)
    assert (last_year, month) == (year - 1, 12) and day in (29, 30)
    assert from_solar_hijri(last_year, month, day) == eve


def test_known_days() -> None:
    assert to_solar_hijri(date(2025, 7, 1)) == (1404, 4, 10)
    assert from_solar_hijri(1390, 5, 12) == date(2011, 8, 3)
    assert from_solar_hijri(1403, 12, 30) == date(2025, 3, 20)  # 1403 is a leap year
    assert solar_hijri_year_span(1390) == (date(2011, 3, 21), date(2012, 3, 19))
    with pytest.raises(ValueError, match="not a Solar Hijri day"):
        from_solar_hijri(1404, 12, 30)
    with pytest.raises(ValueError):
        from_solar_hijri(1404, 13, 1)


def test_the_months_are_the_afghan_ones_not_the_iranian_ones() -> None:
    assert SOLAR_HIJRI_MONTHS["fa_AF"][0] == "حمل" and SOLAR_HIJRI_MONTHS["fa_AF"][11] == "حوت"
    assert SOLAR_HIJRI_MONTHS["ps"][0] == "وری" and SOLAR_HIJRI_MONTHS["ps"][3] == "چنګاښ"
    for names in SOLAR_HIJRI_MONTHS.values():
        assert len(names) == 12 and "فروردین" not in names


def test_gregorian_month_names_are_babels_afghan_forms() -> None:
    assert gregorian_month_names("fa_AF")[0] == "جنوری"
    assert gregorian_month_names("ps")[0] == "جنوري"
    assert gregorian_month_names("fa_AF")[0] != get_month_names("wide", locale="fa")[1]
    assert gregorian_month_names("en")[6] == "July"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 July 2025"),
        ("fa_AF", "۱ جولای ۲۰۲۵ (۱۰ سرطان ۱۴۰۴)"),
        ("ps", "۱ جولای ۲۰۲۵ (۱۰ چنګاښ ۱۴۰۴)"),
        ("pseudo", "1 July 2025"),
    ],
)
def test_format_date(language: str, expected: str) -> None:
    assert format_date(date(2025, 7, 1), language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("2010", "en", "2010"),
        ("2010", "fa_AF", "۲۰۱۰ (۱۳۸۸–۱۳۸۹)"),
        ("2025-07", "en", "July 2025"),
        ("2025-07", "fa_AF", "جولای ۲۰۲۵ (سرطان–اسد ۱۴۰۴)"),
        ("2011-03", "ps", "مارچ ۲۰۱۱ (کب ۱۳۸۹ – وری ۱۳۹۰)"),
        ("2025-07-01", "ps", "۱ جولای ۲۰۲۵ (۱۰ چنګاښ ۱۴۰۴)"),
        ("1390", "en", "21 March 2011 – 19 March 2012 (1390 SH)"),
        ("1390", "fa_AF", "۲۱ مارچ ۲۰۱۱ – ۱۹ مارچ ۲۰۱۲ (۱۳۹۰)"),
        ("1390-05 SH", "en", "23 July – 22 August 2011 (Asad 1390)"),
        ("1390-05 SH", "fa_AF", "۲۳ جولای – ۲۲ اگست ۲۰۱۱ (اسد ۱۳۹۰)"),
        ("1390-05-12 SH", "en", "3 August 2011 (12 Asad 1390)"),
        ("1390-05-12 SH", "ps", "۳ اګست ۲۰۱۱ (۱۲ زمری ۱۳۹۰)"),
    ],
)
def test_format_approx_date(text: str, language: str, expected: str) -> None:
    assert format_approx_date(ApproxDate.parse(text), language) == expected


def test_solar_hijri_alone() -> None:
    assert format_solar_hijri(date(2025, 7, 1), "en") == "10 Saratan 1404"
    assert format_solar_hijri(date(2025, 7, 1), "fa_AF") == "۱۰ سرطان ۱۴۰۴"


def test_native_digits_and_numbers() -> None:
    assert native_digits("2025-07", "fa_AF") == "۲۰۲۵-۰۷"
    assert native_digits(12, "ps") == "۱۲"
    assert native_digits("2025", "en") == "2025"
    assert native_digits("2025", "pseudo") == "2025"
    assert format_number(12.0, "fa_AF") == "۱۲"
    assert format_number(1234.5, "ps") == "۱٬۲۳۴٫۵"
    assert format_number(1234.5, "en") == "1,234.5"


def test_isolates_are_qt_free_and_shared_with_the_window() -> None:
    import gui.bidi

    assert isolate("SIV") == f"{FSI}SIV{PDI}"
    assert strip_isolates(isolate("us.siv")) == "us.siv"
    assert gui.bidi.isolate is isolate
