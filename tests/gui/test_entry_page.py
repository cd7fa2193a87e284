"""Family and job entries: a form of their own in the window, easy to fill and to read back.

Each test fails on the old behaviour (a fixed 820×620 dialog with a scrolling form, entries
read as "Job 1: <the whole choice text>", the review as "1 entry", "Is this person married?"
asked of a child of 9).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.group_editor import EntryForm
from gui.question_page import QuestionPage
from gui.review_page import ReviewPage
from i18n.bidi import strip_isolates
from tests.gui.gui_driver import Driver, reset_language
from tests.gui.personas import INTERPRETER, JOURNALIST

JOB = INTERPRETER["employers"][0]
JOB_LINE = "Job 1: Interpreter · US government contractor · 1 Mar 2010 – 30 Apr 2011"
NINE = {"member_relationship": "child", "member_birth_date": "2017-03"}  # 9 on TODAY


TAB = Qt.FocusPolicy.TabFocus.value


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def at_group(qtbot: QtBot, group: str, language: str = "en", spec: Any = None) -> Driver:
    driver = Driver(qtbot, language)
    driver.window.resize(1024, 600)
    driver.start()
    answers = spec or (INTERPRETER if group == "employers" else JOURNALIST)
    while driver.question_page().question.id != group:
        driver.answer_current(answers)
    return driver


def open_new_entry(driver: Driver) -> QuestionPage:
    page = driver.question_page()
    assert page.group is not None
    driver.click(page.group.add_button)
    assert page.entry_form is not None
    return page


def new_member(qtbot: QtBot, **given: str) -> tuple[Driver, QuestionPage, EntryForm]:
    """A new family member's form, with these fields filled in (in the order given)."""
    driver = at_group(qtbot, "family_members")
    page = open_new_entry(driver)
    form = page.entry_form
    assert form is not None
    for key, value in given.items():
        driver.fill(form.fields[key], value)
    return driver, page, form


def inside_window(driver: Driver, widget: QWidget) -> bool:
    top_left = widget.mapTo(driver.window, QPoint(0, 0))
    return driver.window.rect().contains(QRect(top_left, widget.size()))


def list_lines(page: QuestionPage) -> list[str]:
    assert page.group is not None
    items = page.group.list
    return [strip_isolates(items.item(row).text()) for row in range(items.count())]


@pytest.mark.parametrize("language", ["en", "fa_AF", "ps"])
def test_the_entry_is_a_page_of_the_window_that_fits_1024x600(qtbot: QtBot, language: str) -> None:
    driver = at_group(qtbot, "employers", language)
    page = open_new_entry(driver)
    form = page.entry_form
    assert form is not None and form.window() is driver.window  # not a separate dialog
    assert page.field.isHidden() and page.next_button.isHidden()
    assert driver.window.width() <= 1024 and driver.window.height() <= 600
    for control in (page.save_entry_button, page.cancel_entry_button):
        assert control.isVisible() and inside_window(driver, control)
    first = form.first_field()
    assert first.question.id == "employer_type"
    assert inside_window(driver, first.question_label)
    assert not page.scroll_area.horizontalScrollBar().isVisible()  # nothing cut off sideways
    assert form.width() <= page.scroll_area.viewport().width()


def test_the_list_and_the_review_read_each_entry_by_its_key_facts(qtbot: QtBot) -> None:
    driver = at_group(qtbot, "employers")
    page = driver.question_page()
    driver.fill(page.field, [JOB])
    assert list_lines(page) == [JOB_LINE]
    driver.click(page.next_button)
    driver.walk(INTERPRETER)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    texts = [
        strip_isolates(label.text()) for label in review.findChildren(type(page.counter_label))
    ]
    assert JOB_LINE in texts
    assert not any("1 entry" in text for text in texts)


def test_a_child_of_9_is_not_asked_whether_married(qtbot: QtBot) -> None:
    driver, page, form = new_member(qtbot, member_relationship="child")
    assert not form.fields["member_married"].isHidden()  # no birth date yet: may be married
    driver.fill(form.fields["member_birth_date"], NINE["member_birth_date"])
    assert form.fields["member_married"].isHidden()
    driver.click(page.save_entry_button)
    assert page.group is not None and page.group.entries == [NINE]
    assert list_lines(page) == ["Family member 1: Son or daughter · born Mar 2017"]


def test_a_child_of_20_is_still_asked(qtbot: QtBot) -> None:
    _, _, form = new_member(qtbot, member_relationship="child", member_birth_date="2006")
    assert not form.fields["member_married"].isHidden()


