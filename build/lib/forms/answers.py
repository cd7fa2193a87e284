"""Answer values: what a person may say to a question, checked against its type.

"I don't know" and "prefer not to say" are answers of their own, accepted for every question
and never read as "no".
"""

from __future__ import annotations

from enum import StrEnum
from typing import TypeAlias

from pydantic import JsonValue

from forms.dates import ApproxDate


class Special(StrEnum):
    UNKNOWN = "unknown"
    PREFER_NOT_TO_SAY = "prefer_not_to_say"


Scalar: TypeAlias = bool | float | str | ApproxDate | tuple[str, ...]
Item: TypeAlias = dict[str, "Answer"]
Answer: TypeAlias = Scalar | Special | tuple[Item, ...]
JSONValue: TypeAlias = JsonValue


def answer_to_json(answer: Answer) -> JSONValue:
    """The stored, untranslated form used in answers files, JSON output and the case store."""
    if isinstance(answer, Special):
        return answer.value
    if isinstance(answer, ApproxDate):
        return answer.iso()
    if isinstance(answer, float) and answer.is_integer():
        return int(answer)
    if isinstance(answer, tuple):
        return [
            {key: answer_to_json(value) for key, value in entry.items()}
            if isinstance(entry, dict)
            else entry
            for entry in answer
        ]
    return answer
