"""Release numbers ("2026.11.1", "0.1.0") compared number by number, and this app's own."""

from __future__ import annotations

APP_VERSION = "0.1.0"
"""This Masir's version (pyproject.toml's, checked by a test): a pack may need a newer one."""


def version_key(version: str) -> tuple[int, ...]:
    """'2026.11.1' -> (2026, 11, 1); trailing zeros do not count ('1.0' == '1')."""
    numbers = [int(part) for part in version.split(".")]
    while numbers and numbers[-1] == 0:
        numbers.pop()
    return tuple(numbers)
