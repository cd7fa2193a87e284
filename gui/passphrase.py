"""Passphrase fields: a strength hint in plain words, typing twice, and a small dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from cases.passphrase_rules import MIN_LENGTH, Strength, strength
from gui.bidi import isolate_number
from gui.labels import plain_label
from gui.pages import ok_cancel_buttons
from i18n.runtime import _, ngettext

ERROR_STYLE = "color: #8b0000;"


def strength_hint(text: str) -> str:
    """Plain words on length and variety; never a score that invites gaming it."""
    match strength(text):
        case Strength.TOO_SHORT:
            length = len(text)
            return ngettext(
                "Too short: use at least %(minimum)s characters (%(count)s so far).",
                "Too short: use at least %(minimum)s characters (%(count)s so far).",
                length,
            ) % {"minimum": isolate_number(MIN_LENGTH), "count": isolate_number(length)}
        case Strength.STRONG:
            return _("Strong: long, with more than one kind of character.")
        case Strength.GOOD:
            return _(
                "Good. Longer is stronger: three or four unrelated words are easy to remember."
            )
    return _(
        "Acceptable, but easy to guess: make it longer, for example three or four unrelated "
        "words, and mix letters, digits and spaces."
    )


def secret_edit(name: str, parent: QWidget | None = None) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setInputMethodHints(
        Qt.InputMethodHint.ImhSensitiveData
        | Qt.InputMethodHint.ImhNoPredictiveText
        | Qt.InputMethodHint.ImhHiddenText
    )
    return edit


class PassphraseFields(QWidget):
    """[old passphrase], new passphrase, [the same again + hint]; `check()` gives the error."""

    def __init__(
        self,
        *,
        ask_old: bool = False,
        new_twice: bool = True,
        new_caption: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.new_twice = new_twice
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self.old_edit: QLineEdit | None = None
        if ask_old:
            box.addWidget(plain_label(_("Current passphrase")))
            self.old_edit = secret_edit(_("Current passphrase"), self)
            box.addWidget(self.old_edit)
        caption = new_caption or (_("New passphrase") if ask_old else _("Passphrase"))
        box.addWidget(plain_label(caption))
        self.new_edit = secret_edit(caption, self)
        box.addWidget(self.new_edit)
        self.repeat_edit: QLineEdit | None = None
        self.hint_label: QLabel | None = None
        if new_twice:
            box.addWidget(plain_label(_("The same passphrase again")))
            self.repeat_edit = secret_edit(_("The same passphrase again"), self)
            box.addWidget(self.repeat_edit)
            self.hint_label = plain_label(strength_hint(""))
            box.addWidget(self.hint_label)
            self.new_edit.textChanged.connect(self._update_hint)
        self.error_label = plain_label("")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        box.addWidget(self.error_label)

    def _update_hint(self, text: str) -> None:
        if self.hint_label is not None:
            self.hint_label.setText(strength_hint(text))

    def check(self) -> str | None:
        """The problem with what was typed, or None."""
        if self.old_edit is not None and not self.old_edit.text():
            return _("Type the current passphrase.")
        new = self.new_edit.text()
        if not self.new_twice:
            return None if new else _("Type the passphrase.")
        if len(new) < MIN_LENGTH:
            return _("Use at least %(minimum)s characters.") % {
                "minimum": isolate_number(MIN_LENGTH)
            }
        assert self.repeat_edit is not None
        if self.repeat_edit.text() != new:
            return _("The two passphrases are not the same. Type them again.")
        return None

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def old(self) -> str:
        return self.old_edit.text() if self.old_edit is not None else ""

    def new(self) -> str:
        return self.new_edit.text()

    def clear(self) -> None:
        for edit in (self.old_edit, self.new_edit, self.repeat_edit):
            if edit is not None:
                edit.clear()

    def first_edit(self) -> QLineEdit:
        return self.old_edit or self.new_edit


class PassphraseDialog(QDialog):
    """A window-modal dialog around PassphraseFields; accepted only when the fields check out."""

    def __init__(
        self,
        parent: QWidget,
        title: str,
        explanation: str,
        *,
        ask_old: bool = False,
        new_twice: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        box = QVBoxLayout(self)
        box.addWidget(plain_label(explanation))
        self.fields = PassphraseFields(ask_old=ask_old, new_twice=new_twice, parent=self)
        box.addWidget(self.fields)
        buttons, self.ok_button, self.cancel_button = ok_cancel_buttons(self)
        box.addWidget(buttons)
        buttons.accepted.connect(self._try_accept)
        self.resize(460, self.sizeHint().height())

    def _try_accept(self) -> None:
        problem = self.fields.check()
        if problem is not None:
            self.fields.show_error(problem)
            self.fields.first_edit().setFocus()
            return
        self.accept()

    def done(self, result: int) -> None:
        super().done(result)  # emits accepted/rejected: handlers read the passphrase there
        self.fields.clear()  # so the closed dialog holds no passphrase
