"""Measure two PDF engines for the Masir summary on the same Dari, Pashto and English content.

    QT_QPA_PLATFORM=offscreen python bench/bench_pdf_engines.py [--out DIR] [--runs 5]

Engines:
  qt    jinja2 HTML -> QTextDocument -> QPdfWriter, painted page by page with a footer
  fpdf2 fpdf2 + uharfbuzz shaping, pdf.table(), footer via FPDF.footer()

Prints, per engine and language: the share of Dari/Pashto words (and Persian numbers) that
pypdf's extract_text() gives back verbatim, page count, and render time of the Dari document
(median of N in-process runs after a warm-up). PDFs are kept in --out to look at with pdftoppm.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from functools import partial
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent

import jinja2  # noqa: E402
from pypdf import PdfReader  # noqa: E402

from bench.sample_content import ALL, SampleDoc  # noqa: E402
from summary.document import (  # noqa: E402
    Block,
    BulletList,
    Heading,
    KeyValueRows,
    Paragraph,
    SummaryDocument,
    Table,
)
from summary.pdf_engine import write_pdf  # noqa: E402

FONT_DIR = ROOT / "i18n" / "fonts"

# --- the metric ---------------------------------------------------------------------------------


def _is_arabic_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and "ARABIC" in unicodedata.name(ch, "")


def _strip_punct(token: str) -> str:
    def edge(ch: str) -> bool:
        return unicodedata.category(ch)[0] in "PSZC" and ch != "\u200c"

    start, end = 0, len(token)
    while start < end and (edge(token[start]) or token[start] == "\u200c"):
        start += 1
    while end > start and (edge(token[end - 1]) or token[end - 1] == "\u200c"):
        end -= 1
    return token[start:end]


def tokens(text: str) -> list[str]:
    """Whitespace-separated words, NFC, punctuation trimmed at both ends (ZWNJ kept inside)."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for raw in text.split():
        tok = _strip_punct(raw)
        if tok:
            out.append(tok)
    return out


def arabic_words(text: str) -> list[str]:
    return [t for t in tokens(text) if any(_is_arabic_letter(c) for c in t)]


def persian_numbers(text: str) -> list[str]:
    return [
        t
        for t in tokens(text)
        if any("\u06f0" <= c <= "\u06f9" for c in t) and not any(_is_arabic_letter(c) for c in t)
    ]


def exact_share(source_words: list[str], extracted: str) -> tuple[int, int]:
    """How many source words (with repeats) occur as whole words in the extracted text."""
    found = Counter(tokens(extracted))
    hits = sum(1 for w in source_words if found[w] > 0)
    return hits, len(source_words)


