"""Lay out a ``SummaryDocument`` as an A4 PDF with fpdf2 and HarfBuzz shaping.

Why fpdf2 and not Qt: its text layer gives back the exact words in logical order (see
summary/ENGINE.md for the measurement). Right-to-left blocks are laid out right to left:
right-aligned lines with a right-to-left base direction, bullets on the right, table columns
mirrored. A block may carry its own direction (a bilingual summary mixes both).

Speed (ENGINE.md has the figures): we break lines ourselves, measuring each word once with
HarfBuzz (cached across documents), and draw every line with one ``cell()``; fpdf2's own
``multi_cell``/``table`` re-shape a growing line for every character. Fonts are parsed once
per process and cloned into each document; at output each font is subset from a copy that
has no layout tables, so fontTools does not decompile them every time.

Every page gets its header and footer lines (the notice, "page x of y", the rules version)
once the page count is known. Nothing in the texts is interpreted: no markdown, no HTML, and
fpdf2's "{nb}" page-count alias is off.
"""

from __future__ import annotations

import contextlib
import io
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final
from unicodedata import bidirectional

from fontTools import ttLib
from fpdf import FPDF
from fpdf.enums import Align, TextDirection
from fpdf.fonts import SubsetMap, TTFFont
from fpdf.line_break import Fragment

from forms.atomic_files import write_atomically
from i18n.numerals import persian_digits
from summary.bidi_text import clean_text
from summary.document import (
    Block,
    BulletList,
    Heading,
    KeyValueRows,
    PageLine,
    Paragraph,
    SummaryDocument,
    Table,
)
from summary.errors import SummaryError
from summary.fonts import LATIN_FAMILY, families, font_faces

# Layout, in millimetres and points.
MARGIN_SIDE: Final = 16.0
MARGIN_TOP: Final = 15.0
MARGIN_BOTTOM: Final = 20.0  # room for the footer
BODY_PT: Final = 9.5
BODY_LINE: Final = 4.6
NOTE_PT: Final = 8.5
NOTE_LINE: Final = 4.0
TABLE_PT: Final = 8.8
TABLE_LINE: Final = 4.6
CELL_PAD: Final = 1.1
PAGE_PT: Final = 7.5
PAGE_LINE: Final = 3.8
HEADING_PT: Final = {1: 17.0, 2: 13.5, 3: 11.0}
BULLET_INDENT: Final = 6.0
NUMBER_INDENT: Final = 8.0  # room for "12."
KEY_SHARE: Final = 0.3  # of the width, for the labels of key / value rows
HEADER_FILL: Final = (232, 232, 232)
WARN_FILL: Final = (253, 243, 224)
WARN_BAR: Final = (214, 140, 20)
RULE: Final = (170, 170, 170)
MUTED: Final = (90, 90, 90)
BLACK: Final = (0, 0, 0)
SLACK: Final = 0.4  # mm kept free at the end of a line, for rounding between measure and draw

PageLabel = Callable[[int, int], str]

_lock = threading.Lock()  # shared font objects and caches: one document at a time


def default_page_label(page: int, total: int) -> str:
    return f"{page} / {total}"


def write_pdf(
    document: SummaryDocument,
    out_path: Path,
    *,
    rtl: bool,
    footer: str = "",
    header: str = "",
    use_persian_digits: bool = False,
    page_label: PageLabel = default_page_label,
) -> int:
    """Write ``document`` to ``out_path`` (atomically) and return its page count.

    rtl: the document's direction (Dari, Pashto); a block's own ``rtl`` wins.
    footer/header: a one-line notice for every page, beside "page / pages" (footer), when the
    document has no header/footer lines of its own.
    use_persian_digits: page numbers of that footer in Persian digits.
    """
    data, pages = render_pdf(
        document,
        rtl=rtl,
        footer=footer,
        header=header,
        use_persian_digits=use_persian_digits,
        page_label=page_label,
    )
    _write_atomically(out_path, data)
    return pages


