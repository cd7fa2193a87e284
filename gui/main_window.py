"""The window: a top bar (language, quick exit) over one page at a time.

Start → one page per question → review → results. All answers live in the Session; pages are
rebuilt from it, so switching language mid-interview keeps every answer.

Caseworker mode goes through the case store first (gui/case_session.py): create or unlock it,
pick or start a case on the case list, then the same pages, every answer saved as it is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from forms.errors import AnswersError
from gui.bidi import isolate_number, layout_direction
from gui.busy import busy_cursor
from gui.engine_loader import EngineLoader
from gui.labels import plain_label
from gui.mode import Mode
from gui.module_sources import forget_module_sources
from gui.pages import ScrollingPage, button
from gui.quick_exit import QuickExit, clear_widgets
from gui.rules_words import stale_text
from gui.start_page import StartPage
from i18n.runtime import LANGUAGES, _, current_language, ngettext, set_language

if TYPE_CHECKING:  # the pages, the case store and the rules are imported on first use
    from cases import CaseStoreError, KdfParams
    from forms.answers import JSONValue
    from forms.questions import Question
    from gui.case_session import CaseFlow
    from gui.export import Writer
    from gui.session import Session
    from pathways.engine import Engine
    from pathways.results import Screening

QUICK_EXIT_STYLE = (
    "QPushButton { background: #b00020; color: white; font-weight: bold;"
    " padding: 6px 16px; border-radius: 4px; }"
    "QPushButton:focus { border: 3px solid #1a1a1a; }"
)


def dropped_note(session: Session) -> str | None:
    """Which answers the last one removed, with what they said (they can be brought back)."""
    from gui.answer_text import answer_text

    dropped = session.dropped_answers()
    if not dropped:
        return None
    questions = session.interview.questionnaire
    listed = "; ".join(
        f"“{_(questions.question(qid).text)}”: {answer_text(questions.question(qid), value)}"
        for qid, value in dropped.items()
    )
    return ngettext(
        "%(count)s answer no longer needed was removed: %(answers)s",
        "%(count)s answers no longer needed were removed: %(answers)s",
        len(dropped),
    ) % {"count": isolate_number(len(dropped)), "answers": listed}


class MainWindow(QMainWindow):
    def __init__(
        self,
        *,
        today: date | None = None,
        engine_factory: Callable[[], Engine] | None = None,
        quit_app: Callable[[], None] | None = None,
        writer: Writer | None = None,
        on_language_changed: Callable[[str], None] | None = None,
        store_folder: Path | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__()
        self.today = today or date.today()
        self.engine_factory: Callable[[], Engine] = engine_factory or EngineLoader()
        self._store_folder = store_folder
        self._kdf = kdf
        self._case_flow: CaseFlow | None = None
        self._rules_checked: date | None = None  # known once the rules are loaded
        self._painted = False
        self.writer: Writer | None = writer
        self.on_language_changed = on_language_changed
        self.session: Session | None = None
        self.screening: Screening | None = None
        self.view = "start"
        self.return_to_review = False
        self.changed_question: str | None = None
        self.page: QWidget | None = None
        self._restore_geometry()

        root = QWidget(self)
        column = QVBoxLayout(root)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.top_bar = QWidget(root)
        self.top_bar.setObjectName("topBar")
        self.top_bar.setStyleSheet("QWidget#topBar { border-bottom: 1px solid #999; }")
        bar = QHBoxLayout(self.top_bar)
        self.title_label = plain_label("", scale=1.2, bold=True)
        self.mode_label = plain_label("")
        self.language_combo = QComboBox(self.top_bar)
        for code, name in LANGUAGES.items():
            self.language_combo.addItem(name, code)
        self.quick_exit_button = button("", self.top_bar)
        self.quick_exit_button.setStyleSheet(QUICK_EXIT_STYLE)
        self.title_label.setWordWrap(False)
        self.mode_label.setWordWrap(False)
        bar.addWidget(self.title_label)
        bar.addSpacing(16)
        bar.addWidget(self.mode_label)
        bar.addStretch(1)
        self.language_caption = plain_label("")
        self.language_caption.setWordWrap(False)
        bar.addWidget(self.language_caption)
        bar.addWidget(self.language_combo)
        bar.addSpacing(16)
        self.cases_button = button("", self.top_bar)
        self.lock_button = button("", self.top_bar)
        bar.addWidget(self.cases_button)
        bar.addWidget(self.lock_button)
        bar.addSpacing(16)
        bar.addWidget(self.quick_exit_button)
        column.addWidget(self.top_bar)
        self.notice_label = plain_label("", bold=True)
        self.notice_label.setStyleSheet("background: #fdeaea; color: #8b1a1a; padding: 8px;")
        self.notice_label.hide()
        column.addWidget(self.notice_label)
        self.holder = QVBoxLayout()
        column.addLayout(self.holder, 1)
        self.setCentralWidget(root)

        self.cases_button.clicked.connect(lambda: self.case_flow.show_list())
        self.lock_button.clicked.connect(lambda: self.case_flow.lock())
        self.language_combo.currentIndexChanged.connect(self._combo_language)
        self.quick_exit = QuickExit(self, self.wipe, quit_app)
        self.quick_exit_button.clicked.connect(self.quick_exit.trigger)
        for keys in ("Alt+Left", "Ctrl+B"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(self.go_back)
        self._retranslate_bar()
        self.show_start()

    @property
    def case_flow(self) -> CaseFlow:
        """The case store's flow, made on first use: self-screening never imports it."""
        if self._case_flow is None:
            from gui.case_session import CaseFlow

            flow = CaseFlow(
                self,
                folder=self._store_folder,
                kdf=self._kdf,
                today=self.today,
                engine_factory=self.engine_factory,
            )
            flow.page_ready.connect(self.set_case_page)
            flow.session_opened.connect(self.begin_session)
            flow.session_closed.connect(self.end_session)
            flow.cancelled.connect(self.back_to_start)
            flow.locking.connect(self._empty_page)
            self._case_flow = flow
        return self._case_flow

    def event(self, event: QEvent) -> bool:
        """After the first paint, watch for Esc pressed twice (gui/quick_exit.py) and load the
        rules in the background (gui/engine_loader.py)."""
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.quick_exit.watch_for_double_esc()
            if isinstance(self.engine_factory, EngineLoader):
                QTimer.singleShot(0, self._load_rules)
        return super().event(event)

    def _load_rules(self) -> None:
        """Start the load, and say on the start page if the rules turn out to be old."""
        from gui.background import run_in_background

        loader = self.engine_factory
        assert isinstance(loader, EngineLoader)
        loader.start()
        job = run_in_background(loader)
        job.done.connect(self._rules_ready)

    def _rules_ready(self, engine: Engine) -> None:
        self._rules_checked = engine.rules.checked
        if isinstance(self.page, StartPage):
            self.page.show_rules_warning(stale_text(self._rules_checked, self.today))

    # -- pages ---------------------------------------------------------------------------

    def _set_page(self, page: ScrollingPage, view: str) -> None:
        self.show_notice("")
        if self.page is not None:
            self.page.hide()
            self.holder.removeWidget(self.page)
            self.page.deleteLater()
        self.page = page
        self.view = view
        self.holder.addWidget(page)
        page.show()
        page.focus_first()
        self._update_case_buttons()
        forget_module_sources()  # what making the page imported (gui/module_sources.py)

    def show_start(self) -> None:
        page = StartPage(current_language())
        page.show_rules_warning(stale_text(self._rules_checked, self.today))
        page.language_chosen.connect(self.switch_language)
        page.mode_chosen.connect(self.start_session)
        self._set_page(page, "start")

    def start_session(self, mode: Mode) -> None:
        if mode is Mode.CASEWORKER:
            self.case_flow.begin()
            return
        from gui.session import Session

        self.begin_session(Session.new(self.engine_factory(), mode, current_language(), self.today))

    def begin_session(self, session: Session, note: str | None = None) -> None:
        """Start or resume an interview (a caseworker's case resumes at its current question)."""
        self.session = session
        self.screening = None
        self.return_to_review = False
        self._retranslate_bar()
        self.show_current(note)

    def end_session(self) -> None:
        """Forget the interview in memory (a caseworker's case is already saved)."""
        if self.session is not None:
            self.session.wipe()
        self.session = None
        self.screening = None

    def set_case_page(self, page: ScrollingPage, view: str) -> None:
        """The unlock page or the case list (from the case flow)."""
        self._set_page(page, view)
        self._retranslate_bar()

    def _empty_page(self) -> None:
        """The cases lock: the page showing a person's answers is emptied now (deleted later)."""
        if self.page is not None:
            clear_widgets(self.page)

    def back_to_start(self) -> None:
        self.end_session()
        self._retranslate_bar()
        self.show_start()

    def show_notice(self, text: str) -> None:
        """One clear message above the page (a failed save); empty hides it."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def show_current(self, note: str | None = None, draft: object | None = None) -> None:
        assert self.session is not None
        question = self.session.interview.current()
        if question is None:
            self.show_review(note)
        else:
            self.show_question(question, note, draft)

    def show_question(
        self, question: Question, note: str | None = None, draft: object | None = None
    ) -> None:
        from gui.question_page import QuestionPage

        assert self.session is not None
        page = QuestionPage(self.session, question, note)
        if draft is not None:
            page.field.set_raw(draft)  # type: ignore[arg-type]
        page.submitted.connect(self.submit)
        page.back_requested.connect(self.go_back)
        self._set_page(page, "question")

    def show_review(self, note: str | None = None, focus_on: str | None = None) -> None:
        """The review; after a change made from it, back at that answer, not at the top."""
        from gui.review_page import ReviewPage

        assert self.session is not None
        self.return_to_review = False
        page = ReviewPage(self.session, note, focus_on=focus_on)
        page.change_requested.connect(self.change_answer)
        page.undo_requested.connect(self.undo_removal)
        page.back_requested.connect(self.go_back)
        page.results_requested.connect(self.show_results)
        self._set_page(page, "review")

    def show_results(self) -> None:
        from gui.results_page import ResultsPage
        from pathways.compare import compare

        assert self.session is not None
        case_open = self.session.caseworker and self.case_flow.case_id is not None
        # The results seen before: in this session, or those saved with the case.
        previous = self.screening
        if previous is None and case_open:
            previous = self.case_flow.saved_screening
        with busy_cursor():  # judging and the first results page take over 100 ms
            self.screening = self.session.screen()
            problem = None
            if case_open:
                try:
                    self.case_flow.save_screening(self.screening)
                except self._store_errors() as error:
                    from gui.case_errors import store_error_text

                    problem = _("The results could not be saved with the case: %(reason)s") % {
                        "reason": store_error_text(error)
                    }
            history: list[str] = []
            if case_open:  # the case store's history: self-screening never imports it
                from gui.case_history import history_lines

                names = {result.pathway: _(result.name) for result in self.screening.results}
                history = history_lines(self.case_flow.history, names)
            page = ResultsPage(
                self.screening,
                self.session.engine,
                self.session.language,
                self.writer,
                caseworker=self.session.caseworker,
                case_reference=self.session.case_reference,
                changes=compare(previous, self.screening) if previous is not None else [],
                history=history,
            )
        session = self.session
        page.reference_field.textChanged.connect(
            lambda text: setattr(session, "case_reference", text)
        )
        page.back_requested.connect(lambda: self.show_review())
        self._set_page(page, "results")
        if problem is not None:
            self.show_notice(problem)

    def _store_errors(self) -> tuple[type[CaseStoreError], ...]:
        """What saving to the case store can raise: only a caseworker's session saves, so
        self-screening catches nothing and never imports the case store (3 MB, 27 ms)."""
        if self.session is None or not self.session.caseworker:
            return ()
        from cases import CaseStoreError

        return (CaseStoreError,)

    # -- navigation ----------------------------------------------------------------------

    def submit(self, raw: object) -> None:
        from gui.question_page import QuestionPage

        assert self.session is not None
        page = self.page
        try:
            dropped = self.session.answer(raw)
        except AnswersError as error:
            if isinstance(page, QuestionPage):
                page.field.show_error(page.field.error_text(error))
            return
        except self._store_errors() as error:
            from gui.case_errors import store_error_text

            # Not saved: the interview is as before the answer, which stays on screen.
            self.show_notice(
                _("This answer could not be saved: %(reason)s Your answer is still on screen.")
                % {"reason": store_error_text(error)}
            )
            return
        note = dropped_note(self.session) if dropped else None
        interview = self.session.interview
        if self.return_to_review:
            unanswered = [q for q in interview.flow() if q.id not in interview.answers]
            if not unanswered:
                self.show_review(note, focus_on=self.changed_question)
                return
            interview.go_to(unanswered[0].id)
        self.show_current(note)

    def go_back(self) -> None:
        if self.session is None or self.view in ("start", "unlock", "cases"):
            return
        if self.view == "results":
            self.show_review()
            return
        from gui.question_page import QuestionPage

        page = self.page
        if isinstance(page, QuestionPage) and page.entry_form is not None:
            page.close_entry()  # back from an entry's form to the list, the entry as it was
            return
        if isinstance(page, QuestionPage) and not page.back_button.isEnabled():
            return
        self.session.interview.back()
        self.show_current()

    def change_answer(self, question_id: str) -> None:
        assert self.session is not None
        question = self.session.interview.go_to(question_id)
        self.return_to_review = True
        self.changed_question = question_id
        self.show_question(question)

    def undo_removal(self) -> None:
        """Bring back the answers the last change removed (saved again for a case)."""
        assert self.session is not None
        try:
            self.session.undo()
        except self._store_errors() as error:
            from gui.case_errors import store_error_text

            self.show_notice(
                _("The answers could not be brought back: %(reason)s")
                % {"reason": store_error_text(error)}
            )
            return
        self.show_review(_("The removed answers are back."), focus_on=self.changed_question)

    # -- language ------------------------------------------------------------------------

    def _combo_language(self, index: int) -> None:
        code = self.language_combo.itemData(index)
        if isinstance(code, str) and code != current_language():
            self.switch_language(code)

    def switch_language(self, code: str) -> None:
        """Change language and direction, and rebuild the current page; answers are kept."""
        set_language(code)
        QApplication.setLayoutDirection(layout_direction(code))
        if self.on_language_changed is not None:
            self.on_language_changed(code)
        if self.session is not None:
            self.session.language = code
        self._retranslate_bar()
        draft: JSONValue | object | None = None
        entry: tuple[dict[str, JSONValue], int] | None = None  # an entry's form left open
        if self.view == "question":
            from gui.question_page import QuestionPage

            if isinstance(self.page, QuestionPage):
                draft = self.page.field.raw()
                if self.page.entry_form is not None:
                    entry = (self.page.entry_form.draft(), self.page.entry_row)
        if self.view in ("unlock", "cases"):
            self.case_flow.rebuild(self.view)
        elif self.view == "start" or self.session is None:
            self.show_start()
        elif self.view == "question":
            self.show_current(draft=draft)
            if entry is not None and isinstance(self.page, QuestionPage):
                self.page.open_entry(*entry)
        elif self.view == "review":
            self.show_review()
        else:
            self.show_results()

    def _retranslate_bar(self) -> None:
        self.setWindowTitle(_("Masir"))
        self.title_label.setText(_("Masir"))
        if self.view in ("unlock", "cases"):
            self.mode_label.setText(_("Caseworker mode"))
        elif self.session is None:
            self.mode_label.setText("")
        elif self.session.caseworker:
            self.mode_label.setText(_("Caseworker mode"))
        else:
            self.mode_label.setText(_("Checking for myself: nothing is stored"))
        self.language_caption.setText(_("Language:"))
        self.language_combo.setAccessibleName(_("Language"))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(self.language_combo.findData(current_language()))
        self.language_combo.blockSignals(False)
        self.quick_exit_button.setText(_("Quick exit"))
        self.quick_exit_button.setAccessibleName(_("Quick exit"))
        self.quick_exit_button.setToolTip(
            _("Hide Masir at once and forget the answers (Ctrl+Shift+Q, or Esc twice)")
        )
        self.cases_button.setText(_("Cases"))
        self.cases_button.setAccessibleName(_("Back to the cases"))
        self.cases_button.setToolTip(_("Back to the case list; every answer is already saved"))
        self.lock_button.setText(_("Lock"))
        self.lock_button.setAccessibleName(_("Lock the cases"))
        self.lock_button.setToolTip(_("Lock the cases now; the passphrase opens them again"))
        self._update_case_buttons()

    def _update_case_buttons(self) -> None:
        unlocked = self._case_flow is not None and self._case_flow.unlocked
        self.lock_button.setVisible(unlocked)
        self.cases_button.setVisible(unlocked and self.view not in ("cases", "unlock"))

    # -- quick exit ----------------------------------------------------------------------

    def wipe(self) -> None:
        """Quick exit: lock and close the case store, forget the interview."""
        if self._case_flow is not None:
            self._case_flow.close()
        self.end_session()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._case_flow is not None:
            self._case_flow.close()
            # Only where the case store was used: self-screening on a shared machine must not
            # leave even a settings file saying that Masir was opened.
            window_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    def _restore_geometry(self) -> None:
        """The size and place the window had when a caseworker last closed it on this machine
        (not a person's data); else 1280×720, or the whole screen when it is smaller."""
        saved = window_settings().value(GEOMETRY_KEY)
        if isinstance(saved, QByteArray) and self.restoreGeometry(saved):
            return
        screen = QGuiApplication.primaryScreen()
        room = screen.availableSize() if screen is not None else QSize(1280, 720)
        self.resize(min(1280, room.width()), min(720, room.height()))


GEOMETRY_KEY = "window/geometry"


def window_settings() -> QSettings:
    return QSettings(QSettings.Scope.UserScope, "Masir", "window")
