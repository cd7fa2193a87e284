"""`python -m bench`: every benchmark, one table. Figures, not tests: nothing fails on speed.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench [--runs 5]
    xvfb-run -a .venv/bin/python -m bench          # the same under a real X server (xcb)

(a) start-up: launch → start page painted from source, run in turn with a bare PySide6
    window of the same Qt (bench/bare_window.py), ratio pair by pair; goal ≤ 1.3×. Also
    launch → first question with "Check for myself" pressed the moment the start page shows
    (the rules load after the first paint, so this waits for them; a person reading the
    start page does not)
(a1) the bundle (`--bundle` alone; in the full run when both bundles are built): launch →
    start page of dist/masir against the bare window frozen the same way (dist/bare_window,
    build/bare_window.spec), in turn, ratio pair by pair; goal ≤ 1.5×. `--bundle` builds
    either bundle when it is missing (build/build_bundle.py, needs PyInstaller: the `build`
    extra) and reports their sizes: the onedir ≤ 120 MB, its zip ≤ 50 MB
(a2) the results page (bench/bench_results.py): plan, "All routes", one route; ≤ 300 ms each,
    and over 100 ms they show a busy cursor
(b) re-judging all pathways after one answer (bench/bench_evaluate.py); goal ≤ 1 ms
(b2) questions asked, adaptive vs all (bench/bench_adaptive.py): every rule case and test data
    file replayed both ways; goals: median ≤ 50 %, no route's verdict, status or
    applies_despite_status nor the plan differing; choosing the next question ≤ 5 ms
(b3) a rule pack (bench/bench_rule_pack.py), in a fresh process: verify, and verify + install
    (unpack, load, every rule case, switch); goal ≤ 2 s. Also the check of the pack in use
    that every start makes
(c) the full summary PDF in Dari, in-process after a warm-up; goal ≤ 300 ms
(d) peak memory (max RSS) of a child process doing a whole interview in the window and the
    Dari export (bench/interview_export.py); goal ≤ 150 MB
Medians of --runs runs (5).

    python -m bench --bundle [--runs 5]      # only the bundle's rows
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
EXE = ".exe" if os.name == "nt" else ""
BUNDLE = ROOT / "dist" / "masir" / f"masir{EXE}"
BARE_BUNDLE = ROOT / "dist" / "bare_window" / f"bare_window{EXE}"
BUILD_SCRIPT = ROOT / "build" / "build_bundle.py"
TIMEOUT = 120


@dataclass
class Row:
    what: str
    figure: str
    goal: str
    verdict: str


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ, **extra)
    env.setdefault("QT_QPA_PLATFORM", "xcb" if env.get("DISPLAY") else "offscreen")
    return env


def launch_ms(command: Sequence[str], env: dict[str, str]) -> float:
    """Wall time from launching `command` to its 'startup-ms' line (its first paint)."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    wall = float("nan")
    for line in process.stdout:
        if line.startswith("startup-ms"):
            wall = (time.perf_counter() - started) * 1000
            break
    process.wait(timeout=TIMEOUT)
    return wall


def median_of(runs: int, measure: Callable[[], float]) -> float:
    measure()  # warm-up: the first launch reads everything from disk
    return statistics.median(measure() for _ in range(runs))


def in_turn(
    runs: int, measure: Callable[[], float], yardstick: Callable[[], float]
) -> tuple[float, float, float]:
    """Medians of `measure`, of `yardstick` and of their ratio pair by pair, the two run in turn
    (A B A B …) after one warm-up each, so that a machine's drift in speed touches both."""
    measure(), yardstick()
    pairs = [(measure(), yardstick()) for _ in range(runs)]
    return (
        statistics.median(a for a, _ in pairs),
        statistics.median(b for _, b in pairs),
        statistics.median(a / b for a, b in pairs),
    )


