"""Labels that never parse a person's text as HTML, with font sizes relative to the system's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget


def scaled_font(font: QFont, scale: float, bold: bool = False) -> QFont:
    """`font` scaled from the system size (never a fixed point size), optionally bold."""
    result = QFont(font)
    if scale != 1.0 and result.pointSizeF() > 0:
        result.setPointSizeF(result.pointSizeF() * scale)
    if bold:
        result.setBold(True)
    return result


def plain_label(
    text: str,
    *,
    scale: float = 1.0,
    bold: bool = False,
    selectable: bool = False,
    parent: QWidget | None = None,
) -> QLabel:
    """A word-wrapped label showing `text` as plain text (Qt.PlainText), never rich text."""
    label = QLabel(parent)
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
