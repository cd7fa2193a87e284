"""What a person chooses for one summary: the one set of options every summary call takes.

Kept apart from the PDF writer (no fpdf import) so the window and the command line can build
options without loading the PDF stack.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from i18n.runtime import LANGUAGES
from summary.errors import SummaryError

MAX_NAME = 200  # characters of a name or case reference


class Detail(StrEnum):
    SUMMARY = "summary"
    """The plan, one block per route the person can act on, one table of the others."""
    FULL = "full"
    """Also every criterion with its sources and the answers given, as an appendix."""


@dataclass(frozen=True)
class SummaryOptions:
    language: str = "en"
    bilingual: bool = False
    include_sensitive: bool = False
    case_reference: str | None = None
    name: str | None = None
    detail: Detail = Detail.SUMMARY

    def __post_init__(self) -> None:
        if self.language not in LANGUAGES:
            raise SummaryError(
                f"unknown language '{self.language}'; use one of {', '.join(LANGUAGES)}"
            )
        object.__setattr__(self, "case_reference", _checked("case reference", self.case_reference))
        object.__setattr__(self, "name", _checked("name", self.name))

    @property
    def languages(self) -> list[str]:
        """The languages of the document: the person's, and English too when bilingual."""
        if self.bilingual and self.language != "en":
            return [self.language, "en"]
        return [self.language]


def _checked(what: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > MAX_NAME:
        raise SummaryError(f"the {what} is longer than {MAX_NAME} characters")
    return value.strip()
