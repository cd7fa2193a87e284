"""Time the full summary PDF and measure its text layer (goal: ≤ 300 ms for a short one).

    PYTHONPATH=. .venv/bin/python -m bench.bench_summary [--runs 9] [--out DIR] [--profile]
    PYTHONPATH=. .venv/bin/python -m bench.bench_summary --cases [--runs 5]

--cases: pages and time (English; Dari as shipped) of the three answer files of tests/data:
the SIV interpreter (many questions left open), a fully answered journalist in Pakistan, and
"I don't know" to every question.

The screening is the SIV interpreter of tests/data (27-29 pages with the full data) with
family, a sensitive answer and a free-text answer in Dari and Pashto. "catalog" runs use the
sample-words catalog of tests/summary/sample_catalog.py, so the document is as dense in
Dari/Pashto as a translated one will be; "shipped" runs use the catalogs as they are (empty
until the translations issue).
Times are the median (and the fastest) of --runs after one warm-up run (fonts are parsed once
per process, as in the app; the cache of measured words is emptied before every run):
build = jinja2 template + markup parser; pdf = layout + fpdf2 output; CPU = process time.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import statistics
import time
from pathlib import Path

from forms.answers_file import interview_from_answers, read_answers_file
from pathways.engine import default_engine
from summary.builder import build_summary
from summary.options import SummaryOptions
from summary.pdf_engine import clear_caches, render_pdf
from tests.summary.real_summary import (
    NAME,
    ROOT,
    TODAY,
    engine_with_notes,
    exact_share,
    screening,
)
from tests.summary.sample_catalog import sample_catalogs

CASES = (("fa_AF", False), ("ps", False), ("en", False), ("ps", True))
ANSWER_FILES = ("siv_interpreter", "journalist_pk", "all_unknown")


def answer_files(runs: int, out: Path | None) -> None:
    """Pages and build + PDF time of each answer file, as `screen --pdf` makes it."""
    engine = default_engine()
    for name in ANSWER_FILES:
        raw = read_answers_file(ROOT / "tests" / "data" / f"{name}.json")
        person = engine.screen(interview_from_answers(engine.questionnaire, raw, TODAY))
        for language, bilingual in (("en", False), ("fa_AF", False), ("ps", True)):
            times: list[float] = []
            for _ in range(runs + 1):
                clear_caches()
                started = time.perf_counter()
                document = build_summary(
                    person, engine, SummaryOptions(language=language, bilingual=bilingual)
                )
                data, pages = render_pdf(document, rtl=language != "en")
                times.append((time.perf_counter() - started) * 1000)
            label = f"{language}{'+en' if bilingual else ''}"
            median, fastest = statistics.median(times[1:]), min(times[1:])
            print(f"{name:16} {label:8} {pages:3} pages  {median:5.0f} ms (fastest {fastest:5.0f})")
            if out:
                out.mkdir(parents=True, exist_ok=True)
                (out / f"{name}-{label}.pdf").write_bytes(data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--cases", action="store_true", help="the three answer files")
    args = parser.parse_args()
    if args.cases:
        answer_files(args.runs, args.out)
        return
    engine = engine_with_notes()
    person = screening(engine)
    for catalog in (True, False):
        for language, bilingual in CASES:
            context = sample_catalogs() if catalog else contextlib.nullcontext()
            with context:
                build_ms, pdf_ms, cpu_ms = [], [], []
                for _ in range(args.runs + 1):
                    clear_caches()  # no word measured before: a first export of this screening
                    cpu = time.process_time()
                    started = time.perf_counter()
                    document = build_summary(
                        person,
                        engine,
                        SummaryOptions(language=language, bilingual=bilingual, name=NAME),
                    )
                    built = time.perf_counter()
                    data, pages = render_pdf(document, rtl=language != "en")
                    build_ms.append((built - started) * 1000)
                    pdf_ms.append((time.perf_counter() - built) * 1000)
                    cpu_ms.append((time.process_time() - cpu) * 1000)
                if args.profile and catalog and language == "fa_AF" and not bilingual:
                    profiler = cProfile.Profile()
                    profiler.enable()
                    render_pdf(document, rtl=True)
                    profiler.disable()
                    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
            found, total, _missing = exact_share(document, data)
            share = f"{found}/{total} = {100 * found / total:.1f} %" if total else "no words"
            build, pdf = statistics.median(build_ms[1:]), statistics.median(pdf_ms[1:])
            cpu_total = statistics.median(cpu_ms[1:])
            best = min(b + q for b, q in zip(build_ms[1:], pdf_ms[1:], strict=True))
            label = f"{language}{'+en' if bilingual else ''}"
            print(
                f"{'catalog' if catalog else 'shipped'} {label:8} {pages:2} pages  "
                f"build {build:3.0f} ms  pdf {pdf:4.0f} ms  total {build + pdf:4.0f} ms "
                f"(CPU {cpu_total:4.0f}, fastest {best:4.0f})  "
                f"Dari/Pashto words exact: {share}"
            )
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                name = f"{'catalog' if catalog else 'shipped'}-{label}.pdf"
                (args.out / name).write_bytes(data)


if __name__ == "__main__":
    main()
