"""Export and import: round trips, and every damaged file refused as a whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import cases.transfer
from cases import CaseStore, CaseStoreError, ErrorKind, export_cases, import_cases
from tests.cases.casetools import (
    BIDI_TEXT,
    CHEAP_KDF,
    DARI_LABEL,
    PASHTO_TEXT,
    TINY_KDF,
    answers_sample,
    flip,
    printed_messages,
)

EXPORT_PASS = "د صادرولو رمز\u200c"
REFUSED = {ErrorKind.BAD_EXPORT_FILE, ErrorKind.WRONG_EXPORT_PASSPHRASE}
# Magic, version, KDF parameters, salt and key check: what a passphrase check reads.
VALID_PREFIX = 6 + 10 + 16 + 46
FILE_SETTINGS = settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def exported(store: CaseStore, tmp_path: Path) -> Path:
    """A small export of one case, with the store left holding one other case."""
    case_id = store.new_case(DARI_LABEL, language="ps")
    store.save_answers(case_id, {"name": PASHTO_TEXT, "ok": True}, "q2")
    path = tmp_path / "one.masir"
    export_cases(store, [case_id], path, EXPORT_PASS, kdf=TINY_KDF)
    return path


def _refused(store: CaseStore, path: Path, passphrase: str = EXPORT_PASS) -> ErrorKind:
    """Import must fail with a CaseStoreError and leave the store exactly as it was."""
    before = store.list_cases()
    with pytest.raises(CaseStoreError) as caught:
        import_cases(store, path, passphrase)
    assert store.list_cases() == before
    return caught.value.kind


def test_round_trip_to_another_store(store: CaseStore, tmp_path: Path) -> None:
    first = store.new_case(DARI_LABEL, language="fa_AF")
    store.save_answers(first, answers_sample(), "family_members")
    store.save_screening(first, {"uk.arap": "not_eligible", "why": BIDI_TEXT})
    second = store.new_case(PASHTO_TEXT, language="ps")
    path = tmp_path / "two.masir"
    export_cases(store, [first, second], path, EXPORT_PASS, kdf=TINY_KDF)
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["two.masir"]
    assert path.read_bytes().startswith(b"MASIR1")

    with CaseStore.create(tmp_path / "other", "other store", kdf=CHEAP_KDF) as other:
        new_ids = import_cases(other, path, EXPORT_PASS)
        assert len(new_ids) == 2 and not {first, second} & set(new_ids)
        for old_id, new_id in zip([first, second], new_ids, strict=True):
            original, copy = store.load(old_id), other.load(new_id)
            assert copy.case_id == new_id
            assert copy.model_dump(exclude={"case_id"}) == original.model_dump(exclude={"case_id"})
        # Importing twice adds two more cases; nothing is overwritten.
        import_cases(other, path, EXPORT_PASS)
        assert len(other.list_cases()) == 4


def test_export_of_unknown_case_writes_nothing(store: CaseStore, tmp_path: Path) -> None:
    with pytest.raises(CaseStoreError) as caught:
        export_cases(store, ["0" * 32], tmp_path / "x.masir", EXPORT_PASS, kdf=TINY_KDF)
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert list(tmp_path.glob("*.masir")) == []


def test_wrong_export_passphrase(store: CaseStore, exported: Path) -> None:
    for wrong in ["", EXPORT_PASS.replace("\u200c", ""), "store passphrase"]:
        assert _refused(store, exported, wrong) is ErrorKind.WRONG_EXPORT_PASSPHRASE


def test_missing_file(store: CaseStore, tmp_path: Path) -> None:
    assert _refused(store, tmp_path / "absent.masir") is ErrorKind.NOT_FOUND


def test_every_flipped_byte_is_refused(store: CaseStore, exported: Path, tmp_path: Path) -> None:
    data = exported.read_bytes()
    damaged = tmp_path / "damaged.masir"
    kinds = set()
    for position in range(len(data)):
        damaged.write_bytes(flip(data, position))
        kind = _refused(store, damaged)
        assert kind in REFUSED, position
        kinds.add(kind)
    assert kinds == REFUSED


def test_every_truncation_is_refused(store: CaseStore, exported: Path, tmp_path: Path) -> None:
    data = exported.read_bytes()
    damaged = tmp_path / "damaged.masir"
    for length in range(len(data)):
        damaged.write_bytes(data[:length])
        assert _refused(store, damaged) is ErrorKind.BAD_EXPORT_FILE, length


def test_appended_bytes_are_refused(store: CaseStore, exported: Path) -> None:
    exported.write_bytes(exported.read_bytes() + b"\x00")
    assert _refused(store, exported) is ErrorKind.BAD_EXPORT_FILE


def test_oversized_file_is_refused_unread(
    store: CaseStore, exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cases.transfer, "MAX_FILE_BYTES", 100)
    assert _refused(store, exported) is ErrorKind.BAD_EXPORT_FILE


@FILE_SETTINGS
@given(data=st.binary(max_size=4096))
@example(data=b"")
@example(data=b"MASIR1")
@example(data=b"MASIR1" + bytes(200))
def test_arbitrary_bytes_are_refused(store: CaseStore, tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.masir"
    path.write_bytes(data)
    assert _refused(store, path) in REFUSED


@FILE_SETTINGS
@given(tail=st.binary(max_size=2048))
def test_valid_header_and_key_check_with_arbitrary_body_is_refused(
    store: CaseStore, exported: Path, tmp_path: Path, tail: bytes
) -> None:
    path = tmp_path / "fuzz.masir"
    path.write_bytes(exported.read_bytes()[:VALID_PREFIX] + tail)
    assert _refused(store, path) is ErrorKind.BAD_EXPORT_FILE


@FILE_SETTINGS
@given(data=st.data())
def test_random_damage_is_refused(
    store: CaseStore, exported: Path, tmp_path: Path, data: st.DataObject
) -> None:
    original = exported.read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        position = data.draw(st.integers(0, len(damaged) - 1))
        damaged[position] ^= data.draw(st.integers(1, 255))
    cut = data.draw(st.integers(0, len(damaged)))
    assume(bytes(damaged[:cut]) != original)
    path = tmp_path / "fuzz.masir"
    path.write_bytes(bytes(damaged[:cut]))
    assert _refused(store, path) in REFUSED


def test_errors_do_not_name_the_file(store: CaseStore, tmp_path: Path) -> None:
    """A file name may be a person's name: it stays out of messages and tracebacks."""
    path = tmp_path / "Zarghuna Ahmadzai.masir"
    with pytest.raises(CaseStoreError) as caught:
        import_cases(store, path, EXPORT_PASS)
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert "Zarghuna" not in printed_messages(caught.value)
