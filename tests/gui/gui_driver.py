"""Drives the real window as a person would: clicks, typing (char by char for non-ASCII), Enter.

Shared by the GUI tests (not a conftest: mypy would see two modules named `conftest`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from forms.questions import Question, QuestionType
from gui.answer_field import AnswerField
from gui.answer_widgets import (
    ChoiceInput,
    CountryInput,
    LineInput,
    MultiChoiceInput,
    YesNoInput,
)
from gui.bidi import layout_direction
from gui.countries import country_names
from gui.group_editor import GroupInput
from gui.main_window import MainWindow
from gui.question_page import QuestionPage
from gui.results_page import ResultsPage
from i18n.runtime import current_language, set_language
from pathways.engine import default_engine
from pathways.results import Screening

TODAY = date(2026, 11, 23)
Spec = Mapping[str, Any]


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type `text`; non-ASCII one character at a time (keyClicks aborts on it)."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            QTest.keyClicks(widget, ch)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click,
                widget,
                Qt.Key.Key_unknown,
                ch,
                Qt.KeyboardModifier.NoModifier,
            )


class Driver:
    def __init__(self, qtbot: QtBot, language: str = "en") -> None:
        self.qtbot = qtbot
        self.language = language
        self.quits: list[bool] = []
        self.checks: list[Callable[[QWidget], None]] = []  # run on every page and dialog
        set_language(language)
        QApplication.setLayoutDirection(layout_direction(language))
        self.window = MainWindow(today=TODAY, quit_app=lambda: self.quits.append(True))
        qtbot.addWidget(self.window)
        self.window.resize(1366, 768)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is self.window)

    def key(
        self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        """Press a key where the keyboard focus is (shortcuts included)."""
        target = QApplication.focusWidget() or self.window
        QTest.keyClick(target, key, modifiers)

    def click(self, button: QAbstractButton) -> None:
        assert button.isVisible() and button.isEnabled(), button.text()
        position = button.rect().center()
        if isinstance(button, QRadioButton | QCheckBox):  # click on the text, not empty space
            half = min(button.sizeHint().width(), button.width()) // 2
            rtl = button.layoutDirection() is Qt.LayoutDirection.RightToLeft
            position.setX(button.width() - half if rtl else half)
        QTest.mouseClick(
            button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, position
        )

    def start(self, caseworker: bool = False) -> None:
        page = self.window.page
        button = page.caseworker_button if caseworker else page.self_button  # type: ignore[union-attr]
        self.click(button)

    def question_page(self) -> QuestionPage:
        page = self.window.page
        assert isinstance(page, QuestionPage), self.window.view
        return page

    def fill(self, field: AnswerField, value: Any) -> None:
        """Give `value` (the raw answer a person means) through the field's widgets."""
        if value in ("unknown", "prefer_not_to_say"):
            self.click(field.unknown_box if value == "unknown" else field.prefer_box)
            return
        widget = field.input
        if isinstance(widget, YesNoInput):
            self.click(widget.yes if value else widget.no)
        elif isinstance(widget, ChoiceInput):
            self.click(widget.buttons[value])
        elif isinstance(widget, MultiChoiceInput):
            for choice in value:
                self.click(widget.buttons[choice])
            if not value:
                self.click(widget.none_box)
        elif isinstance(widget, CountryInput):
            line = widget.combo.lineEdit()
            assert line is not None
            type_text(self.qtbot, line, country_names(current_language())[value])
            completer = widget.combo.completer()
            assert completer is not None
            popup = completer.popup()
            assert popup is not None
            if popup.isVisible():  # pick the first match from the list, with the keyboard
                QTest.keyClick(popup, Qt.Key.Key_Down)
                QTest.keyClick(popup, Qt.Key.Key_Return)
            assert not popup.isVisible()
            assert widget.raw() == value, (
                line.text(),
                widget.combo.currentText(),
                self.window.view,
            )
        elif isinstance(widget, LineInput):
            type_text(self.qtbot, widget.edit, str(value))
        elif isinstance(widget, GroupInput):
            for entry in value:
                self.add_entry(widget, entry)
        else:
            raise AssertionError(f"no driver for {type(widget).__name__}")

    def add_entry(self, group: GroupInput, entry: Spec) -> None:
        """Add: the entry's form takes the question's place on the page; Save entry."""
        self.click(group.add_button)
        page = self.question_page()
        form = page.entry_form
        assert form is not None and not form.isHidden() and page.field.isHidden()
        for check in self.checks:
            check(self.window)
        for key, field in form.fields.items():
            if not field.isHidden() and key in entry:
                self.fill(field, entry[key])
        shown = {
            field.question.id
            for field in form.visible_fields()
            if field.question.id in entry or not field.question.optional
        }
        assert shown == set(entry), f"fields shown {sorted(shown)} != given {sorted(entry)}"
        self.click(page.save_entry_button)
        assert page.entry_form is None and not page.field.isHidden()

    def answer_current(self, spec: Spec, default: Any = "unknown", enter: bool = False) -> str:
        page = self.question_page()
        for check in self.checks:
            check(self.window)
        question = page.question
        self.fill(page.field, spec.get(question.id, default))
        if enter:
            QTest.keyClick(page.field.focus_target(), Qt.Key.Key_Return)
        else:
            self.click(page.next_button)
        return question.id

    def walk(self, spec: Spec, default: Any = "unknown") -> list[str]:
        """Answer every question until the review page; alternate Next clicks and Enter."""
        asked: list[str] = []
        while self.window.view == "question":
            asked.append(self.answer_current(spec, default, enter=len(asked) % 2 == 1))
            assert len(asked) < 80, f"the interview does not end: {asked[-6:]}"
        assert self.window.view == "review"
        return asked

    def results_after(self, spec: Spec) -> ResultsPage:
        """Every question left answered from `spec` ("I don't know" where it is silent),
        straight through the window's session (quick), then the results page."""
        session = self.window.session
        assert session is not None
        while (question := session.interview.current()) is not None:
            self.window.submit(spec.get(question.id, "unknown"))
        self.window.show_results()
        page = self.window.page
        assert isinstance(page, ResultsPage)
        return page

    def results_after_change(self, question_id: str, value: Any) -> ResultsPage:
        """Change one answer (as from the review), then open the results again."""
        self.window.change_answer(question_id)
        self.window.submit(value)
        self.window.show_results()
        page = self.window.page
        assert isinstance(page, ResultsPage)
        return page


def core_screening(spec: Spec, language: str, default: Any = "unknown") -> Screening:
    """The same answers given straight to the core (no window): the adaptive interview, as
    self-screening asks it."""
    engine = default_engine()
    interview = engine.interview(TODAY)
    while (question := interview.current()) is not None:
        interview.answer(spec.get(question.id, default))
    return engine.screen(interview, language)


INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView)


def unnamed_controls(root: QWidget) -> list[str]:
    """Visible interactive widgets under `root` without an accessible name."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        shown = isinstance(widget, INTERACTIVE) and widget.isVisible()
        if shown and not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def rich_labels(root: QWidget) -> list[str]:
    return [
        label.text()[:40]
        for label in root.findChildren(QLabel)
        if label.textFormat() is not Qt.TextFormat.PlainText
    ]


def question_types(questions: list[Question]) -> set[QuestionType]:
    return {question.type for question in questions}


def reset_language() -> Iterator[None]:
    yield
    set_language("en")
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