def startup_rows(runs: int) -> list[Row]:
    def bare() -> float:
        return launch_ms([sys.executable, "bench/bare_window.py"], _env())

    def start_page() -> float:
        return launch_ms([sys.executable, "main.py"], _env(MASIR_BENCH_STARTUP="1"))

    def question() -> float:
        return launch_ms([sys.executable, "main.py"], _env(MASIR_BENCH_STARTUP="question"))

    page, bare_ms, ratio = in_turn(runs, start_page, bare)
    asked, _, asked_ratio = in_turn(runs, question, bare)
    return [
        Row("bare PySide6 window (QLabel) painted", f"{bare_ms:.0f} ms", "yardstick", ""),
        _ratio_row("source: launch → start page painted", page, ratio, 1.3),
        Row(
            "source: launch → first question, pressed at once",
            f"{asked:.0f} ms = {asked_ratio:.2f}× bare",
            "(rules load after the first paint)",
            "",
        ),
    ]


def _build(*options: str) -> str:
    """build/build_bundle.py with this Python; '' when it worked, else why not."""
    if importlib.util.find_spec("PyInstaller") is None:
        return "no PyInstaller: pip install -e '.[build]'"
    done = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), *options],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return "" if done.returncode == 0 else f"build failed: {done.stderr.strip()[-60:]}"


def _build_bundle() -> ModuleType:
    """build/build_bundle.py (not a package): its sizes, zip and bare window's stamp."""
    spec = importlib.util.spec_from_file_location("build_bundle", BUILD_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _bare_is_current() -> bool:
    """The frozen bare window exists and was frozen from this Qt and bench/bare_window.py."""
    build_bundle = _build_bundle()
    stamp: Path = BARE_BUNDLE.parent / build_bundle.BARE_STAMP
    expected: str = build_bundle.bare_stamp()
    return stamp.exists() and stamp.read_text(encoding="utf-8") == expected


def bundle_rows(runs: int, build: bool) -> list[Row]:
    """Launch → start page of dist/masir against the bare window frozen the same way, and
    the bundle's size; with `build`, either bundle is built first when it is missing."""
    what = "bundle: launch → start page painted"
    for bundle, options in ((BUNDLE, ("--archive",)), (BARE_BUNDLE, ("--bare",))):
        current = bundle.exists() and (bundle is BUNDLE or _bare_is_current())
        if current:
            continue
        why = _build(*options) if build else f"no {bundle.parent.relative_to(ROOT)}"
        if why:
            return [Row(what, "n/a", "≤ 1.5× bare", why)]

    def bare() -> float:
        return launch_ms([str(BARE_BUNDLE)], _env())

    def start_page() -> float:
        return launch_ms([str(BUNDLE)], _env(MASIR_BENCH_STARTUP="1"))

    page, bare_ms, ratio = in_turn(runs, start_page, bare)
    onedir, zipped = _sizes_mb(BUNDLE.parent)
    bare_onedir, _ = _sizes_mb(BARE_BUNDLE.parent, zipped=False)
    return [
        Row("bare window frozen the same way, painted", f"{bare_ms:.0f} ms", "yardstick", ""),
        _ratio_row(what, page, ratio, 1.5),
        Row(
            "bundle size: dist/masir (one folder)",
            f"{onedir:.1f} MB (bare window {bare_onedir:.1f} MB)",
            "≤ 120 MB",
            _mark(onedir <= 120),
        ),
        Row("bundle size: its zip", f"{zipped:.1f} MB", "≤ 50 MB", _mark(zipped <= 50)),
    ]


def _sizes_mb(folder: Path, zipped: bool = True) -> tuple[float, float]:
    """The folder's size and its zip's, as build/build_bundle.py counts and writes them."""
    build_bundle = _build_bundle()
    onedir = build_bundle.folder_size(folder) / 1e6
    if not zipped:
        return onedir, float("nan")
    with tempfile.TemporaryDirectory() as scratch:
        archive = build_bundle.write_zip(folder, Path(scratch) / "bundle.zip")
        return onedir, archive.stat().st_size / 1e6


def child_figures(script: str, runs: int) -> list[dict[str, float]] | str:
    """The JSON line `script` prints, from `runs` fresh processes; or the end of its error."""
    found = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, script],
            cwd=ROOT,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            return done.stderr.strip()[-80:]
        found.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return found


