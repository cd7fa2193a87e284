"""Errors of the rule data; the message names the file, the pathway and the criterion."""

from forms.errors import MasirError


class RulesError(MasirError):
    """A rule file is broken or reads a fact the questionnaire does not set."""
