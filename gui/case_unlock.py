"""The page before the cases: create the store's passphrase (first time) or unlock it.

The page only collects the passphrase; the case flow derives the key on the thread pool
(Argon2id takes about half a second) while the page shows that it is busy.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QWidget

from gui.bidi import isolate_number
from gui.labels import plain_label
from gui.pages import ScrollingPage, button
from gui.passphrase import PassphraseFields
from i18n.runtime import _, ngettext


class UnlockPage(ScrollingPage):
    """Emits `submitted(passphrase)` once the fields check out; `cancelled` for Back."""

    submitted = Signal(str)
    cancelled = Signal()

    def __init__(self, create: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.creating = create
        if create:
            title = _("Protect the cases with a passphrase")
            lines = [
                _(
                    "Cases are kept on this computer, encrypted with a key made from a "
                    "passphrase you choose now. Without it nobody can read them — not even you: "
                    "if you forget it, the cases are lost."
                ),
                _(
                    "Choose at least 10 characters. Several unrelated words are easy to "
                    "remember and hard to guess. Do not write it next to the computer."
                ),
            ]
        else:
            title = _("Unlock the cases")
            lines = [_("Type the passphrase of the case store on this computer.")]
        self.column.addWidget(plain_label(title, scale=1.5, bold=True))
        for line in lines:
            self.column.addWidget(plain_label(line))
        self.column.addSpacing(8)
        self.fields = PassphraseFields(new_twice=create, parent=self.body)
        self.column.addWidget(self.fields)
        busy_row = QHBoxLayout()
        self.busy_bar = QProgressBar(self.body)
        self.busy_bar.setRange(0, 0)  # busy indicator
        self.busy_bar.setMaximumWidth(200)
        self.busy_bar.setAccessibleName(_("Working"))
        self.busy_label = plain_label("")
        busy_row.addWidget(self.busy_bar)
        busy_row.addWidget(self.busy_label, 1)
        self.column.addLayout(busy_row)
        self.column.addStretch(1)
        row = QHBoxLayout()
        self.back_button = button(_("Back"), self)
        self.submit_button = button(_("Create the case store") if create else _("Unlock"), self)
        self.submit_button.setDefault(True)
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.submit_button)
        self.outer.addLayout(row)
        self.back_button.clicked.connect(self.cancelled)
        self.submit_button.clicked.connect(self.submit)
        self.wait_left = 0
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(1000)
        self.wait_timer.timeout.connect(self._tick)
        self.set_busy(False)

    def focus_first(self) -> None:
        self.fields.first_edit().setFocus(Qt.FocusReason.OtherFocusReason)

    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return
        problem = self.fields.check()
        if problem is not None:
            self.show_error(problem)
            return
        self.show_error("")
        self.submitted.emit(self.fields.new())

    def set_busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        self.busy_label.setText(
            (_("Creating the case store…") if self.creating else _("Unlocking…")) if busy else ""
        )
        for widget in (self.fields, self.submit_button, self.back_button):
            widget.setEnabled(not busy)
        if self.wait_left > 0:
            self.submit_button.setEnabled(False)

    def wait(self, seconds: int) -> None:
        """After repeated wrong passphrases: no new try for `seconds`, counted down on screen."""
        if seconds <= 0:
            return
        self.wait_left = seconds
        self.submit_button.setEnabled(False)
        self._show_wait()
        self.wait_timer.start()

    def _tick(self) -> None:
        self.wait_left -= 1
        if self.wait_left <= 0:
            self.finish_wait()
        else:
            self._show_wait()

    def finish_wait(self) -> None:
        self.wait_timer.stop()
        self.wait_left = 0
        self.busy_label.setText("")
        self.submit_button.setEnabled(True)

    def _show_wait(self) -> None:
        self.busy_label.setText(
            ngettext(
                "Too many wrong passphrases: wait %(count)s second before the next try.",
                "Too many wrong passphrases: wait %(count)s seconds before the next try.",
                self.wait_left,
            )
            % {"count": isolate_number(self.wait_left)}
        )

    def show_error(self, text: str) -> None:
        """One clear message; the passphrase fields are emptied and focused for another try."""
        self.fields.show_error(text)
        if text:
            self.fields.clear()
            self.focus_first()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            event.accept()
            return
        super().keyPressEvent(event)
