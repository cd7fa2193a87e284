"""Rule packs: a good pack installs and screens as the built-in rules do; every bad one is
refused with a clear message and leaves the rules in use as they were; rollback goes back."""

from __future__ import annotations

import io
import random
import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from forms.answers_file import interview_from_answers, read_answers_file
from i18n.runtime import translations
from pathways.engine import Engine, load_engine, rules_in_use
from pathways.errors import RulePackError
from pathways.packs.archive import MAX_UNPACKED_BYTES, read_pack
from pathways.packs.installed import install, rollback
from pathways.packs.keys import TEST_KEY_ENV
from pathways.packs.pointers import rules_folder
from pathways.packs.preview import diff_lines, preview_pack
from tests.pathways.rule_packs import files, signed, snapshot, with_case_changed

TODAY = date(2026, 11, 23)
PEOPLE = sorted((Path(__file__).resolve().parents[1] / "data").glob("*.json"))


pytestmark = pytest.mark.usefixtures("trusted_test_key")


@pytest.fixture(scope="module")
def good_pack(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return signed(tmp_path_factory.mktemp("packs"), "good", files("2026.12.2"))


@pytest.fixture(scope="module")
def installed_template(tmp_path_factory: pytest.TempPathFactory, good_pack: Path) -> Path:
    """A rules folder with the good pack installed, copied by each test that needs one."""
    folder = tmp_path_factory.mktemp("installed") / "rules"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(TEST_KEY_ENV, "1")
        install(good_pack, folder=folder)
    return folder


@pytest.fixture
def pack_in_use(installed_template: Path) -> Path:
    """This test's rules folder, with the good pack in use."""
    shutil.copytree(installed_template, rules_folder())
    assert rules_in_use().pack is not None
    return rules_folder()


def results(engine: Engine, person: Path) -> list[dict[str, object]]:
    interview = interview_from_answers(engine.questionnaire, read_answers_file(person), TODAY)
    found: list[dict[str, object]] = engine.screen(interview).model_dump(mode="json")["results"]
    return found


def refused(path: Path, *, allow_older: bool = False) -> str:
    """Install `path`, expecting a refusal that changes nothing; the message."""
    before = snapshot(rules_folder())
    with pytest.raises(RulePackError) as refusal:
        install(path, allow_older=allow_older)
    assert snapshot(rules_folder()) == before, "a refused pack changed the installed rules"
    return refusal.value.message


def test_a_pack_installs_and_screens_as_the_built_in_rules_do(good_pack: Path) -> None:
    done = install(good_pack)
    assert done.cases > 100
    in_use = rules_in_use()
    assert in_use.pack == done.name and in_use.note is None
    assert in_use.engine.rules.release == "2026.12.2"
    built_in = load_engine()
    for person in PEOPLE:
        assert results(in_use.engine, person) == results(built_in, person), person.name


def test_the_pack_in_use_is_named_in_every_screening(pack_in_use: Path) -> None:
    engine = rules_in_use().engine
    interview = interview_from_answers(engine.questionnaire, {}, TODAY)
    screening = engine.screen(interview)
    assert screening.rules_release == "2026.12.2"
    assert screening.rules_checked == engine.rules.checked


def test_a_flipped_byte_anywhere_is_refused(tmp_path: Path, good_pack: Path) -> None:
    data = good_pack.read_bytes()
    rng = random.Random(20)
    positions = sorted(rng.sample(range(len(data)), 45)) + list(range(len(data) - 5, len(data)))
    assert len(set(positions)) == 50
    for position in positions:
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        with pytest.raises(RulePackError) as refusal:
            read_pack(bytes(damaged))
        assert refusal.value.message.endswith("."), position
    one = bytearray(data)
    one[len(data) // 2] ^= 0xFF
    (tmp_path / "one.masirrules").write_bytes(bytes(one))
    assert "changed or damaged" in refused(tmp_path / "one.masirrules")


def test_refusals_leave_the_pack_in_use(tmp_path: Path, pack_in_use: Path) -> None:
    name = rules_in_use().pack
    untrusted = signed(tmp_path, "untrusted", files("2027.1"), Ed25519PrivateKey.generate())
    assert "does not trust" in refused(untrusted)
    assert "not newer" in refused(signed(tmp_path, "same", files("2026.12.2")))
    assert "not newer" in refused(signed(tmp_path, "older", files("2026.12.1.5")))
    assert "older than the rules built into" in refused(
        signed(tmp_path, "ancient", files("2020.1")), allow_older=True
    )
    assert "needs Masir 99.0" in refused(signed(tmp_path, "app", files("2027.1", min_app="99.0")))
    assert rules_in_use().pack == name


def test_a_pack_whose_rule_cases_fail_is_refused(tmp_path: Path, pack_in_use: Path) -> None:
    def expect_wrong(case: dict[str, object]) -> None:
        case["expect"] = {"verdict": "not_a_verdict"}

    failing = signed(tmp_path, "failing", with_case_changed(files("2027.1"), expect_wrong))
    message = refused(failing)
    assert "rule cases fails" in message and "not_a_verdict" in message
    no_cases = {k: v for k, v in files("2027.1").items() if not k.startswith("cases/")}
    assert "no rule cases" in refused(signed(tmp_path, "no-cases", no_cases))


def test_a_truncated_file_is_refused(tmp_path: Path, good_pack: Path, pack_in_use: Path) -> None:
    data = good_pack.read_bytes()
    for keep in (0, 100, len(data) // 2, len(data) - 1):
        cut = tmp_path / f"cut-{keep}.masirrules"
        cut.write_bytes(data[:keep])
        assert "cut short" in refused(cut)
    assert "cannot be read" in refused(tmp_path / "missing.masirrules")


def test_a_zip_bomb_is_refused_unread(tmp_path: Path, pack_in_use: Path) -> None:
    bomb = {**files("2027.1"), "pathways/bomb.yaml": b"\0" * (MAX_UNPACKED_BYTES + 1)}
    path = signed(tmp_path, "bomb", bomb)
    assert path.stat().st_size < 1_000_000
    assert "too much data" in refused(path)


@pytest.mark.parametrize("name", ["../escaped.yaml", "/etc/escaped.yaml", "pathways/../../x"])
def test_a_path_traversal_entry_is_refused(tmp_path: Path, pack_in_use: Path, name: str) -> None:
    path = signed(tmp_path, "traversal", {**files("2027.1"), name: b"x: 1\n"})
    with zipfile.ZipFile(path) as archive:
        assert name in archive.namelist()
    assert "points outside the pack" in refused(path)
    assert not (tmp_path / "escaped.yaml").exists()


def test_a_test_key_pack_is_refused_without_the_tests_only_setting(
    monkeypatch: pytest.MonkeyPatch, good_pack: Path
) -> None:
    monkeypatch.delenv(TEST_KEY_ENV)
    assert "does not trust" in refused(good_pack)


def test_a_pack_changed_after_install_falls_back_to_the_built_in_rules(
    pack_in_use: Path,
) -> None:
    name = rules_in_use().pack
    assert name is not None
    meta = pack_in_use / "packs" / name / "pathways" / "meta" / "rules.yaml"
    meta.write_text(meta.read_text(encoding="utf-8").replace("2026.12.2", "2099.1"), "utf-8")
    in_use = rules_in_use()
    assert in_use.pack is None
    assert in_use.note is not None and "changed after it was installed" in in_use.note
    assert in_use.engine.rules.release == load_engine().rules.release


def test_rollback_restores_the_previous_pack(tmp_path: Path, pack_in_use: Path) -> None:
    first = rules_in_use().pack
    second = install(signed(tmp_path, "second", files("2027.1"))).name
    assert rules_in_use().pack == second
    assert rollback() == first
    assert rules_in_use().pack == first
    assert rules_in_use().engine.rules.release == "2026.12.2"
    assert rollback() == second  # and forward again
    assert rules_in_use().engine.rules.release == "2027.1"


def test_rollback_from_the_first_pack_returns_to_the_built_in_rules(pack_in_use: Path) -> None:
    assert rollback() == "built-in"
    assert rules_in_use().pack is None


def test_rollback_with_nothing_installed_is_refused() -> None:
    with pytest.raises(RulePackError, match="no earlier rules"):
        rollback()
    assert snapshot(rules_folder()) == {}


def test_the_preview_names_what_changes(tmp_path: Path) -> None:
    same = preview_pack(signed(tmp_path, "same", files("2027.1")), load_engine())
    assert same.new_release == "2027.1" and same.empty
    assert diff_lines(same)[-1] == "No route or question changes."
    content = files("2027.1")
    uk = content["pathways/uk.yaml"].decode("utf-8")
    route = uk.index("  - id: uk.family_route")
    uk = uk[:route] + uk[route:].replace("    status: open\n", "    status: paused\n", 1)
    content["pathways/uk.yaml"] = uk.encode("utf-8")
    diff = preview_pack(signed(tmp_path, "paused", content), load_engine())
    assert diff.changed_routes == {"uk.family_route": ["status: Open → Paused"]}
    assert "uk.family_route: status: Open → Paused" in diff_lines(diff)
    assert snapshot(rules_folder()) == {}, "a preview installs nothing"


def test_the_pack_s_translations_replace_the_built_in_ones(tmp_path: Path) -> None:
    content = files("2027.1")
    name = "i18n/fa_AF/masir.po"
    catalog = read_po(io.BytesIO(content[name]), locale="fa_AF")
    message = next(m for m in catalog if m.id and isinstance(m.id, str) and m.string)
    message.string = "ترجمهٔ تازه 2027"
    msgid = str(message.id)
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    content[name] = buffer.getvalue()
    install(signed(tmp_path, "catalog", content))
    assert translations("fa_AF").gettext(msgid) != "ترجمهٔ تازه ۲۰۲۷"
    rules_in_use()  # the rules in use are chosen (at start): their catalogs with them
    assert translations("fa_AF").gettext(msgid) == "ترجمهٔ تازه ۲۰۲۷"
    other = "Quick exit"  # not a text of the rules: still the built-in translation
    assert translations("fa_AF").gettext(other) not in ("", other)
