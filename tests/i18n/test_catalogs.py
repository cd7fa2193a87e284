"""The Dari (fa_AF) and Pashto (ps) catalogs: complete, clean, and in step with the sources.

Tests named `test_translators_…` check the translators' work (every message translated, none
fuzzy or obsolete, placeholders kept, catalog updated from the code); they fail until the
translations are merged and `bash dev.sh i18n-update` has been run. The others check the
machinery (the extractor never offers stored values or ids for translation) and pass always.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import yaml
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from forms.questionnaire import load_questionnaire
from forms.questions import Question
from i18n import runtime
from i18n.runtime import CATALOG_FOLDER, DOMAIN

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("fa_AF", "ps")
TEMPLATE = CATALOG_FOLDER / f"{DOMAIN}.pot"
SNAKE_CASE = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")
NAMED = re.compile(r"%\(([^)]+)\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]")
BRACED = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)\}(?!\})")
SHOWN_AT_MOST = 8


def po_path(language: str) -> Path:
    return CATALOG_FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def catalog(language: str) -> Catalog:
    with po_path(language).open("rb") as stream:
        return read_po(stream, locale=language)


@cache
def template() -> Catalog:
    with TEMPLATE.open("rb") as stream:
        return read_po(stream)


def messages(language: str) -> list[Message]:
    """The catalog's messages without the header."""
    return [message for message in catalog(language) if message.id]


def key(message_id: str | tuple[str, ...] | list[str]) -> str:
    """The catalog key of a message: its (singular) msgid."""
    return message_id if isinstance(message_id, str) else message_id[0]


def listing(items: list[str]) -> str:
    shown = "\n  ".join(repr(item[:90]) for item in items[:SHOWN_AT_MOST])
    more = f"\n  … and {len(items) - SHOWN_AT_MOST} more" if len(items) > SHOWN_AT_MOST else ""
    return f"{len(items)}:\n  {shown}{more}"


def dev_sh_ignored_dirs() -> list[str]:
    """The --ignore-dirs of `dev.sh i18n-update`, so this test extracts what it extracts."""
    found = re.search(r'--ignore-dirs="([^"]*)"', (ROOT / "dev.sh").read_text(encoding="utf-8"))
    assert found, "dev.sh i18n-update lost its --ignore-dirs"
    return found.group(1).split()


@cache
def code_messages() -> dict[str, str]:
    """Extract in memory, as `dev.sh i18n-update` does: msgid -> where it is first found."""
    with (CATALOG_FOLDER / "babel.cfg").open(encoding="utf-8") as stream:
        method_map, options_map = parse_mapping_cfg(stream)  # type: ignore[no-untyped-call]
    ignored = dev_sh_ignored_dirs()

    def directory_filter(path: str) -> bool:
        return Path(path).name not in ignored

    found: dict[str, str] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
        ROOT,
        method_map,
        options_map,
        keywords=DEFAULT_KEYWORDS,
        directory_filter=directory_filter,
    ):
        msgid = key(message)
        if msgid:
            found.setdefault(msgid, f"{filename}:{lineno}")
    return found


# --- The translators' work (fails until the translations are merged) --------------------------


@pytest.mark.parametrize("language", TRANSLATED)
def test_translators_every_message_is_translated(language: str) -> None:
    untranslated = [
        key(message.id)
        for message in messages(language)
        if not message.string
        or (isinstance(message.string, tuple | list) and not all(message.string))
    ]
    assert not untranslated, f"{language}: untranslated messages, {listing(untranslated)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translators_no_message_is_fuzzy(language: str) -> None:
    fuzzy = [key(message.id) for message in messages(language) if message.fuzzy]
    assert not fuzzy, f"{language}: fuzzy (unchecked) messages, {listing(fuzzy)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translators_no_message_is_obsolete(language: str) -> None:
    obsolete = [key(message_id) for message_id in catalog(language).obsolete]
    assert not obsolete, f"{language}: obsolete messages (#~), {listing(obsolete)}"


