"""The summary PDF writer: renders every language, keeps an exact text layer, numbers pages."""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from i18n.numerals import native_digits
from summary.bidi_text import clean_text
from summary.document import Paragraph, SummaryDocument, Table
from summary.errors import SummaryError
from summary.pdf_engine import render_pdf, write_pdf
from tests.summary.samples import (
    PASHTO_LETTERS,
    PASHTO_WORDS,
    RTL,
    ZWNJ_WORDS,
    footer,
    sample,
)

LANGS = ("fa_AF", "ps", "en")


def _text(path: Path) -> str:
    return unicodedata.normalize(
        "NFC", "\n".join(p.extract_text() or "" for p in PdfReader(path).pages)
    )


def _words(text: str) -> list[str]:
    def edge(ch: str) -> bool:
        return unicodedata.category(ch)[0] in "PSZC"

    out = []
    for raw in unicodedata.normalize("NFC", text).split():
        start, end = 0, len(raw)
        while start < end and edge(raw[start]):
            start += 1
        while end > start and edge(raw[end - 1]):
            end -= 1
        if start < end:
            out.append(raw[start:end])
    return out


def _arabic_words(text: str) -> list[str]:
    """Words with an Arabic-script letter (Persian numbers alone are not words here)."""
    return [
        w
        for w in _words(text)
        if any(unicodedata.category(c).startswith("L") and "\u0600" <= c <= "\u06ff" for c in w)
    ]


def _source_text(doc: SummaryDocument) -> str:
    parts = [doc.title]
    for block in doc.blocks:
        for value in block.model_dump().values():
            parts.append(str(value) if not isinstance(value, list) else repr(value))
    return "\n".join(parts)


@pytest.mark.parametrize("lang", LANGS)
def test_sample_renders(sample_pdfs: dict[str, tuple[Path, int]], lang: str) -> None:
    path, pages = sample_pdfs[lang]
    assert path.read_bytes().startswith(b"%PDF-")
    assert pages == len(PdfReader(path).pages) >= 2


def test_pashto_letters_extract_intact_in_logical_order(
    sample_pdfs: dict[str, tuple[Path, int]],
) -> None:
    words = set(_words(_text(sample_pdfs["ps"][0])))
    for word in PASHTO_WORDS:
        assert word in words, word
    joined = "".join(PASHTO_WORDS)
    assert all(letter in joined for letter in PASHTO_LETTERS)


def test_zwnj_words_extract_intact(sample_pdfs: dict[str, tuple[Path, int]]) -> None:
    words = set(_words(_text(sample_pdfs["fa_AF"][0])))
    for word in ZWNJ_WORDS:
        assert word in words, word


@pytest.mark.parametrize("lang", ["fa_AF", "ps"])
def test_every_word_of_rtl_prose_extracts_exactly(tmp_path: Path, lang: str) -> None:
    """Dari/Pashto text without Latin runs: pypdf gives back 100 % of the words."""
    doc = sample(lang)
    prose = SummaryDocument(
        title=doc.title,
        lang=doc.lang,
        blocks=[b for b in doc.blocks if "SIV" not in str(b.model_dump())],
    )
    path = tmp_path / "prose.pdf"
    write_pdf(prose, path, rtl=True, footer=footer(lang))
    source = _arabic_words(_source_text(prose))
    found = set(_words(_text(path)))
    missing = [w for w in source if w not in found]
    assert len(source) > 40 and not missing, missing


@pytest.mark.parametrize("lang", ["fa_AF", "ps"])
def test_share_of_exact_words_with_latin_runs(
    sample_pdfs: dict[str, tuple[Path, int]], lang: str
) -> None:
    """With "SIV"/"ARAP" inside RTL lines, pypdf puts the runs of a mixed line in visual
    order and glues a word to the Latin run beside it (a pypdf limit: poppler reorders
    them). Measured: 1 word of the sample line lost per language; bench shows 99.0-99.7 %."""
    source = _arabic_words(_source_text(sample(lang)))
    found = set(_words(_text(sample_pdfs[lang][0])))
    hits = sum(1 for w in source if w in found)
    assert hits / len(source) >= 0.98, (hits, len(source))


