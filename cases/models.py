"""The case as the rest of Masir sees it; all of it lives only inside the encrypted blob."""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue, field_validator

# Answers as in Masir's answers files: {"question_id": str | bool | number | list[str] |
# list[dict] (repeatable groups) | "unknown" | "prefer_not_to_say"}.
Answers = dict[str, JsonValue]


def utc_now() -> datetime:
    return datetime.now(UTC)


class RecordedChange(BaseModel):
    """One route's change between two saved results, as plain values (the enums' values of
    pathways/compare, None for a side without one), so the history can be read in any
    language later and under other rules."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pathway: str
    aspect: str
    old: str | None = None
    new: str | None = None


class HistoryEntry(BaseModel):
    """Results saved for the case at `when`: the first ones (no changes), or what changed
    since the previous ones (after an answer changed, or under new rules)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    when: AwareDatetime
    rules_version: str | None = None
    changes: list[RecordedChange] = Field(default_factory=list)


class CaseRecord(BaseModel):
    """One case: who (label), in which language, how far the interview got, its results and
    the dated history of how those results changed."""

    model_config = ConfigDict(extra="forbid")

    case_id: str
    label: str
    language: str
    answers: Answers
    current_question: str | None
    screening: dict[str, JsonValue] | None
    created: AwareDatetime
    updated: AwareDatetime
    history: list[HistoryEntry] = Field(default_factory=list)  # oldest first

    @field_validator("created", "updated")
    @classmethod
    def _in_utc(cls, value: datetime) -> datetime:
        return value.astimezone(UTC)

    def summary(self) -> CaseSummary:
        return CaseSummary(
            case_id=self.case_id,
            label=self.label,
            created=self.created,
            updated=self.updated,
            language=self.language,
            answered_count=len(self.answers),
            rules_version=_rules_version(self.screening),
        )


def _rules_version(screening: dict[str, JsonValue] | None) -> str | None:
    version = screening.get("rules_version") if screening is not None else None
    return version if isinstance(version, str) else None


class CaseSummary(BaseModel):
    """What the case list shows."""

    model_config = ConfigDict(frozen=True)

    case_id: str
    label: str
    created: AwareDatetime
    updated: AwareDatetime
    language: str
    answered_count: int
    rules_version: str | None = None  # of the last saved results (None: no results yet)

    def matches(self, text: str) -> bool:
        """Case-insensitive substring match on the label; ZWNJ and all other marks are kept."""
        return _search_key(text) in _search_key(self.label)


def _search_key(text: str) -> str:
    # NFC so that composed and decomposed Arabic-script letters match; casefold for Latin.
    return unicodedata.normalize("NFC", text).casefold()
