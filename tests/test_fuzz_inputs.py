"""Fuzzing every input a person or a file can bring: answers files (JSON and YAML), .masir
export files and the case store's rows. Any input gives a result or one clear error, never a
traceback, and nothing stored changes.

About 2,000 examples in the suite; `python -m bench --fuzz` runs the same tests with
MASIR_FUZZ_EXAMPLES=2500 each (10,000 in all).
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import TEST_KDF, CaseStore, CaseStoreError
from cases.transfer import _PARAMS, MAGIC, decode_export
from tests.cases.casetools import PASSPHRASE, answers_sample
from tests.test_cli_fuzz import documents, screen

EXAMPLES = int(os.environ.get("MASIR_FUZZ_EXAMPLES", "500"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

yaml_scalars = st.one_of(
    st.sampled_from(
        ["2022-02-30", "2022-13-01", "0000-01-01", "1e99999", "-.inf", ".nan", "~", "!!binary x",
         "1390-05-12 SH", "۱۳۹۰/۰۵/۱۲", "&a [*a]", "'x", "{", "0x1F", "1_000", "no", "on"]
    ),
    st.text(max_size=20),
)  # fmt: skip


@FUZZ
@given(document=documents)
def test_answers_files_in_json(document: object, capsys: pytest.CaptureFixture[str]) -> None:
    screen(json.dumps(document).encode("utf-8"), ".json", capsys)


@FUZZ
@given(
    keys=st.lists(st.sampled_from(["birth_date", "afghan_national", "employers", "x"]), max_size=4),
    values=st.lists(yaml_scalars, min_size=4, max_size=4),
)
def test_answers_files_in_yaml(
    keys: list[str], values: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    body = "".join(f"  {key}: {value}\n" for key, value in zip(keys, values, strict=False))
    screen(f"answers:\n{body}".encode(), ".yaml", capsys)


@FUZZ
@given(
    params=st.tuples(
        st.integers(0, 255),
        st.integers(0, 2**32 - 1),
        st.integers(0, 2**32 - 1),
        st.integers(0, 255),
    )
    | st.just((1, TEST_KDF.time_cost, TEST_KDF.memory_kib, TEST_KDF.parallelism)),
    rest=st.binary(max_size=600),
)
def test_masir_files(params: tuple[int, int, int, int], rest: bytes) -> None:
    data = MAGIC + _PARAMS.pack(*params) + rest
    with pytest.raises(CaseStoreError):
        decode_export(data, "a passphrase of length")


@pytest.fixture(scope="module")
def sealed_store() -> Iterator[tuple[Path, str, str]]:
    with tempfile.TemporaryDirectory() as parent, pytest.MonkeyPatch.context() as patch:
        patch.setenv("MASIR_TEST_CHEAP_KDF", "1")
        folder = Path(parent) / "store"
        store = CaseStore.create(folder, PASSPHRASE, kdf=TEST_KDF)
        victim, bystander = store.new_case("victim"), store.new_case("bystander")
        store.save_answers(bystander, answers_sample(), None)
        store.close()
        yield folder, victim, bystander


@FUZZ
@given(nonce=st.binary(max_size=40), ciphertext=st.binary(max_size=2000))
def test_case_store_rows(
    sealed_store: tuple[Path, str, str],
    nonce: bytes,
    ciphertext: bytes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder, victim, bystander = sealed_store
    monkeypatch.setenv("MASIR_TEST_CHEAP_KDF", "1")
    conn = sqlite3.connect(folder / "cases.sqlite3")
    try:
        conn.execute(
            "UPDATE cases SET nonce = ?, ciphertext = ? WHERE case_id = ?",
            (nonce, ciphertext, victim),
        )
        conn.commit()
    finally:
        conn.close()
    with CaseStore.open(folder, PASSPHRASE) as store:
        summaries, damaged = store.scan()
        assert damaged == [victim]
        assert [s.case_id for s in summaries] == [bystander]
        with pytest.raises(CaseStoreError):
            store.load(victim)
        assert store.load(bystander).answers == answers_sample(), "the others are unchanged"
