"""The interview: which question is current, answering, going back, and what still matters.

The sequence of questions is not fixed: each answer can open or close later questions. After
every change the answers to questions no longer asked are dropped (and reported), never kept
silently, so what is screened is always what the person was asked.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from forms.answers import Answer, Item
from forms.conditions import Scope, Tri
from forms.questionnaire import Questionnaire
from forms.questions import Question, QuestionType
from forms.validation import parse_answer


@dataclass(frozen=True)
class Progress:
    answered: int
    to_ask: int

    @property
    def total(self) -> int:
        return self.answered + self.to_ask


@dataclass(frozen=True)
class Relevance:
    """The questions asked given the answers so far, and the facts the answers make."""

    asked: list[Question]
    facts: dict[str, Answer]
    kept: dict[str, Answer]


def relevance(
    questionnaire: Questionnaire, answers: Mapping[str, Answer], today: date
) -> Relevance:
    """Walk the questionnaire in order, asking each question whose `ask_when` holds.

    A question whose `ask_when` is FALSE sets its `when_skipped` fact (no employers: none); one
    whose `ask_when` is UNKNOWN is not asked and its fact stays unknown. A group entry's fields
    go the same way: its answers are kept, the facts passed over only join the facts.
    """
    facts: dict[str, Answer] = {}
    kept: dict[str, Answer] = {}
    asked: list[Question] = []
    for question in questionnaire.questions():
        outcome, skipped = _decide(questionnaire, question, Scope(facts, today))
        if outcome is Tri.TRUE:
            asked.append(question)
            if question.id in answers:
                value = answers[question.id]
                if question.type is QuestionType.GROUP and isinstance(value, tuple):
                    entries = [
                        _prune_item(questionnaire, question, entry, facts, today)
                        for entry in value
                        if isinstance(entry, dict)
                    ]
                    kept[question.id] = tuple(given for given, _ in entries)
                    facts[question.id] = tuple(known for _, known in entries)
                else:
                    kept[question.id] = facts[question.id] = value
        elif skipped is not None:
            facts[question.id] = skipped
    return Relevance(asked, facts, kept)


def item_questions(
    questionnaire: Questionnaire,
    group: Question,
    item: Item,
    facts: Mapping[str, Answer],
    today: date,
) -> list[Question]:
    """The fields of one group entry that are asked, given the entry's answers so far."""
    _, known = _prune_item(questionnaire, group, item, facts, today)
    scope = Scope(facts, today, known)
    return [
        inner for inner in group.questions if _decide(questionnaire, inner, scope)[0] is Tri.TRUE
    ]


def _prune_item(
    questionnaire: Questionnaire,
    group: Question,
    item: Item,
    facts: Mapping[str, Answer],
    today: date,
) -> tuple[Item, Item]:
    """The entry's answers to fields that are asked, and its facts (those answers, and the
    values of fields passed over: a young child is not married)."""
    given: Item = {}
    known: Item = {}
    for inner in group.questions:
        outcome, skipped = _decide(questionnaire, inner, Scope(facts, today, known))
        if outcome is Tri.TRUE and inner.id in item:
            given[inner.id] = known[inner.id] = item[inner.id]
        elif skipped is not None:
            known[inner.id] = skipped
    return given, known


def _decide(
    questionnaire: Questionnaire, question: Question, scope: Scope
) -> tuple[Tri, Answer | None]:
    """Whether a question is asked (TRUE), passed over (FALSE, with the fact that sets, if
    any) or left unknown: `ask_when` first, then `not_asked_when`, which only a TRUE test
    fulfils (an unknown birth date still asks "married?")."""
    outcome = Tri.TRUE if question.ask_when is None else question.ask_when.evaluate(scope)
    if outcome is Tri.FALSE:
        return outcome, questionnaire.skipped_value(question)
    rule = question.not_asked_when
    if outcome is Tri.TRUE and rule is not None and rule.test.evaluate(scope) is Tri.TRUE:
        return Tri.FALSE, questionnaire.assumed_value(question)
    return outcome, None


Goal = Callable[[Mapping[str, Answer], date], Mapping[str, int]]
"""Given the facts so far, the questions whose answer can still change the outcome, each with
a weight (higher: asked sooner within its section). Injected so that forms/ needs no rules."""


