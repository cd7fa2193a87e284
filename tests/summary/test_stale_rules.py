"""PDF page 1 names the rules release and, when the rules were last checked more than 90 days
before the screening, says so in one line with the date."""

from __future__ import annotations

from datetime import date

import pytest

from pathways.engine import default_engine
from summary.export import render_summary
from summary.options import SummaryOptions
from tests.summary.real_summary import TODAY, page_texts, screening


def first_page(today: date) -> str:
    engine = default_engine()
    data, _pages = render_summary(
        screening(engine, today=today), engine, SummaryOptions(language="en")
    )
    return " ".join(page_texts(data)[0].split())


@pytest.mark.parametrize(("today", "stale"), [(TODAY, False), (date(2027, 2, 22), True)])
def test_page_one_warns_when_the_rules_are_old(today: date, stale: bool) -> None:
    text = first_page(today)
    assert "2026.12.1" in text
    assert ("more than 90 days ago" in text) is stale
    if stale:
        assert "last checked on 23 November 2026" in text
