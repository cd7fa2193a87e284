"""From a Screening to a SummaryDocument: a small view model, the one template, the parser.

``build_summary`` renders ``templates/summary.html.j2`` (jinja2, autoescape on, every string
through gettext) once per language, parses the strict HTML subset it writes
(``summary.markup``) and returns the blocks for ``summary.pdf_engine``. A bilingual summary
renders the template in the person's language and in English and puts each section of the
one beside (after) the same section of the other, each in its own direction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from itertools import groupby
from pathlib import Path

import jinja2
from babel import Locale
from jinja2.ext import _make_new_gettext, _make_new_ngettext

from forms.answers import JSONValue
from forms.dates import ApproxDate, add_months
from forms.entry_summary import entry_summary, parse_entry
from forms.questions import Question, QuestionType
from i18n import runtime
from i18n.bidi import isolate
from i18n.calendars import format_approx_date, format_date
from i18n.numerals import format_number, native_digits
from i18n.runtime import LANGUAGES, N_, current_language, text_direction
from pathways.engine import Engine
from pathways.freshness import STALE_NOTE, is_stale
from pathways.model import Kind, Pathway, ReferralMode, Status
from pathways.plan import ACTION, AUTHORITY_DECIDES, Plan, derive_plan
from pathways.results import (
    CriterionResult,
    NoticeResult,
    Outcome,
    PathwayResult,
    Screening,
    SourceRef,
    Verdict,
)
from pathways.words import OUTCOME, STATUS, VERDICT
from summary.document import PageLine, SummaryDocument
from summary.errors import SummaryError
from summary.markup import Section, parse_markup
from summary.options import Detail, SummaryOptions

TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "summary.html.j2"
STALE_AFTER_MONTHS = 6


class Translator:
    """The strings of one language, for one rendering: the summary never switches the app's
    current language, so a summary made on a worker thread leaves the window's alone."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.catalog = runtime.translations(language)

    def _(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.catalog.ngettext(singular, plural, count)


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str
    inner: bool = False  # a field of a group entry


@dataclass(frozen=True)
class AnswerSection:
    title: str
    rows: list[AnswerRow]


@dataclass(frozen=True)
class CountryNotice:
    """A notice that applies (or may) to the person, once per country, and the routes it
    names (none: every route of the country)."""

    notice: NoticeResult
    routes: list[str]


@dataclass(frozen=True)
class CountryGroup:
    name: str
    results: list[PathwayResult]
    notices: list[CountryNotice] = field(default_factory=list)


@dataclass(frozen=True)
class OtherRoute:
    """One row of the table of routes the person cannot act on now, with why in one line."""

    result: PathwayResult
    why: str  # an English msgid (a criterion's text, or a fixed sentence)
    why_is_text: bool  # True: ``why`` is data text (|tr); False: a fixed sentence


@dataclass(frozen=True)
class SourceEntry:
    """One line of the single "Sources" list at the end; ``label`` is what the text cites."""

    label: str
    source: SourceRef


@dataclass
class View:
    """What the template shows, computed once per language."""

    screening: Screening
    t: Translator
    language: str
    language_name: str
    dir: str
    options: SummaryOptions
    rules_checked: date | None
    stale_rules: str | None  # the one-line warning when the rules are over 90 days old
    overview: list[CountryGroup]
    detailed: list[PathwayResult]  # open (or maybe open) to the person: eligible first
    closed_met: list[PathwayResult]  # eligible, but closed to the person
    closed_possible: list[PathwayResult]  # possibly eligible and closed: overview only
    not_detailed: list[PathwayResult]  # not eligible
    unhcr: list[PathwayResult]
    answers: list[AnswerSection]
    sensitive_left_out: int
    sources: list[SourceEntry] = field(default_factory=list)
    cited: dict[str, list[str]] = field(default_factory=dict)  # route -> the source ids it cites
    common_seen: date | None = None  # the day most sources were seen (said once)
    unhcr_common: list[CriterionResult] = field(default_factory=list)  # unknown in every one
    unhcr_sources: list[str] = field(default_factory=list)
    stale: list[PathwayResult] = field(default_factory=list)
    to_verify: list[PathwayResult] = field(default_factory=list)
    relationship: Callable[[str], str] = str
    born: dict[int, str] = field(default_factory=dict)
    """Family member number -> the birth date given, as the reader writes dates ("" if none)."""
    plan: Plan | None = None
    act_now: list[PathwayResult] = field(default_factory=list)  # plan order, countries' routes
    act_now_unhcr: list[PathwayResult] = field(default_factory=list)  # UNHCR categories
    applied_before: list[PathwayResult] = field(default_factory=list)
    rest: list[OtherRoute] = field(default_factory=list)  # every route not to act on now
    notice_said_at: dict[str, str] = field(default_factory=dict)  # notice id -> first route
    document_numbers: dict[str, list[int]] = field(default_factory=dict)
    """Route -> the numbers of its items in the plan's checklist of documents."""
    authority_decides: str = AUTHORITY_DECIDES

    @property
    def full(self) -> bool:
        return self.options.detail is Detail.FULL

    def src(self, country: str, source_id: str) -> str:
        """How the text cites a source: its id, prefixed by the country (``US-S01``)."""
        return source_label(country, source_id)


def build_summary(screening: Screening, engine: Engine, options: SummaryOptions) -> SummaryDocument:
    """The summary of ``screening`` in the options' language (and English when bilingual)."""
    language = options.language
    languages = options.languages
    parts: list[list[Section]] = []
    header: list[PageLine] = []
    footer: list[PageLine] = []
    title = ""
    for each in languages:
        t = Translator(each)
        view = _view(screening, engine, t, options)
        template = _environment().get_template(TEMPLATE)
        markup = template.render(
            v=view,
            gettext=_make_new_gettext(t._),
            _=_make_new_gettext(t._),
            ngettext=_make_new_ngettext(t.ngettext),
        )
        parts.append(parse_markup(markup))
        rtl = view.dir == "rtl"
        title = title or t._("Resettlement pathways: eligibility summary")
        header.append(
            PageLine(
                text=t._("Masir eligibility summary, %(date)s")
                % {"date": format_date(screening.today, each)},
                end=t._("Rules version %(version)s")
                % {"version": isolate(screening.rules_version)},
                rtl=rtl,
            )
        )
        footer.append(
            PageLine(
                text=t._(
                    "Not legal advice. Applications and referrals are free: "
                    "nobody can sell you a place."
                ),
                end=t._("Page %(page)s of %(pages)s"),
                rtl=rtl,
                page_label=True,
            )
        )
    blocks = [block for section in _interleave(parts) for block in section.blocks]
    return SummaryDocument(
        title=title,
        lang=language.replace("_", "-"),
        blocks=blocks,
        show_title=False,
        header=header[:1],  # the rules version is the same in every language
        footer=footer,
    )


def _interleave(parts: list[list[Section]]) -> list[Section]:
    """Sections of the first language, each followed by the same section in the others."""
    if len(parts) == 1:
        return parts[0]
    others = [{section.id: section for section in part} for part in parts[1:]]
    out: list[Section] = []
    for section in parts[0]:
        out.append(section)
        out.extend(other[section.id] for other in others if section.id in other)
    return out


# --- the view model -------------------------------------------------------------------------


def _view(screening: Screening, engine: Engine, t: Translator, options: SummaryOptions) -> View:
    language = t.language
    results = screening.results
    pathways = [r for r in results if r.kind is Kind.PATHWAY]
    detailed = [r for r in pathways if _detail(r) and r.verdict is Verdict.ELIGIBLE]
    detailed += [r for r in pathways if _detail(r) and r.verdict is Verdict.POSSIBLY_ELIGIBLE]
    closed = [r for r in pathways if r.verdict is not Verdict.NOT_ELIGIBLE and not _detail(r)]
    closed_met = [r for r in closed if r.verdict is Verdict.ELIGIBLE]
    unhcr = [r for r in results if r.kind is Kind.UNHCR_CATEGORY]
    unhcr = [r for r in unhcr if r.verdict is not Verdict.NOT_ELIGIBLE]
    unhcr_common = _common_unknown(unhcr)
    by_id = {pathway.id: pathway for pathway in engine.rules.pathways}
    order = {
        (c.country, source.id): n
        for c in engine.rules.countries
        for n, source in enumerate(c.sources)
    }
    cited = {
        r.pathway: _cited(r, by_id.get(r.pathway), order) for r in [*detailed, *closed_met, *unhcr]
    }
    sources = _sources(cited, results, engine)
    stale_before = add_months(screening.today, -STALE_AFTER_MONTHS)
    answers, left_out = _answers(screening.answers, engine, t, options.include_sensitive)
    relationships = engine.questionnaire.groups.get("family_members", {}).get("member_relationship")
    plan = derive_plan(screening)
    by_result = {r.pathway: r for r in results}
    on_page_one = {route.pathway for route in (*plan.act_now, *plan.if_applied_before)}
    return View(
        screening=screening,
        t=t,
        language=language,
        language_name=LANGUAGES[language],
        dir=text_direction(language),
        options=options,
        rules_checked=min((r.last_checked for r in results), default=None),
        stale_rules=_stale_rules(screening, t),
        overview=[
            CountryGroup(
                name=group[0].country_name,
                results=group,
                notices=_country_notices(group, engine),
            )
            for group in (list(batch) for _key, batch in groupby(results, key=lambda r: r.country))
        ],
        detailed=detailed,
        closed_met=closed_met,
        closed_possible=[r for r in closed if r.verdict is Verdict.POSSIBLY_ELIGIBLE],
        not_detailed=[r for r in pathways if r.verdict is Verdict.NOT_ELIGIBLE],
        unhcr=unhcr,
        answers=answers,
        sensitive_left_out=left_out,
        sources=sources,
        cited=cited,
        common_seen=Counter(e.source.seen for e in sources).most_common(1)[0][0]
        if sources
        else None,
        unhcr_common=unhcr_common,
        unhcr_sources=list(
            dict.fromkeys(
                isolate(source_label(r.country, each)) for r in unhcr for each in cited[r.pathway]
            )
        ),
        stale=[r for r in results if r.last_checked < stale_before],
        to_verify=[r for r in results if r.to_verify],
        relationship=lambda value: _choice_text(relationships, value, t),
        born=_birth_dates(screening, language),
        plan=plan,
        act_now=[by_result[route.pathway] for route in plan.act_now if route.kind is Kind.PATHWAY],
        act_now_unhcr=[
            by_result[route.pathway] for route in plan.act_now if route.kind is Kind.UNHCR_CATEGORY
        ],
        applied_before=[by_result[route.pathway] for route in plan.if_applied_before],
        notice_said_at=_first_said(by_result[route.pathway] for route in plan.act_now),
        rest=[_other(result) for result in results if result.pathway not in on_page_one],
        document_numbers=_document_numbers(plan),
    )


def _stale_rules(screening: Screening, t: Translator) -> str | None:
    checked = screening.rules_checked
    if checked is None or not is_stale(checked, screening.today):
        return None
    return t._(STALE_NOTE) % {"date": format_date(checked, t.language)}


def _document_numbers(plan: Plan) -> dict[str, list[int]]:
    numbers: dict[str, list[int]] = {}
    for number, document in enumerate(plan.documents, start=1):
        for pathway in document.pathways:
            numbers.setdefault(pathway, []).append(number)
    return numbers


def _first_said(results: Iterable[PathwayResult]) -> dict[str, str]:
    """For each notice, the first route (in plan order) whose block says it in full; the
    later ones only point back to it."""
    first: dict[str, str] = {}
    for result in results:
        for notice in result.notices:
            first.setdefault(notice.id, result.pathway)
    return first


def _other(result: PathwayResult) -> OtherRoute:
    """Why a route is not one to act on now, in one line: the first criterion not met, or its
    closure, which stops this person."""
    failed = next((c for c in result.criteria if c.outcome is Outcome.NOT_MET), None)
    if failed is not None:
        return OtherRoute(result, failed.text, why_is_text=True)
    return OtherRoute(result, WHY_CLOSED, why_is_text=False)


WHY_CLOSED = N_("You may fit it, but it is closed to you.")


def _detail(result: PathwayResult) -> bool:
    """Routes shown in full: eligible or possibly eligible, and open (or maybe open) to the
    person: open, or closed but the closure does not (or may not) stop them."""
    return (
        result.verdict is not Verdict.NOT_ELIGIBLE and result.open_to_person is not Outcome.NOT_MET
    )


def _common_unknown(results: list[PathwayResult]) -> list[CriterionResult]:
    """The criteria (by id) that are unknown, or not met, alike in every one of ``results``:
    said once above the list instead of in each line."""
    if len(results) < 2:
        return []
    first, *rest = results
    return [
        c
        for c in first.criteria
        if c.outcome is not Outcome.MET
        and all(any(o.id == c.id and o.outcome is c.outcome for o in r.criteria) for r in rest)
    ]


def source_label(country: str, source_id: str) -> str:
    return f"{country.upper()}-{source_id}"


def _country_notices(results: list[PathwayResult], engine: Engine) -> list[CountryNotice]:
    """The notices that apply or may apply to the person, once each, in the data's order."""
    seen: dict[str, NoticeResult] = {}
    for result in results:
        for notice in result.notices:
            seen.setdefault(notice.id, notice)
    if not seen:
        return []
    names = {r.pathway: r.name for r in results}
    country = next((c for c in engine.rules.countries if c.country == results[0].country), None)
    order = [n.id for n in country.notices] if country else list(seen)
    scope = {n.id: n.pathways for n in country.notices} if country else {}
    return [
        CountryNotice(
            notice=seen[notice_id],
            routes=[names.get(p, p) for p in scope.get(notice_id) or []],
        )
        for notice_id in order
        if notice_id in seen
    ]


def _cited(
    result: PathwayResult, pathway: Pathway | None, order: Mapping[tuple[str, str], int]
) -> list[str]:
    """The source ids the summary cites for a route it shows, in the order of the country's
    data file (``order``, as in the list at the end): its status (and the exemption from a
    closure, when shown), the criteria it shows (a route in detail: every criterion, met or
    not; a closed route the person would meet: all of them, "you meet all N"; a UNHCR
    category: those not met, the ones said once above the list included) and the family rules
    it shows. Sources of the route's data that back nothing shown are left out, so the list at
    the end stays short."""
    ids: list[str] = []
    if pathway is not None:
        ids.append(pathway.status_source)
        if result.exemption and pathway.status_exemption is not None:
            ids.append(pathway.status_exemption.source)
    if result.kind is Kind.UNHCR_CATEGORY:
        criteria = [c for c in result.criteria if c.outcome is not Outcome.MET]
    else:
        criteria = list(result.criteria)
    ids.extend(c.source for c in criteria)
    if pathway is not None:
        shown_rules = {m.rule for m in result.family if m.outcome is not Outcome.MET and m.rule}
        ids.extend(r.source for r in pathway.family.rules if r.text in shown_rules)
    return sorted(dict.fromkeys(ids), key=lambda source: order.get((result.country, source), 0))


def _sources(
    cited: Mapping[str, list[str]], results: list[PathwayResult], engine: Engine
) -> list[SourceEntry]:
    """Every source the summary cites, once, in the order of the countries' data files: those
    the routes shown cite (``cited``, by route) and those of the country notices."""
    country_of = {r.pathway: r.country for r in results}
    wanted: set[tuple[str, str]] = {
        (country_of[pathway], source) for pathway, ids in cited.items() for source in ids
    }
    for result in results:
        wanted.update((result.country, notice.source) for notice in result.notices)
    return [
        SourceEntry(
            label=source_label(country.country, source.id),
            source=SourceRef(**source.model_dump()),
        )
        for country in engine.rules.countries
        for source in country.sources
        if (country.country, source.id) in wanted
    ]


def _answers(
    answers: Mapping[str, JSONValue], engine: Engine, t: Translator, include_sensitive: bool
) -> tuple[list[AnswerSection], int]:
    language = t.language
    left_out = 0
    sections = []
    for section in engine.questionnaire.sections:
        rows: list[AnswerRow] = []
        for question in section.questions:
            if question.id not in answers:
                continue
            if question.sensitive and not include_sensitive:
                left_out += 1
                continue
            value = answers[question.id]
            rows.append(AnswerRow(t._(question.text), answer_text(question, value, t)))
            if question.type is QuestionType.GROUP and isinstance(value, list):
                fields = {inner.id: inner for inner in question.questions}
                label = t._(question.item_label or "Entry")
                for number, entry in enumerate(value, start=1):
                    if not isinstance(entry, dict):
                        continue
                    item = parse_entry(question, entry)
                    summary = entry_summary(
                        question, item, language, t._, t.ngettext, sensitive=include_sensitive
                    )
                    if summary:
                        title = f"{label} {native_digits(number, language)}"
                        rows.append(AnswerRow(title, summary, inner=True))
                    for inner in question.questions:
                        if inner.id not in entry:
                            continue
                        if fields[inner.id].sensitive and not include_sensitive:
                            left_out += 1
                            continue
                        rows.append(
                            AnswerRow(
                                f"{label} {native_digits(number, language)}: {t._(inner.text)}",
                                answer_text(inner, entry[inner.id], t),
                                inner=True,
                            )
                        )
        if rows:
            sections.append(AnswerSection(t._(section.title), rows))
    return sections, left_out


def answer_text(question: Question, value: JSONValue, t: Translator) -> str:
    """An answer as the person would say it, in the translator's language."""
    _, language = t._, t.language
    if value == "unknown":
        return _("I don't know")
    if value == "prefer_not_to_say":
        return _("Prefer not to say")
    kind = question.type
    if kind is QuestionType.YES_NO and isinstance(value, bool):
        return _("Yes") if value else _("No")
    if kind is QuestionType.SINGLE_CHOICE and isinstance(value, str):
        return _choice_text(question, value, t)
    if kind is QuestionType.MULTI_CHOICE and isinstance(value, list):
        chosen = [_choice_text(question, str(v), t) for v in value]
        return "; ".join(chosen) if chosen else _("None of these")
    if kind is QuestionType.NUMBER and isinstance(value, int | float):
        number = format_number(value, language)
        return f"{number} {_(question.unit)}" if question.unit else number
    if kind is QuestionType.DATE and isinstance(value, str | int):
        return _date_text(value, language) or str(value)
    if kind is QuestionType.COUNTRY and isinstance(value, str):
        return _country_names(language).get(value, value)
    if kind is QuestionType.GROUP and isinstance(value, list):
        count = len(value)
        return t.ngettext("%(count)s entry", "%(count)s entries", count) % {
            "count": native_digits(count, language)
        }
    return str(value)


def _birth_dates(screening: Screening, language: str) -> dict[int, str]:
    """Each family member's birth date as given (so two children never read alike)."""
    members = screening.answers.get("family_members")
    born: dict[int, str] = {}
    for number, member in enumerate(members if isinstance(members, list) else [], start=1):
        raw = member.get("member_birth_date") if isinstance(member, dict) else None
        if isinstance(raw, str) and (text := _date_text(raw, language)):
            born[number] = text
    return born


def _date_text(value: str | int, language: str) -> str | None:
    """A date as given ("1985", "1388-12 SH"), as the reader writes dates; None if it is not
    one ("unknown")."""
    try:
        return format_approx_date(ApproxDate.parse(str(value)), language)
    except ValueError:
        return None


def _choice_text(question: Question | None, value: str, t: Translator) -> str:
    choice = question.choice(value) if question is not None else None
    return t._(choice.text) if choice is not None else value


@cache
def _country_names(language: str) -> Mapping[str, str]:
    return dict(Locale.parse(language).territories)


# --- words for the template -------------------------------------------------------------------


def verdict_text(verdict: Verdict, t: Translator | None = None) -> str:
    return (t or Translator(current_language()))._(VERDICT[verdict])


def status_text(status: Status, t: Translator | None = None) -> str:
    return (t or Translator(current_language()))._(STATUS[status])


def outcome_text(outcome: Outcome, t: Translator | None = None) -> str:
    return (t or Translator(current_language()))._(OUTCOME[outcome])


def referral_text(mode: ReferralMode, t: Translator | None = None) -> str:
    """How a route is entered, in the plan's one line (pathways/plan.py ACTION)."""
    return (t or Translator(current_language()))._(ACTION[mode])


# Filters read the language of the rendering from the template's context (``v``).


@jinja2.pass_context
def _tr_filter(context: jinja2.runtime.Context, text: str) -> str:
    """A text of our YAML data: its English is the msgid. A plain str, so it is escaped."""
    view: View = context["v"]
    return view.t._(str(text))


@jinja2.pass_context
def _date_filter(context: jinja2.runtime.Context, value: date | None) -> str:
    return "" if value is None else format_date(value, context["v"].language)


@jinja2.pass_context
def _dated_filter(context: jinja2.runtime.Context, value: str) -> str:
    """A source's printed date: a day in the reader's form when it is one, else as written."""
    language = context["v"].language
    try:
        return format_date(date.fromisoformat(value), language)
    except ValueError:
        return isolate(native_digits(value, language))


def _without_stop(text: str) -> str:
    """A sentence set inside parentheses: without its own full stop ("(… rule).", not ".).")."""
    return text.rstrip().removesuffix(".").removesuffix("۔")


_CLAUSE_END = re.compile(r"[,.;:!?،؛؟۔](?=\s)")


def _first_clause(text: str) -> str:
    """The first clause of a (translated) text, marked as cut: a line of a list that names
    many routes. The full text is in the appendix."""
    end = _CLAUSE_END.search(text)
    if end is None or end.end() == len(text.rstrip()):
        return text
    return text[: end.start()] + "…"


def _cite_filter(source_id: str, country: str) -> str:
    """A source as the text cites it (``US-S01``), kept whole in right-to-left text."""
    return isolate(source_label(country, source_id))


@jinja2.pass_context
def _number_filter(context: jinja2.runtime.Context, value: float) -> str:
    return format_number(value, context["v"].language)


def _words_filter(words: Callable[..., str]) -> Callable[..., str]:
    @jinja2.pass_context
    def apply(context: jinja2.runtime.Context, value: object) -> str:
        return words(value, context["v"].t)

    return apply


def _missing_gettext(message: str) -> str:
    raise SummaryError("summary template rendered without its language's gettext")


def _missing_ngettext(singular: str, plural: str, count: int) -> str:
    raise SummaryError("summary template rendered without its language's ngettext")


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        extensions=["jinja2.ext.i18n"],
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # Each rendering passes its own gettext/ngettext/_ (newstyle) in the context; these are
    # only there so that a template rendered without them fails loudly.
    env.install_gettext_callables(  # type: ignore[attr-defined]
        _missing_gettext, _missing_ngettext, newstyle=True
    )
    env.filters.update(
        {
            "tr": _tr_filter,
            "date": _date_filter,
            "dated": _dated_filter,
            "number": _number_filter,
            "isolate": isolate,
            "first_clause": _first_clause,
            "without_stop": _without_stop,
            "cite": _cite_filter,
            "verdict": _words_filter(verdict_text),
            "status": _words_filter(status_text),
            "outcome": _words_filter(outcome_text),
            "referral": _words_filter(referral_text),
        }
    )
    return env
