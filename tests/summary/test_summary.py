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
from forms.answers_file import interview_from_answers, read_answers_file
from forms.dates import ApproxDate
from forms.errors import MasirError
from i18n.bidi import isolate, strip_isolates
from i18n.calendars import (
    SOLAR_HIJRI_MONTHS,
    format_approx_date,
    format_date,
    gregorian_month_names,
)
from i18n.numerals import format_number, native_digits
from i18n.runtime import _, current_language, set_language
from pathways.engine import Engine
from pathways.plan import derive_plan
from pathways.results import Outcome, Screening, Verdict
from summary.builder import build_summary, source_label, status_text, verdict_text
from summary.document import (
    BulletList,
    Heading,
    PageLine,
    Paragraph,
    SummaryDocument,
    Table,
)
from summary.errors import SummaryError
from summary.export import render_summary, write_summary
from summary.markup import parse_markup
from summary.options import Detail, SummaryOptions
from summary.pdf_engine import _ONE_RUN_LTR, _ONE_RUN_RTL, render_pdf
from tests.summary.real_summary import (
    FREE_TEXT,
    INTERPRETER,
    NAME,
    ROOT,
    SENSITIVE_ANSWER_TEXT,
    TODAY,
    document_text,
    engine_with_notes,
    exact_share,
    letter_runs,
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
            person,
            engine,
            SummaryOptions(
                language=lang,
                bilingual=bilingual,
                case_reference="KBL-2026/0042",
                detail=Detail.FULL,
            ),
        )
        for lang, bilingual in FORMS
    }


@pytest.fixture(scope="session")
def sample_pdfs(engine: Engine, person: Screening) -> dict[str, tuple[SummaryDocument, bytes, int]]:
    """Dari and Pashto summaries with the sample-words catalog (dense Arabic script)."""
    made = {}
    with sample_catalogs():
        for lang in ("fa_AF", "ps"):
            document = build_summary(
                person, engine, SummaryOptions(language=lang, name=NAME, detail=Detail.FULL)
            )
            made[lang] = (document, *render_pdf(document, rtl=True))
    return made


# --- content ------------------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "bilingual"), FORMS)
def test_every_pathway_name_and_verdict_is_in_the_pdf(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], person: Screening, lang: str, bilingual: bool
) -> None:
    # A long name wraps over lines in the overview's table: compare with the whitespace of
    # both sides made single spaces (every word still there, in order). A right-to-left name
    # that mixes in Latin letters or digits ("… (SIV)", "§ 22 جملهٔ 1", "و/یا") is listed by
    # pypdf in visual run order, a run sometimes glued to the next: there every word of the
    # name must be in the text, each as its runs of one script (as cli/selftest.py looks).
    # A run of Persian digits (۲۰۱) may come out reversed: pypdf reads it in visual order.
    text = flat(pdf_text(pdfs[lang, bilingual][0]))
    runs = set(letter_runs(text))
    for each in [lang, "en"] if bilingual else [lang]:
        with language(each):
            for result in person.results:
                name = _(result.name)
                if each == "en":
                    assert flat(name) in text, (each, result.name)
                    continue
                assert name != result.name, ("untranslated", each, result.name)
                for word in words(name):  # Persian digits come out of pypdf in visual order
                    for run in letter_runs(word):
                        assert run in runs or run[::-1] in runs, (each, result.name, word)
                assert flat(verdict_text(result.verdict)) in text
                assert flat(status_text(result.status)) in text
            assert flat(_("Resettlement pathways: eligibility summary")) in text
            note = _(person.freshness_note)
            if each == "en":
                assert flat(note) in text
            else:  # pypdf lists the runs of a right-to-left line in visual order
                assert set(words(note)) <= set(words(text))
    assert "KBL-2026/0042" in text


def flat(text: str) -> str:
    """``text`` with every run of whitespace (line breaks included) as one space."""
    return " ".join(text.split())


def test_flat_keeps_words_and_their_order() -> None:
    wrapped = "Federal Admission Programme for\nAfghanistan (Bundesaufnahmeprogramm,\n BAP)"
    assert flat("Federal Admission Programme for Afghanistan (Bundesaufnahmeprogramm, BAP)") in (
        flat(wrapped)
    )
    assert flat("Afghanistan for Programme") not in flat(wrapped)


