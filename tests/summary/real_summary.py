"""A real screening for summary tests and the bench, and the exact-word measure of a PDF."""

from __future__ import annotations

import io
import json
import unicodedata
from datetime import date
from pathlib import Path

from pypdf import PdfReader

from forms.answers_file import interview_from_answers
from forms.questionnaire import Questionnaire
from forms.questions import Question, QuestionType, Section
from pathways.engine import Engine, default_engine
from pathways.results import Screening
from summary.document import SummaryDocument

ROOT = Path(__file__).resolve().parents[2]
INTERPRETER = ROOT / "tests" / "data" / "siv_interpreter.json"
TODAY = date(2026, 11, 23)

# A person's own words, as a text answer would hold them: Dari with ZWNJ, and Pashto letters.
FREE_TEXT = "من می\u200cخواهم با خانواده\u200cام بروم. زه غواړم له خپلې کورنۍ سره لاړ شم."
NAME = "احمد شاه محمدی"
SENSITIVE_ANSWER_TEXT = "My ethnic group (for example Hazara)"  # identity_risk's choice
SENSITIVE_QUESTIONS = ("identity_risk", "medical_need")


def answers() -> dict[str, object]:
    data: dict[str, object] = json.loads(INTERPRETER.read_text(encoding="utf-8"))["answers"]
    data.update(
        gender="man",
        birth_date="1988-05",
        identity_risk=["ethnic_minority"],
        fears_persecution=True,
        medical_need=True,
        has_family_members=True,
        family_members=[
            {"member_relationship": "spouse", "member_birth_date": "1990"},
            {"member_relationship": "child", "member_birth_date": "2015-02-01"},
        ],
    )
    return data


def engine_with_notes() -> Engine:
    """The shipped engine plus a free-text question (the questionnaire has none yet)."""
    engine = default_engine()
    notes = Section(
        id="notes",
        title="Anything else",
        questions=[Question(id="notes", type=QuestionType.TEXT, text="Anything else to say?")],
    )
    return Engine(Questionnaire([*engine.questionnaire.sections, notes]), engine.rules)


def screening(
    engine: Engine | None = None, today: date = TODAY, notes: str | None = FREE_TEXT
) -> Screening:
    engine = engine or default_engine()
    interview = interview_from_answers(engine.questionnaire, answers(), today)
    result = engine.screen(interview)
    if notes is None:
        return result
    return result.model_copy(update={"answers": {**result.answers, "notes": notes}})


# --- measuring the text layer -----------------------------------------------------------------


def words(text: str) -> list[str]:
    """Words without the punctuation around them (ZWNJ inside a word is part of it)."""

    def edge(ch: str) -> bool:
        return unicodedata.category(ch)[0] in "PSZC" and ch != "\u200c"

    out = []
    for raw in unicodedata.normalize("NFC", text).split():
        start, end = 0, len(raw)
        while start < end and edge(raw[start]):
            start += 1
        while end > start and edge(raw[end - 1]):
            end -= 1
        if start < end:
            out.append(raw[start:end])
    return out


def letter_runs(text: str) -> list[str]:
    """The runs of one script in ``text``: Arabic-script letters (ZWNJ and marks inside), other
    letters, digits. pypdf lists the runs of a mixed right-to-left line in visual order and may
    glue one to the next ("کهSIV", "جملهٔ22", ")ثور(می"); the runs themselves come out whole."""

    def kind(ch: str) -> str:
        category = unicodedata.category(ch)
        if ch == "\u200c" or (category[0] in "LM" and "\u0600" <= ch <= "\u06ff"):
            return "arabic"
        if category[0] in "LM":
            return "letter"
        return "digit" if category == "Nd" else ""

    runs: list[str] = []
    previous = ""
    for ch in unicodedata.normalize("NFC", text):
        now = kind(ch)
        if now and now == previous:
            runs[-1] += ch
        elif now:
            runs.append(ch)
        previous = now
    return [run.strip("\u200c") for run in runs if run.strip("\u200c")]


def arabic_words(text: str) -> list[str]:
    """Words holding an Arabic-script letter (numbers alone are not counted)."""
    return [
        w
        for w in words(text)
        if any(unicodedata.category(c).startswith("L") and "\u0600" <= c <= "\u06ff" for c in w)
    ]


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() or "" for p in reader.pages))


def page_texts(data: bytes) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(io.BytesIO(data)).pages]


def document_text(document: SummaryDocument) -> str:
    """Every text the document lays out (blocks, header and footer lines)."""
    parts = [document.title]

    def flatten(value: object) -> None:
        if isinstance(value, list | tuple):
            for item in value:
                flatten(item)
        elif isinstance(value, str):
            parts.append(value)

    for block in document.blocks:
        flatten(list(block.model_dump(include={"text", "items", "rows", "header"}).values()))
    for line in (*document.header, *document.footer):
        parts.append(line.text)
    return "\n".join(parts)


def exact_share(document: SummaryDocument, data: bytes) -> tuple[int, int, list[str]]:
    """(found, total, missing): Dari/Pashto words of the document pypdf gives back exactly."""
    source = arabic_words(document_text(document))
    found = set(words(pdf_text(data)))
    missing = [w for w in source if w not in found]
    return len(source) - len(missing), len(source), missing
