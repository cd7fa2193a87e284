"""The caseworker window, headless: store, cases, autosave and resume, locking, quick exit."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

import cases.crypto
import cases.store
from cases import TEST_KDF, CaseStore, CaseStoreError, ErrorKind, default_store_folder
from forms.answers import answer_to_json
from gui.bidi import FSI, PDI
from gui.case_list_page import suggested_label
from gui.case_session import retry_wait_seconds
from gui.passphrase import strength_hint
from gui.question_page import QuestionPage
from gui.results_page import ResultsPage
from gui.review_page import ReviewPage
from pathways.results import Verdict
from pathways.words import VERDICT
from tests.gui.case_driver import PASSPHRASE, WAIT_MS, CaseDriver, texts_on_screen
from tests.gui.gui_driver import core_screening, reset_language, type_text
from tests.gui.personas import JOURNALIST

PASHTO_LABEL = "ملالۍ\u200cیوسفزۍ"


@pytest.fixture(autouse=True)
def _language() -> Iterator[None]:
    yield from reset_language()


def answers_now(driver: CaseDriver) -> dict[str, object]:
    session = driver.window.session
    assert session is not None
    return {k: answer_to_json(v) for k, v in session.interview.answers.items()}


def current_id(driver: CaseDriver) -> str:
    return driver.question_page().question.id


def test_create_answer_quit_and_resume_at_the_same_question(qtbot: QtBot) -> None:
    first = CaseDriver(qtbot)
    page = first.open_store()
    assert page.summaries == [] and page.empty_label.isVisible()
    assert CaseStore.exists(default_store_folder())
    first.new_case()  # the suggested label
    assert first.store.list_cases()[0].label == "Case 1"
    for _ in range(5):
        first.answer_current(JOURNALIST)
    answers, question = answers_now(first), current_id(first)
    assert len(answers) == 5
    first.window.close()  # no explicit save anywhere
    assert first.window.case_flow.store is None

    second = CaseDriver(qtbot)
    second.start(caseworker=True)
    assert not second.unlock_page().creating
    second.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: second.window.view == "cases", timeout=WAIT_MS)
    listed = second.case_list().case_list.item(0).text()
    assert listed.startswith(f"{FSI}Case 1{PDI}") and f"{FSI}5{PDI} answers" in listed
    second.select("Case 1")
    second.click(second.case_list().open_button)
    assert current_id(second) == question
    assert answers_now(second) == answers
    second.answer_current(JOURNALIST)
    assert len(second.store.list_cases()[0].model_dump()) > 0
    assert second.store.list_cases()[0].answered_count == 6


def test_new_passphrase_rules_and_hint(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    driver.start(caseworker=True)
    page = driver.unlock_page()
    assert page.creating and page.fields.hint_label is not None
    type_text(qtbot, page.fields.new_edit, "short")
    assert "at least" in page.fields.hint_label.text()
    driver.click(page.submit_button)
    assert page.fields.error_label.text() == "Use at least 10 characters.".replace(
        "10", f"{FSI}10{PDI}"
    )
    type_text(qtbot, page.fields.new_edit, "four unrelated words here")
    assert page.fields.repeat_edit is not None
    type_text(qtbot, page.fields.repeat_edit, "four unrelated words HERE")
    driver.click(page.submit_button)
    assert "not the same" in page.fields.error_label.text()
    assert not CaseStore.exists(default_store_folder())


def test_strength_hint_words() -> None:
    assert strength_hint("abc").startswith("Too short")
    assert strength_hint("abcdefghij").startswith("Acceptable")
    assert strength_hint("کابل\u200cجان 2026 ok").startswith("Strong")
    assert suggested_label(["Case 1", "Case 3"]) == "Case 4"
    assert suggested_label(["Case 2"]) == "Case 3"


def test_wrong_passphrase_one_message_then_try_again(qtbot: QtBot) -> None:
    CaseStore.create(default_store_folder(), PASSPHRASE, kdf=TEST_KDF).close()
    driver = CaseDriver(qtbot)
    driver.start(caseworker=True)
    driver.type_passphrase("not the right one", twice=False)
    page = driver.unlock_page()
    assert page.busy_bar.isVisible() or page.fields.error_label.isVisible()
    qtbot.waitUntil(lambda: page.fields.error_label.isVisible(), timeout=WAIT_MS)
    assert page.fields.error_label.text() == "The passphrase is not right. Try again."
    assert page.fields.new_edit.text() == "" and page.submit_button.isEnabled()
    driver.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)


def test_repeated_wrong_passphrases_wait_longer_and_are_told_after_unlock(
    qtbot: QtBot,
) -> None:
    CaseStore.create(default_store_folder(), PASSPHRASE, kdf=TEST_KDF).close()
    driver = CaseDriver(qtbot)
    driver.start(caseworker=True)
    page = driver.unlock_page()
    for tries in range(1, 4):
        driver.type_passphrase(f"wrong passphrase {tries}", twice=False)
        qtbot.waitUntil(lambda: not page.busy_bar.isVisible(), timeout=WAIT_MS)
        qtbot.waitUntil(lambda: page.fields.error_label.isVisible(), timeout=WAIT_MS)
    assert retry_wait_seconds(1) == retry_wait_seconds(2) == 0
    assert [retry_wait_seconds(n) for n in (3, 4, 5, 20)] == [2, 4, 8, 60]
    assert page.wait_left == 2 and not page.submit_button.isEnabled()
    assert "wait" in page.busy_label.text()
    page.submit()  # Enter while waiting does nothing
    assert driver.window.case_flow.wrong_tries == 3
    page.finish_wait()
    default_store_folder().chmod(0o755)  # a second warning at the same unlock
    driver.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    status = driver.case_list().status_label.text()
    assert "3 failed attempts to open the cases since you last opened them." in status.replace(
        "\u2068", ""
    ).replace("\u2069", "")
    assert "they are now private to you" in status, "every unlock warning shows, none replaced"


def test_the_key_is_derived_off_the_ui_thread(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    CaseStore.create(default_store_folder(), PASSPHRASE, kdf=TEST_KDF).close()
    on_main_thread: list[bool] = []
    derive = cases.crypto.derive_key

    def spy(*args: object) -> bytes:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        return derive(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cases.store, "derive_key", spy)
    driver = CaseDriver(qtbot)
    driver.start(caseworker=True)
    driver.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    assert on_main_thread == [False]


def test_rename_delete_and_search_in_pashto(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    for label in ("Ahmad Zai", PASHTO_LABEL, "ملالۍ خان"):
        driver.store.new_case(label)
    page.reload()
    assert sorted(driver.listed_labels()) == sorted(["Ahmad Zai", PASHTO_LABEL, "ملالۍ خان"])

    type_text(qtbot, page.search_edit, "ملالۍ")
    assert sorted(driver.listed_labels()) == sorted([PASHTO_LABEL, "ملالۍ خان"])
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "\u200cیوسف")  # ZWNJ is part of the search
    assert driver.listed_labels() == [PASHTO_LABEL]
    page.search_edit.clear()
    type_text(qtbot, page.search_edit, "ahmad")
    assert driver.listed_labels() == ["Ahmad Zai"]
    page.search_edit.clear()

    driver.select("Ahmad Zai")
    driver.click(page.rename_button)
    dialog = driver.label_dialog()
    assert dialog.edit.text() == "Ahmad Zai"
    dialog.edit.clear()
    type_text(qtbot, dialog.edit, "احمد زی")
    driver.click(dialog.ok_button)
    assert "احمد زی" in driver.listed_labels() and "Ahmad Zai" not in driver.listed_labels()

    driver.select(PASHTO_LABEL)
    driver.click(page.delete_button)
    driver.click(page.delete_keep)
    assert PASHTO_LABEL in driver.listed_labels()
    driver.click(page.delete_button)
    driver.click(page.delete_confirm)
    assert PASHTO_LABEL not in driver.listed_labels()
    assert PASHTO_LABEL not in [s.label for s in driver.store.list_cases()]
    assert page.status_label.text() == "The case was deleted."


def test_idle_lock_clears_the_screen(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.window.case_flow.idle.set_interval_ms(1000)
    driver.new_case(PASHTO_LABEL)
    for _ in range(3):
        driver.answer_current(JOURNALIST)
    store = driver.store
    qtbot.waitUntil(lambda: driver.window.view == "unlock", timeout=5000)
    assert driver.window.session is None and driver.window.case_flow.store is None
    assert store._conn is None
    assert not driver.window.lock_button.isVisible()
    assert not [text for text in texts_on_screen() if PASHTO_LABEL in text]
    assert not [page for page in driver.window.findChildren(QuestionPage) if page.isVisible()]
    driver.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    assert PASHTO_LABEL in driver.listed_labels()


def test_idle_lock_closes_an_open_dialog(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    driver.store.new_case(PASHTO_LABEL)
    page.reload()
    driver.select(PASHTO_LABEL)
    driver.click(page.rename_button)
    dialog = driver.label_dialog()
    driver.window.case_flow.idle.set_interval_ms(300)
    qtbot.waitUntil(lambda: driver.window.view == "unlock", timeout=5000)
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert not [text for text in texts_on_screen() if PASHTO_LABEL in text]


def test_activity_postpones_the_idle_lock(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    driver.window.case_flow.idle.set_interval_ms(800)
    for _ in range(6):
        qtbot.wait(300)
        type_text(qtbot, page.search_edit, "a")
    assert driver.window.view == "cases"


def test_lock_button_and_quick_exit_close_the_store(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case("Case for quick exit")
    driver.answer_current(JOURNALIST)
    driver.click(driver.window.lock_button)
    assert driver.window.view == "unlock" and driver.window.case_flow.store is None
    driver.type_passphrase(PASSPHRASE, twice=False)
    qtbot.waitUntil(lambda: driver.window.view == "cases", timeout=WAIT_MS)
    driver.select("Case for quick exit")
    driver.click(driver.case_list().open_button)
    store = driver.store
    driver.click(driver.window.quick_exit_button)
    assert driver.quits == [True]
    assert driver.window.case_flow.store is None and store._conn is None
    assert driver.window.session is None
    with pytest.raises(CaseStoreError):
        store.list_cases()


def test_a_failed_save_keeps_the_answer_on_screen(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case()
    driver.answer_current(JOURNALIST)
    store = driver.store
    question = current_id(driver)
    before = answers_now(driver)

    def disk_full(*args: object, **kwargs: object) -> None:
        raise CaseStoreError(ErrorKind.DISK_FULL)

    monkeypatch.setattr(store, "save_answers", disk_full)
    driver.answer_current(JOURNALIST)
    notice = driver.window.notice_label
    assert notice.isVisible() and "The disk is full" in notice.text()
    assert current_id(driver) == question and answers_now(driver) == before
    page = driver.question_page()
    assert page.field.raw() == JOURNALIST[question]

    monkeypatch.undo()
    driver.click(page.next_button)  # the same answer, still on screen
    assert current_id(driver) != question and not notice.isVisible()
    saved = store.load(store.list_cases()[0].case_id)
    assert saved.answers[question] == JOURNALIST[question]
    assert saved.current_question == current_id(driver)


def test_results_are_saved_and_rescreen_shows_what_changed(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case("Journalist")
    driver.walk(JOURNALIST)
    review = driver.window.page
    assert isinstance(review, ReviewPage)
    driver.click(review.results_button)
    assert isinstance(driver.window.page, ResultsPage)
    store = driver.store
    case_id = store.list_cases()[0].case_id
    saved = store.load(case_id)
    assert saved.current_question is None and saved.screening is not None
    core = core_screening(JOURNALIST, "en")
    assert saved.screening["answers"] == core.model_dump(mode="json")["answers"]

    # As if the case had been screened under older rules: us.siv was "eligible" then.
    old = dict(saved.screening)
    results = [dict(r) for r in old["results"]]  # type: ignore[union-attr, arg-type]
    siv = next(r for r in results if r["pathway"] == "us.siv")
    now = siv["verdict"]
    siv["verdict"] = "eligible"
    store.save_screening(case_id, {**old, "results": results})  # type: ignore[dict-item]

    driver.click(driver.window.cases_button)
    page = driver.case_list()
    driver.select("Journalist")
    driver.click(page.rescreen_button)
    lines = page.report_label.text().replace(FSI, "").replace(PDI, "").splitlines()
    assert lines[0].startswith("Compared with the results saved on")
    assert lines[1:] == [f"us.siv: Eligible → {VERDICT[Verdict(now)]}"]


def test_export_and_import_through_the_dialogs(qtbot: QtBot, tmp_path: Path) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    driver.store.new_case(PASHTO_LABEL)
    page.reload()
    driver.select(PASHTO_LABEL)
    driver.click(page.export_button)
    target = tmp_path / "handover"
    driver.choose_file(target)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = driver.passphrase_dialog()
    assert dialog.fields.repeat_edit is not None
    type_text(qtbot, dialog.fields.new_edit, "export secret 99")
    type_text(qtbot, dialog.fields.repeat_edit, "export secret 99")
    driver.click(dialog.ok_button)
    qtbot.waitUntil(
        lambda: page.status_label.text() == "1 case exported.".replace("1", f"{FSI}1{PDI}"),
        timeout=WAIT_MS,
    )
    exported = tmp_path / "handover.masir"
    assert exported.is_file() and PASHTO_LABEL.encode() not in exported.read_bytes()

    driver.click(page.import_button)
    driver.choose_file(exported)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = driver.passphrase_dialog()
    type_text(qtbot, dialog.fields.new_edit, "wrong secret!")
    driver.click(dialog.ok_button)
    qtbot.waitUntil(
        lambda: "not right for this export" in page.status_label.text(), timeout=WAIT_MS
    )
    assert driver.listed_labels() == [PASHTO_LABEL]

    driver.click(page.import_button)
    driver.choose_file(exported)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible(), timeout=WAIT_MS)
    dialog = driver.passphrase_dialog()
    type_text(qtbot, dialog.fields.new_edit, "export secret 99")
    driver.click(dialog.ok_button)
    qtbot.waitUntil(lambda: "imported" in page.status_label.text(), timeout=WAIT_MS)
    assert driver.listed_labels() == [PASHTO_LABEL, PASHTO_LABEL]


def test_change_passphrase_off_the_ui_thread(qtbot: QtBot) -> None:
    driver = CaseDriver(qtbot)
    page = driver.open_store()
    driver.store.new_case("kept")
    driver.click(page.passphrase_button)
    dialog = driver.passphrase_dialog()
    assert dialog.fields.old_edit is not None and dialog.fields.repeat_edit is not None
    type_text(qtbot, dialog.fields.old_edit, PASSPHRASE)
    type_text(qtbot, dialog.fields.new_edit, "a brand new passphrase")
    type_text(qtbot, dialog.fields.repeat_edit, "a brand new passphrase")
    driver.click(dialog.ok_button)
    assert dialog.fields.new_edit.text() == ""  # the closed dialog keeps no passphrase
    qtbot.waitUntil(
        lambda: page.status_label.text() == "The passphrase was changed.", timeout=WAIT_MS
    )
    driver.click(driver.window.lock_button)
    driver.type_passphrase("a brand new passphrase", twice=False)
    unlock = driver.unlock_page()
    qtbot.waitUntil(
        lambda: driver.window.view == "cases" or unlock.fields.error_label.isVisible(),
        timeout=WAIT_MS,
    )
    assert driver.window.view == "cases", unlock.fields.error_label.text()
    assert driver.listed_labels() == ["kept"]


def test_save_failure_of_the_results_is_one_message(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    driver = CaseDriver(qtbot)
    driver.open_store()
    driver.new_case()
    driver.walk({}, default="unknown")

    def read_only(*args: object, **kwargs: object) -> None:
        raise CaseStoreError(ErrorKind.READ_ONLY)

    monkeypatch.setattr(driver.store, "save_screening", read_only)
    driver.click(driver.window.page.results_button)  # type: ignore[union-attr]
    assert driver.window.view == "results"
    assert "could not be saved" in driver.window.notice_label.text()
    assert isinstance(driver.window.page, ResultsPage)
    assert not isinstance(driver.window.page, QuestionPage)
