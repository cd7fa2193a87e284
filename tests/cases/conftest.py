"""Fixtures for the case store tests, and the guard that keeps them offline."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from casetools import CHEAP_KDF, PASSPHRASE

from cases import CaseStore


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Masir is offline: any socket a test opens fails it."""

    def refuse(*args: object, **kwargs: object) -> socket.socket:
        raise AssertionError("a case store test tried to open a network socket")

    monkeypatch.setattr(socket, "socket", refuse)


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def store(store_folder: Path) -> Iterator[CaseStore]:
    opened = CaseStore.create(store_folder, PASSPHRASE, kdf=CHEAP_KDF)
    yield opened
    opened.close()
