"""Broken data files fail on load with one message naming the file, pathway and criterion."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from forms.errors import FormsError
from forms.questionnaire import DATA_FOLDER as QUESTIONS
from forms.questionnaire import load_questionnaire
from pathways.errors import RulesError
from pathways.rules import DATA_FOLDER as RULES
from pathways.rules import load_rules


def copy_rules(tmp_path: Path, edit: Callable[[str], str]) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(RULES, folder)
    target = folder / "us.yaml"
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "test: {fact: afghan_national, is: true}\n        source: S01",
            "test: {fact: afghan_nation, is: true}\n        source: S01",
            "us.yaml, pathway us.siv, criterion 1 (afghan_national): unknown fact 'afghan_nation'",
        ),
        (
            "{fact: employer_type, in: [us_gov_direct, us_gov_contractor]}",
            "{fact: employer_type, in: [us_gov_direct, us_army]}",
            "criterion 2 (us_employment): 'us_army' is not a choice of 'employer_type'",
        ),
        (
            "{fact: employer_start, on_or_after: 2001-10-07}",
            "{fact: employer_start, at_least: 2001}",
            "fact 'employer_start' is a date; 'at_least' does not apply",
        ),
        ("        source: S02\n", "        source: S99\n", "unknown source 'S99'"),
        ("status: closed_to_new", "status: closed", "pathway us.siv, status: Input should be"),
        ("- id: us.siv", "- id: US-SIV", "pathway US-SIV, id"),
        (
            "{fact: siv_case_stage, equals: interview_held}",
            "{fact: siv_case_stage, equals: interviewed}",
            "next step interview_waiting: 'interviewed' is not a choice of 'siv_case_stage'",
        ),
        ("- id: com_waiting", "- id: com_approved_waiting", "next step ids must be unique"),
        (
            "when: &com_not_approved\n          not: {fact: siv_com_outcome,",
            "when: &com_not_approved\n          not: {fact: siv_com_result,",
            "document ds157: unknown fact 'siv_com_result'",
        ),
    ],
)
def test_rule_errors_name_the_place(tmp_path: Path, old: str, new: str, message: str) -> None:
    folder = copy_rules(tmp_path, lambda text: text.replace(old, new, 1))
    with pytest.raises(RulesError) as caught:
        load_rules(load_questionnaire(), folder)
    assert message in caught.value.message


def test_a_rule_file_that_is_not_yaml(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, lambda text: text + "\n  - : [unclosed\n")
    with pytest.raises(RulesError, match=r"us\.yaml: is not valid YAML at line"):
        load_rules(load_questionnaire(), folder)


def test_a_duplicated_pathway_id(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, lambda text: text)
    shutil.copy(folder / "us.yaml", folder / "us2.yaml")
    with pytest.raises(RulesError, match=r"id already used in us\.yaml"):
        load_rules(load_questionnaire(), folder)


def copy_questions(tmp_path: Path, name: str, edit: Callable[[str], str]) -> Path:
    folder = tmp_path / "sections"
    shutil.copytree(QUESTIONS, folder)
    target = folder / name
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        (
            "40_applications.yaml",
            "ask_when: {fact: siv_com_applied, is: true}",
            "ask_when: {fact: us_visa_issued, is: true}",
            "question 'siv_com_applied_date', ask_when: fact 'us_visa_issued' is not asked before",
        ),
        (
            "10_about_you.yaml",
            "- id: other_nationality\n",
            "- id: afghan_national\n",
            "question id 'afghan_national' is already used in 10_about_you.yaml",
        ),
        (
            "30_work.yaml",
            "ask_when: {fact: employer_ongoing, is: false}",
            "ask_when: {fact: employer_ongoing, equals: maybe}",
            "'equals' does not apply",
        ),
        ("60_family.yaml", "type: group", "type: grouped", "60_family.yaml: questions.1.type"),
    ],
)
def test_questionnaire_errors_name_the_place(
    tmp_path: Path, name: str, old: str, new: str, message: str
) -> None:
    folder = copy_questions(tmp_path, name, lambda text: text.replace(old, new, 1))
    with pytest.raises(FormsError) as caught:
        load_questionnaire(folder)
    assert message in caught.value.message


def test_the_rules_meta_file_gives_freshness_to_every_screening(tmp_path: Path) -> None:
    rules = load_rules(load_questionnaire())
    assert rules.newest_fact.isoformat() == "2026-06-16"
    assert rules.freshness_note.startswith("Statuses are as found in official and news sources")
    folder = copy_rules(tmp_path, lambda text: text)
    (folder / "meta" / "rules.yaml").write_text(
        "newest_fact: 2026-07-01\nfreshness_note: Checked in July.\n", encoding="utf-8"
    )
    changed = load_rules(load_questionnaire(), folder)
    assert (changed.newest_fact.isoformat(), changed.freshness_note) == (
        "2026-07-01",
        "Checked in July.",
    )
    assert changed.version != rules.version, "the version changes with the meta file"
    (folder / "meta" / "rules.yaml").write_text("newest_fact: soon\n", encoding="utf-8")
    with pytest.raises(RulesError, match=r"meta/rules\.yaml"):
        load_rules(load_questionnaire(), folder)
    (folder / "meta" / "rules.yaml").unlink()
    with pytest.raises(RulesError, match=r"meta/rules\.yaml: missing"):
        load_rules(load_questionnaire(), folder)


def test_the_freshness_note_is_extracted_for_translators() -> None:
    from i18n.yaml_extractor import extract_yaml

    with (RULES / "meta" / "rules.yaml").open("rb") as handle:
        messages = [message for _line, _f, message, _c in extract_yaml(handle, None, None, None)]
    assert messages == [load_rules(load_questionnaire()).freshness_note]
