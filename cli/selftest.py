"""`masir --selftest`: check that this installation works, from source or as the built bundle.

It loads every rule file and the questionnaire, every language's catalog and locale data,
screens three built-in people (`cli.samples`) in every language, writes each summary PDF into
a temporary folder, checks the PDFs, removes them, and prints one line:

    masir selftest: ok — 45 pathways, 3 languages, 9 summaries in 2.1 s
    masir selftest: FAILED — summary not available; …

Exit code 0 when everything passed, 1 otherwise. No Qt, no network (sockets are refused while
it runs), nothing written outside the temporary folder.
"""

from __future__ import annotations

import importlib
import re
import socket
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from babel import Locale
from babel.messages.pofile import read_po

from cli.samples import SAMPLES, complete_interview
from i18n.runtime import (
    CATALOG_FOLDER,
    DOMAIN,
    LANGUAGES,
    SOURCE_LANGUAGE,
    current_language,
    set_language,
    text_direction,
    translations,
)
from pathways.engine import Engine, default_engine
from pathways.results import PathwayResult, Screening, Verdict
from summary.options import SummaryOptions

KNOWN_MSGID = "Check for myself"
"""A start-page text every translated catalog has: it must come out translated."""

EXPECTED_DIRECTION = {"en": "ltr", "fa_AF": "rtl", "ps": "rtl"}
_VERDICT_RANK = {Verdict.ELIGIBLE: 0, Verdict.POSSIBLY_ELIGIBLE: 1, Verdict.NOT_ELIGIBLE: 2}
_BIDI_MARKS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")

SummaryWriter = Callable[..., int]


class NetworkUsed(OSError):
    pass


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    pathways: int = 0
    languages: int = 0
    summaries: int = 0
    untranslated: dict[str, int] = field(default_factory=dict)
    network: list[str] = field(default_factory=list)

    def fail(self, message: str) -> None:
        self.failures.append(message)

    def verdict(self, seconds: float) -> str:
        untranslated = ", ".join(
            f"{code} {count}" for code, count in self.untranslated.items() if count
        )
        counts = (
            f"{self.pathways} pathways, {self.languages} languages"
            + (f" (untranslated: {untranslated})" if untranslated else "")
            + f", {self.summaries} summaries in {seconds:.1f} s"
        )
        failures = self.failures + [f"tried to open a connection ({n})" for n in self.network]
        if failures:
            return f"masir selftest: FAILED — {'; '.join(failures)} [{counts}]"
        return f"masir selftest: ok — {counts}"


def run_selftest(out: TextIO | None = None) -> int:
    """Run every check, print the one-line verdict to `out` (stdout), return the exit code."""
    started = time.perf_counter()
    report = Report()
    language = current_language()
    try:
        with _no_network(report), tempfile.TemporaryDirectory(prefix="masir-selftest-") as tmp:
            _check(report, Path(tmp))
    except Exception as error:  # the verdict line must come out whatever broke
        report.fail(f"unexpected {type(error).__name__}: {error}")
    finally:
        set_language(language)
    print(report.verdict(time.perf_counter() - started), file=out or sys.stdout, flush=True)
    return 1 if report.failures or report.network else 0


def _check(report: Report, folder: Path) -> None:
    try:
        engine = default_engine()
    except Exception as error:
        report.fail(f"rules or questionnaire do not load: {_message(error)}")
        return
    report.pathways = len(engine.rules.pathways)
    if report.pathways == 0:
        report.fail("no pathways loaded")
    languages = [code for code in LANGUAGES if _check_language(report, code)]
    report.languages = len(languages)
    writer = _summary_writer(report)
    for sample, raw in SAMPLES.items():
        try:
            interview = complete_interview(engine.questionnaire, raw)
        except Exception as error:
            report.fail(f"sample {sample}: {_message(error)}")
            continue
        for code in LANGUAGES:
            try:
                set_language(code)
                screening = engine.screen(interview, code)
            except Exception as error:
                report.fail(f"screening {sample} in {code}: {_message(error)}")
                continue
            if not screening.results:
                report.fail(f"screening {sample} in {code}: no results")
                continue
            if writer is not None:
                _check_summary(report, writer, engine, screening, folder / f"{sample}-{code}.pdf")


def _check_language(report: Report, code: str) -> bool:
    """The locale data and (except for English) the catalog load and translate."""
    try:
        locale = Locale.parse(code)
        direction = text_direction(code)
        if not locale.territories:
            raise ValueError("no country names")
    except Exception as error:
        report.fail(f"locale data for {code} does not load: {_message(error)}")
        return False
    if direction != EXPECTED_DIRECTION.get(code, direction):
        report.fail(f"{code} is written {direction}, expected {EXPECTED_DIRECTION[code]}")
        return False
    if code == SOURCE_LANGUAGE:
        return True
    try:
        catalog = translations(code)
    except Exception as error:
        report.fail(f"{code} catalog does not load: {_message(error)}")
        return False
    translated, total = _catalog_counts(code, catalog)
    if total is not None:
        report.untranslated[code] = total - translated
    if translated == 0:
        report.fail(f"{code} catalog has no translations")
        return False
    if catalog.gettext(KNOWN_MSGID) == KNOWN_MSGID:
        report.fail(f"{code} catalog does not translate '{KNOWN_MSGID}'")
        return False
    return True


