"""The bundled fonts: static files, licence present, every letter Masir needs covered."""

from __future__ import annotations

from fontTools.ttLib import TTFont

from summary.fonts import FONT_DIR, FONT_FACES, families

PASHTO = "ټډړږښګڼۍېځڅ"
DARI = "پچژگکی"
PERSIAN_DIGITS = "".join(chr(c) for c in range(0x06F0, 0x06FA))
ARABIC_PUNCT = "،؛؟«»"
ZWNJ = "\u200c"
LATIN = "".join(chr(c) for c in range(0x20, 0x7F)) + "•–—…"


def _cmap(path: str) -> set[int]:
    return set(TTFont(path).getBestCmap())


def test_font_files_are_static_and_licensed() -> None:
    assert (FONT_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") >= 1
    for face in FONT_FACES:
        font = TTFont(str(face.path))
        assert "fvar" not in font, f"{face.path.name} is a variable font"
        assert "glyf" in font  # TrueType outlines, embeddable as /FontFile2


def test_arabic_family_covers_dari_pashto_digits_and_zwnj() -> None:
    arabic, _ = families(rtl=True)
    for face in FONT_FACES:
        if face.family != arabic:
            continue
        cmap = _cmap(str(face.path))
        missing = [
            f"U+{ord(ch):04X}"
            for ch in PASHTO + DARI + PERSIAN_DIGITS + ARABIC_PUNCT + ZWNJ
            if ord(ch) not in cmap
        ]
        assert not missing, (face.path.name, missing)


def test_latin_family_covers_ascii() -> None:
    latin, _ = families(rtl=False)
    for face in FONT_FACES:
        if face.family == latin:
            cmap = _cmap(str(face.path))
            assert all(ord(ch) in cmap for ch in LATIN), face.path.name
