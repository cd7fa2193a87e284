"""The error family of the summary document boundary."""

from __future__ import annotations

from forms.errors import MasirError


class SummaryError(MasirError):
    """The summary PDF could not be made; the message says what a person can do about it."""