def _catalog_counts(code: str, catalog: Any) -> tuple[int, int | None]:
    """(translated, total messages) from the .po file; without it, the loaded catalog's count."""
    source = CATALOG_FOLDER / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    if source.is_file():
        with source.open("rb") as stream:
            po = read_po(stream, locale=code)
        messages = [message for message in po if message.id]
        done = sum(
            1
            for message in messages
            if not message.fuzzy
            and all(message.string if isinstance(message.string, tuple) else (message.string,))
        )
        return done, len(messages)
    entries = getattr(catalog, "_catalog", {})
    return sum(1 for key in entries if key), None


def _summary_writer(report: Report) -> SummaryWriter | None:
    try:
        module = importlib.import_module("summary.export")
    except ModuleNotFoundError as error:
        if error.name in ("summary", "summary.export"):
            report.fail("summary not available")
        else:
            report.fail(f"summary does not load: {_message(error)}")
        return None
    except Exception as error:
        report.fail(f"summary does not load: {_message(error)}")
        return None
    writer = getattr(module, "write_summary", None)
    if not callable(writer):
        report.fail("summary not available (no summary.export.write_summary)")
        return None
    return writer  # type: ignore[no-any-return]


def _check_summary(
    report: Report, writer: SummaryWriter, engine: Engine, screening: Screening, path: Path
) -> None:
    where = f"summary {path.stem}"
    try:
        pages = writer(screening, engine, path, SummaryOptions(language=screening.language))
        data = path.read_bytes()
    except Exception as error:
        report.fail(f"{where}: {_message(error)}")
        return
    problem = _pdf_problem(data, pages, screening)
    path.unlink(missing_ok=True)
    if problem:
        report.fail(f"{where}: {problem}")
    else:
        report.summaries += 1


def _pdf_problem(data: bytes, pages: int, screening: Screening) -> str | None:
    if not data:
        return "the PDF is empty"
    if not data.startswith(b"%PDF-"):
        return "the file is not a PDF"
    if b"%%EOF" not in data[-1024:]:
        return "the PDF is cut short"
    if not isinstance(pages, int) or pages < 1:
        return f"the writer reported {pages!r} pages"
    text = _pdf_text(data)
    if text is None:  # no pypdf: count the page objects ourselves
        found = len(_PAGE_OBJECT.findall(data))
        return None if found == pages else f"{found} page objects, but {pages} pages reported"
    found_pages, content = text
    if found_pages != pages:
        return f"{found_pages} pages in the PDF, but {pages} reported"
    top = _top_result(screening)
    if not any(_words_in(name, content) for name in _names(top, screening.language)):
        return f"the top result ({top.pathway}) is not in the PDF's text"
    return None


def _pdf_text(data: bytes) -> tuple[int, str] | None:
    """(pages, text without spaces) read with pypdf, or None when pypdf is not installed."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    from io import BytesIO

    reader = PdfReader(BytesIO(data))
    return len(reader.pages), _flat(" ".join(page.extract_text() or "" for page in reader.pages))


def _top_result(screening: Screening) -> PathwayResult:
    return min(screening.results, key=lambda result: _VERDICT_RANK.get(result.verdict, 3))


def _names(result: PathwayResult, language: str) -> list[str]:
    names = [result.pathway, result.name, translations(language).gettext(result.name)]
    return [name for name in names if name]


def _words_in(name: str, content: str) -> bool:
    """Every word of `name` is in the text (a mixed-direction line may extract its runs in
    visual order, so the words are looked for one by one, not as one string)."""
    words = [_flat(word.strip("()[],.:،؛")) for word in name.split()]
    return all(word in content for word in words if word)


def _flat(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_BIDI_MARKS)
    return "".join(text.split())


def _message(error: BaseException) -> str:
    return str(getattr(error, "message", None) or error or type(error).__name__)


@contextmanager
def _no_network(report: Report) -> Iterator[None]:
    """Refuse every socket while the self-test runs, and report any attempt.

    `socket.socket` stays a class (modules such as ssl subclass it when imported).
    """
    saved = (socket.socket, socket.create_connection, socket.getaddrinfo)

    def refuse(*args: object, **kwargs: object) -> Any:
        report.network.append(str(args[:2]))
        raise NetworkUsed("Masir must not open network connections")

    class RefusedSocket(socket.SocketType):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            refuse(*args)

    socket.socket = RefusedSocket  # type: ignore[misc,assignment]
    socket.create_connection = refuse
    socket.getaddrinfo = refuse
    try:
        yield
    finally:
        socket.socket, socket.create_connection, socket.getaddrinfo = saved  # type: ignore[misc]
