"""No personal text is ever in the store's files in clear, and deleted cases leave no bytes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cases import CaseStore
from tests.cases.casetools import PASSPHRASE, encodings, files_containing

CANARY_LABEL = "Canary-Zarghuna\u200cPalwasha-7f3a"
CANARY_ANSWER = "Canary-Answer-کابل\u200cجان-91c2"
NEEDLES = [*encodings(CANARY_LABEL), *encodings(CANARY_ANSWER), *encodings("Canary-")]


def _ciphertexts(store_folder: Path) -> set[bytes]:
    """Every case ciphertext currently visible to a reader of the database."""
    with sqlite3.connect(store_folder / "cases.sqlite3") as conn:
        rows = conn.execute("SELECT ciphertext FROM cases").fetchall()
    conn.close()
    return {row[0] for row in rows}


def test_canary_never_in_clear_and_gone_after_delete(store: CaseStore, store_folder: Path) -> None:
    store.new_case("other case")
    case_id = store.new_case(CANARY_LABEL)
    seen: set[bytes] = set()
    # Large enough answers to spill into SQLite overflow pages.
    for step in range(12):
        answers = {f"q{i}": CANARY_ANSWER * (i + 1) for i in range(step * 10)}
        store.save_answers(case_id, answers, f"q{step}")
        seen |= _ciphertexts(store_folder)
        assert files_containing(store_folder, NEEDLES) == []
    store.rename(case_id, CANARY_LABEL + " renamed")
    seen |= _ciphertexts(store_folder)
    assert files_containing(store_folder, NEEDLES) == []

    store.delete(case_id)
    kept = _ciphertexts(store_folder)
    gone = [ciphertext[:48] for ciphertext in seen - kept]
    assert len(gone) >= 12
    assert files_containing(store_folder, gone) == []
    assert files_containing(store_folder, NEEDLES) == []
    store.close()
    assert files_containing(store_folder, gone) == []
    assert sorted(p.name for p in store_folder.iterdir()) == ["cases.sqlite3"]


def test_old_ciphertexts_and_salt_gone_after_passphrase_change(
    store: CaseStore, store_folder: Path
) -> None:
    case_id = store.new_case(CANARY_LABEL)
    store.save_answers(case_id, {"name": CANARY_ANSWER * 50}, None)
    with sqlite3.connect(store_folder / "cases.sqlite3") as conn:
        [(old_salt,)] = conn.execute("SELECT value FROM meta WHERE name = 'salt'").fetchall()
    conn.close()
    before = [ciphertext[:48] for ciphertext in _ciphertexts(store_folder)]

    store.change_passphrase(PASSPHRASE, "a new passphrase")

    assert files_containing(store_folder, [*before, old_salt]) == []
    assert files_containing(store_folder, NEEDLES) == []
    assert store.load(case_id).label == CANARY_LABEL
