"""Unicode isolates for values inserted into sentences that may run right to left.

Qt-free, so the window, the command line and the PDF wrap values the same way.
"""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE
LRM = "\u200e"
RLM = "\u200f"


def isolate(value: object) -> str:
    """`value` as text wrapped in FSI … PDI, so "SIV", ids, URLs and numbers keep their order."""
    return f"{FSI}{value}{PDI}"


def strip_isolates(text: str) -> str:
    """`text` without FSI/PDI marks (for comparing what a person reads)."""
    return text.replace(FSI, "").replace(PDI, "")
