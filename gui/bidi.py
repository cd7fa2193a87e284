"""Unicode isolates for values inserted into sentences that may run right to left."""

from __future__ import annotations

FSI = "\u2068"  # FIRST STRONG ISOLATE
PDI = "\u2069"  # POP DIRECTIONAL ISOLATE


def isolate(value: object) -> str:
    """`value` as text wrapped in FSI … PDI, so "SIV", ids and numbers keep their own order."""
    return f"{FSI}{value}{PDI}"
