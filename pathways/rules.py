"""Loading every country's rule file and checking it against the questionnaire."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

from pydantic import ValidationError

from forms.conditions import Condition
from forms.fact_checks import check_condition
from forms.questionnaire import Questionnaire
from forms.yaml_files import first_error, read_yaml
from pathways.errors import RulesError
from pathways.model import CountryRules, Evidence, Notice, Pathway, RulesMeta, Source, Step
from pathways.parameters import resolve
from pathways.results import SourceRef

DATA_FOLDER = Path(__file__).parent / "data"
META_FILE = Path("meta") / "rules.yaml"  # inside the rules folder
FAMILY_GROUP = "family_members"
RELATIONSHIP = "member_relationship"
COUNTRY_ORDER = ("us", "uk", "de", "ca", "au", "unhcr")


@dataclass(frozen=True)
class RuleSet:
    """All countries' rules, in the order people are shown them."""

    countries: list[CountryRules]
    version: str
    newest_fact: date  # the newest fact any source gave (meta/rules.yaml)
    freshness_note: str  # English; every output shows it translated
    relationship_texts: dict[str, str] = field(default_factory=dict)
    """Family member relationship (stored value) -> its choice text, the English msgid."""
    release: str = "0"  # meta/rules.yaml version: what a rule pack is compared by
    checked: date = date.min  # when the rules were last checked as a whole
    min_app_version: str = "0"

    @cached_property
    def pathways(self) -> list[Pathway]:
        return [pathway for country in self.countries for pathway in country.pathways]

    @cached_property
    def country_of(self) -> dict[str, CountryRules]:
        return {pathway.id: country for country in self.countries for pathway in country.pathways}

    @cached_property
    def sources_of(self) -> dict[str, list[SourceRef]]:
        """Each pathway's sources as shown in results, built once (they never change)."""
        return {
            pathway.id: [
                SourceRef(**self._source(country, source_id).model_dump())
                for source_id in pathway.sources
            ]
            for country in self.countries
            for pathway in country.pathways
        }

    @cached_property
    def evidence_of(self) -> dict[str, dict[str, Evidence]]:
        """Per country, the evidence tag of each source, for facts that do not set their own."""
        return {c.country: {s.id: s.evidence for s in c.sources} for c in self.countries}

    @staticmethod
    def _source(country: CountryRules, source_id: str) -> Source:
        return next(source for source in country.sources if source.id == source_id)

    @cached_property
    def notices_for(self) -> dict[str, list[Notice]]:
        """Each pathway's country-wide notices (a notice naming no pathways affects them all)."""
        return {
            pathway.id: [
                notice
                for notice in country.notices
                if notice.pathways is None or pathway.id in notice.pathways
            ]
            for country in self.countries
            for pathway in country.pathways
        }


def load_rules(questionnaire: Questionnaire, folder: Path = DATA_FOLDER) -> RuleSet:
    """Read and check every `*.yaml` in `folder` and its `meta/rules.yaml`; the version
    changes whenever a file does."""
    files = sorted(folder.glob("*.yaml"), key=_country_rank)
    if not files:
        raise RulesError(f"{folder}: no rule files")
    digest = hashlib.sha256()
    meta = _meta(folder / META_FILE)
    digest.update((folder / META_FILE).read_bytes())
    countries: list[CountryRules] = []
    seen: dict[str, str] = {}
    for path in files:
        digest.update(path.read_bytes())
        country = _parse(path)
        _check(path.name, country, questionnaire, seen)
        countries.append(country)
    newest = max(pathway.last_checked for c in countries for pathway in c.pathways)
    relationship = questionnaire.groups.get(FAMILY_GROUP, {}).get(RELATIONSHIP)
    texts = {c.value: c.text for c in relationship.choices} if relationship is not None else {}
    return RuleSet(
        countries,
        f"{newest.isoformat()}.{digest.hexdigest()[:8]}",
        newest_fact=meta.newest_fact,
        freshness_note=meta.freshness_note,
        relationship_texts=texts,
        release=meta.version,
        checked=meta.checked or newest,
        min_app_version=meta.min_app_version,
    )


def read_meta(folder: Path = DATA_FOLDER) -> RulesMeta:
    """The rules folder's meta/rules.yaml alone: its release, dates and app version."""
    return _meta(folder / META_FILE)


