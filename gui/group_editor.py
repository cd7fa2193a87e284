"""A group question: a list of entries with Add / Edit / Remove; each entry in a dialog.

The dialog shows only the fields the core asks for this entry (`item_questions`); fields
appear and disappear as the entry is filled in.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from forms.answers import Answer, Item, JSONValue
from forms.errors import AnswersError
from forms.interview import item_questions
from forms.questions import Question
from forms.validation import parse_answer
from gui.answer_field import AnswerField
from gui.answer_text import entry_title
from gui.answer_widgets import AnswerInput, basic_input
from gui.bidi import isolate_number
from gui.labels import plain_label
from gui.session import Session
from i18n.runtime import _

RawEntry = dict[str, JSONValue]


def parse_entry(group: Question, entry: RawEntry) -> Item:
    """The fields of `entry` that parse; the others are left out (they are shown as errors)."""
    fields = {inner.id: inner for inner in group.questions}
    item: Item = {}
    for key, value in entry.items():
        if key in fields:
            try:
                item[key] = parse_answer(fields[key], value)
            except AnswersError:
                continue
    return item


class EntryDialog(QDialog):
    """One entry of a group, with only the fields relevant to it."""

    def __init__(
        self, group: Question, entry: RawEntry, number: int, session: Session, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.session = session
        self.entry: RawEntry = {}
        label = _(group.item_label) if group.item_label else _("Entry")
        self.setWindowTitle(f"{label} {isolate_number(number)}")
        self.setAccessibleName(self.windowTitle())
        self.resize(820, 620)
        outer = QVBoxLayout(self)
        outer.addWidget(plain_label(self.windowTitle(), scale=1.2, bold=True))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setAccessibleName(_("Questions about this entry"))
        body = QWidget()
        column = QVBoxLayout(body)
        self.fields: dict[str, AnswerField] = {}
        for inner in group.questions:
            field = AnswerField(
                inner,
                basic_input(inner, session.language),
                caseworker=session.caseworker,
                text_scale=1.1,
            )
            field.set_raw(entry.get(inner.id))
            field.changed.connect(self._refresh)
            column.addWidget(field)
            column.addSpacing(12)
            self.fields[inner.id] = field
        column.addStretch(1)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            _("Save entry"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.setAccessibleName(_("Save entry"))
        self.cancel_button.setAccessibleName(_("Cancel"))
        self.save_button.setDefault(True)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        self._refresh()
        first = next(field for field in self.fields.values() if not field.isHidden())
        first.focus_target().setFocus()

    def asked(self) -> list[Question]:
        """The fields the core asks for this entry, given what is filled in so far."""
        item: dict[str, Answer] = {}
        for key, field in self.fields.items():
            raw = field.raw()
            if raw is None:
                continue
            try:
                item[key] = parse_answer(field.question, raw)
            except AnswersError:
                continue
        interview = self.session.interview
        return item_questions(
            interview.questionnaire, self.group, item, interview.facts(), interview.today
        )

    def visible_fields(self) -> list[AnswerField]:
        return [field for field in self.fields.values() if not field.isHidden()]

    def _refresh(self) -> None:
        asked = {question.id for question in self.asked()}
        for key, field in self.fields.items():
            field.setVisible(key in asked)

    def _save(self) -> None:
        self._refresh()
        invalid = [field for field in self.visible_fields() if field.validate() is None]
        if invalid:
            invalid[0].focus_target().setFocus()
            return
        self.entry = {}
        for field in self.visible_fields():
            raw = field.raw()
            self.entry[field.question.id] = raw  # type: ignore[assignment]
        self.accept()


class GroupInput(AnswerInput):
    """The list of entries of a group question, edited one entry at a time."""

    def __init__(self, question: Question, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.session = session
        self.entries: list[RawEntry] = []
        self.dialog: EntryDialog | None = None
        self.list = QListWidget(self)
        self.list.setAccessibleName(_("Entries"))
        self.list.setMinimumHeight(120)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.box.addWidget(self.list)
        self.empty_label = plain_label(_("No entries yet. Use “Add” for each one."))
        self.box.addWidget(self.empty_label)
        row = QHBoxLayout()
        label = _(question.item_label) if question.item_label else _("Entry")
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
        self._open({}, None)

    def edit_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            self._open(self.entries[row], row)

    def remove_selected(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.entries):
            del self.entries[row]
            self._show_entries()
            self.changed.emit()

    def _open(self, entry: RawEntry, row: int | None) -> None:
        number = len(self.entries) + 1 if row is None else row + 1
        dialog = EntryDialog(self.question, entry, number, self.session, self.window())
        dialog.accepted.connect(lambda: self._saved(dialog, row))
        dialog.finished.connect(lambda _code: self._closed(dialog))
        self.dialog = dialog
        dialog.open()

    def _saved(self, dialog: EntryDialog, row: int | None) -> None:
        if row is None:
            self.entries.append(dialog.entry)
        else:
            self.entries[row] = dialog.entry
        self._show_entries()
        self.list.setCurrentRow(len(self.entries) - 1 if row is None else row)
        self.changed.emit()

    def _closed(self, dialog: EntryDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()
        # The page may have moved on (Enter pressed as the dialog closed): its widgets are gone.
        target = self.focus_target()
        if isValid(self) and isValid(target):
            target.setFocus()

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
