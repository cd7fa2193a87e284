"""One question per page: text, help, the input, progress, Back and Next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from forms.answers import answer_to_json
from forms.questions import Question, QuestionType
from gui.answer_field import AnswerField
from gui.answer_widgets import AnswerInput, basic_input
from gui.bidi import isolate_number
from gui.group_editor import GroupInput
from gui.labels import plain_label
from gui.pages import ScrollingPage, button
from gui.session import Session
from i18n.runtime import _, ngettext

QUESTION_SCALE = 1.3


class QuestionPage(ScrollingPage):
    """Emits `submitted(raw)` with a checked answer; `back_requested` for Back."""

    submitted = Signal(object)
    back_requested = Signal()

    def __init__(
        self,
        session: Session,
        question: Question,
        note: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.question = question
        interview = session.interview
        flow = interview.flow()
        ids = [asked.id for asked in flow]
        number = ids.index(question.id) + 1 if question.id in ids else len(ids)
        progress = interview.progress()
        section = interview.questionnaire.section_of[question.id]

        self.section_label = plain_label(_(section.title), scale=1.05, bold=True)
        self.column.addWidget(self.section_label)
        left = interview.questions_left()
        self.counter_label = plain_label(
            ngettext("About %(count)s question left", "About %(count)s questions left", left)
            % {"count": isolate_number(left)}
        )
        self.column.addWidget(self.counter_label)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setRange(0, max(progress.answered + left, 1))
        self.progress_bar.setValue(progress.answered)
        self.progress_bar.setFormat(
            ngettext("%(count)s answered", "%(count)s answered", progress.answered)
            % {"count": isolate_number(progress.answered)}
        )
        self.progress_bar.setAccessibleName(_("Progress"))
        self.column.addWidget(self.progress_bar)
        self.note_label = plain_label(note or "", bold=True)
        self.note_label.setStyleSheet("background: #fff4d6; color: #3d2b00; padding: 6px;")
        self.note_label.setVisible(bool(note))
        self.column.addWidget(self.note_label)
        section_of = interview.questionnaire.section_of
        first_of_section = next((q.id for q in flow if section_of[q.id] is section), question.id)
        if section.intro and question.id == first_of_section:
            self.column.addWidget(plain_label(_(section.intro)))
        self.column.addSpacing(8)

        answer_input: AnswerInput = (
            GroupInput(question, session)
            if question.type is QuestionType.GROUP
            else basic_input(question, session.language)
        )
        self.field = AnswerField(
            question, answer_input, caseworker=session.caseworker, text_scale=QUESTION_SCALE
        )
        if question.id in interview.answers:
            self.field.set_raw(answer_to_json(interview.answers[question.id]))
        self.column.addWidget(self.field)
        self.column.addStretch(1)

        row = QHBoxLayout()
        self.back_button = button(_("Back"), self)
        self.back_button.setToolTip(_("Back (Alt+Left or Ctrl+B)"))
        self.back_button.setEnabled(number > 1)
        self.next_button = button(_("Next"), self)
        self.next_button.setToolTip(_("Next (Enter)"))
        self.next_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.next_button)
        self.outer.addLayout(row)
        self.back_button.clicked.connect(self.back_requested)
        self.next_button.clicked.connect(self.go_next)

    def focus_first(self) -> None:
        self.field.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def go_next(self) -> None:
        if self.field.validate() is None:
            self.field.focus_target().setFocus()
            return
        self.submitted.emit(self.field.raw())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and focused.isEnabled():
                focused.click()
            else:
                self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)
