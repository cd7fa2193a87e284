"""Print the median time to unlock a case store with the default Argon2id parameters.

Run from the project root: python bench/bench_unlock.py. Aim: about 0.5 s on the reference
2-core machine; raise or lower DEFAULT_KDF in cases/crypto.py if the median strays far.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cases import DEFAULT_KDF, CaseStore

RUNS = 5


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        CaseStore.create(Path(folder), "benchmark passphrase").close()
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            CaseStore.open(Path(folder), "benchmark passphrase").close()
            timings.append(time.perf_counter() - started)
    print(f"Argon2id {DEFAULT_KDF.model_dump()}")
    print(f"unlock median over {RUNS} runs: {statistics.median(timings) * 1000:.0f} ms")
    print("all runs (ms): " + ", ".join(f"{t * 1000:.0f}" for t in timings))


if __name__ == "__main__":
    main()
