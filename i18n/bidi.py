"""Unicode isolates for values inserted into sentences that may run right to left.

Qt-free, so the window, the command line and the PDF wrap values the same way.
"""

from __future__ import annotations

from i18n.numerals import format_number
from i18n.runtime import current_language

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"
RLM = "\u200f"


_ISOLATE_MARKS = str.maketrans("", "", "\u2066\u2067\u2068\u2069")


def isolate(value: object) -> str:
    """`value` as text wrapped in FSI … PDI, so "SIV", ids, URLs and numbers keep their order.

    Isolate marks inside the value are dropped first, so a value cannot leave one open; inside
    an isolate a Dari value also keeps its ZWNJs within one right-to-left run.
    """
    return f"{FSI}{str(value).translate(_ISOLATE_MARKS)}{PDI}"


def strip_isolates(text: str) -> str:
    """`text` without FSI/PDI marks (for comparing what a person reads)."""
    return text.replace(FSI, "").replace(PDI, "")


def isolate_number(value: float) -> str:
    """A count or amount in the current language's digits, isolated: ⁨۱۲⁩."""
    return isolate(format_number(value, current_language()))
