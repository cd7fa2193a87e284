"""Every answer, grouped by section, each with a Change button."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from gui.answer_text import answer_text
from gui.labels import plain_label
from gui.pages import ScrollingPage, button
from gui.session import Session
from i18n.runtime import _


class ReviewPage(ScrollingPage):
    change_requested = Signal(str)
    back_requested = Signal()
    results_requested = Signal()
    undo_requested = Signal()

    def __init__(
        self,
        session: Session,
        note: str | None = None,
        parent: QWidget | None = None,
        *,
        focus_on: str | None = None,
    ):
        super().__init__(parent)
        self.focus_on = focus_on
        self.undo_button: QWidget | None = None
        interview = session.interview
        answers = interview.answers
        section_of = interview.questionnaire.section_of
        self.column.addWidget(plain_label(_("Check your answers"), scale=1.5, bold=True))
        self.column.addWidget(
            plain_label(_("You can change any answer. Then choose “See the results”."))
        )
        if note:
            note_label = plain_label(note, bold=True)
            note_label.setStyleSheet("background: #fff4d6; color: #3d2b00; padding: 6px;")
            self.column.addWidget(note_label)
        if session.undo_point is not None:
            undo = button(_("Bring the removed answers back"), self)
            undo.clicked.connect(self.undo_requested)
            self.column.addWidget(undo, 0, Qt.AlignmentFlag.AlignLeading)
            self.undo_button = undo
        self.change_buttons: dict[str, QWidget] = {}
        current_section = None
        for question in interview.flow():
            section = section_of[question.id]
            if section is not current_section:
                current_section = section
                self.column.addSpacing(10)
                self.column.addWidget(plain_label(_(section.title), scale=1.25, bold=True))
            row_frame = QFrame(self)
            row_frame.setFrameShape(QFrame.Shape.StyledPanel)
            row = QHBoxLayout(row_frame)
            texts = QVBoxLayout()
            texts.addWidget(plain_label(_(question.text), bold=True))
            shown = (
                answer_text(question, answers[question.id])
                if question.id in answers
                else _("Not answered yet")
            )
            texts.addWidget(plain_label(shown, selectable=True))
            row.addLayout(texts, 1)
            change = button(_("Change"), self)
            change.setAccessibleName(_("Change: %(question)s") % {"question": _(question.text)})
            change.clicked.connect(
                lambda _checked=False, qid=question.id: self.change_requested.emit(qid)
            )
            row.addWidget(change, 0, Qt.AlignmentFlag.AlignTop)
            self.change_buttons[question.id] = change
            self.column.addWidget(row_frame)
        self.column.addStretch(1)
        nav = QHBoxLayout()
        self.back_button = button(_("Back"), self)
        self.results_button = button(_("See the results"), self)
        self.results_button.setEnabled(interview.is_complete)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.results_button)
        self.outer.addLayout(nav)
        self.back_button.clicked.connect(self.back_requested)
        self.results_button.clicked.connect(self.results_requested)

    def focus_first(self) -> None:
        """On the answer just changed (scrolled into view), else on "See the results"."""
        target = self.change_buttons.get(self.focus_on or "")
        if target is None:
            self.results_button.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda: self.scroll_area.ensureWidgetVisible(target, 50, 120))
