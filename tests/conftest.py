"""Test-wide guards: headless Qt, and no network at all."""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from datetime import date

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

TODAY = date(2026, 11, 23)


class NetworkUsed(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Masir never opens a connection: any socket a test makes fails it."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed("Masir must not open network sockets")

    class RefusedSocket(socket.socket):
        """Still a class, so modules that subclass it on import (ssl) import fine."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            refuse()

    monkeypatch.setattr(socket, "socket", RefusedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


@pytest.fixture(autouse=True)
def private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every user folder points into a fresh temporary folder, so tests touch no real data."""
    home = tmp_path_factory.mktemp("home")
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home if name == "HOME" else home / name.lower()))
    monkeypatch.delenv("MASIR_DATA_DIR", raising=False)
    for name in ("MASIR_PASSPHRASE", "MASIR_EXPORT_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    # Temporary files too: a test can then prove that nothing personal was left there.
    temp = tmp_path_factory.mktemp("tmp")
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    # New case store keys use a cheap Argon2id in tests (see cases/crypto.py); never in use.
    monkeypatch.setenv("MASIR_TEST_CHEAP_KDF", "1")


@pytest.fixture
def trusted_test_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Trust the tests-only rule-pack key; afterwards the built-in rules and catalogs again
    (a test that installed a pack switched them for the whole process)."""
    from i18n.runtime import use_pack_catalogs
    from pathways.engine import default_engine
    from pathways.packs.keys import TEST_KEY_ENV

    monkeypatch.setenv(TEST_KEY_ENV, "1")
    yield
    default_engine.cache_clear()
    use_pack_catalogs(None)
