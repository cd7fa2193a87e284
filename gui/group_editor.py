"""A group question: a list of entries with Add / Edit / Remove; each entry a form of its own.

The entry's form takes the place of the question on the page (gui.question_page), with Save
entry and Cancel, so it is as wide as the window and reads in the window's direction. It
shows only the fields the core asks for this entry (`item_questions`); fields appear and
disappear as the entry is filled in. Each saved entry reads with its key facts
(forms.entry_summary), never as "Job 1: <the employer's whole choice text>".
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QPushButton, QVBoxLayout, QWidget

from forms.answers import Answer, JSONValue
from forms.entry_summary import RawEntry, parse_entry
from forms.interview import item_questions
from forms.questions import Question
from gui.answer_field import AnswerField
from gui.answer_text import entry_title
from gui.answer_widgets import AnswerInput, basic_input
from gui.labels import plain_label
from gui.session import Session
from i18n.runtime import _

NEW = -1
"""The row of an entry being added."""


def item_label(group: Question) -> str:
    return _(group.item_label) if group.item_label else _("Entry")


class EntryForm(QWidget):
    """The fields of one entry that apply to it, under a heading that sums it up as it is
    filled in ("Job 2: Interpreter · …")."""

    def __init__(
        self,
        group: Question,
        entry: RawEntry,
        number: int,
        session: Session,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.session = session
        self.number = number
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.heading = plain_label("", scale=1.2, bold=True)
        column.addWidget(self.heading)
        self.fields: dict[str, AnswerField] = {}
        for inner in group.questions:
            field = AnswerField(
                inner, basic_input(inner, session.language), caseworker=session.caseworker
            )
            field.set_raw(entry.get(inner.id))
            field.changed.connect(self._refresh)
            column.addWidget(field)
            column.addSpacing(8)
            self.fields[inner.id] = field
        self.setAccessibleName(_("Questions about this entry"))
        self._refresh()

    def draft(self) -> RawEntry:
        """What is filled in so far, checked or not (kept when the language changes)."""
        return {
            field.question.id: raw  # type: ignore[misc]
            for field in self.visible_fields()
            if (raw := field.raw()) is not None
        }

    def item(self) -> dict[str, Answer]:
        return parse_entry(self.group, self.draft())

    def asked(self) -> list[Question]:
        """The fields the core asks for this entry, given what is filled in so far."""
        interview = self.session.interview
        return item_questions(
            interview.questionnaire, self.group, self.item(), interview.facts(), interview.today
        )

    def visible_fields(self) -> list[AnswerField]:
        return [field for field in self.fields.values() if not field.isHidden()]

    def first_field(self) -> AnswerField:
        return self.visible_fields()[0]

    def collect(self) -> RawEntry | None:
        """The entry, every field shown checked; None, with the first problem in focus."""
        self._refresh()
        invalid = [
            field
            for field in self.visible_fields()
            if not (field.question.optional and field.raw() is None) and field.validate() is None
        ]
        if invalid:
            invalid[0].focus_target().setFocus()
            return None
        return self.draft()

    def _refresh(self) -> None:
        asked = {question.id for question in self.asked()}
        for key, field in self.fields.items():
            field.setVisible(key in asked)
        self.heading.setText(entry_title(self.group, self.item(), self.number))


class GroupInput(AnswerInput):
    """The list of entries of a group question. Add and Edit ask the page to open an entry's
    form (`entry_requested(entry, row)`, row NEW for a new one); `store` takes it back."""

    entry_requested = Signal(object, int)

    def __init__(self, question: Question, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.session = session
        self.entries: list[RawEntry] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Entries"))
        self.list.setMinimumHeight(120)
        self.list.setWordWrap(True)
        # A double click edits; Enter on the list goes on to the next question, as everywhere
        # (an item's "activation" on Enter would reopen the entry just saved).
        self.list.itemDoubleClicked.connect(lambda _item: self.edit_selected())
        self.box.addWidget(self.list)
        self.empty_label = plain_label(_("No entries yet. Use “Add” for each one."))
        self.box.addWidget(self.empty_label)
        row = QHBoxLayout()
        label = item_label(question)
        self.add_button = QPushButton(_("Add: %(label)s") % {"label": label}, self)
        self.edit_button = QPushButton(_("Edit"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        for button in (self.add_button, self.edit_button, self.remove_button):
            button.setAccessibleName(button.text())
            row.addWidget(button)
        row.addStretch(1)
        self.box.addLayout(row)
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self._show_entries()

    def raw(self) -> object | None:
        return [dict(entry) for entry in self.entries]

    def set_raw(self, value: JSONValue) -> None:
        if isinstance(value, list):
            self.entries = [dict(entry) for entry in value if isinstance(entry, dict)]
            self._show_entries()

    def focus_target(self) -> QWidget:
        return self.list if self.entries else self.add_button

    def add_entry(self) -> None:
        self.entry_requested.emit({}, NEW)

    def edit_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            self.entry_requested.emit(dict(self.entries[row]), row)

    def number_of(self, row: int) -> int:
        return len(self.entries) + 1 if row == NEW else row + 1

    def store(self, entry: RawEntry, row: int) -> None:
        """Put a saved entry in its place (a new one at the end) and select it."""
        if row == NEW:
            self.entries.append(entry)
            row = len(self.entries) - 1
        else:
            self.entries[row] = entry
        self._show_entries()
        self.list.setCurrentRow(row)
        self.changed.emit()

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            del self.entries[row]
            self._show_entries()
            self.changed.emit()

    def _show_entries(self) -> None:
        self.list.clear()
        for number, entry in enumerate(self.entries, start=1):
            self.list.addItem(entry_title(self.question, parse_entry(self.question, entry), number))
        self.list.setVisible(bool(self.entries))
        self.empty_label.setVisible(not self.entries)
        if self.entries and self.list.currentRow() < 0:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = 0 <= self.list.currentRow() < len(self.entries)
        self.edit_button.setEnabled(selected)
        self.remove_button.setEnabled(selected)
