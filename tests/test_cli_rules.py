"""`main.py rules …` as a caseworker and a maintainer use it: show, diff, install, rollback,
build; every refusal one line on stderr, exit 2, nothing changed; and a kill -9 at any moment
of an install leaves a Masir that works."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from cli.app import build_parser, run
from cli.rules_command import run_rules
from forms.answers_file import interview_from_answers
from pathways.engine import rules_in_use
from pathways.packs.keys import TEST_KEY_ENV
from pathways.packs.pointers import rules_folder
from tests.pathways.rule_packs import TEST_KEY, files, signed, snapshot

ROOT = Path(__file__).resolve().parents[1]
PERSON = ROOT / "tests" / "data" / "siv_interpreter.json"


pytestmark = pytest.mark.usefixtures("trusted_test_key")


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("packs")
    return {version: signed(folder, version, files(version)) for version in ("2026.12.2", "2027.1")}


def command(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run(["rules", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """The command is refused: exit 2, one line on stderr, nothing on stdout or on disk."""
    before = snapshot(rules_folder())
    code, out, err = command(capsys, *argv)
    assert (code, out) == (2, "")
    assert err.startswith("masir: ") and err.count("\n") == 1, err
    assert snapshot(rules_folder()) == before
    return err


def test_install_show_screen_and_rollback(
    capsys: pytest.CaptureFixture[str], packs: dict[str, Path]
) -> None:
    code, out, _err = command(capsys, "show")
    assert code == 0 and out.startswith("Rules 2026.12.1 of 2026-11-23, built into this Masir")
    code, out, _err = command(capsys, "install", str(packs["2026.12.2"]))
    assert code == 0 and out.startswith("Installed rules 2026.12.2 (")
    code, out, _err = command(capsys, "show")
    assert out.splitlines() == [
        "Rules 2026.12.2 of 2026-11-23, installed from a rule pack",
        "Rollback returns to: the built-in rules",
    ]
    assert run(["screen", str(PERSON), "--format", "json", "--today", "2026-11-23"]) == 0
    assert json.loads(capsys.readouterr().out)["rules_release"] == "2026.12.2"
    code, out, _err = command(capsys, "rollback")
    assert code == 0 and out.startswith("Rules 2026.12.1 of 2026-11-23, built into this Masir")
    assert "Rollback returns to: rules 2026.12.2" in out


def test_diff_names_the_releases_and_changes_nothing(
    capsys: pytest.CaptureFixture[str], packs: dict[str, Path]
) -> None:
    code, out, _err = command(capsys, "diff", str(packs["2027.1"]))
    assert code == 0
    assert out.splitlines() == [
        "Rules 2026.12.1 → 2027.1 (last checked 2026-11-23)",
        "No route or question changes.",
    ]
    assert snapshot(rules_folder()) == {}


def test_show_warns_when_the_rules_are_stale(capsys: pytest.CaptureFixture[str]) -> None:
    args = build_parser().parse_args(["rules", "show"])
    assert "more than 90 days ago" not in run_rules(args, today=date(2027, 2, 21))
    stale = run_rules(args, today=date(2027, 2, 22))
    assert "last checked on 2026-11-23, more than 90 days ago" in stale


def test_every_refusal_is_one_line_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], packs: dict[str, Path]
) -> None:
    assert "no earlier rules" in refused(capsys, "rollback")
    assert "cannot be read" in refused(capsys, "install", str(tmp_path / "none.masirrules"))
    assert "cannot be read" in refused(capsys, "diff", str(tmp_path / "none.masirrules"))
    assert command(capsys, "install", str(packs["2027.1"]))[0] == 0
    assert "not newer" in refused(capsys, "install", str(packs["2026.12.2"]))
    cut = tmp_path / "cut.masirrules"
    cut.write_bytes(packs["2027.1"].read_bytes()[:-40])
    assert "cut short" in refused(capsys, "install", str(cut), "--allow-older")
    assert "cut short" in refused(capsys, "diff", str(cut))
    assert "not an unencrypted PEM" in refused(
        capsys, "build", str(tmp_path / "out.masirrules"), "--key", str(PERSON)
    )
    assert not (tmp_path / "out.masirrules").exists()


def test_allow_older_goes_back_to_an_older_pack(
    capsys: pytest.CaptureFixture[str], packs: dict[str, Path]
) -> None:
    assert command(capsys, "install", str(packs["2027.1"]))[0] == 0
    code, _out, _err = command(capsys, "install", str(packs["2026.12.2"]), "--allow-older")
    assert code == 0 and rules_in_use().engine.rules.release == "2026.12.2"


def test_build_signs_a_pack_that_installs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "built.masirrules"
    code, out, _err = command(capsys, "build", str(out_file), "--key", str(TEST_KEY))
    assert code == 0 and out.startswith(f"{out_file}: signed rule pack, ")
    # the repository's own release is the built-in one: not newer, unless asked
    assert "not newer" in refused(capsys, "install", str(out_file))
    assert command(capsys, "install", str(out_file), "--allow-older")[0] == 0
    assert rules_in_use().pack is not None


CHILD = """
import sys, time
from cli.app import build_parser, run
from cli.rules_command import run_rules
from forms.answers_file import interview_from_answers
print("ready", flush=True)
start = time.perf_counter()
code = run(["rules", "install", sys.argv[1], "--allow-older"])
print(f"done {time.perf_counter() - start:.3f}", flush=True)
sys.exit(code)
"""


def start_install(pack: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, MASIR_DATA_DIR=str(rules_folder().parent), **{TEST_KEY_ENV: "1"})
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(pack)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    return child


def test_kill_9_at_20_moments_of_an_install_leaves_a_working_masir(
    packs: dict[str, Path],
) -> None:
    """Each kill lands at a random moment of its twentieth of an install's time; afterwards the
    rules in use are whole (verified, loaded, screening) and the old or the new ones."""
    first = start_install(packs["2026.12.2"])
    out, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    duration = float(out.split()[-1])
    rng = random.Random(9)
    person = json.loads(PERSON.read_text(encoding="utf-8"))["answers"]
    for moment in range(20):
        before = rules_in_use()
        pack = packs["2027.1" if moment % 2 == 0 else "2026.12.2"]
        child = start_install(pack)
        time.sleep(duration * (moment + rng.random()) / 20)
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=120)
        after = rules_in_use()
        assert after.note is None, after.note
        assert after.pack is not None
        assert after.pack == before.pack or after.pack.startswith(pack.stem + "-")
        release = after.engine.rules.release
        assert after.pack.startswith(release + "-"), "the pointer and the rules agree"
        interview = interview_from_answers(after.engine.questionnaire, person, date(2026, 11, 23))
        assert after.engine.screen(interview).rules_release == release


def test_the_text_report_warns_when_the_rules_are_old(capsys: pytest.CaptureFixture[str]) -> None:
    for today, stale in (("2026-11-23", False), ("2027-03-01", True)):
        assert run(["screen", str(PERSON), "--today", today]) == 0
        head = capsys.readouterr().out.splitlines()[:6]
        assert any("more than 90 days ago" in line for line in head) is stale
