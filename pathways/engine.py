"""The loaded questionnaire and rules together: what the window and the command line share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from forms.answers import Answer
from forms.answers_file import answers_to_json
from forms.interview import Interview
from forms.questionnaire import Questionnaire, load_questionnaire
from pathways.evaluate import screen
from pathways.focus import Focus
from pathways.packs import layout
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


def load_engine(root: Path | None = None) -> Engine:
    """The built-in data (None), or the questionnaire and rules of the rule pack unpacked in
    `root` (RulesError / FormsError when they are broken)."""
    if root is None:
        questionnaire = load_questionnaire()
        return Engine(questionnaire, load_rules(questionnaire))
    questionnaire = load_questionnaire(root / layout.FORMS)
    return Engine(questionnaire, load_rules(questionnaire, root / layout.RULES))


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The rules in use, loaded and checked once: the installed rule pack, else the built-in
    data (pathways/packs/installed.py decides; call `default_engine.cache_clear()` after an
    install or a rollback)."""
    from pathways.packs.installed import rules_in_use  # it loads engines: imported late

    return rules_in_use().engine
