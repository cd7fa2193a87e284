"""Time to re-evaluate every pathway after one answer changes (goal: at most 1 ms median)."""

from __future__ import annotations

import json
import statistics
import time
from datetime import date
from pathlib import Path

from forms.answers_file import interview_from_answers
from pathways.engine import default_engine
from pathways.evaluate import evaluate_all

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "siv_interpreter.json"
RUNS = 500


def measure() -> dict[str, float]:
    engine = default_engine()
    answers = json.loads(SAMPLE.read_text(encoding="utf-8"))["answers"]
    interview = interview_from_answers(engine.questionnaire, answers, date(2026, 11, 23))
    timings = []
    for run in range(RUNS):
        started = time.perf_counter()
        interview.change("siv_com_applied", run % 2 == 0)
        evaluate_all(engine.rules, interview.facts(), interview.today)
        timings.append((time.perf_counter() - started) * 1000)
    return {
        "pathways": len(engine.rules.pathways),
        "median_ms": statistics.median(timings),
        "p95_ms": statistics.quantiles(timings, n=20)[-1],
    }


if __name__ == "__main__":
    figures = measure()
    print(
        f"re-evaluate {figures['pathways']:.0f} pathways after one answer: "
        f"median {figures['median_ms']:.3f} ms, p95 {figures['p95_ms']:.3f} ms ({RUNS} runs)"
    )