def _meta(path: Path) -> RulesMeta:
    if not path.is_file():
        raise RulesError(f"{path.parent.name}/{path.name}: missing (newest_fact, freshness_note)")
    data = read_yaml(path, RulesError)
    try:
        return RulesMeta.model_validate(data)
    except ValidationError as error:
        raise RulesError(f"{path.parent.name}/{path.name}: {first_error(error)}") from None


def _country_rank(path: Path) -> tuple[int, str]:
    stem = path.stem
    return (COUNTRY_ORDER.index(stem) if stem in COUNTRY_ORDER else len(COUNTRY_ORDER), stem)


def _parse(path: Path) -> CountryRules:
    data = resolve(read_yaml(path, RulesError), path.name)
    try:
        return CountryRules.model_validate(data)
    except ValidationError as error:
        raise RulesError(f"{path.name}: {_describe(data, error)}") from None


def _describe(data: object, error: ValidationError) -> str:
    """Name the pathway by its id rather than its list index where pydantic's path allows."""
    first = error.errors()[0]
    location = list(first["loc"])
    if (
        len(location) >= 2
        and location[0] == "pathways"
        and isinstance(location[1], int)
        and isinstance(data, dict)
    ):
        pathway = data["pathways"][location[1]]
        name = pathway.get("id", f"#{location[1] + 1}") if isinstance(pathway, dict) else "?"
        rest = ".".join(str(part) for part in location[2:])
        return f"pathway {name}{', ' + rest if rest else ''}: {first['msg']}"
    return first_error(error)


def _check(
    file_name: str, country: CountryRules, questionnaire: Questionnaire, seen: dict[str, str]
) -> None:
    sources = {source.id for source in country.sources}
    top, groups = questionnaire.by_id, questionnaire.groups

    def fail(place: str, problem: str) -> RulesError:
        return RulesError(f"{file_name}, {place}: {problem}")

    def check(place: str, condition: Condition | None, group: str | None = None) -> None:
        if condition is not None and (
            problems := check_condition(condition, top, groups, group=group)
        ):
            raise fail(place, problems[0])

    def need_source(place: str, source_id: str) -> None:
        if source_id not in sources:
            raise fail(place, f"unknown source '{source_id}'")

    relationship = groups.get(FAMILY_GROUP, {}).get(RELATIONSHIP)
    relationship_values = {c.value for c in relationship.choices} if relationship else set()
    for parameter in country.parameters:
        need_source(f"parameter {parameter.name}", parameter.source)
    for notice in country.notices:
        place = f"notice {notice.id}"
        need_source(place, notice.source)
        check(place, notice.applies_when)
        for pathway_id in notice.pathways or []:
            if pathway_id not in {p.id for p in country.pathways}:
                raise fail(place, f"unknown pathway '{pathway_id}'")
    for pathway in country.pathways:
        place = f"pathway {pathway.id}"
        if not pathway.id.startswith(country.country + "."):
            raise fail(place, f"id must start with '{country.country}.'")
        if pathway.id in seen:
            raise fail(place, f"id already used in {seen[pathway.id]}")
        seen[pathway.id] = file_name
        urls = [s.url for s in country.sources if s.id in pathway.sources and s.url]
        if not urls:
            raise fail(place, "names no source with a web address")
        for source_id in pathway.sources:
            need_source(place, source_id)
        need_source(f"{place}, status", pathway.status_source)
        if pathway.status_exemption is not None:
            need_source(f"{place}, status exemption", pathway.status_exemption.source)
            check(f"{place}, status exemption", pathway.status_exemption.test)
        for number, criterion in enumerate(pathway.criteria, start=1):
            where = f"{place}, criterion {number} ({criterion.id})"
            need_source(where, criterion.source)
            check(where, criterion.test)
        for step in pathway.next_steps:
            if isinstance(step, Step):
                where = f"{place}, next step {step.id}"
                if step.source is not None:
                    need_source(where, step.source)
                check(where, step.when)
        for document in pathway.documents:
            check(f"{place}, document {document.id}", document.when)
        for rule in pathway.family.rules:
            where = f"{place}, family rule '{rule.text[:30]}'"
            need_source(where, rule.source)
            unknown = set(rule.relationships) - relationship_values
            if unknown:
                raise fail(where, f"unknown relationship {sorted(unknown)[0]!r}")
            check(where, rule.test, FAMILY_GROUP)