def test_eligible_pathway_details_are_all_there(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], person: Screening
) -> None:
    text = flat(pdf_text(pdfs["en", False][0]))
    siv = next(r for r in person.results if r.pathway == "us.siv")
    assert siv.verdict is Verdict.ELIGIBLE and siv.open_to_person is Outcome.NOT_MET
    for needle in (
        # the routes open (or maybe open) to the person, in detail
        "Routes that may be open to you",
        "UK family route for family of people with protection (Appendix FM) (United Kingdom)",
        "Possibly eligible. Status: Open.",
        "To clarify, and the documents that prove it:",
        "Proof:",
        "Met: ",
        "Next steps",
        "How to apply: Apply yourself.",
        "Where you must be:",
        "Your family members: Family member 1 (My husband or wife, born ",
        "Country notices: US entry ban on Afghan nationals",
        "See the box under United States in the overview.",
        # the closed route the person would meet, shorter, with its status note
        "Closed routes you would meet",
        "Special Immigrant Visa (SIV) (United States): Closed to new applications since",
        f"You meet all {len(siv.criteria)} of its criteria.",
        "more routes you may meet are closed to you; the overview shows them.",
        # country notices once, in the overview
        "Country notices that apply to you, or may:",
        "UNHCR categories you may fit",
        "Unknown for every category below:",
        "Routes that do not fit now, and why",
        "The answers this screening used",
        'Some facts below are marked "to verify"',
        "Date of screening 23 November 2026",
        f"Rules version {person.rules_version}",
        "Newest fact found 16 June 2026",
        # one list of sources, cited by country and id
        "Sources: US-S01, US-S02",
        "US-S01 The Steps of the Afghan SIV Process (U.S. Department of State).",
        "travel.state.gov",
        "saw every source on 23 November 2026",
    ):
        assert needle in text, needle
    # Each notice is said once, however many routes it touches.
    assert text.count("US entry ban on Afghan nationals (since") == 1
    # Each source is listed once.
    assert text.count("US-S01 The Steps of the Afghan SIV Process") == 1
    # Eligible routes come before possibly eligible ones; details before the closed routes.
    assert text.index("Routes that may be open to you") < text.index("Closed routes you would")


def test_the_sources_list_holds_exactly_the_sources_cited(engine: Engine) -> None:
    """The list at the end has every source the text cites (with its URL and date) and no
    other: a route cites the sources of its status, exemption, criteria and family rules shown,
    not every source of its data."""
    raw = read_answers_file(ROOT / "tests" / "data" / "journalist_pk.json")
    person = engine.screen(interview_from_answers(engine.questionnaire, raw, TODAY))
    document = build_summary(person, engine, SummaryOptions(language="en", detail=Detail.FULL))
    heading = document.blocks.index(Heading(text="Sources", level=2, rtl=False))
    (listed,) = [b for b in document.blocks[heading:] if isinstance(b, BulletList)]
    labels = [strip_isolates(item).split()[0] for item in listed.items]
    before = strip_isolates(
        document_text(document.model_copy(update={"blocks": document.blocks[:heading]}))
    )
    countries = "|".join(c.country.upper() for c in engine.rules.countries)
    cited = set(re.findall(rf"\b(?:{countries})-[A-Z]+[0-9]+[a-z]*\b", before))
    assert len(labels) == len(set(labels)) and set(labels) == cited
    data_sources = {(c.country.upper(), s.id): s for c in engine.rules.countries for s in c.sources}
    for label, item in zip(labels, listed.items, strict=True):
        country, source_id = label.split("-", 1)
        source = data_sources[country, source_id]
        if source.url:
            assert source.url in item, label
        assert "Dated " in item or "Undated" in item, label
    every_route_source = {
        source_label(r.country, s.id)
        for r in person.results
        if r.verdict is not Verdict.NOT_ELIGIBLE
        for s in r.sources
    }
    assert len(labels) < len(every_route_source)


def test_the_plan_comes_first_and_the_detail_only_in_the_appendix(
    engine: Engine, person: Screening
) -> None:
    plan = derive_plan(person)
    short = build_summary(person, engine, SummaryOptions(language="en"))
    headings = [b.text for b in short.blocks if isinstance(b, Heading)]
    first = ["What you can do now", "If you applied before", "Next steps", "Documents to gather"]
    assert headings[1] == "What you can do now"
    assert [h for h in headings if h in first] == [
        h for h in first if h != "If you applied before" or plan.if_applied_before
    ]
    acted = [r for r in plan.act_now if r.kind.value == "pathway"]
    blocks = [h for h in headings if h[0].isdigit()]
    assert blocks == [f"{n}. {r.name} ({r.country_name})" for n, r in enumerate(acted, start=1)]
    assert headings[-1] == "Other routes"
    for absent in ("Sources", "The answers this screening used", "Overview: every route"):
        assert not any(h.startswith(absent) for h in headings), absent
    text = document_text(short)
    for result in person.results:  # every route is named: acted on, applied before or listed
        assert result.name in text, result.name


