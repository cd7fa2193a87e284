"""The current language and its translations, for every string a person sees.

Texts from our YAML data are translated the same way: their English text is the msgid.
Catalogs are compiled from the .po files in memory when no .mo file was built, so a source
checkout needs no build step.
"""

from __future__ import annotations

import gettext
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOG_FOLDER = Path(__file__).parent
DOMAIN = "masir"
LANGUAGES: dict[str, str] = {"en": "English", "fa_AF": "دری", "ps": "پښتو"}
SOURCE_LANGUAGE = "en"

_current = SOURCE_LANGUAGE


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of `language`; English (the source) and missing catalogs translate to itself."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = CATALOG_FOLDER / language / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.exists():
        with compiled.open("rb") as stream:
            return gettext.GNUTranslations(stream)
    source = folder / f"{DOMAIN}.po"
    if not source.exists():
        return gettext.NullTranslations()
    with source.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}'; use one of {', '.join(LANGUAGES)}")
    global _current
    _current = language


def current_language() -> str:
    return _current


def _(message: str) -> str:
    """Translate into the current language."""
    return translations(_current).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    return translations(_current).ngettext(singular, plural, count)


def text_direction(language: str) -> str:
    """'rtl' or 'ltr', from babel's locale data (Pashto too, which hard-coded lists forget)."""
    return "rtl" if Locale.parse(language).text_direction == "rtl" else "ltr"