def render_pdf(
    document: SummaryDocument,
    *,
    rtl: bool,
    footer: str = "",
    header: str = "",
    use_persian_digits: bool = False,
    page_label: PageLabel = default_page_label,
) -> tuple[bytes, int]:
    """The PDF as bytes, and its page count, without touching the disk."""
    header_lines = list(document.header) or ([PageLine(text=header)] if header else [])

    def legacy_label(page: int, total: int) -> str:
        label = page_label(page, total)
        return _persian(label) if use_persian_digits else label

    footer_lines: list[tuple[PageLine, PageLabel | None]] = [
        (line, None) for line in document.footer
    ] or [(PageLine(text=footer), legacy_label)]
    with _lock:
        layout = _Layout(rtl=rtl)
        pdf = layout.pdf
        pdf.set_title(clean_text(document.title))
        pdf.set_lang(document.lang)
        pdf.set_creator("Masir")
        if document.show_title:
            layout.block(Heading(text=document.title, level=1))
        for block in document.blocks:
            layout.block(block)
        total = pdf.pages_count
        for page in range(1, total + 1):
            layout.decorate_page(page, total, header_lines, footer_lines)
        _fresh_fonts_for_output(pdf)
        return bytes(pdf.output()), total


# --- fonts, parsed once per process -----------------------------------------------------------


@dataclass
class _FontStore:
    prototypes: dict[str, TTFFont]
    embed_base: dict[Path, bytes]
    glyphs: dict[str, tuple[list[str], list[int]]]  # per font: names and widths by glyph id


_fonts: _FontStore | None = None


def _persian(text: str) -> str:
    """Page numbers as Dari and Pashto write them."""
    return persian_digits(text)


_LAYOUT_TABLES = ("GSUB", "GPOS", "GDEF", "FFTM", "MATH", "hdmx", "meta")


def _font_store() -> _FontStore:
    global _fonts
    if _fonts is None:
        pdf = FPDF()
        bases: dict[Path, bytes] = {}
        for face in font_faces():
            pdf.add_font(face.family, face.style, str(face.path))
            # The file as fpdf2 embeds it (it drops these tables at output), made once.
            font = ttLib.TTFont(face.path, recalcTimestamp=False, recalcBBoxes=False)
            for tag in _LAYOUT_TABLES:
                if tag in font:
                    del font[tag]
            font["post"].formatType = 3.0  # no glyph names to parse at every output
            buffer = io.BytesIO()
            font.save(buffer)
            bases[face.path] = buffer.getvalue()
        prototypes = {key: font for key, font in pdf.fonts.items() if isinstance(font, TTFFont)}
        for prototype in prototypes.values():
            # Glyph names as the embedded copy will have them (made up from the cmap).
            prototype.ttfont = _embeddable(bases[Path(prototype.ttffile)])
            prototype.cmap = prototype.ttfont.getBestCmap()
        glyphs = {}
        for key, prototype in prototypes.items():
            names = prototype.ttfont.getGlyphOrder()
            metrics = prototype.ttfont["hmtx"].metrics
            glyphs[key] = (names, [round(prototype.scale * metrics[n][0]) for n in names])
        _fonts = _FontStore(prototypes, bases, glyphs)
    return _fonts


class _Font(TTFFont):
    """A font of one document: fpdf2's TTFFont sharing the parsed tables of a prototype, and
    remembering HarfBuzz's output, since fpdf2 shapes each piece of a line three times."""

    __slots__ = ("glyph_names", "glyph_widths", "shaped")
    glyph_names: list[str]
    glyph_widths: list[int]
    shaped: dict[tuple[object, ...], tuple[Sequence[Any], Sequence[Any]]]

    def perform_harfbuzz_shaping(
        self, text: str, font_size_pt: float, text_shaping_params: dict[str, Any] | None
    ) -> tuple[Sequence[Any], Sequence[Any]]:
        params = text_shaping_params or {}
        key = (
            text,
            font_size_pt,
            params.get("fragment_direction"),
            params.get("script"),
            params.get("language"),
        )
        hit = self.shaped.get(key)
        if hit is None:
            infos, positions = super().perform_harfbuzz_shaping(
                text, font_size_pt, text_shaping_params
            )
            hit = (infos, positions)
            self.shaped[key] = hit
        return hit

    def shape_text(
        self, text: str, font_size_pt: float, text_shaping_params: dict[str, Any] | None
    ) -> Sequence[dict[str, Any]]:
        """fpdf2's ``TTFFont.shape_text`` (2.8.9) with the glyph names and widths looked up in
        lists made once per process instead of through fontTools for every glyph."""
        if not text:
            return []
        infos, positions = self.perform_harfbuzz_shaping(text, font_size_pt, text_shaping_params)
        clusters = sorted(int(info.cluster) for info in infos)
        cluster_mapping: dict[int, list[int]] = {}
        for index in range(len(text)):
            at = bisect_left(clusters, index)
            if at == 0:
                cluster = clusters[0]
            elif at == len(clusters) or clusters[at] != index:
                cluster = clusters[at - 1]
            else:
                cluster = clusters[at]
            cluster_mapping.setdefault(cluster, []).append(index)
        names, widths, subset = self.glyph_names, self.glyph_widths, self.subset
        out = []
        for info, position in zip(infos, positions, strict=True):
            unicode: list[int] = []
            indices = cluster_mapping.pop(info.cluster, None)
            if indices is not None:
                unicode = [ord(text[i]) for i in indices]
            gid = info.codepoint
            width = widths[gid]
            glyph = subset.get_glyph(
                glyph=gid, unicode=tuple(unicode), glyph_name=names[gid], glyph_width=width
            )
            if glyph is None:
                continue
            out.append(
                {
                    "mapped_char": subset.pick_glyph(glyph),
                    "x_advance": position.x_advance,
                    "y_advance": position.y_advance,
                    "x_offset": position.x_offset,
                    "y_offset": position.y_offset,
                    "force_positioning": width != position.x_advance
                    or position.x_offset != 0
                    or position.y_offset != 0
                    or position.y_advance != 0,
                }
            )
        return out


