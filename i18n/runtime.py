"""The current language and its translations, for every string a person sees.

Texts from our YAML data are translated the same way: their English text is the msgid.
Catalogs are compiled from the .po files in memory when no .mo file was built, so a source
checkout needs no build step.

The pseudo-locale (`MASIR_PSEUDO=1` in the environment, or `set_language("pseudo")`) makes
every translated string lengthened, accented, bracketed and right-to-left ("⟦‏Ñéxt ~~~‏⟧"),
so a string that never went through `_()` stands out in a screenshot, and layouts meet long
right-to-left text before a translator's.
"""

from __future__ import annotations

import gettext
import os
import re
from functools import cache
from io import BytesIO
from pathlib import Path

from babel import Locale

CATALOG_FOLDER = Path(__file__).parent
DOMAIN = "masir"
LANGUAGES: dict[str, str] = {"en": "English", "fa_AF": "دری", "ps": "پښتو"}
SOURCE_LANGUAGE = "en"
PSEUDO = "pseudo"
PSEUDO_ENV = "MASIR_PSEUDO"

_current = SOURCE_LANGUAGE
_pseudo_from_env = os.environ.get(PSEUDO_ENV, "") not in ("", "0")
_pseudo = _pseudo_from_env
_pack_catalogs: Path | None = None  # an installed rule pack's catalogs (pathways/packs)


def use_pack_catalogs(folder: Path | None) -> None:
    """Translate with the catalogs of a rule pack (`folder/<language>/masir.po`) first, the
    built-in ones for every other message; None: the built-in catalogs alone."""
    global _pack_catalogs
    _pack_catalogs = folder
    translations.cache_clear()


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of `language`; English (the source) and missing catalogs translate to itself."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    folder = CATALOG_FOLDER / language / "LC_MESSAGES"
    compiled = folder / f"{DOMAIN}.mo"
    if compiled.exists():
        with compiled.open("rb") as stream:
            built_in: gettext.NullTranslations = gettext.GNUTranslations(stream)
    else:
        built_in = _from_po(folder / f"{DOMAIN}.po", language)
    pack = _pack_catalogs / language / f"{DOMAIN}.po" if _pack_catalogs else None
    if pack is None or not pack.exists():
        return built_in
    catalog = _from_po(pack, language)
    catalog.add_fallback(built_in)
    return catalog


def _from_po(source: Path, language: str) -> gettext.NullTranslations:
    """A .po file compiled in memory; a missing file translates to itself."""
    if not source.exists():
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo  # a source checkout only: the bundle has .mo
    from babel.messages.pofile import read_po

    with source.open("rb") as stream:
        catalog = read_po(stream, locale=language)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def set_language(language: str) -> None:
    """Choose the language; "pseudo" is English through the pseudo-locale (for development)."""
    global _current, _pseudo
    if language == PSEUDO:
        _current, _pseudo = SOURCE_LANGUAGE, True
        return
    if language not in LANGUAGES:
        raise ValueError(f"unknown language '{language}'; use one of {', '.join(LANGUAGES)}")
    _current, _pseudo = language, _pseudo_from_env


def current_language() -> str:
    return _current


def pseudo_active() -> bool:
    return _pseudo


def _(message: str) -> str:
    """Translate into the current language."""
    text = translations(_current).gettext(message)
    return pseudo_text(text) if _pseudo else text


def N_(message: str) -> str:
    """Mark a string for extraction where it is defined; translate it with `_()` where shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    text = translations(_current).ngettext(singular, plural, count)
    return pseudo_text(text) if _pseudo else text


def text_direction(language: str) -> str:
    """'rtl' or 'ltr', from babel's locale data (Pashto too, which hard-coded lists forget).

    The pseudo-locale is right to left whatever the language.
    """
    if _pseudo:
        return "rtl"
    return "rtl" if Locale.parse(language).text_direction == "rtl" else "ltr"


PSEUDO_OPEN = "⟦\u200f"  # bracket, RIGHT-TO-LEFT MARK
PSEUDO_CLOSE = "\u200f⟧"
_ACCENTS = str.maketrans(
    "AaCcEeIiNnOoUuYy", "ÀàÇçÉéÎîÑñÖöÜüÝý"
)  # fmt: skip
_KEPT = re.compile(r"%\([^)]*\)[a-z]|%%|%[a-z]|\{[^{}]*\}|https?://\S+")


def pseudo_text(text: str) -> str:
    """ "Next" as "⟦‏Ñéxt ~~‏⟧": accented, a third longer, bracketed, right to left.

    Placeholders (%(name)s, {name}) and addresses are kept as they are.
    """
    if not text or text.startswith(PSEUDO_OPEN):
        return text
    parts: list[str] = []
    last = 0
    for kept in _KEPT.finditer(text):
        parts += [text[last : kept.start()].translate(_ACCENTS), kept.group()]
        last = kept.end()
    parts.append(text[last:].translate(_ACCENTS))
    padding = "~" * max(2, len(text) // 3)
    return f"{PSEUDO_OPEN}{''.join(parts)} {padding}{PSEUDO_CLOSE}"
