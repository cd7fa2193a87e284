"""One input widget per question type; each gives the raw answer the core parses.

`raw()` is None while nothing is given; otherwise the plain value `Interview.answer` takes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from forms.answers import JSONValue
from forms.questions import Question, QuestionType
from gui.countries import country_names
from gui.labels import plain_label
from i18n.runtime import N_, _


class AnswerInput(QWidget):
    """Base of the inputs: `changed` fires on every edit."""

    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def raw(self) -> object | None:
        raise NotImplementedError

    def set_raw(self, value: JSONValue) -> None:
        raise NotImplementedError

    def focus_target(self) -> QWidget:
        return self


def _button_text(text: str) -> str:
    """Button texts come from data: a literal '&' must not become a shortcut marker."""
    return text.replace("&", "&&")


class _ButtonsInput(AnswerInput):
    """Radio buttons (one answer) or check boxes (several), one per value."""

    def __init__(
        self,
        question: Question,
        options: list[tuple[str, str]],
        exclusive: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(question, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(exclusive)
        self.buttons: dict[str, QRadioButton | QCheckBox] = {}
        for value, text in options:
            button: QRadioButton | QCheckBox = (
                QRadioButton(_button_text(text), self)
                if exclusive
                else QCheckBox(_button_text(text), self)
            )
            button.setAccessibleName(text)
            self.group.addButton(button)
            self.buttons[value] = button
            self.box.addWidget(button)
            choice = question.choice(value)
            if choice is not None and choice.help:
                hint = plain_label(_(choice.help), scale=0.9)
                hint.setIndent(24)
                button.setAccessibleDescription(_(choice.help))
                self.box.addWidget(hint)
            button.toggled.connect(self.changed)

    def checked(self) -> list[str]:
        return [value for value, button in self.buttons.items() if button.isChecked()]

    def focus_target(self) -> QWidget:
        checked = [button for button in self.buttons.values() if button.isChecked()]
        return checked[0] if checked else next(iter(self.buttons.values()))


class YesNoInput(_ButtonsInput):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, [("yes", _("Yes")), ("no", _("No"))], True, parent)
        self.yes = self.buttons["yes"]
        self.no = self.buttons["no"]

    def raw(self) -> object | None:
        chosen = self.checked()
        return None if not chosen else chosen[0] == "yes"

    def set_raw(self, value: JSONValue) -> None:
        if isinstance(value, bool):
            self.buttons["yes" if value else "no"].setChecked(True)


class ChoiceInput(_ButtonsInput):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        options = [(choice.value, _(choice.text)) for choice in question.choices]
        super().__init__(question, options, True, parent)

    def raw(self) -> object | None:
        chosen = self.checked()
        return chosen[0] if chosen else None

    def set_raw(self, value: JSONValue) -> None:
        if isinstance(value, str) and value in self.buttons:
            self.buttons[value].setChecked(True)


class MultiChoiceInput(_ButtonsInput):
    """Check boxes, and "None of these" as a box of its own: nothing ticked is no answer yet
    (a question skipped by mistake), never a silent "none"."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        options = [(choice.value, _(choice.text)) for choice in question.choices]
        super().__init__(question, options, False, parent)
        self.none_box = QCheckBox(_("None of these"), self)
        self.none_box.setAccessibleName(self.none_box.text())
        self.box.addWidget(self.none_box)
        self.none_box.toggled.connect(self._none_toggled)
        for button in self.buttons.values():
            button.toggled.connect(self._choice_toggled)
        self.none_box.toggled.connect(self.changed)

    def raw(self) -> object | None:
        if self.none_box.isChecked():
            return []
        return self.checked() or None

    def set_raw(self, value: JSONValue) -> None:
        if value == []:
            self.none_box.setChecked(True)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, str) and item in self.buttons:
                    self.buttons[item].setChecked(True)

    def _none_toggled(self, checked: bool) -> None:
        if checked:
            for button in self.buttons.values():
                button.setChecked(False)

    def _choice_toggled(self, checked: bool) -> None:
        if checked:
            self.none_box.setChecked(False)


