"""`python main.py rules show|diff|install|rollback|build`: rule packs without the window.

A refusal is a RulePackError: one line on stderr, exit 2, and the rules in use unchanged.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from pathways.engine import default_engine, rules_in_use
from pathways.freshness import rules_in_use_line, stale_line
from pathways.packs.build import build_pack
from pathways.packs.installed import install, rollback
from pathways.packs.pointers import BUILT_IN, installed_meta, read_pointer, rules_folder
from pathways.packs.preview import diff_lines, preview_pack


def add_rules_parser(commands: Any) -> None:
    """Register `rules` and its actions on the main parser's subcommands."""
    rules = commands.add_parser("rules", help="the rules in use and signed rule packs")
    actions = rules.add_subparsers(dest="action", required=True)
    actions.add_parser("show", help="which rules are in use, how old, and what rollback returns to")
    diff = actions.add_parser("diff", help="what installing a rule pack would change")
    diff.add_argument("pack", type=Path, metavar="PACK", help="a .masirrules file")
    installing = actions.add_parser(
        "install", help="verify a rule pack, run its rule cases, and use it from now on"
    )
    installing.add_argument("pack", type=Path, metavar="PACK", help="a .masirrules file")
    installing.add_argument(
        "--allow-older", action="store_true", help="accept a pack not newer than the rules in use"
    )
    actions.add_parser("rollback", help="go back to the rules in use before the last change")
    build = actions.add_parser(
        "build", help="maintainers: sign this repository's rules into a rule pack"
    )
    build.add_argument("out", type=Path, metavar="OUT", help="the .masirrules file to write")
    build.add_argument(
        "--key", type=Path, required=True, metavar="PRIVATE_KEY", help="an Ed25519 PEM file"
    )


def run_rules(args: argparse.Namespace, today: date | None = None) -> str:
    """The command's output; RulePackError (a MasirError) when it is refused."""
    action: str = args.action
    if action == "show":
        return _show(today or date.today())
    if action == "diff":
        return "\n".join(diff_lines(preview_pack(args.pack, rules_in_use().engine))) + "\n"
    if action == "install":
        done = install(args.pack, allow_older=args.allow_older)
        default_engine.cache_clear()
        return (
            f"Installed rules {done.meta.version} ({done.cases} rule cases pass); "
            "they are in use from now on.\n"
        )
    if action == "rollback":
        rollback()
        default_engine.cache_clear()
        return _show(today or date.today())
    cases = build_pack(args.out, args.key)
    return f"{args.out}: signed rule pack, {cases} rule cases pass\n"


def _show(today: date) -> str:
    in_use = rules_in_use()
    rules = in_use.engine.rules
    lines = [rules_in_use_line(rules.release, rules.checked.isoformat(), in_use.engine.from_pack)]
    if (stale := stale_line(rules.checked, today, rules.checked.isoformat())) is not None:
        lines.append(stale)
    if in_use.note:
        lines.append(in_use.note)
    previous = read_pointer(rules_folder() / "previous")
    if previous == BUILT_IN:
        lines.append("Rollback returns to: the built-in rules")
    elif previous is not None and (meta := installed_meta().get("previous")) is not None:
        lines.append(f"Rollback returns to: rules {meta.version}")
    return "\n".join(lines) + "\n"
