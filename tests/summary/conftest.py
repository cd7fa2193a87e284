"""Fixtures for the summary writer: rendered sample PDFs, once per language."""

from __future__ import annotations

from pathlib import Path

import pytest

from summary.pdf_engine import write_pdf
from tests.summary.samples import RTL, footer, sample


@pytest.fixture(scope="session")
def sample_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    out = tmp_path_factory.mktemp("pdf")
    made = {}
    for lang in ("fa_AF", "ps", "en"):
        path = out / f"{lang}.pdf"
        pages = write_pdf(
            sample(lang), path, rtl=RTL[lang], footer=footer(lang), use_persian_digits=RTL[lang]
        )
        made[lang] = (path, pages)
    return made