def placeholders(text: str) -> tuple[set[str], set[str]]:
    return set(NAMED.findall(text)), set(BRACED.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_translators_keep_every_placeholder(language: str) -> None:
    """%(name)s and {name} in a translation are exactly those of the English."""
    wrong: list[str] = []
    for message in messages(language):
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else [*(message.string or ())]
        expected = placeholders(ids[0])
        for text in ids[1:]:
            expected = (expected[0] | placeholders(text)[0], expected[1] | placeholders(text)[1])
        for text in strings:
            if text and placeholders(text) != expected:
                named, braced = placeholders(text)
                wrong.append(f"{key(message.id)} -> has {sorted(named | braced)}")
    assert not wrong, f"{language}: placeholders differ from the English, {listing(wrong)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_translators_catalog_is_up_to_date_with_the_code(language: str) -> None:
    """Every message of the code is in the catalog (run `bash dev.sh i18n-update`), and no
    message of the catalog is gone from the code."""
    in_code = set(code_messages())
    in_catalog = {key(message.id) for message in messages(language)}
    missing = sorted(in_code - in_catalog)
    stale = sorted(in_catalog - in_code)
    assert not missing, f"{language}: messages of the code missing from the .po, {listing(missing)}"
    assert not stale, f"{language}: messages no longer in the code, {listing(stale)}"


# --- The machinery (passes always) ------------------------------------------------------------


def test_template_masir_pot_is_up_to_date_with_the_code() -> None:
    in_code = set(code_messages())
    in_template = {key(message.id) for message in template() if message.id}
    missing = sorted(in_code - in_template)
    stale = sorted(in_template - in_code)
    assert not missing, (
        f"masir.pot lacks messages of the code (dev.sh i18n-update), {listing(missing)}"
    )
    assert not stale, f"masir.pot has messages gone from the code, {listing(stale)}"


def all_questions() -> Iterator[Question]:
    for question in load_questionnaire().questions():
        yield question
        yield from question.questions


def stored_values() -> set[str]:
    """Question ids, choice values, and every `id`/`value` of the YAML data: never translated."""
    values: set[str] = set()
    for question in all_questions():
        values.add(question.id)
        values.update(choice.value for choice in question.choices)

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for name in ("id", "value", "fact"):
                if isinstance(node.get(name), str):
                    values.add(node[name])
            for child in node.values():
                walk(child)
        elif isinstance(node, list):
            for child in node:
                walk(child)

    for path in sorted((ROOT / "pathways" / "data").glob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return values


def test_every_choice_value_is_a_plain_snake_case_id() -> None:
    bad = [
        f"{question.id}: {choice.value!r}"
        for question in all_questions()
        for choice in question.choices
        if not SNAKE_CASE.match(choice.value)
    ]
    assert not bad, f"choice values must be snake_case ids, {listing(bad)}"


def test_no_stored_value_or_id_is_offered_for_translation() -> None:
    """The extractor takes texts only: no msgid equals a choice value or an id."""
    values = stored_values()
    in_code = sorted(values & set(code_messages()))
    in_template = sorted(values & {key(message.id) for message in template() if message.id})
    assert not in_code, f"ids or stored values extracted as messages, {listing(in_code)}"
    assert not in_template, f"ids or stored values in masir.pot, {listing(in_template)}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_no_stored_value_or_id_is_in_the_catalog(language: str) -> None:
    values = stored_values()
    found = sorted(values & {key(message.id) for message in messages(language)})
    assert not found, f"{language}: ids or stored values offered to translators, {listing(found)}"


def test_yaml_texts_carry_their_place_for_translators() -> None:
    """Every message from the YAML data says where it comes from (question …, choice …)."""
    bare = [
        key(message.id)
        for message in template()
        if message.id
        and any(path.endswith(".yaml") for path, _line in message.locations)
        and not message.auto_comments
    ]
    assert not bare, f"YAML messages without their place, {listing(bare)}"


def test_a_stale_compiled_catalog_never_hides_newer_translations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A checkout where the bundle was built once keeps .mo files beside the .po: after the
    .po changes, the window must show the new translations, not the old build's."""
    folder = tmp_path / "ps" / "LC_MESSAGES"
    folder.mkdir(parents=True)

    def write(suffix: str, text: str, when: int) -> None:
        catalog = Catalog(locale="ps")
        catalog.add("Open", text)
        path = folder / f"masir.{suffix}"
        with path.open("wb") as stream:
            (write_mo if suffix == "mo" else write_po)(stream, catalog)
        os.utime(path, (when, when))

    monkeypatch.setattr(runtime, "CATALOG_FOLDER", tmp_path)
    write("mo", "زوړ", 1_000)
    write("po", "نوی", 2_000)
    assert runtime._catalog("ps").gettext("Open") == "نوی"
    write("mo", "جوړ شوی", 3_000)  # built after the last change: it is used
    assert runtime._catalog("ps").gettext("Open") == "جوړ شوی"
