"""Lay out a ``SummaryDocument`` as an A4 PDF with fpdf2 and HarfBuzz shaping.

Why fpdf2 and not Qt: its text layer gives back the exact words in logical order (see
summary/ENGINE.md for the measurement). Right-to-left documents are laid out right to left:
paragraphs and lists are right-aligned with a right-to-left base direction, and table
columns are mirrored. Every page gets the footer notice and "page / pages"; an optional
header line goes on top. Nothing in the texts is interpreted: no markdown, no HTML, and
fpdf2's "{nb}" page-count alias is switched off.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from fpdf import FPDF
from fpdf.enums import Align, TableBordersLayout, XPos, YPos
from fpdf.fonts import FontFace

from summary.bidi_text import clean_text, persian_digits
from summary.document import (
    Block,
    BulletList,
    Heading,
    KeyValueRows,
    Paragraph,
    SummaryDocument,
    Table,
)
from summary.errors import SummaryError
from summary.fonts import LATIN_FAMILY, families, font_faces

# Layout, in millimetres and points.
MARGIN_SIDE: Final = 18.0
MARGIN_TOP: Final = 16.0
MARGIN_BOTTOM: Final = 20.0  # room for the footer
BODY_PT: Final = 10.0
BODY_LINE: Final = 5.6
TABLE_PT: Final = 9.0
TABLE_LINE: Final = 5.0
FOOTER_PT: Final = 8.0
HEADING_PT: Final = {1: 17.0, 2: 13.5, 3: 11.5}
BULLET_INDENT: Final = 6.0
HEADER_FILL: Final = (232, 232, 232)
MUTED: Final = (90, 90, 90)

PageLabel = Callable[[int, int], str]


def default_page_label(page: int, total: int) -> str:
    return f"{page} / {total}"


def write_pdf(
    document: SummaryDocument,
    out_path: Path,
    *,
    rtl: bool,
    footer: str,
    header: str = "",
    use_persian_digits: bool = False,
    page_label: PageLabel = default_page_label,
) -> int:
    """Write ``document`` to ``out_path`` (atomically) and return its page count.

    rtl: Dari and Pashto; mirrors alignment, lists and table columns.
    footer: a short notice printed on every page beside "page / pages".
    header: an optional line on top of every page.
    use_persian_digits: page numbers in Persian digits (the texts are taken as given).
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
    footer: str,
    header: str = "",
    use_persian_digits: bool = False,
    page_label: PageLabel = default_page_label,
) -> tuple[bytes, int]:
    """The PDF as bytes, and its page count, without touching the disk."""
    layout = _Layout(rtl=rtl)
    layout.pdf.set_title(clean_text(document.title))
    layout.pdf.set_lang(document.lang)
    layout.pdf.set_creator("Masir")
    layout.heading(Heading(text=document.title, level=1))
    for block in document.blocks:
        layout.block(block)
    total = layout.pdf.pages_count
    for page in range(1, total + 1):
        label = page_label(page, total)
        if use_persian_digits:
            label = persian_digits(label)
        layout.decorate_page(
            page, header=clean_text(header), footer=clean_text(footer), label=label
        )
    return bytes(layout.pdf.output()), total


