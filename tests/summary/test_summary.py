"""The real summary from a screening: content, languages, sensitive answers, page furniture,
hostile text, the template's markup subset, and the command line."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection
from pypdf import PdfReader

from cli.app import run
from forms.dates import ApproxDate
from forms.errors import MasirError
from i18n.runtime import _, current_language, set_language
from pathways.engine import Engine
from pathways.results import Screening, Verdict
from summary.bidi_text import isolate
from summary.builder import build_summary, status_text, verdict_text
from summary.document import Heading, PageLine, Paragraph, SummaryDocument, Table
from summary.errors import SummaryError
from summary.export import render_summary, write_summary
from summary.formatting import format_approx_date, format_date, format_number
from summary.markup import parse_markup
from summary.pdf_engine import _ONE_RUN_LTR, _ONE_RUN_RTL, render_pdf
from tests.summary.real_summary import (
    FREE_TEXT,
    INTERPRETER,
    NAME,
    SENSITIVE_ANSWER_TEXT,
    engine_with_notes,
    exact_share,
    page_texts,
    pdf_text,
    screening,
    words,
)
from tests.summary.sample_catalog import sample_catalogs
from tests.summary.samples import PASHTO_WORDS, ZWNJ_WORDS

# (language, bilingual) as the command line takes them
FORMS = (("en", False), ("fa_AF", False), ("ps", False), ("ps", True))


@contextmanager
def language(lang: str) -> Iterator[None]:
    previous = current_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(previous)


@pytest.fixture(scope="session")
def engine() -> Engine:
    return engine_with_notes()


@pytest.fixture(scope="session")
def person(engine: Engine) -> Screening:
    return screening(engine)


@pytest.fixture(scope="session")
def pdfs(engine: Engine, person: Screening) -> dict[tuple[str, bool], tuple[bytes, int]]:
    """The summary in every form, with the shipped catalogs."""
    return {
        (lang, bilingual): render_summary(
            person, engine, language=lang, bilingual=bilingual, case_reference="KBL-2026/0042"
        )
        for lang, bilingual in FORMS
    }


@pytest.fixture(scope="session")
def sample_pdfs(engine: Engine, person: Screening) -> dict[str, tuple[SummaryDocument, bytes, int]]:
    """Dari and Pashto summaries with the sample-words catalog (dense Arabic script)."""
    made = {}
    with sample_catalogs():
        for lang in ("fa_AF", "ps"):
            document = build_summary(person, engine, language=lang, name=NAME)
            made[lang] = (document, *render_pdf(document, rtl=True))
    return made


# --- content ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "bilingual"), FORMS)
def test_every_pathway_name_and_verdict_is_in_the_pdf(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], person: Screening, lang: str, bilingual: bool
) -> None:
    text = pdf_text(pdfs[lang, bilingual][0])
    for each in [lang, "en"] if bilingual else [lang]:
        with language(each):
            for result in person.results:
                assert _(result.name) in text, (each, result.name)
                assert verdict_text(result.verdict) in text
                assert status_text(result.status) in text
            assert _("Resettlement pathways: eligibility summary") in text
    assert "KBL-2026/0042" in text


def test_eligible_pathway_details_are_all_there(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], person: Screening
) -> None:
    text = re.sub(r"\s+", " ", pdf_text(pdfs["en", False][0]))
    siv = next(r for r in person.results if r.pathway == "us.siv")
    assert siv.verdict is Verdict.ELIGIBLE
    for needle in (
        "Why: the criteria",
        "Next steps",
        "Documents",
        "Sources",
        "Referral needed",
        "No: you apply yourself.",
        "Country notices",
        "US entry ban on Afghan nationals",
        "seen 23 November 2026",
        "travel.state.gov",
        "Your family members",
        "My husband or wife",
        "UNHCR resettlement categories you may fit",
        "Routes that do not fit now, and why",
        "The answers this screening used",
        'Some facts below are marked "to verify"',
        "Date of screening 23 November 2026",
        f"Rules version {person.rules_version}",
    ):
        assert needle in text, needle


def test_name_only_when_given(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], engine: Engine, person: Screening
) -> None:
    assert "Name" not in words(pdf_text(pdfs["en", False][0]))
    data, _pages = render_summary(person, engine, language="en", name=NAME)
    assert set(NAME.split()) <= set(words(pdf_text(data)))


def test_stale_rules_are_warned_about(engine: Engine) -> None:
    late = screening(engine, today=date(2027, 6, 1))  # rules last checked 23 November 2026
    document = build_summary(late, engine, language="en")
    warnings = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.style == "warn"]
    assert any("more than six months before this screening" in w for w in warnings)
    fresh = build_summary(screening(engine), engine, language="en")
    assert not any("six months" in b.text for b in fresh.blocks if isinstance(b, Paragraph)), (
        "rules checked on the screening day are not stale"
    )


def test_answers_are_grouped_by_section_in_words(engine: Engine, person: Screening) -> None:
    document = build_summary(person, engine, language="en")
    rows = {r[0]: r[1] for b in document.blocks if isinstance(b, Table) for r in b.rows}
    assert rows["Are you a citizen of Afghanistan?"] == isolate("Yes")
    assert rows["In which country are you living now?"] == isolate("Pakistan")
    assert rows["When were you born?"] == isolate("May 1988")
    assert rows["Job 1: When did this job start?"] == isolate("1 March 2010")
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "About you" in headings and "Your family" in headings


# --- languages and direction ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fa_AF", "ps"])
def test_every_dari_and_pashto_word_extracts_exactly(
    sample_pdfs: dict[str, tuple[SummaryDocument, bytes, int]], lang: str
) -> None:
    document, data, pages = sample_pdfs[lang]
    _found, total, missing = exact_share(document, data)
    assert total > 1000 and pages >= 4
    assert not missing, missing[:20]


def test_pashto_letters_and_zwnj_words_come_out_intact(
    sample_pdfs: dict[str, tuple[SummaryDocument, bytes, int]],
    pdfs: dict[tuple[str, bool], tuple[bytes, int]],
) -> None:
    pashto = set(words(pdf_text(sample_pdfs["ps"][1])))
    assert set(PASHTO_WORDS) <= pashto
    dari = set(words(pdf_text(sample_pdfs["fa_AF"][1])))
    assert set(ZWNJ_WORDS) <= dari
    # The person's own words (a free-text answer), in the shipped Dari and Pashto summaries.
    for lang in ("fa_AF", "ps"):
        found = set(words(pdf_text(pdfs[lang, False][0])))
        for word in ("می\u200cخواهم", "خانواده\u200cام", "غواړم", "خپلې", "کورنۍ"):
            assert word in found, (lang, word)


def test_rtl_summary_lays_columns_right_to_left(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]],
) -> None:
    def x_of(data: bytes, needle: str) -> float:
        xs: list[float] = []

        def visit(text: str, cm: object, tm: list[float], *rest: object) -> None:
            if text.strip() == needle:
                xs.append(float(tm[4]))

        PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
        assert xs, needle
        return xs[0]

    fa = pdfs["fa_AF", False][0]
    assert x_of(fa, "Route") > x_of(fa, "Status")
    en = pdfs["en", False][0]
    assert x_of(en, "Route") < x_of(en, "Status")


def test_bilingual_puts_each_section_in_both_languages(engine: Engine, person: Screening) -> None:
    with sample_catalogs():
        document = build_summary(person, engine, language="ps", bilingual=True)
        with language("ps"):
            pashto_overview = _("Overview: every route Masir checks")
    headings = [(b.text, b.rtl) for b in document.blocks if isinstance(b, Heading)]
    pashto = headings.index((pashto_overview, True))
    english = headings.index(("Overview: every route Masir checks", False))
    # The Pashto overview (its country headings right to left), then the same in English.
    assert pashto < english
    assert all(rtl for _text, rtl in headings[pashto:english])
    assert headings[english + 1] == ("United States", False)
    assert all(b.rtl is not None for b in document.blocks)
    assert document.lang == "ps" and len(document.footer) == 2
    assert [line.rtl for line in document.footer] == [True, False]
    assert current_language() == "en", "the language is restored afterwards"


def test_one_run_shortcut_agrees_with_the_bidi_algorithm(engine: Engine, person: Screening) -> None:
    """The writer skips fpdf2's bidi algorithm for a line that is one run; on every text of
    the real summary the algorithm gives that same single run."""
    texts: list[str] = []
    with sample_catalogs():
        for lang in ("fa_AF", "ps"):
            document = build_summary(person, engine, language=lang, bilingual=True, name=NAME)
            for block in document.blocks:
                dumped = block.model_dump(include={"text", "items", "rows", "header"})
                for value in dumped.values():
                    cells = value if isinstance(value, list) else [value]
                    for cell in cells:
                        texts.extend(cell if isinstance(cell, list | tuple) else [cell])
    checked = 0
    for text in texts:
        for raw in str(text).split("\n"):
            line = raw + " "  # as the writer draws it
            for direction, allowed in (
                (TextDirection.RTL, _ONE_RUN_RTL),
                (TextDirection.LTR, _ONE_RUN_LTR),
            ):
                if all(unicodedata.bidirectional(ch) in allowed for ch in line):
                    paragraph = BidiParagraph(
                        text=line, base_direction=direction, preserve_bn_chars=True
                    )
                    assert paragraph.get_bidi_fragments() == ((line, direction),), line
                    checked += 1
    assert checked > 500


def test_dates_and_numbers_read_in_each_language() -> None:
    day = date(2026, 11, 23)
    assert format_date(day, "en") == "23 November 2026"
    assert format_date(day, "fa_AF") == "۲۳ نومبر ۲۰۲۶"
    assert "۲۳" in format_date(day, "ps") and "۲۰۲۶" in format_date(day, "ps")
    assert format_approx_date(ApproxDate.of(2022, 3), "en") == "March 2022"
    assert format_approx_date(ApproxDate.of(1990), "fa_AF") == "۱۹۹۰"
    assert format_number(1234.5, "en") == "1,234.5"
    assert format_number(1234.5, "fa_AF") == "۱٬۲۳۴٫۵"


# --- sensitive answers ----------------------------------------------------------------------


def test_sensitive_answers_are_left_out_by_default(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], engine: Engine, person: Screening
) -> None:
    identity = engine.questionnaire.question("identity_risk")
    medical = engine.questionnaire.question("medical_need")
    assert identity.sensitive and medical.sensitive
    text = re.sub(r"\s+", " ", pdf_text(pdfs["en", False][0]))
    for absent in (identity.text, medical.text, SENSITIVE_ANSWER_TEXT, "Hazara"):
        assert absent not in text, absent
    assert "2 sensitive answers are left out of this summary" in text
    shown, _pages = render_summary(person, engine, language="en", include_sensitive=True)
    text = re.sub(r"\s+", " ", pdf_text(shown))
    for present in (identity.text, medical.text, SENSITIVE_ANSWER_TEXT):
        assert present in text, present
    assert "sensitive answers are left out" not in text


# --- every page -----------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "bilingual"), FORMS)
def test_page_x_of_y_notice_and_rules_version_on_every_page(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]],
    person: Screening,
    lang: str,
    bilingual: bool,
) -> None:
    data, total = pdfs[lang, bilingual]
    pages = page_texts(data)
    assert len(pages) == total >= 4
    with language(lang):
        notice = _(
            "Not legal advice. Applications and referrals are free: nobody can sell you a place."
        )
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    for number, page in enumerate(pages, start=1):
        flat = unicodedata.normalize("NFC", page)
        assert notice.rstrip(".") in flat, (lang, number)
        assert person.rules_version in flat, (lang, number)
        numbers = re.findall(r"Page (\S+) of (\S+)", flat.translate(digits))
        # pypdf lists the runs of a right-to-left line in visual order; compare the numbers.
        assert numbers and sorted(numbers[0]) == sorted((str(number), str(total))), flat[-200:]
        if bilingual:
            assert f"Page {number} of {total}" in flat


# --- hostile text ---------------------------------------------------------------------------


HOSTILE = "احمد \u202eAhmad\u202c {nb} **bold** <b>x</b> </section> {{ 7*7 }} &amp; \x07end"


@pytest.mark.parametrize("lang", ["en", "fa_AF"])
def test_hostile_text_is_shown_never_interpreted(
    engine: Engine, person: Screening, lang: str
) -> None:
    long_word = "ب" * 480
    hostile = person.model_copy(
        update={"answers": {**person.answers, "notes": f"{FREE_TEXT} {long_word}"}}
    )
    data, _pages = render_summary(
        hostile, engine, language=lang, name=HOSTILE, case_reference="<h1>REF</h1>\u202e"
    )
    text = pdf_text(data)
    for literal in ("Ahmad", "{nb}", "**bold**", "<b>x</b>", "</section>", "{{", "7*7", "&amp;"):
        assert literal in text, literal
    assert "<h1>REF</h1>" in text
    assert "\u202e" not in text and "\x07" not in text
    if lang == "fa_AF":
        assert "می\u200cخواهم" in words(text)
    else:
        # In an English line pypdf lists the parts of a ZWNJ word in visual order (poppler
        # does not); the ZWNJ itself is kept.
        assert "\u200cخواهم" in text or "خواهم\u200c" in text
    # The 480-letter word is cut over lines, never lost.
    assert sum(w.count("ب") for w in words(text)) >= 480


def test_overlong_name_is_refused(engine: Engine, person: Screening) -> None:
    with pytest.raises(SummaryError, match="longer than 200"):
        build_summary(person, engine, language="en", name="x" * 201)


def test_summary_error_is_a_masir_error() -> None:
    assert issubclass(SummaryError, MasirError)


# --- the markup subset ----------------------------------------------------------------------


def test_markup_reads_the_subset() -> None:
    sections = parse_markup(
        '<section id="a" dir="rtl"><h2>T &amp; &lt;b&gt;</h2><p class="warn">x<br>y</p>'
        '<table data-widths="2 1"><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr>'
        "</table><dl><dt>k</dt><dd>v</dd></dl><ul><li>i</li></ul></section>"
    )
    (section,) = sections
    assert section.id == "a" and section.rtl is True
    heading, warn, table, _kv, _ul = section.blocks
    assert isinstance(heading, Heading) and heading.text == "T & <b>" and heading.rtl
    assert isinstance(warn, Paragraph) and warn.style == "warn" and warn.text == "x\ny"
    assert isinstance(table, Table) and table.col_widths == [2.0, 1.0]


@pytest.mark.parametrize(
    "markup",
    [
        "<script>x</script>",
        "<p><b>bold</b></p>",
        '<p onclick="x">a</p>',
        '<p class="red">a</p>',
        "<li>outside a list</li>",
        "loose text",
        "<p>a</p><!-- comment -->",
        "<p>unclosed",
        "<table><tr><td>no heading row</td></tr></table>",
        '<section dir="up"></section>',
        "<img src=x>",
    ],
)
def test_markup_refuses_anything_else(markup: str) -> None:
    with pytest.raises(SummaryError):
        parse_markup(markup)


# --- export and command line ----------------------------------------------------------------


def test_write_summary_is_atomic_and_counts_pages(
    tmp_path: Path, engine: Engine, person: Screening
) -> None:
    out = tmp_path / "summary.pdf"
    pages = write_summary(person, engine, out, language="ps", bilingual=True)
    assert len(PdfReader(out).pages) == pages
    assert [p.name for p in tmp_path.iterdir()] == ["summary.pdf"]


@pytest.mark.parametrize(("lang", "bilingual"), FORMS)
def test_cli_writes_the_pdf(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, bilingual: bool
) -> None:
    out = tmp_path / "out.pdf"
    argv = ["screen", str(INTERPRETER), "--pdf", str(out), "--lang", lang, "--today", "2026-11-23"]
    argv += ["--bilingual"] if bilingual else []
    assert run(argv) == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert capsys.readouterr().out.strip().endswith("pages")
    assert current_language() == lang
    set_language("en")


def test_cli_unwritable_pdf_path_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["screen", str(INTERPRETER), "--pdf", str(tmp_path / "no" / "s.pdf")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert captured.err.startswith("masir: cannot write the PDF")


def test_cli_pdf_options_need_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        run(["screen", str(INTERPRETER), "--bilingual"])
    assert stopped.value.code == 2
    assert "--bilingual needs --pdf" in capsys.readouterr().err


def test_cli_lang_sets_the_language_of_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["screen", str(INTERPRETER), "--format", "json", "--lang", "ps"]) == 0
    assert '"language": "ps"' in capsys.readouterr().out
    set_language("en")


def test_building_never_touches_the_apps_language(engine: Engine, person: Screening) -> None:
    """A summary made on a worker thread must not switch the window's language."""
    seen: list[str] = []
    with language("fa_AF"), sample_catalogs():
        document = build_summary(person, engine, language="en", bilingual=True)
        seen.append(current_language())
    assert seen == ["fa_AF"]
    assert document.blocks[0] == Heading(
        text="Resettlement pathways: eligibility summary", rtl=False
    )


def test_a_long_footer_notice_is_set_smaller_never_cut() -> None:
    notice = "Not legal advice. " * 9 + "END"
    document = SummaryDocument(
        title="t",
        lang="en",
        blocks=[Paragraph(text="x")],
        footer=[PageLine(text=notice, end="Page %(page)s of %(pages)s", page_label=True)],
    )
    data, _pages = render_pdf(document, rtl=False)
    last = page_texts(data)[0].strip().splitlines()[-1]
    assert "END" in last and "Page 1 of 1" in last


def test_an_isolate_cut_by_a_line_break_is_closed_and_reopened() -> None:
    from summary.pdf_engine import _close_isolates

    lines = ["see \u2068https://example.org/a-very-", "long/path\u2069 today", "next"]
    assert _close_isolates(lines) == [
        "see \u2068https://example.org/a-very-\u2069",
        "\u2068long/path\u2069 today",
        "next",
    ]
