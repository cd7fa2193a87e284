"""Drives the caseworker side of the window: the passphrase pages, the case list, dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QLineEdit, QListWidget, QWidget

from cases import CaseStore
from gui.case_list_page import CaseListPage, LabelDialog
from gui.case_unlock import UnlockPage
from gui.passphrase import PassphraseDialog
from tests.gui.gui_driver import Driver, type_text

PASSPHRASE = "کابل\u200cجان river 42 lamp"
WAIT_MS = 15_000


class CaseDriver(Driver):
    def unlock_page(self) -> UnlockPage:
        page = self.window.page
        assert isinstance(page, UnlockPage), self.window.view
        return page

    def case_list(self) -> CaseListPage:
        page = self.window.page
        assert isinstance(page, CaseListPage), self.window.view
        return page

    @property
    def store(self) -> CaseStore:
        store = self.window.case_flow.store
        assert store is not None
        return store

    def type_passphrase(self, passphrase: str, *, twice: bool) -> None:
        page = self.unlock_page()
        type_text(self.qtbot, page.fields.new_edit, passphrase)
        if twice:
            assert page.fields.repeat_edit is not None
            type_text(self.qtbot, page.fields.repeat_edit, passphrase)
        self.click(page.submit_button)

    def open_store(self, passphrase: str = PASSPHRASE) -> CaseListPage:
        """From the start page: Caseworker, then create or unlock the store."""
        self.start(caseworker=True)
        page = self.unlock_page()
        self.type_passphrase(passphrase, twice=page.creating)
        self.qtbot.waitUntil(lambda: self.window.view == "cases", timeout=WAIT_MS)
        return self.case_list()

    def label_dialog(self) -> LabelDialog:
        dialog = self.case_list().dialog
        assert isinstance(dialog, LabelDialog) and dialog.isVisible()
        return dialog

    def new_case(self, label: str | None = None) -> None:
        """New case… (the suggested label, or `label` typed), which opens its first question."""
        self.click(self.case_list().new_button)
        dialog = self.label_dialog()
        if label is not None:
            dialog.edit.clear()
            type_text(self.qtbot, dialog.edit, label)
        self.click(dialog.ok_button)
        assert self.window.view == "question"

    def select(self, label: str) -> None:
        page = self.case_list()
        matches = [s.case_id for s in page.summaries if s.label == label]
        assert len(matches) == 1, [s.label for s in page.summaries]
        page.select(matches[0])

    def listed_labels(self) -> list[str]:
        page = self.case_list()
        shown = set()
        for row in range(page.case_list.count()):
            shown.add(page.case_list.item(row).data(256))
        return [s.label for s in page.summaries if s.case_id in shown]

    def passphrase_dialog(self) -> PassphraseDialog:
        dialog = self.case_list().dialog
        assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
        return dialog

    def choose_file(self, path: Path) -> None:
        dialog = self.case_list().dialog
        assert isinstance(dialog, QFileDialog) and dialog.isVisible()
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.selectFile(str(path))
        dialog.accept()


def texts_on_screen() -> list[str]:
    """Every text a visible widget shows (labels, line edits, list rows, window titles)."""
    texts: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        texts.append(top.windowTitle())
        for widget in [top, *top.findChildren(QWidget)]:
            if not widget.isVisible():
                continue
            if isinstance(widget, QLabel | QLineEdit):
                texts.append(widget.text())
            elif isinstance(widget, QListWidget):
                texts.extend(widget.item(row).text() for row in range(widget.count()))
    return texts
