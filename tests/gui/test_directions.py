"""Every paragraph of the results runs in the interface's direction, whatever its first letter:
Qt guesses a plain text's direction from its first strong character, so "UNHCR …" or
"ARAP …" would otherwise be laid out left to right in a Dari window."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from forms.answers_file import interview_from_answers, read_answers_file
from gui.labels import plain_label
from gui.results_page import ResultsPage
from i18n.runtime import set_language
from pathways.engine import default_engine
from tests.gui.gui_driver import TODAY

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def dari() -> Iterator[None]:
    set_language("fa_AF")
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    set_language("en")
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def runs_right_to_left(paragraph: str) -> bool:
    """The direction the Unicode bidi algorithm (and Qt) gives a paragraph: its first strong
    character's (RLM counts as one)."""
    for ch in paragraph:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return True  # no strong letter: the interface's direction


def test_a_paragraph_starting_with_latin_runs_right_to_left_in_dari(
    qtbot: QtBot, dari: None
) -> None:
    label = plain_label("UNHCR ممکن است شما را معرفی کند.\nARAP بسته است.")
    qtbot.addWidget(label)
    shown = QLabel.text(label)  # what Qt lays out, marks included
    assert all(runs_right_to_left(line) for line in shown.split("\n"))
    assert label.text() == "UNHCR ممکن است شما را معرفی کند.\nARAP بسته است."


def test_every_results_label_runs_right_to_left_in_dari(qtbot: QtBot, dari: None) -> None:
    engine = default_engine()
    raw = read_answers_file(DATA / "all_unknown.json")
    screening = engine.screen(interview_from_answers(engine.questionnaire, raw, TODAY), "fa_AF")
    page = ResultsPage(screening, engine, "fa_AF", None)
    qtbot.addWidget(page)
    pages = [page.plan.act_now[0].pathway, "us.siv"]
    checked = 0
    for pathway in [None, *pages]:
        if pathway is not None:
            page.show_detail(pathway)
        for label in page.findChildren(QLabel):
            shown = QLabel.text(label)
            for line in filter(None, shown.split("\n")):
                assert runs_right_to_left(line), (pathway, line)
                checked += 1
    assert checked > 40
