"""Where Masir keeps what it writes for a user: the case store and installed rule packs."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "MASIR_DATA_DIR"
"""When set, Masir's data folder (its ``cases`` and ``rules`` subfolders) instead of the user's."""


def data_folder() -> Path:
    """``$MASIR_DATA_DIR``, else the user's data folder for Masir."""
    data = os.environ.get(DATA_DIR_ENV)
    return Path(data) if data else Path(platformdirs.user_data_dir("Masir", appauthor=False))
