"""Read the small, strict HTML subset the summary template writes into document blocks.

Allowed, and nothing else (anything else is a SummaryError, never rendered or evaluated):

    <section id=… dir="rtl|ltr" lang=…>   a part of the document in one language
    <h1> <h2> <h3>                         headings
    <p class="note|warn|notice|strong">    paragraphs (class optional; notice: small, boxed)
    <ul class="note"><li data-marker=…>    bullet lists (class optional: small; a marker such
                                           as "1." replaces the bullet, on every item or none)
    <table data-widths="3 1 1"><tr><th>/<td>   a table; a first row of <th> is its heading
    <dl><dt><dd>                           label / value rows
    <br>                                   a line break inside any of the texts above

A person's text reaches this parser escaped by jinja2 (autoescape) and comes out of it
unescaped, as plain text: it cannot open a tag. Sentences the template joins lose a doubled
mark (".;" → ".", i18n/punctuation.py). Whitespace collapses as in HTML; ZWNJ, ZWJ
and the bidi isolates are not whitespace and are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Literal

from pydantic import ValidationError

from i18n.punctuation import tidy_joins
from summary.document import Block, BulletList, Heading, KeyValueRows, Paragraph, Table
from summary.errors import SummaryError

_SPACE = re.compile(r"[ \t\n\r\f]+")
_TEXT_TAGS = frozenset({"h1", "h2", "h3", "p", "li", "th", "td", "dt", "dd"})
_PARENTS: dict[str, frozenset[str | None]] = {
    "section": frozenset({None}),
    "h1": frozenset({"section", None}),
    "h2": frozenset({"section", None}),
    "h3": frozenset({"section", None}),
    "p": frozenset({"section", None}),
    "ul": frozenset({"section", None}),
    "table": frozenset({"section", None}),
    "dl": frozenset({"section", None}),
    "li": frozenset({"ul"}),
    "tr": frozenset({"table"}),
    "th": frozenset({"tr"}),
    "td": frozenset({"tr"}),
    "dt": frozenset({"dl"}),
    "dd": frozenset({"dl"}),
    "br": _TEXT_TAGS,
}
_ATTRIBUTES: dict[str, frozenset[str]] = {
    "section": frozenset({"id", "dir", "lang"}),
    "p": frozenset({"class"}),
    "ul": frozenset({"class"}),
    "li": frozenset({"data-marker"}),
    "table": frozenset({"data-widths"}),
}
_P_CLASSES = frozenset({"note", "warn", "notice", "strong"})
_UL_CLASSES = frozenset({"note"})
_P_STYLES: dict[str, Literal["body", "note", "warn", "notice"]] = {
    "note": "note",
    "warn": "warn",
    "notice": "notice",
}


@dataclass
class Section:
    """One <section>: an id (for pairing the two languages of a bilingual summary) and blocks."""

    id: str
    rtl: bool | None
    lang: str | None
    blocks: list[Block] = field(default_factory=list)


def parse_markup(markup: str) -> list[Section]:
    """The sections of ``markup``; blocks outside any section form one section with id ''."""
    parser = _Parser()
    try:
        parser.feed(markup)
        parser.close()
    except ValidationError as error:
        raise SummaryError(f"summary template: {error.errors()[0]['msg']}") from None
    if parser.stack:
        raise SummaryError(f"summary template: <{parser.stack[-1]}> is not closed")
    return parser.sections


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = []
        self.stack: list[str] = []
        self.section: Section | None = None
        self.loose: Section | None = None  # blocks outside any <section>
        self.text: list[str] | None = None
        self.p_class: str | None = None
        self.list_items: list[str] = []
        self.list_markers: list[str] = []
        self.list_small = False
        self.rows: list[list[str]] = []
        self.row: list[str] = []
        self.header: list[str] | None = None
        self.header_row = False
        self.widths: list[float] | None = None
        self.pairs: list[tuple[str, str]] = []
        self.term: str | None = None

    # --- structure -------------------------------------------------------------------------

    def _fail(self, what: str) -> SummaryError:
        line, column = self.getpos()
        return SummaryError(f"summary template, line {line}, column {column + 1}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _PARENTS:
            raise self._fail(f"<{tag}> is not allowed")
        parent = self.stack[-1] if self.stack else None
        if parent not in _PARENTS[tag]:
            raise self._fail(f"<{tag}> cannot be inside <{parent or 'the document'}>")
        values = dict(attrs)
        unknown = set(values) - _ATTRIBUTES.get(tag, frozenset())
        if unknown:
            raise self._fail(f"<{tag}> cannot have the attribute '{sorted(unknown)[0]}'")
        if tag == "br":
            assert self.text is not None
            self.text.append("\n")
            return  # a void element: never on the stack
        self.stack.append(tag)
        if tag in _TEXT_TAGS:
            self.text = []
        if tag == "section":
            self._open_section(values)
        elif tag == "p":
            self.p_class = values.get("class")
            if self.p_class is not None and self.p_class not in _P_CLASSES:
                raise self._fail(f"<p> cannot have the class '{self.p_class}'")
        elif tag == "ul":
            self.list_items, self.list_markers = [], []
            ul_class = values.get("class")
            if ul_class is not None and ul_class not in _UL_CLASSES:
                raise self._fail(f"<ul> cannot have the class '{ul_class}'")
            self.list_small = ul_class == "note"
        elif tag == "li":
            marker = values.get("data-marker")
            if marker is not None:
                self.list_markers.append(marker)
        elif tag == "table":
            self.rows, self.header, self.widths = [], None, _widths(values.get("data-widths"))
        elif tag == "tr":
            self.row, self.header_row = [], False
        elif tag == "dl":
            self.pairs, self.term = [], None

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "br":
            raise self._fail(f"<{tag}/> is not allowed")
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":
            return
        if not self.stack or self.stack[-1] != tag:
            raise self._fail(f"</{tag}> does not close <{self.stack[-1] if self.stack else ''}>")
        self.stack.pop()
        text = self._take_text() if tag in _TEXT_TAGS else ""
        if tag in ("h1", "h2", "h3"):
            level: Literal[1, 2, 3] = 1 if tag == "h1" else 2 if tag == "h2" else 3
            self._add(Heading(text=text, level=level))
        elif tag == "p":
            style = _P_STYLES.get(self.p_class or "", "body")
            self._add(Paragraph(text=text, bold=self.p_class == "strong", style=style))
        elif tag == "li":
            self.list_items.append(text)
        elif tag == "ul":
            if self.list_markers and len(self.list_markers) != len(self.list_items):
                raise self._fail("some items of a list have a marker and some do not")
            if self.list_items:
                markers = self.list_markers or None
                self._add(BulletList(items=self.list_items, small=self.list_small, markers=markers))
        elif tag in ("th", "td"):
            if self.row and self.header_row != (tag == "th"):
                raise self._fail("a table row mixes <th> and <td>")
            self.header_row = tag == "th"
            self.row.append(text)
        elif tag == "tr":
            if self.header_row and self.header is None and not self.rows:
                self.header = self.row
            elif self.header_row:
                raise self._fail("only the first row of a table can be <th>")
            else:
                self.rows.append(self.row)
        elif tag == "table":
            self._close_table()
        elif tag == "dt":
            if self.term is not None:
                raise self._fail("<dt> without its <dd>")
            self.term = text
        elif tag == "dd":
            if self.term is None:
                raise self._fail("<dd> without a <dt>")
            self.pairs.append((self.term, text))
            self.term = None
        elif tag == "dl":
            if self.term is not None:
                raise self._fail("<dt> without its <dd>")
            if self.pairs:
                self._add(KeyValueRows(rows=self.pairs))
        elif tag == "section":
            self.section = None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)
        elif data.strip(" \t\n\r\f"):
            raise self._fail(f"text outside a paragraph: {data.strip()[:40]!r}")

    def handle_comment(self, data: str) -> None:
        raise self._fail("comments are not allowed")

    def handle_decl(self, decl: str) -> None:
        raise self._fail("declarations are not allowed")

    def handle_pi(self, data: str) -> None:
        raise self._fail("processing instructions are not allowed")

    def unknown_decl(self, data: str) -> None:
        raise self._fail("declarations are not allowed")

    # --- helpers ---------------------------------------------------------------------------

    def _open_section(self, values: dict[str, str | None]) -> None:
        direction = values.get("dir")
        if direction not in (None, "rtl", "ltr"):
            raise self._fail(f"<section dir='{direction}'>: use rtl or ltr")
        self.loose = None
        self.section = Section(
            id=values.get("id") or "",
            rtl=None if direction is None else direction == "rtl",
            lang=values.get("lang"),
        )
        self.sections.append(self.section)

    def _take_text(self) -> str:
        raw = "".join(self.text or [])
        self.text = None
        lines = (tidy_joins(_SPACE.sub(" ", line).strip(" ")) for line in raw.split("\n"))
        return "\n".join(lines).strip("\n")

    def _add(self, block: Block) -> None:
        target = self.section
        if target is None:
            if self.loose is None:
                self.loose = Section(id="", rtl=None, lang=None)
                self.sections.append(self.loose)
            target = self.loose
        if target.rtl is not None:
            block = block.model_copy(update={"rtl": target.rtl})
        target.blocks.append(block)

    def _close_table(self) -> None:
        header = self.header
        if header is None:
            if not self.rows:
                return
            raise self._fail("a table needs a heading row of <th>")
        widths = self.widths
        if widths is not None and len(widths) != len(header):
            raise self._fail(f"data-widths has {len(widths)} numbers for {len(header)} columns")
        self._add(Table(header=header, rows=self.rows, col_widths=widths))


def _widths(value: str | None) -> list[float] | None:
    if value is None:
        return None
    try:
        widths = [float(part) for part in value.split()]
    except ValueError:
        raise SummaryError(f"summary template: data-widths='{value}' is not numbers") from None
    if not widths or any(not 0 < w < 100 for w in widths):
        raise SummaryError(f"summary template: data-widths='{value}' needs positive numbers")
    return widths
