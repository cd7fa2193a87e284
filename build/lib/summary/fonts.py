"""The bundled fonts (static Noto Sans Arabic and Noto Sans, SIL OFL 1.1) and their families.

Arabic-script text (Dari, Pashto) is set in Noto Sans Arabic; Latin in Noto Sans. Each
font is the other's fallback, so a Latin name in a Dari sentence, or a Dari name in an
English one, is drawn with a font that has its glyphs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from summary.errors import SummaryError

FONT_DIR = Path(__file__).resolve().parent.parent / "i18n" / "fonts"

ARABIC_FAMILY = "NotoSansArabic"
LATIN_FAMILY = "NotoSans"


@dataclass(frozen=True)
class FontFace:
    family: str
    style: str  # "" regular, "B" bold (fpdf2's style letters)
    path: Path


FONT_FACES: tuple[FontFace, ...] = (
    FontFace(ARABIC_FAMILY, "", FONT_DIR / "NotoSansArabic-Regular.ttf"),
    FontFace(ARABIC_FAMILY, "B", FONT_DIR / "NotoSansArabic-Bold.ttf"),
    FontFace(LATIN_FAMILY, "", FONT_DIR / "NotoSans-Regular.ttf"),
    FontFace(LATIN_FAMILY, "B", FONT_DIR / "NotoSans-Bold.ttf"),
)


def font_faces() -> tuple[FontFace, ...]:
    """The bundled faces, after checking that every file is there."""
    missing = [face.path.name for face in FONT_FACES if not face.path.is_file()]
    if missing:
        raise SummaryError(
            f"font files missing from {FONT_DIR}: {', '.join(missing)}; reinstall Masir"
        )
    return FONT_FACES


def families(*, rtl: bool) -> tuple[str, str]:
    """(main family, fallback family) for a document of the given direction."""
    return (ARABIC_FAMILY, LATIN_FAMILY) if rtl else (LATIN_FAMILY, ARABIC_FAMILY)
