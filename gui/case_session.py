"""The caseworker flow in the window: create or unlock the store, the case list, an open case
whose every confirmed answer is saved before the next question shows, idle lock, quick exit.

Locking (idle time, the Lock button) closes the store, forgets the open interview, closes every
dialog and goes back to the unlock page, so nothing of the cases stays on screen. Quick exit
closes the store as well, before the application quits.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from pydantic import JsonValue, ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from cases import (
    CaseStore,
    CaseStoreError,
    ErrorKind,
    HistoryEntry,
    KdfParams,
    default_store_folder,
    kdf_for_new_keys,
)
from cases.resume import resume_interview
from forms.answers_file import answers_to_json
from gui.background import run_in_background
from gui.bidi import isolate_number
from gui.case_errors import integrity_text, store_error_text
from gui.case_history import recorded
from gui.case_list_page import CaseListPage
from gui.case_unlock import UnlockPage
from gui.idle_lock import IdleLock
from gui.mode import Mode
from gui.quick_exit import clear_widgets
from gui.session import Session
from i18n.runtime import _, current_language, ngettext
from pathways.compare import compare
from pathways.engine import Engine
from pathways.results import Screening

MAX_WAIT_SECONDS = 60


def retry_wait_seconds(wrong_tries: int) -> int:
    """No wait for the first two slips; then 2, 4, 8 … seconds, at most a minute."""
    if wrong_tries < 3:
        return 0
    return int(min(2 ** (wrong_tries - 2), MAX_WAIT_SECONDS))


class CaseFlow(QObject):
    """Drives the caseworker's pages through signals; it never sees the window, which places
    the pages and runs the sessions it is told of."""

    page_ready = Signal(QWidget, str)  # a page to show, and its view ("unlock" or "cases")
    session_opened = Signal(object, object)  # a Session, and a note to show (str or None)
    session_closed = Signal()  # the open case (if any) is closed: forget the session
    cancelled = Signal()  # the caseworker left the unlock page: back to the start
    locking = Signal()  # about to lock: empty whatever shows a person's answers now

    def __init__(
        self,
        parent: QObject,
        *,
        folder: Path | None = None,
        kdf: KdfParams | None = None,
        today: date,
        engine_factory: Callable[[], Engine],
    ) -> None:
        super().__init__(parent)
        self.folder = folder or default_store_folder()
        self.kdf = kdf or kdf_for_new_keys()  # cheap only under MASIR_TEST_CHEAP_KDF=1
        self.today = today
        self.engine_factory = engine_factory
        self.store: CaseStore | None = None
        self.case_id: str | None = None
        self.saved_screening: Screening | None = None  # the open case's last saved results
        self.history: list[HistoryEntry] = []  # the open case's, oldest first
        self.idle = IdleLock(self.lock, self)
        self.every_question = False  # the case list's setting: the full path, for complete records
        self.unlock_page: UnlockPage | None = None
        self.list_page: CaseListPage | None = None
        self._generation = 0  # bumped on lock and quick exit: late key derivations are dropped
        self.wrong_tries = 0  # in this window, since the last unlock: each one waits longer

    @property
    def unlocked(self) -> bool:
        return self.store is not None

    # -- pages -----------------------------------------------------------------------------

    def begin(self) -> None:
        """The caseworker button: the unlock (or create) page, or the cases if unlocked."""
        if self.store is None:
            self.show_unlock()
        else:
            self.show_list()

    def show_unlock(self) -> None:
        create = not CaseStore.exists(self.folder)
        page = UnlockPage(create)
        page.submitted.connect(self._submit_passphrase)
        page.cancelled.connect(self.cancelled)
        self.unlock_page, self.list_page = page, None
        self.page_ready.emit(page, "unlock")

    def show_list(self) -> None:
        """The case list; an open case is closed first (its answers are already saved)."""
        if self.store is None:
            self.show_unlock()
            return
        self.session_closed.emit()
        self._forget_case()
        page = CaseListPage(
            self.store,
            today=self.today,
            engine_factory=self.engine_factory,
            kdf=self.kdf,
            idle_minutes=self.idle.minutes,
            every_question=self.every_question,
        )
        page.open_requested.connect(self.open_case)
        page.idle_minutes_changed.connect(self.idle.set_minutes)
        page.every_question_changed.connect(self._set_every_question)
        self.unlock_page, self.list_page = None, page
        self.page_ready.emit(page, "cases")

    def rebuild(self, view: str) -> None:
        """After a change of language."""
        if view == "unlock":
            self.show_unlock()
        elif view == "cases":
            self.show_list()

    # -- unlocking -------------------------------------------------------------------------

    def _submit_passphrase(self, passphrase: str) -> None:
        page = self.unlock_page
        if page is None:
            return
        page.set_busy(True)
        folder, kdf, generation = self.folder, self.kdf, self._generation
        if page.creating:
            job = run_in_background(lambda: CaseStore.create(folder, passphrase, kdf=kdf))
        else:
            job = run_in_background(lambda: CaseStore.open(folder, passphrase))
        job.done.connect(lambda store: self._opened(store, generation))
        job.failed.connect(lambda error: self._open_failed(error, generation))

    def _opened(self, store: object, generation: int) -> None:
        assert isinstance(store, CaseStore)
        if generation != self._generation or self.store is not None:
            store.close()  # locked or quit while the key was being derived
            return
        self.store = store
        self.wrong_tries = 0
        self.idle.start()
        self.show_list()
        if self.list_page is not None:
            for warning in self._unlock_warnings(store):
                self.list_page.add_warning(warning)

    @staticmethod
    def _unlock_warnings(store: CaseStore) -> list[str]:
        """What the unlock found, told once: failed tries, changes outside Masir, file modes."""
        warnings = []
        if store.failed_tries:
            warnings.append(
                ngettext(
                    "%(count)s failed attempt to open the cases since you last opened them.",
                    "%(count)s failed attempts to open the cases since you last opened them.",
                    store.failed_tries,
                )
                % {"count": isolate_number(store.failed_tries)}
            )
        if problems := integrity_text(store.integrity):
            warnings.append(problems)
        if store.permissions_fixed:
            warnings.append(
                _(
                    "Other users of this computer could read the case store's folder or files; "
                    "they are now private to you. Check who had access."
                )
            )
        return warnings

    def _open_failed(self, error: object, generation: int) -> None:
        page = self.unlock_page
        if generation != self._generation or page is None:
            return
        page.set_busy(False)
        reason = error if isinstance(error, BaseException) else Exception()
        page.show_error(store_error_text(reason))
        if isinstance(reason, CaseStoreError) and reason.kind is ErrorKind.WRONG_PASSPHRASE:
            self.wrong_tries += 1
            page.wait(retry_wait_seconds(self.wrong_tries))

    # -- an open case ----------------------------------------------------------------------

    def open_case(self, case_id: str) -> None:
        if self.store is None:
            return
        try:
            record = self.store.load(case_id)
        except CaseStoreError as error:
            if self.list_page is not None:
                self.list_page.show_status(store_error_text(error), error=True)
            return
        engine = self.engine_factory()
        goal = None if self.every_question else engine.focus
        resumed = resume_interview(engine.questionnaire, record, self.today, goal)
        session = Session(
            engine, resumed.interview, Mode.CASEWORKER, current_language(), self.save_answers
        )
        note = None
        if resumed.left_out:
            count = len(resumed.left_out)
            note = ngettext(
                "%(count)s saved answer no longer fits the questions and was left out.",
                "%(count)s saved answers no longer fit the questions and were left out.",
                count,
            ) % {"count": isolate_number(count)}
        self.case_id = case_id
        self.saved_screening = _saved_results(record.screening)
        self.history = list(record.history)
        self.unlock_page = self.list_page = None
        self.session_opened.emit(session, note)

    def _forget_case(self) -> None:
        self.case_id = None
        self.saved_screening = None
        self.history = []

    def _set_every_question(self, every: bool) -> None:
        self.every_question = every

    def save_answers(self, session: Session) -> None:
        """Session.on_answer_saved: durable before the next question shows."""
        if self.store is None or self.case_id is None:
            raise CaseStoreError(ErrorKind.LOCKED)
        current = session.interview.current()
        self.store.save_answers(
            self.case_id,
            answers_to_json(session.interview.answers),
            current.id if current is not None else None,
        )

    def save_screening(self, screening: Screening) -> None:
        """The results with the case; what changed since the last saved ones joins its history."""
        if self.store is None or self.case_id is None:
            raise CaseStoreError(ErrorKind.LOCKED)
        previous = self.saved_screening
        changes = None if previous is None else [recorded(c) for c in compare(previous, screening)]
        entry = self.store.save_screening(self.case_id, screening.model_dump(mode="json"), changes)
        self.saved_screening = screening
        if entry is not None:
            self.history.append(entry)

    # -- locking and closing ---------------------------------------------------------------

    def lock(self) -> None:
        """Close the store, forget the open case, close dialogs, back to the unlock page."""
        if self.store is None:
            return
        self._close_dialogs()
        self.locking.emit()
        self.close()
        clipboard = QApplication.clipboard()
        if clipboard is not None:
            clipboard.clear()
        self.show_unlock()

    def close(self) -> None:
        """Forget the key and close the store's files (window closed, lock, quick exit)."""
        self._generation += 1
        self.idle.stop()
        self.session_closed.emit()
        self._forget_case()
        store, self.store = self.store, None
        self.unlock_page = self.list_page = None
        if store is not None:
            with contextlib.suppress(CaseStoreError):  # nothing more to keep or show
                store.close()

    def _close_dialogs(self) -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog):
                if widget.isVisible():
                    widget.hide()
                    clear_widgets(widget)
                    widget.reject()
            elif isinstance(widget, QWidget) and widget.isVisible() and widget.isModal():
                widget.hide()


def _saved_results(screening: dict[str, JsonValue] | None) -> Screening | None:
    """A case's saved results, or None when it has none or they are in an older form (they
    are then not compared: the next results start the history afresh)."""
    if screening is None:
        return None
    try:
        return Screening.model_validate(screening)
    except ValidationError:
        return None
