"""The command line as a person or a script uses it: real files in, JSON or text out."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cli.app import run
from i18n.runtime import translations
from pathways.engine import default_engine

ROOT = Path(__file__).resolve().parent.parent
INTERPRETER = ROOT / "tests" / "data" / "siv_interpreter.json"


def screen_json(path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert run(["screen", str(path), "--format", "json", "--today", "2026-11-23"]) == 0
    result: dict[str, Any] = json.loads(capsys.readouterr().out)
    return result


def result_for(output: dict[str, Any], pathway: str) -> dict[str, Any]:
    return next(r for r in output["results"] if r["pathway"] == pathway)


def test_interpreter_meets_the_siv_but_it_is_closed_to_him(
    capsys: pytest.CaptureFixture[str],
) -> None:
    siv = result_for(screen_json(INTERPRETER, capsys), "us.siv")
    assert [c["outcome"] for c in siv["criteria"]] == ["met"] * 4
    assert siv["verdict"] == "eligible"
    assert siv["status"] == "closed_to_new"
    assert "31 December 2025" in siv["status_note"]
    assert siv["applies_despite_status"] is False
    assert {n["id"] for n in siv["notices"]} >= {"us.entry_ban", "us.visa_pause"}


def test_the_same_interpreter_who_applied_on_10_december_2025(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(INTERPRETER.read_text(encoding="utf-8"))
    data["answers"].update(
        siv_com_applied=True,
        siv_com_applied_date="2025-12-10",
        siv_com_outcome="waiting",
        siv_com_documents_complete=True,
    )
    path = tmp_path / "applied.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    siv = result_for(screen_json(path, capsys), "us.siv")
    assert siv["applies_despite_status"] is True


def test_an_empty_answers_file_is_eligible_for_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "empty.json"
    path.write_text('{"answers": {}}', encoding="utf-8")
    verdicts = {r["verdict"] for r in screen_json(path, capsys)["results"]}
    assert "eligible" not in verdicts


def test_yaml_answers_and_text_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("answers:\n  afghan_national: true\n  current_country: PK\n", encoding="utf-8")
    assert run(["screen", str(path), "--today", "2026-11-23"]) == 0
    plan = capsys.readouterr().out
    assert plan.index("WHAT YOU CAN DO NOW") < plan.index("EVERYTHING ELSE")
    assert "(us.siv)" not in plan, "the plan names routes in words, never by id"
    assert run(["screen", str(path), "--today", "2026-11-23", "--detail", "full"]) == 0
    text = capsys.readouterr().out
    assert text.index("WHAT YOU CAN DO NOW") < text.index("UNITED STATES")
    assert "Afghan Special Immigrant Visa (SIV) (us.siv)" in text
    assert "Verdict: Possibly eligible" in text
    assert "Statuses are as found in official and news sources up to June 2026" in text


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        ("{not json", "a.json", "a.json: is not valid JSON (line 1)"),
        ("[1, 2]", "a.json", 'expected {"answers": {...}} at the top'),
        ('{"answers": {"colour": "red"}}', "a.json", "a question Masir does not ask: 'colour'"),
        ('{"answers": {"afghan_national": "perhaps"}}', "a.json", "expected yes or no"),
        ('{"answers": {"gender": "robot"}}', "a.json", "'robot' is not one of the choices"),
        (
            '{"answers": {"employers": [{"employer_start": "2010-14"}]}}',
            "a.json",
            "”, entry 1, “When did this job start?”",
        ),
        ("answers: [unclosed", "a.yaml", "a.yaml: is not valid JSON or YAML"),
        (b"\xff\xfe\x00", "a.json", "is not UTF-8 text"),
    ],
)
def test_a_bad_answers_file_is_one_line_and_exit_2(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: str | bytes,
    name: str,
    message: str,
) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    assert run(["screen", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and message in captured.err
    assert "Traceback" not in captured.err


@pytest.mark.parametrize("language", ["fa_AF", "ps"])
def test_a_bad_answer_is_told_in_the_language_of_lang(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str
) -> None:
    """`--lang ps` gives the one-line error in Pashto: the question by its text, no id, no
    English words (the value typed and the words a file must hold stay as they are)."""
    path = tmp_path / "a.json"
    path.write_text('{"answers": {"afghan_national": "perhaps"}}', encoding="utf-8")
    assert run(["screen", str(path), "--lang", language]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "afghan_national" not in err
    prose = err.removeprefix("masir: ")
    for kept in ("'perhaps'", "yes", "no"):
        prose = prose.replace(kept, "")
    assert not re.search("[A-Za-z]", prose), err
    text = default_engine().questionnaire.question("afghan_national").text
    assert translations(language).gettext(text) in err


def test_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["screen", "/nonexistent/answers.json"]) == 2
    assert "cannot be read" in capsys.readouterr().err


def test_questions_and_pathways_listings(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["questions", "--format", "json"]) == 0
    questions = json.loads(capsys.readouterr().out)
    ids = [q["id"] for s in questions["sections"] for q in s["questions"]]
    assert "afghan_national" in ids and "employers" in ids
    assert run(["pathways", "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    siv = next(p for c in listing["countries"] for p in c["pathways"] if p["id"] == "us.siv")
    assert siv["status"] == "closed_to_new" and siv["criteria"][0]["source"] == "S01"


def test_main_py_runs_as_a_program() -> None:
    completed = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "screen", str(INTERPRETER), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["results"]


@pytest.mark.parametrize("every", [[], ["--all-questions"]])
def test_interview_replays_the_file_and_screens_as_screen_does(
    every: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    path = Path(__file__).parent / "data" / "journalist_pk.json"
    assert run(["interview", str(path), "--today", "2026-11-23", *every]) == 0
    replayed = json.loads(capsys.readouterr().out)
    assert run(["interview", str(path), "--today", "2026-11-23", "--all-questions"]) == 0
    everything = json.loads(capsys.readouterr().out)
    assert len(replayed["asked"]) == len(set(replayed["asked"])) <= len(everything["asked"])
    verdicts = [
        (r["pathway"], r["verdict"], r["applies_despite_status"]) for r in replayed["results"]
    ]
    assert verdicts == [
        (r["pathway"], r["verdict"], r["applies_despite_status"]) for r in everything["results"]
    ]
