"""What makes a passphrase acceptable: one rule for the window, the command line and the store.

Length matters most; variety (letters, digits, spaces, Dari/Pashto letters) a little. The
store itself refuses a passphrase below the minimum, whoever calls it.
"""

from __future__ import annotations

import unicodedata
from enum import StrEnum

from cases.errors import CaseStoreError, ErrorKind

MIN_LENGTH = 10
GOOD_LENGTH = 16


class Strength(StrEnum):
    TOO_SHORT = "too_short"
    WEAK = "weak"
    GOOD = "good"
    STRONG = "strong"


def variety(text: str) -> int:
    """How many kinds of character: lower case, upper case, other letters, digits, the rest."""
    kinds = set()
    for ch in text:
        category = unicodedata.category(ch)
        if category == "Ll":
            kinds.add("lower")
        elif category == "Lu":
            kinds.add("upper")
        elif category.startswith("L"):
            kinds.add("letter")  # Dari and Pashto letters have no case
        elif category == "Nd":
            kinds.add("digit")
        else:
            kinds.add("other")  # spaces, punctuation, ZWNJ
    return len(kinds)


def strength(text: str) -> Strength:
    length = len(text)
    if length < MIN_LENGTH:
        return Strength.TOO_SHORT
    if length >= GOOD_LENGTH and variety(text) >= 2:
        return Strength.STRONG
    if length >= GOOD_LENGTH or variety(text) >= 3:
        return Strength.GOOD
    return Strength.WEAK


def require_acceptable(passphrase: str) -> None:
    """CaseStoreError(WEAK_PASSPHRASE) for a passphrase a new key must never be made from."""
    if strength(passphrase) is Strength.TOO_SHORT:
        raise CaseStoreError(ErrorKind.WEAK_PASSPHRASE)