def results_rows(runs: int) -> list[Row]:
    """bench/bench_results.py in fresh processes: the results page's views, first time each."""
    measured = child_figures("bench/bench_results.py", runs)
    if isinstance(measured, str):
        return [Row("results page", "failed", "≤ 300 ms", measured)]
    routes = int(measured[-1]["routes"])
    plan, all_routes, detail = (
        statistics.median(m[k] for m in measured) for k in ("plan", "all", "detail")
    )
    views = (
        ("results page opens on the plan (Dari, all unknown)", plan),
        (f'switch to "All routes" ({routes} rows)', all_routes),
        ("open one route in full", detail),
    )
    return [Row(what, f"{ms:.0f} ms", "≤ 300 ms", _mark(ms <= 300)) for what, ms in views]


def rule_pack_rows(runs: int) -> list[Row]:
    """bench/bench_rule_pack.py in fresh processes: what a caseworker waits for."""
    measured = child_figures("bench/bench_rule_pack.py", runs)
    if isinstance(measured, str):
        return [Row("rule pack verify + install", "failed", "≤ 2 s", measured)]
    verify, install, start = (
        statistics.median(m[k] for m in measured) for k in ("verify", "install", "start")
    )
    pack = f"{measured[-1]['kb']:.0f} KB, {measured[-1]['cases']:.0f} rule cases"
    return [
        Row(f"rule pack: verify ({pack})", f"{verify:.0f} ms", "≤ 2 s", _mark(verify <= 2000)),
        Row("rule pack: verify + install", f"{install:.0f} ms", "≤ 2 s", _mark(install <= 2000)),
        Row("rule pack in use: checked again at start", f"{start:.0f} ms", "", ""),
    ]


def _ratio_row(what: str, ms: float, ratio: float, goal: float) -> Row:
    return Row(what, f"{ms:.0f} ms = {ratio:.2f}× bare", f"≤ {goal}× bare", _mark(ratio <= goal))


def evaluate_row() -> Row:
    from bench.bench_evaluate import RUNS, measure

    figures = measure()
    ms = figures["judge_median_ms"]
    return Row(
        f"re-judge {figures['pathways']:.0f} pathways after one answer ({RUNS} runs)",
        f"{ms:.3f} ms (full results {figures['full_median_ms']:.3f} ms)",
        "≤ 1 ms",
        _mark(ms <= 1),
    )


def adaptive_rows() -> list[Row]:
    from bench.bench_adaptive import measure

    figures = measure()
    ratio, differing = figures["median_ratio"], figures["differing"] + figures["differing_plans"]
    return [
        Row(
            f"questions asked, adaptive vs all ({figures['personas']:.0f} personas)",
            f"median {ratio:.0%}; {figures['differing']:.0f} routes, "
            f"{figures['differing_plans']:.0f} plans differ",
            "≤ 50 %, 0 differ",
            _mark(ratio <= 0.5 and differing == 0),
        ),
        Row(
            "choose the next question (answer + focus)",
            f"{figures['choose_ms']:.1f} ms",
            "≤ 5 ms",
            _mark(figures["choose_ms"] <= 5),
        ),
    ]


def summary_row(runs: int) -> Row:
    what = "summary PDF in Dari (journalist sample)"
    try:
        export = importlib.import_module("summary.export")
    except ModuleNotFoundError:
        return Row(what, "n/a", "≤ 300 ms", "summary not available")
    from cli.samples import JOURNALIST_IN_PAKISTAN, complete_interview
    from i18n.runtime import set_language
    from pathways.engine import default_engine
    from summary.options import SummaryOptions

    engine = default_engine()
    set_language("fa_AF")
    screening = engine.screen(complete_interview(engine.questionnaire, JOURNALIST_IN_PAKISTAN))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "summary.pdf"

        def once() -> float:
            started = time.perf_counter()
            pages = export.write_summary(screening, engine, out, SummaryOptions(language="fa_AF"))
            once.pages = pages  # type: ignore[attr-defined]
            return (time.perf_counter() - started) * 1000

        ms = median_of(runs, once)
    pages = once.pages  # type: ignore[attr-defined]
    return Row(f"{what}, {pages} pages", f"{ms:.0f} ms", "≤ 300 ms", _mark(ms <= 300))


