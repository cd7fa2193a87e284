"""Labels that never parse a person's text as HTML, with font sizes relative to the system's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget


def scaled_font(font: QFont, scale: float, bold: bool = False) -> QFont:
    """`font` scaled from the system size (never a fixed point size), optionally bold."""
    result = QFont(font)
    if scale != 1.0 and result.pointSizeF() > 0:
        result.setPointSizeF(result.pointSizeF() * scale)
    if bold:
        result.setBold(True)
    return result


RLM = "\u200f"
LRM = "\u200e"


def directed(text: str) -> str:
    """`text` with each paragraph opened by a mark of the interface's direction: Qt takes a
    plain text's direction from its first strong letter, so "UNHCR …" would run left to
    right in a Pashto window (and a Dari name first, right to left in an English one)."""
    if not text:
        return text
    rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
    mark = RLM if rtl else LRM
    return "\n".join(
        line if line.startswith((RLM, LRM)) else mark + line for line in text.split("\n")
    )


def undirected(text: str) -> str:
    """`text` without the marks `directed` put at the start of its paragraphs."""
    return "\n".join(line.removeprefix(RLM).removeprefix(LRM) for line in text.split("\n"))


class DirectedLabel(QLabel):
    """A label whose paragraphs always run in the interface's direction (see `directed`);
    `text()` gives back the text as it was set, without the marks."""

    def setText(self, text: str) -> None:
        super().setText(directed(text))

    def text(self) -> str:
        return undirected(super().text())


def plain_label(
    text: str,
    *,
    scale: float = 1.0,
    bold: bool = False,
    selectable: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A word-wrapped label showing `text` as plain text (Qt.PlainText), never rich text."""
    label = DirectedLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setText(text)
    label.setFont(scaled_font(label.font(), scale, bold))
    if selectable:
        label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
    return label
