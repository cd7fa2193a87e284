"""The loaded questionnaire and rules together: what the window and the command line share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from forms.answers import Answer
from forms.answers_file import answers_to_json
from forms.interview import Interview
from forms.questionnaire import Questionnaire, load_questionnaire
from pathways.evaluate import screen
from pathways.focus import Focus
from pathways.results import Screening
from pathways.rules import RuleSet, load_rules


@dataclass(frozen=True)
class Engine:
    questionnaire: Questionnaire
    rules: RuleSet

    @cached_property
    def focus(self) -> Focus:
        return Focus(self.questionnaire, self.rules)

    def interview(
        self,
        today: date,
        answers: Mapping[str, Answer] | None = None,
        *,
        every_question: bool = False,
    ) -> Interview:
        """An adaptive interview (only what can still change the answer), or every question."""
        goal = None if every_question else self.focus
        return Interview(self.questionnaire, today, answers, goal=goal)

    def screen(self, interview: Interview, language: str = "en") -> Screening:
        return screen(
            self.rules,
            interview.facts(),
            answers_to_json(interview.answers),
            interview.today,
            language,
            interview.dropped,
        )


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """Load and check the shipped data once (RulesError / FormsError when it is broken)."""
    questionnaire = load_questionnaire()
    return Engine(questionnaire, load_rules(questionnaire))
