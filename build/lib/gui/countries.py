"""Country names in the reader's language, for the codes the core accepts."""

from __future__ import annotations

from functools import cache

from babel import Locale

from forms.validation import COUNTRY_CODES


@cache
def country_names(language: str) -> dict[str, str]:
    """Code → localized name, sorted by name."""
    territories = Locale.parse(language).territories
    names = {code: str(territories.get(code, code)) for code in COUNTRY_CODES}
    return dict(sorted(names.items(), key=lambda item: item[1].casefold()))
