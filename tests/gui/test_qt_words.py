"""Qt's own dialogs speak the person's language: Qt's Persian catalog for Dari, Masir's own
labels on the save dialog for Pashto (Qt has no Pashto), and paths left to right."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from gui.file_dialogs import private_file_dialog
from gui.qt_words import use_qt_words
from i18n.runtime import set_language, translations


@pytest.fixture
def rtl() -> Iterator[None]:
    QApplication.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    yield
    set_language("en")
    use_qt_words("en")
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_qts_words_are_persian_in_dari_and_english_again_after(qtbot: QtBot, rtl: None) -> None:
    assert use_qt_words("fa_AF")
    assert QCoreApplication.translate("QFileDialog", "New Folder") == "پوشهٔ جدید"
    assert not use_qt_words("en")
    assert QCoreApplication.translate("QFileDialog", "New Folder") == "New Folder"


@pytest.mark.parametrize("language", ["ps", "fa_AF"])
def test_the_save_dialog_is_labelled_in_the_persons_language(
    qtbot: QtBot, rtl: None, language: str, tmp_path: Path
) -> None:
    set_language(language)
    use_qt_words(language)
    parent = QWidget()
    qtbot.addWidget(parent)
    dialog = private_file_dialog(parent, "x", "PDF (*.pdf)", lambda _path: None, save=True)
    catalog = translations(language)
    try:
        assert dialog.labelText(QFileDialog.DialogLabel.Accept) == catalog.gettext("Save")
        assert dialog.labelText(QFileDialog.DialogLabel.FileName) == catalog.gettext("File name:")
        assert dialog.labelText(QFileDialog.DialogLabel.Reject) == catalog.gettext("Cancel")
        assert dialog.viewMode() is QFileDialog.ViewMode.List
        name = dialog.findChildren(QLineEdit)[0]
        assert name.layoutDirection() is Qt.LayoutDirection.LeftToRight, "paths read left to right"
    finally:
        dialog.reject()
