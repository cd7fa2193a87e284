"""Fixtures for the case store tests (the offline guard is in tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cases import CaseStore
from tests.cases.casetools import CHEAP_KDF, PASSPHRASE


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_folder: Path) -> Iterator[CaseStore]:
    opened = CaseStore.create(store_folder, PASSPHRASE, kdf=CHEAP_KDF)
    yield opened
    opened.close()
