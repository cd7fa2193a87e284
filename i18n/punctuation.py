"""Sentences joined without doubled punctuation.

Texts of the rule data are whole sentences ("You are outside Canada."); lists of them are
joined with "; " or followed by "." in templates, which gives ".;" or "?." (and ".؛" in Dari
and Pashto). One rule, for every language: after a sentence's own end (. ! ? ؟ ۔), a joining
mark is dropped.
"""

from __future__ import annotations

import re

_DOUBLED = re.compile(r"([.!?؟۔])[ \t]*[.;,؛،]+(?=\s|$)")


def tidy_joins(text: str) -> str:
    """`text` with a ";", ",", "." (or ؛ ،) right after a sentence's end removed."""
    return _DOUBLED.sub(r"\1", text)
