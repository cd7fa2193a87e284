"""The guard that fails any test opening a network connection really does."""

from __future__ import annotations

import socket

import pytest

from tests.conftest import NetworkUsed


def test_opening_a_socket_fails_the_test() -> None:
    with pytest.raises(NetworkUsed):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))


def test_the_app_core_runs_with_the_guard_on() -> None:
    from cli.app import run

    assert run(["pathways", "--format", "json"]) == 0
