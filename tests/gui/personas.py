"""Three people screened in the GUI tests: raw answers as they would give them."""

from __future__ import annotations

from typing import Any

from cli import samples

# The interpreter and the journalist are the self-test's people (cli/samples.py).
INTERPRETER: dict[str, Any] = samples.US_INTERPRETER
JOURNALIST: dict[str, Any] = samples.JOURNALIST_IN_PAKISTAN
UNSURE: dict[str, Any] = {"afghan_national": "unknown", "gender": "prefer_not_to_say"}
"""Answers "I don't know" to everything else."""

PERSONAS = {"interpreter": INTERPRETER, "journalist": JOURNALIST, "unsure": UNSURE}

_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")


def with_persian_digits(value: Any) -> Any:
    """Dates typed with Persian digits, as a Dari or Pashto keyboard gives them."""
    if isinstance(value, str) and value[:1].isdigit():
        return value.translate(_PERSIAN)
    if isinstance(value, list):
        return [with_persian_digits(item) for item in value]
    if isinstance(value, dict):
        return {key: with_persian_digits(item) for key, item in value.items()}
    return value
