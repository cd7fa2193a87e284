"""`masir rules build OUT --key KEY`: a signed pack of this repository's rules (maintainers).

It holds the rule files, the questionnaire, the rule cases and, per language, the translations
of the texts in those files; it is built only when the rules load and every rule case passes.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from forms.atomic_files import write_atomically
from forms.questionnaire import DATA_FOLDER as FORMS_FOLDER
from i18n.runtime import CATALOG_FOLDER, DOMAIN, LANGUAGES, SOURCE_LANGUAGE
from pathways.engine import load_engine
from pathways.errors import RulePackError
from pathways.packs import layout
from pathways.packs.archive import pack_bytes
from pathways.packs.keys import read_private_key
from pathways.rule_cases import CASES_FOLDER, failing_cases
from pathways.rules import DATA_FOLDER as RULES_FOLDER

DATA_PLACES = ("forms/data/", "pathways/data/")
"""Catalog locations whose messages a pack carries: the texts of its data files."""


def repository_files() -> dict[str, bytes]:
    """Every file of a pack, by its path inside the pack, from this repository."""
    files: dict[str, bytes] = {}
    for source, target in (
        (RULES_FOLDER, layout.RULES),
        (FORMS_FOLDER, layout.FORMS),
        (CASES_FOLDER, layout.CASES),
    ):
        for path in sorted(source.rglob("*.yaml")):
            files[(target / path.relative_to(source).as_posix()).as_posix()] = path.read_bytes()
    for language in LANGUAGES:
        if language != SOURCE_LANGUAGE:
            po = CATALOG_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"
            files[(layout.CATALOGS / language / f"{DOMAIN}.po").as_posix()] = _data_messages(
                po, language
            )
    return files


def _data_messages(po: Path, language: str) -> bytes:
    """The catalog's messages that come from the data files (the window's own stay out)."""
    with po.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    kept = Catalog(locale=language, domain=DOMAIN, project="Masir rules")
    for message in catalog:
        if message.id and any(place.startswith(DATA_PLACES) for place, _line in message.locations):
            kept.add(message.id, message.string, locations=message.locations)
    buffer = BytesIO()
    write_po(buffer, kept, omit_header=False, width=100)
    return buffer.getvalue()


def build_pack(out: Path, key_file: Path) -> int:
    """Write the signed pack to `out`; the number of rule cases it carries (all passing)."""
    key = read_private_key(key_file)
    failures, total = failing_cases(load_engine(), CASES_FOLDER)
    if failures:
        raise RulePackError(f"{len(failures)} rule cases fail (first: {failures[0]}); not built")
    write_atomically(out, pack_bytes(repository_files(), key))
    return total
