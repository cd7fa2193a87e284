"""The questionnaire: sections of questions loaded from forms/data, checked as a whole."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from forms.answers import Answer
from forms.errors import AnswersError, FormsError
from forms.fact_checks import check_condition
from forms.questions import Question, QuestionType, Section
from forms.validation import parse_answer
from forms.yaml_files import first_error, read_yaml

DATA_FOLDER = Path(__file__).parent / "data" / "sections"


class Questionnaire:
    """All sections in order; questions are found by id, item questions by their group."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sections

    def questions(self) -> Iterator[Question]:
        """Top-level questions in the order they are asked."""
        for section in self.sections:
            yield from section.questions

    @cached_property
    def by_id(self) -> dict[str, Question]:
        return {question.id: question for question in self.questions()}

    @cached_property
    def groups(self) -> dict[str, dict[str, Question]]:
        return {
            question.id: {inner.id: inner for inner in question.questions}
            for question in self.questions()
            if question.type is QuestionType.GROUP
        }

    @cached_property
    def section_of(self) -> dict[str, Section]:
        return {question.id: section for section in self.sections for question in section.questions}

    def question(self, question_id: str) -> Question:
        return self.by_id[question_id]

    def skipped_value(self, question: Question) -> Answer | None:
        """What a question's fact is when its `ask_when` is false (e.g. no employers: none)."""
        if question.when_skipped is None:
            return None
        return parse_answer(question, question.when_skipped)

    def assumed_value(self, question: Question) -> Answer | None:
        """The fact a question sets when its `not_asked_when` holds (a young child: unmarried)."""
        if question.not_asked_when is None:
            return None
        return parse_answer(question, question.not_asked_when.value)

    def all_facts(self) -> set[str]:
        facts = set(self.by_id)
        for fields in self.groups.values():
            facts.update(fields)
        return facts


def load_questionnaire(folder: Path = DATA_FOLDER) -> Questionnaire:
    """Read every section file (sorted by name) and check the whole questionnaire."""
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise FormsError(f"{folder}: no questionnaire files")
    sections: list[Section] = []
    origin: dict[str, str] = {}
    for path in files:
        data = read_yaml(path, FormsError)
        try:
            section = Section.model_validate(data)
        except ValidationError as error:
            raise FormsError(f"{path.name}: {first_error(error)}") from None
        sections.append(section)
        for question in section.questions:
            if question.optional:
                raise FormsError(f"{path.name}: question '{question.id}': only a field is optional")
            for each in (question, *question.questions):
                if each.id in origin:
                    raise FormsError(
                        f"{path.name}: question id '{each.id}' is already used in {origin[each.id]}"
                    )
                origin[each.id] = path.name
    questionnaire = Questionnaire(sections)
    _check(questionnaire, origin)
    return questionnaire


def _check(questionnaire: Questionnaire, origin: dict[str, str]) -> None:
    top = questionnaire.by_id
    groups = questionnaire.groups
    asked: set[str] = set()
    for question in questionnaire.questions():
        _check_one(question, top, groups, origin, allowed=set(asked), group=None)
        if question.type is QuestionType.GROUP:
            item_asked: set[str] = set()
            for inner in question.questions:
                _check_one(
                    inner,
                    top,
                    {question.id: {k: groups[question.id][k] for k in item_asked}},
                    origin,
                    allowed=set(asked),
                    group=question.id,
                )
                item_asked.add(inner.id)
        asked.add(question.id)


def _check_one(
    question: Question,
    top: dict[str, Question],
    groups: dict[str, dict[str, Question]],
    origin: dict[str, str],
    *,
    allowed: set[str],
    group: str | None,
) -> None:
    place = f"{origin[question.id]}, question '{question.id}'"
    if question.ask_when is not None:
        problems = check_condition(question.ask_when, top, groups, group=group, allowed=allowed)
        if problems:
            raise FormsError(f"{place}, ask_when: {problems[0]}")
    if question.when_skipped is not None:
        try:
            parse_answer(question, question.when_skipped)
        except AnswersError as error:
            raise FormsError(f"{place}, when_skipped: {error.message}") from None
    if question.not_asked_when is not None:
        problems = check_condition(
            question.not_asked_when.test, top, groups, group=group, allowed=allowed
        )
        if problems:
            raise FormsError(f"{place}, not_asked_when: {problems[0]}")
        try:
            parse_answer(question, question.not_asked_when.value)
        except AnswersError as error:
            raise FormsError(f"{place}, not_asked_when: {error.message}") from None