def test_each_route_block_points_to_its_documents_in_the_one_checklist(
    engine: Engine, person: Screening
) -> None:
    """The checklist is numbered once; a route's block names its numbers instead of listing
    the same documents again, and every number points to a document that route asks for."""
    plan = derive_plan(person)
    document = build_summary(person, engine, SummaryOptions(language="en"))
    blocks = document.blocks
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") == "Documents to gather")
    checklist = next(b for b in blocks[start:] if isinstance(b, BulletList))
    assert checklist.markers == [f"{n}." for n in range(1, len(plan.documents) + 1)]
    assert checklist.items == [
        d.text + (" (to verify)" if d.to_verify else "") for d in plan.documents
    ]
    text = document_text(document)
    by_id = {r.pathway: r for r in person.results}
    acted = [r for r in plan.act_now if r.kind.value == "pathway"]
    assert acted
    for route in acted:
        numbers = [n for n, d in enumerate(plan.documents, start=1) if route.pathway in d.pathways]
        assert {d.text for d in by_id[route.pathway].documents} == {
            plan.documents[n - 1].text for n in numbers
        }
        if numbers:
            listed = ", ".join(str(n) for n in numbers)
            assert f"Documents to gather: {listed}." in text, route.pathway


def test_routes_under_if_you_applied_before_are_not_listed_again(
    engine: Engine, person: Screening
) -> None:
    plan = derive_plan(person)
    assert plan.if_applied_before, "the sample person has closed routes they may have applied to"
    document = build_summary(person, engine, SummaryOptions(language="en"))
    blocks = document.blocks
    start = next(i for i, b in enumerate(blocks) if getattr(b, "text", "") == "Other routes")
    items = [item for b in blocks[start:] if isinstance(b, BulletList) for item in b.items]
    for route in plan.if_applied_before:
        assert not any(item.startswith(f"{route.name} (") for item in items), route.pathway
    assert len(items) == plan.others  # every other route is still there, once


def test_sections_keep_the_order_and_depth_of_the_issue(engine: Engine, person: Screening) -> None:
    document = build_summary(person, engine, SummaryOptions(language="en", detail=Detail.FULL))
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    headings = headings[
        headings.index("Appendix: every route in full, the answers and the sources") :
    ]
    order = [
        "Overview: every route Masir checks",
        "Routes that may be open to you",
        "Closed routes you would meet",
        "UNHCR categories you may fit",
        "Routes that do not fit now, and why",
        "The answers this screening used",
        "Sources",
    ]
    assert [h for h in headings if h in order] == order
    detailed = [
        r
        for r in person.results
        if r.kind.value == "pathway"
        and r.verdict is not Verdict.NOT_ELIGIBLE
        and r.open_to_person is not Outcome.NOT_MET
    ]
    shown = [h for h in headings if h.endswith(")") and "(" in h]
    assert shown == [
        f"{r.name} ({r.country_name})" for r in detailed if r.verdict.value == "eligible"
    ] + [f"{r.name} ({r.country_name})" for r in detailed if r.verdict.value == "possibly_eligible"]
    closed_possible = [
        r.name
        for r in person.results
        if r.verdict is Verdict.POSSIBLY_ELIGIBLE and r.open_to_person is Outcome.NOT_MET
    ]
    assert closed_possible and not any(name in shown for name in closed_possible)


def test_name_only_when_given(
    pdfs: dict[tuple[str, bool], tuple[bytes, int]], engine: Engine, person: Screening
) -> None:
    assert "Name" not in words(pdf_text(pdfs["en", False][0]))
    data, _pages = render_summary(person, engine, SummaryOptions(language="en", name=NAME))
    assert set(NAME.split()) <= set(words(pdf_text(data)))


def test_stale_rules_are_warned_about(engine: Engine) -> None:
    late = screening(engine, today=date(2027, 6, 1))  # rules last checked 23 November 2026
    document = build_summary(late, engine, SummaryOptions(language="en"))
    warnings = [b.text for b in document.blocks if isinstance(b, Paragraph) and b.style == "warn"]
    assert any("more than six months before this screening" in w for w in warnings)
    fresh = build_summary(screening(engine), engine, SummaryOptions(language="en"))
    assert not any("six months" in b.text for b in fresh.blocks if isinstance(b, Paragraph)), (
        "rules checked on the screening day are not stale"
    )


