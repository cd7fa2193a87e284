"""Next steps and documents that follow the person's stage: a step for one stage is shown
unless it is known not to fit; unknown never hides a step that may apply."""

from __future__ import annotations

from typing import Any

from forms.answers_file import interview_from_answers
from forms.conditions import Scope, Tri
from i18n.yaml_extractor import extract_yaml
from pathways.engine import default_engine
from pathways.evaluate import for_stage
from pathways.focus import Focus
from pathways.model import Step
from pathways.plan import derive_plan
from pathways.results import PathwayResult
from pathways.rules import DATA_FOLDER
from tests.conftest import TODAY

APPLIED = {
    "afghan_national": True,
    "current_country": "PK",
    "us_visa_issued": False,
    "siv_com_applied": True,
    "siv_com_applied_date": "2025-11-02",
}


def siv(answers: dict[str, Any]) -> PathwayResult:
    engine = default_engine()
    interview = interview_from_answers(engine.questionnaire, answers, TODAY)
    return next(r for r in engine.screen(interview).results if r.pathway == "us.siv")


def steps_of(pathway_id: str) -> dict[str, str]:
    pathway = next(p for p in default_engine().rules.pathways if p.id == pathway_id)
    return {step.id: step.text for step in pathway.next_steps if isinstance(step, Step)}


def test_a_known_stage_gets_its_own_steps_and_not_the_others() -> None:
    text = steps_of("us.siv")
    shown = siv({**APPLIED, "siv_com_outcome": "approved", "siv_case_stage": "approved_only"})
    assert shown.next_steps == [text["com_approved_waiting"], text["visa_pause"]]


def test_an_unknown_stage_keeps_every_step_that_may_apply() -> None:
    text = steps_of("us.siv")
    shown = siv({**APPLIED, "siv_com_outcome": "unknown"}).next_steps
    assert text["com_waiting"] in shown and text["com_refused_appeal"] in shown
    assert text["not_applied"] not in shown, "he applied in time: that step is known not to fit"
    assert all(step.startswith("If ") for step in shown)


def test_documents_of_a_finished_stage_are_left_out() -> None:
    before = [d.text for d in siv({**APPLIED, "siv_com_outcome": "waiting"}).documents]
    after = [d.text for d in siv({**APPLIED, "siv_com_outcome": "approved"}).documents]
    assert len(before) == 5 and len(after) == 1
    assert after[0].startswith("Proof of Afghan nationality")
    criteria_documents = siv({**APPLIED, "siv_com_outcome": "approved"}).to_clarify
    assert all(item.documents for item in criteria_documents), "proof of a criterion stays"


def test_the_plan_takes_the_steps_of_the_stage() -> None:
    engine = default_engine()
    answers = {**APPLIED, "siv_com_outcome": "approved", "siv_case_stage": "interview_held"}
    interview = interview_from_answers(engine.questionnaire, answers, TODAY)
    plan = derive_plan(engine.screen(interview))
    text = steps_of("us.siv")
    assert text["interview_waiting"] in plan.next_steps
    assert text["not_applied"] not in plan.next_steps


def test_a_step_is_hidden_only_when_known_not_to_fit() -> None:
    engine = default_engine()
    pathway = next(p for p in engine.rules.pathways if p.id == "us.siv")
    interview = interview_from_answers(
        engine.questionnaire, {**APPLIED, "siv_com_outcome": "refused"}, TODAY
    )
    scope = Scope(interview.facts(), TODAY)
    staged = {s.id: s.when.evaluate(scope) for s in pathway.next_steps if isinstance(s, Step)}
    assert staged["com_approved_waiting"] is Tri.FALSE
    assert staged["com_refused_appeal"] is Tri.UNKNOWN  # the letter's date is not known yet
    steps, _documents = for_stage(pathway, scope)
    text = steps_of("us.siv")
    assert text["com_refused_appeal"] in steps and text["com_refused_late"] in steps
    assert text["com_approved_waiting"] not in steps


def test_the_adaptive_interview_asks_the_stage_of_someone_who_applied() -> None:
    """His route is settled (approval: the closure does not stop him); only the stage is open,
    and its question still counts."""
    engine = default_engine()
    focus = Focus(engine.questionnaire, engine.rules)
    interview = interview_from_answers(
        engine.questionnaire, {**APPLIED, "siv_com_outcome": "approved"}, TODAY
    )
    assert "siv_case_stage" in focus(interview.facts(), TODAY)
    never = interview_from_answers(
        engine.questionnaire, {**APPLIED, "siv_com_applied": False}, TODAY
    )
    assert "siv_case_stage" not in focus(never.facts(), TODAY)


def test_step_texts_are_extracted_for_translators() -> None:
    with (DATA_FOLDER / "us.yaml").open("rb") as handle:
        found = {message: comments for _l, _f, message, comments in extract_yaml(handle, 0, 0, 0)}
    text = steps_of("us.siv")["com_approved_waiting"]
    assert found[text] == ["pathway us.siv > next step com_approved_waiting > text"]
