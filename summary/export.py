"""The one way to make a summary PDF: the command line (`screen --pdf`) and the window call it."""

from __future__ import annotations

from pathlib import Path

from i18n.runtime import text_direction
from pathways.engine import Engine
from pathways.results import Screening
from summary.builder import build_summary
from summary.options import SummaryOptions
from summary.pdf_engine import render_pdf, write_pdf


def write_summary(
    screening: Screening, engine: Engine, out_path: Path, options: SummaryOptions
) -> int:
    """Write the summary PDF to ``out_path`` atomically; the page count. SummaryError (a
    MasirError, one line a person can act on) when it cannot be made or written."""
    document = build_summary(screening, engine, options)
    return write_pdf(document, out_path, rtl=text_direction(options.language) == "rtl")


def render_summary(
    screening: Screening, engine: Engine, options: SummaryOptions
) -> tuple[bytes, int]:
    """The summary PDF as bytes and its page count (for a preview; nothing touches the disk)."""
    document = build_summary(screening, engine, options)
    return render_pdf(document, rtl=text_direction(options.language) == "rtl")