_HINTS = {
    QuestionType.NUMBER: N_("A number, for example 12. Persian digits are fine."),
    QuestionType.DATE: N_(
        "The full date (2010-03-01), the month and year (2010-03), or only the year (2010). "
        "Persian digits are fine."
    ),
    QuestionType.TEXT: "",
}
SOLAR_HIJRI_HINT = N_(
    "A Solar Hijri date, as on a tazkira, works too: add SH (1389-12-10 SH, 1389-12 SH), "
    "or give only the year (1389)."
)


class LineInput(AnswerInput):
    """A line edit for numbers, dates and text, with the expected format shown under it."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.edit = QLineEdit(self)
        self.edit.setAccessibleName(_(question.text))
        if question.type is QuestionType.TEXT:
            self.edit.setMaxLength(question.max_length)
        if question.type is QuestionType.DATE:
            self.edit.setPlaceholderText(_("YYYY-MM-DD, YYYY-MM or YYYY"))
        self.box.addWidget(self.edit)
        hint = _(_HINTS[question.type]) if _HINTS[question.type] else ""
        if question.type is QuestionType.DATE:
            hint += " " + _(SOLAR_HIJRI_HINT)
        unit = _(question.unit) if question.unit else ""
        if hint or unit:
            text = " ".join(part for part in (unit, hint) if part)
            self.hint = plain_label(text, scale=0.9)
            self.edit.setAccessibleDescription(text)
            self.box.addWidget(self.hint)
        self.edit.textChanged.connect(self.changed)

    def raw(self) -> object | None:
        text = self.edit.text()
        return text if text.strip() else None

    def set_raw(self, value: JSONValue) -> None:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, str | int | float) and not isinstance(value, bool):
            self.edit.setText(str(value))

    def focus_target(self) -> QWidget:
        return self.edit


class CountryInput(AnswerInput):
    """A searchable list of countries with their names in the reader's language."""

    def __init__(self, question: Question, language: str, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.names = country_names(language)
        self.combo = QComboBox(self)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItem("", None)
        for code, name in self.names.items():
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(0)
        completer = QCompleter([*self.names.values()], self.combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.combo.setCompleter(completer)
        self.combo.setAccessibleName(_(question.text))
        line = self.combo.lineEdit()
        assert line is not None  # an editable combo always has one
        line.setAccessibleName(_(question.text))
        line.setPlaceholderText(_("Type to search, for example Pakistan"))
        self.combo.view().setAccessibleName(_("Countries"))
        self.box.addWidget(self.combo)
        line.textChanged.connect(self.changed)

    def raw(self) -> object | None:
        text = self.combo.currentText().strip()
        if not text:
            return None
        folded = text.casefold()
        for code, name in self.names.items():
            if name.casefold() == folded or code.casefold() == folded:
                return code
        return text  # not a country: the core says so, and the text stays

    def set_raw(self, value: JSONValue) -> None:
        if isinstance(value, str):
            index = self.combo.findData(value.upper())
            if index >= 0:
                self.combo.setCurrentIndex(index)

    def focus_target(self) -> QWidget:
        return self.combo


def basic_input(question: Question, language: str, parent: QWidget | None = None) -> AnswerInput:
    """The input for any question type but a group (see gui.group_editor)."""
    if question.type is QuestionType.YES_NO:
        return YesNoInput(question, parent)
    if question.type is QuestionType.SINGLE_CHOICE:
        return ChoiceInput(question, parent)
    if question.type is QuestionType.MULTI_CHOICE:
        return MultiChoiceInput(question, parent)
    if question.type is QuestionType.COUNTRY:
        return CountryInput(question, language, parent)
    if question.type is QuestionType.GROUP:
        raise ValueError("a group question needs gui.group_editor.GroupInput")
    return LineInput(question, parent)
