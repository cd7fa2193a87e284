"""Text from files and cases made safe for a terminal, and readable there."""

from __future__ import annotations

import unicodedata

_BREAKING = {"Cc", "Zl", "Zp"}  # controls (escape sequences, line breaks) and line separators
_ISOLATES = str.maketrans("", "", "\u2066\u2067\u2068\u2069")
_OVERRIDES = frozenset("\u202a\u202b\u202c\u202d\u202e")  # embeddings and overrides


def for_terminal(text: str) -> str:
    """`text` without the bidi isolate marks (a terminal draws them as boxes and does not
    reorder text anyway); embedding and override controls, which could reorder a line where a
    terminal obeys them, shown as \\u202e."""
    return "".join(_escape(ch) if ch in _OVERRIDES else ch for ch in text.translate(_ISOLATES))


def one_line(text: str) -> str:
    """As `for_terminal`, with controls and line separators shown as \\xNN / \\uNNNN; letters,
    ZWNJ and marks kept."""
    return "".join(
        _escape(ch) if unicodedata.category(ch) in _BREAKING else ch for ch in for_terminal(text)
    )


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
