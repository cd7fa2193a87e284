"""Privacy canaries: a name typed into the window is never on disk in clear, in either mode.

A canary (Latin, and Pashto with ZWNJ) is typed as a case label, into an answer field (rejected,
then corrected), and used as the name of the folder a summary is saved in. Afterwards its bytes
(UTF-8 and UTF-16-LE) are in no file under the home folder (which holds the data, config and
cache folders) or the temporary folder. The case store and the export hold it encrypted only.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from cases import default_store_folder
from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from tests.gui.case_driver import WAIT_MS, CaseDriver
from tests.gui.gui_driver import Driver, reset_language, type_text
from tests.gui.personas import JOURNALIST

LATIN_CANARY = "Zarghuna Canary-7f3a"
PASHTO_CANARY = "زرغونه\u200cکناري-۷ف۳"
NEEDLES = [
    canary.encode(codec)
    for canary in (LATIN_CANARY, PASHTO_CANARY, "Canary-7f3a", "\u200cکناري")
    for codec in ("utf-8", "utf-16-le")
]


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


@pytest.fixture
def qt_settings_in_home() -> Iterator[Path]:
    """Qt caches where its settings live at first use: point them into this test's home."""
    config = Path(os.environ["XDG_CONFIG_HOME"])
    formats = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)
    for settings_format in formats:
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(config))
    yield config


def files_with_canary(*folders: Path) -> list[str]:
    hits = []
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            if any(needle in data for needle in NEEDLES):
                hits.append(str(path.relative_to(folder)))
            if any(needle in str(path).encode("utf-8") for needle in NEEDLES[::2]):
                hits.append(f"name: {path.relative_to(folder)}")
    return hits


def scanned_folders() -> list[Path]:
    home = Path(os.environ["HOME"])
    temp = Path(tempfile.gettempdir())
    assert default_store_folder().is_relative_to(home)
    return [home, temp]


def type_rejected_then_valid(driver: Driver, qtbot: QtBot, canary: str, valid: str) -> None:
    """On a date question: the canary is refused, then a real date is accepted."""
    page = driver.question_page()
    edit = page.field.input.edit  # type: ignore[attr-defined]
    type_text(qtbot, edit, canary)
    driver.click(page.next_button)
    assert driver.question_page() is page and page.field.error_label.isVisible()
    edit.clear()
    type_text(qtbot, edit, valid)
    driver.click(page.next_button)
    assert driver.window.view != "question" or driver.question_page() is not page


def walk_with_canary_date(driver: Driver, qtbot: QtBot) -> None:
    while driver.question_page().question.id != "birth_date":
        driver.answer_current(JOURNALIST)
    type_rejected_then_valid(driver, qtbot, PASHTO_CANARY + " " + LATIN_CANARY, "1990")
    driver.walk(JOURNALIST)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)


def save_summary_in(driver: Driver, qtbot: QtBot, folder: Path) -> Path:
    page = driver.window.page
    assert isinstance(page, ResultsPage)
    driver.click(page.export_button)
    dialog = page.file_dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    target = folder / "summary.pdf"
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: target.exists() and page.export_button.isEnabled(), timeout=WAIT_MS)
    qtbot.wait(50)  # the dialog is deleted and Qt's remembered folders are removed
    return target


def test_self_screening_leaves_no_canary(
    qtbot: QtBot, tmp_path: Path, qt_settings_in_home: Path
) -> None:
    driver = Driver(qtbot)
    driver.start()
    walk_with_canary_date(driver, qtbot)
    out = tmp_path / f"{LATIN_CANARY} {PASHTO_CANARY}"
    out.mkdir()
    save_summary_in(driver, qtbot, out)
    driver.window.close()
    assert files_with_canary(*scanned_folders()) == []
    assert not default_store_folder().exists()  # self-screening stores nothing


def test_caseworker_session_leaves_no_canary_in_clear(
    qtbot: QtBot, tmp_path: Path, qt_settings_in_home: Path
) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    driver.new_case(LATIN_CANARY)
    walk_with_canary_date(driver, qtbot)
    out = tmp_path / f"{LATIN_CANARY} {PASHTO_CANARY}"
    out.mkdir()
    save_summary_in(driver, qtbot, out)

    driver.click(driver.window.cases_button)
    page = driver.case_list()
    driver.select(LATIN_CANARY)
    driver.click(page.rename_button)
    dialog = driver.label_dialog()
    dialog.edit.clear()
    type_text(qtbot, dialog.edit, PASHTO_CANARY)
    driver.click(dialog.ok_button)
    type_text(qtbot, page.search_edit, PASHTO_CANARY[:4])
    assert driver.listed_labels() == [PASHTO_CANARY]

    driver.select(PASHTO_CANARY)
    driver.click(page.export_button)
    export_folder = Path(os.environ["HOME"]) / "exports"
    export_folder.mkdir()
    driver.choose_file(export_folder / "handover.masir")
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    secret = driver.passphrase_dialog()
    assert secret.fields.repeat_edit is not None
    type_text(qtbot, secret.fields.new_edit, "export secret 2026")
    type_text(qtbot, secret.fields.repeat_edit, "export secret 2026")
    driver.click(secret.ok_button)
    qtbot.waitUntil(lambda: (export_folder / "handover.masir").exists(), timeout=WAIT_MS)
    qtbot.wait(50)

    driver.click(driver.window.lock_button)
    driver.window.close()
    assert (default_store_folder() / "cases.sqlite3").is_file()
    assert files_with_canary(*scanned_folders()) == []
