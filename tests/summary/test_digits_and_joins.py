"""The Dari and Pashto summaries, in full (appendix included), for the three people of
tests/data: one digit system (Persian digits everywhere but in addresses and identifiers
such as I-730) and sentences joined without doubled punctuation (".;", "?.", ".).")."""

from __future__ import annotations

import re
from datetime import date

import pytest

from forms.answers_file import interview_from_answers, read_answers_file
from i18n.bidi import FSI, PDI, strip_isolates
from pathways.engine import default_engine
from summary.builder import build_summary
from summary.options import Detail, SummaryOptions
from tests.summary.real_summary import ROOT, document_text

PEOPLE = ("journalist_pk", "all_unknown", "siv_interpreter")
DOUBLED = re.compile(r"[.!?؟۔][ \t]*[.;,؛،](?=\s|$)|\.\)\.")


def summary_text(person: str, language: str, detail: Detail) -> str:
    engine = default_engine()
    raw = read_answers_file(ROOT / "tests" / "data" / f"{person}.json")
    screening = engine.screen(interview_from_answers(engine.questionnaire, raw, date(2026, 11, 23)))
    options = SummaryOptions(language=language, detail=detail)
    return document_text(build_summary(screening, engine, options))


def prose(text: str) -> str:
    """The text without its isolated values (an official English name, a URL, an id), which
    are printed as they are written elsewhere."""
    return re.sub(f"{FSI}[^{FSI}{PDI}]*{PDI}", "", text)


def latin_digits(text: str) -> list[str]:
    """Words holding a Latin digit that are neither an address nor an identifier."""
    return [
        word
        for word in text.split()
        if re.search("[0-9]", word)
        and not re.search("[A-Za-z]", word)  # I-730, DS-4317, KBL-2026/0042, d88103b9
        and "://" not in word
        and "@" not in word
    ]


@pytest.mark.parametrize("language", ["fa_AF", "ps"])
@pytest.mark.parametrize("person", PEOPLE)
def test_one_digit_system_and_no_doubled_punctuation(person: str, language: str) -> None:
    for detail in (Detail.SUMMARY, Detail.FULL):
        text = summary_text(person, language, detail)
        assert latin_digits(prose(text)) == [], (person, language, detail)
        text = strip_isolates(text)
        assert not DOUBLED.findall(text), [
            text[max(0, m.start() - 40) : m.end() + 10] for m in DOUBLED.finditer(text)
        ][:5]


def test_english_keeps_latin_digits() -> None:
    text = strip_isolates(summary_text("journalist_pk", "en", Detail.SUMMARY))
    assert "2026" in text and "۲" not in text
