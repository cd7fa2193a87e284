"""Changed bytes on disk are detected and reported, never silently read."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from cases import CaseStore, CaseStoreError, ErrorKind
from tests.cases.casetools import DARI_LABEL, PASSPHRASE, answers_sample, flip

DB = "cases.sqlite3"


def _row(folder: Path, case_id: str) -> tuple[bytes, bytes]:
    with sqlite3.connect(folder / DB) as conn:
        row = conn.execute(
            "SELECT nonce, ciphertext FROM cases WHERE case_id = ?", (case_id,)
        ).fetchone()
    conn.close()
    return row[0], row[1]


def _set_row(folder: Path, case_id: str, nonce: bytes, ciphertext: bytes) -> None:
    with sqlite3.connect(folder / DB) as conn:
        conn.execute(
            "UPDATE cases SET nonce = ?, ciphertext = ? WHERE case_id = ?",
            (nonce, ciphertext, case_id),
        )
    conn.close()


def _set_meta(folder: Path, name: str, value: object) -> None:
    with sqlite3.connect(folder / DB) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE name = ?", (value, name))
    conn.close()


def _two_cases(folder: Path, store: CaseStore) -> tuple[str, str]:
    victim = store.new_case(DARI_LABEL)
    store.save_answers(victim, answers_sample(), "q1")
    bystander = store.new_case("bystander")
    store.close()
    return victim, bystander


def _expect(kind: ErrorKind, call: object) -> CaseStoreError:
    assert callable(call)
    with pytest.raises(CaseStoreError) as caught:
        call()
    assert caught.value.kind is kind, caught.value
    return caught.value


# Positions: first and last nonce byte, first, middle and last ciphertext byte, tag bytes.
POSITIONS = ["nonce:0", "nonce:11", "ct:0", "ct:mid", "ct:-17", "tag:-16", "tag:-1"]


@pytest.mark.parametrize("where", POSITIONS)
def test_flipped_byte_in_a_case_row(store: CaseStore, store_folder: Path, where: str) -> None:
    victim, bystander = _two_cases(store_folder, store)
    nonce, ciphertext = _row(store_folder, victim)
    part, index = where.split(":")
    if part == "nonce":
        nonce = flip(nonce, int(index))
    else:
        position = len(ciphertext) // 2 if index == "mid" else int(index) % len(ciphertext)
        ciphertext = flip(ciphertext, position)
    _set_row(store_folder, victim, nonce, ciphertext)

    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        error = _expect(ErrorKind.TAMPERED, lambda: reopened.load(victim))
        assert error.case_id == victim
        summaries, damaged = reopened.scan()  # named as damaged; the others still listed
        assert damaged == [victim] and [s.case_id for s in summaries] == [bystander]
        _expect(ErrorKind.TAMPERED, lambda: reopened.save_answers(victim, {}, None))
        assert reopened.load(bystander).label == "bystander"


@pytest.mark.parametrize("where", ["nonce", "ciphertext-start", "ciphertext-end"])
def test_flipped_byte_in_the_database_file(
    store: CaseStore, store_folder: Path, where: str
) -> None:
    victim, _ = _two_cases(store_folder, store)
    nonce, ciphertext = _row(store_folder, victim)
    raw = (store_folder / DB).read_bytes()
    target = nonce if where == "nonce" else ciphertext[:64]
    if where == "ciphertext-end":
        target = ciphertext[-64:]
    assert raw.count(target) == 1
    offset = raw.index(target) + (0 if where != "ciphertext-end" else len(target) - 1)
    (store_folder / DB).write_bytes(flip(raw, offset))

    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        _expect(ErrorKind.TAMPERED, lambda: reopened.load(victim))


def test_ciphertexts_cannot_be_swapped_between_rows(store: CaseStore, store_folder: Path) -> None:
    victim, bystander = _two_cases(store_folder, store)
    _set_row(store_folder, bystander, *_row(store_folder, victim))
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        _expect(ErrorKind.TAMPERED, lambda: reopened.load(bystander))


def test_a_non_blob_value_is_tampering(store: CaseStore, store_folder: Path) -> None:
    victim, _ = _two_cases(store_folder, store)
    _set_row(store_folder, victim, b"x" * 12, "text, not bytes")  # type: ignore[arg-type]
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        _expect(ErrorKind.TAMPERED, lambda: reopened.load(victim))


@pytest.mark.parametrize(
    ("name", "value", "kind"),
    [
        # Salt, parameters and key check feed the key: a change reads as a wrong passphrase.
        ("salt", b"\x00" * 16, ErrorKind.WRONG_PASSPHRASE),
        ("key_check", b"\x00" * 46, ErrorKind.WRONG_PASSPHRASE),
        ("kdf", b'{"time_cost":2,"memory_kib":8192,"parallelism":1}', ErrorKind.CORRUPT),
        ("kdf", b'{"time_cost":1,"memory_kib":99999999999,"parallelism":1}', ErrorKind.CORRUPT),
        ("kdf", b"not json", ErrorKind.CORRUPT),
        ("format_version", b"2", ErrorKind.CORRUPT),
        ("salt", "text", ErrorKind.CORRUPT),
    ],
)
def test_changed_store_metadata(
    store: CaseStore, store_folder: Path, name: str, value: object, kind: ErrorKind
) -> None:
    _two_cases(store_folder, store)
    _set_meta(store_folder, name, value)
    _expect(kind, lambda: CaseStore.open(store_folder, PASSPHRASE))


def test_missing_metadata_is_corrupt(store: CaseStore, store_folder: Path) -> None:
    _two_cases(store_folder, store)
    with sqlite3.connect(store_folder / DB) as conn:
        conn.execute("DELETE FROM meta WHERE name = 'salt'")
    conn.close()
    _expect(ErrorKind.CORRUPT, lambda: CaseStore.open(store_folder, PASSPHRASE))


@pytest.mark.parametrize("keep", [0, 100, 4096, 0.5])
def test_truncated_or_foreign_database_is_corrupt(
    store: CaseStore, store_folder: Path, keep: float
) -> None:
    _two_cases(store_folder, store)
    path = store_folder / DB
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * keep) if isinstance(keep, float) else keep])
    error = _expect(ErrorKind.CORRUPT, lambda: CaseStore.open(store_folder, PASSPHRASE))
    assert "Restore" in error.message


def test_random_bytes_instead_of_a_database(store_folder: Path) -> None:
    store_folder.mkdir()
    (store_folder / DB).write_bytes(bytes(range(256)) * 64)
    _expect(ErrorKind.CORRUPT, lambda: CaseStore.open(store_folder, PASSPHRASE))
