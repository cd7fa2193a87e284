"""The summary document as structured data: what to show, not how to lay it out.

Code that builds a summary (from a Screening, with translated strings) makes a
``SummaryDocument`` of blocks; ``summary.pdf_engine.write_pdf`` lays it out. Texts are plain
text: nothing in them is parsed as markup or evaluated. Blocks and table columns are in
reading order; the renderer mirrors them for right-to-left languages, so one builder
serves every language.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Block(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    # None: the document's direction. A bilingual summary sets it per block, so an English
    # section of a Pashto document runs left to right.
    rtl: bool | None = None


class Heading(_Block):
    kind: Literal["heading"] = "heading"
    text: str
    level: Literal[1, 2, 3] = 1


class Paragraph(_Block):
    kind: Literal["paragraph"] = "paragraph"
    text: str
    bold: bool = False
    # note: smaller, grey; warn: boxed; notice: boxed, smaller
    style: Literal["body", "note", "warn", "notice"] = "body"


class BulletList(_Block):
    kind: Literal["bullets"] = "bullets"
    items: list[str]
    small: bool = False  # in the size of notes
    markers: list[str] | None = None
    """Each item's own marker ("1.", in the document's digits) instead of a bullet: for
    lists whose order or numbers matter (steps; documents other parts refer to)."""

    @model_validator(mode="after")
    def _one_marker_an_item(self) -> BulletList:
        if self.markers is not None and len(self.markers) != len(self.items):
            raise ValueError(f"{len(self.markers)} markers for {len(self.items)} items")
        return self


class KeyValueRows(_Block):
    """Label / value lines, e.g. "Date of screening: …", without borders."""

    kind: Literal["key_values"] = "key_values"
    rows: list[tuple[str, str]]


class Table(_Block):
    """A table with one heading row (repeated on each page) and columns in reading order."""

    kind: Literal["table"] = "table"
    header: list[str] = Field(min_length=1)
    rows: list[list[str]]
    col_widths: list[float] | None = None  # relative widths, reading order

    @model_validator(mode="after")
    def _same_width(self) -> Table:
        n = len(self.header)
        for i, row in enumerate(self.rows, start=1):
            if len(row) != n:
                raise ValueError(f"table row {i} has {len(row)} cells, the header has {n}")
        if self.col_widths is not None and (
            len(self.col_widths) != n or any(w <= 0 for w in self.col_widths)
        ):
            raise ValueError(f"col_widths needs {n} positive numbers")
        return self


Block = Annotated[
    Heading | Paragraph | BulletList | KeyValueRows | Table, Field(discriminator="kind")
]


class PageLine(BaseModel):
    """A line of the header or footer on every page: a text at the start, another at the end.

    With ``page_label``, ``end`` is one of our own translated strings holding ``%(page)s`` and
    ``%(pages)s``; they are filled in (in Persian digits on a right-to-left line) once the page
    count is known. A person's text never goes into ``end``.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str = ""
    end: str = ""
    rtl: bool | None = None
    page_label: bool = False


class SummaryDocument(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    title: str
    lang: str = Field(description="BCP 47 tag for the PDF's /Lang, e.g. 'fa-AF', 'ps', 'en'")
    blocks: list[Block] = Field(default_factory=list)
    show_title: bool = Field(
        default=True, description="draw the title as the first heading (off when a block has it)"
    )
    header: list[PageLine] = Field(default_factory=list)
    footer: list[PageLine] = Field(default_factory=list)
