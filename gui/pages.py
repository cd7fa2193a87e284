"""What every page shares: a scrolling body and a row of navigation buttons."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from i18n.runtime import _


class ScrollingPage(QWidget):
    """A page whose body scrolls (1366×768 screens, large fonts) above fixed controls."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.outer = QVBoxLayout(self)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        self.column.setContentsMargins(24, 16, 24, 16)
        self.scroll_area.setWidget(self.body)
        self.outer.addWidget(self.scroll_area, 1)

    def focus_first(self) -> None:
        """Put the keyboard focus on the page's first input."""


def button(text: str, parent: QWidget | None = None) -> QPushButton:
    """A push button whose accessible name is its text."""
    result = QPushButton(text, parent)
    result.setAccessibleName(text.replace("&", ""))
    return result


def ok_cancel_buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton, QPushButton]:
    """OK and Cancel in the current language (not Qt's own, which has no Pashto), named for
    screen readers; Cancel rejects the dialog, OK is left to the dialog to check and accept."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    ok.setText(_("OK"))
    cancel.setText(_("Cancel"))
    for each in (ok, cancel):
        each.setAccessibleName(each.text())
    buttons.rejected.connect(dialog.reject)
    return buttons, ok, cancel
