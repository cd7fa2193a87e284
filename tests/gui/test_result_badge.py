"""One mark per route that never contradicts its criteria (issue "The caseworker's day",
point 2): a green "✓ Eligible" only for a route the person meets and that is open to them;
never beside a criterion not met or a closure they do not escape. Checked over every rule case
(hundreds of people at both sides of each threshold), and on a route's card."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from forms.answers_file import interview_from_answers
from gui.pathway_card import PathwayCard
from gui.result_words import GREEN, result_colours, result_text
from pathways.engine import default_engine
from pathways.evaluate import evaluate_pathway
from pathways.results import Outcome, PathwayResult, Verdict
from pathways.rule_cases import load_case_files


def every_case_result() -> list[PathwayResult]:
    engine = default_engine()
    pathways = {p.id: p for p in engine.rules.pathways}
    results = []
    for _path, case_file in load_case_files():
        for case in case_file.cases:
            today = case.today or case_file.today
            answers = case_file.answers_for(case)
            interview = interview_from_answers(engine.questionnaire, answers, today)
            pathway = pathways[case_file.pathway]
            results.append(evaluate_pathway(engine.rules, pathway, interview.facts(), today))
    return results


def test_green_and_a_tick_only_for_a_route_met_and_open_to_the_person() -> None:
    results = every_case_result()
    closed_to_them = 0
    for result in results:
        green = result_colours(result) == GREEN
        ticked = result_text(result).startswith("✓")
        fits = (
            result.verdict is Verdict.ELIGIBLE
            and result.open_to_person is Outcome.MET
            and all(c.outcome is not Outcome.NOT_MET for c in result.criteria)
        )
        assert green == ticked == fits, (result.pathway, result.verdict, result.open_to_person)
        if result.verdict is Verdict.ELIGIBLE and result.open_to_person is Outcome.NOT_MET:
            closed_to_them += 1
            assert result_text(result).startswith("✗"), result.pathway
    assert len(results) > 500 and closed_to_them > 0, "the cases include closed routes met"


def test_the_card_of_a_route_closed_to_the_person_says_so_not_eligible(qtbot: QtBot) -> None:
    result = next(
        r
        for r in every_case_result()
        if r.verdict is Verdict.ELIGIBLE and r.open_to_person is Outcome.NOT_MET
    )
    card = PathwayCard(result)
    qtbot.addWidget(card)
    assert card.verdict_label.text() == "✗ Closed to this person"
    assert GREEN[1] not in card.verdict_label.styleSheet()
