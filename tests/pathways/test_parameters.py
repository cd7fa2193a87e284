"""Named, dated parameters and derived conditions: one line changes every rule that reads it,
and every broken reference is refused at load with its place named."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from forms.answers_file import interview_from_answers
from forms.questionnaire import load_questionnaire
from pathways.engine import Engine
from pathways.errors import RulesError
from pathways.rules import DATA_FOLDER, load_rules
from tests.conftest import TODAY


def rules_with(tmp_path: Path, file: str, edit: Callable[[str], str]) -> Path:
    folder = tmp_path / "rules"
    shutil.copytree(DATA_FOLDER, folder)
    target = folder / file
    edited = edit(target.read_text(encoding="utf-8"))
    target.write_text(edited, encoding="utf-8")
    return folder


def exemptions(folder: Path, applied: str) -> dict[str, Any]:
    questionnaire = load_questionnaire()
    engine = Engine(questionnaire, load_rules(questionnaire, folder))
    answers = {
        "afghan_national": True,
        "current_country": "PK",
        "arap_applied": True,
        "arap_applied_date": applied,
    }
    screening = engine.screen(interview_from_answers(questionnaire, answers, TODAY))
    by_id = {r.pathway: r for r in screening.results}
    return {
        "arap": by_id["uk.arap"].exemption_outcome,
        "arap_since": by_id["uk.arap"].status_since,
        "acrs_p1_since": by_id["uk.acrs_p1"].status_since,
    }


def test_changing_one_date_changes_every_rule_that_reads_it(tmp_path: Path) -> None:
    today = exemptions(DATA_FOLDER, "2025-07-15")
    assert today["arap"].value == "not_met"
    moved = rules_with(
        tmp_path,
        "uk.yaml",
        lambda text: text.replace("    value: 2025-07-01\n", "    value: 2025-08-01\n", 1),
    )
    later = exemptions(moved, "2025-07-15")
    assert later["arap"].value == "met", "applied before the (moved) closing date"
    assert str(later["arap_since"]) == str(later["acrs_p1_since"]) == "2025-08-01"


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        (
            "uk.yaml",
            "before: {param: arap_acrs_closed}",
            "before: {param: arap_closes}",
            "uk.yaml, pathways uk.arap: unknown parameter 'arap_closes'",
        ),
        (
            "uk.yaml",
            "in the family rules of the UK routes.\n",
            "in the family rules of the UK routes.\n  - name: spare\n    value: 1\n"
            "    source: S33\n    since: 2021-04-01\n",
            "uk.yaml, parameters: 'spare' is not used by any rule",
        ),
        (
            "uk.yaml",
            "  - name: child_under_years\n",
            "  - name: arap_acrs_closed\n",
            "uk.yaml, parameters: 'arap_acrs_closed' is defined twice",
        ),
        (
            "uk.yaml",
            "    value: 2025-07-01\n",
            "    value: soon\n",
            "uk.yaml",
        ),
        (
            "us.yaml",
            "    test: {fact: employer_type, in: [us_gov_direct, us_gov_contractor]}",
            "    test: {derived: worked_for_us_gov}",
            "us.yaml, derived: a circle (worked_for_us_gov -> worked_for_us_gov)",
        ),
        (
            "us.yaml",
            "- {derived: worked_for_us_gov}",
            "- {derived: worked_for_the_us}",
            "unknown derived condition 'worked_for_the_us'",
        ),
        (
            "uk.yaml",
            "    source: S36\n    since: 2025-07-01\n",
            "    source: S999\n    since: 2025-07-01\n",
            "uk.yaml, parameter arap_acrs_closed: unknown source 'S999'",
        ),
    ],
)
def test_broken_parameters_are_refused_with_their_place(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    folder = rules_with(tmp_path, file, lambda text: text.replace(old, new, 1))
    with pytest.raises(RulesError) as caught:
        load_rules(load_questionnaire(), folder)
    assert message in caught.value.message


def test_the_pathways_listing_names_each_parameter_with_its_source() -> None:
    import contextlib
    import io
    import json

    from cli.app import run

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert run(["pathways", "--format", "json"]) == 0
    countries = {c["country"]: c for c in json.loads(out.getvalue())["countries"]}
    closed = next(p for p in countries["uk"]["parameters"] if p["name"] == "arap_acrs_closed")
    assert closed == {
        "name": "arap_acrs_closed",
        "value": "2025-07-01",
        "source": "S36",
        "since": "2025-07-01",
        "about": closed["about"],
        "to_verify": False,
    }
    assert [d["name"] for d in countries["us"]["derived"]] == [
        "worked_for_us_gov",
        "holds_valid_us_visa",
    ]
