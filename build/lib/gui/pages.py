"""What every page shares: a scrolling body and a row of navigation buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QVBoxLayout, QWidget


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
