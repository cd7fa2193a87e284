"""Round trips through the store: what goes in comes back out, exactly."""

from __future__ import annotations

import socket
import unicodedata
from collections.abc import Callable
from datetime import UTC
from pathlib import Path

import platformdirs
import pytest

from cases import (
    CaseRecord,
    CaseStore,
    CaseStoreError,
    ErrorKind,
    RecordedChange,
    default_store_folder,
)
from tests.cases.casetools import (
    BIDI_TEXT,
    CHEAP_KDF,
    DARI_LABEL,
    PASHTO_TEXT,
    PASSPHRASE,
    answers_sample,
    printed_messages,
)


def test_network_guard_is_active() -> None:
    with pytest.raises(AssertionError, match="network"):
        socket.socket()


def test_default_folder_is_the_user_data_dir() -> None:
    expected = Path(platformdirs.user_data_dir("Masir", appauthor=False))
    assert default_store_folder().parent == expected


def test_hostile_text_survives_close_and_reopen(store: CaseStore, store_folder: Path) -> None:
    case_id = store.new_case(DARI_LABEL, language="fa_AF")
    store.save_answers(case_id, answers_sample(), current_question="visa_history")
    store.save_screening(case_id, {"us.siv": {"verdict": "possibly_eligible"}, "note": BIDI_TEXT})
    store.close()

    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        record = reopened.load(case_id)
        assert record.label == DARI_LABEL
        assert "\u200c" in record.label
        assert record.language == "fa_AF"
        assert record.answers == answers_sample()
        assert record.answers["home_district"] == PASHTO_TEXT
        assert record.current_question == "visa_history"
        assert record.screening == {"us.siv": {"verdict": "possibly_eligible"}, "note": BIDI_TEXT}
        assert record.created.tzinfo is UTC
        assert record.created <= record.updated
        [summary] = reopened.list_cases()
        assert summary.case_id == case_id
        assert summary.label == DARI_LABEL
        assert summary.answered_count == len(answers_sample())


def test_new_case_starts_empty_with_a_random_id(store: CaseStore) -> None:
    first, second = store.new_case("A"), store.new_case("B")
    assert first != second
    assert len(first) == 32 and int(first, 16) >= 0
    record = store.load(first)
    assert (record.answers, record.current_question, record.screening) == ({}, None, None)
    assert record.language == "en"


def test_list_is_most_recently_updated_first(store: CaseStore) -> None:
    older, newer = store.new_case("older"), store.new_case("newer")
    assert [s.case_id for s in store.list_cases()] == [newer, older]
    store.save_answers(older, {"nationality": "af"}, None)
    assert [s.case_id for s in store.list_cases()] == [older, newer]


def test_search_is_case_insensitive_and_keeps_zwnj(store: CaseStore) -> None:
    latin = store.new_case("Zarmina Ahmadzai")
    dari = store.new_case(DARI_LABEL)
    store.new_case("Someone else")
    assert [s.case_id for s in store.search("zARMINA")] == [latin]
    assert [s.case_id for s in store.search("زرمینه\u200cی")] == [dari]
    # ZWNJ is a real character: without it the word is a different word.
    assert store.search("زرمینهی") == []
    assert len(store.search("")) == 3


def test_search_matches_decomposed_input(store: CaseStore) -> None:
    label = "أحمد"  # alef with hamza above, composed
    case_id = store.new_case(label)
    typed = unicodedata.normalize("NFD", label)
    assert typed != label
    assert [s.case_id for s in store.search(typed)] == [case_id]


def test_rename_and_delete(store: CaseStore) -> None:
    case_id = store.new_case("first name")
    kept = store.new_case("kept")
    store.rename(case_id, PASHTO_TEXT)
    assert store.load(case_id).label == PASHTO_TEXT
    store.delete(case_id)
    with pytest.raises(CaseStoreError) as caught:
        store.load(case_id)
    assert caught.value.kind is ErrorKind.NOT_FOUND
    assert [s.case_id for s in store.list_cases()] == [kept]


@pytest.mark.parametrize("action", ["load", "delete", "rename", "save_answers"])
def test_unknown_case_is_not_found(store: CaseStore, action: str) -> None:
    calls: dict[str, Callable[[], object]] = {
        "load": lambda: store.load("0" * 32),
        "delete": lambda: store.delete("0" * 32),
        "rename": lambda: store.rename("0" * 32, "x"),
        "save_answers": lambda: store.save_answers("0" * 32, {}, None),
    }
    with pytest.raises(CaseStoreError) as caught:
        calls[action]()
    assert caught.value.kind is ErrorKind.NOT_FOUND


def test_create_refuses_an_existing_store(store: CaseStore, store_folder: Path) -> None:
    store.new_case("keep me")
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.create(store_folder, "another", kdf=CHEAP_KDF)
    assert caught.value.kind is ErrorKind.ALREADY_EXISTS
    assert len(store.list_cases()) == 1


