"""One screening session: the interview, the mode, the language and an optional save hook.

The window reads and changes answers only through this object, so a case store can plug in
by setting `on_answer_saved` (called after every answer that was accepted, before the window
shows the next question). If that hook raises (a full or read-only disk), the interview is put
back as it was before the answer and the error goes to the window, which keeps the answer on
screen so that nothing is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from forms.answers import Answer
from forms.interview import Interview
from gui.mode import Mode
from pathways.engine import Engine
from pathways.results import Screening


@dataclass
class Session:
    engine: Engine
    interview: Interview
    mode: Mode
    language: str
    on_answer_saved: Callable[[Session], None] | None = None
    last_dropped: list[str] = field(default_factory=list)
    case_reference: str = ""
    """A caseworker's reference for the summary, kept while the session lasts."""
    undo_point: Interview | None = None
    """The interview before the last answer, when that answer removed others."""

    @classmethod
    def new(
        cls, engine: Engine, mode: Mode, language: str, today: date, every_question: bool = False
    ) -> Session:
        """Adaptive (only what can still change the answer) unless `every_question`."""
        return cls(engine, engine.interview(today, every_question=every_question), mode, language)

    @property
    def caseworker(self) -> bool:
        return self.mode is Mode.CASEWORKER

    def answer(self, raw: object) -> list[str]:
        """Answer the current question (AnswersError if `raw` does not fit); the dropped ids."""
        before = self.interview.copy()
        self.last_dropped = self.interview.answer(raw)
        self._saved(before)
        return self.last_dropped

    def change(self, question_id: str, raw: object) -> list[str]:
        before = self.interview.copy()
        self.last_dropped = self.interview.change(question_id, raw)
        self._saved(before)
        return self.last_dropped

    def dropped_answers(self) -> dict[str, Answer]:
        """The answers the last answer made unneeded, as they were (to say which, and undo)."""
        if self.undo_point is None:
            return {}
        kept = self.undo_point.answers
        return {qid: kept[qid] for qid in self.last_dropped if qid in kept}

    def undo(self) -> None:
        """Go back to before the answer that removed others: every removed answer returns
        (and is saved again for a caseworker's case)."""
        if self.undo_point is None:
            return
        before = self.interview.copy()
        self.interview = self.undo_point
        self.last_dropped = []
        self._saved(before)  # clears the undo point; puts `before` back if saving fails

    def screen(self) -> Screening:
        return self.engine.screen(self.interview, self.language)

    def wipe(self) -> None:
        """Forget every answer (quick exit): a fresh, empty interview replaces the old one."""
        self.on_answer_saved = None
        self.last_dropped = []
        self.undo_point = None
        self.case_reference = ""
        self.interview = self.engine.interview(
            self.interview.today, every_question=self.interview.goal is None
        )

    def _saved(self, before: Interview) -> None:
        """Save (a caseworker's case); on failure put the interview back as it was. An answer
        that removed others can be undone until the next answer."""
        self.undo_point = before if self.last_dropped else None
        if self.on_answer_saved is None:
            return
        try:
            self.on_answer_saved(self)
        except BaseException:
            self.interview = before
            self.last_dropped = []
            self.undo_point = None
            raise
