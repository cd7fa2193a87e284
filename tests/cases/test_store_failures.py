"""Full and read-only disks give one clear error, and nothing stored is lost."""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

import pytest

import cases.store
from cases import CaseStore, CaseStoreError, ErrorKind, export_cases, import_cases
from cases.errors import from_os_error
from tests.cases.casetools import CHEAP_KDF, DARI_LABEL, PASSPHRASE, TINY_KDF, answers_sample


def _fill_disk(store: CaseStore) -> None:
    """Make SQLite's own 'database or disk is full' happen on the next growth of the file."""
    conn = store._conn  # the test reaches in: SQLite has no other way to simulate a full disk
    assert conn is not None
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={pages}")


def _read_only_connect(path: Path) -> sqlite3.Connection:
    """Stand-in for a write-protected folder: SQLite itself refuses every write."""
    return sqlite3.connect(
        f"file:{path}?mode=ro", uri=True, isolation_level=None, check_same_thread=False
    )


def test_disk_full_keeps_the_last_saved_answers(store: CaseStore, store_folder: Path) -> None:
    case_id = store.new_case(DARI_LABEL)
    store.save_answers(case_id, answers_sample(), "q1")
    _fill_disk(store)

    with pytest.raises(CaseStoreError) as caught:
        store.save_answers(case_id, {"essay": "x" * 200_000}, "q2")
    assert caught.value.kind is ErrorKind.DISK_FULL
    with pytest.raises(CaseStoreError) as caught:
        for n in range(200):
            store.new_case(f"case {n} " + "y" * 3000)
    assert caught.value.kind is ErrorKind.DISK_FULL

    assert store.load(case_id).answers == answers_sample()
    count = len(store.list_cases())
    store.close()
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.load(case_id).current_question == "q1"
        assert reopened.load(case_id).answers == answers_sample()
        assert len(reopened.list_cases()) == count


def test_import_is_all_or_nothing_when_the_disk_fills(store: CaseStore, tmp_path: Path) -> None:
    ids = [store.new_case(f"case {n}") for n in range(40)]
    for case_id in ids:
        store.save_answers(case_id, {"essay": "z" * 3000}, None)
    export = tmp_path / "all.masir"
    export_cases(store, ids, export, "export pass", kdf=TINY_KDF)
    _fill_disk(store)
    with pytest.raises(CaseStoreError) as caught:
        import_cases(store, export, "export pass")
    assert caught.value.kind is ErrorKind.DISK_FULL
    assert sorted(s.case_id for s in store.list_cases()) == sorted(ids)


def test_read_only_store_refuses_writes_and_keeps_data(
    store: CaseStore, store_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case_id = store.new_case(DARI_LABEL)
    store.save_answers(case_id, answers_sample(), "q1")
    store.close()

    connect = cases.store._connect
    monkeypatch.setattr(cases.store, "_connect", _read_only_connect)
    with CaseStore.open(store_folder, PASSPHRASE) as read_only:
        assert read_only.load(case_id).answers == answers_sample()
        for call in (
            lambda: read_only.save_answers(case_id, {}, None),
            lambda: read_only.new_case("new"),
            lambda: read_only.delete(case_id),
        ):
            with pytest.raises(CaseStoreError) as caught:
                call()
            assert caught.value.kind is ErrorKind.READ_ONLY
    monkeypatch.setattr(cases.store, "_connect", connect)  # not undo(): it drops the test KDF

    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        assert reopened.load(case_id).answers == answers_sample()


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions"
)
def test_real_read_only_folder(tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        with pytest.raises(CaseStoreError) as caught:
            CaseStore.create(tmp_path / "store", PASSPHRASE, kdf=CHEAP_KDF)
        assert caught.value.kind is ErrorKind.READ_ONLY
    finally:
        tmp_path.chmod(0o700)


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (errno.EROFS, ErrorKind.READ_ONLY),
        (errno.EACCES, ErrorKind.READ_ONLY),
        (errno.ENOSPC, ErrorKind.DISK_FULL),
    ],
)
def test_create_where_the_folder_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, kind: ErrorKind
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.create(tmp_path / "store", PASSPHRASE, kdf=CHEAP_KDF)
    assert caught.value.kind is kind
    assert not CaseStore.exists(tmp_path / "store")


def test_create_in_read_only_folder_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases.store, "_connect", _read_only_connect)
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.create(tmp_path, PASSPHRASE, kdf=CHEAP_KDF)
    assert caught.value.kind is ErrorKind.READ_ONLY
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "kind"), [(errno.ENOSPC, ErrorKind.DISK_FULL), (errno.EROFS, ErrorKind.READ_ONLY)]
)
def test_export_failure_keeps_the_previous_file(
    store: CaseStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    code: int,
    kind: ErrorKind,
) -> None:
    case_id = store.new_case(DARI_LABEL)
    target = tmp_path / "out" / "cases.masir"
    target.parent.mkdir()
    export_cases(store, [case_id], target, "export pass", kdf=TINY_KDF)
    previous = target.read_bytes()

    def fail(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(CaseStoreError) as caught:
        export_cases(store, [case_id], target, "other pass", kdf=TINY_KDF)
    assert caught.value.kind is kind
    assert target.read_bytes() == previous
    assert [p.name for p in target.parent.iterdir()] == ["cases.masir"]


def test_export_into_a_missing_folder(store: CaseStore, tmp_path: Path) -> None:
    case_id = store.new_case("x")
    with pytest.raises(CaseStoreError) as caught:
        target = tmp_path / "nowhere" / "x.masir"
        export_cases(store, [case_id], target, "export passphrase", kdf=TINY_KDF)
    assert caught.value.kind is ErrorKind.NOT_FOUND


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        (errno.ENOSPC, ErrorKind.DISK_FULL),
        (errno.EDQUOT, ErrorKind.DISK_FULL),
        (errno.EROFS, ErrorKind.READ_ONLY),
        (errno.EACCES, ErrorKind.READ_ONLY),
        (errno.ENOENT, ErrorKind.NOT_FOUND),
        (errno.EIO, ErrorKind.IO_ERROR),
    ],
)
def test_os_errors_are_classified(code: int, kind: ErrorKind) -> None:
    assert from_os_error(OSError(code, os.strerror(code))).kind is kind


def test_database_in_use_elsewhere(store: CaseStore, store_folder: Path) -> None:
    case_id = store.new_case("x")
    store._conn.execute("PRAGMA busy_timeout=0")  # type: ignore[union-attr]
    other = sqlite3.connect(store_folder / "cases.sqlite3", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(CaseStoreError) as caught:
            store.save_answers(case_id, {"a": 1}, None)
        assert caught.value.kind is ErrorKind.IN_USE
    finally:
        other.close()
    store.save_answers(case_id, {"a": 1}, None)
    assert store.load(case_id).answers == {"a": 1}