def _install_fonts(pdf: FPDF) -> None:
    """Give ``pdf`` clones of the parsed fonts: shared tables and shaper, own glyph subset."""
    store = _font_store()
    for number, (key, prototype) in enumerate(store.prototypes.items(), start=1):
        clone = _Font.__new__(_Font)
        for slot in TTFFont.__slots__:
            with contextlib.suppress(AttributeError):
                setattr(clone, slot, getattr(prototype, slot))
        clone.i = number
        clone.subset = SubsetMap(clone)
        clone.missing_glyphs = []
        clone.biggest_size_pt = 0
        clone.shaped = {}
        clone.glyph_names, clone.glyph_widths = store.glyphs[key]
        pdf.fonts[key] = clone


def _fresh_fonts_for_output(pdf: FPDF) -> None:
    """fpdf2 subsets ``font.ttfont`` in place at output: give each clone its own copy."""
    bases = _font_store().embed_base
    for font in pdf.fonts.values():
        if isinstance(font, TTFFont):
            font.ttfont = _embeddable(bases[Path(font.ttffile)])


def _embeddable(data: bytes) -> ttLib.TTFont:
    return ttLib.TTFont(io.BytesIO(data), recalcTimestamp=False, recalcBBoxes=False, lazy=True)


def clear_caches() -> None:
    """Forget measured word widths (the bench uses it to time a first export honestly)."""
    with _lock:
        _width_cache.clear()


_width_cache: dict[tuple[str, str, float, str], float] = {}


# --- layout ---------------------------------------------------------------------------------


_ISOLATE_MARKS = frozenset("\u2066\u2067\u2068\u2069")
_ONE_RUN_LTR = frozenset({"L", "EN", "WS", "ON", "CS", "ES", "ET", "BN", "S", "NSM"})
_ONE_RUN_RTL = frozenset({"R", "AL", "WS", "ON", "CS", "ES", "ET", "BN", "S", "NSM"})


class _PDF(FPDF):
    """FPDF that skips the Unicode bidi algorithm for a line that is one run in its paragraph
    direction (all right-to-left letters and neutrals, or all left-to-right ones): fpdf2's
    algorithm gives that same single run, slowly (checked against it on every line of the
    real summary in every language: tests/summary/test_summary.py). Drops the isolate marks
    from the text layer once the bidi algorithm has used them."""

    def _preload_bidirectional_text(self, text: str, markdown: bool) -> Sequence[Fragment]:
        shaping = self.text_shaping
        if shaping and not markdown and shaping["direction"] is not None:
            direction = shaping["direction"]
            allowed = _ONE_RUN_RTL if direction is TextDirection.RTL else _ONE_RUN_LTR
            if all(bidirectional(ch) in allowed for ch in text):
                shaping["paragraph_direction"] = direction
                shaping["fragment_direction"] = direction
                return tuple(self._preload_font_styles(text, markdown))
        fragments = super()._preload_bidirectional_text(text, markdown)
        # The isolate marks have done their work (ordering); they are not part of the words a
        # reader copies or searches for, so they stay out of the text layer.
        kept = []
        for fragment in fragments:
            if any(ch in _ISOLATE_MARKS for ch in fragment.characters):
                fragment.characters = [c for c in fragment.characters if c not in _ISOLATE_MARKS]
            if fragment.characters:
                kept.append(fragment)
        return tuple(kept)


