"""Verdict, status and outcome words live in one place (pathways/words.py); renderers only add
their marks and colours. A renderer that writes such a word itself fails here."""

from __future__ import annotations

import re
from pathlib import Path

from pathways import words

ROOT = Path(__file__).resolve().parents[1]
RENDERERS = ("gui", "summary", "cli")
MESSAGE = re.compile(r"""\bN?_\(\s*(["'])(.+?)\1\s*\)|\{%\s*trans\s*%\}(.+?)\{%\s*endtrans\s*%\}""")

VOCABULARY = {
    text.casefold()
    for table in (words.VERDICT, words.STATUS, words.OUTCOME, words.OPEN_TO_PERSON)
    for text in table.values()
}
# Words earlier renderers used on their own, each a variant of the vocabulary.
VARIANTS = {
    "eligible",
    "possibly eligible",
    "not eligible",
    "full",
    "unknown",
    "status unknown",
    "closed to new",
    "you seem to meet the criteria",
    "you do not seem to meet the criteria",
    "[met]",
    "[not met]",
    "[unknown]",
}


def messages(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return [(m.group(2) or m.group(3) or "").strip() for m in MESSAGE.finditer(text)]


def test_the_guard_sees_a_renderer_word(tmp_path: Path) -> None:
    sample = tmp_path / "x.py"
    sample.write_text('label = _("Possibly eligible")\n', encoding="utf-8")
    assert messages(sample) == ["Possibly eligible"]


def test_no_renderer_defines_a_verdict_or_status_word() -> None:
    found = []
    for folder in RENDERERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in (".py", ".j2"):
                continue
            for message in messages(path):
                if message.casefold() in VOCABULARY | VARIANTS:
                    found.append(f"{path.relative_to(ROOT)}: {message!r}")
    assert not found, "use pathways/words.py: " + "; ".join(found)