def test_cancel_and_back_lose_nothing(qtbot: QtBot) -> None:
    driver = at_group(qtbot, "employers")
    page = driver.question_page()
    driver.fill(page.field, [JOB])
    group = page.group
    assert group is not None
    saved = [dict(entry) for entry in group.entries]

    driver.click(group.edit_button)  # change the role, then Cancel
    form = page.entry_form
    assert form is not None and form.fields["employer_role"].raw() == "interpreter"
    driver.fill(form.fields["employer_role"], "driver")
    driver.click(page.cancel_entry_button)
    assert page.entry_form is None and group.entries == saved
    assert list_lines(page) == [JOB_LINE]

    driver.click(group.edit_button)  # the same with Alt+Left (Back)
    assert page.entry_form is not None
    driver.fill(page.entry_form.fields["employer_role"], "driver")
    driver.key(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert driver.window.page is page and page.entry_form is None
    assert page.question.id == "employers" and group.entries == saved

    driver.click(group.add_button)  # a new entry cancelled adds nothing
    driver.click(page.cancel_entry_button)
    assert group.entries == saved and not page.field.isHidden()
    assert group.list.hasFocus() or group.add_button.hasFocus()


def test_enter_saves_the_entry_and_tab_reaches_save(qtbot: QtBot) -> None:
    driver, page, form = new_member(qtbot, member_relationship="spouse", member_birth_date="1985")
    last = form.visible_fields()[-1].prefer_box
    after_last = last.nextInFocusChain()
    while after_last is not None and not (
        after_last.isVisible() and after_last.focusPolicy().value & TAB
    ):
        after_last = after_last.nextInFocusChain()
    assert after_last is page.save_entry_button  # Tab from the last field: Save entry
    assert page.save_entry_button.nextInFocusChain() is page.cancel_entry_button
    form.fields["member_birth_date"].focus_target().setFocus()
    driver.key(Qt.Key.Key_Return)  # the focus is in the birth date field
    assert page.entry_form is None
    assert page.group is not None
    assert page.group.entries == [{"member_relationship": "spouse", "member_birth_date": "1985"}]


def test_an_entry_with_a_missing_answer_stays_open(qtbot: QtBot) -> None:
    driver, page, form = new_member(qtbot, member_relationship="spouse")
    driver.click(page.save_entry_button)
    assert page.entry_form is form and not form.fields["member_birth_date"].error_label.isHidden()


def test_right_to_left_in_dari(qtbot: QtBot) -> None:
    driver = at_group(qtbot, "employers", "fa_AF")
    page = open_new_entry(driver)
    form = page.entry_form
    assert form is not None
    assert form.layoutDirection() is Qt.LayoutDirection.RightToLeft
    save, cancel = page.save_entry_button, page.cancel_entry_button
    assert (
        save.mapTo(driver.window, QPoint(0, 0)).x() < cancel.mapTo(driver.window, QPoint(0, 0)).x()
    )
    assert save.text() != "Save entry" and cancel.text() != "Cancel"
    ongoing = {key: value for key, value in JOB.items() if key != "employer_end"}
    for key, value in dict(ongoing, employer_ongoing=True).items():
        driver.fill(form.fields[key], value)
    heading = strip_isolates(form.heading.text())
    assert "Interpreter" not in heading and "۲۰۱۰" in heading  # translated, Persian digits
    driver.click(save)
    (line,) = list_lines(page)
    assert "۲۰۱۰" in line and "Job" not in line


def test_switching_language_keeps_an_open_entry(qtbot: QtBot) -> None:
    driver = at_group(qtbot, "family_members")
    page = open_new_entry(driver)
    assert page.entry_form is not None
    driver.fill(page.entry_form.fields["member_relationship"], "sibling")
    driver.window.switch_language("ps")
    page = driver.question_page()
    assert page.entry_form is not None
    assert page.entry_form.fields["member_relationship"].raw() == "sibling"


def test_a_name_given_tells_entries_apart_and_never_reaches_a_log(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    driver = at_group(qtbot, "family_members")
    page = driver.question_page()
    named = dict(NINE, member_name="زهرا")
    driver.fill(page.field, [named, {**NINE, "member_birth_date": "2018"}])
    assert list_lines(page) == [
        "Family member 1: Son or daughter · زهرا · born Mar 2017",
        "Family member 2: Son or daughter · born 2018",  # no name given: nothing asked for it
    ]
    driver.click(page.next_button)
    session = driver.window.session
    assert session is not None
    entries = session.interview.answers["family_members"]
    assert isinstance(entries, tuple) and entries[0].get("member_name") == "زهرا"  # type: ignore[union-attr]
    assert "زهرا" not in caplog.text
