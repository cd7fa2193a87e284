"""Open each screen of the window and save a picture of it (run under Xvfb or a desktop).

Xvfb :99 -screen 0 1366x768x24 &
DISPLAY=:99 QT_QPA_PLATFORM=xcb python docs/screenshots/take_screenshots.py
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from gui.app import create_window  # noqa: E402
from gui.group_editor import GroupInput  # noqa: E402
from gui.main_window import MainWindow  # noqa: E402
from gui.mode import Mode  # noqa: E402
from gui.question_page import QuestionPage  # noqa: E402
from gui.results_page import ResultsPage  # noqa: E402
from gui.review_page import ReviewPage  # noqa: E402
from gui.session import Session  # noqa: E402
from pathways.engine import default_engine  # noqa: E402
from tests.gui.personas import INTERPRETER, JOURNALIST  # noqa: E402

OUT = Path(__file__).resolve().parent
FAMILY: dict[str, Any] = {
    "has_family_members": True,
    "family_members": [
        {"member_relationship": "spouse", "member_birth_date": "1988"},
        {"member_relationship": "child", "member_birth_date": "2017-03"},
        {"member_relationship": "child", "member_birth_date": "2009", "member_married": False},
    ],
    "has_relatives_abroad": True,
    "relatives_abroad": [
        {
            "relative_country": "ca",
            "relative_relationship": "sibling",
            "relative_status": "permanent_resident",
            "relative_status_date": "2022-08",
            "relative_listed_you": False,
            "relative_canada_programme": "neither",
        }
    ],
}
"""The interpreter's wife, a child of 9 and one of 17, and a brother in Canada."""
TODAY = date(2026, 11, 23)
STAGE = {
    "siv_com_applied_date": "2025-06-10",
    "siv_com_outcome": "approved",
    "siv_case_stage": "approved_only",
}


def settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def save(app: QApplication, widget: QWidget, name: str) -> None:
    settle(app)
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def answer_until(window: MainWindow, spec: dict[str, Any], stop: str | None) -> None:
    session = window.session
    assert session is not None
    while (question := session.interview.current()) is not None and question.id != stop:
        window.submit(spec.get(question.id, "unknown"))


def shots(app: QApplication, language: str) -> None:
    window = create_window(app, language, TODAY)
    window.resize(1366, 768)
    window.show()
    save(app, window, f"start-{language}.png")

    # Caseworker mode without a store, so the caseworker notes show (the store has its own tests).
    window.begin_session(Session.new(default_engine(), Mode.CASEWORKER, language, TODAY))
    answer_until(window, INTERPRETER, "current_country")
    page = window.page
    assert isinstance(page, QuestionPage)
    page.field.set_raw("PK")
    save(app, window, f"question-{language}.png")

    # The entry page and the review with entries, on a 1024×600 netbook screen.
    family = dict(INTERPRETER, **FAMILY)
    window.resize(1024, 600)
    answer_until(window, family, "employers")
    page = window.page
    assert isinstance(page, QuestionPage) and isinstance(page.field.input, GroupInput)
    page.field.input.add_button.click()
    form = page.entry_form
    assert form is not None
    for key in ("employer_type", "employer_role", "employer_in_afghanistan", "employer_start"):
        form.fields[key].set_raw(INTERPRETER["employers"][0][key])
    form.fields["employer_ongoing"].set_raw(False)
    save(app, window, f"group-entry-{language}.png")
    page.close_entry()
    answer_until(window, family, "family_members")
    page = window.page
    assert isinstance(page, QuestionPage) and isinstance(page.field.input, GroupInput)
    page.field.input.add_button.click()  # a child of 9: "Is this person married?" is not asked
    form = page.entry_form
    assert form is not None
    for key, value in {"member_relationship": "child", "member_birth_date": "2017-03"}.items():
        form.fields[key].set_raw(value)
    settle(app)
    bar = page.scroll_area.verticalScrollBar()
    bar.setValue(bar.maximum())  # its last fields: the birth date, and no "married?"
    save(app, window, f"group-entry-family-{language}.png")
    page.close_entry()
    page.field.set_raw(FAMILY["family_members"])
    save(app, window, f"group-list-{language}.png")
    answer_until(window, family, None)
    assert isinstance(window.page, ReviewPage)
    window.show_review(focus_on="family_members")
    save(app, window, f"review-entries-{language}.png")
    window.resize(1366, 768)
    window.show_review()
    save(app, window, f"review-{language}.png")
    window.show_results()  # a caseworker's results on a 1024×600 netbook screen
    window.resize(1024, 600)
    save(app, window, f"netbook-results-{language}.png")
    # He did send his Chief of Mission application in time, and it was approved: the results
    # say what that changed, route by route, before → after.
    window.change_answer("siv_com_applied")
    window.submit(True)
    answer_until(window, STAGE, None)
    window.show_results()
    save(app, window, f"netbook-changes-{language}.png")
    window.resize(1366, 768)

    window.begin_session(Session.new(default_engine(), Mode.SELF, language, TODAY))
    answer_until(window, JOURNALIST, "birth_date")
    page = window.page
    assert isinstance(page, QuestionPage)
    page.field.set_raw("1369/13/40")  # a month and a day that do not exist, as typed
    page.next_button.click()
    save(app, window, f"date-error-{language}.png")
    answer_until(window, JOURNALIST, None)
    window.show_results()
    results = window.page
    assert isinstance(results, ResultsPage)
    save(app, window, f"results-{language}.png")
    results.all_filter.setChecked(True)
    save(app, window, f"results-all-{language}.png")
    results.show_detail(results.plan.act_now[0].pathway)
    save(app, window, f"results-detail-{language}.png")
    results.show_detail("uk.ukrs")  # paragraphs that start with "UNHCR"
    save(app, window, f"results-unhcr-{language}.png")
    results.choose_pdf_path()
    save(app, results.file_dialog, f"save-dialog-{language}.png")
    results.file_dialog.reject()
    window.close()
    window.deleteLater()
    settle(app)


def main() -> int:
    app = QApplication(sys.argv)
    for language in sys.argv[1:] or ["en", "fa_AF", "ps"]:
        shots(app, language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
