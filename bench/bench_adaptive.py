"""Questions asked by the adaptive interview against every question, and what choosing costs.

Personas: every rule case (tests/pathways/cases) and every file in tests/data, replayed as the
`interview` command does (a question the persona does not answer is answered "unknown").
Goals: median adaptive/all ≤ 50 % with every route's verdict, status and applies_despite_status
identical, and the same plan; choosing the next question ≤ 5 ms.
"""

from __future__ import annotations

import json
import statistics
import time
from datetime import date
from pathlib import Path
from typing import Any

from forms.answers import Special, answer_to_json
from forms.answers_file import interview_from_answers
from forms.errors import MasirError
from pathways.engine import Engine, default_engine
from pathways.plan import derive_plan, plan_json
from tests.pathways.case_files import load_case_files

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
TODAY = date(2026, 11, 23)


def personas() -> list[tuple[dict[str, Any], date]]:
    found = [
        (json.loads(path.read_text(encoding="utf-8"))["answers"], TODAY)
        for path in sorted(DATA.glob("*.json"))
    ]
    for _, case_file in load_case_files():
        for case in case_file.cases:
            found.append((case_file.answers_for(case), case.today or case_file.today))
    return found


Outcome = tuple[list[tuple[str, str, str, bool | None]], dict[str, object]]


def replay(
    engine: Engine, raw: dict[str, Any], today: date, every: bool, timings: list[float]
) -> tuple[int, Outcome]:
    given = interview_from_answers(engine.questionnaire, raw, today).answers
    interview = engine.interview(today, every_question=every)
    asked = 0
    while (question := interview.current()) is not None:
        asked += 1
        started = time.perf_counter()
        interview.answer(answer_to_json(given.get(question.id, Special.UNKNOWN)))
        timings.append((time.perf_counter() - started) * 1000)
    screening = engine.screen(interview)
    routes = [
        (r.pathway, r.verdict.value, r.status.value, r.applies_despite_status)
        for r in screening.results
    ]
    return asked, (routes, plan_json(derive_plan(screening)))


def measure() -> dict[str, float]:
    engine = default_engine()
    ratios: list[float] = []
    differing = 0
    plans = 0
    timings: list[float] = []
    for raw, today in personas():
        try:
            all_asked, all_outcome = replay(engine, raw, today, True, [])
            asked, outcome = replay(engine, raw, today, False, timings)
        except MasirError:
            continue
        ratios.append(asked / all_asked)
        differing += sum(a != b for a, b in zip(outcome[0], all_outcome[0], strict=True))
        plans += outcome[1] != all_outcome[1]
    return {
        "personas": len(ratios),
        "median_ratio": statistics.median(ratios),
        "differing": differing,
        "differing_plans": plans,
        "choose_ms": statistics.median(timings),
    }


if __name__ == "__main__":
    print(measure())