def test_answers_are_grouped_by_section_in_words(engine: Engine, person: Screening) -> None:
    document = build_summary(person, engine, SummaryOptions(language="en", detail=Detail.FULL))
    tables = [b for b in document.blocks if isinstance(b, Table)]
    rows = {r[0]: r[1] for b in tables for r in b.rows}
    assert rows["Are you a citizen of Afghanistan?"] == isolate("Yes")
    assert rows["In which country are you living now?"] == isolate("Pakistan")
    assert rows["When were you born?"] == isolate("May 1988")
    assert rows["Job 1: When did this job start?"] == isolate("1 March 2010")
    job = strip_isolates(rows["Job 1"])  # each entry by its key facts, before its answers
    assert job.startswith("Interpreter · US government contractor · 1 Mar 2010")
    sections = [b.header[0] for b in tables]  # each section's table is headed by its title
    assert "About you" in sections and "Your family" in sections


# --- languages and direction ----------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fa_AF", "ps"])
def test_every_dari_and_pashto_word_extracts_exactly(
    sample_pdfs: dict[str, tuple[SummaryDocument, bytes, int]], lang: str
) -> None:
    """Every Dari/Pashto word the summary lays out comes back exactly from pypdf — except a
    date's month names: i18n.calendars puts them between Persian numbers and brackets
    («می ۱۹۸۸ (ثور–جوزا ۱۳۶۷)», intended), and pypdf lists the runs of such a line in visual
    order, glued (")جوزا ۷۶۳۱–ثور(می ۸۸۹۱"; summary/ENGINE.md; poppler reads it right). Those
    must still come out whole, each name as a run of its own."""
    document, data, pages = sample_pdfs[lang]
    _found, total, missing = exact_share(document, data)
    assert total > 1000 and pages >= 4
    months = set(gregorian_month_names(lang)) | set(SOLAR_HIJRI_MONTHS[lang])
    in_dates = [w for w in missing if set(letter_runs(w)) <= months]
    assert not [w for w in missing if w not in in_dates], missing[:20]
    runs = set(letter_runs(pdf_text(data)))
    assert all(set(letter_runs(w)) <= runs for w in in_dates), in_dates
    assert len(in_dates) <= 5, in_dates  # the birth date's month span, not every date


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
    def header_xs(data: bytes, route: str, status: str) -> tuple[float, float]:
        """x of the overview's first heading row: the two headings on one line (same y)."""
        seen: dict[str, dict[float, float]] = {}

        def visit(text: str, cm: object, tm: list[float], *rest: object) -> None:
            found = unicodedata.normalize("NFC", text.strip())
            if found in seen:
                seen[found].setdefault(round(float(tm[5]), 1), float(tm[4]))

        for page in PdfReader(io.BytesIO(data)).pages:
            seen.clear()
            seen.update({route: {}, status: {}})
            page.extract_text(visitor_text=visit)
            rows = sorted(set(seen[route]) & set(seen[status]), reverse=True)  # top first
            if rows:
                return seen[route][rows[0]], seen[status][rows[0]]
        raise AssertionError((route, status))

    for lang in ("fa_AF", "en"):
        with language(lang):
            route, status = _("Route"), _("Status")
        assert (route, status) != ("Route", "Status") or lang == "en"
        route_x, status_x = header_xs(pdfs[lang, False][0], route, status)
        assert route_x > status_x if lang == "fa_AF" else route_x < status_x, lang


