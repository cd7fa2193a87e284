"""Rule packs in the window: a caseworker previews and installs one from the case list, a bad
one is refused in one line; everyone sees which rules they use, and a warning when they are old."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from forms.answers_file import interview_from_answers
from gui.bidi import FSI, PDI
from gui.main_window import MainWindow
from gui.results_page import ResultsPage
from gui.rules_update import PreviewDialog
from gui.start_page import StartPage
from i18n.bidi import strip_isolates
from pathways.engine import default_engine, rules_in_use
from pathways.packs.pointers import rules_folder
from tests.gui.case_driver import WAIT_MS, CaseDriver
from tests.gui.gui_driver import reset_language
from tests.pathways.rule_packs import files, signed, snapshot

STALE_DAY = date(2027, 6, 1)  # the built-in rules were last checked on 23 November 2026


pytestmark = pytest.mark.usefixtures("trusted_test_key")


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def choose(qtbot: QtBot, driver: CaseDriver, path: Path) -> None:
    page = driver.case_list()
    driver.click(page.rules_button)
    dialog = page.rules_update.dialog
    assert isinstance(dialog, QFileDialog) and dialog.isVisible()
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.selectFile(str(path))
    dialog.accept()


def test_update_rules_from_file_previews_then_installs(qtbot: QtBot, tmp_path: Path) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    qtbot.waitUntil(lambda: "built into this Masir" in page.rules_label.text(), timeout=WAIT_MS)
    choose(qtbot, driver, signed(tmp_path, "new", files("2027.1")))
    qtbot.waitUntil(lambda: isinstance(page.rules_update.dialog, PreviewDialog), timeout=WAIT_MS)
    preview = page.rules_update.dialog
    assert isinstance(preview, PreviewDialog) and preview.isVisible()
    assert "2026.12.1 → 2027.1" in strip_isolates(preview.changes_label.text())
    assert snapshot(rules_folder()) == {}, "the preview installs nothing"
    driver.click(preview.install_button)
    qtbot.waitUntil(lambda: "in use from now on" in page.status_label.text(), timeout=WAIT_MS)
    assert "2027.1" in page.rules_label.text()
    assert "installed from a rule pack" in page.rules_label.text()
    assert rules_in_use().engine.rules.release == "2027.1"
    assert driver.window.engine_factory().rules.release == "2027.1", "new cases use them"


def test_a_refused_pack_is_one_line_and_changes_nothing(qtbot: QtBot, tmp_path: Path) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    cut = tmp_path / "cut.masirrules"
    cut.write_bytes(signed(tmp_path, "new", files("2027.1")).read_bytes()[:5000])
    choose(qtbot, driver, cut)
    qtbot.waitUntil(lambda: "cut short" in page.status_label.text(), timeout=WAIT_MS)
    assert "\n" not in page.status_label.text()
    assert page.rules_update.dialog is None
    assert snapshot(rules_folder()) == {}


def start_page_after_load(qtbot: QtBot, today: date) -> StartPage:
    window = MainWindow(today=today, quit_app=lambda: None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._rules_checked is not None, timeout=WAIT_MS)
    page = window.page
    assert isinstance(page, StartPage)
    return page


def test_the_start_page_warns_when_the_rules_are_old(qtbot: QtBot) -> None:
    assert start_page_after_load(qtbot, date(2026, 11, 23)).stale_label.isHidden()
    page = start_page_after_load(qtbot, STALE_DAY)
    assert page.stale_label.isVisible()
    assert "more than 90 days ago" in page.stale_label.text()
    assert "2026" in page.stale_label.text()


@pytest.mark.parametrize(("today", "stale"), [(date(2026, 11, 23), False), (STALE_DAY, True)])
def test_results_name_the_rules_and_warn_when_they_are_old(
    qtbot: QtBot, today: date, stale: bool
) -> None:
    engine = default_engine()
    screening = engine.screen(interview_from_answers(engine.questionnaire, {}, today))
    page = ResultsPage(screening, engine, "en", None)
    qtbot.addWidget(page)
    assert page.rules_label.text().startswith("Rules \u20682026.12.1\u2069 of ")
    assert "built into this Masir" in page.rules_label.text()
    assert page.stale_label.isHidden() is not stale
    if stale:
        assert "more than 90 days ago" in page.stale_label.text()


def test_the_case_list_marks_cases_screened_under_other_rules(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    old = driver.store.new_case("old rules")
    driver.store.new_case("no results")
    current = driver.store.new_case("today's rules")
    driver.store.save_screening(old, {"rules_version": "2026-06-01.0000"})
    version = default_engine().rules.version
    driver.store.save_screening(current, {"rules_version": version})
    page.reload()
    qtbot.waitUntil(lambda: page.rules_version == version, timeout=WAIT_MS)
    rows = {
        page.case_list.item(row).text().split(FSI)[1].split(PDI)[0]: page.case_list.item(row)
        for row in range(page.case_list.count())
    }
    assert set(rows) == {"old rules", "no results", "today's rules"}
    marked = {label for label, item in rows.items() if "other rules" in item.text()}
    assert marked == {"old rules"}
