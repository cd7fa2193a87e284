"""Errors of the rule data; the message names the file, the pathway and the criterion."""

from forms.errors import MasirError


class RulesError(MasirError):
    """A rule file is broken or reads a fact the questionnaire does not set."""


class RulePackError(MasirError):
    """A rule pack is refused (not signed by a trusted key, damaged, older, failing its cases…);
    nothing was changed."""
