"""Hardening of the store and of every input: each of these failed before (issue 18)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

import cases.store
import cases.transfer
from cases import DEFAULT_KDF, CaseStore, CaseStoreError, ErrorKind, export_cases
from cases.transfer import _PARAMS, MAGIC, decode_export
from cli.app import run
from forms.errors import MasirError
from forms.questionnaire import load_questionnaire
from pathways.rules import DATA_FOLDER, load_rules
from tests.cases.casetools import CHEAP_KDF, PASSPHRASE


def test_an_impossible_date_in_a_yaml_answers_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("answers:\n  birth_date: 2022-02-30\n", encoding="utf-8")
    assert run(["screen", str(path)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "date that does not exist" in err


def test_an_impossible_date_in_a_rule_file_is_a_rules_error(tmp_path: Path) -> None:
    folder = tmp_path / "rules"
    shutil.copytree(DATA_FOLDER, folder)
    path = folder / "us.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("seen: 2026-11-23", "seen: 2026-02-30", 1),
        encoding="utf-8",
    )
    with pytest.raises(MasirError) as caught:
        load_rules(load_questionnaire(), folder)
    assert "us.yaml" in caught.value.message


def test_a_hostile_export_header_is_refused_before_any_key_is_derived(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def never(*_args: object) -> bytes:
        raise AssertionError("derived a key with the file's own costs")

    monkeypatch.setattr(cases.transfer, "derive_key", never)
    # 16 passes over 2 GiB: within the sanity bounds, far beyond what Masir writes.
    header = MAGIC + _PARAMS.pack(1, 16, 2 * 1024 * 1024, 8) + b"\x00" * 16
    with pytest.raises(CaseStoreError) as caught:
        decode_export(header + b"\x00" * 200, "any passphrase")
    assert caught.value.kind is ErrorKind.BAD_EXPORT_FILE


def test_store_files_are_private_and_a_wider_folder_is_fixed_and_told(
    store_folder: Path,
) -> None:
    CaseStore.create(store_folder, PASSPHRASE, kdf=CHEAP_KDF).close()
    os.chmod(store_folder, 0o755)
    os.chmod(store_folder / "cases.sqlite3", 0o644)
    with CaseStore.open(store_folder, PASSPHRASE) as store:
        assert store.permissions_fixed
        store.new_case("a case")  # makes the -wal and -shm files
        modes = {
            path.name: stat.S_IMODE(path.stat().st_mode)
            for path in store_folder.iterdir()
            if path.name.startswith("cases.sqlite3")
        }
    assert stat.S_IMODE(store_folder.stat().st_mode) == 0o700
    assert modes and set(modes.values()) == {0o600}, modes
    with CaseStore.open(store_folder, PASSPHRASE) as store:
        assert not store.permissions_fixed


@pytest.mark.parametrize("weak", ["", "short", "123456789"])
def test_the_store_itself_refuses_a_short_passphrase(store_folder: Path, weak: str) -> None:
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.create(store_folder, weak, kdf=CHEAP_KDF)
    assert caught.value.kind is ErrorKind.WEAK_PASSPHRASE
    assert not store_folder.exists() or not any(store_folder.iterdir())


def test_short_passphrases_are_refused_for_a_change_and_an_export(
    store: CaseStore, tmp_path: Path
) -> None:
    case_id = store.new_case("x")
    with pytest.raises(CaseStoreError) as changed:
        store.change_passphrase(PASSPHRASE, "short")
    with pytest.raises(CaseStoreError) as exported:
        export_cases(store, [case_id], tmp_path / "x.masir", "short", kdf=CHEAP_KDF)
    assert changed.value.kind is exported.value.kind is ErrorKind.WEAK_PASSPHRASE
    assert not (tmp_path / "x.masir").exists()


def test_a_store_made_with_test_costs_refuses_to_open_for_real_use(
    store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    CaseStore.create(store_folder, PASSPHRASE, kdf=CHEAP_KDF).close()
    monkeypatch.delenv("MASIR_TEST_CHEAP_KDF")
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.open(store_folder, PASSPHRASE)
    assert caught.value.kind is ErrorKind.TEST_STORE
    assert "tests" in caught.value.message


def test_a_passphrase_change_derives_the_new_key_with_todays_costs(
    store: CaseStore, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases.store, "kdf_for_new_keys", lambda: DEFAULT_KDF)
    store.change_passphrase(PASSPHRASE, "a new and longer passphrase")
    store.close()
    conn = sqlite3.connect(store_folder / "cases.sqlite3")
    try:
        (kdf,) = conn.execute("SELECT value FROM meta WHERE name = 'kdf'").fetchone()
    finally:
        conn.close()
    assert kdf == DEFAULT_KDF.model_dump_json().encode("ascii")


def test_wrong_passphrases_are_counted_and_told_once_after_the_next_unlock(
    store: CaseStore, store_folder: Path
) -> None:
    store.close()
    for _ in range(3):
        with pytest.raises(CaseStoreError) as caught:
            CaseStore.open(store_folder, "not the passphrase")
        assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.failed_tries == 3
    with CaseStore.open(store_folder, PASSPHRASE) as again:
        assert again.failed_tries == 0
