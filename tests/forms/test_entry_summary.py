"""Each group entry summed up by its key facts, in the reader's language."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from forms.answers import Item
from forms.entry_summary import entry_summary
from forms.questionnaire import load_questionnaire
from forms.validation import parse_answer
from i18n.bidi import strip_isolates
from i18n.runtime import translations

QUESTIONNAIRE = load_questionnaire()


def summary(group: str, raw: Mapping[str, object], language: str = "en") -> str:
    question = QUESTIONNAIRE.question(group)
    fields = QUESTIONNAIRE.groups[group]
    item: Item = {key: parse_answer(fields[key], value) for key, value in raw.items()}
    catalog = translations(language)
    return strip_isolates(
        entry_summary(question, item, language, catalog.gettext, catalog.ngettext)
    )


JOB = {"employer_type": "us_gov_direct", "employer_role": "interpreter"}


@pytest.mark.parametrize(
    ("dates", "expected"),
    [
        ({"employer_start": "2009-03", "employer_ongoing": False, "employer_end": "2012-06"},
         "Mar 2009 – Jun 2012"),
        ({"employer_start": "2019", "employer_ongoing": True}, "since 2019"),
        ({"employer_start": "unknown", "employer_months": 18}, "about 18 months"),
        ({"employer_start": "2010", "employer_ongoing": False, "employer_end": "unknown",
          "employer_months": 1}, "from 2010 (about 1 month)"),
        ({"employer_start": "1388 SH", "employer_ongoing": False, "employer_end": "1390-05 SH"},
         "1388 SH – Asad 1390"),
    ],
)  # fmt: skip
def test_a_job_reads_role_employer_and_dates(dates: dict[str, object], expected: str) -> None:
    assert summary("employers", {**JOB, **dates}) == (
        f"Interpreter · US government or military · {expected}"
    )


def test_a_family_member_reads_relationship_and_birth_year() -> None:
    assert summary(
        "family_members", {"member_relationship": "child", "member_birth_date": "2017-05-02"}
    ) == ("Son or daughter · born 2 May 2017")
    assert summary(
        "family_members", {"member_relationship": "spouse", "member_birth_date": "1985"}
    ) == ("Husband or wife · born 1985")


def test_a_relative_abroad_reads_relationship_country_and_status() -> None:
    raw = {"relative_country": "ca", "relative_relationship": "sibling",
           "relative_status": "permanent_resident"}  # fmt: skip
    assert summary("relatives_abroad", raw) == "Brother or sister · Canada · Permanent resident"


def test_a_name_or_initials_given_tells_two_children_apart() -> None:
    raw = {"member_relationship": "child", "member_name": "زهرا", "member_birth_date": "2017"}
    assert summary("family_members", raw) == "Son or daughter · زهرا · born 2017"
    refused = dict(raw, member_name="prefer_not_to_say")
    assert summary("family_members", refused) == "Son or daughter · born 2017"


def test_a_summary_without_sensitive_answers_leaves_the_name_out() -> None:
    group = QUESTIONNAIRE.question("family_members")
    item: Item = {"member_relationship": "child", "member_name": "Zahra"}
    text = entry_summary(group, item, "en", str, ngettext_en, sensitive=False)
    assert text == "Son or daughter"


def ngettext_en(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


def test_unknown_facts_are_left_out_never_invented() -> None:
    assert (
        summary(
            "family_members", {"member_relationship": "unknown", "member_birth_date": "unknown"}
        )
        == ""
    )


@pytest.mark.parametrize("language", ["fa_AF", "ps"])
def test_summaries_are_translated_with_native_digits(language: str) -> None:
    text = summary(
        "employers", {**JOB, "employer_start": "2019", "employer_ongoing": True}, language
    )
    assert "Interpreter" not in text and "since" not in text
    assert "۲۰۱۹" in text
