"""Every string a person sees goes through the catalog.

Two runs of the same walk (start page, every question page on the way, the entry dialogs, the
review, the results with every route's card, and the text report):

- in the pseudo-locale, where everything that went through `_()` is bracketed ⟦‏…‏⟧: whatever
  Latin text is left outside the brackets and outside isolated values (ids, URLs, numbers) was
  never translated — a hard-coded string;
- in Pashto, where a displayed string that is still an English source string although the
  catalog translates it is a leak. (Meaningful once the Pashto translations are merged.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from cli.text_report import render_text
from forms.questionnaire import load_questionnaire
from forms.questions import Question, QuestionType
from gui.answer_field import AnswerField
from gui.answer_widgets import CountryInput, basic_input
from gui.countries import country_names
from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from i18n.bidi import FSI, PDI
from i18n.runtime import (
    CATALOG_FOLDER,
    PSEUDO_CLOSE,
    PSEUDO_OPEN,
    _,
    pseudo_text,
    set_language,
    text_direction,
)
from tests.gui.case_driver import PASSPHRASE, WAIT_MS, CaseDriver
from tests.gui.gui_driver import core_screening, reset_language
from tests.gui.personas import INTERPRETER

ROOT = Path(__file__).resolve().parents[2]
# Shown as they are on purpose: the language names, each in its own language; the app's name.
NOT_TRANSLATED = {"English", "Masir"}
# Country names come from babel's locale data (localized there), not from the catalog.
COUNTRY_NAMES = frozenset(country_names("en").values())
FAMILY = {
    **INTERPRETER,
    "marital_status": "married",
    "family_members": [{"member_relationship": "spouse"}, {"member_relationship": "child"}],
}


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def widget_texts(root: QWidget) -> list[str]:
    """What the widgets under `root` show or tell a screen reader."""
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QComboBox) and not isinstance(widget.parent(), CountryInput):
            # country names come from babel's locale data, not the catalog
            texts += [widget.itemText(index) for index in range(widget.count())]
        elif isinstance(widget, QListWidget):
            texts += [widget.item(index).text() for index in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts += [
                str(model.headerData(column, Qt.Orientation.Horizontal))
                for column in range(model.columnCount())
            ]
            texts += [
                str(model.index(row, column).data())
                for row in range(model.rowCount())
                for column in range(model.columnCount())
            ]
        texts += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
    return [text for text in texts if text.strip() and text not in COUNTRY_NAMES]


_INNERMOST = re.compile(
    rf"{re.escape(PSEUDO_OPEN)}[^⟦⟧]*{re.escape(PSEUDO_CLOSE)}|{FSI}[^{FSI}{PDI}]*{PDI}"
)


def untranslated_words(text: str) -> list[str]:
    """Latin words outside pseudo brackets and isolated values."""
    while True:
        shorter = _INNERMOST.sub(" ", text)
        if shorter == text:
            break
        text = shorter
    return [word for word in re.findall(r"[A-Za-z]{2,}", text) if word not in NOT_TRANSLATED]


def every_question() -> Iterator[Question]:
    for question in load_questionnaire().questions():
        yield question
        yield from question.questions


def question_field_texts(qtbot: QtBot, language: str) -> list[str]:
    """Each question as its field shows it: text, help, caseworker note, choices, hints."""
    texts: list[str] = []
    for question in every_question():
        if question.type is QuestionType.GROUP:
            continue  # its page is walked; its inner questions are fields of their own here
        field = AnswerField(question, basic_input(question, language), caseworker=True)
        qtbot.addWidget(field)
        texts += widget_texts(field)
        field.deleteLater()
    return texts


def walked_texts(qtbot: QtBot, language: str, spec: dict[str, Any]) -> list[str]:
    """The window's texts, page by page, through a whole interview to every route's card."""
    driver = CaseDriver(qtbot, language)
    texts = widget_texts(driver.window)
    driver.checks.append(lambda root: texts.extend(widget_texts(root)))
    driver.start(caseworker=True)
    texts += widget_texts(driver.window)  # the page that creates the store's passphrase
    driver.type_passphrase(PASSPHRASE, twice=True)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    texts += widget_texts(driver.window)  # the case list
    driver.new_case()
    driver.walk(spec)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    texts += widget_texts(driver.window)
    driver.click(review.results_button)
    results = driver.window.page
    assert isinstance(results, ResultsPage)
    texts += widget_texts(driver.window)
    driver.click(results.all_filter)
    texts += widget_texts(driver.window)
    for result in results.screening.results:  # every route's detail, opened one by one
        results.show_detail(result.pathway)
        qtbot.waitUntil(lambda: results.card is not None and results.card.isVisible())
        texts += widget_texts(driver.window)
    return texts


def report_lines(language: str) -> list[str]:
    set_language(language)
    screening = core_screening(FAMILY, "en" if language == "pseudo" else language)
    return render_text(screening, detail=True).splitlines()


# --- The pseudo-locale --------------------------------------------------------------------------


def test_pseudo_text_is_longer_bracketed_right_to_left_and_keeps_placeholders() -> None:
    assert pseudo_text("Next") == f"{PSEUDO_OPEN}Ñéxt ~~{PSEUDO_CLOSE}"
    shown = pseudo_text("Family member %(number)s: {name} https://www.gov.uk/x")
    assert "%(number)s" in shown and "{name}" in shown and "https://www.gov.uk/x" in shown
    assert len(pseudo_text("A longer sentence here")) > len("A longer sentence here") * 1.3
    assert pseudo_text(pseudo_text("Next")) == pseudo_text("Next")


def test_pseudo_language_formats_and_runs_right_to_left() -> None:
    set_language("pseudo")
    assert _("Question %(number)s of %(total)s") % {"number": 1, "total": 2} == (
        f"{PSEUDO_OPEN}Qüéstîöñ 1 öf 2 ~~~~~~~~~~{PSEUDO_CLOSE}"
    )
    assert text_direction("en") == "rtl"
    set_language("en")
    assert _("Next") == "Next" and text_direction("en") == "ltr"


def test_masir_pseudo_environment_variable_turns_it_on() -> None:
    code = "from i18n.runtime import _, set_language; set_language('ps'); print(_('Next'))"
    env = {**os.environ, "MASIR_PSEUDO": "1", "PYTHONPATH": str(ROOT)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith(PSEUDO_OPEN)


def test_every_question_field_goes_through_the_catalog_pseudo(qtbot: QtBot) -> None:
    set_language("pseudo")
    leaks = {
        text: words
        for text in question_field_texts(qtbot, "en")
        if (words := untranslated_words(text))
    }
    assert not leaks, f"hard-coded strings in question fields: {leaks}"


def test_the_leak_finder_sees_hard_coded_text() -> None:
    assert untranslated_words(f"Hello {pseudo_text('Next')} {FSI}us.siv{PDI}") == ["Hello"]
    assert untranslated_words(pseudo_text(f"Status: {pseudo_text('Open')} since")) == []


def test_every_window_page_goes_through_the_catalog_pseudo(qtbot: QtBot) -> None:
    texts = walked_texts(qtbot, "pseudo", FAMILY)
    set_language("pseudo")
    for expected in ("Your family", "What the rules ask", "Check your answers", "Next steps"):
        assert pseudo_text(expected) in texts, f"the walk did not reach {expected!r}"
    leaks = {text: words for text in texts if (words := untranslated_words(text))}
    assert not leaks, f"hard-coded strings in the window: {leaks}"


def test_the_text_report_goes_through_the_catalog_pseudo() -> None:
    leaks = {line: words for line in report_lines("pseudo") if (words := untranslated_words(line))}
    assert not leaks, f"hard-coded strings in the text report: {leaks}"


# --- Pashto: no English source string shown where a translation exists --------------------------


@cache
def translated(language: str) -> dict[str, str]:
    """English msgid -> translation, for the messages the catalog really translates."""
    path = CATALOG_FOLDER / language / "LC_MESSAGES" / "masir.po"
    with path.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    return {
        message.id: message.string
        for message in catalog
        if isinstance(message.id, str)
        and isinstance(message.string, str)
        and message.id
        and message.string not in ("", message.id)
        and not message.fuzzy
    }


# A source reference ("[S15] <title of the official page> …"): its title stays in the page's own
# language on purpose, so a reader can find the page; it is not a leak.
SOURCE_LINE = re.compile(rf"^\s*\[{FSI}?[A-Za-z0-9.]+{PDI}?\]")


def english_leaks(texts: list[str], language: str) -> dict[str, str]:
    """Displayed text holding an English msgid that the catalog translates."""
    sources = translated(language)
    long_ids = [msgid for msgid in sources if " " in msgid.strip() and len(msgid) >= 12]
    leaks: dict[str, str] = {}
    for text in texts:
        if SOURCE_LINE.match(text):
            continue
        plain = re.sub(f"{FSI}[^{PDI}]*{PDI}", " ", text)
        lines = {line.strip(" •-:[]✓✗?⚑") for line in plain.splitlines()}
        for line in lines & set(sources):
            leaks[text[:80]] = line
        for msgid in long_ids:
            if msgid in plain:
                leaks[text[:80]] = msgid
    return leaks


def test_pashto_window_shows_no_english_source_string(qtbot: QtBot) -> None:
    set_language("ps")
    texts = question_field_texts(qtbot, "ps")
    texts += walked_texts(qtbot, "ps", FAMILY)
    leaks = english_leaks(texts, "ps")
    assert not leaks, f"English shown in Pashto although translated: {leaks}"


def test_pashto_text_report_shows_no_english_source_string() -> None:
    leaks = english_leaks(report_lines("ps"), "ps")
    assert not leaks, f"English in the Pashto text report although translated: {leaks}"
