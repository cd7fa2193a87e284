"""SIGKILL at random moments: every answer reported saved is there after reopening."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cases import CaseStore
from tests.cases.casetools import PASSPHRASE

HELPER = Path(__file__).with_name("kill_helper.py")
KILLS = 100


def _run_and_kill(folder: Path, case_id: str, rng: random.Random) -> list[int]:
    """Start the helper, SIGKILL it at a random moment, return the N of each "saved N" line."""
    process = subprocess.Popen(
        [sys.executable, str(HELPER), str(folder), PASSPHRASE, case_id],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    if rng.random() < 0.2:
        time.sleep(rng.uniform(0, 0.3))  # often while starting or opening the store
        first = ""
    else:
        first = process.stdout.readline()  # once it is saving
        time.sleep(rng.uniform(0, 0.03))
    process.send_signal(signal.SIGKILL)
    out, err = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, err
    assert "Traceback" not in err, err
    return [int(line.split()[1]) for line in (first + out).splitlines()]


@pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")
def test_answers_survive_sigkill(store: CaseStore, store_folder: Path) -> None:
    case_id = store.new_case("killed often")
    store.close()
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    highest_printed = 0
    for kill in range(KILLS):
        printed = _run_and_kill(store_folder, case_id, rng)
        highest_printed = max([highest_printed, *printed])
        with CaseStore.open(store_folder, PASSPHRASE) as reopened:
            record = reopened.load(case_id)
        count = len(record.answers)
        context = f"seed {seed}, kill {kill}, printed up to {highest_printed}, stored {count}"
        # Every printed save is there, and the stored state is one whole save, not a mix.
        assert count >= highest_printed, context
        assert list(record.answers) == [f"q{n}" for n in range(1, count + 1)], context
        assert record.current_question == (f"q{count + 1}" if count else None), context
    assert highest_printed > 0
