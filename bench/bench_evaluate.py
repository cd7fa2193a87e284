"""Time to re-evaluate every pathway after one answer changes (goal: at most 1 ms median).

Two figures: judging every pathway (verdicts, openness, notices: what changes after an answer,
and what the window's live view needs) and building the full results people read.
"""

from __future__ import annotations

import json
import statistics
import time
from datetime import date
from pathlib import Path

from forms.answers_file import interview_from_answers
from pathways.engine import default_engine
from pathways.evaluate import evaluate_all, judge_all

SAMPLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "siv_interpreter.json"
RUNS = 500


def measure() -> dict[str, float]:
    engine = default_engine()
    answers = json.loads(SAMPLE.read_text(encoding="utf-8"))["answers"]
    interview = interview_from_answers(engine.questionnaire, answers, date(2026, 11, 23))
    judged, full = [], []
    for run in range(RUNS):
        started = time.perf_counter()
        interview.change("siv_com_applied", run % 2 == 0)
        judge_all(engine.rules, interview.facts(), interview.today)
        judged.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        evaluate_all(engine.rules, interview.facts(), interview.today)
        full.append((time.perf_counter() - started) * 1000)
    return {
        "pathways": len(engine.rules.pathways),
        "judge_median_ms": statistics.median(judged),
        "judge_p95_ms": statistics.quantiles(judged, n=20)[-1],
        "full_median_ms": statistics.median(full),
    }


if __name__ == "__main__":
    figures = measure()
    print(
        f"re-judge {figures['pathways']:.0f} pathways after one answer (answer + verdicts): "
        f"median {figures['judge_median_ms']:.3f} ms, p95 {figures['judge_p95_ms']:.3f} ms; "
        f"full results for display: median {figures['full_median_ms']:.3f} ms ({RUNS} runs)"
    )
