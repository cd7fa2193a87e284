"""`python main.py cases list|show|export|import|delete`: the case store without the window.

The store's passphrase comes from the terminal (getpass, never echoed) or, for scripts, from
MASIR_PASSPHRASE; an export file's passphrase from the terminal (asked twice when exporting) or
MASIR_EXPORT_PASSPHRASE. Failures are CaseStoreError: one line on stderr, exit 2.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cases import (
    PERMISSIONS_FIXED,
    CaseRecord,
    CaseStore,
    CaseStoreError,
    ErrorKind,
    default_store_folder,
    export_cases,
    import_cases,
    kdf_for_new_keys,
)
from cases.passphrase_rules import MIN_LENGTH
from cli.terminal import one_line
from forms.atomic_files import write_atomically
from forms.errors import MasirError
from pathways.engine import Engine

PASSPHRASE_ENV = "MASIR_PASSPHRASE"  # noqa: S105 (the name of a variable, not a secret)
EXPORT_PASSPHRASE_ENV = "MASIR_EXPORT_PASSPHRASE"  # noqa: S105
MIN_PASSPHRASE = MIN_LENGTH

Prompt = Callable[[str], str]


def add_cases_parser(commands: Any) -> None:
    """Register `cases` and its actions on the main parser's subcommands."""
    cases = commands.add_parser("cases", help="the encrypted case store of a caseworker")
    cases.add_argument(
        "--store",
        type=Path,
        default=None,
        help="the case store folder (default: Masir's folder in your user data)",
    )
    actions = cases.add_subparsers(dest="action", required=True)
    actions.add_parser("list", help="list the cases: id, label, last update, answers given")
    show = actions.add_parser("show", help="print one case's answers and last results as JSON")
    show.add_argument("case_id")
    export = actions.add_parser("export", help="write cases to a .masir file")
    export.add_argument("case_ids", nargs="+", metavar="CASE_ID")
    export.add_argument("--out", type=Path, required=True, help="the .masir file to write")
    raw = actions.add_parser(
        "export-raw",
        help="copy one case's encrypted row as it is (for recovering a damaged case)",
    )
    raw.add_argument("case_id")
    raw.add_argument("--out", type=Path, required=True, help="the file to write (JSON)")
    imported = actions.add_parser("import", help="add the cases of a .masir file")
    imported.add_argument("file", type=Path)
    delete = actions.add_parser("delete", help="delete a case for good")
    delete.add_argument("case_id")
    cases.set_defaults(run=run_cases)


def run_cases(args: argparse.Namespace, engine: Engine, prompt: Prompt | None = None) -> str:
    ask = prompt or getpass.getpass
    folder: Path = args.store or default_store_folder()
    passphrase = _secret(PASSPHRASE_ENV, "Case store passphrase: ", ask)
    with CaseStore.open(folder, passphrase) as store:
        if store.permissions_fixed:
            print(f"masir: warning: {PERMISSIONS_FIXED}", file=sys.stderr)
        for line in _integrity_lines(store):
            print(f"masir: warning: {line}", file=sys.stderr)
        if args.action == "list":
            return _list(store)
        if args.action == "show":
            return _show(store.load(_resolve(store, args.case_id)))
        if args.action == "export":
            ids = [_resolve(store, case_id) for case_id in args.case_ids]
            secret = _secret(EXPORT_PASSPHRASE_ENV, "Passphrase for the export file: ", ask)
            from_env = EXPORT_PASSPHRASE_ENV in os.environ
            if not from_env and ask("The same passphrase again: ") != secret:
                raise MasirError("The two passphrases are not the same; nothing was written.")
            if len(secret) < MIN_PASSPHRASE:
                raise MasirError(
                    f"The export passphrase needs at least {MIN_PASSPHRASE} characters."
                )
            out: Path = args.out
            if out.suffix != ".masir":
                out = out.with_name(out.name + ".masir")
            export_cases(store, ids, out, secret, kdf=kdf_for_new_keys())
            return f"exported {len(ids)} case(s) to {out}\n"
        if args.action == "export-raw":
            case_id = _resolve(store, args.case_id)
            nonce, ciphertext = store.raw_row(case_id)
            row = {"case_id": case_id, "nonce": nonce.hex(), "ciphertext": ciphertext.hex()}
            try:
                write_atomically(args.out, json.dumps(row).encode("ascii"))
            except OSError as error:
                raise CaseStoreError(ErrorKind.READ_ONLY) from error
            return f"wrote the encrypted row of {case_id} to {args.out} (still encrypted)\n"
        if args.action == "import":
            secret = _secret(EXPORT_PASSPHRASE_ENV, "Passphrase of the export file: ", ask)
            new_ids = import_cases(store, args.file, secret)
            return "".join(f"imported {case_id}\n" for case_id in new_ids)
        case_id = _resolve(store, args.case_id)
        store.delete(case_id)
        return f"deleted {case_id}\n"


