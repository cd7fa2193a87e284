"""Time from launching `python main.py` to the start page first painted (median of 5 runs).

python bench/bench_startup.py            # uses $DISPLAY (xcb) if set, else offscreen
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def one_run() -> tuple[float, float]:
    env = dict(os.environ, MASIR_BENCH_STARTUP="1")
    env.setdefault("QT_QPA_PLATFORM", "xcb" if env.get("DISPLAY") else "offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "main.py"], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    inside = float("nan")
    for line in process.stdout:
        if line.startswith("startup-ms"):
            inside = float(line.split()[1])
            break
    wall = (time.perf_counter() - started) * 1000
    process.wait(timeout=30)
    return wall, inside


def main() -> None:
    runs = [one_run() for _ in range(RUNS)]
    walls = [wall for wall, _ in runs]
    insides = [inside for _, inside in runs]
    platform = os.environ.get("QT_QPA_PLATFORM") or (
        "xcb" if os.environ.get("DISPLAY") else "offscreen"
    )
    print(f"platform {platform}, {RUNS} runs")
    print(
        f"launch to start page painted: median {statistics.median(walls):.0f} ms "
        f"(runs: {', '.join(f'{w:.0f}' for w in walls)})"
    )
    print(f"of which from importing gui.app: median {statistics.median(insides):.0f} ms")


if __name__ == "__main__":
    main()
