"""Re-screening an old case: what changed per pathway, in verdict, status and openness."""

from __future__ import annotations

from dataclasses import replace

from forms.interview import Interview
from pathways.compare import Aspect, Change, compare
from pathways.engine import default_engine
from pathways.model import Status
from pathways.results import Outcome, PathwayResult, Screening, Verdict
from pathways.words import Presence
from tests.conftest import TODAY


def screening() -> Screening:
    engine = default_engine()
    interview = Interview(engine.questionnaire, TODAY)
    interview.answer(True)
    return engine.screen(interview)


def changed(base: Screening, pathway: str, **fields: object) -> Screening:
    results = [
        replace(result, **fields) if result.pathway == pathway else result  # type: ignore[arg-type]
        for result in base.results
    ]
    return base.model_copy(update={"results": results})


def test_the_same_screening_has_no_changes() -> None:
    base = screening()
    assert compare(base, base) == []


def test_a_verdict_change_reads_old_to_new() -> None:
    base = changed(screening(), "us.siv", verdict=Verdict.POSSIBLY_ELIGIBLE)
    new = changed(base, "us.siv", verdict=Verdict.ELIGIBLE)
    changes = compare(base, new)
    assert changes == [
        Change("us.siv", Aspect.VERDICT, Verdict.POSSIBLY_ELIGIBLE, Verdict.ELIGIBLE)
    ]
    assert changes[0].describe() == "us.siv: possibly eligible → eligible"


def test_status_and_openness_changes_are_reported_in_order() -> None:
    base = changed(screening(), "uk.arap", status=Status.OPEN, open_to_person=Outcome.MET)
    new = changed(base, "uk.arap", status=Status.CLOSED_TO_NEW, open_to_person=Outcome.NOT_MET)
    assert [c.describe() for c in compare(base, new)] == [
        "uk.arap status: open → closed to new",
        "uk.arap open_to_person: met → not met",
    ]


def test_added_and_removed_pathways() -> None:
    base = screening()
    first: PathwayResult = base.results[0]
    fewer = base.model_copy(update={"results": base.results[1:]})
    assert compare(fewer, base) == [Change(first.pathway, Aspect.PATHWAY, None, Presence.PRESENT)]
    assert compare(base, fewer) == [Change(first.pathway, Aspect.PATHWAY, Presence.PRESENT, None)]


def test_a_stored_screening_compares_after_a_json_round_trip() -> None:
    base = screening()
    stored = Screening.model_validate(base.model_dump(mode="json"))
    assert compare(stored, base) == []


def test_changed_next_steps_are_a_change_of_their_own() -> None:
    """A stage that changes what to do next is news even when the verdict stays the same."""
    base = screening()
    before = next(r for r in base.results if r.pathway == "us.siv").next_steps
    new = changed(base, "us.siv", next_steps=before[:1])
    changes = compare(base, new)
    assert changes == [Change("us.siv", Aspect.NEXT_STEPS, tuple(before), tuple(before[:1]))]
    assert changes[0].describe() == f"us.siv next_steps: {len(before)} steps → 1 steps"
