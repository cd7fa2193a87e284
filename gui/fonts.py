"""Fonts for Arabic script: Noto Sans Arabic from i18n/fonts/ when shipped, else the system's."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from gui.bidi import layout_direction

FONT_FOLDER = Path(__file__).resolve().parent.parent / "i18n" / "fonts"


def load_fonts(folder: Path = FONT_FOLDER) -> str | None:
    """Register the .ttf files in `folder`; the family for Arabic script, or None."""
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")) if folder.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    arabic = [family for family in families if "arabic" in family.lower()]
    chosen = arabic or families
    return chosen[0] if chosen else None


def apply_font(app: QApplication, language: str, arabic_family: str | None, base: QFont) -> None:
    """Arabic-script languages read in `arabic_family` first (with the system font behind it)."""
    font = QFont(base)
    if arabic_family is not None:
        system = base.families() or [base.family()]
        if layout_direction(language) == Qt.LayoutDirection.RightToLeft:
            font.setFamilies([arabic_family, *system])
        else:
            font.setFamilies([*system, arabic_family])
    app.setFont(font)