def test_bilingual_puts_each_section_in_both_languages(engine: Engine, person: Screening) -> None:
    with sample_catalogs():
        document = build_summary(
            person, engine, SummaryOptions(language="ps", bilingual=True, detail=Detail.FULL)
        )
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
            document = build_summary(
                person, engine, SummaryOptions(language=lang, bilingual=True, name=NAME)
            )
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
    """The summary writes dates as i18n.calendars does: Solar Hijri beside in Dari and Pashto."""
    day = date(2026, 11, 23)
    assert format_date(day, "en") == "23 November 2026"
    assert format_date(day, "fa_AF") == "۲۳ نومبر ۲۰۲۶ (۲ قوس ۱۴۰۵)"
    assert format_date(day, "ps") == "۲۳ نومبر ۲۰۲۶ (۲ لیندۍ ۱۴۰۵)"
    assert format_approx_date(ApproxDate.of(2022, 3), "en") == "March 2022"
    assert format_approx_date(ApproxDate.of(1990), "fa_AF") == "۱۹۹۰ (۱۳۶۸–۱۳۶۹)"
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
    shown, _pages = render_summary(
        person, engine, SummaryOptions(language="en", include_sensitive=True, detail=Detail.FULL)
    )
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
        label = _("Page %(page)s of %(pages)s")
    assert "%(page)s" in label and "%(pages)s" in label
    # The label as the footer writes it, its numbers in the language's digits. pypdf gives a
    # multi-digit Persian number reversed («۲۸» as «۸۲», summary/ENGINE.md), and may list the two
    # numbers of a right-to-left line in visual order: find the label's words around any two
    # numbers, then compare the numbers as their digits read either way.
    pattern = re.escape(label.strip())
    pattern = re.sub(r"(\\ )+", r"\\s+", pattern)
    pattern = pattern.replace(re.escape("%(page)s"), r"(\d+)").replace(
        re.escape("%(pages)s"), r"(\d+)"
    )

    def either_way(found: str, wanted: int) -> bool:
        native = native_digits(wanted, lang)
        return found in ((native,) if lang == "en" else (native, native[::-1]))

    for number, page in enumerate(pages, start=1):
        flat = unicodedata.normalize("NFC", page)
        assert notice.rstrip(".") in flat, (lang, number)
        assert person.rules_version in flat, (lang, number)
        labels = re.findall(pattern, flat)
        assert len(labels) == 1, (lang, number, flat[-200:])
        first, second = labels[0]
        in_order = either_way(first, number) and either_way(second, total)
        swapped = lang != "en" and either_way(first, total) and either_way(second, number)
        assert in_order or swapped, (lang, number, total, labels)
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
        hostile,
        engine,
        SummaryOptions(
            language=lang, name=HOSTILE, case_reference="<h1>REF</h1>\u202e", detail=Detail.FULL
        ),
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
        build_summary(person, engine, SummaryOptions(language="en", name="x" * 201))


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


def test_markup_numbers_a_list_when_every_item_has_a_marker() -> None:
    (section,) = parse_markup('<ul><li data-marker="۱.">a</li><li data-marker="۲.">b</li></ul>')
    (numbered,) = section.blocks
    assert isinstance(numbered, BulletList) and numbered.markers == ["۱.", "۲."]
    (section,) = parse_markup("<ul><li>a</li></ul>")
    assert section.blocks[0].markers is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "markup",
    [
        '<ul><li data-marker="1.">a</li><li>b</li></ul>',
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
    pages = write_summary(person, engine, out, SummaryOptions(language="ps", bilingual=True))
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
        document = build_summary(person, engine, SummaryOptions(language="en", bilingual=True))
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


@pytest.mark.parametrize("lang", ["en", "ps"])
def test_page_one_needs_no_route_id_source_tag_or_symbol(
    engine: Engine, person: Screening, lang: str
) -> None:
    document = build_summary(person, engine, SummaryOptions(language=lang))
    with language(lang):
        blocks_heading = _("The routes you can act on, one by one")
    end = next(
        n
        for n, b in enumerate(document.blocks)
        if isinstance(b, Heading) and b.text == blocks_heading
    )
    plan_text = strip_isolates(
        document_text(document.model_copy(update={"blocks": document.blocks[:end]}))
    )
    ids = {r.pathway for r in person.results}
    assert not [i for i in ids if i in plan_text]
    countries = "|".join(c.country.upper() for c in engine.rules.countries)
    assert not re.findall(rf"\b(?:{countries})-[A-Z]+[0-9]+", plan_text)
    assert "⚑" not in plan_text and "✓" not in plan_text


def test_a_family_members_name_only_with_sensitive_answers(engine: Engine) -> None:
    raw = read_answers_file(ROOT / "tests" / "data" / "journalist_pk.json")
    members = raw["family_members"]
    assert isinstance(members, list) and isinstance(members[1], dict)
    members[1]["member_name"] = "Zarmina"
    person = engine.screen(interview_from_answers(engine.questionnaire, raw, TODAY))
    for sensitive in (False, True):
        options = SummaryOptions(language="en", detail=Detail.FULL, include_sensitive=sensitive)
        text = strip_isolates(document_text(build_summary(person, engine, options)))
        assert "Son or daughter" in text  # the entry by its key facts, name or not
        assert ("Zarmina" in text) is sensitive
