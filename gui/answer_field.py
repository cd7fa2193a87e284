"""A question with its input, "I don't know", "Prefer not to say", and the error next to it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from forms.answers import Answer, JSONValue, Special
from forms.errors import AnswersError
from forms.questions import Question, QuestionType
from forms.validation import parse_answer
from gui.answer_text import special_text
from gui.answer_widgets import AnswerInput
from gui.labels import plain_label
from i18n.runtime import N_, _

_FORMAT_HELP = {
    QuestionType.NUMBER: N_("Please type a number, for example 12."),
    QuestionType.DATE: N_("Please check the date."),
    QuestionType.COUNTRY: N_("Please choose a country from the list."),
    QuestionType.TEXT: N_("Please shorten the text or remove unusual characters."),
}
"""The first line of an error under a field; the second says what is wrong with the value
(forms.validation, in the same language, the question not named again: it is just above)."""
ERROR_STYLE = "color: #8b0000;"


class AnswerField(QWidget):
    changed = Signal()

    def __init__(
        self,
        question: Question,
        answer_input: AnswerInput,
        *,
        caseworker: bool,
        text_scale: float = 1.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        self.input = answer_input
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.question_label = plain_label(_(question.text), scale=text_scale, bold=True)
        box.addWidget(self.question_label)
        if question.help:
            box.addWidget(plain_label(_(question.help)))
        if caseworker and question.caseworker_note:
            note = plain_label(
                _("Caseworker note: %(note)s") % {"note": _(question.caseworker_note)}, scale=0.95
            )
            note.setStyleSheet("background: #eef3fb; color: #1a1a1a; padding: 6px;")
            box.addWidget(note)
        if question.sensitive:
            box.addWidget(
                plain_label(
                    _("This question is sensitive. “Prefer not to say” is always fine."),
                    scale=0.95,
                )
            )
        box.addWidget(answer_input)
        specials = QHBoxLayout()
        self.unknown_box = QCheckBox(special_text(Special.UNKNOWN), self)
        self.prefer_box = QCheckBox(special_text(Special.PREFER_NOT_TO_SAY), self)
        for special in (self.unknown_box, self.prefer_box):
            special.setAccessibleName(special.text())
            specials.addWidget(special)
            special.toggled.connect(self._special_toggled)
        specials.addStretch(1)
        box.addLayout(specials)
        self.error_label: QLabel = plain_label("")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        box.addWidget(self.error_label)
        self.question_label.setBuddy(answer_input.focus_target())
        answer_input.changed.connect(self._input_changed)

    def special(self) -> Special | None:
        if self.unknown_box.isChecked():
            return Special.UNKNOWN
        if self.prefer_box.isChecked():
            return Special.PREFER_NOT_TO_SAY
        return None

    def raw(self) -> object | None:
        special = self.special()
        return special.value if special is not None else self.input.raw()

    def set_raw(self, value: JSONValue) -> None:
        if value == Special.UNKNOWN.value:
            self.unknown_box.setChecked(True)
        elif value == Special.PREFER_NOT_TO_SAY.value:
            self.prefer_box.setChecked(True)
        elif value is not None:
            self.input.set_raw(value)

    def validate(self) -> Answer | None:
        """The parsed answer, or None with the reason shown next to the field (input kept)."""
        raw = self.raw()
        if raw is None:
            self.show_error(_("Please answer, or choose “I don't know” or “Prefer not to say”."))
            return None
        try:
            answer = parse_answer(self.question, raw)
        except AnswersError as error:
            self.show_error(self.error_text(error))
            return None
        self.clear_error()
        return answer

    def error_text(self, error: AnswersError) -> str:
        lead = _FORMAT_HELP.get(self.question.type, N_("Please check this answer."))
        return f"⚠ {_(lead)}\n{error.reason}"

    def show_error(self, message: str) -> None:
        text = message if message.startswith("⚠") else f"⚠ {message}"
        self.error_label.setText(text)
        self.error_label.show()
        self.input.focus_target().setAccessibleDescription(text)

    def clear_error(self) -> None:
        self.error_label.clear()
        self.error_label.hide()

    def focus_target(self) -> QWidget:
        return self.unknown_box if self.special() is not None else self.input.focus_target()

    def _special_toggled(self, checked: bool) -> None:
        sender = self.sender()
        if checked:
            other = self.prefer_box if sender is self.unknown_box else self.unknown_box
            other.blockSignals(True)
            other.setChecked(False)
            other.blockSignals(False)
        self.input.setEnabled(self.special() is None)
        self.clear_error()
        self.changed.emit()

    def _input_changed(self) -> None:
        self.clear_error()
        self.changed.emit()
