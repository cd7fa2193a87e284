"""The questionnaire's data model: sections of questions, each setting one named fact."""

from __future__ import annotations

import re
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from forms.conditions import Condition

SNAKE_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def snake_case(value: str, what: str) -> str:
    """`value` if it is a snake_case id (stored in answers files and rules, never
    translated); otherwise a ValueError naming `what` it is."""
    if not SNAKE_ID.match(value):
        raise ValueError(f"{what} '{value}' must be snake_case")
    return value


class QuestionType(StrEnum):
    YES_NO = "yes_no"
    SINGLE_CHOICE = "single_choice"
    MULTI_CHOICE = "multi_choice"
    NUMBER = "number"
    DATE = "date"
    TEXT = "text"
    COUNTRY = "country"
    GROUP = "group"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Choice(_Model):
    """A choice: `value` is stored and never translated; `text` is shown and translated."""

    value: str
    text: str
    short: str | None = None
    """A few words for the choice in an entry's summary ("Interpreter"), where `text` is long."""
    help: str | None = None

    @field_validator("value")
    @classmethod
    def _snake(cls, value: str) -> str:
        return snake_case(value, "choice value")


class NotAskedWhen(_Model):
    """A question passed over when `test` holds, its fact then taken as `value`: a child too
    young to be married is not asked "Is this person married?". Unlike `when_skipped` (used
    when `ask_when` is false), the value is a fact for the rules, never stored as an answer;
    an unknown `test` asks the question."""

    test: Condition
    value: bool | str | list[str]


class Dates(_Model):
    """An entry's time, as in a `months` condition: start, end, "still going", an estimate."""

    start: str
    end: str
    ongoing: str
    estimate: str


class EntrySummary(_Model):
    """The facts that sum up one group entry (forms.entry_summary): choice fields by their
    short text, a name or initials as given, then a birth date ("born 2017") or the dates
    of a job."""

    fields: list[str]
    name_field: str | None = None
    born: str | None = None
    dates: Dates | None = None

    def named(self) -> list[str]:
        named = [*self.fields, *[each for each in (self.name_field, self.born) if each]]
        if self.dates is not None:
            dates = self.dates
            named += [dates.start, dates.end, dates.ongoing, dates.estimate]
        return named

    def check(self, group: Question) -> None:
        inner = {question.id: question for question in group.questions}
        unknown = sorted(set(self.named()) - set(inner))
        if unknown:
            raise ValueError(f"group '{group.id}' sums up unknown fields {unknown}")
        if any(inner[name].sensitive for name in self.named() if name != self.name_field):
            raise ValueError(f"group '{group.id}' sums up a sensitive field")
        if self.name_field and inner[self.name_field].type is not QuestionType.TEXT:
            raise ValueError(f"group '{group.id}': the name '{self.name_field}' is not a text")
        for name in self.fields:
            if inner[name].type is not QuestionType.SINGLE_CHOICE:
                raise ValueError(f"group '{group.id}' sums up '{name}', not a single choice")


class Question(_Model):
    """One question; its `id` is the fact its answer sets."""

    id: str
    type: QuestionType
    text: str
    help: str | None = None
    caseworker_note: str | None = None
    choices: list[Choice] = Field(default_factory=list)
    ask_when: Condition | None = None
    when_skipped: bool | str | list[str] | None = None
    not_asked_when: NotAskedWhen | None = None
    sensitive: bool = False
    optional: bool = False
    """A group entry's field that may be left empty (a family member's name): then it is
    simply not in the entry. Only inside a group."""
    purpose: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    max_length: int = 500
    item_label: str | None = None
    entry_summary: EntrySummary | None = None
    questions: list[Question] = Field(default_factory=list)

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        return snake_case(value, "question id")

    @model_validator(mode="after")
    def _shape(self) -> Question:
        has_choices = self.type in (QuestionType.SINGLE_CHOICE, QuestionType.MULTI_CHOICE)
        if has_choices and len(self.choices) < 2:
            raise ValueError(f"question '{self.id}' needs at least two choices")
        if not has_choices and self.choices:
            raise ValueError(f"question '{self.id}' of type {self.type} cannot have choices")
        values = [choice.value for choice in self.choices]
        if len(set(values)) != len(values):
            raise ValueError(f"question '{self.id}' repeats a choice value")
        if (self.type is QuestionType.GROUP) != bool(self.questions):
            raise ValueError(f"question '{self.id}': only a group has questions, and it must")
        if any(inner.type is QuestionType.GROUP for inner in self.questions):
            raise ValueError(f"group '{self.id}' cannot hold another group")
        if self.entry_summary is not None:
            self.entry_summary.check(self)
        return self

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)


EntrySummary.model_rebuild()


class Section(_Model):
    id: str
    title: str
    intro: str | None = None
    questions: list[Question]
