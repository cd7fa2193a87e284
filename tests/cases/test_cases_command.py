"""`main.py cases …`: list, show, export, import and delete, scripted with MASIR_PASSPHRASE."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import JsonValue

from cases import CaseStore
from cli.app import run
from tests.cases.casetools import CHEAP_KDF, DARI_LABEL, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
EXPORT_SECRET = "export پاسورډ\u200cیو 2026"
SCREENING: dict[str, JsonValue] = {
    "rules_version": "2026-11",
    "today": "2026-11-23",
    "created": "2026-11-23T10:00:00Z",
    "results": [
        {
            "pathway": "us.siv",
            "verdict": "eligible",
            "status": "closed_to_new",
            "open_to_person": "not_met",
            "criteria": [],
        },
    ],
}


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "store"
    with CaseStore.create(folder, PASSPHRASE, kdf=CHEAP_KDF) as store:
        first = store.new_case(DARI_LABEL, "fa_AF")
        store.save_answers(first, {"afghan_national": True, "gender": "woman"}, "birth_date")
        store.save_screening(first, SCREENING)
        store.new_case("Case 2")
    monkeypatch.setenv("MASIR_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("MASIR_EXPORT_PASSPHRASE", EXPORT_SECRET)
    return folder


def cases(folder: Path, *args: str) -> list[str]:
    return ["cases", "--store", str(folder), *args]


def listed(folder: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, list[str]]:
    assert run(cases(folder, "list")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id\tlabel\tupdated\tanswered"
    return {row.split("\t")[1]: row.split("\t") for row in lines[1:]}


def test_list_show_export_import_delete(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = listed(folder, capsys)
    assert set(rows) == {DARI_LABEL, "Case 2"}
    case_id, _label, updated, answered = rows[DARI_LABEL]
    assert answered == "2" and updated.endswith("+00:00")

    assert run(cases(folder, "show", case_id[:8])) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["label"] == DARI_LABEL and shown["current_question"] == "birth_date"
    assert shown["answers"] == {"afghan_national": True, "gender": "woman"}
    assert shown["last_screening"]["verdicts"] == [
        {
            "pathway": "us.siv",
            "verdict": "eligible",
            "status": "closed_to_new",
            "open_to_person": "not_met",
        }
    ]

    out = tmp_path / "handover"
    assert run(cases(folder, "export", case_id, "--out", str(out))) == 0
    assert "exported 1 case(s)" in capsys.readouterr().out
    exported = tmp_path / "handover.masir"
    assert exported.is_file() and DARI_LABEL.encode() not in exported.read_bytes()

    assert run(cases(folder, "delete", case_id)) == 0
    assert capsys.readouterr().out == f"deleted {case_id}\n"
    assert set(listed(folder, capsys)) == {"Case 2"}

    assert run(cases(folder, "import", str(exported))) == 0
    assert capsys.readouterr().out.startswith("imported ")
    rows = listed(folder, capsys)
    assert set(rows) == {DARI_LABEL, "Case 2"} and rows[DARI_LABEL][0] != case_id


def one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("masir: "), captured.err
    return lines[0]


def test_wrong_passphrase_is_one_line_and_exit_2(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MASIR_PASSPHRASE", "not the passphrase")
    assert run(cases(folder, "list")) == 2
    assert "passphrase is not right" in one_error_line(capsys)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["show", "0123456789abcdef"], "no case with the id"),
        (["delete", "\x1b[31mred"], "no case with the id '\\x1b[31mred'"),
        (["import", "missing.masir"], "no such case store, case or file"),
    ],
)
def test_errors_are_one_line(
    folder: Path, args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(cases(folder, *args)) == 2
    assert message in one_error_line(capsys)


def test_wrong_export_passphrase_and_a_foreign_file(
    folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    case_id = next(iter(listed(folder, capsys).values()))[0]
    out = tmp_path / "x.masir"
    assert run(cases(folder, "export", case_id, "--out", str(out))) == 0
    capsys.readouterr()
    monkeypatch.setenv("MASIR_EXPORT_PASSPHRASE", "something else entirely")
    assert run(cases(folder, "import", str(out))) == 2
    assert "not right for this export file" in one_error_line(capsys)
    foreign = tmp_path / "foreign.masir"
    foreign.write_bytes(b"PK\x03\x04" + bytes(200))
    assert run(cases(folder, "import", str(foreign))) == 2
    assert "not a Masir export file" in one_error_line(capsys)


def test_no_store_yet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MASIR_PASSPHRASE", PASSPHRASE)
    assert run(cases(tmp_path / "nowhere", "list")) == 2
    one_error_line(capsys)


def test_the_default_store_follows_masir_data_dir(
    folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MASIR_DATA_DIR", str(folder.parent))
    folder.rename(folder.parent / "cases")
    assert run(["cases", "list"]) == 0
    assert DARI_LABEL in capsys.readouterr().out


def test_passphrase_from_the_terminal_when_no_variable(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through main.py in a child process: getpass reads stdin when there is no terminal."""
    monkeypatch.delenv("MASIR_PASSPHRASE")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "cases", "--store", str(folder), "list"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert DARI_LABEL in done.stdout
