"""Run by test_store_kill.py: save answers in a loop, printing "saved N" after each save returns.

Usage: kill_helper.py FOLDER PASSPHRASE CASE_ID. Answer N is stored as question "qN"; the
current question is then "q(N+1)". The parent kills this process at random moments.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from cases import CaseStore


def main() -> None:
    folder, passphrase, case_id = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    store = CaseStore.open(folder, passphrase)
    answers = store.load(case_id).answers
    n = len(answers)
    while True:
        n += 1
        answers[f"q{n}"] = f"پاسخ {n} زرمینه\u200cخان"
        store.save_answers(case_id, answers, f"q{n + 1}")
        print(f"saved {n}", flush=True)


if __name__ == "__main__":
    main()
