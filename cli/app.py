"""`python main.py <command>`: the headless commands, each a thin shell over the core."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from cli.cases_command import add_cases_parser
from cli.terminal import for_terminal, one_line
from cli.text_report import render_text
from forms.answers import Special, answer_to_json
from forms.answers_file import interview_from_answers, read_answers_file
from forms.errors import MasirError
from i18n.runtime import LANGUAGES, set_language
from pathways.engine import Engine, default_engine
from pathways.plan import derive_plan, plan_json
from summary.export import write_summary
from summary.options import Detail, SummaryOptions


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="masir",
        description="Masir: which resettlement routes may be open to an at-risk Afghan. "
        "Run without a command to open the window.",
        epilog="--selftest (before any command, same as the selftest command) checks this "
        "installation: rules, catalogs, three sample screenings and their PDFs.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    screen = commands.add_parser("screen", help="screen one answers file")
    screen.add_argument("answers", type=Path, help='a JSON or YAML file: {"answers": {...}}')
    screen.add_argument("--format", choices=("json", "text"), default="text")
    screen.add_argument("--today", type=_iso_date, help="screen as on this date (YYYY-MM-DD)")
    screen.add_argument(
        "--lang", choices=tuple(LANGUAGES), default="en", help="language of the output and PDF"
    )
    screen.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="write the summary PDF")
    screen.add_argument(
        "--bilingual", action="store_true", help="PDF in the chosen language and in English"
    )
    screen.add_argument(
        "--include-sensitive",
        action="store_true",
        help="put the answers marked sensitive in the PDF (left out by default)",
    )
    screen.add_argument("--case-reference", help="a caseworker's case reference for the PDF")
    screen.add_argument("--name", help="the person's name, only if they want it in the PDF")
    screen.add_argument(
        "--detail",
        choices=("summary", "full"),
        default="summary",
        help="summary: the plan first and a short overview (default); full: also every "
        "criterion with its sources, and in the PDF the answers given",
    )
    screen.set_defaults(run=_screen)

    interview = commands.add_parser(
        "interview", help="replay the window's interview with an answers file as the respondent"
    )
    interview.add_argument("answers", type=Path, help='a JSON or YAML file: {"answers": {...}}')
    interview.add_argument("--format", choices=("json",), default="json")
    interview.add_argument("--today", type=_iso_date, help="as on this date (YYYY-MM-DD)")
    interview.add_argument(
        "--all-questions", action="store_true", help="ask every question (a caseworker's setting)"
    )
    interview.set_defaults(run=_interview)

    for name, what in (("questions", "the questionnaire"), ("pathways", "the pathways")):
        listing = commands.add_parser(name, help=f"list {what} as JSON")
        listing.add_argument("--format", choices=("json",), default="json")
        listing.set_defaults(run=_list_questions if name == "questions" else _list_pathways)
    commands.add_parser(
        "selftest", help="check this installation and print one line (exit 0 when it works)"
    )
    add_cases_parser(commands)
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date in the form YYYY-MM-DD") from None


def _screen(args: argparse.Namespace, engine: Engine) -> str:
    set_language(args.lang)
    raw = read_answers_file(args.answers)
    interview = interview_from_answers(engine.questionnaire, raw, args.today or date.today())
    screening = engine.screen(interview, args.lang)
    if args.pdf is not None:
        options = SummaryOptions(
            language=args.lang,
            bilingual=args.bilingual,
            include_sensitive=args.include_sensitive,
            case_reference=args.case_reference,
            name=args.name,
            detail=Detail(args.detail),
        )
        pages = write_summary(screening, engine, args.pdf, options)
        return f"{args.pdf}: {pages} pages\n"
    if args.format == "json":
        payload = screening.model_dump(mode="json")
        payload["plan"] = plan_json(derive_plan(screening))
        return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    return render_text(screening, detail=args.detail == "full")


def _interview(args: argparse.Namespace, engine: Engine) -> str:
    """Answer each question the interview asks from the file ("unknown" where it is silent)."""
    raw = read_answers_file(args.answers)
    given = interview_from_answers(engine.questionnaire, raw, args.today or date.today()).answers
    interview = engine.interview(args.today or date.today(), every_question=args.all_questions)
    asked: list[str] = []
    while (question := interview.current()) is not None:
        asked.append(question.id)
        interview.answer(answer_to_json(given.get(question.id, Special.UNKNOWN)))
    results = json.loads(engine.screen(interview).model_dump_json())["results"]
    return json.dumps({"asked": asked, "results": results}, indent=2, ensure_ascii=False) + "\n"


def _list_questions(args: argparse.Namespace, engine: Engine) -> str:
    sections = [
        section.model_dump(mode="json", exclude_none=True, by_alias=True)
        for section in engine.questionnaire.sections
    ]
    return json.dumps({"sections": sections}, indent=2, ensure_ascii=False) + "\n"


def _list_pathways(args: argparse.Namespace, engine: Engine) -> str:
    countries = [
        country.model_dump(mode="json", exclude_none=True, by_alias=True)
        for country in engine.rules.countries
    ]
    payload = {"rules_version": engine.rules.version, "countries": countries}
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def run(argv: Sequence[str]) -> int:
    """Run one command; a MasirError is one line on stderr and exit code 2, never a traceback."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "selftest":
        from cli.selftest import run_selftest

        return run_selftest()
    if args.command == "screen" and args.pdf is None:
        for flag, given in (
            ("--bilingual", args.bilingual),
            ("--include-sensitive", args.include_sensitive),
            ("--case-reference", args.case_reference is not None),
            ("--name", args.name is not None),
        ):
            if given:
                parser.error(f"{flag} needs --pdf OUT.pdf")
    try:
        output = args.run(args, default_engine())
    except MasirError as error:
        print(f"masir: {one_line(error.message)}", file=sys.stderr)
        return 2
    sys.stdout.write(for_terminal(output) if sys.stdout.isatty() else output)
    return 0