def test_open_missing_store_is_not_found(tmp_path: Path) -> None:
    assert not CaseStore.exists(tmp_path)
    with pytest.raises(CaseStoreError) as caught:
        CaseStore.open(tmp_path, PASSPHRASE)
    assert caught.value.kind is ErrorKind.NOT_FOUND


def test_wrong_passphrase(store: CaseStore, store_folder: Path) -> None:
    store.new_case(DARI_LABEL)
    store.close()
    for wrong in ["", PASSPHRASE + " ", PASSPHRASE.replace("\u200c", "")]:
        with pytest.raises(CaseStoreError) as caught:
            CaseStore.open(store_folder, wrong)
        assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
        assert DARI_LABEL not in str(caught.value)


def test_passphrase_is_compared_in_nfc(tmp_path: Path) -> None:
    composed = "آرام آرام آرام"  # alef with madda, composed
    CaseStore.create(tmp_path, composed, kdf=CHEAP_KDF).close()
    CaseStore.open(tmp_path, unicodedata.normalize("NFD", composed)).close()


def test_change_passphrase(store: CaseStore, store_folder: Path) -> None:
    case_id = store.new_case(DARI_LABEL)
    store.save_answers(case_id, answers_sample(), "q9")
    with pytest.raises(CaseStoreError) as caught:
        store.change_passphrase("not the old one", "new passphrase")
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    store.change_passphrase(PASSPHRASE, "نوی رمز\u200c new")
    assert store.load(case_id).answers == answers_sample()
    store.close()

    with pytest.raises(CaseStoreError) as caught:
        CaseStore.open(store_folder, PASSPHRASE)
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    with CaseStore.open(store_folder, "نوی رمز\u200c new") as reopened:
        assert reopened.load(case_id).answers == answers_sample()
        assert reopened.load(case_id).current_question == "q9"


def test_lock_forgets_the_key(store: CaseStore) -> None:
    case_id = store.new_case("x")
    store.lock()
    for call in (
        store.list_cases,
        lambda: store.load(case_id),
        lambda: store.new_case("y"),
        lambda: store.save_answers(case_id, {}, None),
        lambda: store.delete(case_id),
    ):
        with pytest.raises(CaseStoreError) as caught:
            call()
        assert caught.value.kind is ErrorKind.LOCKED
    with pytest.raises(CaseStoreError) as caught:
        store.unlock("wrong")
    assert caught.value.kind is ErrorKind.WRONG_PASSPHRASE
    store.unlock(PASSPHRASE)
    assert store.load(case_id).label == "x"


def test_closed_store_refuses_calls(store: CaseStore) -> None:
    store.new_case("x")
    store.close()
    store.close()  # twice is harmless
    with pytest.raises(CaseStoreError) as caught:
        store.list_cases()
    assert caught.value.kind is ErrorKind.LOCKED


def test_wrong_typed_answers_are_refused_without_quoting_them(store: CaseStore) -> None:
    case_id = store.new_case("x")
    store.save_answers(case_id, {"name": "kept"}, "q1")
    with pytest.raises(ValueError) as caught:
        store.save_answers(case_id, {"relatives": {"Zarghuna"}}, "q2")  # type: ignore[dict-item]
    report = printed_messages(caught.value)
    assert "Zarghuna" not in report
    assert "answers" in str(caught.value)
    assert store.load(case_id).answers == {"name": "kept"}


def test_the_history_keeps_first_results_and_changes_only(
    store: CaseStore, store_folder: Path
) -> None:
    """First results are dated; later ones enter the history only when something changed;
    the history survives closing, stays out of the file in clear, and an old case without
    one still opens."""
    case_id = store.new_case(DARI_LABEL)
    results = {"rules_version": "2026-11-23", "note": BIDI_TEXT}
    first = store.save_screening(case_id, results)
    assert first is not None and first.changes == [] and first.rules_version == "2026-11-23"
    assert store.save_screening(case_id, results, changes=[]) is None
    moved = RecordedChange(
        pathway="us.siv", aspect="verdict", old="possibly_eligible", new="not_eligible"
    )
    second = store.save_screening(case_id, results, changes=[moved])
    assert second is not None and second.changes == [moved]
    store.close()
    assert b"possibly_eligible" not in (store_folder / "cases.sqlite3").read_bytes()
    with CaseStore.open(store_folder, PASSPHRASE) as reopened:
        history = reopened.load(case_id).history
    assert [entry.changes for entry in history] == [[], [moved]]
    assert history[0].when <= history[1].when


def test_a_case_saved_before_histories_existed_opens_with_none() -> None:
    old: dict[str, object] = {
        "case_id": "a" * 32,
        "label": "x",
        "language": "en",
        "answers": {},
        "current_question": None,
        "screening": None,
        "created": "2026-01-01T00:00:00Z",
        "updated": "2026-01-01T00:00:00Z",
    }
    assert CaseRecord.model_validate(old).history == []