class Interview:
    """One person's answers and where they are in the questionnaire.

    With a `goal`, a question whose ask_when holds is still passed over while the goal says no
    answer to it can change the outcome; without one, every such question is asked.
    """

    def __init__(
        self,
        questionnaire: Questionnaire,
        today: date,
        answers: Mapping[str, Answer] | None = None,
        current: str | None = None,
        goal: Goal | None = None,
    ) -> None:
        self.questionnaire = questionnaire
        self.today = today
        self.goal = goal
        self._answers: dict[str, Answer] = dict(answers or {})
        self._left: int | None = None
        self._refresh()
        asked = {question.id for question in self._flow}
        self._cursor = current if current in asked else self._first_unanswered()

    def copy(self) -> Interview:
        """The interview as it is now (answers, place, goal and the count shown), to go back to
        if what follows fails."""
        current = self.current()
        twin = Interview(
            self.questionnaire,
            self.today,
            self.answers,
            current.id if current is not None else None,
            self.goal,
        )
        twin._left = self._left
        return twin

    @property
    def answers(self) -> dict[str, Answer]:
        """The answers that count: only those to questions that are asked."""
        return dict(self._state.kept)

    def facts(self) -> dict[str, Answer]:
        return dict(self._state.facts)

    def flow(self) -> list[Question]:
        return list(self._flow)

    def current(self) -> Question | None:
        """The question on screen; None once every question asked has an answer (review)."""
        return None if self._cursor is None else self.questionnaire.question(self._cursor)

    def answer(self, raw: object) -> list[str]:
        """Answer the current question and move on; returns the ids of answers dropped."""
        question = self.current()
        if question is None:
            raise RuntimeError("the interview is finished; use change() to edit an answer")
        dropped = self.change(question.id, raw)
        self._cursor = self._after(question.id)
        return dropped

    def change(self, question_id: str, raw: object) -> list[str]:
        """Set an answer (parsed and checked), then drop answers no longer asked for."""
        question = self.questionnaire.question(question_id)
        if question_id not in {asked.id for asked in self._flow}:
            raise KeyError(f"question '{question_id}' is not asked now")
        self._answers[question_id] = parse_answer(question, raw)
        self._refresh()
        return list(self.dropped)

    def back(self) -> Question | None:
        """Go to the question before the current one (from review: the last question)."""
        ids = [question.id for question in self._flow]
        if not ids:
            return None
        index = len(ids) if self._cursor is None else ids.index(self._cursor)
        self._cursor = ids[max(index - 1, 0)]
        return self.current()

    def go_to(self, question_id: str) -> Question:
        if question_id not in {question.id for question in self._flow}:
            raise KeyError(f"question '{question_id}' is not asked now")
        self._cursor = question_id
        return self.questionnaire.question(question_id)

    def progress(self) -> Progress:
        answered = sum(1 for question in self._flow if question.id in self._state.kept)
        return Progress(answered, len(self._flow) - answered)

    def questions_left(self) -> int:
        """About how many questions are still to come, the one on screen included.

        It may fall by more than one after an answer, but never rises by more than one: an
        answer that opens a branch adds its questions one at a time, so the count a frightened
        person sees does not jump up (the exact count is `progress().to_ask`).
        """
        return 0 if self._left is None else self._left

    @property
    def is_complete(self) -> bool:
        return self.progress().to_ask == 0

    def _refresh(self) -> None:
        """Recompute what is asked; answers to questions no longer asked go to `dropped`."""
        self._state = relevance(self.questionnaire, self._answers, self.today)
        self.dropped = sorted(set(self._answers) - set(self._state.kept))
        self._answers = dict(self._state.kept)
        self._flow = self._ordered()
        to_ask = self.progress().to_ask
        self._left = to_ask if self._left is None else min(to_ask, self._left + 1)

    def _ordered(self) -> list[Question]:
        """The questions asked: answered ones, then those that still matter, section by section,
        the weightiest first within a section (never back and forth between sections)."""
        if self.goal is None:
            return list(self._state.asked)
        weight = self.goal(self._state.facts, self.today)
        section = {s.id: n for n, s in enumerate(self.questionnaire.sections)}
        shown = [
            (section[self.questionnaire.section_of[q.id].id], n, q)
            for n, q in enumerate(self._state.asked)
            if q.id in self._state.kept or q.id in weight
        ]
        shown.sort(
            key=lambda entry: (
                entry[0],
                entry[2].id not in self._state.kept,
                0 if entry[2].id in self._state.kept else -weight[entry[2].id],
                entry[1],
            )
        )
        return [question for _, _, question in shown]

    def _after(self, question_id: str) -> str | None:
        ids = [question.id for question in self._flow]
        following = ids[ids.index(question_id) + 1 :] if question_id in ids else ids
        if self.goal is not None:  # answered questions come first; go on to the next one due
            following = [id_ for id_ in following if id_ not in self._state.kept]
        return following[0] if following else self._first_unanswered()

    def _first_unanswered(self) -> str | None:
        return next((q.id for q in self._flow if q.id not in self._state.kept), None)
