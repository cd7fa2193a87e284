"""Plain-text hygiene for the PDF: controls out, ZWNJ in, inserted values isolated."""

from __future__ import annotations

import unicodedata

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE

# Embeddings and overrides (LRE RLE PDF LRO RLO) let a value reorder the text around it
# (U+202E shows "Ahmad" as "damhA"); they are dropped. Isolates, LRM/RLM, ZWNJ and ZWJ stay.
_DROP_FORMAT = frozenset("\u202a\u202b\u202c\u202d\u202e")

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def clean_text(text: str) -> str:
    """NFC text without control characters (newline kept, tab -> space) or bidi overrides."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch == "\n":
            out.append(ch)
        elif ch in "\t\r\v\f":
            out.append(" ")
        elif ch in _DROP_FORMAT or unicodedata.category(ch) == "Cc":
            continue
        else:
            out.append(ch)
    return "".join(out)


_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def isolate(value: str) -> str:
    """Wrap an inserted value (a name, a number, "SIV") so it cannot reorder its sentence.

    Isolate marks inside the value are dropped first, so a value cannot leave one open.
    Inside an isolate, a Dari value keeps its ZWNJs within one right-to-left run even in an
    English line (fpdf2's bidi splits such a run at each ZWNJ otherwise)."""
    return f"{FSI}{str(value).translate(_ISOLATES)}{PDI}"


def persian_digits(text: str) -> str:
    """ASCII digits as Extended Arabic-Indic (Persian) digits, as Dari and Pashto write them."""
    return text.translate(_PERSIAN_DIGITS)
