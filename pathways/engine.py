"""The loaded questionnaire and rules together: what the window and the command line share."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache
from pathlib import Path

from forms.answers import Answer
from forms.answers_file import answers_to_json
from forms.errors import MasirError
from forms.interview import Interview
from forms.questionnaire import Questionnaire, load_questionnaire
from i18n.runtime import use_pack_catalogs
from pathways.evaluate import screen
from pathways.focus import Focus
from pathways.packs import layout
from pathways.packs.pointers import chosen_pack, unusable_note
from pathways.results import Screening
from pathways.rules import RuleSet, load_rules


@dataclass(frozen=True)
class Engine:
    questionnaire: Questionnaire
    rules: RuleSet
    from_pack: bool = False  # the rules of an installed rule pack, not the built-in ones

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
    return Engine(questionnaire, load_rules(questionnaire, root / layout.RULES), from_pack=True)


@dataclass(frozen=True)
class RulesInUse:
    """The engine of the rules in use and where they come from."""

    engine: Engine
    pack: str | None  # the installed pack's folder name; None: the built-in rules
    note: str | None = None  # why an installed pack is not in use, if one is not


def rules_in_use(folder: Path | None = None) -> RulesInUse:
    """The installed pack when it verifies, fits and loads (its catalogs then translate the
    rules' texts); otherwise the built-in rules, with a note saying why."""
    choice = chosen_pack(folder)
    note = choice.note
    if choice.root is not None:
        try:
            engine = load_engine(choice.root)
        except (MasirError, OSError) as error:
            note = unusable_note(error)
        else:
            use_pack_catalogs(choice.root / layout.CATALOGS)
            return RulesInUse(engine, choice.name)
    use_pack_catalogs(None)
    return RulesInUse(load_engine(), None, note)


@lru_cache(maxsize=1)
def default_engine() -> Engine:
    """The rules in use, loaded and checked once: the installed rule pack, else the built-in
    data (call `default_engine.cache_clear()` after an install or a rollback)."""
    return rules_in_use().engine
