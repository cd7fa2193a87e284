"""Shared constants and helpers for the case store tests (imported by the test modules)."""

from __future__ import annotations

from pathlib import Path

from pydantic import JsonValue

from cases import KdfParams

PASSPHRASE = "رمز\u200cعبور of the caseworker"
# Cheap Argon2 so that tests and the kill helper run fast; the default is ~0.5 s.
CHEAP_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
# Cheaper still, for tests that decrypt an export a thousand times.
TINY_KDF = CHEAP_KDF  # the only cheap parameters an export may carry (cases.crypto.TEST_KDF)

# Hostile text: real Dari and Pashto with ZWNJ (U+200C), a bidi override (U+202E), controls.
DARI_LABEL = "زرمینه\u200cی احمدزی"
PASHTO_TEXT = "زه په کابل کې اوسېږم\u200c، ۍ ړ"
BIDI_TEXT = "Ahmad \u202eSIV\u202c\x00\x07 end"


def answers_sample() -> dict[str, JsonValue]:
    """Every kind of value Masir's answers files hold."""
    return {
        "nationality": "af",
        "full_name": DARI_LABEL,
        "home_district": PASHTO_TEXT,
        "note": BIDI_TEXT,
        "us_gov_service_months": 14,
        "income": 1234.5,
        "has_unhcr_registration": True,
        "languages": ["prs", "ps", "en"],
        "family_members": [
            {"relation": "spouse", "name": "مریم\u200cجان", "age": 31},
            {"relation": "child", "name": "Ali", "age": 4},
        ],
        "date_of_arrival": "unknown",
        "ethnicity": "prefer_not_to_say",
    }


def encodings(text: str) -> list[bytes]:
    """The forms in which a careless program would leave text on disk."""
    return [text.encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def files_containing(folder: Path, needles: list[bytes]) -> list[str]:
    """Names of the files under folder holding any of the needles."""
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        if any(needle in data for needle in needles):
            hits.append(path.name)
    return hits


def flip(data: bytes, position: int, mask: int = 0x01) -> bytes:
    return data[:position] + bytes([data[position] ^ mask]) + data[position + 1 :]


def printed_messages(error: BaseException) -> str:
    """The messages a printed traceback of error shows (its chain, as Python prints it)."""
    parts = []
    current: BaseException | None = error
    while current is not None:
        parts.append(f"{current!r} {current}")
        cause = current.__cause__
        current = cause if cause or current.__suppress_context__ else current.__context__
    return "\n".join(parts)