def _secret(variable: str, question: str, ask: Prompt) -> str:
    value = os.environ.get(variable)
    if value is not None:
        return value
    try:
        return ask(question)
    except (EOFError, KeyboardInterrupt):
        raise MasirError("No passphrase was given.") from None


def _resolve(store: CaseStore, given: str) -> str:
    """A full case id, or a prefix of at least 6 characters naming exactly one case."""
    ids = store.case_ids()  # a damaged case can still be named (to delete it)
    if given in ids:
        return given
    matches = [case_id for case_id in ids if len(given) >= 6 and case_id.startswith(given)]
    if len(matches) == 1:
        return matches[0]
    raise CaseStoreError(ErrorKind.NOT_FOUND, f"There is no case with the id '{one_line(given)}'.")


def _integrity_lines(store: CaseStore) -> list[str]:
    """What changed outside Masir since it last wrote, one line each (told once)."""
    found = store.integrity
    lines = []
    if found.missing:
        lines.append(f"cases removed outside Masir: {', '.join(found.missing)}")
    if found.replaced:
        lines.append(f"cases replaced by another or older copy: {', '.join(found.replaced)}")
    if found.unexpected:
        lines.append(f"cases added outside Masir: {', '.join(found.unexpected)}")
    if found.unchecked:
        lines.append("the store's list of its cases was missing or damaged; it was made again")
    return lines


def _list(store: CaseStore) -> str:
    summaries, damaged = store.scan()
    lines = ["id\tlabel\tupdated\tanswered"]
    for summary in summaries:
        updated = summary.updated.isoformat(timespec="seconds")
        lines.append(
            f"{summary.case_id}\t{one_line(summary.label)}\t{updated}\t{summary.answered_count}"
        )
    lines += [
        f"{case_id}\t(damaged: cannot be read; delete it or restore it)\t-\t-"
        for case_id in damaged
    ]
    if damaged:
        print(
            f"masir: warning: {len(damaged)} damaged case(s): {', '.join(damaged)}", file=sys.stderr
        )
    return "\n".join(lines) + "\n"


def _show(record: CaseRecord) -> str:
    screening = record.screening
    summary: dict[str, Any] | None = None
    if isinstance(screening, dict):
        results = screening.get("results")
        summary = {
            "rules_version": screening.get("rules_version"),
            "today": screening.get("today"),
            "created": screening.get("created"),
            "verdicts": [
                {key: result.get(key) for key in ("pathway", "verdict", "status", "open_to_person")}
                for result in (results if isinstance(results, list) else [])
                if isinstance(result, dict)
            ],
        }
    payload = {
        "case_id": record.case_id,
        "label": record.label,
        "language": record.language,
        "created": record.created.isoformat(),
        "updated": record.updated.isoformat(),
        "current_question": record.current_question,
        "answers": record.answers,
        "last_screening": summary,
    }
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