def page_rows() -> list[Row]:
    """Pages a person must read: the journalist of tests/data and the all-unknown case, in each
    language and bilingual (budgets of the action-first summary)."""
    try:
        export = importlib.import_module("summary.export")
    except ModuleNotFoundError:
        return [Row("summary pages", "n/a", "", "summary not available")]
    from forms.answers_file import interview_from_answers, read_answers_file
    from pathways.engine import default_engine
    from summary.options import SummaryOptions

    engine = default_engine()
    today = date(2026, 11, 23)
    rows = []
    for case, budget in (("journalist_pk", 4), ("all_unknown", 6)):
        raw = read_answers_file(ROOT / "tests" / "data" / f"{case}.json")
        screening = engine.screen(interview_from_answers(engine.questionnaire, raw, today))
        for language, bilingual in (("en", False), ("fa_AF", False), ("ps", False), ("ps", True)):
            _data, pages = export.render_summary(
                screening, engine, SummaryOptions(language=language, bilingual=bilingual)
            )
            goal = budget * 2 if bilingual else budget
            form = f"{language}{' + en' if bilingual else ''}"
            rows.append(
                Row(f"summary pages: {case}, {form}", str(pages), f"≤ {goal}", _mark(pages <= goal))
            )
    return rows


def memory_row(runs: int) -> Row:
    peaks = []
    detail = ""
    for _ in range(runs):
        process = subprocess.Popen(
            [sys.executable, "bench/interview_export.py"],
            cwd=ROOT,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        _, status, usage = os.wait4(process.pid, 0)
        assert process.stdout is not None
        detail = process.stdout.read().strip()
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            return Row("peak memory: interview + export", "failed", "≤ 150 MB", detail)
        peaks.append(usage.ru_maxrss / 1024)  # kB on Linux
    mb = statistics.median(peaks)
    export = "" if detail.endswith("pages 0") else " + Dari export"
    note = "" if export else " (no summary: interview only)"
    return Row(
        f"peak memory (max RSS): interview{export}{note}",
        f"{mb:.0f} MB ({detail})",
        "≤ 150 MB",
        _mark(mb <= 150),
    )


def fuzz() -> int:
    """tests/test_fuzz_inputs.py with 2,500 examples a test: answers files (JSON, YAML),
    .masir files and case store rows; any traceback fails it."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    code = subprocess.call(
        [*command, "tests/test_fuzz_inputs.py"],
        cwd=ROOT,
        env=_env(MASIR_FUZZ_EXAMPLES="2500", MASIR_TEST_CHEAP_KDF="1"),
    )
    seconds = time.perf_counter() - started
    print(f"fuzz: 4 tests x 2500 examples = 10000 inputs in {seconds:.0f} s: exit {code}")
    return code


def _mark(ok: bool) -> str:
    return "ok" if ok else "over"


def print_table(rows: list[Row], platform: str, runs: int) -> None:
    print(f"Masir benchmarks — QT_QPA_PLATFORM={platform}, medians of {runs} runs")
    headers = Row("benchmark", "figure", "goal", "")
    widths = [max(len(getattr(r, f)) for r in [headers, *rows]) for f in Row.__annotations__]
    for index, row in enumerate([headers, *rows]):
        cells = [getattr(row, f).ljust(w) for f, w in zip(Row.__annotations__, widths, strict=True)]
        print("  ".join(cells).rstrip())
        if index == 0:
            print("  ".join("-" * w for w in widths))


def main() -> int:
    parser = argparse.ArgumentParser(description="Masir's benchmarks, as one table")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--fuzz",
        action="store_true",
        help="only the input fuzz tests, 2,500 examples each (10,000 in all), and their time",
    )
    parser.add_argument(
        "--bundle",
        action="store_true",
        help="only the bundle's rows (start page against a frozen bare window, sizes); "
        "builds dist/masir and dist/bare_window when missing",
    )
    args = parser.parse_args()
    if args.fuzz:
        return fuzz()
    os.environ.update(_env())
    if args.bundle:
        print_table(bundle_rows(args.runs, build=True), os.environ["QT_QPA_PLATFORM"], args.runs)
        return 0
    rows = startup_rows(args.runs)
    if BUNDLE.exists() and BARE_BUNDLE.exists():
        rows += bundle_rows(args.runs, build=False)
    rows += results_rows(args.runs)
    rows.append(evaluate_row())
    rows += adaptive_rows()
    rows += rule_pack_rows(args.runs)
    rows.append(summary_row(args.runs))
    rows += page_rows()
    rows.append(memory_row(args.runs))
    print_table(rows, os.environ["QT_QPA_PLATFORM"], args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
