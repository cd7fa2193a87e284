"""One damaged case never locks the others: listed as damaged, the rest work, it can go."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cases import CaseStore
from cli.app import run
from tests.cases.casetools import PASSPHRASE, answers_sample


def three_cases_one_damaged(store: CaseStore, folder: Path) -> tuple[str, str, str]:
    ids = [store.new_case(label) for label in ("first", "second", "third")]
    for case_id in ids:
        store.save_answers(case_id, answers_sample(), None)
    store.close()
    conn = sqlite3.connect(folder / "cases.sqlite3")
    try:
        (blob,) = conn.execute(
            "SELECT ciphertext FROM cases WHERE case_id = ?", (ids[1],)
        ).fetchone()
        flipped = bytes([blob[0] ^ 1]) + blob[1:]
        conn.execute("UPDATE cases SET ciphertext = ? WHERE case_id = ?", (flipped, ids[1]))
        conn.commit()
    finally:
        conn.close()
    return ids[0], ids[1], ids[2]


def test_the_healthy_cases_still_list_load_and_the_damaged_one_is_named(
    store: CaseStore, store_folder: Path
) -> None:
    first, damaged, third = three_cases_one_damaged(store, store_folder)
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        summaries, broken = reopened.scan()
        assert {s.case_id for s in summaries} == {first, third}
        assert broken == [damaged]
        assert reopened.load(third).answers == answers_sample()
        reopened.delete(damaged)
        assert reopened.scan() == (reopened.list_cases(), [])


def test_the_command_line_lists_shows_and_deletes_around_a_damaged_case(
    store: CaseStore,
    store_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    first, damaged, _third = three_cases_one_damaged(store, store_folder)
    monkeypatch.setenv("MASIR_PASSPHRASE", PASSPHRASE)
    base = ["cases", "--store", str(store_folder)]
    assert run([*base, "list"]) == 0
    captured = capsys.readouterr()
    assert first in captured.out and f"{damaged}\t(damaged" in captured.out
    assert damaged in captured.err
    assert run([*base, "show", first[:8]]) == 0
    raw = tmp_path / "damaged-row.json"
    assert run([*base, "export-raw", damaged, "--out", str(raw)]) == 0
    saved = json.loads(raw.read_text(encoding="utf-8"))
    conn = sqlite3.connect(store_folder / "cases.sqlite3")
    try:
        (ciphertext,) = conn.execute(
            "SELECT ciphertext FROM cases WHERE case_id = ?", (damaged,)
        ).fetchone()
    finally:
        conn.close()
    assert saved["case_id"] == damaged and bytes.fromhex(saved["ciphertext"]) == ciphertext
    assert run([*base, "delete", damaged]) == 0
    capsys.readouterr()
    assert run([*base, "list"]) == 0
    assert damaged not in capsys.readouterr().out


def _rows(folder: Path) -> sqlite3.Connection:
    return sqlite3.connect(folder / "cases.sqlite3")


def test_a_row_deleted_outside_masir_is_reported_at_unlock(
    store: CaseStore, store_folder: Path
) -> None:
    kept, gone = store.new_case("kept"), store.new_case("gone")
    store.close()
    conn = _rows(store_folder)
    conn.execute("DELETE FROM cases WHERE case_id = ?", (gone,))
    conn.commit()
    conn.close()
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.integrity.missing == [gone] and not reopened.integrity.ok
        assert [s.case_id for s in reopened.list_cases()] == [kept]
    with CaseStore.open(store_folder, PASSPHRASE) as again:  # told once
        assert again.integrity.ok


def test_an_older_copy_of_a_case_put_back_is_reported_at_unlock(
    store: CaseStore, store_folder: Path
) -> None:
    case_id = store.new_case("case")
    store.save_answers(case_id, answers_sample(), None)
    conn = _rows(store_folder)
    old = conn.execute("SELECT nonce, ciphertext FROM cases WHERE case_id = ?", (case_id,))
    old_row = old.fetchone()
    conn.close()
    store.save_answers(case_id, {}, None)
    store.close()
    conn = _rows(store_folder)
    conn.execute(
        "UPDATE cases SET nonce = ?, ciphertext = ? WHERE case_id = ?", (*old_row, case_id)
    )
    conn.commit()
    conn.close()
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.integrity.replaced == [case_id]


def test_a_store_without_its_manifest_says_it_could_not_check(
    store: CaseStore, store_folder: Path
) -> None:
    store.new_case("case")
    store.close()
    conn = _rows(store_folder)
    conn.execute("DELETE FROM meta WHERE name = 'manifest'")
    conn.commit()
    conn.close()
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.integrity.unchecked


def test_everyday_use_leaves_the_manifest_in_step(store: CaseStore, store_folder: Path) -> None:
    first = store.new_case("first")
    store.save_answers(first, answers_sample(), None)
    store.rename(first, "renamed")
    second = store.new_case("second")
    store.delete(second)
    store.change_passphrase(PASSPHRASE, "another long passphrase")
    store.close()
    with CaseStore.open(store_folder, "another long passphrase") as reopened:
        assert reopened.integrity.ok
