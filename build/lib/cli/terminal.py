"""Text from files and cases made safe for one terminal line."""

from __future__ import annotations

import unicodedata

_BREAKING = {"Cc", "Zl", "Zp"}  # controls (escape sequences, line breaks) and line separators


def one_line(text: str) -> str:
    """Controls and line separators shown as \\xNN / \\uNNNN; letters, ZWNJ and marks kept."""
    return "".join(_escape(ch) if unicodedata.category(ch) in _BREAKING else ch for ch in text)


def _escape(ch: str) -> str:
    return f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}"
