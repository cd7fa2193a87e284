"""A case keeps the history of its results (issue "The caseworker's day", point 2): every
saving of results is dated, and what changed — route by route, before → after — stays with the
case (encrypted), is shown on its results and survives closing and reopening it."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from cases.models import CaseRecord
from tests.gui.case_driver import CaseDriver
from tests.gui.personas import JOURNALIST


def the_record(driver: CaseDriver) -> CaseRecord:
    case_id = driver.window.case_flow.case_id
    assert case_id is not None
    return driver.store.load(case_id)


def test_a_change_of_answers_is_kept_in_the_case_and_shown_after_reopening(
    qtbot: QtBot,
) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case("Interpreter")
    window = driver.window
    first = driver.results_after(JOURNALIST)
    assert first.history_label is not None and first.history_button is not None
    assert not first.history_label.isVisible(), "the history is there when asked, not before"
    assert "results saved" in first.history_label.text()
    assert len(the_record(driver).history) == 1

    before = {r.pathway: r.verdict for r in first.screening.results}
    second = driver.results_after_change("gender", "man")
    assert second.history_label is not None
    moved = [r for r in second.screening.results if before[r.pathway] != r.verdict]
    assert moved, "saying she is a man changes the women-at-risk routes"
    record = the_record(driver)
    assert len(record.history) == 2
    kept = {change.pathway for change in record.history[-1].changes}
    assert {r.pathway for r in moved} <= kept
    history = second.history_label.text()
    assert history.index("the results changed") < history.index("results saved"), "newest first"
    for result in moved:
        assert f"{result.name}:" in history, result.pathway

    # Seeing the same results again adds nothing to the history.
    window.show_results()
    assert len(the_record(driver).history) == 2

    # Closed and reopened: the history is still there, and a change made now is compared
    # with the results saved with the case, not with nothing.
    case_id = window.case_flow.case_id
    assert case_id is not None
    driver.click(window.cases_button)
    window.case_flow.open_case(case_id)
    third = driver.results_after_change("gender", "woman")
    assert third.history_button is not None and third.history_label is not None
    assert third.changes_label is not None, "compared with the results saved before closing"
    for result in moved:
        assert f"{result.name}:" in third.changes_label.text(), result.pathway
    assert len(the_record(driver).history) == 3
    third.history_button.click()
    assert third.history_label.isVisible()