@pytest.mark.parametrize("lang", LANGS)
def test_footer_page_x_of_y_on_every_page(
    sample_pdfs: dict[str, tuple[Path, int]], lang: str
) -> None:
    path, total = sample_pdfs[lang]
    for number, page in enumerate(PdfReader(path).pages, start=1):
        last_line = (page.extract_text() or "").strip().splitlines()[-1]
        assert footer(lang) in last_line, (lang, number, last_line)
        if RTL[lang]:
            # pypdf takes Persian digits for right-to-left letters and lists the runs of
            # "۱ / ۲" in visual order; compare the numbers, not their order.
            numbers = re.findall("[۰-۹]+", last_line.replace(footer(lang), ""))
            assert sorted(numbers) == sorted(
                [native_digits(number, "fa_AF"), native_digits(total, "fa_AF")]
            ), last_line
        else:
            assert f"{number} / {total}" in last_line


@pytest.mark.parametrize("lang", LANGS)
def test_fonts_are_embedded(sample_pdfs: dict[str, tuple[Path, int]], lang: str) -> None:
    reader = PdfReader(sample_pdfs[lang][0])
    seen = 0
    for page in reader.pages:
        resources: Any = page["/Resources"]
        fonts: Any = resources["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor: DictionaryObject = descendant["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
            seen += 1
    assert seen


def _x_of(path: Path, needle: str) -> float:
    xs: list[float] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text.strip() == needle:
            xs.append(float(tm[4]) * float(cm[0]) + float(cm[4]))

    PdfReader(path).pages[0].extract_text(visitor_text=visit)
    assert xs, needle
    return xs[0]


def test_rtl_table_columns_run_right_to_left(sample_pdfs: dict[str, tuple[Path, int]]) -> None:
    path = sample_pdfs["fa_AF"][0]
    assert _x_of(path, "مسیر") > _x_of(path, "نتیجه") > _x_of(path, "وضعیت")
    en = sample_pdfs["en"][0]
    assert _x_of(en, "Pathway") < _x_of(en, "Verdict") < _x_of(en, "Status")


def test_hostile_text_is_shown_not_interpreted(tmp_path: Path) -> None:
    hostile = "احمد \u202eAhmad\u202c {nb} **bold** <b>x</b> {{ 7*7 }} \x07end"
    doc = SummaryDocument(title="t", lang="fa-AF", blocks=[Paragraph(text=hostile)])
    path = tmp_path / "h.pdf"
    write_pdf(doc, path, rtl=True, footer="f")
    text = _text(path)
    for literal in ("Ahmad", "{nb}", "**bold**", "<b>x</b>", "{{", "7*7", "end"):
        assert literal in text, literal
    assert "\u202e" not in text and "\x07" not in text


def test_clean_text_keeps_zwnj_and_drops_controls() -> None:
    assert clean_text("می\u200cتوانید\x00\u202e\tx") == "می\u200cتوانید x"


def test_write_is_atomic_and_replaces(tmp_path: Path) -> None:
    path = tmp_path / "summary.pdf"
    path.write_bytes(b"old")
    write_pdf(sample("en", rows=3), path, rtl=False, footer="f")
    assert path.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


def test_unwritable_folder_raises_summary_error(tmp_path: Path) -> None:
    with pytest.raises(SummaryError):
        write_pdf(sample("en", rows=3), tmp_path / "missing" / "s.pdf", rtl=False, footer="f")


def test_table_rows_must_match_header() -> None:
    with pytest.raises(ValidationError):
        Table(header=["a", "b"], rows=[["only one"]])


def test_header_line_on_every_page() -> None:
    data, pages = render_pdf(sample("en"), rtl=False, footer="f", header="Masir summary")
    assert pages >= 2
    path_text = [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]
    assert all("Masir summary" in t for t in path_text)
    assert re.search(r"\b1 / \d\b", path_text[0])
