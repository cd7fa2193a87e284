"""One question per page: text, help, the input, progress, Back and Next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from forms.answers import answer_to_json
from forms.entry_summary import RawEntry
from forms.questions import Question, QuestionType
from gui.answer_field import AnswerField
from gui.answer_widgets import AnswerInput, basic_input
from gui.bidi import isolate_number
from gui.group_editor import EntryForm, GroupInput
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
        self.header: list[QWidget] = [self.counter_label, self.progress_bar]
        self.note_label = plain_label(note or "", bold=True)
        self.note_label.setStyleSheet("background: #fff4d6; color: #3d2b00; padding: 6px;")
        self.note_label.setVisible(bool(note))
        self.column.addWidget(self.note_label)
        section_of = interview.questionnaire.section_of
        first_of_section = next((q.id for q in flow if section_of[q.id] is section), question.id)
        if section.intro and question.id == first_of_section:
            intro = plain_label(_(section.intro))
            self.column.addWidget(intro)
            self.header.append(intro)
        self.column.addSpacing(8)

        self.session = session
        self.group: GroupInput | None = None
        self.entry_form: EntryForm | None = None
        self.entry_row = 0
        self.entry_buttons: list[QPushButton] = []
        answer_input: AnswerInput
        if question.type is QuestionType.GROUP:
            answer_input = self.group = GroupInput(question, session)
            self.group.entry_requested.connect(self.open_entry)
        else:
            answer_input = basic_input(question, session.language)
        self.field = AnswerField(
            question, answer_input, caseworker=session.caseworker, text_scale=QUESTION_SCALE
        )
        if question.id in interview.answers:
            self.field.set_raw(answer_to_json(interview.answers[question.id]))
        self.column.addWidget(self.field)
        self.column.addStretch(1)

        self.nav = row = QHBoxLayout()
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
        target = self.entry_form.first_field() if self.entry_form else self.field
        target.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    # -- an entry of a group, in place of the question ---------------------------------------

    def open_entry(self, entry: RawEntry, row: int) -> None:
        """The entry's form where the question was, Save entry and Cancel where Back and Next
        were (made after the fields, so Tab goes from the last field to them)."""
        assert self.group is not None
        self.close_entry()
        form = EntryForm(self.question, entry, self.group.number_of(row), self.session, self.body)
        self.entry_form, self.entry_row = form, row
        self.column.insertWidget(self.column.indexOf(self.field), form)
        for widget in (self.field, *self.header, self.note_label, self.back_button):
            widget.hide()
        self.next_button.hide()
        self.save_entry_button = button(_("Save entry"), self)
        self.save_entry_button.setToolTip(_("Save this entry and go back to the list (Enter)"))
        self.cancel_entry_button = button(_("Cancel"), self)
        self.cancel_entry_button.setToolTip(
            _("Go back to the list; the entry stays as it was (Alt+Left)")
        )
        self.entry_buttons = [self.cancel_entry_button, self.save_entry_button]
        self.nav.insertWidget(0, self.cancel_entry_button)
        self.nav.addWidget(self.save_entry_button)
        for widget in (form, *self.entry_buttons):
            widget.show()  # added to a page already shown
        self.save_entry_button.setDefault(True)
        self.save_entry_button.clicked.connect(self.save_entry)
        self.cancel_entry_button.clicked.connect(self.close_entry)
        self.scroll_area.verticalScrollBar().setValue(0)
        form.first_field().focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def save_entry(self) -> None:
        """Keep the entry in the list if every field shown is answered; else stay on it."""
        if self.entry_form is None or self.group is None:
            return
        entry = self.entry_form.collect()
        if entry is None:
            return
        row = self.entry_row
        self.close_entry()
        self.group.store(entry, row)
        self.field.focus_target().setFocus(Qt.FocusReason.OtherFocusReason)

    def close_entry(self) -> None:
        """Back to the list; an entry not saved leaves the list as it was."""
        form = self.entry_form
        if form is None:
            return
        self.entry_form = None
        form.hide()
        self.column.removeWidget(form)
        form.deleteLater()
        for each in self.entry_buttons:
            each.hide()
            self.nav.removeWidget(each)
            each.deleteLater()
        self.entry_buttons = []
        for widget in (self.field, *self.header, self.back_button, self.next_button):
            widget.show()
        self.note_label.setVisible(bool(self.note_label.text()))
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
            elif self.entry_form is not None:
                self.save_entry()
            else:
                self.go_next()
            event.accept()
            return
        super().keyPressEvent(event)
