"""Installing a rule pack and rolling back, under Masir's data folder (pointers.py has the
layout), switched atomically.

    <data>/rules/packs/.staging-* a pack being unpacked and tested (removed at the next install)

An install unpacks and tests the pack in a staging folder, renames it into place, and only then
replaces the `current` pointer (written whole, flushed, renamed over the old one), so a kill at
any moment leaves either the old rules or the new ones in use, never a mix. At every start the
pack in use is verified again (pointers.chosen_pack); when it fails, or when the built-in rules
are a newer release, the built-in rules are used. They are never deleted.
"""

from __future__ import annotations

import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path

from forms.atomic_files import fsync_path, write_atomically
from forms.errors import FormsError
from i18n.runtime import _, ngettext
from pathways.engine import Engine, load_engine
from pathways.errors import RulePackError, RulesError
from pathways.model import RulesMeta
from pathways.packs import layout
from pathways.packs.archive import Pack, read_pack_file
from pathways.packs.pointers import (
    BUILT_IN,
    PACK_FILE,
    pack_meta,
    read_pointer,
    rules_folder,
    write_pointer,
)
from pathways.packs.versions import APP_VERSION, version_key
from pathways.rule_cases import failing_cases
from pathways.rules import read_meta


@dataclass(frozen=True)
class Installed:
    name: str
    meta: RulesMeta
    cases: int  # rule cases run, all passed


def install(path: Path, *, allow_older: bool = False, folder: Path | None = None) -> Installed:
    """Verify, test and switch to the pack at `path`; RulePackError changes nothing."""
    folder = folder or rules_folder()
    pack = read_pack_file(path)
    meta = pack_meta(pack)
    if version_key(meta.min_app_version) > version_key(APP_VERSION):
        raise RulePackError(
            _("This rule pack needs Masir %(needed)s or newer; this is Masir %(this)s.")
            % {"needed": meta.min_app_version, "this": APP_VERSION}
        )
    in_use, built_in = current_release(folder), read_meta().version
    if version_key(meta.version) < version_key(built_in):
        raise RulePackError(
            _(
                "This rule pack (%(new)s) is older than the rules built into this Masir "
                "(%(old)s); nothing was changed."
            )
            % {"new": meta.version, "old": built_in}
        )
    if not allow_older and version_key(meta.version) <= version_key(in_use):
        raise RulePackError(
            _(
                "This rule pack (%(new)s) is not newer than the rules in use (%(old)s); "
                "nothing was changed."
            )
            % {"new": meta.version, "old": in_use}
        )
    packs = folder / "packs"
    staging = packs / f".staging-{secrets.token_hex(4)}"
    try:
        packs.mkdir(parents=True, exist_ok=True)
        _remove_unused(folder)
        cases = _test(load_unpacked(pack, staging), staging)
        name = f"{meta.version}-{secrets.token_hex(4)}"
        os.rename(staging, packs / name)
        fsync_path(packs)
        write_pointer(folder / "previous", read_pointer(folder / "current") or BUILT_IN)
        write_pointer(folder / "current", name)
    except OSError as error:
        raise _not_saved(error) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    _remove_unused(folder)
    return Installed(name, meta, cases)


def rollback(folder: Path | None = None) -> str:
    """Return to the rules in use before the last install or rollback; the name now in use."""
    folder = folder or rules_folder()
    current = read_pointer(folder / "current") or BUILT_IN
    previous = read_pointer(folder / "previous")
    if previous is None or previous == current:
        raise RulePackError(_("There are no earlier rules to go back to; nothing was changed."))
    if previous != BUILT_IN and not (folder / "packs" / previous / PACK_FILE).is_file():
        raise RulePackError(_("The earlier rules are no longer there; nothing was changed."))
    try:
        write_pointer(folder / "current", previous)
        write_pointer(folder / "previous", current)
    except OSError as error:
        raise _not_saved(error) from None
    return previous


def _not_saved(error: OSError) -> RulePackError:
    return RulePackError(
        _("The rules could not be saved (%(reason)s); nothing was changed.")
        % {"reason": error.strerror or error.__class__.__name__}
    )


def current_release(folder: Path | None = None) -> str:
    """The release of the rules in use, without loading them."""
    folder = folder or rules_folder()
    built_in = read_meta().version
    name = read_pointer(folder / "current")
    if name in (None, BUILT_IN):
        return built_in
    try:
        installed = read_meta(folder / "packs" / name / layout.RULES).version
    except RulesError:
        return built_in
    return max(installed, built_in, key=version_key)


def load_unpacked(pack: Pack, root: Path) -> Engine:
    """Write the pack's files and the pack itself, flushed to disk, into the new folder `root`,
    and load its rules (RulePackError when they do not load or cannot be written)."""
    try:
        root.mkdir()
        folders = {root}
        for name, data in {**pack.files, PACK_FILE: pack.raw}.items():
            target = root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
            write_atomically(target, data)
        for each in folders:
            fsync_path(each)
    except OSError as error:
        raise _not_saved(error) from None
    try:
        return load_engine(root)
    except (RulesError, FormsError) as error:
        raise _not_loading(error) from None


def _test(engine: Engine, root: Path) -> int:
    """Run all the pack's rule cases; the number of cases run."""
    try:
        failures, total = failing_cases(engine, root / layout.CASES)
    except (RulesError, FormsError) as error:
        raise _not_loading(error) from None
    if total == 0:
        raise RulePackError(_("This rule pack holds no rule cases; it is refused."))
    if failures:
        raise RulePackError(
            ngettext(
                "%(count)d of the pack's rule cases fails (%(first)s); it is refused.",
                "%(count)d of the pack's rule cases fail (first: %(first)s); it is refused.",
                len(failures),
            )
            % {"count": len(failures), "first": failures[0]}
        )
    return total


def _not_loading(error: RulesError | FormsError) -> RulePackError:
    return RulePackError(
        _("The rules in this pack do not load: %(problem)s") % {"problem": error.message}
    )


def _remove_unused(folder: Path) -> None:
    """Remove packs neither `current` nor `previous` names, and staging left by a crash."""
    keep = {read_pointer(folder / "current"), read_pointer(folder / "previous")}
    for child in (folder / "packs").iterdir():
        if child.name not in keep:
            shutil.rmtree(child, ignore_errors=True)
    for leftover in folder.glob(".masir-*.part"):
        leftover.unlink(missing_ok=True)
