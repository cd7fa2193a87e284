"""Who is using Masir, chosen on the start page: its own small module, so the start page can
be painted before the interview, the rules and the case store are imported."""

from __future__ import annotations

import importlib.util
from enum import StrEnum


class Mode(StrEnum):
    SELF = "self"  # self-screening: nothing is written to disk
    CASEWORKER = "caseworker"


def case_store_available() -> bool:
    """True once the encrypted case store (`cases/`) is part of this build."""
    return importlib.util.find_spec("cases") is not None
