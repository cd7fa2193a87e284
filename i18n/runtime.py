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

from i18n.numerals import persian_digits, uses_native_digits

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


class _Catalog(gettext.GNUTranslations):
    """A catalog whose sentences come out in the language's digits (Persian digits in Dari
    and Pashto), so a translator's "2026" or "£29,000" reads as the numbers around it do."""

    native = False
    _converted: dict[str, str] | None = None

    def gettext(self, message: str) -> str:
        return self._digits(super().gettext(message))

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self._digits(super().ngettext(msgid1, msgid2, n))

    def _digits(self, text: str) -> str:
        """Each translated text converted once (every `_()` of the window and the summary
        comes through here; the catalog never changes)."""
        if not self.native:
            return text
        if self._converted is None:
            self._converted = {}
        converted = self._converted.get(text)
        if converted is None:
            converted = self._converted[text] = sentence_digits(text)
        return converted


_TOKEN = re.compile(r"\S+")
_LATIN_LETTER = re.compile(r"[A-Za-z]")


_DATE_LIKE = re.compile(r"[0-9۰-۹]+(?:[-/][0-9۰-۹]+)+")


def sentence_digits(text: str) -> str:
    """`text` with Persian digits, except in addresses (https://…, name@host) and in official
    identifiers that mix Latin letters and digits (I-730, DS-4317), which are copied as they
    are printed on forms and letters. A date such as ۲۰۱۰-۰۳-۰۱ is isolated: after Arabic
    letters the bidi algorithm would otherwise show its parts in reverse order."""

    def word(match: re.Match[str]) -> str:
        token = match.group()
        if "://" in token or "@" in token or _LATIN_LETTER.search(token):
            return token
        return _DATE_LIKE.sub(lambda date: f"\u2068{date.group()}\u2069", persian_digits(token))

    return _TOKEN.sub(word, text)


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of `language`; English (the source) and missing catalogs translate to itself."""
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    catalog = _catalog(language)
    pack = _pack_catalogs / language / f"{DOMAIN}.po" if _pack_catalogs else None
    if pack is not None and pack.exists():
        overlay = _from_po(pack, language)
        overlay.add_fallback(catalog)  # the built-in one gives its digits as they are:
        catalog = overlay  # the overlay converts them, once
    if isinstance(catalog, _Catalog):
        catalog.native = uses_native_digits(language)
    return catalog


def _catalog(language: str) -> gettext.NullTranslations:
    folder = CATALOG_FOLDER / language / "LC_MESSAGES"
    compiled, source = folder / f"{DOMAIN}.mo", folder / f"{DOMAIN}.po"
    if compiled.exists() and not _newer(source, compiled):  # a stale build never wins
        with compiled.open("rb") as stream:
            return _Catalog(stream)
    return _from_po(source, language)


def _newer(source: Path, compiled: Path) -> bool:
    """The .po was changed after the .mo was built from it (a checkout where the bundle was
    built once); the bundle itself ships no .po."""
    return source.exists() and source.stat().st_mtime > compiled.stat().st_mtime


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
    return _Catalog(buffer)


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
    from babel import Locale  # on first use: the window's English start page needs no babel

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