def extract(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def extract_poppler(path: Path) -> str | None:
    """pdftotext's text (poppler applies the bidi algorithm), or None without poppler-utils."""
    if shutil.which("pdftotext") is None:
        return None
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    text = done.stdout.decode("utf-8")
    return "".join(ch for ch in text if ch not in "\u202a\u202b\u202c")  # its bidi marks


# --- engine (a): Qt ------------------------------------------------------------------------------

QT_TEMPLATE = """\
<html><body dir="{{ 'rtl' if doc.rtl else 'ltr' }}">
<h1 align="{{ align }}">{{ doc.title }}</h1>
<table dir="{{ dir }}" align="{{ align }}" cellspacing="0" cellpadding="2">
{% for k, v in doc.meta %}<tr>{% if doc.rtl %}<td>{{ v }}</td><td><b>{{ k }}</b></td>
{% else %}<td><b>{{ k }}</b></td><td>{{ v }}</td>{% endif %}</tr>{% endfor %}
</table>
{% for p in doc.intro %}<p dir="{{ dir }}" align="{{ align }}">{{ p }}</p>{% endfor %}
<h2 align="{{ align }}">{{ doc.table_heading }}</h2>
<table dir="{{ dir }}" width="100%" border="1" cellspacing="0" cellpadding="3"
       style="border-collapse: collapse; border-color: #888">
<thead><tr>{% for h in cols(doc.table_header) %}
<th bgcolor="#e8e8e8" align="{{ align }}">{{ h }}</th>{% endfor %}</tr></thead>
{% for row in doc.table_rows %}<tr>{% for c in cols(row) %}
<td align="{{ align }}">{{ c }}</td>{% endfor %}</tr>
{% endfor %}</table>
{% for s in doc.sections %}
<h2 align="{{ align }}">{{ s.heading }}</h2>
{% for p in s.paragraphs %}<p dir="{{ dir }}" align="{{ align }}">{{ p }}</p>{% endfor %}
<ul dir="{{ dir }}">{% for b in s.bullets %}<li dir="{{ dir }}" align="{{ align }}">{{ b }}</li>
{% endfor %}</ul>
{% endfor %}
</body></html>
"""


def qt_html(doc: SampleDoc) -> str:
    env = jinja2.Environment(autoescape=True)
    tmpl = env.from_string(QT_TEMPLATE)

    def cols(row: tuple[str, ...]) -> list[str]:
        # QTextDocument does not mirror <table dir="rtl">: reverse the columns ourselves.
        return list(reversed(row)) if doc.rtl else list(row)

    return tmpl.render(
        doc=doc, cols=cols, dir="rtl" if doc.rtl else "ltr", align="right" if doc.rtl else "left"
    )


_qt_ready = False


def _qt_setup() -> None:
    global _qt_ready
    if _qt_ready:
        return
    from PySide6.QtGui import QFontDatabase, QGuiApplication

    if QGuiApplication.instance() is None:
        QGuiApplication([])
    for f in sorted(FONT_DIR.glob("*.ttf")):
        assert QFontDatabase.addApplicationFont(str(f)) >= 0, f
    _qt_ready = True


def render_qt(doc: SampleDoc, out: Path) -> int:
    from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
    from PySide6.QtGui import (
        QFont,
        QPageLayout,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextDocument,
        QTextOption,
    )

    _qt_setup()
    html = qt_html(doc)
    writer = QPdfWriter(str(out))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(18, 15, 18, 15), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    font = QFont()
    font.setFamilies(
        ["Noto Sans Arabic", "Noto Sans"] if doc.rtl else ["Noto Sans", "Noto Sans Arabic"]
    )
    font.setPointSizeF(10)
    tdoc = QTextDocument()
    tdoc.setDefaultFont(font)
    tdoc.documentLayout().setPaintDevice(writer)  # lay out at the writer's resolution
    opt = QTextOption()
    direction = Qt.LayoutDirection.RightToLeft if doc.rtl else Qt.LayoutDirection.LeftToRight
    opt.setTextDirection(direction)
    tdoc.setDefaultTextOption(opt)
    tdoc.setHtml(html)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    footer_h = 300 * 12 / 25.4  # 12 mm
    body_h = page.height() - footer_h
    tdoc.setPageSize(QSizeF(page.width(), body_h))
    n = tdoc.pageCount()
    painter = QPainter(writer)
    ffont = QFont(font)
    ffont.setPointSizeF(8)
    for i in range(n):
        if i:
            writer.newPage()
        painter.save()
        painter.translate(0, -i * body_h)
        tdoc.drawContents(painter, QRectF(0, i * body_h, page.width(), body_h))
        painter.restore()
        painter.setFont(ffont)
        fopt = QTextOption(
            (Qt.AlignmentFlag.AlignRight if doc.rtl else Qt.AlignmentFlag.AlignLeft)
            | Qt.AlignmentFlag.AlignVCenter
        )
        fopt.setTextDirection(opt.textDirection())
        num = f"{i + 1} / {n}"
        if doc.rtl:
            num = num.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
        footer_box = QRectF(0, body_h, page.width(), footer_h)
        painter.drawText(footer_box, doc.footer_notice + "   " + num, fopt)
    painter.end()
    return n


# --- engine (b): fpdf2 + uharfbuzz -------------------------------------------------------------


def to_summary_document(doc: SampleDoc) -> SummaryDocument:
    blocks: list[Block] = [KeyValueRows(rows=doc.meta)]
    blocks += [Paragraph(text=p) for p in doc.intro]
    blocks.append(Heading(text=doc.table_heading, level=2))
    blocks.append(
        Table(
            header=list(doc.table_header),
            rows=[list(r) for r in doc.table_rows],
            col_widths=[2.2, 1.0, 1.1],
        )
    )
    for s in doc.sections:
        blocks.append(Heading(text=s.heading, level=2))
        blocks += [Paragraph(text=p) for p in s.paragraphs]
        blocks.append(BulletList(items=s.bullets))
    return SummaryDocument(title=doc.title, lang=doc.lang.replace("_", "-"), blocks=blocks)


def render_fpdf2(doc: SampleDoc, out: Path) -> int:
    """The shipped writer (summary.pdf_engine), fpdf2 + uharfbuzz."""
    return write_pdf(
        to_summary_document(doc),
        out,
        rtl=doc.rtl,
        footer=doc.footer_notice,
        use_persian_digits=doc.rtl,
    )


ENGINES: dict[str, Callable[[SampleDoc, Path], int]] = {"qt": render_qt, "fpdf2": render_fpdf2}


def time_ms(fn: Callable[[], object], runs: int) -> float:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t0) * 1000)
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=ROOT / "out" / "bench")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    print("Exact Dari/Pashto words (pypdf extract_text, NFC, no NFKC); Persian numbers;")
    print("and, for comparison, words exact in poppler's pdftotext.")
    head = f"{'engine':7} {'lang':6} {'pages':>5} {'pypdf words':>17}"
    print(f"{head} {'numbers':>8} {'pdftotext':>10}")
    timings = {}
    for name, render in ENGINES.items():
        for lang, make in ALL.items():
            doc = make()
            path = args.out / f"{name}-{lang}.pdf"
            pages = render(doc, path)
            text = extract(path)
            src = doc.all_text()
            hits, total = exact_share(arabic_words(src), text)
            nh, nt = exact_share(persian_numbers(src), text)
            share = f"{hits}/{total} {100 * hits / total:5.1f}%"
            nshare = f"{100 * nh / nt:5.1f}%" if nt else "-"
            ptext = extract_poppler(path)
            pshare = "-"
            if ptext is not None:
                ph, pt = exact_share(arabic_words(src), ptext)
                pshare = f"{100 * ph / pt:5.1f}%"
            print(f"{name:7} {lang:6} {pages:5} {share:>17} {nshare:>8} {pshare:>10}")
        dari = ALL["fa_AF"]()
        tpath = args.out / f"{name}-timing.pdf"
        timings[name] = time_ms(partial(render, dari, tpath), args.runs)
    print()
    for name, ms in timings.items():
        print(f"{name:7} render Dari document: median {ms:7.1f} ms of {args.runs} runs")


if __name__ == "__main__":
    main()
