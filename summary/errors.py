"""The error family of the summary document boundary."""

from __future__ import annotations


class SummaryError(Exception):
    """The summary PDF could not be made; the message says what a person can do about it."""