class _Layout:
    """One document being laid out: an FPDF, the current direction and the block renderers."""

    def __init__(self, *, rtl: bool) -> None:
        self.doc_rtl = rtl
        pdf = _PDF(orientation="portrait", unit="mm", format="A4")
        # Never substitute "{nb}" inside a person's text (None is documented, typed as str).
        pdf.alias_nb_pages(None)  # type: ignore[arg-type]
        pdf.set_margins(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE)
        pdf.set_auto_page_break(False)
        pdf.c_margin = 0
        _install_fonts(pdf)
        self.pdf = pdf
        self.rtl: bool | None = None
        self.main = self.fallback = ""
        self._direction(rtl)
        pdf.add_page()
        self.bottom = pdf.h - MARGIN_BOTTOM
        self.font = ("", "", 0.0)

    # --- direction, fonts, measuring -------------------------------------------------------

    def _direction(self, rtl: bool) -> None:
        if rtl == self.rtl:
            return
        self.rtl = rtl
        self.main, self.fallback = families(rtl=rtl)
        self.pdf.set_fallback_fonts([self.fallback], exact_match=False)
        self.pdf.set_text_shaping(True, direction="rtl" if rtl else "ltr")

    @property
    def start(self) -> Align:
        return Align.R if self.rtl else Align.L

    @property
    def end(self) -> Align:
        return Align.L if self.rtl else Align.R

    def _set_font(self, style: str, size: float, family: str | None = None) -> None:
        wanted = (family or self.main, style, size)
        if wanted != self.font:
            self.pdf.set_font(*wanted)
            self.font = wanted

    def _width(self, text: str) -> float:
        """The width of ``text`` (no line break in it) in the current font, in mm."""
        family, style, size = self.font
        key = (family, style, size, text)
        cached = _width_cache.get(key)
        if cached is not None:
            return cached
        fonts = self.pdf.fonts
        main = fonts[(family.lower() + style)]
        fallback = fonts[(self.fallback.lower() + style)] if family == self.main else main
        assert isinstance(main, TTFFont) and isinstance(fallback, TTFFont)
        width = 0.0
        for font, run in _runs(text, main, fallback):
            width += font.get_text_width(run, size, {"features": {}})[1]
        width /= self.pdf.k
        if len(_width_cache) > 50_000:
            _width_cache.clear()
        _width_cache[key] = width
        return width

    def _wrap(self, text: str, width: float) -> list[str]:
        """``text`` broken into lines no wider than ``width`` (current font), in logical order."""
        limit = width - SLACK
        space = self._width(" ")
        lines: list[str] = []
        for paragraph in clean_text(text).split("\n"):
            line: list[str] = []
            used = 0.0
            for word in paragraph.split(" "):
                if not word:
                    continue
                w = self._width(word)
                if line and used + space + w <= limit:
                    line.append(word)
                    used += space + w
                    continue
                if line:
                    lines.append(" ".join(line))
                if w <= limit:
                    line, used = [word], w
                    continue
                pieces = self._break_word(word, limit)
                lines.extend(pieces[:-1])
                line, used = [pieces[-1]], self._width(pieces[-1])
            lines.append(" ".join(line))
        return _close_isolates(lines)

    def _break_word(self, word: str, limit: float) -> list[str]:
        """A word wider than a line (a URL, a hostile name): cut after / - . ? & = _ if it
        can, else between characters."""
        pieces: list[str] = []
        rest = word
        while rest and self._width(rest) > limit:
            cut, best = 0, 0
            total = 0.0
            for index, ch in enumerate(rest, start=1):
                total += self._width(ch)
                if total > limit * 0.97:
                    break
                cut = index
                if ch in "/-.?&=_,;":
                    best = index
            take = best if best > cut // 2 else max(cut, 1)
            pieces.append(rest[:take])
            rest = rest[take:]
        pieces.append(rest)
        return pieces

    # --- drawing ---------------------------------------------------------------------------

    def _new_page(self) -> None:
        self.pdf.add_page()
        self.pdf.set_y(self.pdf.t_margin)

    def _room_for(self, height: float) -> None:
        if self.pdf.get_y() + height > self.bottom and self.pdf.get_y() > self.pdf.t_margin + 1:
            self._new_page()

    def _line(self, x: float, y: float, width: float, height: float, text: str) -> None:
        """One line of text in a box, aligned to the start side; a trailing space keeps a word
        boundary between boxes on the same baseline for text extraction."""
        if not text:
            return
        self.pdf.set_xy(x, y)
        self.pdf.cell(width, height, text + " ", align=self.start)

    def _lines_flow(self, lines: Sequence[str], x: float, width: float, height: float) -> None:
        """Lines down the page from the current y, breaking pages as needed."""
        for text in lines:
            self._room_for(height)
            y = self.pdf.get_y()
            self._line(x, y, width, height, text)
            self.pdf.set_y(y + height)

    def block(self, block: Block) -> None:
        self._direction(self.doc_rtl if block.rtl is None else block.rtl)
        if isinstance(block, Heading):
            self.heading(block)
        elif isinstance(block, Paragraph):
            self.paragraph(block)
        elif isinstance(block, BulletList):
            self.bullets(block)
        elif isinstance(block, KeyValueRows):
            self.key_values(block)
        else:
            self.table(block)

    def heading(self, block: Heading) -> None:
        pdf = self.pdf
        size = HEADING_PT[block.level]
        height = size * 0.5
        if pdf.get_y() > pdf.t_margin + 1:
            pdf.set_y(pdf.get_y() + (3.0 if block.level < 3 else 1.5))
        self._set_font("B", size)
        lines = self._wrap(block.text, pdf.epw)
        self._room_for(height * len(lines) + 3 * BODY_LINE)  # keep it with what follows
        self._lines_flow(lines, pdf.l_margin, pdf.epw, height)
        if block.level == 1:
            pdf.set_draw_color(*RULE)
            y = pdf.get_y() + 0.8
            pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
            pdf.set_y(y + 2)
        else:
            pdf.set_y(pdf.get_y() + 1.0)

    def paragraph(self, block: Paragraph) -> None:
        pdf = self.pdf
        if block.style in ("warn", "notice"):
            self._warning(block.text, small=block.style == "notice")
            return
        note = block.style == "note"
        self._set_font("B" if block.bold else "", NOTE_PT if note else BODY_PT)
        if note:
            pdf.set_text_color(*MUTED)
        height = NOTE_LINE if note else BODY_LINE
        self._lines_flow(self._wrap(block.text, pdf.epw), pdf.l_margin, pdf.epw, height)
        pdf.set_text_color(*BLACK)
        pdf.set_y(pdf.get_y() + (0.4 if block.bold else 1.2))  # bold: a run-in title

    def _warning(self, text: str, small: bool = False) -> None:
        """A boxed paragraph with a bar on the start side (split over pages when it must)."""
        pdf = self.pdf
        pad, bar = (1.6, 1.2) if small else (2.0, 1.2)
        size, line_h = (NOTE_PT, NOTE_LINE) if small else (BODY_PT, BODY_LINE)
        self._set_font("", size)
        lines = self._wrap(text, pdf.epw - 2 * pad - bar)
        x_text = pdf.l_margin + pad if self.rtl else pdf.l_margin + bar + pad
        bar_x = pdf.w - pdf.r_margin - bar if self.rtl else pdf.l_margin
        while lines:
            self._room_for(line_h + 2 * pad)
            top = pdf.get_y()
            fits = max(1, int((self.bottom - top - 2 * pad) // line_h))
            chunk, lines = lines[:fits], lines[fits:]
            height = len(chunk) * line_h + 2 * pad
            pdf.set_fill_color(*WARN_FILL)
            pdf.rect(pdf.l_margin, top, pdf.epw, height, style="F")
            pdf.set_fill_color(*WARN_BAR)
            pdf.rect(bar_x, top, bar, height, style="F")
            for number, line in enumerate(chunk):
                self._line(x_text, top + pad + number * line_h, pdf.epw - 2 * pad - bar,
                           line_h, line)  # fmt: skip
            pdf.set_y(top + height)
            if lines:
                self._new_page()
        pdf.set_y(pdf.get_y() + 2.0)

    def bullets(self, block: BulletList) -> None:
        pdf = self.pdf
        indent = BULLET_INDENT if block.markers is None else NUMBER_INDENT
        width = pdf.epw - indent
        text_x = pdf.l_margin if self.rtl else pdf.l_margin + indent
        bullet_x = pdf.w - pdf.r_margin - indent if self.rtl else pdf.l_margin
        size, line_h = (NOTE_PT, NOTE_LINE) if block.small else (BODY_PT, BODY_LINE)
        for index, item in enumerate(block.items):
            self._set_font("", size)
            lines = self._wrap(item, width)
            self._room_for(line_h)
            y = pdf.get_y()
            pdf.set_xy(bullet_x, y)
            if block.markers is None:
                self._set_font("", size, LATIN_FAMILY)
                pdf.cell(indent, line_h, "•", align=Align.C)
                self._set_font("", size)
            else:
                pdf.cell(indent, line_h, block.markers[index], align=self.start)
            self._lines_flow(lines, text_x, width, line_h)
            pdf.set_y(pdf.get_y() + (0.3 if block.small else 0.6))
        pdf.set_y(pdf.get_y() + 1.2)

    def key_values(self, block: KeyValueRows) -> None:
        self._grid(None, [[k, v] for k, v in block.rows], [KEY_SHARE, 1 - KEY_SHARE], False)

    def table(self, block: Table) -> None:
        widths = block.col_widths or [1.0] * len(block.header)
        self._grid(block.header, block.rows, widths, True)

    def _grid(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        shares: Sequence[float],
        borders: bool,
    ) -> None:
        """Rows of cells (reading order; mirrored for right-to-left). A bordered table repeats
        its heading row on each page; a row taller than a page continues on the next."""
        pdf = self.pdf
        total = sum(shares)
        widths = [pdf.epw * share / total for share in shares]
        xs: list[float] = []
        x = pdf.w - pdf.r_margin if self.rtl else pdf.l_margin
        for w in widths:
            if self.rtl:
                x -= w
                xs.append(x)
            else:
                xs.append(x)
                x += w
        pad = CELL_PAD if borders else 0.8
        size, line_h = (TABLE_PT, TABLE_LINE) if borders else (BODY_PT, BODY_LINE)

        def wrap_row(cells: Sequence[str], bold: Callable[[int], bool]) -> list[list[str]]:
            out = []
            for index, (text, w) in enumerate(zip(cells, widths, strict=True)):
                self._set_font("B" if bold(index) else "", size)
                out.append(self._wrap(text, w - 2 * pad))
            return out

        head = wrap_row(header, lambda _: True) if header is not None else None
        head_h = (max(len(c) for c in head) * line_h + 2 * pad) if head else 0.0

        def draw(cells: list[list[str]], bold: Callable[[int], bool], fill: bool) -> None:
            y = pdf.get_y()
            height = max(len(c) for c in cells) * line_h + 2 * pad
            if fill:
                pdf.set_fill_color(*HEADER_FILL)
                pdf.rect(xs[0] if not self.rtl else xs[-1], y, pdf.epw, height, style="F")
            for index, lines in enumerate(cells):
                self._set_font("B" if bold(index) else "", size)
                for number, text in enumerate(lines):
                    self._line(xs[index] + pad, y + pad + number * line_h, widths[index] - 2 * pad,
                               line_h, text)  # fmt: skip
            if borders:
                pdf.set_draw_color(*RULE)
                for index in range(len(cells)):
                    pdf.rect(xs[index], y, widths[index], height)
            pdf.set_y(y + height)

        def heading_row() -> None:
            if head is not None:
                draw(head, lambda _: True, True)

        self._room_for(head_h + line_h + 2 * pad)
        heading_row()
        key_bold: Callable[[int], bool] = (lambda i: i == 0) if not borders else (lambda _: False)
        for cells in rows:
            wrapped = wrap_row(cells, key_bold)
            while wrapped:
                room = int((self.bottom - pdf.get_y() - 2 * pad) // line_h)
                need = max(len(c) for c in wrapped)
                if need > room:
                    fresh_room = int((self.bottom - pdf.t_margin - head_h - 2 * pad) // line_h)
                    if need <= fresh_room or room < 2:
                        self._new_page()
                        heading_row()
                        continue
                    part = [c[:room] for c in wrapped]
                    wrapped = [c[room:] for c in wrapped]
                    draw(part, key_bold, False)
                    self._new_page()
                    heading_row()
                    continue
                draw(wrapped, key_bold, False)
                wrapped = []
        pdf.set_y(pdf.get_y() + 2.0)

    # --- header and footer, drawn once the page count is known ---------------------------

    def decorate_page(
        self,
        page: int,
        total: int,
        header: Sequence[PageLine],
        footer: Sequence[tuple[PageLine, PageLabel | None]],
    ) -> None:
        pdf = self.pdf
        pdf.page = page
        # Back on an earlier page: its content stream must select the font again.
        pdf.current_font_is_set_on_page = False
        self.font = ("", "", 0.0)
        pdf.set_text_color(*MUTED)
        pdf.set_draw_color(*RULE)
        y = 6.0
        for line in header:
            self._page_line(line, line.end, y)
            y += PAGE_LINE
        if header:
            pdf.line(pdf.l_margin, y + 0.8, pdf.w - pdf.r_margin, y + 0.8)
        y = pdf.h - MARGIN_BOTTOM + 5.0
        pdf.line(pdf.l_margin, y - 1.2, pdf.w - pdf.r_margin, y - 1.2)
        for line, label in footer:
            if label is not None:
                end = label(page, total)
            elif line.page_label:
                rtl = self.doc_rtl if line.rtl is None else line.rtl
                show = _persian if rtl else str
                end = line.end % {"page": show(str(page)), "pages": show(str(total))}
            else:
                end = line.end
            self._page_line(line, end, y)
            y += PAGE_LINE
        pdf.set_text_color(*BLACK)

    def _page_line(self, line: PageLine, end: str, y: float) -> None:
        pdf = self.pdf
        self._direction(self.doc_rtl if line.rtl is None else line.rtl)
        self._set_font("", PAGE_PT)
        end_text = clean_text(end)
        end_w = min(self._width(end_text) + 1.0, pdf.epw * 0.45) if end_text else 0.0
        text_w = pdf.epw - end_w - (2.0 if end_w else 0.0)
        text = " ".join(clean_text(line.text).split())
        # The notice is never cut: a longer translation is set smaller until it fits.
        size = PAGE_PT
        while text and self._width(text) > text_w - SLACK and size > 3.0:
            size -= 0.25
            self._set_font("", size)
        text_x = pdf.l_margin + pdf.epw - text_w if self.rtl else pdf.l_margin
        self._line(text_x, y, text_w, PAGE_LINE, text)
        self._set_font("", PAGE_PT)
        if end_text:
            end_x = pdf.l_margin if self.rtl else pdf.w - pdf.r_margin - end_w
            pdf.set_xy(end_x, y)
            pdf.cell(end_w, PAGE_LINE, end_text, align=self.end)


_OPENERS = "\u2066\u2067\u2068"  # LRI RLI FSI
_PDI = "\u2069"


def _close_isolates(lines: list[str]) -> list[str]:
    """An isolate cut by a line break (a long URL) is closed at the end of the line and opened
    again on the next, so each line is laid out with the value still isolated."""
    out: list[str] = []
    carried = ""
    for line in lines:
        text = carried + line
        stack: list[str] = []
        for ch in text:
            if ch in _OPENERS:
                stack.append(ch)
            elif ch == _PDI and stack:
                stack.pop()
        carried = "".join(stack)
        out.append(text + _PDI * len(stack))
    return out


def _runs(text: str, main: TTFFont, fallback: TTFFont) -> Iterator[tuple[TTFFont, str]]:
    """``text`` cut where the font that has its glyphs changes (as fpdf2 draws it)."""
    current: TTFFont | None = None
    start = 0
    for index, ch in enumerate(text):
        code = ord(ch)
        if code in main.cmap:
            font = main
        elif code in fallback.cmap:
            font = fallback
        elif unicodedata.category(ch) == "Cf":
            continue  # isolates and marks with no glyph: not drawn, no width
        else:
            font = main
        if font is not current:
            if current is not None and index > start:
                yield current, text[start:index]
            current, start = font, index
    if current is not None:
        yield current, text[start:]


def _write_atomically(out_path: Path, data: bytes) -> None:
    """Write the whole PDF or nothing, as one line a person can act on when it fails."""
    try:
        write_atomically(out_path, data, suffix=".pdf.tmp")
    except OSError as exc:
        raise SummaryError(f"cannot write the PDF to {out_path}: {exc.strerror}") from exc