class _Layout:
    """One document being laid out: an FPDF with the fonts, direction and block renderers."""

    def __init__(self, *, rtl: bool) -> None:
        self.rtl = rtl
        self.main, fallback = families(rtl=rtl)
        self.start = Align.R if rtl else Align.L
        self.end = Align.L if rtl else Align.R
        pdf = FPDF(orientation="portrait", unit="mm", format="A4")
        # Never substitute "{nb}" inside a person's text (None is documented, typed as str).
        pdf.alias_nb_pages(None)  # type: ignore[arg-type]
        pdf.set_margins(MARGIN_SIDE, MARGIN_TOP, MARGIN_SIDE)
        pdf.set_auto_page_break(True, margin=MARGIN_BOTTOM)
        for face in font_faces():
            pdf.add_font(face.family, face.style, str(face.path))
        pdf.set_fallback_fonts([fallback], exact_match=False)
        pdf.set_text_shaping(True, direction="rtl" if rtl else "ltr")
        pdf.add_page()
        self.pdf = pdf

    # --- blocks ---------------------------------------------------------------------------

    def block(self, block: Block) -> None:
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

    def _text(self, text: str, line: float, *, width: float = 0) -> None:
        self.pdf.multi_cell(
            width,
            line,
            clean_text(text),
            align=self.start,
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )

    def _room_for(self, height: float) -> None:
        if self.pdf.get_y() + height > self.pdf.page_break_trigger:
            self.pdf.add_page()

    def heading(self, block: Heading) -> None:
        size = HEADING_PT[block.level]
        line = size * 0.5
        if self.pdf.get_y() > self.pdf.t_margin + 1:
            self.pdf.ln(2.5 if block.level > 1 else 0)
        self._room_for(line + 3 * BODY_LINE)  # keep a heading with what follows it
        self.pdf.set_font(self.main, "B", size)
        self._text(block.text, line)
        self.pdf.ln(1.5)

    def paragraph(self, block: Paragraph) -> None:
        self.pdf.set_font(self.main, "B" if block.bold else "", BODY_PT)
        self._text(block.text, BODY_LINE)
        self.pdf.ln(1.8)

    def bullets(self, block: BulletList) -> None:
        pdf = self.pdf
        for item in block.items:
            self._room_for(BODY_LINE)
            y = pdf.get_y()
            bullet_x = pdf.w - pdf.r_margin - BULLET_INDENT if self.rtl else pdf.l_margin
            pdf.set_font(LATIN_FAMILY, "", BODY_PT)
            pdf.set_xy(bullet_x, y)
            pdf.cell(BULLET_INDENT, BODY_LINE, "•", align=Align.C)
            pdf.set_font(self.main, "", BODY_PT)
            pdf.set_xy(pdf.l_margin if self.rtl else pdf.l_margin + BULLET_INDENT, y)
            pdf.multi_cell(
                pdf.epw - BULLET_INDENT,
                BODY_LINE,
                clean_text(item),
                align=self.start,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        pdf.ln(1.8)

    def key_values(self, block: KeyValueRows) -> None:
        self._grid(
            None,
            [[key, value] for key, value in block.rows],
            widths=[1.0, 2.6],
            borders=False,
            bold_first_column=True,
        )

    def table(self, block: Table) -> None:
        self._grid(block.header, block.rows, widths=block.col_widths, borders=True)

    def _grid(
        self,
        header: Sequence[str] | None,
        rows: Sequence[Sequence[str]],
        *,
        widths: Sequence[float] | None,
        borders: bool,
        bold_first_column: bool = False,
    ) -> None:
        if not rows and header is None:
            return

        def order(cells: Sequence[str]) -> list[str]:
            # Reading order -> page order: the first column is on the right in RTL.
            # A trailing space keeps a word boundary between cells for text extraction.
            texts = [clean_text(c) + " " for c in cells]
            return texts[::-1] if self.rtl else texts

        n = len(header) if header is not None else len(rows[0])
        col_widths = list(widths) if widths is not None else [1.0] * n
        if self.rtl:
            col_widths.reverse()
        bold = FontFace(emphasis="BOLD")
        pdf = self.pdf
        pdf.set_font(self.main, "", TABLE_PT if borders else BODY_PT)
        with pdf.table(
            col_widths=col_widths,
            width=pdf.epw,
            text_align=self.start,
            borders_layout=TableBordersLayout.ALL if borders else TableBordersLayout.NONE,
            first_row_as_headings=header is not None,
            headings_style=FontFace(emphasis="BOLD", fill_color=HEADER_FILL),
            line_height=TABLE_LINE if borders else BODY_LINE,
            padding=1.2 if borders else 0.6,
        ) as table:
            if header is not None:
                table.row(order(header))
            for cells in rows:
                row = table.row()
                texts = order(cells)
                for i, text in enumerate(texts):
                    first = (i == len(texts) - 1) if self.rtl else (i == 0)
                    row.cell(text, style=bold if bold_first_column and first else None)
        pdf.ln(3)

    # --- header and footer, drawn once the page count is known ---------------------------

    def decorate_page(self, page: int, *, header: str, footer: str, label: str) -> None:
        pdf = self.pdf
        pdf.page = page
        pdf.set_auto_page_break(False)
        pdf.set_text_color(*MUTED)
        pdf.set_font(self.main, "", FOOTER_PT)
        label_w = 22.0
        if header:
            pdf.set_xy(pdf.l_margin, 7)
            pdf.cell(pdf.epw, 5, header, align=self.start)
        y = pdf.h - MARGIN_BOTTOM + 7
        pdf.set_draw_color(180, 180, 180)
        pdf.line(pdf.l_margin, y - 1.5, pdf.w - pdf.r_margin, y - 1.5)
        notice_x = pdf.l_margin + label_w if self.rtl else pdf.l_margin
        pdf.set_xy(notice_x, y)
        pdf.cell(pdf.epw - label_w, 5, footer, align=self.start)
        label_x = pdf.l_margin if self.rtl else pdf.w - pdf.r_margin - label_w
        pdf.set_xy(label_x, y)
        pdf.cell(label_w, 5, label, align=self.end)
        pdf.set_text_color(0, 0, 0)


def _write_atomically(out_path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``out_path``, then rename it over ``out_path``."""
    folder = out_path.parent
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=".masir-", suffix=".pdf.tmp")
    except OSError as exc:
        raise SummaryError(f"cannot write the PDF in {folder}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise SummaryError(f"cannot write the PDF to {out_path}: {exc.strerror}") from exc
