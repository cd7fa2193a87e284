"""Qt's own words (its file dialog, its standard buttons and menus) in the person's language.

Qt ships a Persian catalog (qtbase_fa), which Dari readers read; it has none for Pashto, so
there the dialogs Masir opens get their visible labels from Masir's own catalogs
(gui/file_dialogs.py) and Qt's rarer words stay English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

QT_CATALOG = {"fa_AF": "qtbase_fa"}
"""Masir's language -> the Qt catalog that serves it."""

_installed: list[QTranslator] = []


def use_qt_words(language: str) -> bool:
    """Install Qt's catalog for `language` (removing the one before); False when Qt has none."""
    app = QCoreApplication.instance()
    if app is None:
        return False
    while _installed:
        app.removeTranslator(_installed.pop())
    catalog = QT_CATALOG.get(language)
    if catalog is None:
        return False
    translator = QTranslator(app)
    if not translator.load(catalog, QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        return False
    app.installTranslator(translator)
    _installed.append(translator)
    return True
