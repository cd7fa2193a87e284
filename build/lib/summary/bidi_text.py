"""Plain-text hygiene for the PDF: control characters and bidi overrides out, ZWNJ kept."""

from __future__ import annotations

import unicodedata

# Embeddings and overrides (LRE RLE PDF LRO RLO) let a value reorder the text around it
# (U+202E shows "Ahmad" as "damhA"); they are dropped. Isolates, LRM/RLM, ZWNJ and ZWJ stay.
_DROP_FORMAT = frozenset("\u202a\u202b\u202c\u202d\u202e")


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
